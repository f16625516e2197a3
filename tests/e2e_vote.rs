//! End to end in a real terminal: the binary runs under tmux as a facilitator would use it.
//! A new session, two issues raised in the Issues pane, a round opened with the defaults,
//! two dots on the first issue, a lead named in the Leads pane, quit; the JSON export then
//! shows the two votes and the lead. Skipped, with a message, where tmux is not installed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of our own, so the test never touches the user's sessions.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(socket: &str, width: u16, height: u16, command: &str) -> Tmux {
        let tmux = Tmux {
            socket: socket.to_string(),
        };
        let status = tmux
            .cmd()
            .args(["new-session", "-d", "-s", "e2e", "-x"])
            .arg(width.to_string())
            .arg("-y")
            .arg(height.to_string())
            .arg(command)
            .status()
            .expect("tmux runs");
        assert!(status.success(), "tmux could not start the app");
        tmux
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket, "-f", "/dev/null"]);
        c
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            let status = self
                .cmd()
                .args(["send-keys", "-t", "e2e", k])
                .status()
                .expect("send-keys");
            assert!(status.success());
            // One key at a time, as a person types: each is drawn before the next.
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// Types text literally (no key-name lookup).
    fn text(&self, text: &str) {
        let status = self
            .cmd()
            .args(["send-keys", "-t", "e2e", "-l", text])
            .status()
            .expect("send-keys");
        assert!(status.success());
        std::thread::sleep(Duration::from_millis(100));
    }

    fn screen(&self) -> String {
        let out = self
            .cmd()
            .args(["capture-pane", "-p", "-t", "e2e"])
            .output()
            .expect("capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text`, or fails with what it shows instead.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("waited for {text:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").status();
    }
}

fn tmux_missing() -> bool {
    Command::new("tmux").arg("-V").output().is_err()
}

fn wait_for_file(path: &Path) {
    let start = Instant::now();
    while !path.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the app did not quit"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn session_file(data: &Path) -> PathBuf {
    let dir = data.join("sessions");
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("sessions folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(files.len(), 1, "one session in {files:?}");
    files[0].clone()
}

#[test]
fn vote_and_lead_reach_the_export() {
    if tmux_missing() {
        println!("skipped: tmux is not installed (the end-to-end test needs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let quit = dir.path().join("quit");
    let bin = env!("CARGO_BIN_EXE_convene");
    let command = format!(
        "'{bin}' --data-dir '{}' new 'Home from hospital, well'; touch '{}'",
        data.display(),
        quit.display()
    );
    let socket = format!("convene-e2e-vote-{}", std::process::id());
    let tmux = Tmux::start(&socket, 100, 30, &command);
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
    tmux.wait_for("2 dots cast");

    tmux.keys(&["5", "l"]);
    tmux.wait_for("Lead: a name");
    tmux.text("Zoe Quinn");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Zoe Quinn leads issue 1");
    tmux.keys(&["q"]);
    wait_for_file(&quit);

    let file = session_file(&data);
    let out = Command::new(bin)
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
