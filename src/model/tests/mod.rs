//! Tests of the domain rules, one or more per rule. They go through `Journal::record`, as a
//! screen does, and every refusal is checked to leave the session and its log untouched.

mod describe;
mod followup;
mod history;
mod issues;
mod plans;
mod roster;
mod voting;

use super::*;
use chrono::{DateTime, FixedOffset, TimeZone};

/// A time on the day of the workshop, `n` minutes after nine.
pub(super) fn at(n: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .expect("UTC is an offset")
        .with_ymd_and_hms(2026, 3, 12, 9, 0, 0)
        .single()
        .expect("a real time")
        + chrono::Duration::minutes(n as i64)
}

/// A session being run, with shorthands for the usual steps of a workshop.
pub(super) struct Room {
    pub j: Journal,
}

impl Room {
    pub fn new() -> Room {
        Room {
            j: Journal::create(at(0), "How do we get people home from hospital well?")
                .expect("a valid theme"),
        }
    }

    pub fn s(&self) -> &Session {
        &self.j.session
    }

    /// Records a change the rules must accept.
    pub fn ok(&mut self, change: Change) {
        let n = self.j.events.len() as u32;
        let kind = change.kind();
        if let Err(why) = self.j.record(at(n), change) {
            panic!("{kind} refused: {why}");
        }
    }

    /// Records a change the rules must refuse, and checks the refusal left nothing behind.
    pub fn refuse(&mut self, change: Change) -> Rejection {
        let before = self.j.clone();
        let kind = change.kind();
        let why = match self.j.record(at(0), change) {
            Ok(_) => panic!("{kind} was accepted"),
            Err(why) => why,
        };
        assert_eq!(self.j, before, "a refused {kind} changed the session");
        assert!(!why.to_string().is_empty());
        why
    }

    pub fn person(&mut self, name: &str, group: Option<Group>) -> ParticipantId {
        let id = self.s().next_participant_id();
        self.ok(Change::ParticipantAdded {
            participant: id,
            name: name.into(),
            organisation: None,
            group,
        });
        id
    }

    pub fn space(&mut self, name: &str) -> SpaceId {
        let id = self.s().next_space_id();
        self.ok(Change::SpaceAdded {
            space: id,
            name: name.into(),
        });
        id
    }

    pub fn slot(&mut self, label: &str) -> SlotId {
        let id = self.s().next_slot_id();
        self.ok(Change::SlotAdded {
            slot: id,
            label: label.into(),
            starts: None,
            ends: None,
        });
        id
    }

    pub fn issue(&mut self, title: &str) -> IssueId {
        let id = self.s().next_issue_id();
        self.ok(raise(id, title));
        id
    }

    pub fn place(&mut self, issue: IssueId, space: SpaceId, slot: SlotId) {
        self.ok(Change::IssuePlaced { issue, space, slot });
    }

    /// Opens a round on the given ballot.
    pub fn round(&mut self, dots: u32, max: Option<u32>, ballot: &[IssueId]) -> RoundId {
        self.round_with(dots, max, false, false, ballot)
    }

    pub fn round_with(
        &mut self,
        dots: u32,
        max: Option<u32>,
        anonymous: bool,
        hidden: bool,
        ballot: &[IssueId],
    ) -> RoundId {
        let id = self.s().next_round_id();
        self.ok(Change::RoundOpened {
            round: id,
            dots_per_person: dots,
            max_per_issue: max,
            anonymous,
            hidden,
            ballot: ballot.to_vec(),
        });
        id
    }

    pub fn dot(&mut self, round: RoundId, issue: IssueId, voter: Option<ParticipantId>) {
        self.ok(Change::DotAdded {
            round,
            issue,
            voter,
        });
    }

    pub fn undo(&mut self) {
        self.ok(Change::Undo);
    }

    pub fn redo(&mut self) {
        self.ok(Change::Redo);
    }

    pub fn round_of(&self, id: RoundId) -> &Round {
        &self.s().rounds[&id]
    }

    pub fn issue_of(&self, id: IssueId) -> &Issue {
        &self.s().issues[&id]
    }
}

pub(super) fn raise(issue: IssueId, title: &str) -> Change {
    Change::IssueRaised {
        issue,
        title: title.into(),
        convener: None,
        description: String::new(),
    }
}

pub(super) fn edit(issue: IssueId, title: &str) -> Change {
    Change::IssueEdited {
        issue,
        title: title.into(),
        convener: None,
        description: String::new(),
    }
}
