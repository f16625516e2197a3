//! The people family: who is on the roster.

use super::super::history::Patch;
use super::super::ids::*;
use super::super::rejection::*;
use super::super::session::*;
use super::super::validate::*;

pub(super) fn set_participant(
    session: &mut Session,
    adding: bool,
    id: &ParticipantId,
    name: &str,
    organisation: &Option<String>,
    group: &Option<Group>,
) -> Result<Vec<Patch>, Rejection> {
    if adding && session.participants.contains_key(id) {
        return Err(Rejection::IdTaken {
            what: "participant",
            id: id.0,
        });
    }
    if !adding {
        participant(session, *id)?;
    }
    let name = checked(name, "name", MAX_NAME)?;
    let organisation = optional(organisation, "organisation")?;
    // Names on record were trimmed when recorded, as `name` is; the index holds them
    // lowercased, which is what `same_name` compares.
    if session
        .names
        .get(&name.to_lowercase())
        .is_some_and(|other| other != id)
    {
        return Err(Rejection::Duplicate {
            what: "a participant",
            name,
        });
    }
    let absent = session.participants.get(id).is_some_and(|p| p.absent);
    let new = Participant {
        id: *id,
        name,
        organisation,
        group: *group,
        absent,
    };
    let old = session.set_participant(*id, Some(new));
    session.next.participant = session.next.participant.max(id.0);
    Ok(vec![Patch::Participant(*id, old)])
}

pub(super) fn remove_participant(
    session: &mut Session,
    id: &ParticipantId,
) -> Result<Vec<Patch>, Rejection> {
    let who = participant(session, *id)?;
    if let Some(role) = role_of(session, *id) {
        return Err(Rejection::ParticipantInUse {
            name: who.name.clone(),
            role,
        });
    }
    let old = session.set_participant(*id, None);
    Ok(vec![Patch::Participant(*id, old)])
}

/// Why someone cannot leave the roster, if they hold a role that names them.
pub(crate) fn role_of(session: &Session, id: ParticipantId) -> Option<String> {
    for issue in session.issues.values() {
        if issue.convener == Some(id) {
            return Some(format!("they convene issue {}", issue.id));
        }
        if issue.plan.lead == Some(id) {
            return Some(format!("they lead issue {}", issue.id));
        }
        if issue.plan.supporters.contains(&id) {
            return Some(format!("they support issue {}", issue.id));
        }
        if issue.plan.steps.values().any(|s| s.owner == Some(id)) {
            return Some(format!("they own a next step of issue {}", issue.id));
        }
    }
    for round in session.rounds.values() {
        if round.ballots.contains_key(&id) {
            return Some(format!("they voted in round {}", round.id));
        }
    }
    None
}
