//! Events in plain words, for `convene log`, replay captions and undo notices. Names and
//! titles come from the session as it was just before the event, because an event only
//! carries ids and what it changed.

use super::event::{Change, Event};
use super::ids::*;
use super::session::Session;
use super::tally::DotCount;

/// Longest name or title quoted in a description, in terminal columns; longer ones are cut
/// with "…" so a caption stays on one line.
pub(crate) const QUOTE_WIDTH: usize = 60;

/// What the event did, in a short line a facilitator can read aloud.
/// A change merged in from a copy says where it was captured: `[Newsroom 2] …`.
pub fn describe(before: &Session, event: &Event) -> String {
    match &event.from {
        Some(from) => format!(
            "[{}] {}",
            printable(&from.label),
            describe_change(before, &event.change)
        ),
        None => describe_change(before, &event.change),
    }
}

fn describe_change(before: &Session, change: &Change) -> String {
    use Change::*;
    let person = |id: ParticipantId| quote(before.participant_name(id));
    match change {
        SessionCreated { theme } => format!("session created: {}", quote(theme)),
        ThemeSet { theme } => format!("theme set: {}", quote(theme)),
        ReportReminderSet { minutes: 0 } => "report reminder turned off".to_string(),
        ReportReminderSet { minutes } => {
            format!("reports asked for {minutes} min before a slot ends")
        }
        ParticipantAdded {
            name, organisation, ..
        } => match organisation.as_deref().map(str::trim) {
            Some(org) if !org.is_empty() => {
                format!("{} joined ({})", quote(name), quote(org))
            }
            _ => format!("{} joined", quote(name)),
        },
        ParticipantUpdated {
            participant, name, ..
        } => match before.participants.get(participant) {
            Some(p) if p.name.trim() != name.trim() => {
                format!("{} is now {}", quote(&p.name), quote(name))
            }
            _ => format!("details of {} updated", quote(name)),
        },
        ParticipantRemoved { participant } => format!("{} left", person(*participant)),
        SpaceAdded { name, .. } => format!("space added: {}", quote(name)),
        SpaceRenamed { space, name } => match before.spaces.get(space) {
            Some(old) => format!("space {} renamed {}", quote(&old.name), quote(name)),
            None => format!("space renamed {}", quote(name)),
        },
        SpaceRemoved { space } => format!("space removed: {}", space_name(before, *space)),
        SlotAdded { label, .. } => format!("slot added: {}", quote(label)),
        SlotUpdated { slot, label, .. } => match before.slots.get(slot) {
            Some(old) if old.label.trim() != label.trim() => {
                format!("slot {} renamed {}", quote(&old.label), quote(label))
            }
            _ => format!("slot {} updated", quote(label)),
        },
        SlotRemoved { slot } => format!("slot removed: {}", slot_label(before, *slot)),
        IssueRaised {
            issue,
            title,
            convener,
            ..
        } => match convener {
            Some(c) => format!(
                "issue {issue} raised: {} (convener: {})",
                quote(title),
                person(*c)
            ),
            None => format!("issue {issue} raised: {}", quote(title)),
        },
        IssueEdited { issue, title, .. } => format!("issue {issue} edited: {}", quote(title)),
        IssueDeleted { issue } => with_title(before, *issue, "deleted"),
        IssuesMerged { from, into } => format!("issue {from} merged into issue {into}"),
        IssuePlaced { issue, space, slot } => format!(
            "issue {issue} placed in {} at {}",
            space_name(before, *space),
            slot_label(before, *slot)
        ),
        IssueUnplaced { issue } => format!("issue {issue} taken off the agenda"),
        IssueCancelled { issue, cancelled } => match cancelled {
            true => format!("issue {issue} cancelled"),
            false => format!("issue {issue} back on"),
        },
        ReportRecorded { issue, report } => match report.attendees {
            0 => format!("report recorded for issue {issue}"),
            1 => format!("report recorded for issue {issue} (1 attended)"),
            n => format!("report recorded for issue {issue} ({n} attended)"),
        },
        RoundOpened {
            round,
            dots_per_person,
            max_per_issue,
            anonymous,
            hidden,
            ballot,
        } => {
            let mut words = format!(
                "voting round {round} opened: {} each, {} on the ballot",
                plural(*dots_per_person as usize, "dot"),
                plural(ballot.len(), "issue")
            );
            if let Some(max) = max_per_issue {
                words.push_str(&format!(", at most {max} per issue"));
            }
            if *anonymous {
                words.push_str(", anonymous");
            }
            if *hidden {
                words.push_str(", results hidden");
            }
            words
        }
        RoundClosed { round } => match before.rounds.get(round) {
            Some(r) => format!("voting round {round} closed: {}", DotCount::of(r)),
            None => format!("voting round {round} closed"),
        },
        RoundReopened { round } => format!("voting round {round} reopened"),
        ResultsRevealed { round } => format!("results of round {round} revealed"),
        DotAdded {
            round,
            issue,
            voter,
        } => match voter {
            Some(v) => format!("dot from {} for issue {issue} in round {round}", person(*v)),
            None => format!(
                "{} for issue {issue} in round {round}",
                unnamed(before, *round)
            ),
        },
        DotRemoved {
            round,
            issue,
            voter,
        } => match voter {
            Some(v) => format!(
                "dot from {} taken off issue {issue} in round {round}",
                person(*v)
            ),
            None => format!(
                "{} taken off issue {issue} in round {round}",
                unnamed(before, *round)
            ),
        },
        TallySet { round, issue, dots } => {
            format!(
                "issue {issue} counted at {} in round {round}",
                plural(*dots as usize, "dot")
            )
        }
        LeadAssigned { issue, lead } => match lead {
            Some(p) => format!("{} leads issue {issue}", person(*p)),
            None => format!("issue {issue} has no lead now"),
        },
        SupporterAdded { issue, participant } => {
            format!("{} supports issue {issue}", person(*participant))
        }
        SupporterRemoved { issue, participant } => {
            format!("{} no longer supports issue {issue}", person(*participant))
        }
        StepAdded {
            issue, text, owner, ..
        } => match owner {
            Some(o) => format!(
                "next step for issue {issue}: {} (owner: {})",
                quote(text),
                person(*o)
            ),
            None => format!("next step for issue {issue}: {}", quote(text)),
        },
        StepUpdated {
            issue,
            text,
            status,
            ..
        } => format!(
            "next step of issue {issue} updated: {} ({})",
            quote(text),
            status.label()
        ),
        StepRemoved { issue, step } => {
            let text = before
                .issues
                .get(issue)
                .and_then(|i| i.plan.steps.get(step))
                .map(|s| s.text.as_str());
            match text {
                Some(t) => format!("next step of issue {issue} removed: {}", quote(t)),
                None => format!("next step {step} of issue {issue} removed"),
            }
        }
        TriageSet { issue, triage } => match triage {
            Some(t) => format!("issue {issue}: {}", t.label()),
            None => format!("issue {issue}: decision cleared"),
        },
        FollowUpStarted { follows, date, .. } => format!(
            "follow-up of {} (meeting of {}), meeting on {}",
            quote(&follows.theme),
            day(follows.date),
            day(*date)
        ),
        PriorityCarried {
            issue, title, lead, ..
        } => match lead {
            Some(l) => format!(
                "issue {issue} carried over: {} (lead: {})",
                quote(title),
                person(*l)
            ),
            None => format!("issue {issue} carried over: {}", quote(title)),
        },
        StepCarried {
            issue,
            text,
            status,
            ..
        } => format!(
            "next step of issue {issue} carried over: {} ({})",
            quote(text),
            status.label()
        ),
        ProgressRecorded {
            issue,
            step,
            status,
            note,
            due,
            owner,
        } => {
            let was = before
                .issues
                .get(issue)
                .and_then(|i| i.plan.steps.get(step));
            let mut what = vec![];
            if was.is_none_or(|w| w.status != *status) {
                what.push(status.label().to_string());
            }
            if was.is_none_or(|w| w.due != *due) {
                what.push(match due {
                    Some(d) => format!("now due {}", day(*d)),
                    None => "no due date now".to_string(),
                });
            }
            if was.is_none_or(|w| w.owner != *owner) {
                what.push(match owner {
                    Some(o) => format!("owner now {}", person(*o)),
                    None => "no owner now".to_string(),
                });
            }
            if was.is_none_or(|w| w.note.trim() != note.trim()) && !note.trim().is_empty() {
                what.push(quote(note));
            }
            let text = was.map_or_else(|| format!("next step {step}"), |w| quote(&w.text));
            format!("progress on issue {issue}, {text}: {}", what.join(", "))
        }
        AbsenceSet {
            participant,
            absent,
        } => match absent {
            true => format!("{} is away for this meeting", person(*participant)),
            false => format!("{} is here after all", person(*participant)),
        },
        CopyMade { label, .. } => format!("copy made for {}", quote(label)),
        CopyMerged { label, through, .. } => {
            format!(
                "merged in the copy {} (up to its event {through})",
                quote(label)
            )
        }
        // The target is described against the session as it is now: names it needs are
        // still there, or the description falls back to numbers.
        Undo => match before.undo_target() {
            Some(target) => format!("undo: {}", describe_step(before, target)),
            None => "undo (nothing to undo)".to_string(),
        },
        Redo => match before.redo_target() {
            Some(target) => format!("redo: {}", describe_step(before, target)),
            None => "redo (nothing to redo)".to_string(),
        },
    }
}

/// Most changes of one step named in a description; the rest are counted.
const STEP_NAMED: usize = 3;

/// The changes of one step (one change, or several made as one), in one line.
pub fn describe_step(before: &Session, changes: &[Change]) -> String {
    if let Some(Change::FollowUpStarted { .. }) = changes.first() {
        return describe_founding(before, changes);
    }
    let mut words: Vec<String> = changes
        .iter()
        .take(STEP_NAMED)
        .map(|c| describe_change(before, c))
        .collect();
    if changes.len() > STEP_NAMED {
        words.push(format!("and {} more changes", changes.len() - STEP_NAMED));
    }
    words.join("; ")
}

/// A follow-up's founding step in one line: what it follows and what it carried.
fn describe_founding(before: &Session, changes: &[Change]) -> String {
    let count = |f: fn(&Change) -> bool| changes.iter().filter(|c| f(c)).count();
    let priorities = count(|c| matches!(c, Change::PriorityCarried { .. }));
    let steps = count(|c| matches!(c, Change::StepCarried { .. }));
    let people = count(|c| matches!(c, Change::ParticipantAdded { .. }));
    format!(
        "{}: carried {}, {} and {}",
        describe_change(before, &changes[0]),
        plural(priorities, "priority").replace("prioritys", "priorities"),
        plural(steps, "open action"),
        plural(people, "person").replace("persons", "people")
    )
}

/// A date as the room says it: "12 Nov 2026".
pub fn day(date: chrono::NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

fn with_title(before: &Session, issue: IssueId, what: &str) -> String {
    match before.issues.get(&issue) {
        Some(i) => format!("issue {issue} {what}: {}", quote(&i.title)),
        None => format!("issue {issue} {what}"),
    }
}

fn space_name(before: &Session, space: SpaceId) -> String {
    before
        .spaces
        .get(&space)
        .map_or_else(|| format!("space {space}"), |s| quote(&s.name))
}

fn slot_label(before: &Session, slot: SlotId) -> String {
    before
        .slots
        .get(&slot)
        .map_or_else(|| format!("slot {slot}"), |s| quote(&s.label))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A name or title made safe for one line of a terminal and cut to `QUOTE_WIDTH` columns.
fn quote(text: &str) -> String {
    cut(&printable(text.trim()), QUOTE_WIDTH)
}

/// Text safe for one line of a terminal: the one rule of `crate::text::line` (controls
/// made visible, bidi overrides removed), kept under the name the commands know.
pub fn printable(text: &str) -> String {
    crate::text::line(text).into_owned()
}

pub use crate::text::cut;

/// A dot without a voter: every dot of an anonymous round, or one counted off the wall.
fn unnamed(before: &Session, round: RoundId) -> &'static str {
    match before.rounds.get(&round) {
        Some(r) if r.anonymous => "anonymous dot",
        _ => "tallied dot",
    }
}
