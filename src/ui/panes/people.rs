//! Names typed in forms (a convener, a lead, a supporter, an owner) turned into
//! participants. A name on the roster (whatever its case) is that person. A name that is
//! not is never added silently: the first Enter says so in the field and offers the closest
//! names; Enter again on the same name adds the person, and the change that names them is
//! recorded with them as one step, so one undo takes both back.

use crate::model::commands;
use crate::model::{Change, ParticipantId, Session};
use crate::ui::pane::Cx;
use crate::ui::widgets::Field;

pub use crate::model::commands::Person;

/// What the name typed in `field` means. `None` while a new name waits for its second
/// Enter: the field's note and the notice say so, and offer the names it may have meant.
/// `pending` remembers the name already asked about; `taken` adds words about people
/// who cannot be picked here (e.g. "Owen Price already leads issue 4").
pub fn resolve(
    cx: &mut Cx,
    field: &mut Field,
    pending: &mut Option<String>,
    taken: Option<String>,
) -> Option<Person> {
    let name = match commands::person_named(cx.session(), &field.value()) {
        Person::New(name) => name,
        found @ (Person::Nobody | Person::Known(_)) => return Some(found),
    };
    if pending.as_deref() == Some(name.as_str()) {
        return Some(Person::New(name));
    }
    *pending = Some(name.clone());
    // The names the field offers already (each form offers only those who fit there).
    let close: Vec<String> = field
        .completions()
        .iter()
        .take(2)
        .map(|n| n.to_string())
        .collect();
    let mut words = format!("\"{name}\" is not on the roster");
    if !close.is_empty() {
        words.push_str(&format!(": ↓ picks {}", close.join(" or ")));
    }
    if let Some(taken) = taken {
        words.push_str(&format!(" ({taken})"));
    }
    words.push_str(" · Enter again adds them as a new person");
    field.set_note(Some("Not on the roster yet: Enter again adds them".into()));
    cx.error(words);
    None
}

/// Records what a command made of a change naming someone (with the new person first, if
/// any, as one step). Returns the person's id (if any) when recorded; on refusal the
/// notice says why.
pub fn record_naming(
    cx: &mut Cx,
    (changes, named): (Vec<Change>, Option<ParticipantId>),
) -> Option<Option<ParticipantId>> {
    cx.record_step(changes).then_some(named)
}

/// Words for the notice when someone new joined: " (Ami joined the roster)".
pub fn joined(who: &Person) -> String {
    match who {
        Person::New(name) => format!(" ({name} joined the roster)"),
        _ => String::new(),
    }
}

/// Everyone's name, for completion.
pub fn names(session: &Session) -> impl Iterator<Item = &str> {
    session.participants.values().map(|p| p.name.as_str())
}

/// A participant's name, or nothing.
pub fn name_of(session: &Session, id: Option<ParticipantId>) -> &str {
    id.map_or("", |id| session.participant_name(id))
}
