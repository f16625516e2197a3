//! End to end in a real terminal: the binary runs in a detached tmux session, issues are
//! typed with the keys a facilitator would use, one is placed on the agenda wall, `q` quits, and `convene export` shows what
//! was saved. Skipped (with a message) where tmux is missing; `.ci/run` installs it.

use crate::support::tmux::{Tmux, tmux_missing};
use crate::support::{BIN, session_file};
use std::process::Command;

#[test]
fn issues_typed_in_the_app_are_saved_with_their_conveners() {
    if tmux_missing() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let command = format!(
        "{BIN} --data-dir '{}' new 'Home from hospital' --space 'Garden room' --slot Morning",
        data.path().display()
    );
    let tmux = Tmux::start("issues", 100, 30, &command);
    tmux.wait_for("Opening");

    tmux.keys(&["2", "a"]);
    tmux.wait_for("New issue");
    tmux.text("Discharge on Fridays");
    tmux.keys(&["Tab"]);
    tmux.text("Jo Green");
    tmux.keys(&["Enter"]);
    // A convener not on the roster joins it on a second Enter.
    tmux.wait_for("Enter again adds them");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Added issue 1");
    tmux.text("Carers are told last");
    tmux.keys(&["Tab"]);
    tmux.text("Sam Hale");
    tmux.keys(&["Enter"]);
    // A convener not on the roster joins it on a second Enter.
    tmux.wait_for("Enter again adds them");
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
    tmux.wait_until_gone();

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
