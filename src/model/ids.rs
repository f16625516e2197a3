//! Typed identifiers, so an issue id can never be passed where a participant id is meant.
//! They are small integers assigned in order: readable in the file and in `convene log`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// A person in the room.
    ParticipantId
);
id_type!(
    /// A room, corner or table where breakouts meet.
    SpaceId
);
id_type!(
    /// A time slot on the agenda wall.
    SlotId
);
id_type!(
    /// An issue raised in the marketplace; shown to the room as its number.
    IssueId
);
id_type!(
    /// A round of dot voting.
    RoundId
);
id_type!(
    /// A next step in an issue's action plan.
    StepId
);

/// Ids of things created on a copy and the ids they were given when it was merged, kept so
/// that a copy merged again goes on meaning the same things.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdMap {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub participants: BTreeMap<u32, u32>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub spaces: BTreeMap<u32, u32>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub slots: BTreeMap<u32, u32>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub issues: BTreeMap<u32, u32>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rounds: BTreeMap<u32, u32>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub steps: BTreeMap<u32, u32>,
}

impl IdMap {
    pub fn is_empty(&self) -> bool {
        *self == IdMap::default()
    }
}
