//! End to end in a real terminal: the binary runs in a detached tmux session, issues are
//! typed with the keys a facilitator would use, one is placed on the agenda wall, `q` quits, and `convene export` shows what
//! was saved. Skipped (with a message) where tmux is missing; `.ci/run` installs it.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_convene");

/// A tmux server of our own (its own socket), so the user's tmux is never touched.
struct Tmux {
    socket: String,
    session: &'static str,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", self.session]).stdout)
            .into_owned()
    }

    /// Types literal text.
    fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", self.session, "-l", text]);
    }

    /// Presses named keys (Enter, Tab, Escape) one at a time, pausing so an Escape is never
    /// read together with the next key as Alt+key.
    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", self.session, k]);
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Waits until the screen shows `text`, or fails with the screen.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("waited for {text:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn running(&self) -> bool {
        self.run(&["has-session", "-t", self.session])
            .status
            .success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn session_file(data: &Path) -> std::path::PathBuf {
    let dir = data.join("sessions");
    std::fs::read_dir(&dir)
        .expect("the sessions folder exists")
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .expect("a session file")
}

#[test]
fn issues_typed_in_the_app_are_saved_with_their_conveners() {
    if Command::new("tmux").arg("-V").output().is_err() {
        println!("tmux is not installed: skipping the end-to-end test (.ci/run installs it)");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let tmux = Tmux {
        socket: format!("convene-e2e-{}", std::process::id()),
        session: "e2e",
    };
    let command = format!(
        "{BIN} --data-dir '{}' new 'Home from hospital' --space 'Garden room' --slot Morning",
        data.path().display()
    );
    let started = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        tmux.session,
        "-x",
        "100",
        "-y",
        "30",
        &command,
    ]);
    assert!(started.status.success(), "{started:?}");
    tmux.wait_for("Opening");

    tmux.keys(&["2", "a"]);
    tmux.wait_for("New issue");
    tmux.text("Discharge on Fridays");
    tmux.keys(&["Tab"]);
    tmux.text("Jo Green");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Added issue 1");
    tmux.text("Carers are told last");
    tmux.keys(&["Tab"]);
    tmux.text("Sam Hale");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Added issue 2");
    tmux.keys(&["Escape"]);
    tmux.wait_for("2 issues");
    // On the agenda wall: go to the unplaced list, pick up the first issue, put it on the
    // free cell.
    tmux.keys(&["3", "Space", "Enter"]);
    tmux.wait_for("Placing #1");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Issue 1 placed in Garden room");

    tmux.keys(&["q"]);
    let start = Instant::now();
    while tmux.running() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "still running:\n{}",
            tmux.screen()
        );
        std::thread::sleep(Duration::from_millis(100));
    }

    let file = session_file(data.path());
    let out = Command::new(BIN)
        .arg("--data-dir")
        .arg(data.path())
        .arg("export")
        .arg(&file)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
    let issues: Vec<[String; 4]> = json["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            [
                text(&i["title"]),
                text(&i["convener"]),
                text(&i["space"]),
                text(&i["slot"]),
            ]
        })
        .collect();
    assert_eq!(
        issues,
        [
            ["Discharge on Fridays", "Jo Green", "Garden room", "Morning"].map(String::from),
            ["Carers are told last", "Sam Hale", "", ""].map(String::from),
        ]
    );
}
