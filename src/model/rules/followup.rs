//! The follow-up family: a meeting that follows another, what it carries forward, the
//! progress recorded on each action and who is away.

use super::issues::{file_issue, fresh_issue};
use super::plan::{file_step, fresh_step};
use crate::model::event::{Change, Event};
use crate::model::followup::{FollowUp, Link, MAX_NOTE, Meeting, Milestone, Origin, UsedIds};
use crate::model::history::{IssuePart, Patch};
use crate::model::ids::*;
use crate::model::rejection::*;
use crate::model::session::{Horizon, Issue, NextStep, Plan, Session, StepStatus};
use crate::model::validate::{checked, issue, long_text, maybe_participant, participant};
use chrono::NaiveDate;

/// Whether the event belongs to a follow-up's founding step (which is not undoable), and
/// whether it may: the link only as event 2, carried items only in that step.
pub(crate) fn founding(session: &Session, event: &Event) -> Result<bool, Rejection> {
    if let Change::FollowUpStarted { .. } = event.change {
        if session.last_seq != 1 || session.follow_up.is_some() {
            return Err(Rejection::FollowUpLate);
        }
        return Ok(true);
    }
    let within = event.joins() == Some(2) && session.follow_up.is_some();
    if event.change.is_carried() && !within {
        return Err(Rejection::NotFounding);
    }
    Ok(within)
}

/// A progress note is one line: line breaks typed or pasted become spaces.
fn one_line(text: &str) -> Result<String, Rejection> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    long_text(&joined, "progress note", MAX_NOTE)
}

pub(super) fn start(
    session: &mut Session,
    follows: &Link,
    date: &NaiveDate,
    earlier: &[Meeting],
    used: &UsedIds,
) -> Result<Vec<Patch>, Rejection> {
    checked(&follows.session, "earlier session's id", MAX_NAME)?;
    long_text(&follows.theme, "earlier theme", MAX_THEME)?;
    long_text(&follows.file, "earlier file name", MAX_NAME)?;
    for m in earlier {
        long_text(&m.theme, "earlier theme", MAX_THEME)?;
        long_text(&m.file, "earlier file name", MAX_NAME)?;
    }
    if *date < follows.date {
        return Err(Rejection::FollowUpBefore {
            date: *date,
            follows: follows.date,
        });
    }
    session.next.participant = session.next.participant.max(used.participants);
    session.next.issue = session.next.issue.max(used.issues);
    session.next.step = session.next.step.max(used.steps);
    session.follow_up = Some(FollowUp {
        follows: follows.clone(),
        earlier: earlier.to_vec(),
        date: *date,
    });
    Ok(vec![])
}

#[allow(
    clippy::too_many_arguments,
    reason = "the fields of the kind, as the file names them"
)]
pub(super) fn carry_priority(
    session: &mut Session,
    id: &IssueId,
    from: &Origin,
    title: &str,
    description: &str,
    lead: &Option<ParticipantId>,
    supporters: &[ParticipantId],
) -> Result<Vec<Patch>, Rejection> {
    let new = fresh_issue(session, *id, title, description)?;
    maybe_participant(session, *lead)?;
    let mut seen = vec![];
    for s in supporters {
        let name = participant(session, *s)?.name.clone();
        if Some(*s) == *lead {
            return Err(Rejection::LeadsIt { name });
        }
        if seen.contains(s) {
            return Err(Rejection::SupporterTwice { name });
        }
        seen.push(*s);
    }
    let new = Issue {
        plan: Plan {
            lead: *lead,
            supporters: seen,
            ..Plan::default()
        },
        carried_from: Some(from.clone()),
        ..new
    };
    Ok(file_issue(session, new))
}

#[allow(
    clippy::too_many_arguments,
    reason = "the fields of the kind, as the file names them"
)]
pub(super) fn carry_step(
    session: &mut Session,
    id: &IssueId,
    step: &StepId,
    from: &Origin,
    text: &str,
    owner: &Option<ParticipantId>,
    due: &Option<NaiveDate>,
    horizon: &Horizon,
    status: &StepStatus,
    history: &[Milestone],
) -> Result<Vec<Patch>, Rejection> {
    let new = fresh_step(session, *id, *step, text, *owner)?;
    let mut kept = Vec::with_capacity(history.len());
    for m in history {
        let mut m = m.clone();
        m.note = one_line(&m.note)?;
        if let Some(o) = &m.owner {
            long_text(o, "owner's name", MAX_NAME)?;
        }
        kept.push(m);
    }
    let new = NextStep {
        due: *due,
        horizon: *horizon,
        status: *status,
        carried_from: Some(from.clone()),
        history: kept,
        ..new
    };
    Ok(file_step(session, *id, new))
}

pub(super) fn record_progress(
    session: &mut Session,
    id: &IssueId,
    step: &StepId,
    status: &StepStatus,
    note: &str,
    due: &Option<NaiveDate>,
    owner: &Option<ParticipantId>,
) -> Result<Vec<Patch>, Rejection> {
    let Some(was) = issue(session, *id)?.plan.steps.get(step) else {
        return Err(Rejection::UnknownStep {
            issue: *id,
            step: *step,
        });
    };
    let note = one_line(note)?;
    maybe_participant(session, *owner)?;
    if was.status == *status && was.note == note && was.due == *due && was.owner == *owner {
        return Err(Rejection::NoChange);
    }
    let mut new = was.clone();
    new.status = *status;
    new.note = note;
    new.due = *due;
    new.owner = *owner;
    let it = session.issues.get_mut(id).expect("checked");
    let old = it.plan.steps.insert(*step, new);
    Ok(vec![Patch::Field(*id, IssuePart::NextStep(*step, old))])
}

pub(super) fn set_absence(
    session: &mut Session,
    id: &ParticipantId,
    absent: &bool,
) -> Result<Vec<Patch>, Rejection> {
    let who = participant(session, *id)?;
    if who.absent == *absent {
        return Err(Rejection::NoChange);
    }
    let old = who.clone();
    session.participants.get_mut(id).expect("checked").absent = *absent;
    Ok(vec![Patch::Participant(*id, Some(old))])
}
