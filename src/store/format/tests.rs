//! The file format read and written back: previews, key orders, kept log bytes, checks,
//! and the fields a file may not have.

use super::read::verify_bytes;
use super::*;
use crate::model::Change;
use crate::model::Journal;
use crate::view::StateView;

fn file() -> (Journal, Vec<u8>) {
    let journal = crate::demo::build();
    let bytes = to_bytes(&crate::demo::meta(), &journal, crate::demo::saved_at());
    (journal, bytes)
}

fn edit(bytes: &[u8], f: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    f(&mut value);
    serde_json::to_vec(&value).unwrap()
}

fn err(bytes: &[u8]) -> String {
    parse(Path::new("s.json"), bytes).unwrap_err().to_string()
}

/// The preview stops at the snapshot: what comes after it is the background check's.
#[test]
fn the_preview_reads_the_snapshot_without_the_events() {
    let (journal, bytes) = file();
    let text = String::from_utf8(bytes).unwrap();
    let cut = text.find("\"events\": [").unwrap();
    let broken = format!("{}\"events\": [{{ not json", &text[..cut]);
    let preview = preview(Path::new("s.json"), broken.as_bytes()).unwrap();
    assert_eq!(preview.state, StateView::of(&journal.session));
    assert_eq!(preview.meta, crate::demo::meta());
    assert!(parse(Path::new("s.json"), broken.as_bytes()).is_err());
}

/// Files written before the snapshot moved ahead of the events (and files written by
/// other tools, in any key order) read as before, previews included.
#[test]
fn a_file_with_the_snapshot_last_reads_the_same() {
    let (journal, bytes) = file();
    // serde_json writes keys in alphabetical order: "events" before "state".
    let old = edit(&bytes, |_| {});
    let text = String::from_utf8(old.clone()).unwrap();
    assert!(text.find("\"events\"").unwrap() < text.find("\"state\"").unwrap());
    let loaded = parse(Path::new("s.json"), &old).unwrap();
    assert_eq!(loaded.journal, journal);
    let preview = preview(Path::new("s.json"), &old).unwrap();
    assert_eq!(preview.state, StateView::of(&journal.session));
    let checked = check_bytes(Path::new("s.json"), &old).unwrap();
    assert_eq!(checked.snapshot_differs, None);
}

/// The bytes of a file Convene wrote are its log's bytes: kept as they are, a save
/// from them writes what a fresh serialization would.
#[test]
fn an_opened_files_bytes_are_kept_for_its_log() {
    let (mut journal, bytes) = file();
    let count = journal.events.len();
    let mut log = LogBytes::from_file(bytes.clone(), count).unwrap();
    assert_eq!(log.len(), count);
    let at = crate::demo::saved_at();
    let event = journal
        .record(
            at,
            Change::ThemeSet {
                theme: "Après \"x\"".into(),
            },
        )
        .unwrap()
        .clone();
    log.push(&event);
    let kept = FileParts::new(&crate::demo::meta(), &journal.session, at, &log).concat();
    assert_eq!(kept, to_bytes(&crate::demo::meta(), &journal, at));

    let empty = to_bytes(&crate::demo::meta(), &Journal::default(), at);
    let log = LogBytes::from_file(empty, 0).unwrap();
    assert!(log.is_empty());

    // Laid out any other way, the bytes are handed back to be serialized afresh.
    let text = String::from_utf8(bytes.clone()).unwrap();
    let reordered = edit(&bytes, |_| {});
    let pretty =
        serde_json::to_vec_pretty(&serde_json::from_slice::<serde_json::Value>(&bytes).unwrap())
            .unwrap();
    // Two events on one line (the last two: the snapshot has the same indent).
    let last = text.rfind(",\n    {").unwrap();
    let joined = format!("{}, {}", &text[..last], &text[last + 6..]).into_bytes();
    for other in [reordered, pretty, joined] {
        assert!(LogBytes::from_file(other, count).is_err());
    }
    assert!(LogBytes::from_file(bytes, count + 1).is_err());
}

/// A check keeps none of the events, in any key order, and finds what a load finds.
#[test]
fn verifying_finds_what_a_load_finds() {
    let (journal, bytes) = file();
    let reordered = edit(&bytes, |_| {});
    for bytes in [bytes.clone(), reordered] {
        let verified = verify_bytes(Path::new("s.json"), bytes).unwrap();
        assert_eq!(verified.session, journal.session);
        assert_eq!(verified.events, journal.events.len());
        assert_eq!(verified.snapshot_differs, None);
    }
    let theme = edit(&bytes, |v| v["state"]["theme"] = "Other".into());
    let verified = verify_bytes(Path::new("s.json"), theme).unwrap();
    assert!(verified.snapshot_differs.unwrap().contains("theme"));
    let refused = edit(&bytes, |v| v["events"][5]["seq"] = 99.into());
    let message = verify_bytes(Path::new("s.json"), refused.clone()).unwrap_err();
    assert_eq!(message.to_string(), err(&refused));
}

/// The schema allows no other fields anywhere; a save would drop them without a word.
#[test]
fn unknown_fields_are_refused_by_name() {
    let (_, bytes) = file();
    for (edited, field) in [
        (edit(&bytes, |v| v["colour"] = "red".into()), "colour"),
        (edit(&bytes, |v| v["state"]["mood"] = 1.into()), "mood"),
        (
            edit(&bytes, |v| v["state"]["issues"][0]["stars"] = 5.into()),
            "stars",
        ),
        (
            edit(&bytes, |v| v["events"][3]["note"] = "x".into()),
            "note",
        ),
    ] {
        let message = err(&edited);
        assert!(
            message.contains(&format!("unknown field `{field}`")),
            "{field}: {message}"
        );
        assert!(message.contains("not a valid session file"), "{message}");
    }
}

#[test]
fn repeated_and_missing_fields_are_refused() {
    let (_, bytes) = file();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let twice = text.replacen("\"id\":", "\"id\": \"x\", \"id\":", 1);
    assert!(err(twice.as_bytes()).contains("duplicate field `id`"));
    let gone = edit(&bytes, |v| {
        v.as_object_mut().unwrap().remove("saved_at");
    });
    assert!(err(&gone).contains("missing field `saved_at`"));
    let gone = edit(&bytes, |v| {
        v.as_object_mut().unwrap().remove("events");
    });
    assert!(err(&gone).contains("missing field `events`"));
}

/// A save writes the kept bytes of each event: they must be exactly what serializing
/// the whole log afresh gives, however the log grew.
#[test]
fn kept_event_bytes_are_a_fresh_serialisation() {
    let (mut journal, _) = file();
    let mut log = LogBytes::of(&journal.events[..10]);
    for event in &journal.events[10..] {
        log.push(event);
    }
    let at = crate::demo::saved_at();
    for n in 0..3 {
        let change = Change::ThemeSet {
            theme: format!("Theme \"{n}\" \u{1F600}"),
        };
        let event = journal.record(at, change).unwrap().clone();
        log.push(&event);
    }
    let kept = FileParts::new(&crate::demo::meta(), &journal.session, at, &log).concat();
    let fresh = to_bytes(&crate::demo::meta(), &journal, at);
    assert_eq!(
        String::from_utf8(kept).unwrap(),
        String::from_utf8(fresh).unwrap()
    );
    assert_eq!(log.len(), journal.events.len());
}
