//! Saves that fail while the room is typing, seen as the facilitator sees them: the status
//! bar says "NOT SAVED" with the reason, what was typed stays on screen, the old file stays
//! whole, and once the cause is gone the app saves by itself. Tests run as root, so the
//! faults are real ones: the data folder removed, and fsync failing with EIO (injected by
//! strace, which `.ci/run` installs).

use crate::support::tmux::{Tmux, tmux_missing};
use crate::support::{BIN, new_session};
use std::path::Path;
use std::process::Command;

/// The titles of the issues in a session file, read by the command line as a script would.
fn titles(file: &Path) -> Vec<String> {
    let out = Command::new(BIN)
        .args(["export", "--format", "json"])
        .arg(file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let state: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    state["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_string())
        .collect()
}

/// The app on `file` in a terminal of its own.
fn open_in_tmux(name: &str, file: &Path) -> Tmux {
    Tmux::start(
        name,
        100,
        30,
        &format!("exec {BIN} open '{}'", file.display()),
    )
}

fn add_issue(tmux: &Tmux, title: &str) {
    tmux.keys(&["2", "a"]);
    tmux.wait_for("New issue");
    tmux.text(title);
    tmux.keys(&["Enter", "Escape"]);
}

#[test]
fn a_removed_data_folder_shows_not_saved_and_saving_resumes_when_it_is_back() {
    if tmux_missing() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let file = new_session(data.path(), "Folder test", &[]);
    let tmux = open_in_tmux("folder", &file);
    tmux.wait_for("✓ saved");
    add_issue(&tmux, "Saved before the folder went");
    tmux.wait_for("✓ saved");
    let folder = file.parent().unwrap();
    let before = std::fs::read(&file).unwrap();
    std::fs::remove_dir_all(folder).unwrap();

    add_issue(&tmux, "Typed while the folder was gone");
    let screen = tmux.wait_for("NOT SAVED: the folder is gone");
    assert!(
        screen.contains("Typed while the folder was gone"),
        "{screen}"
    );

    // q while unsaved asks again rather than dropping the room's words.
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("press q again");
    assert!(tmux.running(), "{screen}");

    std::fs::create_dir(folder).unwrap();
    tmux.wait_for("✓ saved");
    tmux.keys(&["q"]);
    tmux.wait_until_gone();
    assert_ne!(std::fs::read(&file).unwrap(), before);
    assert_eq!(
        titles(&file),
        [
            "Saved before the folder went",
            "Typed while the folder was gone"
        ]
    );
}

#[test]
fn fsync_failing_with_eio_leaves_the_old_file_whole_and_a_later_save_holds_everything() {
    if tmux_missing() {
        return;
    }
    if Command::new("strace").arg("-V").output().is_err() {
        println!("strace is not installed: skipping the EIO test (.ci/run installs it)");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let file = new_session(data.path(), "EIO test", &[]);
    let before = std::fs::read(&file).unwrap();
    // Opening a session writes nothing, so the first fsyncs are the first save's: it fails,
    // the retry two seconds later fails too, and the one after that goes through.
    let command = format!(
        "exec strace -f -qq -o /dev/null -e trace=fsync,fdatasync \
         -e inject=fsync,fdatasync:error=EIO:when=1..2 {BIN} open '{}'",
        file.display()
    );
    let tmux = Tmux::start("eio", 100, 30, &command);
    tmux.wait_for("✓ saved");
    add_issue(&tmux, "Typed while the disk failed");
    let screen = tmux.wait_for("NOT SAVED: the disk reported an error");
    assert!(screen.contains("Typed while the disk failed"), "{screen}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the old file is whole"
    );
    let leftovers: Vec<_> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".json") && !n.ends_with(".lock"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary left: {leftovers:?}");

    tmux.wait_for("✓ saved");
    tmux.keys(&["q"]);
    tmux.wait_until_gone();
    assert_eq!(titles(&file), ["Typed while the disk failed"]);
}

#[test]
fn a_second_copy_on_the_same_file_is_refused_and_the_first_keeps_saving() {
    if tmux_missing() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let file = new_session(data.path(), "Two copies", &[]);
    let first = open_in_tmux("first", &file);
    first.wait_for("✓ saved");

    let second = Command::new(BIN).arg("open").arg(&file).output().unwrap();
    assert_eq!(second.status.code(), Some(1), "{second:?}");
    let message = String::from_utf8_lossy(&second.stderr);
    assert!(
        message.contains("is already open in another Convene"),
        "{message}"
    );

    add_issue(&first, "Raised after the second copy was refused");
    first.wait_for("✓ saved");
    first.keys(&["q"]);
    first.wait_until_gone();
    assert_eq!(titles(&file), ["Raised after the second copy was refused"]);
}
