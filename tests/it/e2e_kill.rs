//! kill -9 in the middle of the day: the app is typing issues under tmux and is killed at
//! random moments, 20 times. After each kill the file loads, and holds every issue that the
//! screen had shown with "✓ saved".

use crate::support::rng::Rng;
use crate::support::tmux::{Tmux, tmux_missing, wait_for_death};
use crate::support::{BIN, session_file};
use std::process::Command;
use std::time::Duration;

#[test]
fn issues_shown_as_saved_survive_kill_9() {
    if tmux_missing() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let made = Command::new(BIN)
        .arg("--data-dir")
        .arg(data.path())
        .args(["new", "Kill test", "--no-open"])
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let file = session_file(data.path());
    // Seeded, so a failure can be replayed.
    let mut random = Rng::new(1);
    let mut typed = 0;
    let errors = data.path().join("stderr.log");
    for round in 0..20 {
        let command = format!(
            "exec {BIN} open '{}' 2>>'{}'",
            file.display(),
            errors.display()
        );
        let tmux = Tmux::start(&format!("kill{round}"), 100, 40, &command);
        // Should the app refuse to start, say why rather than wait for a screen.
        let start = std::time::Instant::now();
        while !tmux.screen().contains("Opening") {
            let why = std::fs::read_to_string(&errors).unwrap_or_default();
            assert!(
                tmux.running() && start.elapsed() < Duration::from_secs(15),
                "round {round}: the app did not start: {why}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        tmux.keys(&["2", "a"]);
        tmux.wait_for("New issue");
        // Type a few issues, then look at the screen at some moment and kill right after.
        let count = 1 + random.below(4);
        for _ in 0..count {
            typed += 1;
            tmux.text(&format!("Kill issue {typed}"));
            tmux.keys(&["Enter"]);
        }
        std::thread::sleep(Duration::from_millis(random.below(400) as u64));
        let screen = tmux.screen();
        let pid = tmux.pid();
        let status = Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        // The next round must not find the lock still held by this one.
        wait_for_death(pid);
        drop(tmux);

        let loaded = convene::store::load(&file)
            .unwrap_or_else(|e| panic!("after kill {round}: the file does not load: {e}"));
        if screen.contains("✓ saved") {
            let titles: Vec<&str> = loaded
                .journal
                .session
                .issues
                .values()
                .map(|i| i.title.as_str())
                .collect();
            for line in screen.lines() {
                if let Some(at) = line.find("Kill issue ") {
                    let shown: String = line[at..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == ' ')
                        .collect();
                    let shown = shown.trim_end();
                    // The add form's own text box holds typing that is not yet an issue.
                    if line.trim_start().starts_with('│') {
                        continue;
                    }
                    assert!(
                        titles.contains(&shown),
                        "after kill {round}: {shown:?} was shown as saved but is not in the file\n{screen}"
                    );
                }
            }
        }
    }
}
