//! What a person asks for, turned into the changes to record: one place for the app's
//! panes, the command line and (later) the room page, so that one action is recorded the
//! same way whoever asks. Pure: each returns changes for `Journal::record_step`, whose
//! rules still check every one of them.

use super::event::Change;
use super::ids::{IssueId, ParticipantId};
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
            let id = session.next_participant_id();
            let added = Change::ParticipantAdded {
                participant: id,
                name: name.clone(),
                organisation: None,
                group: None,
            };
            (vec![added, change(Some(id))], Some(id))
        }
    }
}

/// A new issue raised by `convener`, who joins the roster with it if new.
pub fn raise_issue(
    session: &Session,
    title: &str,
    convener: &Person,
    description: &str,
) -> Vec<Change> {
    let issue = session.next_issue_id();
    naming(session, convener, |convener| Change::IssueRaised {
        issue,
        title: title.to_string(),
        convener,
        description: description.to_string(),
    })
    .0
}

/// A name read from a file: the person on the roster with that name, else someone new.
pub fn person_named(session: &Session, name: &str) -> Person {
    match name.trim() {
        "" => Person::Nobody,
        name => session
            .find_participant(name)
            .map_or_else(|| Person::New(name.to_string()), Person::Known),
    }
}

/// Folding issue `from` into `into`. Where both have a lead of their own, `from`'s lead
/// stays on as a supporter of `into`, in the same step, rather than drop out of the plan
/// unsaid; the second value names them so the notice can say so.
pub fn merge_issues(
    session: &Session,
    from: IssueId,
    into: IssueId,
) -> (Vec<Change>, Option<ParticipantId>) {
    let lead_of = |id| session.issues.get(&id).and_then(|i| i.plan.lead);
    let supports = |id, who| {
        let plan = session.issues.get(&id).map(|i| &i.plan.supporters);
        plan.is_some_and(|s: &Vec<_>| s.contains(&who))
    };
    let kept_on = match (lead_of(from), lead_of(into)) {
        (Some(theirs), Some(ours)) if theirs != ours && !supports(into, theirs) => Some(theirs),
        (Some(_) | None, Some(_) | None) => None,
    };
    let mut changes = vec![Change::IssuesMerged { from, into }];
    if let Some(person) = kept_on {
        changes.push(Change::SupporterAdded {
            issue: into,
            participant: person,
        });
    }
    (changes, kept_on)
}
