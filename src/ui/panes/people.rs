//! Names typed in forms (a convener, an owner) turned into participants: an existing name
//! is matched whatever its case, a new one joins the roster first, so the facilitator never
//! has to leave a form to add someone.

use crate::model::{Change, ParticipantId, Session};
use crate::ui::pane::Cx;

/// Who a typed name means, after any needed `participant_added`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Person {
    Nobody,
    Known(ParticipantId),
    Added(ParticipantId),
}

impl Person {
    pub fn id(self) -> Option<ParticipantId> {
        match self {
            Person::Nobody => None,
            Person::Known(id) | Person::Added(id) => Some(id),
        }
    }
}

/// Finds `name` on the roster or adds it. `None` means the domain refused the new name (the
/// reason is already the notice).
pub fn person(cx: &mut Cx, name: &str) -> Option<Person> {
    let name = name.trim();
    if name.is_empty() {
        return Some(Person::Nobody);
    }
    if let Some(id) = cx.session().find_participant(name) {
        return Some(Person::Known(id));
    }
    let id = cx.session().next_participant_id();
    let added = cx.record(Change::ParticipantAdded {
        participant: id,
        name: name.to_string(),
        organisation: None,
        group: None,
    });
    added.then_some(Person::Added(id))
}

/// Everyone's name, for completion.
pub fn names(session: &Session) -> impl Iterator<Item = &str> {
    session.participants.values().map(|p| p.name.as_str())
}

/// A participant's name, or nothing.
pub fn name_of(session: &Session, id: Option<ParticipantId>) -> &str {
    id.map_or("", |id| session.participant_name(id))
}
