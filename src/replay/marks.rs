//! Where the day changed phase: the first issue raised, the first placement on the agenda,
//! the first dot of a vote, the first lead. These are the landmarks a facilitator jumps
//! between when showing how the day went.

use crate::model::{Change, Event};
use chrono::{DateTime, FixedOffset};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    Issues,
    Agenda,
    Vote,
    Leads,
}

impl Phase {
    pub const ALL: [Phase; 4] = [Phase::Issues, Phase::Agenda, Phase::Vote, Phase::Leads];

    /// The letter drawn on the timeline (meaning never rests on colour alone).
    pub fn letter(self) -> char {
        match self {
            Phase::Issues => 'I',
            Phase::Agenda => 'P',
            Phase::Vote => 'V',
            Phase::Leads => 'L',
        }
    }

    /// What the mark stands for, for the legend and notices.
    pub fn label(self) -> &'static str {
        match self {
            Phase::Issues => "first issue",
            Phase::Agenda => "first placement",
            Phase::Vote => "first vote",
            Phase::Leads => "first lead",
        }
    }

    /// A shorter label for narrow screens.
    pub fn short_label(self) -> &'static str {
        match self {
            Phase::Issues => "issues",
            Phase::Agenda => "agenda",
            Phase::Vote => "vote",
            Phase::Leads => "leads",
        }
    }

    fn starts_with(self, change: &Change) -> bool {
        match self {
            Phase::Issues => matches!(change, Change::IssueRaised { .. }),
            Phase::Agenda => matches!(change, Change::IssuePlaced { .. }),
            Phase::Vote => matches!(change, Change::DotAdded { .. }),
            Phase::Leads => matches!(change, Change::LeadAssigned { lead: Some(_), .. }),
        }
    }
}

/// A phase mark: the position just after the event that began the phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub phase: Phase,
    pub position: usize,
    pub at: DateTime<FixedOffset>,
}

/// Finds the marks of a log read a piece at a time.
#[derive(Debug, Default)]
pub(super) struct Finder {
    found: Vec<Phase>,
}

impl Finder {
    /// The marks begun in `events`, the piece of the log after its first `offset` events,
    /// in log order (a day need not follow the usual order of phases).
    pub(super) fn scan(&mut self, events: &[Event], offset: usize) -> Vec<Mark> {
        let mut marks: Vec<Mark> = vec![];
        for phase in Phase::ALL {
            if self.found.contains(&phase) {
                continue;
            }
            if let Some(i) = events.iter().position(|e| phase.starts_with(&e.change)) {
                self.found.push(phase);
                marks.push(Mark {
                    phase,
                    position: offset + i + 1,
                    at: events[i].at,
                });
            }
        }
        marks.sort_by_key(|m| m.position);
        marks
    }
}
