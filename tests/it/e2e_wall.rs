//! The real binary under tmux, as a facilitator uses it around the wall: swapping two
//! sessions, the report round after a slot, the proceedings written from Closing (the same
//! bytes as `convene export`, owner-only), and a replay that follows each change to its pane
//! and goes to a minute full of changes. Skipped, with a message, where tmux is missing.

use crate::support::day;
use crate::support::tmux::{Tmux, tmux_missing};
use crate::support::{BIN, mode};
use chrono::TimeDelta;
use convene::model::{Change, IssueId, Journal, ParticipantId, RoundId};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A data folder holding the demo session; its file.
fn demo_data(dir: &Path) -> PathBuf {
    let sessions = dir.join("data").join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let file = sessions.join("havering-vale.json");
    std::fs::write(&file, convene::demo::DEMO_JSON).unwrap();
    file
}

fn open(name: &str, file: &Path, w: u16, h: u16) -> Tmux {
    let data = file.parent().unwrap().parent().unwrap();
    let command = format!(
        "exec '{BIN}' --data-dir '{}' open '{}'",
        data.display(),
        file.display()
    );
    let tmux = Tmux::start(name, w, h, &command);
    tmux.wait_for("Opening");
    tmux
}

fn export(file: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new(BIN)
        .arg("export")
        .arg(file)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn state(file: &Path) -> serde_json::Value {
    serde_json::from_slice(&export(file, &["--format", "json"])).unwrap()
}

fn issue(state: &serde_json::Value, id: u64) -> &serde_json::Value {
    state["issues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap()
}

#[test]
fn swapping_two_sessions_on_the_wall_is_one_step() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = demo_data(dir.path());
    let before = state(&file);
    let tmux = open("swap", &file, 80, 24);
    tmux.keys(&["3"]);
    tmux.wait_for("Main hall");
    tmux.keys(&["s"]);
    tmux.wait_for("Swapping #1");
    tmux.keys(&["Right", "Enter"]);
    tmux.wait_for("Issues 1 and 4 swapped places");
    tmux.keys(&["q"]);
    tmux.wait_until_gone();
    let after = state(&file);
    assert_eq!(issue(&after, 1)["space"], issue(&before, 4)["space"]);
    assert_eq!(issue(&after, 4)["space"], issue(&before, 1)["space"]);
    // Three events, one step: `convene log` shows it on one line.
    let log = Command::new(BIN).arg("log").arg(&file).output().unwrap();
    let log = String::from_utf8_lossy(&log.stdout);
    let last = log.lines().last().unwrap_or_default();
    let (time, step) = last.split_once("  ").unwrap_or_default();
    assert!(
        time.len() == 5 && time.as_bytes()[2] == b':',
        "the step starts with its time of day: {log}"
    );
    assert_eq!(
        step,
        "issue 1 taken off the agenda; issue 4 placed in Main hall at Morning; \
         issue 1 placed in Garden room at Morning",
        "{log}"
    );
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let events = json["events"].as_array().unwrap();
    let tail: Vec<_> = events[events.len() - 3..]
        .iter()
        .map(|e| e["part_of"].clone())
        .collect();
    assert!(tail.iter().all(|p| *p == tail[0] && p.is_u64()), "{tail:?}");
}

#[test]
fn the_report_round_takes_a_slot_in_a_row() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = demo_data(dir.path());
    let tmux = open("reports", &file, 80, 24);
    tmux.keys(&["3", "Down", "b"]);
    tmux.wait_for("Reports · Late morning · 1 of 3");
    tmux.keys(&["C-n"]);
    tmux.wait_for("2 of 3 · #2");
    // From the attendance, past who came, to the key points.
    tmux.keys(&["Tab", "Tab", "End"]);
    tmux.text(" Beds are the bottleneck.");
    tmux.keys(&["C-s"]);
    tmux.wait_for("3 of 3 · #5");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Report round ended");
    tmux.keys(&["q"]);
    tmux.wait_until_gone();
    let after = state(&file);
    let points = issue(&after, 2)["report"]["key_points"].as_str().unwrap();
    assert!(points.contains("Beds are the bottleneck."), "{points}");
}

#[test]
fn x_on_closing_writes_what_convene_export_writes() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = demo_data(dir.path());
    let tmux = open("proceedings", &file, 200, 60);
    tmux.keys(&["6"]);
    tmux.wait_for("x writes every format into");
    tmux.keys(&["x"]);
    let screen = tmux.wait_for("7 files written to");
    let folder = file.with_file_name("havering-vale");
    assert!(
        screen.contains(&format!("{}/", folder.display())),
        "the full path is shown:\n{screen}"
    );
    tmux.keys(&["q"]);
    tmux.wait_until_gone();
    assert_eq!(mode(&folder), 0o700);
    let expected: [(&str, &[&str]); 7] = [
        ("proceedings.md", &["--format", "markdown"]),
        ("proceedings.html", &["--format", "html"]),
        ("proceedings.json", &["--format", "json"]),
        ("issues.csv", &["--format", "csv", "--table", "issues"]),
        ("actions.csv", &["--format", "csv", "--table", "actions"]),
        ("results.csv", &["--format", "csv", "--table", "results"]),
        ("next-steps.ics", &["--format", "ics"]),
    ];
    for (name, args) in expected {
        let path = folder.join(name);
        assert_eq!(mode(&path), 0o600, "{name}");
        assert_eq!(std::fs::read(&path).unwrap(), export(&file, args), "{name}");
    }
}

/// A day whose minute 10:42 holds 77 dots, one a second or faster, with changes of other
/// kinds before and after.
fn busy_minute() -> Journal {
    let t0 = day::start();
    let mut j = Journal::create(t0, "A busy minute").unwrap();
    let mut at = t0;
    let rec = |j: &mut Journal, at: chrono::DateTime<_>, c: Change| {
        j.record(at, c).expect("change");
    };
    rec(
        &mut j,
        at,
        Change::ParticipantAdded {
            participant: ParticipantId(1),
            name: "Ann Lee".into(),
            organisation: None,
            group: None,
        },
    );
    for n in 1..=3 {
        at += TimeDelta::minutes(5);
        rec(
            &mut j,
            at,
            Change::IssueRaised {
                issue: IssueId(n),
                title: format!("Issue number {n}"),
                convener: None,
                description: String::new(),
            },
        );
    }
    let minute = t0.date_naive().and_hms_opt(10, 42, 0).unwrap();
    let minute = minute.and_local_timezone(*t0.offset()).unwrap();
    rec(
        &mut j,
        minute - TimeDelta::minutes(2),
        Change::RoundOpened {
            round: RoundId(1),
            dots_per_person: 100,
            max_per_issue: None,
            anonymous: false,
            hidden: false,
            ballot: vec![IssueId(1), IssueId(2), IssueId(3)],
        },
    );
    for n in 0..77u32 {
        rec(
            &mut j,
            minute + TimeDelta::milliseconds(i64::from(n) * 700),
            Change::DotAdded {
                round: RoundId(1),
                issue: IssueId(n % 3 + 1),
                voter: None,
            },
        );
    }
    rec(
        &mut j,
        minute + TimeDelta::minutes(8),
        Change::LeadAssigned {
            issue: IssueId(1),
            lead: Some(ParticipantId(1)),
        },
    );
    j
}

#[test]
fn replay_follows_each_change_to_its_pane_and_goes_to_a_busy_minute() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("busy.json");
    let journal = busy_minute();
    let total = journal.events.len();
    day::write_session(&file, &journal);
    let command = format!(
        "exec '{BIN}' replay '{}' --data-dir '{}'",
        file.display(),
        dir.path().display()
    );
    let tmux = Tmux::start("follow", 100, 30, &command);
    tmux.wait_for(&format!("1 / {total}"));
    // The second event adds a participant: the Opening pane shows it.
    tmux.keys(&["Right", "Right"]);
    let screen = tmux.wait_for(&format!("3 / {total}"));
    assert!(
        screen.contains("▶ 2 Issues"),
        "an issue is raised on Issues:\n{screen}"
    );
    // Going to 10:42 lands on the minute's last dot, on the Vote pane.
    tmux.keys(&["g"]);
    tmux.text("10:42");
    tmux.keys(&["Enter"]);
    let last_dot = total - 1;
    let screen = tmux.wait_for(&format!("{last_dot} / {total}"));
    assert!(!screen.contains("Nothing changed"), "{screen}");
    assert!(screen.contains("▶ 4 Vote"), "{screen}");
    assert!(screen.contains("77 dots tallied"), "{screen}");
    // Picking a pane stops the following; F takes it up again.
    tmux.keys(&["1"]);
    tmux.wait_for("F follows the changes again");
    tmux.keys(&["End"]);
    let screen = tmux.wait_for(&format!("{total} / {total}"));
    assert!(screen.contains("▶ 1 Opening"), "stays put:\n{screen}");
    tmux.keys(&["F"]);
    let screen = tmux.wait_for("Following the changes");
    assert!(
        screen.contains("▶ 5 Leads"),
        "a lead is named on Leads:\n{screen}"
    );
    tmux.keys(&["q"]);
    tmux.wait_until_gone();
}

/// The colour parameters (foreground, background, 256-colour and RGB) in a screen's SGR
/// sequences; bold, reverse and the resets to the terminal's own colours are not colours.
fn colours(styled: &str) -> Vec<String> {
    let mut found = vec![];
    for seq in styled.split("\x1b[").skip(1) {
        let Some(end) = seq.find('m') else { continue };
        for p in seq[..end].split(';') {
            let n: u32 = p.parse().unwrap_or(0);
            if matches!(n, 30..=37 | 38 | 40..=47 | 48 | 90..=97 | 100..=107) {
                found.push(seq[..end].to_string());
            }
        }
    }
    found
}

#[test]
fn no_color_turns_colour_off_in_the_app_and_on_the_command_line() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = demo_data(dir.path());
    let data = file.parent().unwrap().parent().unwrap();
    let run = |name: &str, env: &str| {
        let command = format!(
            "{env} exec '{BIN}' --data-dir '{}' open '{}'",
            data.display(),
            file.display()
        );
        let tmux = Tmux::start(name, 100, 30, &command);
        tmux.wait_for("Opening");
        tmux.keys(&["3"]);
        tmux.wait_for("Main hall");
        let styled = tmux.styled_screen();
        tmux.keys(&["q"]);
        tmux.wait_until_gone();
        styled
    };
    assert!(
        !colours(&run("colour", "")).is_empty(),
        "the projector theme has colour"
    );
    let plain = run("plain", "NO_COLOR=1");
    assert_eq!(colours(&plain), Vec::<String>::new(), "{plain}");
    assert!(plain.contains("\x1b["), "still bold and reverse: {plain}");
    // The command line's errors too, in a terminal where clap would colour them.
    let cli = Tmux::start(
        "cli",
        100,
        30,
        &format!("NO_COLOR=1 '{BIN}' --no-such-option; sleep 30"),
    );
    cli.wait_for("--no-such-option");
    let styled = cli.styled_screen();
    assert_eq!(colours(&styled), Vec::<String>::new(), "{styled}");
}
