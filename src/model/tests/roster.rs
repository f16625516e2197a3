//! The roster, the spaces and slots of the agenda wall, the theme, text limits and the
//! order of the log.

use super::*;
use chrono::NaiveTime;

fn add(id: u32, name: &str) -> Change {
    Change::ParticipantAdded {
        participant: ParticipantId(id),
        name: name.into(),
        organisation: None,
        group: None,
    }
}

#[test]
fn a_session_starts_with_its_theme_and_only_once() {
    let mut room = Room::new();
    assert_eq!(
        room.s().theme,
        "How do we get people home from hospital well?"
    );
    assert_eq!(room.s().last_seq, 1);
    let why = room.refuse(Change::SessionCreated {
        theme: "Again".into(),
    });
    assert_eq!(why, Rejection::AlreadyStarted);

    let mut empty = Journal::default();
    let why = empty.record(at(0), add(1, "Asha")).unwrap_err();
    assert_eq!(why, Rejection::NotStarted);
    assert_eq!(empty, Journal::default());
}

#[test]
fn empty_theme_is_refused_at_creation_and_later() {
    assert_eq!(
        Journal::create(at(0), "   ").unwrap_err(),
        Rejection::Empty { what: "theme" }
    );
    let mut room = Room::new();
    let why = room.refuse(Change::ThemeSet { theme: "\t".into() });
    assert_eq!(why, Rejection::Empty { what: "theme" });
    room.ok(Change::ThemeSet {
        theme: "  Joining up care at home  ".into(),
    });
    assert_eq!(room.s().theme, "Joining up care at home");
}

#[test]
fn events_must_come_in_order_without_gaps() {
    let mut room = Room::new();
    let before = room.s().clone();
    for seq in [0, 1, 3, 100] {
        let event = Event {
            seq,
            at: at(1),
            part_of: None,
            from: None,
            change: add(1, "Asha"),
        };
        let mut session = room.s().clone();
        assert_eq!(
            apply(&mut session, &event),
            Err(Rejection::OutOfOrder {
                expected: 2,
                got: seq
            })
        );
        assert_eq!(session, before);
    }
    let event = Event {
        seq: 2,
        at: at(1),
        part_of: None,
        from: None,
        change: add(1, "Asha"),
    };
    apply(&mut room.j.session, &event).expect("the next seq is accepted");
    assert_eq!(room.s().last_seq, 2);
}

#[test]
fn rebuilding_a_log_reports_the_first_refused_event() {
    let mut room = Room::new();
    room.person("Asha Patel", Some(Group::Nhs));
    let mut events = room.j.events.clone();
    events.push(Event {
        seq: 3,
        at: at(2),
        part_of: None,
        from: None,
        change: add(2, "asha patel"),
    });
    let bad = Journal::rebuild(events).unwrap_err();
    assert_eq!(bad.seq, 3);
    assert_eq!(bad.kind, "participant_added");
    assert!(matches!(bad.why, Rejection::Duplicate { .. }));
    assert_eq!(Journal::rebuild(room.j.events.clone()).unwrap(), room.j);
}

#[test]
fn participants_need_a_name_unique_whatever_its_case() {
    let mut room = Room::new();
    assert_eq!(room.refuse(add(1, "  ")), Rejection::Empty { what: "name" });
    let asha = room.person("Asha Patel", Some(Group::Nhs));
    let why = room.refuse(add(2, " ASHA patel "));
    assert_eq!(
        why,
        Rejection::Duplicate {
            what: "a participant",
            name: "ASHA patel".into()
        }
    );
    assert_eq!(
        room.refuse(add(asha.0, "Someone Else")),
        Rejection::IdTaken {
            what: "participant",
            id: asha.0
        }
    );
    assert_eq!(room.s().find_participant(" asha PATEL"), Some(asha));
}

#[test]
fn updating_a_participant_keeps_their_id_and_checks_the_rules() {
    let mut room = Room::new();
    let asha = room.person("Asha Patel", None);
    let ben = room.person("Ben Okafor", None);
    room.ok(Change::ParticipantUpdated {
        participant: asha,
        name: "asha patel".into(),
        organisation: Some("  Riverside NHS Trust ".into()),
        group: Some(Group::Nhs),
    });
    let p = &room.s().participants[&asha];
    assert_eq!(p.name, "asha patel");
    assert_eq!(p.organisation.as_deref(), Some("Riverside NHS Trust"));
    assert_eq!(p.group, Some(Group::Nhs));
    let why = room.refuse(Change::ParticipantUpdated {
        participant: ben,
        name: "Asha Patel".into(),
        organisation: None,
        group: None,
    });
    assert!(matches!(why, Rejection::Duplicate { .. }));
    let why = room.refuse(Change::ParticipantUpdated {
        participant: ParticipantId(9),
        name: "Nobody".into(),
        organisation: None,
        group: None,
    });
    assert_eq!(why, Rejection::UnknownParticipant(ParticipantId(9)));
}

#[test]
fn an_empty_organisation_means_none() {
    let mut room = Room::new();
    room.ok(Change::ParticipantAdded {
        participant: ParticipantId(1),
        name: "Cara".into(),
        organisation: Some("   ".into()),
        group: None,
    });
    assert_eq!(room.s().participants[&ParticipantId(1)].organisation, None);
}

#[test]
fn names_of_500_characters_are_too_long() {
    let mut room = Room::new();
    let long = "n".repeat(500);
    let why = room.refuse(add(1, &long));
    assert_eq!(
        why,
        Rejection::TooLong {
            what: "name",
            len: 500,
            max: MAX_NAME
        }
    );
    let why = room.refuse(Change::ParticipantAdded {
        participant: ParticipantId(1),
        name: "Dee".into(),
        organisation: Some(long.clone()),
        group: None,
    });
    assert!(matches!(
        why,
        Rejection::TooLong {
            what: "organisation",
            ..
        }
    ));
    let why = room.refuse(Change::SpaceAdded {
        space: SpaceId(1),
        name: long.clone(),
    });
    assert!(matches!(
        why,
        Rejection::TooLong {
            what: "space name",
            ..
        }
    ));
    let why = room.refuse(Change::SlotAdded {
        slot: SlotId(1),
        label: long.clone(),
        starts: None,
        ends: None,
    });
    assert!(matches!(
        why,
        Rejection::TooLong {
            what: "slot label",
            ..
        }
    ));
    let why = room.refuse(Change::ThemeSet {
        theme: "t".repeat(MAX_THEME + 1),
    });
    assert!(matches!(why, Rejection::TooLong { what: "theme", .. }));
}

#[test]
fn length_is_counted_in_characters_not_bytes() {
    let mut room = Room::new();
    // 200 characters of two bytes each: at the limit, not over it.
    room.ok(add(1, &"é".repeat(MAX_NAME)));
    let why = room.refuse(add(2, &"é".repeat(MAX_NAME + 1)));
    assert_eq!(
        why,
        Rejection::TooLong {
            what: "name",
            len: MAX_NAME + 1,
            max: MAX_NAME
        }
    );
}

#[test]
fn someone_with_a_role_cannot_leave_the_roster() {
    let mut room = Room::new();
    let asha = room.person("Asha", None);
    let ben = room.person("Ben", None);
    let walk_in = room.person("Walk-in", None);
    let issue = room.issue("Transport home");
    room.ok(Change::LeadAssigned {
        issue,
        lead: Some(asha),
    });
    let why = room.refuse(Change::ParticipantRemoved { participant: asha });
    assert!(matches!(why, Rejection::ParticipantInUse { ref role, .. } if role.contains("lead")));
    let round = room.round(3, None, &[issue]);
    room.dot(round, issue, Some(ben));
    let why = room.refuse(Change::ParticipantRemoved { participant: ben });
    assert!(matches!(why, Rejection::ParticipantInUse { ref role, .. } if role.contains("voted")));
    room.ok(Change::ParticipantRemoved {
        participant: walk_in,
    });
    assert!(!room.s().participants.contains_key(&walk_in));
    assert_eq!(
        room.refuse(Change::ParticipantRemoved {
            participant: walk_in
        }),
        Rejection::UnknownParticipant(walk_in)
    );
    // Ids are never handed out twice, even after a removal.
    assert_eq!(room.s().next_participant_id(), ParticipantId(4));
}

#[test]
fn spaces_are_named_uniquely_and_removing_one_unplaces_its_issues() {
    let mut room = Room::new();
    let hall = room.space("Main hall");
    let garden = room.space("Garden room");
    let morning = room.slot("10:00");
    let why = room.refuse(Change::SpaceAdded {
        space: SpaceId(3),
        name: "main HALL".into(),
    });
    assert!(matches!(
        why,
        Rejection::Duplicate {
            what: "a space",
            ..
        }
    ));
    assert_eq!(
        room.refuse(Change::SpaceRenamed {
            space: SpaceId(7),
            name: "Cafe".into()
        }),
        Rejection::UnknownSpace(SpaceId(7))
    );
    room.ok(Change::SpaceRenamed {
        space: garden,
        name: "Cafe".into(),
    });
    let a = room.issue("Falls at home");
    let b = room.issue("Carers' breaks");
    room.place(a, hall, morning);
    room.place(b, garden, morning);
    room.ok(Change::SpaceRemoved { space: hall });
    assert_eq!(room.issue_of(a).placement, None);
    assert!(room.issue_of(b).placement.is_some());
    assert_eq!(
        room.refuse(Change::SpaceRemoved { space: hall }),
        Rejection::UnknownSpace(hall)
    );
    room.undo();
    assert_eq!(
        room.issue_of(a).placement,
        Some(Placement {
            space: hall,
            slot: morning
        })
    );
    assert_eq!(room.s().spaces[&hall].name, "Main hall");
}

#[test]
fn slots_end_after_they_start_and_removing_one_unplaces_its_issues() {
    let mut room = Room::new();
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
    let why = room.refuse(Change::SlotAdded {
        slot: SlotId(1),
        label: "Morning".into(),
        starts: t(11, 0),
        ends: t(10, 0),
    });
    assert_eq!(why, Rejection::EndsBeforeStart);
    let why = room.refuse(Change::SlotAdded {
        slot: SlotId(1),
        label: "Morning".into(),
        starts: t(11, 0),
        ends: t(11, 0),
    });
    assert_eq!(why, Rejection::EndsBeforeStart);
    room.ok(Change::SlotAdded {
        slot: SlotId(1),
        label: "Afternoon".into(),
        starts: t(14, 0),
        ends: t(15, 0),
    });
    room.ok(Change::SlotAdded {
        slot: SlotId(2),
        label: "Morning".into(),
        starts: t(10, 0),
        ends: t(11, 0),
    });
    let order: Vec<_> = room.s().slots_in_order().iter().map(|s| s.id).collect();
    assert_eq!(order, vec![SlotId(2), SlotId(1)]);
    assert_eq!(
        room.refuse(Change::SlotUpdated {
            slot: SlotId(5),
            label: "Later".into(),
            starts: None,
            ends: None
        }),
        Rejection::UnknownSlot(SlotId(5))
    );
    let why = room.refuse(Change::SlotUpdated {
        slot: SlotId(1),
        label: "morning".into(),
        starts: None,
        ends: None,
    });
    assert!(matches!(why, Rejection::Duplicate { what: "a slot", .. }));

    let hall = room.space("Hall");
    let issue = room.issue("Medication at discharge");
    room.place(issue, hall, SlotId(1));
    room.ok(Change::SlotRemoved { slot: SlotId(1) });
    assert_eq!(room.issue_of(issue).placement, None);
    assert_eq!(
        room.refuse(Change::SlotRemoved { slot: SlotId(1) }),
        Rejection::UnknownSlot(SlotId(1))
    );
}

#[test]
fn ids_already_in_use_are_refused() {
    let mut room = Room::new();
    let hall = room.space("Hall");
    let slot = room.slot("10:00");
    let issue = room.issue("Discharge");
    assert_eq!(
        room.refuse(Change::SpaceAdded {
            space: hall,
            name: "Other".into()
        }),
        Rejection::IdTaken {
            what: "space",
            id: hall.0
        }
    );
    assert_eq!(
        room.refuse(Change::SlotAdded {
            slot,
            label: "11:00".into(),
            starts: None,
            ends: None
        }),
        Rejection::IdTaken {
            what: "slot",
            id: slot.0
        }
    );
    assert_eq!(
        room.refuse(raise(issue, "Another")),
        Rejection::IdTaken {
            what: "issue",
            id: issue.0
        }
    );
    let round = room.round(3, None, &[issue]);
    let why = room.refuse(Change::RoundOpened {
        round,
        dots_per_person: 3,
        max_per_issue: None,
        anonymous: false,
        hidden: false,
        ballot: vec![issue],
    });
    assert_eq!(
        why,
        Rejection::IdTaken {
            what: "round",
            id: round.0
        }
    );
}

/// Names clash when their full lowercasings are equal, as they always have: the check was
/// made faster, and which logs load must not change with it. A final capital sigma
/// lowercases to 'ς', a medial one to 'σ'.
#[test]
fn names_clash_exactly_when_their_lowercasings_match() {
    let mut room = Room::new();
    room.ok(add(1, "ΟΔΟΣ"));
    room.ok(add(2, "Zoë Brown"));
    let why = room.refuse(add(3, "οδος"));
    assert!(matches!(why, Rejection::Duplicate { .. }), "{why}");
    let why = room.refuse(add(3, "  zoË BROWN "));
    assert!(matches!(why, Rejection::Duplicate { .. }), "{why}");
    room.ok(add(3, "οδοσ"));
    room.ok(add(4, "Zoe Brown"));
    room.ok(add(5, "Kim"));
    // The Kelvin sign lowercases to an ASCII 'k'.
    let why = room.refuse(add(6, "\u{212A}IM"));
    assert!(matches!(why, Rejection::Duplicate { .. }), "{why}");
    room.ok(add(6, "Kimberley"));
    room.ok(add(7, "Ki"));
    room.ok(add(8, "Kimé"));
    let why = room.refuse(add(9, "KIMÉ"));
    assert!(matches!(why, Rejection::Duplicate { .. }), "{why}");
}
