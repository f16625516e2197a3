//! Files the app did not write, or wrote and then lost part of: each must be refused with
//! a clear message naming the file, never a panic, and never written to.

use chrono::DateTime;
use convene::model::*;
use convene::store::{LoadError, Meta, VERSION, load, parse, to_bytes};
use std::path::Path;

fn at(minute: u32) -> chrono::DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2026-11-12T10:{minute:02}:00+00:00")).unwrap()
}

/// A small but varied real session.
fn session_bytes() -> Vec<u8> {
    let mut j = Journal::create(at(0), "How do we get people home well?").unwrap();
    let p = j.session.next_participant_id();
    j.record(
        at(1),
        Change::ParticipantAdded {
            participant: p,
            name: "Zoë Adeyemi".into(),
            organisation: Some("Vale NHS Trust".into()),
            group: Some(Group::Nhs),
        },
    )
    .unwrap();
    let s = j.session.next_space_id();
    j.record(
        at(2),
        Change::SpaceAdded {
            space: s,
            name: "Room A".into(),
        },
    )
    .unwrap();
    let t = j.session.next_slot_id();
    j.record(
        at(3),
        Change::SlotAdded {
            slot: t,
            label: "Morning".into(),
            starts: None,
            ends: None,
        },
    )
    .unwrap();
    let i = j.session.next_issue_id();
    j.record(
        at(4),
        Change::IssueRaised {
            issue: i,
            title: "Discharge \"to assess\", delays".into(),
            convener: Some(p),
            description: "Line one\nLine two".into(),
        },
    )
    .unwrap();
    j.record(
        at(5),
        Change::IssuePlaced {
            issue: i,
            space: s,
            slot: t,
        },
    )
    .unwrap();
    j.record(at(6), Change::Undo).unwrap();
    j.record(at(7), Change::Redo).unwrap();
    to_bytes(&Meta::new(at(0)), &j, at(8))
}

fn refused(bytes: &[u8]) -> LoadError {
    match parse(Path::new("hostile.json"), bytes) {
        Ok(_) => panic!("accepted: {}", String::from_utf8_lossy(bytes)),
        Err(e) => e,
    }
}

#[test]
fn a_real_session_loads() {
    let loaded = parse(Path::new("s.json"), &session_bytes()).unwrap();
    assert_eq!(loaded.journal.events.len(), 8);
}

#[test]
fn truncated_at_every_byte_is_refused_with_a_position() {
    let bytes = session_bytes();
    for cut in 0..bytes.len() - 2 {
        let err = refused(&bytes[..cut]);
        let text = err.to_string();
        assert!(text.starts_with("hostile.json"), "{text}");
        assert!(
            matches!(err, LoadError::Syntax { line, column, .. } if line >= 1 && column <= bytes.len()),
            "cut {cut}: {text}"
        );
    }
}

fn edit(f: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_slice(&session_bytes()).unwrap();
    f(&mut v);
    serde_json::to_vec(&v).unwrap()
}

#[test]
fn wrong_types_are_refused() {
    let err = refused(&edit(|v| v["events"][0]["seq"] = "one".into()));
    assert!(matches!(err, LoadError::Syntax { .. }), "{err}");
    let err = refused(&edit(|v| v["events"] = serde_json::json!({})));
    assert!(matches!(err, LoadError::Syntax { .. }), "{err}");
    let err = refused(&edit(|v| v["events"][3]["type"] = "issue_exploded".into()));
    assert!(err.to_string().contains("issue_exploded"), "{err}");
}

#[test]
fn huge_numbers_are_refused() {
    let err = refused(&edit(|v| {
        v["events"][1]["participant"] = serde_json::json!(99999999999999999999.0)
    }));
    assert!(matches!(err, LoadError::Syntax { .. }), "{err}");
    let err = refused(&edit(|v| {
        v["events"][0]["seq"] = serde_json::json!(u64::MAX)
    }));
    assert!(matches!(err, LoadError::Event { .. }), "{err}");
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let mut text = String::from(
        "{\"format\":\"convene.session\",\"version\":1,\"events\":[{\"seq\":1,\"theme\":",
    );
    text.push_str(&"[".repeat(100_000));
    text.push_str(&"]".repeat(100_000));
    text.push_str("}]}");
    let err = refused(text.as_bytes());
    assert!(err.to_string().contains("recursion"), "{err}");
}

#[test]
fn a_hundred_megabyte_string_is_refused_by_the_rules() {
    let big = "x".repeat(100 * 1024 * 1024);
    let err = refused(&edit(|v| v["events"][4]["title"] = big.into()));
    assert!(err.to_string().contains("too long"), "{err}");
}

#[test]
fn duplicate_ids_are_refused() {
    let err = refused(&edit(|v| {
        let events = v["events"].as_array_mut().unwrap();
        let mut again = events[1].clone();
        again["seq"] = 9.into();
        events.push(again);
    }));
    assert!(err.to_string().contains("already exists"), "{err}");
}

#[test]
fn events_out_of_order_are_refused() {
    let err = refused(&edit(|v| {
        let events = v["events"].as_array_mut().unwrap();
        events.swap(2, 3);
    }));
    assert!(
        err.to_string().contains("expected event 3, got event 4"),
        "{err}"
    );
    let err = refused(&edit(|v| {
        v["events"].as_array_mut().unwrap().remove(2);
    }));
    assert!(err.to_string().contains("expected event 3"), "{err}");
}

#[test]
fn a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.json");
    let newer = VERSION as u64 + 1;
    let bytes = edit(|v| {
        v["version"] = newer.into();
        v["events"][0]["type"] = "something_new".into();
    });
    std::fs::write(&path, &bytes).unwrap();
    let err = load(&path).unwrap_err();
    assert!(
        matches!(err, LoadError::Newer { version, .. } if version == newer),
        "{err}"
    );
    assert!(err.to_string().contains("newer Convene"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_version_1_file_cannot_hold_what_came_with_version_2() {
    let bytes = edit(|v| {
        v["version"] = 1.into();
        v["events"][1]["part_of"] = 2.into();
    });
    let err = refused(&bytes);
    assert!(
        matches!(
            err,
            LoadError::TooNew {
                seq: 2,
                since: 2,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("version 1 file"), "{err}");
    // The same log as version 2 reads: a step of one event.
    let bytes = edit(|v| v["events"][1]["part_of"] = 2.into());
    parse(Path::new("v2.json"), &bytes).expect("a version 2 file may mark steps");
}

#[test]
fn not_a_session_is_named_as_such() {
    let err = refused(br#"{"hello": "world"}"#);
    assert!(matches!(err, LoadError::Syntax { .. }), "{err}");
    let err = refused(&edit(|v| v["format"] = "something.else".into()));
    assert!(matches!(err, LoadError::NotASession { .. }), "{err}");
    let err = refused(b"\xff\xfe not json");
    assert!(matches!(err, LoadError::Syntax { line: 1, .. }), "{err}");
}

#[test]
fn escape_sequences_in_text_load_as_plain_text() {
    let bytes = edit(|v| v["events"][4]["title"] = "\u{1b}[2J\u{1b}]0;pwned\u{7}".into());
    let loaded = parse(Path::new("s.json"), &bytes).unwrap();
    let title = &loaded.journal.session.issues[&IssueId(1)].title;
    assert!(
        title.contains('\u{1b}'),
        "kept as data; the screen cleans it"
    );
}
