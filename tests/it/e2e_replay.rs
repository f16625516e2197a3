//! The real binary in a real terminal: `convene replay FILE` under tmux, driven with keys,
//! its screen read back with `capture-pane`. Skipped (with a message) where tmux is missing.

use crate::support::BIN;
use crate::support::day;
use crate::support::tmux::{Tmux, tmux_missing};
use std::path::Path;
use std::process::Command;

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

/// Waits until the whole log is read, and gives the screen then.
fn read_whole(session: &Tmux) -> String {
    let start = std::time::Instant::now();
    loop {
        let screen = session.screen();
        if !screen.contains("Reading the log") {
            return screen;
        }
        assert!(start.elapsed().as_secs() < 60, "still reading:\n{screen}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
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
    let journal = day::walk(21, 400);
    let total = journal.events.len();
    assert!(total > 100 && total < 1000, "{total}");
    day::write_session(&file, &journal);
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
    session.wait_for(&format!("1 / {total}"));
    // A short day is read whole at once, unless the machine is very slow.
    let first = read_whole(&session);
    assert!(first.contains(&format!("1 / {total}")), "{first}");
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

/// A day long enough to be still being read after the first frame, even by a fast machine
/// (the tests run the unoptimised binary).
fn long_day(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("long.json");
    let out = Command::new(BIN)
        .args(["synth", "--participants", "300", "--issues", "200"])
        .args(["--events", "100000", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    file
}

/// The real binary opens a long day at once, answers keys whether or not it has finished
/// reading, and ends up with the whole day. How far the reading has got when a key lands
/// depends on the machine, so only what holds either way is checked here; what the screen
/// says and refuses while reading is checked on a test terminal, where the test decides
/// when each part arrives (`replay_app`).
#[test]
fn a_long_replay_opens_at_once_and_is_read_behind_it() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = long_day(dir.path());
    let before = std::fs::read(&file).unwrap();
    for (w, h) in [(80, 24), (200, 60)] {
        let session = Tmux::start(
            "replay-long",
            w,
            h,
            &format!(
                "exec {} replay {} --data-dir {}",
                quote(Path::new(BIN)),
                quote(&file),
                quote(dir.path())
            ),
        );
        let first = session.wait_for("1 / ");
        assert!(first.contains("Session created"), "{first}");
        session.keys(&["Right", "Right"]);
        session.wait_for("3 / ");
        // Once read, the whole day is there.
        read_whole(&session);
        session.keys(&["End"]);
        let last = session.wait_for("100,000 / 100,000");
        assert!(!last.contains("100,000…"), "{last}");
        session.keys(&["q"]);
        session.wait_until_gone();
    }
    assert_eq!(std::fs::read(&file).unwrap(), before, "replay never writes");
}

/// A fault deep in a long log is found after the screen opened: the screen says so, the
/// part before it still replays, and quitting fails with the words a load of the file gives.
#[test]
fn a_fault_found_after_the_screen_opened_fails_the_command_on_quitting() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = long_day(dir.path());
    let text = std::fs::read_to_string(&file).unwrap();
    let broken = text.replacen("{\"seq\":60000,", "{\"seq\":60001,", 1);
    assert_ne!(broken, text);
    std::fs::write(&file, &broken).unwrap();
    let expected = convene::store::load(&file).unwrap_err().to_string();
    let (err, status) = (dir.path().join("err"), dir.path().join("status"));
    let session = Tmux::start(
        "replay-refused",
        100,
        30,
        &format!(
            "{} replay {} --data-dir {} 2>{}; echo $? >{}",
            quote(Path::new(BIN)),
            quote(&file),
            quote(dir.path()),
            quote(&err),
            quote(&status)
        ),
    );
    session.wait_for("1 / ");
    let refused = session.wait_for("This file is refused");
    assert!(refused.contains("event 60001"), "{refused}");
    session.keys(&["End"]);
    let end = session.wait_for("/ 5");
    assert!(!end.contains("60,000 / "), "stops before the fault: {end}");
    session.keys(&["q"]);
    session.wait_until_gone();
    assert_eq!(std::fs::read_to_string(&status).unwrap().trim(), "1");
    let said = std::fs::read_to_string(&err).unwrap();
    assert_eq!(said.trim(), format!("convene: {expected}"));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        broken,
        "never written"
    );
}
