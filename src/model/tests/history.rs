//! Undo and redo, which are events too, and refusals that leave no trace.

use super::*;

/// The room's state without the bookkeeping of the log: what people see.
fn visible(s: &Session) -> (String, Vec<Participant>, Vec<Issue>, Vec<Round>) {
    (
        s.theme.clone(),
        s.participants.values().cloned().collect(),
        s.issues.values().cloned().collect(),
        s.rounds.values().cloned().collect(),
    )
}

#[test]
fn nothing_to_undo_or_redo_at_the_start() {
    let mut room = Room::new();
    assert_eq!(room.s().undo_target(), None);
    assert_eq!(room.refuse(Change::Undo), Rejection::NothingToUndo);
    assert_eq!(room.refuse(Change::Redo), Rejection::NothingToRedo);
    // Creating the session is not a change that can be taken back.
    room.issue("Falls");
    room.undo();
    assert_eq!(room.refuse(Change::Undo), Rejection::NothingToUndo);
    assert_eq!(
        room.s().theme,
        "How do we get people home from hospital well?"
    );
}

#[test]
fn undo_and_redo_are_recorded_in_the_log() {
    let mut room = Room::new();
    let issue = room.issue("Falls");
    room.undo();
    room.redo();
    let kinds: Vec<_> = room.j.events.iter().map(|e| e.change.kind()).collect();
    assert_eq!(kinds, ["session_created", "issue_raised", "undo", "redo"]);
    let seqs: Vec<_> = room.j.events.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [1, 2, 3, 4]);
    assert!(room.s().issues.contains_key(&issue));
    assert_eq!(Journal::rebuild(room.j.events.clone()).unwrap(), room.j);
}

#[test]
fn undo_redo_undo_chains_walk_back_and_forth() {
    let mut room = Room::new();
    let hall = room.space("Hall");
    let slot = room.slot("10:00");
    let issue = room.issue("Falls");
    let s0 = visible(room.s());
    room.ok(edit(issue, "Falls at home"));
    let s1 = visible(room.s());
    room.place(issue, hall, slot);
    let s2 = visible(room.s());
    room.ok(Change::IssueCancelled {
        issue,
        cancelled: true,
    });
    let s3 = visible(room.s());

    assert!(matches!(
        room.s().undo_target(),
        Some(Change::IssueCancelled { .. })
    ));
    room.undo();
    assert_eq!(visible(room.s()), s2);
    room.undo();
    assert_eq!(visible(room.s()), s1);
    assert!(matches!(
        room.s().redo_target(),
        Some(Change::IssuePlaced { .. })
    ));
    room.redo();
    assert_eq!(visible(room.s()), s2);
    room.undo();
    assert_eq!(visible(room.s()), s1);
    room.undo();
    assert_eq!(visible(room.s()), s0);
    room.redo();
    room.redo();
    room.redo();
    assert_eq!(visible(room.s()), s3);
    assert_eq!(room.refuse(Change::Redo), Rejection::NothingToRedo);
    room.undo();
    room.undo();
    room.undo();
    room.undo();
    // The issue itself was the first change, and it is gone.
    assert!(room.s().issues.is_empty());
    room.redo();
    assert_eq!(room.issue_of(issue).title, "Falls");
}

#[test]
fn a_new_change_clears_what_could_be_redone() {
    let mut room = Room::new();
    let issue = room.issue("Falls");
    room.ok(edit(issue, "Falls at home"));
    room.undo();
    assert!(room.s().redo_target().is_some());
    room.ok(edit(issue, "Falls and frailty"));
    assert_eq!(room.s().redo_target(), None);
    assert_eq!(room.refuse(Change::Redo), Rejection::NothingToRedo);
    assert_eq!(room.issue_of(issue).title, "Falls and frailty");
    // A refused change is not new: it leaves the redo in place.
    room.undo();
    room.refuse(edit(issue, ""));
    room.redo();
    assert_eq!(room.issue_of(issue).title, "Falls and frailty");
}

#[test]
fn undo_reaches_back_undo_depth_changes_and_no_further() {
    let mut room = Room::new();
    let issue = room.issue("Title 0");
    for n in 1..=UNDO_DEPTH {
        room.ok(edit(issue, &format!("Title {n}")));
    }
    for _ in 0..UNDO_DEPTH {
        room.undo();
    }
    // The raise itself fell off the end: the oldest change that can be taken back is the
    // first edit, which leaves the issue as it was raised.
    assert_eq!(room.issue_of(issue).title, "Title 0");
    assert_eq!(room.refuse(Change::Undo), Rejection::NothingToUndo);
    for _ in 0..UNDO_DEPTH {
        room.redo();
    }
    assert_eq!(room.issue_of(issue).title, format!("Title {UNDO_DEPTH}"));
    assert_eq!(room.refuse(Change::Redo), Rejection::NothingToRedo);
    // The same holds after a rebuild from the log.
    let rebuilt = Journal::rebuild(room.j.events.clone()).unwrap();
    assert_eq!(rebuilt, room.j);
}

#[test]
fn undoing_dots_gives_them_back_to_the_voter() {
    let mut room = Room::new();
    let asha = room.person("Asha", None);
    let issue = room.issue("Falls");
    let round = room.round(1, None, &[issue]);
    room.dot(round, issue, Some(asha));
    assert_eq!(
        room.refuse(Change::DotAdded {
            round,
            issue,
            voter: Some(asha)
        }),
        Rejection::OverBudget {
            name: "Asha".into(),
            budget: 1
        }
    );
    room.undo();
    let r = room.round_of(round);
    assert_eq!(r.spent_by(asha), 0);
    assert!(r.ballots.is_empty() && r.totals.is_empty());
    room.dot(round, issue, Some(asha));
    room.ok(Change::RoundClosed { round });
    room.undo();
    assert!(room.round_of(round).open);
    room.undo();
    assert_eq!(room.round_of(round).dots_cast(), 0);
    room.undo();
    assert!(room.s().rounds.is_empty());
    room.redo();
    room.redo();
    assert_eq!(room.round_of(round).spent_by(asha), 1);
}

#[test]
fn refused_events_leave_the_session_as_it_was() {
    let mut room = Room::new();
    let asha = room.person("Asha", Some(Group::Nhs));
    let hall = room.space("Hall");
    let slot = room.slot("10:00");
    let a = room.issue("Falls");
    let b = room.issue("Carers");
    room.place(a, hall, slot);
    let round = room.round(1, Some(1), &[a, b]);
    room.dot(round, a, Some(asha));
    room.ok(Change::RoundClosed { round });
    room.ok(edit(b, "Carers' breaks"));
    room.undo();

    let bad = vec![
        Change::SessionCreated { theme: "x".into() },
        Change::ThemeSet { theme: "".into() },
        Change::ParticipantAdded {
            participant: ParticipantId(2),
            name: "ASHA".into(),
            organisation: None,
            group: None,
        },
        Change::ParticipantRemoved { participant: asha },
        Change::SpaceAdded {
            space: SpaceId(2),
            name: "hall".into(),
        },
        Change::SlotUpdated {
            slot,
            label: "x".repeat(501),
            starts: None,
            ends: None,
        },
        Change::IssuePlaced {
            issue: b,
            space: hall,
            slot,
        },
        Change::IssuesMerged { from: a, into: a },
        Change::DotAdded {
            round,
            issue: b,
            voter: Some(asha),
        },
        Change::RoundOpened {
            round: RoundId(2),
            dots_per_person: 3,
            max_per_issue: None,
            anonymous: false,
            hidden: false,
            ballot: vec![a, IssueId(9)],
        },
        Change::ReportRecorded {
            issue: a,
            report: Report {
                attendees: 2,
                attendee_names: vec!["ok".into(), "n".repeat(300)],
                ..Report::default()
            },
        },
        Change::StepAdded {
            issue: a,
            step: StepId(1),
            text: "Call".into(),
            owner: Some(ParticipantId(8)),
            due: None,
            horizon: Horizon::Long,
        },
        Change::TriageSet {
            issue: IssueId(3),
            triage: Some(Triage::DoIt),
        },
    ];
    for change in bad {
        room.refuse(change);
    }
    // And the undone edit can still be redone: nothing refused touched the history.
    room.redo();
    assert_eq!(room.issue_of(b).title, "Carers' breaks");
}
