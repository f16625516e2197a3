//! The issues family: raising, editing, merging and cancelling issues, and their reports.

use super::super::history::{IssuePart, Patch};
use super::super::ids::*;
use super::super::rejection::*;
use super::super::session::*;
use super::super::validate::*;

pub(super) fn raise(
    session: &mut Session,
    id: &IssueId,
    title: &str,
    convener: &Option<ParticipantId>,
    description: &str,
) -> Result<Vec<Patch>, Rejection> {
    let new = fresh_issue(session, *id, title, description)?;
    maybe_participant(session, *convener)?;
    Ok(file_issue(
        session,
        Issue {
            convener: *convener,
            ..new
        },
    ))
}

pub(super) fn edit(
    session: &mut Session,
    id: &IssueId,
    title: &str,
    convener: &Option<ParticipantId>,
    description: &str,
) -> Result<Vec<Patch>, Rejection> {
    issue(session, *id)?;
    let title = checked(title, "title", MAX_TITLE)?;
    let description = long_text(description.trim(), "description", MAX_TEXT)?;
    maybe_participant(session, *convener)?;
    let it = session.issues.get_mut(id).expect("checked above");
    let old = IssuePart::Text {
        title: std::mem::replace(&mut it.title, title),
        convener: std::mem::replace(&mut it.convener, *convener),
        description: std::mem::replace(&mut it.description, description),
    };
    Ok(vec![Patch::Field(*id, old)])
}

pub(super) fn delete(session: &mut Session, id: &IssueId) -> Result<Vec<Patch>, Rejection> {
    issue(session, *id)?;
    let mut patches = vec![];
    for round in session.rounds.values_mut() {
        if round.ballot.contains(id) {
            patches.push(Patch::Round(round.id, Some(Box::new(round.clone()))));
            round.drop_issue(*id);
        }
    }
    // Issues merged into this one live on only inside it, so they go with it rather
    // than point at an issue that no longer exists.
    let mut gone = vec![*id];
    let mut next = 0;
    while let Some(&target) = gone.get(next) {
        let folded = session
            .issues
            .values()
            .filter(|i| i.merged_into == Some(target));
        gone.extend(folded.map(|i| i.id));
        next += 1;
    }
    for gone in gone {
        patches.push(issue_patch(session, gone));
        session.issues.remove(&gone);
    }
    Ok(patches)
}

pub(super) fn cancel(
    session: &mut Session,
    id: &IssueId,
    cancelled: &bool,
) -> Result<Vec<Patch>, Rejection> {
    if issue(session, *id)?.cancelled == *cancelled {
        return Err(Rejection::NoChange);
    }
    let it = session.issues.get_mut(id).expect("checked");
    let old = std::mem::replace(&mut it.cancelled, *cancelled);
    Ok(vec![Patch::Field(*id, IssuePart::Cancelled(old))])
}

pub(super) fn record_report(
    session: &mut Session,
    id: &IssueId,
    report: &Report,
) -> Result<Vec<Patch>, Rejection> {
    issue(session, *id)?;
    if report.attendees > MAX_ATTENDEES {
        return Err(Rejection::TooManyAttendees);
    }
    let mut names = Vec::with_capacity(report.attendee_names.len());
    for name in &report.attendee_names {
        let name = name.trim();
        if !name.is_empty() {
            names.push(long_text(name, "attendee name", MAX_NAME)?);
        }
    }
    let attendees = report
        .attendees
        .max(names.len().try_into().unwrap_or(u32::MAX));
    if attendees > MAX_ATTENDEES {
        return Err(Rejection::TooManyAttendees);
    }
    let clean = Report {
        attendees,
        attendee_names: names,
        key_points: long_text(report.key_points.trim_end(), "key points", MAX_TEXT)?,
        recommendations: long_text(
            report.recommendations.trim_end(),
            "recommendations",
            MAX_TEXT,
        )?,
        follow_up: long_text(report.follow_up.trim_end(), "follow-up", MAX_TEXT)?,
    };
    let it = session.issues.get_mut(id).expect("checked");
    let old = std::mem::replace(&mut it.report, clean);
    Ok(vec![Patch::Field(*id, IssuePart::Report(old))])
}

/// A new issue as its title and description make it, once its id is known to be free and
/// they keep to the text rules (checked in that order: the first refusal is the one said).
pub(super) fn fresh_issue(
    session: &Session,
    id: IssueId,
    title: &str,
    description: &str,
) -> Result<Issue, Rejection> {
    if session.issues.contains_key(&id) {
        return Err(Rejection::IdTaken {
            what: "issue",
            id: id.0,
        });
    }
    Ok(Issue {
        id,
        title: checked(title, "title", MAX_TITLE)?,
        convener: None,
        description: long_text(description.trim(), "description", MAX_TEXT)?,
        placement: None,
        report: Report::default(),
        merged_into: None,
        cancelled: false,
        plan: Plan::default(),
        carried_from: None,
    })
}

/// Adds a new issue to the session; the patch takes it away again.
pub(super) fn file_issue(session: &mut Session, new: Issue) -> Vec<Patch> {
    let id = new.id;
    session.issues.insert(id, new);
    session.next.issue = session.next.issue.max(id.0);
    vec![Patch::Issue(id, None)]
}

fn issue_patch(session: &Session, id: IssueId) -> Patch {
    Patch::Issue(id, session.issues.get(&id).cloned().map(Box::new))
}

pub(super) fn merge(
    session: &mut Session,
    from: IssueId,
    into: IssueId,
) -> Result<Vec<Patch>, Rejection> {
    if from == into {
        return Err(Rejection::MergeIntoSelf);
    }
    let source = issue(session, from)?.clone();
    issue(session, into)?;
    let mut patches = vec![issue_patch(session, from), issue_patch(session, into)];
    for round in session.rounds.values_mut() {
        if round.ballot.contains(&from) {
            patches.push(Patch::Round(round.id, Some(Box::new(round.clone()))));
            round.move_votes(from, into);
        }
    }
    let target = session.issues.get_mut(&into).expect("checked");
    target.report.absorb(&source.report, &source.title);
    if target.placement.is_none() {
        target.placement = source.placement;
    }
    if target.plan.lead.is_none() {
        target.plan.lead = source.plan.lead;
    }
    for s in &source.plan.supporters {
        if !target.plan.supporters.contains(s) {
            target.plan.supporters.push(*s);
        }
    }
    // The lead may have come from the other issue, and was perhaps a supporter here.
    let lead = target.plan.lead;
    target.plan.supporters.retain(|s| Some(*s) != lead);
    target.plan.steps.extend(source.plan.steps.clone());
    if target.plan.triage.is_none() {
        target.plan.triage = source.plan.triage;
    }
    let merged = session.issues.get_mut(&from).expect("checked");
    merged.merged_into = Some(into);
    merged.placement = None;
    merged.plan.steps.clear();
    Ok(patches)
}
