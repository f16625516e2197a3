//! What a person asks for, turned into the changes to record: one place for the app's
//! panes, the command line and (later) the room page, so that one action is recorded the
//! same way whoever asks. Pure: each returns changes for `Journal::record_step`, whose
//! rules still check every one of them. One file per family of changes.

mod agenda;
mod followup;
mod issues;
mod people;
mod plan;
mod session;
mod voting;

pub use agenda::*;
pub use followup::*;
pub use issues::*;
pub use people::*;
pub use plan::*;
pub use session::*;
pub use voting::*;

use super::event::Change;
use super::ids::ParticipantId;
use super::session::Session;

/// Who a name typed or read from a file means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Person {
    Nobody,
    Known(ParticipantId),
    /// Not on the roster, and meant: joins it with the change that names them.
    New(String),
}

/// `change` for `who`, after adding them to the roster if they are new: one step, so one
/// undo takes both back. Also says which person the change names.
pub fn naming(
    session: &Session,
    who: &Person,
    change: impl FnOnce(Option<ParticipantId>) -> Change,
) -> (Vec<Change>, Option<ParticipantId>) {
    match who {
        Person::Nobody => (vec![change(None)], None),
        Person::Known(id) => (vec![change(Some(*id))], Some(*id)),
        Person::New(name) => {
            let (added, id) = add_person(session, name, None, None);
            (vec![added, change(Some(id))], Some(id))
        }
    }
}

/// A name read from a file or typed where only the roster counts: the person on the
/// roster with that name (whatever its case and surrounding spaces), else someone new.
pub fn person_named(session: &Session, name: &str) -> Person {
    match name.trim() {
        "" => Person::Nobody,
        name => session
            .find_participant(name)
            .map_or_else(|| Person::New(name.to_string()), Person::Known),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::Room;

    #[test]
    fn a_name_is_found_whatever_its_case_and_spaces() {
        let mut room = Room::new();
        let amira = room.person("Amira Patel", None);
        assert_eq!(
            person_named(room.s(), " amira PATEL "),
            Person::Known(amira)
        );
        assert_eq!(person_named(room.s(), "  "), Person::Nobody);
        assert_eq!(
            person_named(room.s(), " Sam Hale "),
            Person::New("Sam Hale".into())
        );
    }

    #[test]
    fn someone_new_joins_before_the_change_that_names_them() {
        let room = Room::new();
        let who = Person::New("Sam Hale".into());
        let (changes, named) = naming(room.s(), &who, |p| Change::LeadAssigned {
            issue: crate::model::IssueId(1),
            lead: p,
        });
        let id = room.s().next_participant_id();
        assert_eq!(named, Some(id));
        assert!(matches!(
            changes.as_slice(),
            [
                Change::ParticipantAdded { participant, .. },
                Change::LeadAssigned { lead: Some(lead), .. },
            ] if *participant == id && *lead == id
        ));
    }
}
