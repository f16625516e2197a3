//! A replay read from its file behind the first frame (`replay::behind`): the screen gets
//! the start of the log at once and the rest in parts; what it ends up with is the replay
//! of the whole log, and a file that loading refuses is refused in the same words, before
//! the first frame when that is where the fault is, or after the parts before it.

use crate::support::day;
use convene::model::{Change, Journal};
use convene::replay::Replayer;
use convene::replay::behind::{Built, read, start};
use convene::synth::{SynthParams, generate};
use std::path::Path;

/// A day longer than one piece of the log, with a step of several events at its end.
fn long_day() -> Journal {
    let mut j = generate(&SynthParams {
        participants: 40,
        issues: 30,
        events: 7000,
        seed: 14,
    });
    let at = j.events.last().unwrap().at;
    let theme = |t: &str| Change::ThemeSet { theme: t.into() };
    j.record_step(at, vec![theme("A"), theme("B"), theme("C")])
        .unwrap();
    j
}

/// Everything the building thread hands on, until its verdict.
fn drain(path: &Path) -> (Replayer, Result<(), String>, usize) {
    let behind = read(path).unwrap();
    let mut replay = Replayer::building();
    let mut parts = 0;
    for built in behind {
        match built {
            Built::Part(part) => {
                replay.absorb(part);
                parts += 1;
            }
            Built::Done(verdict) => {
                replay.completed();
                return (replay, verdict.map_err(|e| e.to_string()), parts);
            }
        }
    }
    panic!("no verdict");
}

fn load_error(path: &Path) -> String {
    convene::store::load(path).unwrap_err().to_string()
}

#[test]
fn a_file_read_behind_is_the_replay_of_its_whole_log() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("day.json");
    let journal = long_day();
    day::write_session(&path, &journal);
    let before = std::fs::read(&path).unwrap();

    // The first frame waits only for the start of the log (and briefly for more).
    let (first, behind) = start(&path).unwrap();
    assert!(!first.is_empty());
    assert!(!first.is_complete() || first.len() == journal.events.len());
    drop(behind);

    let (mut replay, verdict, parts) = drain(&path);
    assert_eq!(verdict, Ok(()));
    assert!(parts > 2, "{parts}");
    assert_eq!(replay.len(), journal.events.len());
    let whole = Replayer::new(journal.events.clone()).unwrap();
    assert_eq!(replay.marks(), whole.marks());
    let n = journal.events.len();
    for at in [0, 1, 2047, 2048, 2049, 4100, n - 2, n - 1, n] {
        replay.seek(at);
        let rebuilt = Journal::rebuild(journal.events[..replay.position()].to_vec()).unwrap();
        assert_eq!(*replay.state(), rebuilt.session, "at {at}");
    }
    assert_eq!(replay.position(), n);
    assert_eq!(*replay.state(), journal.session);
    assert_eq!(std::fs::read(&path).unwrap(), before, "replay never writes");
}

/// Files written by other tools may hold the log before the header: it is read whole,
/// then handed on.
#[test]
fn a_file_with_the_log_before_the_header_replays_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("day.json");
    let journal = long_day();
    day::write_session(&path, &journal);
    // serde_json writes keys in alphabetical order: "events" before "format".
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    std::fs::write(&path, serde_json::to_vec(&value).unwrap()).unwrap();
    let (mut replay, verdict, _) = drain(&path);
    assert_eq!(verdict, Ok(()));
    assert_eq!(replay.len(), journal.events.len());
    replay.seek(journal.events.len());
    assert_eq!(*replay.state(), journal.session);
}

/// The file's text with `from` replaced by `to` once, written back.
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_fault_late_in_the_log_is_refused_after_the_parts_before_it_in_loading_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("day.json");
    let journal = long_day();

    // A seq out of order, well after the first piece.
    day::write_session(&path, &journal);
    edit(&path, "{\"seq\":5000,", "{\"seq\":5999,");
    let (mut replay, verdict, _) = drain(&path);
    let said = verdict.unwrap_err();
    assert_eq!(said, load_error(&path));
    assert!(said.contains("event 5999"), "{said}");
    assert!(
        replay.len() < 4999 && !replay.is_empty(),
        "{}",
        replay.len()
    );
    replay.seek(usize::MAX);
    let rebuilt = Journal::rebuild(journal.events[..replay.len()].to_vec()).unwrap();
    assert_eq!(
        *replay.state(),
        rebuilt.session,
        "what is shown was accepted"
    );

    // The file cut short: the syntax error, with its line and column.
    day::write_session(&path, &journal);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() - 400]).unwrap();
    let (_, verdict, _) = drain(&path);
    let said = verdict.unwrap_err();
    assert_eq!(said, load_error(&path));
    assert!(said.contains("not a valid session file"), "{said}");

    // Both: the syntax error is said first, as loading says it.
    edit(&path, "{\"seq\":300,", "{\"seq\":3,");
    let err = start(&path)
        .err()
        .expect("nothing to show before the fault");
    assert_eq!(err.to_string(), load_error(&path));
    assert!(
        err.to_string().contains("not a valid session file"),
        "{err}"
    );

    // A version 1 file holding a step mark (version 2) at its end.
    day::write_session(&path, &journal);
    edit(&path, "\"version\": 2", "\"version\": 1");
    let (_, verdict, _) = drain(&path);
    let said = verdict.unwrap_err();
    assert_eq!(said, load_error(&path));
    assert!(said.contains("a step mark"), "{said}");
}

#[test]
fn a_fault_at_the_start_is_refused_before_anything_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("day.json");
    let journal = long_day();
    let refused = |path: &Path| {
        let err = start(path).err().expect("refused");
        assert_eq!(err.to_string(), load_error(path));
        err.to_string()
    };

    day::write_session(&path, &journal);
    edit(&path, "{\"seq\":2,", "{\"seq\":9,");
    assert!(refused(&path).contains("event 9"));

    // A newer file is refused as one, even if its first events would read.
    day::write_session(&path, &journal);
    edit(&path, "\"version\": 2", "\"version\": 3");
    assert!(refused(&path).contains("written by a newer Convene"));

    day::write_session(&path, &journal);
    edit(
        &path,
        "\"format\": \"convene.session\"",
        "\"format\": \"other\"",
    );
    assert!(refused(&path).contains("not a Convene session file"));

    std::fs::write(&path, b"{\"format\": 7").unwrap();
    assert!(refused(&path).contains("not a valid session file"));
    std::fs::write(&path, b"").unwrap();
    refused(&path);
    assert!(refused(dir.path()).contains("cannot read"));
    assert!(refused(&dir.path().join("missing.json")).contains("cannot read"));

    // No events at all: nothing to refuse, nothing to show.
    let (replay, _) = {
        let mut j = journal.clone();
        j.events.clear();
        day::write_session(&path, &j);
        let read = convene::store::read_log(&path).unwrap();
        assert!(read.1.is_empty());
        start(&path).unwrap()
    };
    assert!(replay.is_empty() && replay.is_complete());
}
