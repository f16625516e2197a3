//! Undo and redo. Each change remembers the prior value of everything it touched (a patch),
//! so undo restores exactly that, without rebuilding the session or cloning all of it.
//! Undo and redo are themselves events, so the log stays append-only and replay shows them.

use super::event::Change;
use super::ids::*;
use super::parts::{
    Issue, MergedCopy, NextStep, Participant, Placement, Report, Slot, Space, Triage,
};
use super::round::Round;
use std::collections::VecDeque;

/// How many changes can be taken back. Bounded so a long day's history cannot grow without
/// limit; being part of the rules, it gives the same result on every rebuild.
pub const UNDO_DEPTH: usize = 200;

/// The prior value of one thing a change touched.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Patch {
    Theme(String),
    ReportReminder(Option<u32>),
    Participant(ParticipantId, Option<Participant>),
    Space(SpaceId, Option<Space>),
    Slot(SlotId, Option<Slot>),
    Issue(IssueId, Option<Box<Issue>>),
    /// One part of an issue. The changes made most often (edits, reports, next steps)
    /// keep only what they replaced, moved out rather than copied, so a long day's log
    /// applies without copying whole issues.
    Field(IssueId, IssuePart),
    Round(RoundId, Option<Box<Round>>),
    /// How far a copy was merged in before.
    Copy(String, Option<MergedCopy>),
    /// A single dot, undone by its opposite: cheaper than a copy of the whole round.
    Dot {
        round: RoundId,
        issue: IssueId,
        voter: Option<ParticipantId>,
        added: bool,
    },
    /// The dots counted off the wall for one issue, as they were.
    Tally {
        round: RoundId,
        issue: IssueId,
        tally: u32,
    },
}

/// The prior value of one part of an issue.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum IssuePart {
    Text {
        title: String,
        convener: Option<ParticipantId>,
        description: String,
    },
    Placement(Option<Placement>),
    Cancelled(bool),
    Report(Report),
    Lead(Option<ParticipantId>),
    Supporters(Vec<ParticipantId>),
    /// A next step as it was, or `None` if it did not exist.
    NextStep(StepId, Option<NextStep>),
    Triage(Option<Triage>),
}

impl IssuePart {
    pub(crate) fn restore(self, issue: &mut Issue) {
        match self {
            IssuePart::Text {
                title,
                convener,
                description,
            } => {
                issue.title = title;
                issue.convener = convener;
                issue.description = description;
            }
            IssuePart::Placement(placement) => issue.placement = placement,
            IssuePart::Cancelled(cancelled) => issue.cancelled = cancelled,
            IssuePart::Report(report) => issue.report = report,
            IssuePart::Lead(lead) => issue.plan.lead = lead,
            IssuePart::Supporters(supporters) => issue.plan.supporters = supporters,
            IssuePart::NextStep(id, step) => restore(&mut issue.plan.steps, id, step),
            IssuePart::Triage(triage) => issue.plan.triage = triage,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Entry {
    /// One change, or the changes of a compound step in the order they were made.
    pub changes: Vec<Change>,
    pub patches: Vec<Patch>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct History {
    undo: VecDeque<Entry>,
    redo: Vec<Vec<Change>>,
}

impl History {
    pub fn undo_target(&self) -> Option<&[Change]> {
        self.undo.back().map(|e| e.changes.as_slice())
    }

    pub fn redo_target(&self) -> Option<&[Change]> {
        self.redo.last().map(Vec::as_slice)
    }

    /// How many steps can be undone and redone now.
    pub fn depths(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }

    /// A fresh change: it can be undone, and whatever was undone before can no longer be redone.
    pub fn record(&mut self, change: Change, patches: Vec<Patch>) {
        self.redo.clear();
        self.push(vec![change], patches);
    }

    /// A further change of the step recorded last: undone and redone with it.
    pub fn extend_last(&mut self, change: Change, patches: Vec<Patch>) {
        let entry = self
            .undo
            .back_mut()
            .expect("a step's first change is recorded");
        entry.changes.push(change);
        entry.patches.extend(patches);
    }

    fn push(&mut self, changes: Vec<Change>, patches: Vec<Patch>) {
        if self.undo.len() == UNDO_DEPTH {
            self.undo.pop_front();
        }
        self.undo.push_back(Entry { changes, patches });
    }

    pub fn take_undo(&mut self) -> Option<Entry> {
        self.undo.pop_back()
    }

    pub fn push_redo(&mut self, changes: Vec<Change>) {
        self.redo.push(changes);
    }

    pub fn take_redo(&mut self) -> Option<Vec<Change>> {
        self.redo.pop()
    }

    /// A redone step goes back on the undo stack without clearing what else can be redone.
    pub fn push_redone(&mut self, changes: Vec<Change>, patches: Vec<Patch>) {
        self.push(changes, patches);
    }
}

pub(crate) fn restore<K: Ord, V>(
    map: &mut std::collections::BTreeMap<K, V>,
    id: K,
    value: Option<V>,
) {
    match value {
        Some(v) => {
            map.insert(id, v);
        }
        None => {
            map.remove(&id);
        }
    }
}
