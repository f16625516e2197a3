//! Follow-up meetings: a session that continues an earlier one. Everything of that family
//! lives here: what a follow-up records about the meeting it follows, how the open plan is
//! carried into it (`carry`), how progress on an action is recorded, and the figures the
//! Progress pane, Closing, the exports and `convene history` read.
//!
//! A follow-up begins with one founding step, recorded by `convene follow-up` right after
//! `session_created`: `follow_up_started`, the roster (and perhaps the agenda's spaces and
//! slots), then `priority_carried` and `step_carried` for the open plan. Like the theme of
//! a new session, that step cannot be undone: it is where the meeting starts from.

mod carry;

pub use carry::{Earlier, carry, disagreements};

pub use super::parts::{FollowUp, Link, MAX_NOTE, Meeting, Milestone, Origin, UsedIds};

use super::session::{Horizon, Issue, NextStep, Session, StepStatus};
use chrono::NaiveDate;
use serde::Serialize;

/// Whether an action still needs doing.
pub fn is_open(status: StepStatus) -> bool {
    !matches!(status, StepStatus::Done | StepStatus::Dropped)
}

/// Due before the meeting's date and neither done nor dropped.
pub fn is_overdue(step: &NextStep, meeting: NaiveDate) -> bool {
    is_open(step.status) && step.due.is_some_and(|due| due < meeting)
}

impl NextStep {
    /// Where the action stood at the last meeting, if it was carried.
    pub fn last_time(&self) -> Option<&Milestone> {
        self.history.last()
    }

    /// Done at this meeting though it was not at the last one.
    pub fn done_since_last_time(&self) -> bool {
        self.status == StepStatus::Done
            && self
                .last_time()
                .is_some_and(|m| m.status != StepStatus::Done)
    }
}

impl Session {
    /// The meeting's date, in a follow-up.
    pub fn meeting_date(&self) -> Option<NaiveDate> {
        self.follow_up.as_ref().map(|f| f.date)
    }

    /// The priorities the Progress pane reviews, in issue order: carried ones first, then
    /// those added at this meeting that have a lead or next steps.
    pub fn priorities_under_review(&self) -> Vec<&Issue> {
        let mut carried: Vec<&Issue> = vec![];
        let mut new: Vec<&Issue> = vec![];
        for issue in self.active_issues() {
            if issue.carried_from.is_some() {
                carried.push(issue);
            } else if issue.plan.lead.is_some() || !issue.plan.steps.is_empty() {
                new.push(issue);
            }
        }
        carried.extend(new);
        carried
    }
}

/// The figures of an accountability summary: how the actions stand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub actions: usize,
    pub done: usize,
    pub under_way: usize,
    pub stuck: usize,
    pub not_started: usize,
    pub dropped: usize,
    pub overdue: usize,
}

impl Tally {
    pub fn add(&mut self, status: StepStatus, overdue: bool) {
        self.actions += 1;
        match status {
            StepStatus::Done => self.done += 1,
            StepStatus::UnderWay => self.under_way += 1,
            StepStatus::Stuck => self.stuck += 1,
            StepStatus::NotStarted => self.not_started += 1,
            StepStatus::Dropped => self.dropped += 1,
        }
        if overdue {
            self.overdue += 1;
        }
    }
}

/// How the session's actions stand against its meeting date (or `date`), overall and by
/// horizon. Only carried actions when `carried_only`.
pub fn tally(session: &Session, date: NaiveDate, carried_only: bool) -> (Tally, [Tally; 3]) {
    let mut all = Tally::default();
    let mut by = [Tally::default(); 3];
    for issue in session.active_issues() {
        for step in issue.plan.steps.values() {
            if carried_only && step.carried_from.is_none() {
                continue;
            }
            let overdue = is_overdue(step, date);
            all.add(step.status, overdue);
            let h = Horizon::ALL.iter().position(|h| *h == step.horizon);
            by[h.unwrap_or(0)].add(step.status, overdue);
        }
    }
    (all, by)
}

/// How the carried actions stood at the end of the previous meeting (from their copied
/// history), overall and by horizon, overdue against that meeting's date.
pub fn tally_last_time(session: &Session) -> (Tally, [Tally; 3]) {
    let mut all = Tally::default();
    let mut by = [Tally::default(); 3];
    let Some(f) = &session.follow_up else {
        return (all, by);
    };
    for issue in session.active_issues() {
        for step in issue.plan.steps.values() {
            let Some(m) = step.last_time() else { continue };
            let overdue = is_open(m.status) && m.due.is_some_and(|d| d < f.follows.date);
            all.add(m.status, overdue);
            let h = Horizon::ALL.iter().position(|h| *h == step.horizon);
            by[h.unwrap_or(0)].add(m.status, overdue);
        }
    }
    (all, by)
}
