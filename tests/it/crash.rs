//! A save must survive the process dying at any instant. This test runs itself again as a
//! child that records and saves in a loop, kills it with SIGKILL at pseudo-random moments,
//! and after every kill checks that the file loads and holds every event whose save had
//! returned before the kill.

use crate::support::rng::Rng;
use chrono::Local;
use convene::model::{Change, Journal};
use convene::store;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Set in the child's environment to the session file it should keep saving.
const CHILD: &str = "CONVENE_CRASH_CHILD";
const KILLS: usize = 60;
/// Events in the file before the first kill, so each save takes long enough to be hit
/// in the middle.
const START_EVENTS: u32 = 300;

#[test]
fn killed_while_saving_the_file_loads_with_every_saved_event() {
    if let Some(path) = std::env::var_os(CHILD) {
        save_forever(Path::new(&path));
    }
    let tmp = tempfile::TempDir::new().unwrap();
    let path = starting_file(tmp.path());
    // Seeded: the same delays on every run, so a failure can be reproduced.
    let mut random = Rng::new(0);
    let mut last_len = 0;
    for kill in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "crash::killed_while_saving_the_file_loads_with_every_saved_event",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (saved_tx, saved) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(seq) = line.strip_prefix("saved ") {
                    let _ = saved_tx.send(seq.parse::<u64>().unwrap());
                }
            }
        });
        // Wait for the first save, so every kill lands in the save loop, not during start-up.
        let first = saved
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("child {kill} never saved"));
        std::thread::sleep(Duration::from_micros(random.below(40_000) as u64));
        child.kill().unwrap();
        child.wait().unwrap();
        reader.join().unwrap();
        let last_saved = saved.try_iter().fold(first, u64::max);

        let loaded = store::load(&path)
            .unwrap_or_else(|e| panic!("after kill {kill} the file does not load: {e}"));
        let len = loaded.journal.events.len() as u64;
        assert!(
            len >= last_saved,
            "after kill {kill}: the save of event {last_saved} had returned, the file holds {len}"
        );
        assert!(len >= last_len, "after kill {kill}: the file lost events");
        last_len = len;
    }
    // Temporary files a kill left behind never show up as sessions, good or broken.
    let (sessions, unreadable) = store::list(path.parent().unwrap()).unwrap();
    assert_eq!((sessions.len(), unreadable.len()), (1, 0));
}

/// A session file with enough events that writing it takes a moment.
fn starting_file(dir: &Path) -> std::path::PathBuf {
    let now = Local::now().fixed_offset();
    let mut journal = Journal::create(now, "Crash test").unwrap();
    for n in 0..START_EVENTS {
        let issue = journal.session.next_issue_id();
        let title = format!("Issue {n} raised before the first kill");
        let description = "A description long enough to make the file a realistic size.";
        journal
            .record(
                now,
                Change::IssueRaised {
                    issue,
                    title,
                    convener: None,
                    description: description.into(),
                },
            )
            .unwrap();
    }
    store::create(dir, journal, now).unwrap().path
}

/// The child: takes the lock, then records one event and saves, over and over, saying
/// "saved N" once each save has returned. It stops when the parent stops reading.
fn save_forever(path: &Path) -> ! {
    let mut opened = store::open(path).unwrap();
    let mut out = std::io::stdout().lock();
    loop {
        let now = Local::now().fixed_offset();
        let issue = opened.journal.session.next_issue_id();
        let change = Change::IssueRaised {
            issue,
            title: format!("Issue {issue} raised between kills"),
            convener: None,
            description: String::new(),
        };
        let seq = opened.journal.record(now, change).unwrap().seq;
        opened.save(now).unwrap();
        if writeln!(out, "saved {seq}")
            .and_then(|()| out.flush())
            .is_err()
        {
            std::process::exit(0);
        }
    }
}
