//! The real binary in a real terminal: `convene replay FILE` under tmux, driven with keys,
//! its screen read back with `capture-pane`. Skipped (with a message) where tmux is missing.

mod common;

mod support;

use std::path::Path;
use std::process::Command;
use support::{BIN, Tmux, tmux_missing};

/// The caption row: the one with the event counter "N / total".
fn caption(screen: &str, total: usize) -> String {
    let end = format!(" / {total}");
    screen
        .lines()
        .find(|l| l.trim_end().ends_with(&end))
        .unwrap_or_else(|| panic!("no caption row in:\n{screen}"))
        .trim()
        .to_string()
}

fn quote(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "'\\''"))
}

#[test]
fn replay_steps_and_ends_in_a_real_terminal() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("day.json");
    let journal = common::walk(21, 400);
    let total = journal.events.len();
    assert!(total > 100 && total < 1000, "{total}");
    common::write_session(&file, &journal);
    // A lock held by a copy open for writing elsewhere does not stop a replay.
    let lock = convene::store::lock(&file).expect("locked as the app would");
    let before = std::fs::read(&file).unwrap();
    let session = Tmux::start(
        "replay",
        100,
        30,
        &format!(
            "exec {} replay {} --data-dir {}",
            quote(Path::new(BIN)),
            quote(&file),
            quote(dir.path())
        ),
    );
    let first = session.wait_for(&format!("1 / {total}"));
    assert!(first.contains("Session created"), "{first}");
    assert!(first.contains("REPLAY"), "{first}");

    session.keys(&["Right"]);
    let second = session.wait_for(&format!("2 / {total}"));
    assert_ne!(caption(&first, total), caption(&second, total));

    session.keys(&["End"]);
    let last = session.wait_for(&format!("{total} / {total}"));
    assert_ne!(caption(&second, total), caption(&last, total));

    session.keys(&["S-Left"]);
    let mark = session.wait_for("first lead");
    assert!(!mark.contains(&format!("{total} / {total}")), "{mark}");

    session.keys(&["q"]);
    session.wait_until_gone();
    drop(lock);
    assert_eq!(std::fs::read(&file).unwrap(), before, "replay never writes");
}

#[test]
fn replay_of_a_missing_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(["replay", "no-such-day.json", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no-such-day.json: no such session file"),
        "{err}"
    );
}

#[test]
fn replay_of_a_broken_file_names_it_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.json");
    std::fs::write(
        &file,
        b"{\"format\": \"convene.session\", \"version\": 1, \"events\": [",
    )
    .unwrap();
    let out = Command::new(BIN)
        .arg("replay")
        .arg(&file)
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.json"), "{err}");
    assert!(err.contains("not a valid session file"), "{err}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        b"{\"format\": \"convene.session\", \"version\": 1, \"events\": ["
    );
}
