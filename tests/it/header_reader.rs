//! The picker, `convene list` and `open` read a file's header and snapshot by one set of
//! rules: a file that opening refuses for what comes before its events is never listed as a
//! session, but under "Could not read" with why, in the words opening uses, as any file
//! that cannot be read is.

use std::path::Path;
use std::process::Command;

/// A session as Convene writes it: header, snapshot, then the events.
fn written() -> String {
    let bytes = convene::store::to_bytes(
        &convene::demo::meta(),
        &convene::demo::build(),
        convene::demo::saved_at(),
    );
    String::from_utf8(bytes).expect("a session file is UTF-8")
}

/// `text` with the first `from` replaced by `to`, which must be there.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} is not in the file");
    text.replacen(from, to, 1)
}

/// Each file that opening refuses for its header or snapshot, with what its reason says.
fn refused() -> Vec<(&'static str, String, &'static str)> {
    let text = written();
    vec![
        (
            // After the snapshot, where a reader that stopped at the snapshot never looked.
            "unknown-field.json",
            edit(
                &text,
                ",\n  \"events\": [",
                ",\n  \"colour\": \"red\",\n  \"events\": [",
            ),
            "unknown field `colour`",
        ),
        (
            "repeated-field.json",
            edit(&text, "\"id\":", "\"id\": \"x\", \"id\":"),
            "duplicate field `id`",
        ),
        (
            "unknown-in-snapshot.json",
            edit(
                &text,
                "\"state\": {",
                "\"state\": {\n    \"mood\": \"calm\",",
            ),
            "unknown field `mood`",
        ),
        (
            "bad-time-in-snapshot.json",
            edit(
                &text,
                "\"starts\": \"10:30:00\"",
                "\"starts\": \"25:99:00\"",
            ),
            "",
        ),
        (
            "bad-created-at.json",
            {
                let key = "\"created_at\": \"";
                let start = text.find(key).unwrap() + key.len();
                let end = start + text[start..].find('"').unwrap();
                format!("{}yesterday{}", &text[..start], &text[end..])
            },
            "",
        ),
    ]
}

fn folder() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let sessions = convene::store::sessions_dir(data.path());
    std::fs::create_dir_all(&sessions).unwrap();
    std::fs::write(sessions.join("good.json"), written()).unwrap();
    for (name, text, _) in refused() {
        std::fs::write(sessions.join(name), text).unwrap();
    }
    data
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn a_file_that_open_refuses_is_listed_as_unreadable_with_opens_reason() {
    let data = folder();
    let sessions = convene::store::sessions_dir(data.path());
    let (good, bad) = convene::store::list(&sessions).unwrap();
    assert_eq!(
        good.iter().map(|s| name(&s.file)).collect::<Vec<_>>(),
        ["good.json"]
    );
    assert!(convene::store::load(&sessions.join("good.json")).is_ok());
    let mut expected: Vec<&str> = refused().iter().map(|(n, _, _)| *n).collect();
    expected.sort();
    assert_eq!(
        bad.iter().map(|u| name(&u.file)).collect::<Vec<_>>(),
        expected
    );
    for (file, _, says) in refused() {
        let unreadable = bad.iter().find(|u| name(&u.file) == file).unwrap();
        assert!(
            unreadable.reason.contains(says),
            "{file}: {}",
            unreadable.reason
        );
        // Opening refuses it in the same words, on the same line. (Not always at the same
        // column: serde_json counts one further on some errors when it reads a stream, as
        // listing does, than when it reads bytes in memory, as opening does.)
        let opened = convene::store::load(&sessions.join(file))
            .unwrap_err()
            .to_string();
        let (words, place) = unreadable.reason.rsplit_once(" at line ").unwrap();
        let (line, _) = place.split_once(" column ").unwrap();
        let (at, said) = opened.split_once(": not a valid session file: ").unwrap();
        assert!(
            said == words && at.rsplit(':').nth(1) == Some(line),
            "{file}: listed as {:?}, opening says {opened:?}",
            unreadable.reason
        );
    }
}

#[test]
fn convene_list_shows_them_under_could_not_read() {
    let data = folder();
    let out = Command::new(env!("CARGO_BIN_EXE_convene"))
        .arg("--data-dir")
        .arg(data.path())
        .arg("list")
        .env_remove("CONVENE_DATA_DIR")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let (listed, unreadable) = text.split_once("Could not read:\n").expect(&text);
    assert!(listed.contains("good.json"), "{text}");
    for (file, _, says) in refused() {
        assert!(
            !listed.contains(file),
            "{file} is listed as a session:\n{text}"
        );
        let line = unreadable
            .lines()
            .find(|l| l.starts_with(&format!("  {file}: ")))
            .unwrap_or_else(|| panic!("{file} is not under Could not read:\n{text}"));
        assert!(line.contains(says), "{line}");
    }
}
