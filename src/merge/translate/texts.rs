//! The texts a change carries and how the losing side's text is kept beside the winner's
//! ("Also captured on Newsroom 2:"), so that a conflict never loses what was typed.

use crate::model::*;

/// Every text a change carries, for a conflict that keeps it nowhere else.
pub(super) fn texts_of(change: &Change) -> String {
    use Change::*;
    let parts: Vec<&str> = match change {
        ThemeSet { theme } | SessionCreated { theme } => vec![theme],
        ParticipantAdded {
            name, organisation, ..
        }
        | ParticipantUpdated {
            name, organisation, ..
        } => vec![name.as_str(), organisation.as_deref().unwrap_or("")],
        SpaceAdded { name, .. } | SpaceRenamed { name, .. } => vec![name],
        SlotAdded { label, .. } | SlotUpdated { label, .. } => vec![label],
        IssueRaised {
            title, description, ..
        }
        | IssueEdited {
            title, description, ..
        } => vec![title, description],
        ReportRecorded { report, .. } => {
            let mut v: Vec<&str> = report.attendee_names.iter().map(String::as_str).collect();
            v.extend([
                report.key_points.as_str(),
                report.recommendations.as_str(),
                report.follow_up.as_str(),
            ]);
            v
        }
        StepAdded { text, .. } | StepUpdated { text, .. } => vec![text],
        // Left out so far (the issue on merging says why a progress note should not be).
        ProgressRecorded { .. } => vec![],
        ParticipantRemoved { .. }
        | ReportReminderSet { .. }
        | SpaceRemoved { .. }
        | SlotRemoved { .. }
        | IssueDeleted { .. }
        | IssuesMerged { .. }
        | IssuePlaced { .. }
        | IssueUnplaced { .. }
        | IssueCancelled { .. }
        | RoundOpened { .. }
        | RoundClosed { .. }
        | RoundReopened { .. }
        | ResultsRevealed { .. }
        | DotAdded { .. }
        | DotRemoved { .. }
        | TallySet { .. }
        | LeadAssigned { .. }
        | SupporterAdded { .. }
        | SupporterRemoved { .. }
        | StepRemoved { .. }
        | TriageSet { .. }
        | FollowUpStarted { .. }
        | PriorityCarried { .. }
        | StepCarried { .. }
        | AbsenceSet { .. }
        | CopyMade { .. }
        | CopyMerged { .. }
        | Undo
        | Redo => vec![],
    };
    parts
        .into_iter()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

pub(super) const ALSO: &str = "\n\nAlso captured on ";

/// A text as its own part and the parts appended from other copies, by label.
pub(super) fn blocks(text: &str) -> (String, Vec<(String, String)>) {
    // A text that was empty on the winning side starts with a heading.
    let text = match text.strip_prefix(&ALSO[2..]) {
        Some(_) => format!("\n\n{text}"),
        None => text.to_string(),
    };
    let mut parts = text.split(ALSO);
    let head = parts.next().unwrap_or_default().to_string();
    let mut out = Vec::new();
    for part in parts {
        match part.split_once(":\n") {
            Some((label, body)) => out.push((label.to_string(), body.to_string())),
            None => out.push((String::new(), part.to_string())),
        }
    }
    (head, out)
}

/// Appends the losing side's text under a heading that says where it was captured. The
/// appended parts go in the order of their labels, so that copies merged in any order
/// read the same.
pub(super) fn join_text(winner: &str, loser: &str, label: &str) -> String {
    let (head, mut parts) = blocks(winner.trim_end());
    let (theirs, more) = blocks(loser.trim());
    for (l, body) in std::iter::once((label.to_string(), theirs)).chain(more) {
        let body = body.trim().to_string();
        if body.is_empty() || head.trim() == body || parts.iter().any(|(_, b)| b.trim() == body) {
            continue;
        }
        parts.push((l, body));
    }
    parts.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = head.trim_end().to_string();
    for (l, body) in parts {
        if out.is_empty() {
            out = format!("Also captured on {l}:\n{body}");
        } else {
            out.push_str(&format!("{ALSO}{l}:\n{body}"));
        }
    }
    out
}

pub(super) fn join_reports(winner: &Report, loser: &Report, label: &str) -> Report {
    let mut names = winner.attendee_names.clone();
    for n in &loser.attendee_names {
        if !names.iter().any(|m| m.trim() == n.trim()) {
            names.push(n.clone());
        }
    }
    Report {
        attendees: winner.attendees.max(loser.attendees),
        attendee_names: names,
        key_points: join_text(&winner.key_points, &loser.key_points, label),
        recommendations: join_text(&winner.recommendations, &loser.recommendations, label),
        follow_up: join_text(&winner.follow_up, &loser.follow_up, label),
    }
}

/// An issue's title, convener and description, as one text conflict.
pub(super) type IssueText = (String, Option<ParticipantId>, String);

pub(super) fn join_issue_text(winner: &IssueText, loser: &IssueText, label: &str) -> IssueText {
    let mut lost = String::new();
    if loser.0.trim() != winner.0.trim() {
        lost.push_str(&format!("\u{201c}{}\u{201d}", loser.0.trim()));
    }
    if !loser.2.trim().is_empty() {
        if !lost.is_empty() {
            lost.push('\n');
        }
        lost.push_str(loser.2.trim());
    }
    (
        winner.0.clone(),
        winner.1,
        join_text(&winner.2, &lost, label),
    )
}

pub(super) fn quote(text: &str) -> String {
    format!("\u{201c}{text}\u{201d}")
}
