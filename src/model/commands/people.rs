//! The roster: people joining, changing and leaving it.

use crate::model::event::Change;
use crate::model::ids::ParticipantId;
use crate::model::session::{Group, Session};

/// Someone joining the roster, under the next free id, which is returned with the change.
pub fn add_person(
    session: &Session,
    name: &str,
    organisation: Option<String>,
    group: Option<Group>,
) -> (Change, ParticipantId) {
    let participant = session.next_participant_id();
    let change = Change::ParticipantAdded {
        participant,
        name: name.to_string(),
        organisation,
        group,
    };
    (change, participant)
}

pub fn update_person(
    participant: ParticipantId,
    name: &str,
    organisation: Option<String>,
    group: Option<Group>,
) -> Change {
    Change::ParticipantUpdated {
        participant,
        name: name.to_string(),
        organisation,
        group,
    }
}

pub fn remove_person(participant: ParticipantId) -> Change {
    Change::ParticipantRemoved { participant }
}
