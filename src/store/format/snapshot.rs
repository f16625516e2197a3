//! The snapshot (`state`) as a session file's schema has it, with no field it does not
//! know. One schema, read two ways: whole (`StateView`), for a first frame and to check it
//! against the log; or a participant and an issue at a time (`Tally`), for a listing, which
//! only counts them and so never holds a large session's snapshot.

use crate::model::followup::FollowUp;
use crate::view::{IssueView, ParticipantView, RoundView, SlotView, SpaceView, StateView};
use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};
use std::fmt;

/// The `state` of a session file. Generic only in how its participants and issues are
/// held once read; each of them is read by its schema either way.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Strict<P, I> {
    theme: String,
    #[serde(default)]
    follow_up: Option<FollowUp>,
    participants: P,
    spaces: Vec<SpaceView>,
    slots: Vec<SlotView>,
    issues: I,
    rounds: Vec<RoundView>,
    #[serde(default)]
    report_reminder_minutes: Option<u32>,
}

/// What a reading keeps of a file's snapshot.
pub(super) trait Kept: Sized {
    /// The snapshot as read, by the schema.
    type Read: for<'de> Deserialize<'de>;

    fn keep(read: Self::Read) -> Self;
}

impl Kept for StateView {
    type Read = Strict<Vec<ParticipantView>, Vec<IssueView>>;

    fn keep(s: Self::Read) -> StateView {
        StateView {
            theme: s.theme,
            follow_up: s.follow_up,
            participants: s.participants,
            spaces: s.spaces,
            slots: s.slots,
            issues: s.issues,
            rounds: s.rounds,
            report_reminder_minutes: s.report_reminder_minutes,
        }
    }
}

/// What a listing shows of a snapshot.
#[derive(Clone, Debug, PartialEq)]
pub struct Tally {
    pub theme: String,
    pub follow_up: Option<FollowUp>,
    pub participants: usize,
    /// Issues still on the wall (not merged into another).
    pub issues: usize,
    /// Of those, the ones with a lead.
    pub leads: usize,
}

impl Kept for Tally {
    type Read = Strict<Counted, IssueCount>;

    fn keep(s: Self::Read) -> Tally {
        Tally {
            theme: s.theme,
            follow_up: s.follow_up,
            participants: s.participants.0,
            issues: s.issues.active,
            leads: s.issues.leads,
        }
    }
}

/// Participants, each read by its schema and dropped once counted.
pub(super) struct Counted(usize);

impl<'de> Deserialize<'de> for Counted {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Counted, D::Error> {
        struct Count;
        impl<'de> Visitor<'de> for Count {
            type Value = Counted;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of participants")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Counted, A::Error> {
                let mut n = 0;
                while seq.next_element::<ParticipantView>()?.is_some() {
                    n += 1;
                }
                Ok(Counted(n))
            }
        }
        d.deserialize_seq(Count)
    }
}

/// Issues, each read by its schema and dropped once counted.
pub(super) struct IssueCount {
    active: usize,
    leads: usize,
}

impl<'de> Deserialize<'de> for IssueCount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IssueCount, D::Error> {
        struct Count;
        impl<'de> Visitor<'de> for Count {
            type Value = IssueCount;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of issues")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<IssueCount, A::Error> {
                let mut count = IssueCount {
                    active: 0,
                    leads: 0,
                };
                while let Some(issue) = seq.next_element::<IssueView>()? {
                    if issue.merged_into.is_none() {
                        count.active += 1;
                        count.leads += usize::from(issue.lead.is_some());
                    }
                }
                Ok(count)
            }
        }
        d.deserialize_seq(Count)
    }
}
