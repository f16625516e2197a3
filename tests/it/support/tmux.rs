//! Driving the real binary in a real terminal: a tmux server of the test's own (its own
//! socket, so a user's or another test's tmux is never touched), keys in, screen out.

use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
    session: &'static str,
}

/// True (after saying so) where tmux is not installed; `.ci/run` installs it.
pub fn tmux_missing() -> bool {
    let missing = Command::new("tmux").arg("-V").output().is_err();
    if missing {
        println!("tmux is not installed: skipping this end-to-end test (.ci/run installs it)");
    }
    missing
}

impl Tmux {
    /// Starts `command` in a detached session of the given size on a server of its own,
    /// named after `name`, this process and a count: every test runs in this one process,
    /// and two of them may well pick the same name.
    pub fn start(name: &str, width: u16, height: u16, command: &str) -> Tmux {
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, Ordering::Relaxed);
        let tmux = Tmux {
            socket: format!("convene-{name}-{}-{n}", std::process::id()),
            session: "e2e",
        };
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            tmux.session,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            command,
        ]);
        assert!(out.status.success(), "tmux could not start: {out:?}");
        tmux
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", self.session]).stdout)
            .into_owned()
    }

    /// The screen with its styles as escape sequences (SGR), to check colours.
    pub fn styled_screen(&self) -> String {
        let out = self.run(&["capture-pane", "-p", "-e", "-t", self.session]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Types literal text.
    pub fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", self.session, "-l", text]);
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Presses named keys (Enter, Tab, Escape, Right …) one at a time, pausing so an Escape
    /// is never read together with the next key as Alt+key.
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", self.session, k]);
            std::thread::sleep(Duration::from_millis(120));
        }
    }

    /// Waits until the screen shows `text`, or fails showing the screen.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("waited for {text:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn running(&self) -> bool {
        self.run(&["has-session", "-t", self.session])
            .status
            .success()
    }

    /// Waits for the program to end (after `q`), failing after ten seconds.
    pub fn wait_until_gone(&self) {
        let start = Instant::now();
        while self.running() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "still running:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The process id of the program in the pane (start it with `exec` so it is the app).
    pub fn pid(&self) -> u32 {
        let out = self.run(&["display-message", "-p", "-t", self.session, "#{pane_pid}"]);
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("a pane pid")
    }
}

/// Waits until every thread of process `pid` has died (zombies count: their files are
/// closed). A process killed while one of its threads is in an fsync keeps its files, and so
/// its lock, until the disk answers, which under load can be long after the signal; its
/// main thread shows as a zombie meanwhile, so each thread is looked at.
pub fn wait_for_death(pid: u32) {
    let alive = || {
        let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
            return false;
        };
        tasks.flatten().any(|task| {
            let stat = std::fs::read_to_string(task.path().join("stat")).unwrap_or_default();
            // The state follows the command name in parentheses, which may hold spaces.
            let state = stat
                .rsplit_once(") ")
                .and_then(|(_, rest)| rest.chars().next());
            !matches!(state, None | Some('Z' | 'X'))
        })
    };
    let start = Instant::now();
    while alive() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "process {pid} outlived kill -9 by 30 s"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}
