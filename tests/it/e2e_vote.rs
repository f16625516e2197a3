//! End to end in a real terminal: the binary runs under tmux as a facilitator would use it.
//! A new session, two issues raised in the Issues pane, a round opened with the defaults,
//! two dots on the first issue, a lead named in the Leads pane, quit; the JSON export then
//! shows the two votes and the lead. Skipped, with a message, where tmux is not installed.

use crate::support::tmux::{Tmux, tmux_missing};
use crate::support::{BIN, session_file};
use std::process::Command;

#[test]
fn vote_and_lead_reach_the_export() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let command = format!(
        "exec '{BIN}' --data-dir '{}' new 'Home from hospital, well'",
        data.display()
    );
    let tmux = Tmux::start("vote", 100, 30, &command);
    tmux.wait_for("Home from hospital");

    tmux.keys(&["2", "a"]);
    tmux.text("Weekend discharge");
    tmux.keys(&["Enter"]);
    tmux.text("Carers' breaks");
    tmux.keys(&["Enter", "Escape"]);
    tmux.wait_for("Carers' breaks");

    tmux.keys(&["4", "n"]);
    tmux.wait_for("New voting round 1");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Round 1 of 1");
    tmux.keys(&["+", "+"]);
    tmux.wait_for("2 dots tallied");

    tmux.keys(&["5", "l"]);
    tmux.wait_for("Lead: a name");
    tmux.text("Zoe Quinn");
    tmux.keys(&["Enter"]);
    // A new name joins the roster only on a second Enter.
    tmux.wait_for("Enter again adds them");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Zoe Quinn leads issue 1");
    tmux.keys(&["q"]);
    tmux.wait_until_gone();

    let file = session_file(&data);
    let out = Command::new(BIN)
        .args(["--data-dir"])
        .arg(&data)
        .arg("export")
        .arg(&file)
        .args(["--format", "json"])
        .output()
        .expect("export runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let issues = json["issues"].as_array().expect("issues");
    let first = issues
        .iter()
        .find(|i| i["title"] == "Weekend discharge")
        .expect("the first issue");
    assert_eq!(first["votes"], 2, "{first}");
    assert_eq!(first["lead"], "Zoe Quinn", "{first}");
    let second = issues
        .iter()
        .find(|i| i["title"] == "Carers' breaks")
        .expect("the second issue");
    assert_eq!(second["votes"], 0, "{second}");
}
