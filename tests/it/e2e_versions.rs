//! A file written before version 2, opened in the real app under tmux: looking at every
//! pane rewrites nothing; the first change writes it as version 2 with the old log intact.

use crate::support::BIN;
use crate::support::tmux::{Tmux, tmux_missing};
use convene::demo::DEMO_JSON as DEMO;
use std::process::Command;

#[test]
fn a_version_1_file_is_rewritten_only_by_a_change() {
    if tmux_missing() {
        return;
    }
    assert!(
        DEMO.contains("\"version\": 1,"),
        "the demo asset is a version 1 file"
    );
    let data = tempfile::tempdir().unwrap();
    let sessions = data.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let file = sessions.join("old.json");
    std::fs::write(&file, DEMO).unwrap();
    let command = format!(
        "{BIN} --data-dir '{}' open '{}'",
        data.path().display(),
        file.display()
    );

    let tmux = Tmux::start("versions", 100, 30, &command);
    tmux.wait_for("Opening");
    for pane in ["2", "3", "4", "5", "6", "1"] {
        tmux.keys(&[pane]);
    }
    tmux.keys(&["q"]);
    tmux.wait_until_gone();
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        DEMO,
        "opening and looking changed the file"
    );
    let check = Command::new(BIN)
        .arg("--data-dir")
        .arg(data.path())
        .arg("check")
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), DEMO, "check wrote");

    // One change: the theme edited on Opening.
    let tmux = Tmux::start("versions-2", 100, 30, &command);
    tmux.wait_for("Opening");
    tmux.keys(&["e"]);
    tmux.text(" again");
    tmux.keys(&["Enter"]);
    tmux.wait_for("saved");
    tmux.keys(&["q"]);
    tmux.wait_until_gone();
    let after = std::fs::read_to_string(&file).unwrap();
    assert!(after.contains("\"version\": 2,"), "written as version 2");
    let old_events = DEMO.split("\"state\"").next().unwrap();
    let old_events = old_events
        .trim_end()
        .trim_end_matches(['\n', ' ', ']', ',']);
    let start = old_events.find("\"events\"").unwrap();
    assert!(
        after.contains(&old_events[start..]),
        "the version 1 log is kept as it was"
    );
    assert!(after.contains("\"type\":\"theme_set\""), "{after}");
}
