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
        Some([Change::IssueCancelled { .. }])
    ));
    room.undo();
    assert_eq!(visible(room.s()), s2);
    room.undo();
    assert_eq!(visible(room.s()), s1);
    assert!(matches!(
        room.s().redo_target(),
        Some([Change::IssuePlaced { .. }])
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
            report: Box::new(Report {
                attendees: 2,
                attendee_names: vec!["ok".into(), "n".repeat(300)],
                ..Report::default()
            }),
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

/// A person added and then named as convener, as one step.
fn raise_with_new_convener(room: &Room) -> Vec<Change> {
    let person = room.s().next_participant_id();
    vec![
        Change::ParticipantAdded {
            participant: person,
            name: "Nadia Haddad".into(),
            organisation: None,
            group: None,
        },
        Change::IssueRaised {
            issue: room.s().next_issue_id(),
            title: "Carers' breaks".into(),
            convener: Some(person),
            description: String::new(),
        },
    ]
}

#[test]
fn a_compound_step_is_undone_and_redone_as_one() {
    let mut room = Room::new();
    room.issue("Falls");
    let before = visible(room.s());
    let changes = raise_with_new_convener(&room);
    let events = room.j.record_step(at(5), changes).unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(
        events.iter().map(|e| e.part_of).collect::<Vec<_>>(),
        [Some(3), Some(3)]
    );
    let after = visible(room.s());
    assert_eq!(room.s().undo_target().map(<[Change]>::len), Some(2));
    room.undo();
    assert_eq!(visible(room.s()), before, "one undo takes back both");
    room.redo();
    assert_eq!(visible(room.s()), after, "one redo puts back both");
    room.undo();
    room.undo();
    assert!(
        room.s().issues.is_empty(),
        "the undo before the step is untouched"
    );
    // The log rebuilds to the same session, step marks and all.
    let rebuilt = Journal::rebuild(room.j.events.clone()).unwrap();
    assert_eq!(rebuilt.session, room.j.session);
}

#[test]
fn a_refused_change_leaves_no_part_of_its_step() {
    let mut room = Room::new();
    let falls = room.issue("Falls");
    room.undo();
    let before = room.j.clone();
    let mut changes = raise_with_new_convener(&room);
    changes.push(Change::IssuePlaced {
        issue: falls,
        space: SpaceId(99),
        slot: SlotId(99),
    });
    assert!(room.j.record_step(at(5), changes).is_err());
    assert_eq!(room.j, before);
    // What could be redone before the refused step still can be.
    room.redo();
    assert!(room.s().issues.contains_key(&falls));
}

#[test]
fn step_marks_must_join_the_step_just_before() {
    let mut room = Room::new();
    room.issue("Falls");
    let next = room.s().last_seq + 1;
    let mut stray = Event::new(
        next,
        at(3),
        Change::ThemeSet {
            theme: "Home first".into(),
        },
    );
    stray.part_of = Some(next - 1);
    let mut session = room.s().clone();
    assert_eq!(
        apply(&mut session, &stray),
        Err(Rejection::StepBroken { step: next - 1 })
    );
    let mut undo = Event::new(next, at(3), Change::Undo);
    undo.part_of = Some(next);
    assert_eq!(apply(&mut session, &undo), Err(Rejection::NotInStep));
    assert_eq!(&session, room.s());
}
