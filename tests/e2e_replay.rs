//! The real binary in a real terminal: `convene replay FILE` under tmux, driven with keys,
//! its screen read back with `capture-pane`. Skipped (with a message) where tmux is missing.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn tmux(args: &[&str]) -> String {
    let out = Command::new("tmux").args(args).output().expect("tmux runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn have_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A tmux session that is killed when the test ends, pass or fail.
struct Session(String);

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.0])
            .output();
    }
}

impl Session {
    fn start(name: &str, width: u16, height: u16, command: &str) -> Session {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", name])
            .output();
        let status = Command::new("tmux")
            .args([
                "new-session",
                "-d",
                "-s",
                name,
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
                command,
            ])
            .status()
            .expect("tmux starts");
        assert!(status.success());
        Session(name.to_string())
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.0];
        args.extend_from_slice(keys);
        tmux(&args);
    }

    fn screen(&self) -> String {
        tmux(&["capture-pane", "-p", "-t", &self.0])
    }

    /// Waits until the screen shows `text`, and returns it.
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("waited for {text:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

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
    if !have_tmux() {
        eprintln!("SKIPPED: tmux is not installed, so the replay was not run in a terminal");
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
    let bin = env!("CARGO_BIN_EXE_convene");
    let name = format!("convene-replay-{}", std::process::id());
    let session = Session::start(
        &name,
        100,
        30,
        &format!(
            "{} replay {} --data-dir {}; sleep 30",
            quote(Path::new(bin)),
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
    let deadline = Instant::now() + Duration::from_secs(10);
    let counter = format!(" / {total}");
    while session.screen().contains(&counter) {
        assert!(
            Instant::now() < deadline,
            "q did not quit:\n{}",
            session.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(lock);
    assert_eq!(std::fs::read(&file).unwrap(), before, "replay never writes");
}

#[test]
fn replay_of_a_missing_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_convene"))
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
    let out = Command::new(env!("CARGO_BIN_EXE_convene"))
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

/// Writes a generated session for trying replay by hand:
/// `REPLAY_SAMPLE=/tmp/day.json REPLAY_STEPS=150000 cargo test --test e2e_replay -- --ignored`
#[test]
#[ignore]
fn write_sample_session() {
    let Ok(path) = std::env::var("REPLAY_SAMPLE") else {
        return;
    };
    let steps = std::env::var("REPLAY_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let journal = common::walk(1, steps);
    common::write_session(Path::new(&path), &journal);
    eprintln!("{} events written to {path}", journal.events.len());
}
