//! Events in plain words, for `convene log`, replay captions and undo notices. Names and
//! titles come from the session as it was just before the event, because an event only
//! carries ids and what it changed.

use super::event::{Change, Event};
use super::ids::*;
use super::session::Session;
use super::tally::DotCount;

/// Longest name or title quoted in a description, in terminal columns; longer ones are cut
/// with "…" so a caption stays on one line.
const QUOTE_WIDTH: usize = 60;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Group, Horizon, Journal, Report, StepStatus, Triage};
    use chrono::{DateTime, FixedOffset};

    fn at() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-05-01T10:42:00+01:00").unwrap()
    }

    /// Records `change` and returns how it was described against the session before it.
    fn said(journal: &mut Journal, change: Change) -> String {
        let before = journal.session.clone();
        let event = journal.record(at(), change).expect("valid change").clone();
        describe(&before, &event)
    }

    /// A session with two people, a space, a slot and issue 1 convened by Amira.
    fn room() -> Journal {
        let mut j = Journal::create(at(), "Home from hospital").unwrap();
        for name in ["Amira Patel", "Sam Hale"] {
            let id = j.session.next_participant_id();
            j.record(
                at(),
                Change::ParticipantAdded {
                    participant: id,
                    name: name.into(),
                    organisation: None,
                    group: None,
                },
            )
            .unwrap();
        }
        j.record(
            at(),
            Change::SpaceAdded {
                space: SpaceId(1),
                name: "Garden room".into(),
            },
        )
        .unwrap();
        j.record(
            at(),
            Change::SlotAdded {
                slot: SlotId(1),
                label: "10:00–11:00".into(),
                starts: None,
                ends: None,
            },
        )
        .unwrap();
        j.record(
            at(),
            Change::IssueRaised {
                issue: IssueId(1),
                title: "Discharge to assess delays".into(),
                convener: Some(ParticipantId(1)),
                description: String::new(),
            },
        )
        .unwrap();
        j
    }

    fn open_round(j: &mut Journal, anonymous: bool) -> String {
        said(
            j,
            Change::RoundOpened {
                round: RoundId(1),
                dots_per_person: 3,
                max_per_issue: Some(2),
                anonymous,
                hidden: true,
                ballot: vec![IssueId(1)],
            },
        )
    }

    #[test]
    fn session_and_people() {
        let mut j = Journal::default();
        assert_eq!(
            said(
                &mut j,
                Change::SessionCreated {
                    theme: "Home well".into()
                }
            ),
            "session created: Home well"
        );
        assert_eq!(
            said(
                &mut j,
                Change::ThemeSet {
                    theme: "Home from hospital".into()
                }
            ),
            "theme set: Home from hospital"
        );
        assert_eq!(
            said(
                &mut j,
                Change::ParticipantAdded {
                    participant: ParticipantId(1),
                    name: "Amira Patel".into(),
                    organisation: Some("Bromley Council".into()),
                    group: Some(Group::Council),
                }
            ),
            "Amira Patel joined (Bromley Council)"
        );
        assert_eq!(
            said(
                &mut j,
                Change::ParticipantUpdated {
                    participant: ParticipantId(1),
                    name: "Amira Shah".into(),
                    organisation: None,
                    group: None,
                }
            ),
            "Amira Patel is now Amira Shah"
        );
        assert_eq!(
            said(
                &mut j,
                Change::ParticipantUpdated {
                    participant: ParticipantId(1),
                    name: "Amira Shah".into(),
                    organisation: Some("NHS".into()),
                    group: None,
                }
            ),
            "details of Amira Shah updated"
        );
        assert_eq!(
            said(
                &mut j,
                Change::ParticipantRemoved {
                    participant: ParticipantId(1)
                }
            ),
            "Amira Shah left"
        );
    }

    #[test]
    fn spaces_and_slots() {
        let mut j = room();
        assert_eq!(
            said(
                &mut j,
                Change::SpaceAdded {
                    space: SpaceId(2),
                    name: "Hall".into()
                }
            ),
            "space added: Hall"
        );
        assert_eq!(
            said(
                &mut j,
                Change::SpaceRenamed {
                    space: SpaceId(2),
                    name: "Main hall".into()
                }
            ),
            "space Hall renamed Main hall"
        );
        assert_eq!(
            said(&mut j, Change::SpaceRemoved { space: SpaceId(2) }),
            "space removed: Main hall"
        );
        assert_eq!(
            said(
                &mut j,
                Change::SlotAdded {
                    slot: SlotId(2),
                    label: "Afternoon".into(),
                    starts: None,
                    ends: None
                }
            ),
            "slot added: Afternoon"
        );
        assert_eq!(
            said(
                &mut j,
                Change::SlotUpdated {
                    slot: SlotId(2),
                    label: "After lunch".into(),
                    starts: None,
                    ends: None
                }
            ),
            "slot Afternoon renamed After lunch"
        );
        assert_eq!(
            said(
                &mut j,
                Change::SlotUpdated {
                    slot: SlotId(2),
                    label: "After lunch".into(),
                    starts: "13:00".parse().ok(),
                    ends: None
                }
            ),
            "slot After lunch updated"
        );
        assert_eq!(
            said(&mut j, Change::SlotRemoved { slot: SlotId(2) }),
            "slot removed: After lunch"
        );
    }

    #[test]
    fn issues() {
        let mut j = room();
        assert_eq!(
            said(
                &mut j,
                Change::IssueRaised {
                    issue: IssueId(2),
                    title: "Carers' voice".into(),
                    convener: None,
                    description: String::new(),
                }
            ),
            "issue 2 raised: Carers' voice"
        );
        assert_eq!(
            said(
                &mut j,
                Change::IssueRaised {
                    issue: IssueId(7),
                    title: "Discharge to assess delays".into(),
                    convener: Some(ParticipantId(1)),
                    description: String::new(),
                }
            ),
            "issue 7 raised: Discharge to assess delays (convener: Amira Patel)"
        );
        assert_eq!(
            said(
                &mut j,
                Change::IssueEdited {
                    issue: IssueId(2),
                    title: "Carers' voices".into(),
                    convener: None,
                    description: "Who speaks for carers?".into(),
                }
            ),
            "issue 2 edited: Carers' voices"
        );
        assert_eq!(
            said(
                &mut j,
                Change::IssuePlaced {
                    issue: IssueId(1),
                    space: SpaceId(1),
                    slot: SlotId(1)
                }
            ),
            "issue 1 placed in Garden room at 10:00–11:00"
        );
        assert_eq!(
            said(&mut j, Change::IssueUnplaced { issue: IssueId(1) }),
            "issue 1 taken off the agenda"
        );
        assert_eq!(
            said(
                &mut j,
                Change::IssueCancelled {
                    issue: IssueId(1),
                    cancelled: true
                }
            ),
            "issue 1 cancelled"
        );
        assert_eq!(
            said(
                &mut j,
                Change::IssueCancelled {
                    issue: IssueId(1),
                    cancelled: false
                }
            ),
            "issue 1 back on"
        );
        let report = Report {
            attendees: 12,
            ..Report::default()
        };
        assert_eq!(
            said(
                &mut j,
                Change::ReportRecorded {
                    issue: IssueId(1),
                    report: Box::new(report)
                }
            ),
            "report recorded for issue 1 (12 attended)"
        );
        assert_eq!(
            said(
                &mut j,
                Change::IssuesMerged {
                    from: IssueId(7),
                    into: IssueId(1)
                }
            ),
            "issue 7 merged into issue 1"
        );
        assert_eq!(
            said(&mut j, Change::IssueDeleted { issue: IssueId(2) }),
            "issue 2 deleted: Carers' voices"
        );
    }

    #[test]
    fn voting() {
        let mut j = room();
        assert_eq!(
            open_round(&mut j, false),
            "voting round 1 opened: 3 dots each, 1 issue on the ballot, \
             at most 2 per issue, results hidden"
        );
        assert_eq!(
            said(
                &mut j,
                Change::DotAdded {
                    round: RoundId(1),
                    issue: IssueId(1),
                    voter: Some(ParticipantId(2))
                }
            ),
            "dot from Sam Hale for issue 1 in round 1"
        );
        assert_eq!(
            said(
                &mut j,
                Change::DotRemoved {
                    round: RoundId(1),
                    issue: IssueId(1),
                    voter: Some(ParticipantId(2))
                }
            ),
            "dot from Sam Hale taken off issue 1 in round 1"
        );
        assert_eq!(
            said(
                &mut j,
                Change::DotAdded {
                    round: RoundId(1),
                    issue: IssueId(1),
                    voter: None
                }
            ),
            "tallied dot for issue 1 in round 1"
        );
        assert_eq!(
            said(
                &mut j,
                Change::DotRemoved {
                    round: RoundId(1),
                    issue: IssueId(1),
                    voter: None
                }
            ),
            "tallied dot taken off issue 1 in round 1"
        );
        assert_eq!(
            said(
                &mut j,
                Change::TallySet {
                    round: RoundId(1),
                    issue: IssueId(1),
                    dots: 14
                }
            ),
            "issue 1 counted at 14 dots in round 1"
        );
        assert_eq!(
            said(&mut j, Change::RoundClosed { round: RoundId(1) }),
            "voting round 1 closed: 14 dots tallied"
        );
        assert_eq!(
            said(&mut j, Change::RoundReopened { round: RoundId(1) }),
            "voting round 1 reopened"
        );
        assert_eq!(
            said(&mut j, Change::ResultsRevealed { round: RoundId(1) }),
            "results of round 1 revealed"
        );
    }

    #[test]
    fn anonymous_round_says_so() {
        let mut j = room();
        assert!(open_round(&mut j, true).ends_with(", anonymous, results hidden"));
    }

    #[test]
    fn leads_and_plans() {
        let mut j = room();
        assert_eq!(
            said(
                &mut j,
                Change::LeadAssigned {
                    issue: IssueId(1),
                    lead: Some(ParticipantId(2))
                }
            ),
            "Sam Hale leads issue 1"
        );
        assert_eq!(
            said(
                &mut j,
                Change::LeadAssigned {
                    issue: IssueId(1),
                    lead: None
                }
            ),
            "issue 1 has no lead now"
        );
        assert_eq!(
            said(
                &mut j,
                Change::SupporterAdded {
                    issue: IssueId(1),
                    participant: ParticipantId(1)
                }
            ),
            "Amira Patel supports issue 1"
        );
        assert_eq!(
            said(
                &mut j,
                Change::SupporterRemoved {
                    issue: IssueId(1),
                    participant: ParticipantId(1)
                }
            ),
            "Amira Patel no longer supports issue 1"
        );
        assert_eq!(
            said(
                &mut j,
                Change::StepAdded {
                    issue: IssueId(1),
                    step: StepId(1),
                    text: "Map the discharge pathway".into(),
                    owner: Some(ParticipantId(2)),
                    due: None,
                    horizon: Horizon::Short,
                }
            ),
            "next step for issue 1: Map the discharge pathway (owner: Sam Hale)"
        );
        assert_eq!(
            said(
                &mut j,
                Change::StepUpdated {
                    issue: IssueId(1),
                    step: StepId(1),
                    text: "Map the discharge pathway".into(),
                    owner: None,
                    due: None,
                    horizon: Horizon::Medium,
                    status: StepStatus::UnderWay,
                }
            ),
            "next step of issue 1 updated: Map the discharge pathway (under way)"
        );
        assert_eq!(
            said(
                &mut j,
                Change::StepRemoved {
                    issue: IssueId(1),
                    step: StepId(1)
                }
            ),
            "next step of issue 1 removed: Map the discharge pathway"
        );
        assert_eq!(
            said(
                &mut j,
                Change::TriageSet {
                    issue: IssueId(1),
                    triage: Some(Triage::DoIt)
                }
            ),
            "issue 1: Do it"
        );
        assert_eq!(
            said(
                &mut j,
                Change::TriageSet {
                    issue: IssueId(1),
                    triage: None
                }
            ),
            "issue 1: decision cleared"
        );
    }

    #[test]
    fn undo_and_redo_name_what_they_take_back() {
        let mut j = room();
        assert_eq!(
            said(&mut j, Change::Undo),
            "undo: issue 1 raised: Discharge to assess delays (convener: Amira Patel)"
        );
        assert_eq!(
            said(&mut j, Change::Redo),
            "redo: issue 1 raised: Discharge to assess delays (convener: Amira Patel)"
        );
        said(&mut j, Change::IssueDeleted { issue: IssueId(1) });
        // Undoing a deletion: the title is no longer in the session, the number still is.
        assert_eq!(said(&mut j, Change::Undo), "undo: issue 1 deleted");
    }

    #[test]
    fn undo_with_nothing_to_undo_still_reads() {
        let j = Journal::create(at(), "Theme").unwrap();
        let event = Event {
            seq: 2,
            at: at(),
            part_of: None,
            from: None,
            change: Change::Undo,
        };
        assert_eq!(describe(&j.session, &event), "undo (nothing to undo)");
        let event = Event {
            change: Change::Redo,
            ..event
        };
        assert_eq!(describe(&j.session, &event), "redo (nothing to redo)");
    }

    #[test]
    fn unknown_ids_fall_back_to_numbers() {
        let j = Journal::create(at(), "Theme").unwrap();
        let event = Event {
            seq: 2,
            at: at(),
            part_of: None,
            from: None,
            change: Change::IssuePlaced {
                issue: IssueId(4),
                space: SpaceId(9),
                slot: SlotId(8),
            },
        };
        assert_eq!(
            describe(&j.session, &event),
            "issue 4 placed in space 9 at slot 8"
        );
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let mut j = Journal::default();
        let text = said(
            &mut j,
            Change::SessionCreated {
                theme: "Home\u{1b}[31m red\nagain\u{7}".into(),
            },
        );
        assert_eq!(text, "session created: Home\u{241b}[31m red again\u{2407}");
    }

    #[test]
    fn long_titles_are_cut_by_display_width() {
        let mut j = Journal::default();
        let text = said(
            &mut j,
            Change::SessionCreated {
                theme: "家".repeat(100),
            },
        );
        let quoted = text.strip_prefix("session created: ").unwrap();
        assert!(quoted.ends_with('…'));
        let width = crate::text::width(quoted);
        assert!(width <= QUOTE_WIDTH, "{width}");
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("abcdef", 4), "abc…");
    }
}
