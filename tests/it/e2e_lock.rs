//! The lock under a running app, attacked as issue 10 found it: the `.lock` file deleted,
//! the sessions folder removed and made again (a USB stick pulled out and put back), then a
//! second writer started. Either the second writer is refused or the app stops writing and
//! says why; a change shown as saved is never lost. Also: the notice of a change made while
//! saves fail does not claim success, SIGTERM and SIGHUP restore the terminal and leave
//! everything saved, and folders the app makes are private under `umask 000`.

use crate::support::tmux::{Tmux, tmux_missing};
use crate::support::{BIN, mode, new_session, titles};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn import(file: &Path, title: &str) -> std::process::Output {
    let csv = file.with_file_name(format!("../{title}.csv"));
    std::fs::write(&csv, format!("{title}\n")).unwrap();
    Command::new(BIN)
        .arg("import")
        .arg(file)
        .arg("--issues")
        .arg(&csv)
        .output()
        .unwrap()
}

fn open_in_tmux(name: &str, file: &Path) -> Tmux {
    let tmux = Tmux::start(
        name,
        100,
        30,
        &format!("exec {BIN} open '{}'", file.display()),
    );
    tmux.wait_for("✓ saved");
    tmux
}

fn add_issue(tmux: &Tmux, title: &str) {
    tmux.keys(&["2", "a"]);
    tmux.wait_for("New issue");
    tmux.text(title);
    tmux.keys(&["Enter", "Escape"]);
}

/// Waits until `done` holds, failing after fifteen seconds.
fn wait(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "waited for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_deleted_lock_file_is_taken_again_and_a_second_writer_refused() {
    if tmux_missing() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let file = new_session(data.path(), "Lock deleted", &[]);
    let tmux = open_in_tmux("lockrm", &file);
    add_issue(&tmux, "Before the lock went");
    tmux.wait_for("✓ saved");
    let lock = convene::store::lock_path(&file);
    std::fs::remove_file(&lock).unwrap();
    wait("the app to take its lock again", || lock.exists());

    let second = import(&file, "Second writer");
    assert!(!second.status.success(), "{second:?}");
    assert!(String::from_utf8_lossy(&second.stderr).contains("already open"));
    let opened = Command::new(BIN).arg("open").arg(&file).output().unwrap();
    assert!(!opened.status.success(), "{opened:?}");

    add_issue(&tmux, "After the lock came back");
    tmux.wait_for("✓ saved");
    tmux.keys(&["q"]);
    tmux.wait_until_gone();
    assert_eq!(
        titles(&file),
        ["Before the lock went", "After the lock came back"]
    );
}

#[test]
fn a_second_writer_that_got_in_first_stops_the_app_writing_and_loses_nothing() {
    if tmux_missing() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let file = new_session(data.path(), "Two writers", &[]);
    // The app is paused while the lock file is deleted and a second writer gets in; so it
    // finds the lock lost only at its next save, after the import has written.
    let tmux = open_in_tmux("lockrace", &file);
    add_issue(&tmux, "Saved by the app");
    tmux.wait_for("✓ saved");
    let pid = tmux.pid().to_string();
    let stop = |signal: &str| {
        assert!(
            Command::new("kill")
                .args([signal, &pid])
                .status()
                .unwrap()
                .success()
        );
    };
    stop("-STOP");
    std::fs::remove_file(convene::store::lock_path(&file)).unwrap();
    let second = import(&file, "Imported meanwhile");
    stop("-CONT");
    assert!(second.status.success(), "{second:?}");

    add_issue(&tmux, "Typed after the import");
    let screen = tmux.wait_for("NOT SAVED: another copy of Convene changed this session");
    assert!(screen.contains("Typed after the import"), "{screen}");
    assert!(!screen.contains("✓ Added issue"), "{screen}");
    assert_eq!(titles(&file), ["Saved by the app", "Imported meanwhile"]);
    tmux.keys(&["q"]);
    tmux.wait_for("press q again");
    tmux.keys(&["q"]);
    tmux.wait_until_gone();
    // Neither side overwrote the other: the import's issue is still there.
    assert_eq!(titles(&file), ["Saved by the app", "Imported meanwhile"]);
}

#[test]
fn a_sessions_folder_removed_and_made_again_keeps_one_writer() {
    if tmux_missing() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let file = new_session(data.path(), "USB stick", &[]);
    let tmux = open_in_tmux("usb", &file);
    add_issue(&tmux, "Before the stick came out");
    tmux.wait_for("✓ saved");
    let folder = file.parent().unwrap();
    std::fs::remove_dir_all(folder).unwrap();
    std::fs::create_dir(folder).unwrap();
    add_issue(&tmux, "After it went back in");
    tmux.wait_for("✓ saved");

    let second = import(&file, "Second writer");
    assert!(!second.status.success(), "{second:?}");
    assert!(String::from_utf8_lossy(&second.stderr).contains("already open"));

    add_issue(&tmux, "Later still");
    tmux.wait_for("✓ saved");
    tmux.keys(&["q"]);
    tmux.wait_until_gone();
    assert_eq!(
        titles(&file),
        [
            "Before the stick came out",
            "After it went back in",
            "Later still"
        ]
    );
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_and_leave_everything_saved() {
    if tmux_missing() {
        return;
    }
    for signal in ["-TERM", "-HUP"] {
        let data = tempfile::tempdir().unwrap();
        let file = new_session(data.path(), "Signals", &[]);
        // The shell stays, so the screen after the app shows whether the terminal came back.
        let tmux = Tmux::start(
            "signal",
            100,
            30,
            &format!(
                "{BIN} open '{}'; echo \"exit status $?\"; sleep 30",
                file.display()
            ),
        );
        tmux.wait_for("✓ saved");
        add_issue(&tmux, "Typed just before the signal");
        let pid = Command::new("pgrep")
            .args(["-f", &format!("{BIN} open")])
            .output()
            .unwrap();
        let pids = String::from_utf8_lossy(&pid.stdout).to_string();
        let ours: Vec<&str> = pids
            .lines()
            .filter(|p| {
                let exe = std::fs::read_link(format!("/proc/{p}/exe")).ok();
                let cmdline = std::fs::read(format!("/proc/{p}/cmdline")).unwrap_or_default();
                exe == Path::new(BIN).canonicalize().ok()
                    && String::from_utf8_lossy(&cmdline).contains(&*file.to_string_lossy())
            })
            .collect();
        assert_eq!(ours.len(), 1, "{pids}");
        assert!(
            Command::new("kill")
                .args([signal, ours[0]])
                .status()
                .unwrap()
                .success()
        );
        let code = if signal == "-TERM" { 143 } else { 129 };
        let screen = tmux.wait_for(&format!("exit status {code}"));
        // Back on the normal screen: the app's status bar is gone.
        assert!(!screen.contains("Signals │"), "{screen}");
        assert_eq!(titles(&file), ["Typed just before the signal"]);
        assert!(!convene::store::is_held(&file));
    }
}

#[test]
fn folders_the_app_makes_are_private_under_umask_000() {
    if tmux_missing() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();

    // The demo's throwaway folder.
    let tmux = Tmux::start(
        "demo",
        100,
        30,
        &format!(
            "umask 000; TMPDIR='{}' exec {BIN} demo",
            tmp.path().display()
        ),
    );
    tmux.wait_for("✓ saved");
    let demo = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("convene-demo-"))
        .expect("the demo's folder");
    assert_eq!(mode(&demo), 0o700);
    assert_eq!(mode(&demo.join("sessions")), 0o700);
    tmux.keys(&["q"]);
    tmux.wait_until_gone();

    // The trash, made by the picker's `d`.
    let data = tmp.path().join("data");
    new_session(&data, "To be trashed", &[]);
    let tmux = Tmux::start(
        "trash",
        100,
        30,
        &format!("umask 000; exec {BIN} --data-dir '{}'", data.display()),
    );
    tmux.wait_for("To be trashed");
    tmux.keys(&["d"]);
    let asked = tmux.wait_for("Move to the trash?");
    assert!(asked.contains("“To be trashed”"), "{asked}");
    assert!(!data.join("trash").exists(), "moved before the answer");
    tmux.keys(&["y"]);
    let moved = tmux.wait_for("Moved “To be trashed” to the trash");
    assert_eq!(mode(&data.join("trash")), 0o700, "{moved}");
    tmux.keys(&["q"]);
    tmux.wait_until_gone();
}
