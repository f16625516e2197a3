//! Merging copies as a newsroom does it: the main laptop runs the marketplace and the vote
//! while copies type up the reports of their slots.

use super::*;
use crate::model::*;
use chrono::{DateTime, Duration, FixedOffset};

fn t(minutes: i64) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-05-01T09:00:00+01:00").unwrap() + Duration::minutes(minutes)
}

fn rec(j: &mut Journal, at: i64, change: Change) {
    if let Err(why) = j.record(t(at), change.clone()) {
        panic!("{change:?} refused: {why}");
    }
}

fn person(j: &mut Journal, at: i64, name: &str) -> ParticipantId {
    let id = j.session.next_participant_id();
    rec(
        j,
        at,
        Change::ParticipantAdded {
            participant: id,
            name: name.into(),
            organisation: None,
            group: None,
        },
    );
    id
}

fn raise(j: &mut Journal, at: i64, title: &str) -> IssueId {
    let id = j.session.next_issue_id();
    rec(
        j,
        at,
        Change::IssueRaised {
            issue: id,
            title: title.into(),
            convener: None,
            description: String::new(),
        },
    );
    id
}

fn place(j: &mut Journal, at: i64, issue: u32, space: u32, slot: u32) {
    rec(
        j,
        at,
        Change::IssuePlaced {
            issue: IssueId(issue),
            space: SpaceId(space),
            slot: SlotId(slot),
        },
    );
}

fn report(j: &mut Journal, at: i64, issue: u32, points: &str) {
    rec(
        j,
        at,
        Change::ReportRecorded {
            issue: IssueId(issue),
            report: Box::new(Report {
                attendees: 6,
                key_points: points.into(),
                ..Report::default()
            }),
        },
    );
}

/// A copy made with `convene copy`.
fn copy_of(main: &Journal, at: i64, label: &str) -> Journal {
    let mut copy = main.clone();
    rec(
        &mut copy,
        at,
        Change::CopyMade {
            copy: format!("id-{label}"),
            label: label.into(),
        },
    );
    copy
}

/// The morning: two spaces, three slots, people and six issues placed on the wall.
fn morning() -> Journal {
    let mut j = Journal::create(t(0), "Living well at home").unwrap();
    for (n, name) in ["Hall", "Garden room"].into_iter().enumerate() {
        rec(
            &mut j,
            1,
            Change::SpaceAdded {
                space: SpaceId(n as u32 + 1),
                name: name.into(),
            },
        );
    }
    for (n, label) in ["10:00-11:00", "11:15-12:15", "13:00-14:00"]
        .into_iter()
        .enumerate()
    {
        rec(
            &mut j,
            2,
            Change::SlotAdded {
                slot: SlotId(n as u32 + 1),
                label: label.into(),
                starts: None,
                ends: None,
            },
        );
    }
    person(&mut j, 3, "Asha Khan");
    person(&mut j, 3, "Ben Okafor");
    for (n, title) in [
        "Discharge delays",
        "Carers' voice",
        "Falls at home",
        "Digital access",
        "Transport",
        "Loneliness",
    ]
    .into_iter()
    .enumerate()
    {
        raise(&mut j, 10 + n as i64, title);
    }
    // Issue n sits in space 1 + n % 2, slot 1 + (n - 1) / 2.
    for n in 1..=6u32 {
        place(&mut j, 20, n, 1 + n % 2, 1 + (n - 1) / 2);
    }
    j
}

fn merged(main: &Journal, copies: &[(&Journal, &str)]) -> (Journal, Merge) {
    let copies: Vec<Copy<'_>> = copies
        .iter()
        .map(|(j, file)| Copy {
            journal: j,
            file: file.to_string(),
        })
        .collect();
    let merge = merge(main, &copies).expect("related files merge");
    let mut out = main.clone();
    record(&mut out, &merge).expect("a merge records");
    let rebuilt = Journal::rebuild(out.events.clone()).expect("the merged log is valid");
    assert_eq!(rebuilt.session, out.session);
    (out, merge)
}

fn title_of(j: &Journal, id: IssueId) -> &str {
    &j.session.issues[&id].title
}

#[test]
fn three_newsroom_copies_come_back_beside_the_marketplace_and_the_vote() {
    let mut main = morning();
    let mut slots = Vec::new();
    for (slot, label) in [(1, "Newsroom 1"), (2, "Newsroom 2"), (3, "Newsroom 3")] {
        let mut copy = copy_of(&main, 60 * slot, label);
        // Each copy types the reports of its slot: issues 2 slot - 1 and 2 slot.
        for issue in [2 * slot as u32 - 1, 2 * slot as u32] {
            report(
                &mut copy,
                60 * slot + 65 + issue as i64,
                issue,
                &format!("{label} notes on issue {issue}"),
            );
        }
        slots.push(copy);
        // Meanwhile the main laptop runs a second marketplace and a vote.
        raise(&mut main, 60 * slot + 30, &format!("Raised in hour {slot}"));
    }
    rec(
        &mut main,
        400,
        Change::RoundOpened {
            round: RoundId(1),
            dots_per_person: 3,
            max_per_issue: None,
            anonymous: true,
            hidden: false,
            ballot: (1..=9).map(IssueId).collect(),
        },
    );
    for n in [1, 1, 4, 7] {
        rec(
            &mut main,
            401,
            Change::DotAdded {
                round: RoundId(1),
                issue: IssueId(n),
                voter: None,
            },
        );
    }
    let before = main.events.clone();
    let (out, merge) = merged(
        &main,
        &[
            (&slots[2], "n3.json"),
            (&slots[0], "n1.json"),
            (&slots[1], "n2.json"),
        ],
    );
    // Main's own log is untouched, the merge is one step after it.
    assert_eq!(&out.events[..before.len()], &before[..]);
    let added = &out.events[before.len()..];
    assert!(
        added
            .iter()
            .all(|e| e.part_of == Some(before.len() as u64 + 1))
    );
    for issue in 1..=6u32 {
        let points = &out.session.issues[&IssueId(issue)].report.key_points;
        assert!(
            points.starts_with(&format!("Newsroom {} notes", issue.div_ceil(2))),
            "issue {issue}: {points}"
        );
    }
    assert_eq!(out.session.rounds[&RoundId(1)].dots_cast(), 4);
    assert_eq!(merge.summary.conflicts().count(), 0);
    let lines = merge.summary.lines();
    assert_eq!(lines[0], "from n1.json (Newsroom 1): 2 reports");
    assert_eq!(lines.len(), 3);
    // Each report says where it was captured, and when.
    let from: Vec<(String, u64)> = added
        .iter()
        .filter_map(|e| e.from.as_ref().map(|f| (f.label.clone(), f.seq)))
        .collect();
    assert_eq!(from.len(), 6);
    assert_eq!(from[0].0, "Newsroom 1");
    assert_eq!(added[1].at, t(60 + 65 + 1));
    // Replay names the step and where its changes were captured.
    let mut replay = crate::replay::Replayer::new(out.events.clone()).unwrap();
    replay.seek(out.events.len());
    assert!(
        replay.caption().starts_with("merged in the copy"),
        "{}",
        replay.caption()
    );
    assert!(
        replay.caption().contains("; [Newsroom 1] report"),
        "{}",
        replay.caption()
    );
    // One undo takes the whole merge back.
    let mut undone = out.clone();
    undone.record(t(500), Change::Undo).unwrap();
    for issue in 1..=6u32 {
        assert!(undone.session.issues[&IssueId(issue)].report.is_empty());
    }
}

#[test]
fn the_same_late_participant_added_on_both_is_one_person() {
    let mut main = morning();
    let mut copy = copy_of(&main, 30, "Newsroom 1");
    person(&mut main, 40, "Dana Reyes");
    let dana = person(&mut copy, 41, "dana reyes");
    let mine = raise(&mut copy, 42, "Dana's issue");
    rec(
        &mut copy,
        43,
        Change::IssueEdited {
            issue: mine,
            title: "Dana's issue".into(),
            convener: Some(dana),
            description: String::new(),
        },
    );
    let (out, merge) = merged(&main, &[(&copy, "n1.json")]);
    assert_eq!(out.session.participants.len(), 3);
    let issue = out.session.active_issues().last().unwrap();
    assert_eq!(issue.title, "Dana's issue");
    assert_eq!(
        out.session.participant_name(issue.convener.unwrap()),
        "Dana Reyes"
    );
    assert_eq!(
        merge.summary.lines(),
        ["from n1.json (Newsroom 1): 1 issue, 1 other change"]
    );
}

#[test]
fn a_cell_filled_differently_keeps_mains_and_says_so() {
    let mut main = morning();
    let mut copy = copy_of(&main, 30, "Newsroom 1");
    // A fourth slot on both sides (same label: the same slot), filled differently.
    for j in [&mut main, &mut copy] {
        let slot = j.session.next_slot_id();
        rec(
            j,
            35,
            Change::SlotAdded {
                slot,
                label: "14:15-15:15".into(),
                starts: None,
                ends: None,
            },
        );
    }
    let ours = raise(&mut main, 36, "Housing adaptations");
    place(&mut main, 37, ours.0, 1, 4);
    let theirs = raise(&mut copy, 38, "Social prescribing");
    place(&mut copy, 39, theirs.0, 1, 4);
    let (out, merge) = merged(&main, &[(&copy, "n1.json")]);
    let cell = Placement {
        space: SpaceId(1),
        slot: SlotId(4),
    };
    assert_eq!(out.session.issue_at(cell).unwrap().id, ours);
    // Two issues 7 were raised apart: both are here, under distinct ids.
    assert_eq!(title_of(&out, IssueId(7)), "Housing adaptations");
    assert_eq!(title_of(&out, IssueId(8)), "Social prescribing");
    assert_eq!(out.session.issues[&IssueId(8)].placement, None);
    let conflicts: Vec<_> = merge.summary.conflicts().collect();
    assert_eq!(conflicts.len(), 1);
    assert!(
        conflicts[0].1.kept.contains("MAIN's issue 7"),
        "{:?}",
        conflicts[0]
    );
}

#[test]
fn a_report_edited_on_both_keeps_mains_and_appends_the_copys() {
    let mut main = morning();
    report(&mut main, 25, 1, "First notes");
    let mut copy = copy_of(&main, 30, "Newsroom 2");
    report(&mut main, 40, 1, "Main's notes");
    report(&mut copy, 41, 1, "Copy's notes");
    report(&mut copy, 42, 1, "Copy's better notes");
    let (out, merge) = merged(&main, &[(&copy, "newsroom-2.json")]);
    assert_eq!(
        out.session.issues[&IssueId(1)].report.key_points,
        "Main's notes\n\nAlso captured on Newsroom 2:\nCopy's better notes"
    );
    assert_eq!(
        merge.summary.lines(),
        [
            "from newsroom-2.json (Newsroom 2): 2 reports; 1 conflict (report of issue 1 edited on \
          both; MAIN kept, Newsroom 2's text appended)"
        ]
    );
}

fn retitle(j: &mut Journal, at: i64, issue: u32, title: &str) {
    rec(
        j,
        at,
        Change::IssueEdited {
            issue: IssueId(issue),
            title: title.into(),
            convener: None,
            description: String::new(),
        },
    );
}

#[test]
fn an_issue_retitled_on_both_keeps_mains_and_appends_the_copys() {
    let main_before = morning();
    let mut copy = copy_of(&main_before, 30, "Newsroom 2");
    let mut main = main_before;
    retitle(&mut main, 40, 1, "Main's title");
    retitle(&mut copy, 41, 1, "Copy's title");
    retitle(&mut copy, 42, 1, "Copy's better title");
    let (out, merge) = merged(&main, &[(&copy, "newsroom-2.json")]);
    let issue = &out.session.issues[&IssueId(1)];
    assert_eq!(issue.title, "Main's title");
    assert_eq!(
        issue.description,
        "Also captured on Newsroom 2:\n\u{201c}Copy's better title\u{201d}"
    );
    let lines = merge.summary.lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains(
            "changed on both; MAIN's kept, Newsroom 2's text appended to the description)"
        ),
        "{lines:?}"
    );
}

#[test]
fn between_copies_the_earlier_capture_wins_whatever_the_order() {
    let main = morning();
    let mut a = copy_of(&main, 30, "A");
    let mut b = copy_of(&main, 30, "B");
    report(&mut a, 50, 1, "A's notes");
    report(&mut b, 45, 1, "B's notes");
    let (ab, _) = merged(&main, &[(&a, "a.json")]);
    let (ab, _) = merged(&ab, &[(&b, "b.json")]);
    let (ba, _) = merged(&main, &[(&b, "b.json")]);
    let (ba, _) = merged(&ba, &[(&a, "a.json")]);
    let want = "B's notes\n\nAlso captured on A:\nA's notes";
    assert_eq!(ab.session.issues[&IssueId(1)].report.key_points, want);
    assert_eq!(ba.session.issues[&IssueId(1)].report.key_points, want);
    // Named together, in either order: the same bytes.
    let (x, _) = merged(&main, &[(&a, "a.json"), (&b, "b.json")]);
    let (y, _) = merged(&main, &[(&b, "b.json"), (&a, "a.json")]);
    assert_eq!(x.events, y.events);
}

#[test]
fn merging_again_adds_nothing_and_a_copy_that_went_on_brings_only_the_rest() {
    let main = morning();
    let mut copy = copy_of(&main, 30, "Newsroom 1");
    let issue = raise(&mut copy, 31, "Raised on the copy");
    let (once, _) = merged(&main, &[(&copy, "n1.json")]);
    let (twice, merge) = merged(&once, &[(&copy, "n1.json")]);
    assert_eq!(twice.events, once.events);
    assert_eq!(
        merge.summary.lines(),
        ["from n1.json (Newsroom 1): nothing new (merged before)"]
    );
    // The copy goes on: its issue 7 is still the merged one.
    report(&mut copy, 60, issue.0, "Notes typed later");
    let (later, merge) = merged(&once, &[(&copy, "n1.json")]);
    let merged_issue = later
        .session
        .active_issues()
        .find(|i| i.title == "Raised on the copy")
        .unwrap();
    assert_eq!(merged_issue.report.key_points, "Notes typed later");
    assert_eq!(later.session.issues.len(), 7);
    assert_eq!(merge.summary.merged(), 1);
}

#[test]
fn what_a_copy_undid_does_not_come_back_and_unrelated_files_are_refused() {
    let main = morning();
    let mut copy = copy_of(&main, 30, "N");
    raise(&mut copy, 31, "Oops");
    rec(&mut copy, 32, Change::Undo);
    raise(&mut copy, 33, "Meant this");
    let (out, _) = merged(&main, &[(&copy, "n.json")]);
    let titles: Vec<&str> = out
        .session
        .issues
        .values()
        .map(|i| i.title.as_str())
        .collect();
    assert!(!titles.contains(&"Oops"));
    assert!(titles.contains(&"Meant this"));
    assert!(!out.events.iter().any(|e| matches!(e.change, Change::Undo)));

    let other = Journal::create(t(0), "Another day").unwrap();
    let refused = merge(
        &main,
        &[Copy {
            journal: &other,
            file: "other.json".into(),
        }],
    );
    assert_eq!(
        refused,
        Err(MergeError::Unrelated {
            file: "other.json".into()
        })
    );
}

#[test]
fn a_plain_copy_is_labelled_by_its_file_name() {
    let main = morning();
    let mut copy = main.clone();
    raise(&mut copy, 31, "From the far wall");
    let (out, merge) = merged(&main, &[(&copy, "far-wall.json")]);
    let last = out.events.last().unwrap();
    assert_eq!(last.from.as_ref().unwrap().label, "far-wall");
    assert_eq!(
        merge.summary.lines(),
        ["from far-wall.json (far-wall): 1 issue"]
    );
    let (again, _) = merged(&out, &[(&copy, "renamed.json")]);
    assert_eq!(again.events, out.events, "recognised whatever its name");
}

#[test]
fn a_vote_in_a_round_main_closed_is_a_conflict() {
    let mut main = morning();
    rec(
        &mut main,
        30,
        Change::RoundOpened {
            round: RoundId(1),
            dots_per_person: 3,
            max_per_issue: None,
            anonymous: true,
            hidden: false,
            ballot: vec![IssueId(1), IssueId(2)],
        },
    );
    let mut copy = copy_of(&main, 31, "Far wall");
    rec(&mut main, 40, Change::RoundClosed { round: RoundId(1) });
    for _ in 0..2 {
        rec(
            &mut copy,
            35,
            Change::DotAdded {
                round: RoundId(1),
                issue: IssueId(2),
                voter: None,
            },
        );
    }
    let (out, merge) = merged(&main, &[(&copy, "wall.json")]);
    assert_eq!(out.session.rounds[&RoundId(1)].dots_cast(), 0);
    assert_eq!(merge.summary.conflicts().count(), 2);
    assert!(merge.summary.lines()[0].contains("2 conflicts"));
}

#[test]
fn the_report_reminder_set_on_both_keeps_mains() {
    let mut main = morning();
    let mut copy = copy_of(&main, 30, "Newsroom 1");
    rec(&mut main, 40, Change::ReportReminderSet { minutes: 15 });
    rec(&mut copy, 35, Change::ReportReminderSet { minutes: 5 });
    let (out, merge) = merged(&main, &[(&copy, "n1.json")]);
    assert_eq!(out.session.report_reminder_minutes(), 15);
    assert_eq!(merge.summary.conflicts().count(), 1);
    let mut same = copy_of(&main, 50, "Newsroom 2");
    rec(&mut same, 51, Change::ReportReminderSet { minutes: 5 });
    let (out, merge) = merged(&main, &[(&same, "n2.json")]);
    assert_eq!(
        out.session.report_reminder_minutes(),
        5,
        "a copy made later has its say"
    );
    assert_eq!(merge.summary.conflicts().count(), 0);
}

#[test]
fn a_count_set_on_both_keeps_mains_and_one_set_on_the_copy_alone_comes_in() {
    let mut main = morning();
    rec(
        &mut main,
        30,
        Change::RoundOpened {
            round: RoundId(1),
            dots_per_person: 3,
            max_per_issue: None,
            anonymous: true,
            hidden: false,
            ballot: vec![IssueId(1), IssueId(2)],
        },
    );
    let mut copy = copy_of(&main, 31, "Far wall");
    let tally = |issue: u32, dots: u32| Change::TallySet {
        round: RoundId(1),
        issue: IssueId(issue),
        dots,
    };
    rec(&mut main, 40, tally(1, 7));
    rec(&mut copy, 41, tally(1, 9));
    rec(&mut copy, 42, tally(2, 4));
    let (out, merge) = merged(&main, &[(&copy, "wall.json")]);
    let round = &out.session.rounds[&RoundId(1)];
    assert_eq!((round.total(IssueId(1)), round.total(IssueId(2))), (7, 4));
    assert_eq!(merge.summary.conflicts().count(), 1);
}

/// A follow-up meeting captured on two laptops: progress and absences recorded apart come
/// together, the same action updated on both keeps MAIN's and says so, and the founding
/// step (the carried plan) is never brought in twice.
#[test]
fn a_follow_up_meeting_merges_its_progress_and_absences() {
    let base = crate::demo::follow_up::build();
    let last = base.events.last().unwrap().at;
    let later = |m: i64| last + Duration::minutes(m);
    let mut main = base.clone();
    let mut copy = base.clone();
    let made = Change::CopyMade {
        copy: "id-side-room".into(),
        label: "Side room".into(),
    };
    copy.record(later(1), made).unwrap();
    let carried: Vec<(IssueId, NextStep)> = base
        .session
        .active_issues()
        .flat_map(|i| i.plan.steps.values().map(move |s| (i.id, s.clone())))
        .filter(|(_, s)| s.carried_from.is_some() && s.status == StepStatus::NotStarted)
        .take(2)
        .collect();
    assert_eq!(
        carried.len(),
        2,
        "the demo follow-up has actions not yet started"
    );
    let progress =
        |(issue, step): &(IssueId, NextStep), status, note: &str| Change::ProgressRecorded {
            issue: *issue,
            step: step.id,
            status,
            note: note.into(),
            due: step.due,
            owner: step.owner,
        };
    let present: Vec<ParticipantId> = base
        .session
        .participants
        .values()
        .filter(|p| !p.absent)
        .map(|p| p.id)
        .take(2)
        .collect();
    let away = |who: ParticipantId| Change::AbsenceSet {
        participant: who,
        absent: true,
    };
    copy.record(
        later(4),
        progress(&carried[1], StepStatus::Stuck, "waiting for the board"),
    )
    .unwrap();
    main.record(
        later(5),
        progress(&carried[0], StepStatus::Done, "running since May"),
    )
    .unwrap();
    main.record(later(6), away(present[0])).unwrap();
    copy.record(
        later(7),
        progress(&carried[0], StepStatus::UnderWay, "half done"),
    )
    .unwrap();
    copy.record(later(8), away(present[1])).unwrap();

    let (out, merge) = merged(&main, &[(&copy, "side-room.json")]);
    let step = |(issue, step): &(IssueId, NextStep)| {
        out.session.issues[issue].plan.steps[&step.id].clone()
    };
    let first = step(&carried[0]);
    assert_eq!(
        (first.status, first.note.as_str()),
        (StepStatus::Done, "running since May")
    );
    let second = step(&carried[1]);
    assert_eq!(
        (second.status, second.note.as_str()),
        (StepStatus::Stuck, "waiting for the board")
    );
    assert!(present.iter().all(|p| out.session.participants[p].absent));
    let conflicts: Vec<_> = merge.summary.conflicts().collect();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert!(conflicts[0].1.kept.contains("MAIN"), "{conflicts:?}");
    let carried_before = base.events.iter().filter(|e| e.change.is_carried()).count();
    let carried_after = out.events.iter().filter(|e| e.change.is_carried()).count();
    assert_eq!(carried_after, carried_before);

    let (again, second) = merged(&out, &[(&copy, "side-room.json")]);
    assert_eq!(again.events, out.events);
    assert!(!second.summary.adds_anything());
}
