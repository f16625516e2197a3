//! The plan family: who leads a priority, who supports it, its next steps and triage.

use super::super::history::{IssuePart, Patch};
use super::super::ids::*;
use super::super::rejection::*;
use super::super::session::*;
use super::super::validate::*;
use chrono::NaiveDate;

pub(super) fn assign_lead(
    session: &mut Session,
    id: &IssueId,
    lead: &Option<ParticipantId>,
) -> Result<Vec<Patch>, Rejection> {
    let it = issue(session, *id)?;
    if it.plan.lead == *lead {
        return Err(Rejection::NoChange);
    }
    maybe_participant(session, *lead)?;
    let it = session.issues.get_mut(id).expect("checked");
    let old = std::mem::replace(&mut it.plan.lead, *lead);
    let mut patches = vec![Patch::Field(*id, IssuePart::Lead(old))];
    // A supporter who takes the lead is no longer listed as a supporter as well.
    if let Some(at) = lead.and_then(|p| it.plan.supporters.iter().position(|s| *s == p)) {
        let supporters = it.plan.supporters.clone();
        it.plan.supporters.remove(at);
        patches.push(Patch::Field(*id, IssuePart::Supporters(supporters)));
    }
    Ok(patches)
}

pub(super) fn supporter(
    session: &mut Session,
    adding: bool,
    id: &IssueId,
    who: &ParticipantId,
) -> Result<Vec<Patch>, Rejection> {
    let it = issue(session, *id)?;
    let name = participant(session, *who)?.name.clone();
    let has = it.plan.supporters.contains(who);
    if adding && has {
        return Err(Rejection::AlreadySupporter { name });
    }
    if adding && it.plan.lead == Some(*who) {
        return Err(Rejection::LeadsIt { name });
    }
    if !adding && !has {
        return Err(Rejection::NotSupporter { name });
    }
    let supporters = &mut session.issues.get_mut(id).expect("checked").plan.supporters;
    let old = supporters.clone();
    if adding {
        supporters.push(*who);
    } else {
        supporters.retain(|p| p != who);
    }
    Ok(vec![Patch::Field(*id, IssuePart::Supporters(old))])
}

pub(super) fn add_step(
    session: &mut Session,
    id: &IssueId,
    step: &StepId,
    text: &str,
    owner: &Option<ParticipantId>,
    due: &Option<NaiveDate>,
    horizon: &Horizon,
) -> Result<Vec<Patch>, Rejection> {
    let new = fresh_step(session, *id, *step, text, *owner)?;
    Ok(file_step(
        session,
        *id,
        NextStep {
            due: *due,
            horizon: *horizon,
            ..new
        },
    ))
}

/// A next step as `step_updated` says it now is; what it carries from earlier meetings
/// stays as it was.
pub(super) struct StepEdit<'a> {
    pub step: StepId,
    pub text: &'a str,
    pub owner: Option<ParticipantId>,
    pub due: Option<NaiveDate>,
    pub horizon: Horizon,
    pub status: StepStatus,
}

pub(super) fn update_step(
    session: &mut Session,
    id: &IssueId,
    edit: StepEdit,
) -> Result<Vec<Patch>, Rejection> {
    let step = &edit.step;
    if !issue(session, *id)?.plan.steps.contains_key(step) {
        return Err(Rejection::UnknownStep {
            issue: *id,
            step: *step,
        });
    }
    let text = checked(edit.text, "next step", MAX_TITLE)?;
    maybe_participant(session, edit.owner)?;
    let it = session.issues.get_mut(id).expect("checked");
    let was = &it.plan.steps[step];
    let new = NextStep {
        id: *step,
        text,
        owner: edit.owner,
        due: edit.due,
        horizon: edit.horizon,
        status: edit.status,
        carried_from: was.carried_from.clone(),
        history: was.history.clone(),
        note: was.note.clone(),
    };
    let old = it.plan.steps.insert(*step, new);
    Ok(vec![Patch::Field(*id, IssuePart::NextStep(*step, old))])
}

pub(super) fn remove_step(
    session: &mut Session,
    id: &IssueId,
    step: &StepId,
) -> Result<Vec<Patch>, Rejection> {
    if !issue(session, *id)?.plan.steps.contains_key(step) {
        return Err(Rejection::UnknownStep {
            issue: *id,
            step: *step,
        });
    }
    let it = session.issues.get_mut(id).expect("checked");
    let old = it.plan.steps.remove(step);
    Ok(vec![Patch::Field(*id, IssuePart::NextStep(*step, old))])
}

pub(super) fn set_triage(
    session: &mut Session,
    id: &IssueId,
    triage: &Option<Triage>,
) -> Result<Vec<Patch>, Rejection> {
    if issue(session, *id)?.plan.triage == *triage {
        return Err(Rejection::NoChange);
    }
    let it = session.issues.get_mut(id).expect("checked");
    let old = std::mem::replace(&mut it.plan.triage, *triage);
    Ok(vec![Patch::Field(*id, IssuePart::Triage(old))])
}

/// A new next step of issue `of`, not started, once the issue is known, the step's id
/// free, its text within the rules and its owner on the roster.
pub(super) fn fresh_step(
    session: &Session,
    of: IssueId,
    id: StepId,
    text: &str,
    owner: Option<ParticipantId>,
) -> Result<NextStep, Rejection> {
    issue(session, of)?;
    // Ids above the counter were never used; only a redo (or a hand-made log) brings back
    // an older one, and only then is every plan searched.
    if id.0 <= session.next.step
        && session
            .issues
            .values()
            .any(|i| i.plan.steps.contains_key(&id))
    {
        return Err(Rejection::IdTaken {
            what: "next step",
            id: id.0,
        });
    }
    let text = checked(text, "next step", MAX_TITLE)?;
    maybe_participant(session, owner)?;
    Ok(NextStep {
        id,
        text,
        owner,
        due: None,
        horizon: Horizon::default(),
        status: StepStatus::NotStarted,
        carried_from: None,
        history: vec![],
        note: String::new(),
    })
}

/// Adds a next step to issue `of` (known to be there); the patch takes it away again.
pub(super) fn file_step(session: &mut Session, of: IssueId, new: NextStep) -> Vec<Patch> {
    let id = new.id;
    let it = session.issues.get_mut(&of).expect("checked");
    let old = it.plan.steps.insert(id, new);
    session.next.step = session.next.step.max(id.0);
    vec![Patch::Field(of, IssuePart::NextStep(id, old))]
}
