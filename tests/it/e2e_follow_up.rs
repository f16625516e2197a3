//! The follow-up loop in the real app under tmux: a follow-up made from the command line,
//! three updates recorded by keys on the Progress pane, quit, and `convene history` shows
//! them in the programme's figures.

use crate::support::tmux::{Tmux, tmux_missing};
use crate::support::{BIN, printed};
use convene::demo::DEMO_JSON as DEMO;

#[test]
fn three_updates_by_keys_show_in_the_history() {
    if tmux_missing() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let sessions = data.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let day = sessions.join("day.json");
    std::fs::write(&day, DEMO).unwrap();
    let made = printed(
        data.path(),
        &[
            "follow-up",
            day.to_str().unwrap(),
            "Three months on",
            "--date",
            "2027-02-16",
            "--no-open",
        ],
    );
    let file = made.trim().to_string();
    assert!(file.ends_with("2027-02-16-three-months-on.json"), "{file}");
    let before = printed(data.path(), &["history", &file]);
    assert!(before.contains("0 done, 2 under way, 0 stuck"), "{before}");

    let command = format!("{BIN} --data-dir '{}' open '{file}'", data.path().display());
    let tmux = Tmux::start("follow-up", 100, 30, &command);
    tmux.wait_for("Progress since 12 Nov 2026");
    // First action (the daily call): done. Second (the guide): stuck. Third: dropped.
    tmux.keys(&["Down", "d"]);
    tmux.wait_for("Now done");
    tmux.keys(&["Down", "s"]);
    tmux.wait_for("Now stuck");
    tmux.keys(&["Down", "x"]);
    tmux.wait_for("Now dropped");
    tmux.wait_for("saved");
    tmux.keys(&["q"]);
    tmux.wait_until_gone();

    let log = printed(data.path(), &["log", &file]);
    assert_eq!(log.matches("progress on issue 1").count(), 3, "{log}");
    let history = printed(data.path(), &["history", &file]);
    assert!(
        history.contains("2 meetings in this programme"),
        "{history}"
    );
    assert!(history.contains("1. 12 Nov 2026"), "{history}");
    assert!(
        history.contains(
            "19 actions promised: 1 done, 1 under way, 1 stuck, 15 not started, 1 dropped"
        ),
        "{history}"
    );
    let check = printed(data.path(), &["check", &file]);
    assert!(check.contains("what was carried agrees with it"), "{check}");
    assert_eq!(
        std::fs::read_to_string(&day).unwrap(),
        DEMO,
        "the day's file is untouched"
    );
}
