//! How each change reads in the log and in replay's captions.

use crate::model::describe::{QUOTE_WIDTH, *};
use crate::model::{Change, Event, IssueId, ParticipantId, RoundId, SlotId, SpaceId, StepId};
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
