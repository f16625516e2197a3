//! Issues on the wall: raising, editing, placing, merging, deleting, reports.

use super::*;

#[test]
fn an_issue_needs_a_title() {
    let mut room = Room::new();
    for title in ["", "   ", "\n\t"] {
        let why = room.refuse(raise(IssueId(1), title));
        assert_eq!(why, Rejection::Empty { what: "title" });
    }
    let issue = room.issue("  Discharge to assess delays ");
    assert_eq!(room.issue_of(issue).title, "Discharge to assess delays");
    let why = room.refuse(edit(issue, " "));
    assert_eq!(why, Rejection::Empty { what: "title" });
    assert_eq!(room.issue_of(issue).title, "Discharge to assess delays");
}

#[test]
fn titles_of_up_to_500_characters_are_kept_longer_ones_refused() {
    let mut room = Room::new();
    let issue = room.issue(&"t".repeat(MAX_TITLE));
    assert_eq!(room.issue_of(issue).title.chars().count(), 500);
    let why = room.refuse(raise(IssueId(2), &"t".repeat(MAX_TITLE + 1)));
    assert_eq!(
        why,
        Rejection::TooLong {
            what: "title",
            len: 501,
            max: MAX_TITLE
        }
    );
    let why = room.refuse(Change::IssueEdited {
        issue,
        title: "Short".into(),
        convener: None,
        description: "d".repeat(MAX_TEXT + 1),
    });
    assert!(matches!(
        why,
        Rejection::TooLong {
            what: "description",
            ..
        }
    ));
}

#[test]
fn unknown_issues_participants_spaces_and_slots_are_refused() {
    let mut room = Room::new();
    let hall = room.space("Hall");
    let slot = room.slot("10:00");
    let issue = room.issue("Falls");
    let ghost = IssueId(42);
    assert_eq!(
        room.refuse(edit(ghost, "x")),
        Rejection::UnknownIssue(ghost)
    );
    assert_eq!(
        room.refuse(Change::IssueDeleted { issue: ghost }),
        Rejection::UnknownIssue(ghost)
    );
    assert_eq!(
        room.refuse(Change::IssuePlaced {
            issue: ghost,
            space: hall,
            slot
        }),
        Rejection::UnknownIssue(ghost)
    );
    assert_eq!(
        room.refuse(Change::IssuePlaced {
            issue,
            space: SpaceId(9),
            slot
        }),
        Rejection::UnknownSpace(SpaceId(9))
    );
    assert_eq!(
        room.refuse(Change::IssuePlaced {
            issue,
            space: hall,
            slot: SlotId(9)
        }),
        Rejection::UnknownSlot(SlotId(9))
    );
    assert_eq!(
        room.refuse(Change::IssueRaised {
            issue: IssueId(2),
            title: "Loneliness".into(),
            convener: Some(ParticipantId(7)),
            description: String::new(),
        }),
        Rejection::UnknownParticipant(ParticipantId(7))
    );
    assert_eq!(
        room.refuse(Change::ReportRecorded {
            issue: ghost,
            report: Box::default()
        }),
        Rejection::UnknownIssue(ghost)
    );
    assert_eq!(
        room.refuse(Change::IssuesMerged {
            from: issue,
            into: ghost
        }),
        Rejection::UnknownIssue(ghost)
    );
}

#[test]
fn one_issue_per_cell() {
    let mut room = Room::new();
    let hall = room.space("Hall");
    let slot = room.slot("10:00");
    let later = room.slot("11:00");
    let a = room.issue("Falls");
    let b = room.issue("Carers");
    room.place(a, hall, slot);
    let why = room.refuse(Change::IssuePlaced {
        issue: b,
        space: hall,
        slot,
    });
    assert_eq!(
        why,
        Rejection::CellTaken {
            by: a,
            title: "Falls".into()
        }
    );
    assert_eq!(
        room.refuse(Change::IssuePlaced {
            issue: a,
            space: hall,
            slot
        }),
        Rejection::NoChange
    );
    // Moving the first issue frees its cell for the second.
    room.place(a, hall, later);
    room.place(b, hall, slot);
    let place = |slot| Placement { space: hall, slot };
    assert_eq!(room.s().issue_at(place(slot)).map(|i| i.id), Some(b));
    assert_eq!(room.s().issue_at(place(later)).map(|i| i.id), Some(a));
    room.ok(Change::IssueUnplaced { issue: a });
    assert_eq!(room.issue_of(a).placement, None);
    assert_eq!(
        room.refuse(Change::IssueUnplaced { issue: a }),
        Rejection::NoChange
    );
}

#[test]
fn a_cancelled_breakout_can_be_put_back_on() {
    let mut room = Room::new();
    let issue = room.issue("Falls");
    room.ok(Change::IssueCancelled {
        issue,
        cancelled: true,
    });
    assert!(room.issue_of(issue).cancelled);
    assert_eq!(
        room.refuse(Change::IssueCancelled {
            issue,
            cancelled: true
        }),
        Rejection::NoChange
    );
    room.ok(Change::IssueCancelled {
        issue,
        cancelled: false,
    });
    assert!(!room.issue_of(issue).cancelled);
}

#[test]
fn reports_are_tidied_and_counted() {
    let mut room = Room::new();
    let issue = room.issue("Falls");
    room.ok(Change::ReportRecorded {
        issue,
        report: Box::new(Report {
            attendees: 1,
            attendee_names: vec![" Asha ".into(), "".into(), "Ben".into()],
            key_points: "Falls rise in winter\n\n".into(),
            recommendations: "Fund a falls team".into(),
            follow_up: String::new(),
        }),
    });
    let report = &room.issue_of(issue).report;
    // Two names were given, so at least two came, whatever the count said.
    assert_eq!(report.attendees, 2);
    assert_eq!(report.attendee_names, vec!["Asha", "Ben"]);
    assert_eq!(report.key_points, "Falls rise in winter");
    assert!(!report.is_empty());
    let why = room.refuse(Change::ReportRecorded {
        issue,
        report: Box::new(Report {
            attendees: MAX_ATTENDEES + 1,
            ..Report::default()
        }),
    });
    assert_eq!(why, Rejection::TooManyAttendees);
    let why = room.refuse(Change::ReportRecorded {
        issue,
        report: Box::new(Report {
            attendee_names: vec!["n".repeat(500)],
            ..Report::default()
        }),
    });
    assert!(matches!(
        why,
        Rejection::TooLong {
            what: "attendee name",
            ..
        }
    ));
}

#[test]
fn merging_carries_the_report_votes_placement_and_plan() {
    let mut room = Room::new();
    let asha = room.person("Asha", None);
    let ben = room.person("Ben", None);
    let cara = room.person("Cara", None);
    let hall = room.space("Hall");
    let slot = room.slot("10:00");
    let from = room.issue("Hospital discharge delays");
    let into = room.issue("Getting home from hospital");
    let other = room.issue("Loneliness");
    room.place(from, hall, slot);
    room.ok(Change::ReportRecorded {
        issue: from,
        report: Box::new(Report {
            attendees: 5,
            attendee_names: vec!["Asha".into()],
            key_points: "Waits for care packages".into(),
            recommendations: "Trusted assessors".into(),
            follow_up: String::new(),
        }),
    });
    room.ok(Change::ReportRecorded {
        issue: into,
        report: Box::new(Report {
            attendees: 3,
            attendee_names: vec!["Asha".into(), "Ben".into()],
            key_points: "Transport is late".into(),
            ..Report::default()
        }),
    });
    room.ok(Change::LeadAssigned {
        issue: from,
        lead: Some(asha),
    });
    room.ok(Change::SupporterAdded {
        issue: from,
        participant: ben,
    });
    room.ok(Change::StepAdded {
        issue: from,
        step: StepId(1),
        text: "Map the discharge pathway".into(),
        owner: Some(ben),
        due: None,
        horizon: Horizon::Short,
    });
    let round = room.round(3, None, &[from, other]);
    room.dot(round, from, Some(cara));
    room.dot(round, from, Some(cara));
    room.dot(round, from, None);
    room.dot(round, other, Some(cara));
    let before = room.s().clone();

    room.ok(Change::IssuesMerged { from, into });

    let target = room.issue_of(into);
    assert_eq!(target.placement, Some(Placement { space: hall, slot }));
    assert_eq!(target.report.attendees, 8);
    assert_eq!(target.report.attendee_names, vec!["Asha", "Ben"]);
    assert!(target.report.key_points.starts_with("Transport is late\n"));
    assert!(target.report.key_points.contains("Waits for care packages"));
    assert!(target.report.recommendations.contains("Trusted assessors"));
    assert_eq!(target.plan.lead, Some(asha));
    assert_eq!(target.plan.supporters, vec![ben]);
    assert!(target.plan.steps.contains_key(&StepId(1)));
    let merged = room.issue_of(from);
    assert_eq!(merged.merged_into, Some(into));
    assert_eq!(merged.placement, None);
    assert!(merged.plan.steps.is_empty());
    assert_eq!(room.s().active_issues().count(), 2);

    let r = room.round_of(round);
    assert_eq!(r.total(into), 3);
    assert_eq!(r.total(from), 0);
    assert_eq!(r.given(cara, into), 2);
    assert_eq!(r.spent_by(cara), 3);
    assert!(r.ballot.contains(&into) && !r.ballot.contains(&from));
    assert_eq!(room.s().votes(into), 3);

    // A merged issue keeps its number but takes no more changes.
    assert_eq!(room.refuse(edit(from, "x")), Rejection::Merged(from, into));
    assert_eq!(
        room.refuse(Change::IssuesMerged {
            from: other,
            into: from
        }),
        Rejection::Merged(from, into)
    );
    assert_eq!(
        room.refuse(Change::IssuesMerged { from: into, into }),
        Rejection::MergeIntoSelf
    );

    room.undo();
    assert_eq!(room.s().issues, before.issues);
    assert_eq!(room.s().rounds, before.rounds);
}

#[test]
fn merging_does_not_make_the_new_lead_a_supporter_too() {
    let mut room = Room::new();
    let asha = room.person("Asha", None);
    let from = room.issue("Discharge");
    let into = room.issue("Going home");
    room.ok(Change::LeadAssigned {
        issue: from,
        lead: Some(asha),
    });
    room.ok(Change::SupporterAdded {
        issue: into,
        participant: asha,
    });
    room.ok(Change::IssuesMerged { from, into });
    let plan = &room.issue_of(into).plan;
    assert_eq!(plan.lead, Some(asha));
    assert!(plan.supporters.is_empty());
}

#[test]
fn deleting_an_issue_takes_its_dots_and_undo_restores_them() {
    let mut room = Room::new();
    let asha = room.person("Asha", None);
    let hall = room.space("Hall");
    let slot = room.slot("10:00");
    let gone = room.issue("Parking");
    let kept = room.issue("Falls");
    room.place(gone, hall, slot);
    let round = room.round(3, None, &[gone, kept]);
    room.dot(round, gone, Some(asha));
    room.dot(round, gone, None);
    room.dot(round, kept, Some(asha));
    let before = room.s().clone();

    room.ok(Change::IssueDeleted { issue: gone });
    assert!(!room.s().issues.contains_key(&gone));
    let r = room.round_of(round);
    assert_eq!(r.ballot, vec![kept]);
    assert_eq!(r.dots_cast(), 1);
    assert_eq!(r.spent_by(asha), 1);
    assert_eq!(room.s().issue_at(Placement { space: hall, slot }), None);
    assert_eq!(
        room.refuse(Change::IssueDeleted { issue: gone }),
        Rejection::UnknownIssue(gone)
    );

    room.undo();
    let after = room.s();
    assert_eq!(after.issues, before.issues);
    assert_eq!(after.rounds, before.rounds);
    assert_eq!(
        after
            .issue_at(Placement { space: hall, slot })
            .map(|i| i.id),
        Some(gone)
    );
    // The id of a deleted issue is not handed out again.
    assert_eq!(after.next_issue_id(), IssueId(3));
}

#[test]
fn deleting_an_issue_deletes_what_was_merged_into_it() {
    let mut room = Room::new();
    let a = room.issue("Transport home");
    let b = room.issue("Hospital transport");
    let c = room.issue("Getting home from hospital");
    let other = room.issue("Falls");
    room.ok(Change::IssuesMerged { from: a, into: b });
    room.ok(Change::IssuesMerged { from: b, into: c });
    let before = room.s().issues.clone();
    room.ok(Change::IssueDeleted { issue: c });
    let left: Vec<_> = room.s().issues.keys().copied().collect();
    assert_eq!(left, vec![other]);
    room.undo();
    assert_eq!(room.s().issues, before);
    assert_eq!(room.issue_of(a).merged_into, Some(b));
}

#[test]
fn attendance_says_when_fewer_names_than_the_count_are_known() {
    let report = |attendees, names: &[&str]| Report {
        attendees,
        attendee_names: names.iter().map(|n| n.to_string()).collect(),
        ..Report::default()
    };
    assert_eq!(report(9, &["A"; 8]).attendance(), "9 attended, 8 named");
    assert_eq!(report(2, &["A", "B"]).attendance(), "2 attended");
    assert_eq!(report(9, &[]).attendance(), "9 attended, none named");
}
