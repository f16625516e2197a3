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

use super::ids::*;
use super::session::{Horizon, Issue, Session, Step, StepStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The meeting a follow-up continues: enough to find its file again, even renamed or
/// moved, and to tell it from a copy that went on differently.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The earlier session's `id` (from its file header).
    pub session: String,
    /// Its last `seq` when the follow-up was made: the carried plan is its state there.
    pub seq: u64,
    /// Its file name then.
    pub file: String,
    pub theme: String,
    /// The date of that meeting.
    pub date: NaiveDate,
}

/// A meeting of the programme before the one a follow-up links to, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub session: String,
    pub file: String,
    pub theme: String,
    pub date: NaiveDate,
}

impl From<&Link> for Meeting {
    fn from(link: &Link) -> Meeting {
        Meeting {
            session: link.session.clone(),
            file: link.file.clone(),
            theme: link.theme.clone(),
            date: link.date,
        }
    }
}

/// What a follow-up session knows about its place in the programme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub follows: Link,
    /// The meetings before `follows`, oldest first (copied, so the chain reads from one file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<Meeting>,
    /// This meeting's date: exports print it, and actions due before it are overdue.
    pub date: NaiveDate,
}

impl FollowUp {
    /// Every earlier meeting, oldest first, ending with the one this follows.
    pub fn chain(&self) -> Vec<Meeting> {
        let mut all = self.earlier.clone();
        all.push(Meeting::from(&self.follows));
        all
    }
}

/// The highest ids used so far in a programme (0 for none).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsedIds {
    #[serde(default)]
    pub participants: u32,
    #[serde(default)]
    pub issues: u32,
    #[serde(default)]
    pub steps: u32,
}

impl UsedIds {
    pub fn is_empty(&self) -> bool {
        *self == UsedIds::default()
    }
}

/// Where a carried priority or action was in the meeting before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    pub session: String,
    pub issue: IssueId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<StepId>,
}

/// An action as it stood at the end of one earlier meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub date: NaiveDate,
    pub status: StepStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// The owner's name then (names, not ids: the roster of that meeting is not copied).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The progress note recorded at that meeting.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Longest progress note, in characters: one line read aloud.
pub const MAX_NOTE: usize = 500;

/// Whether an action still needs doing.
pub fn is_open(status: StepStatus) -> bool {
    !matches!(status, StepStatus::Done | StepStatus::Dropped)
}

/// Due before the meeting's date and neither done nor dropped.
pub fn is_overdue(step: &Step, meeting: NaiveDate) -> bool {
    is_open(step.status) && step.due.is_some_and(|due| due < meeting)
}

impl Step {
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
