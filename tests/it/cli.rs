//! The command line as a user meets it: the real binary, a temporary data directory, and
//! every kind of bad input we could think of. Errors must be one clear line on stderr with
//! a non-zero exit, never a panic, and a file that cannot be read must never be written.

use crate::support::{convene, mode, new_session};
use predicates::prelude::*;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// No panic, no backtrace: the message is for a person.
fn no_panic() -> impl Predicate<str> {
    predicate::str::contains("panicked")
        .or(predicate::str::contains("backtrace"))
        .not()
}

fn sessions(data: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data.join("sessions"))
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    files
}

fn state(path: &Path) -> serde_json::Value {
    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    file["state"].clone()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

// ---- new -------------------------------------------------------------------------------

#[test]
fn new_records_theme_spaces_slots_and_roster_in_a_private_file() {
    let tmp = TempDir::new().unwrap();
    let data = tmp.path().join("data");
    let people = write(
        tmp.path(),
        "people.csv",
        "name,organisation,group\nAmira Patel,Bromley Council,council\nSam Hale,,carer\n",
    );
    let path = new_session(
        &data,
        "How do we get people home from hospital well?",
        &[
            "--space",
            "Hall",
            "--space",
            "Garden",
            "--slot",
            "10:00-11:00",
            "--slot",
            "Afternoon",
            "--participants",
            people.to_str().unwrap(),
        ],
    );
    assert_eq!(path.parent().unwrap(), data.join("sessions"));
    let name = path.file_name().unwrap().to_str().unwrap();
    assert!(
        name.ends_with("-how-do-we-get-people-home-from-hospital-well.json"),
        "{name}"
    );
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&convene::store::lock_path(&path)), 0o600);

    let state = state(&path);
    assert_eq!(
        state["theme"],
        "How do we get people home from hospital well?"
    );
    assert_eq!(state["spaces"][1]["name"], "Garden");
    assert_eq!(state["slots"][0]["label"], "10:00-11:00");
    assert_eq!(state["slots"][0]["starts"], "10:00:00");
    assert_eq!(state["slots"][0]["ends"], "11:00:00");
    assert_eq!(state["slots"][1]["starts"], serde_json::Value::Null);
    assert_eq!(state["participants"][0]["organisation"], "Bromley Council");
    assert_eq!(state["participants"][0]["group"], "council");
    assert_eq!(state["participants"][1]["group"], "carer");
}

#[test]
fn new_reads_a_plain_list_of_names() {
    let tmp = TempDir::new().unwrap();
    let people = write(tmp.path(), "people.txt", "Amira Patel\n\nSam Hale\n");
    let path = new_session(
        tmp.path(),
        "Theme",
        &["--participants", people.to_str().unwrap()],
    );
    let names: Vec<_> = state(&path)["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["Amira Patel", "Sam Hale"]);
}

#[test]
fn new_creates_a_missing_data_directory() {
    let tmp = TempDir::new().unwrap();
    let data = tmp.path().join("usb").join("convene");
    let path = new_session(&data, "Theme", &[]);
    assert!(path.starts_with(data.join("sessions")));
    assert!(path.is_file());
}

#[test]
fn a_second_session_on_the_same_theme_gets_its_own_file() {
    let tmp = TempDir::new().unwrap();
    let first = new_session(tmp.path(), "Same theme", &[]);
    let second = new_session(tmp.path(), "Same theme", &[]);
    assert_ne!(first, second);
    assert!(
        second
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .ends_with("-same-theme-2.json")
    );
}

#[test]
fn a_session_is_found_by_its_file_name_or_its_theme() {
    let tmp = TempDir::new().unwrap();
    new_session(tmp.path(), "Care at home", &[]);
    let latest = new_session(tmp.path(), "Care at home", &[]);
    let other = new_session(tmp.path(), "Care at home visits", &[]);
    let stem = other.file_stem().unwrap().to_str().unwrap().to_string();
    for (name, file) in [
        ("Care at home", &latest),
        ("care-at-home", &latest),
        (stem.as_str(), &other),
    ] {
        convene(tmp.path())
            .args(["check", name])
            .assert()
            .success()
            .stdout(predicate::str::starts_with(format!("{}:", file.display())));
    }
    convene(tmp.path())
        .args(["check", "Care"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no session of that name"));
}

#[test]
fn a_data_directory_through_a_regular_file_is_refused() {
    let tmp = TempDir::new().unwrap();
    let file = write(tmp.path(), "not-a-folder", "x");
    let data = file.join("data");
    convene(&data)
        .args(["new", "Theme", "--no-open"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("is a file, not a folder"))
        .stderr(no_panic());
    convene(&data)
        .arg("list")
        .assert()
        .failure()
        .stderr(predicate::str::contains("is a file, not a folder"));
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
}

#[test]
fn a_theme_of_ten_thousand_characters_is_refused_and_nothing_written() {
    let tmp = TempDir::new().unwrap();
    convene(tmp.path())
        .args(["new", &"a".repeat(10_000), "--no-open"])
        .assert()
        .failure()
        .stderr("convene: the theme is too long (10000 characters; at most 500)\n");
    assert!(sessions(tmp.path()).is_empty());
}

#[test]
fn an_empty_theme_is_refused() {
    let tmp = TempDir::new().unwrap();
    convene(tmp.path())
        .args(["new", "   ", "--no-open"])
        .assert()
        .failure()
        .stderr("convene: the theme cannot be empty\n");
}

#[test]
fn emoji_themes_are_kept_and_shown() {
    let tmp = TempDir::new().unwrap();
    let theme = "🏥 → 🏡 Home well, 家に帰る";
    let path = new_session(tmp.path(), theme, &[]);
    assert!(path.starts_with(tmp.path().join("sessions")));
    assert_eq!(state(&path)["theme"], theme);
    convene(tmp.path())
        .args(["check"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(theme));
    convene(tmp.path())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains(theme));
}

#[test]
fn a_theme_like_a_path_lands_inside_the_sessions_folder() {
    let tmp = TempDir::new().unwrap();
    let data = tmp.path().join("data");
    for theme in ["../../x", "/etc/passwd", "..", "a/../../b\\c"] {
        let path = new_session(&data, theme, &[]);
        let sessions = data.join("sessions").canonicalize().unwrap();
        assert_eq!(path.canonicalize().unwrap().parent().unwrap(), sessions);
        assert_eq!(state(&path)["theme"], theme);
    }
    assert!(!tmp.path().join("x").exists());
    assert_eq!(sessions(&data).len(), 4);
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let tmp = TempDir::new().unwrap();
    let theme = "Home\u{1b}[2J\u{1b}[31m well\u{7}";
    let path = new_session(tmp.path(), theme, &[]);
    let name = path.file_name().unwrap().to_str().unwrap();
    assert!(name.chars().all(|c| c.is_ascii_graphic()), "{name:?}");
    let clean = || {
        predicate::str::contains('\u{1b}')
            .or(predicate::str::contains('\u{7}'))
            .not()
    };
    for args in [
        vec!["list"],
        vec!["list", "--json"],
        vec!["check"],
        vec!["log"],
    ] {
        let mut cmd = convene(tmp.path());
        cmd.args(&args);
        if args[0] != "list" {
            cmd.arg(&path);
        }
        cmd.assert().success().stdout(clean());
    }
    // An error quoting the text is cleaned too.
    convene(tmp.path())
        .args([
            "new",
            "Theme",
            "--space",
            "\u{1b}[2J",
            "--space",
            "\u{1b}[2j",
            "--no-open",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains('\u{1b}').not());
}

#[test]
fn bad_flags_and_participant_files_are_refused_before_anything_is_written() {
    let tmp = TempDir::new().unwrap();
    let cases: [(&[&str], &str); 4] = [
        (
            &["--slot", "11:00-10:00"],
            "--slot \"11:00-10:00\": the end time must be after the start time",
        ),
        (
            &["--space", "Hall", "--space", "hall"],
            "there is already a space called \"hall\"",
        ),
        (
            &["--participants", "/no/such/people.csv"],
            "cannot read the participants file",
        ),
        (
            &["--participants", "DUPLICATES"],
            "people.csv line 3: there is already a participant called \"amira patel\"",
        ),
    ];
    let dupes = write(
        tmp.path(),
        "people.csv",
        "Amira Patel,NHS\nSam Hale,\namira patel,Council\n",
    );
    for (extra, message) in cases {
        let extra: Vec<&str> = extra
            .iter()
            .map(|a| {
                if *a == "DUPLICATES" {
                    dupes.to_str().unwrap()
                } else {
                    a
                }
            })
            .collect();
        convene(tmp.path())
            .args(["new", "Theme", "--no-open"])
            .args(&extra)
            .assert()
            .failure()
            .stderr(predicate::str::contains(message))
            .stderr(no_panic());
    }
    assert!(sessions(tmp.path()).is_empty());
}

// ---- list ------------------------------------------------------------------------------

#[test]
fn list_of_an_empty_folder_says_how_to_start() {
    let tmp = TempDir::new().unwrap();
    convene(&tmp.path().join("nothing-here"))
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("convene new"));
}

#[test]
fn list_shows_sessions_newest_first_and_unreadable_files_with_their_reason() {
    let tmp = TempDir::new().unwrap();
    let people = write(tmp.path(), "people.txt", "Amira\nSam\n");
    let older = new_session(tmp.path(), "Older theme", &[]);
    // Saved times have sub-second precision, but make sure the order cannot tie.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let newer = new_session(
        tmp.path(),
        "Newer theme",
        &["--participants", people.to_str().unwrap()],
    );
    write(&tmp.path().join("sessions"), "broken.json", "{\"format\": ");

    let out = convene(tmp.path()).arg("list").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("FILE"), "{text}");
    assert!(
        lines[1].contains("Newer theme") && lines[1].contains("     2  "),
        "{text}"
    );
    assert!(lines[2].contains("Older theme"), "{text}");
    assert!(
        text.contains("Could not read:\n  broken.json: EOF while parsing"),
        "{text}"
    );

    let out = convene(tmp.path())
        .args(["list", "--json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let listed: Vec<&str> = json["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["file"].as_str().unwrap())
        .collect();
    assert_eq!(listed, [newer.to_str().unwrap(), older.to_str().unwrap()]);
    assert_eq!(json["sessions"][0]["participants"], 2);
    assert_eq!(json["sessions"][0]["issues"], 0);
    assert_eq!(json["sessions"][0]["leads"], 0);
    assert!(
        json["unreadable"][0]["file"]
            .as_str()
            .unwrap()
            .ends_with("broken.json")
    );
}

// ---- check and log ---------------------------------------------------------------------

#[test]
fn check_prints_a_one_line_summary() {
    let tmp = TempDir::new().unwrap();
    let path = new_session(tmp.path(), "Theme", &["--space", "Hall"]);
    convene(tmp.path())
        .arg("check")
        .arg(&path)
        .assert()
        .success()
        .stdout(format!(
            "{}: ok: \"Theme\", 2 events, 0 participants, 0 issues, 0 placed, 0 rounds, 0 leads\n",
            path.display()
        ));
    // By name in the sessions folder, too.
    let stem = path.file_stem().unwrap().to_str().unwrap();
    convene(tmp.path()).args(["check", stem]).assert().success();
}

#[test]
fn check_reports_a_snapshot_that_disagrees_with_its_events() {
    let tmp = TempDir::new().unwrap();
    let path = new_session(tmp.path(), "Theme", &[]);
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replace("\"theme\": \"Theme\"", "\"theme\": \"Edited by hand\"");
    assert_ne!(text, edited);
    std::fs::write(&path, &edited).unwrap();
    convene(tmp.path())
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "snapshot disagrees with the events",
        ))
        .stderr(predicate::str::contains("state.theme"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
}

#[test]
fn log_prints_one_line_per_event_in_plain_words() {
    let tmp = TempDir::new().unwrap();
    let people = write(tmp.path(), "people.txt", "Amira Patel\n");
    let path = new_session(
        tmp.path(),
        "Home well",
        &[
            "--space",
            "Hall",
            "--participants",
            people.to_str().unwrap(),
        ],
    );
    let issues = write(
        tmp.path(),
        "issues.csv",
        "Discharge to assess delays,Amira Patel,\n",
    );
    convene(tmp.path())
        .arg("import")
        .arg(&path)
        .arg("--issues")
        .arg(&issues)
        .assert()
        .success();
    let out = convene(tmp.path()).arg("log").arg(&path).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let words: Vec<&str> = text
        .lines()
        .map(|line| {
            let (time, words) = line.split_at(5);
            assert!(
                time.as_bytes()[2] == b':' && time.replace(':', "").parse::<u32>().is_ok(),
                "{line}"
            );
            words.strip_prefix("  ").unwrap()
        })
        .collect();
    assert_eq!(
        words,
        [
            "session created: Home well",
            "space added: Hall",
            "Amira Patel joined",
            "issue 1 raised: Discharge to assess delays (convener: Amira Patel)",
        ]
    );
}

/// Every reading command on a file it cannot read: a clear message naming the file, exit 1.
fn refuses_to_read(data: &Path, path: &Path, message: &str) {
    let issues = write(data, "issues.csv", "A new issue,,\n");
    let before = std::fs::read(path).ok();
    for command in ["check", "log", "import", "open"] {
        let mut cmd = convene(data);
        cmd.arg(command).arg(path);
        if command == "import" {
            cmd.arg("--issues").arg(&issues);
        }
        cmd.assert()
            .code(1)
            .stderr(predicate::str::starts_with("convene: "))
            .stderr(predicate::str::contains(message))
            .stderr(no_panic());
        assert_eq!(
            std::fs::read(path).ok(),
            before,
            "{command} changed the file"
        );
    }
}

#[test]
fn a_missing_file_is_named() {
    let tmp = TempDir::new().unwrap();
    let path = tmp.path().join("nowhere.json");
    refuses_to_read(tmp.path(), &path, "nowhere.json: no such session file");
    assert!(!convene::store::lock_path(&path).exists());
}

#[test]
fn truncated_json_is_refused_with_line_and_column() {
    let tmp = TempDir::new().unwrap();
    let path = new_session(tmp.path(), "Theme", &["--space", "Hall"]);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let line = String::from_utf8_lossy(&bytes[..bytes.len() / 2])
        .lines()
        .count();
    refuses_to_read(tmp.path(), &path, &format!("{}:{line}:", path.display()));
    refuses_to_read(tmp.path(), &path, "not a valid session file");
}

#[test]
fn wrong_types_are_refused_with_line_and_column() {
    let tmp = TempDir::new().unwrap();
    let path = new_session(tmp.path(), "Theme", &[]);
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = text.replacen("{\"seq\":1,", "{\"seq\":\"one\",", 1);
    assert_ne!(text, broken);
    // The line of the first event, after the header and the snapshot.
    let line = 1 + text
        .lines()
        .position(|l| l.contains("{\"seq\":1,"))
        .unwrap();
    std::fs::write(&path, broken).unwrap();
    refuses_to_read(tmp.path(), &path, &format!("{}:{line}:", path.display()));
}

#[test]
fn a_file_from_a_newer_convene_is_left_untouched() {
    let tmp = TempDir::new().unwrap();
    let path = new_session(tmp.path(), "Theme", &[]);
    let text = std::fs::read_to_string(&path).unwrap();
    let newer = text.replace("\"version\": 2,", "\"version\": 3,");
    assert_ne!(text, newer);
    std::fs::write(&path, &newer).unwrap();
    refuses_to_read(
        tmp.path(),
        &path,
        "written by a newer Convene (file version 3; this one reads up to 2)",
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn a_file_that_is_not_a_session_is_refused() {
    let tmp = TempDir::new().unwrap();
    let path = write(tmp.path(), "other.json", "{\"format\": \"something.else\"}");
    refuses_to_read(tmp.path(), &path, "not a Convene session file");
}

// ---- import ----------------------------------------------------------------------------

#[test]
fn import_adds_issues_and_new_conveners_in_one_save() {
    let tmp = TempDir::new().unwrap();
    let people = write(tmp.path(), "people.txt", "Amira Patel\n");
    let path = new_session(
        tmp.path(),
        "Theme",
        &["--participants", people.to_str().unwrap()],
    );
    let issues = write(
        tmp.path(),
        "issues.csv",
        "title,convener,description\n\
         Discharge to assess delays,amira patel,Waits of \"days\"\n\
         Carers' voice,Jo Green,\"Who speaks\nfor carers?\"\n\
         Transport,,\n",
    );
    convene(tmp.path())
        .arg("import")
        .arg(&path)
        .arg("--issues")
        .arg(&issues)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Added 3 issues to "))
        .stdout(predicate::str::contains("1 new participant"));
    let state = state(&path);
    let issues = state["issues"].as_array().unwrap();
    assert_eq!(issues.len(), 3);
    assert_eq!(issues[0]["convener"], "Amira Patel");
    assert_eq!(issues[1]["convener"], "Jo Green");
    assert_eq!(issues[1]["description"], "Who speaks\nfor carers?");
    assert_eq!(issues[2]["convener"], serde_json::Value::Null);
    assert_eq!(state["participants"].as_array().unwrap().len(), 2);
    assert_eq!(mode(&path), 0o600);
    convene(tmp.path())
        .arg("check")
        .arg(&path)
        .assert()
        .success();
}

#[test]
fn import_refuses_the_whole_file_when_one_row_is_refused() {
    let tmp = TempDir::new().unwrap();
    let path = new_session(tmp.path(), "Theme", &[]);
    let before = std::fs::read(&path).unwrap();
    let long = "x".repeat(501);
    let issues = write(
        tmp.path(),
        "issues.csv",
        &format!("title,convener,description\nFine,Jo,\nAlso fine,,\n{long},,\n"),
    );
    convene(tmp.path())
        .arg("import")
        .arg(&path)
        .arg("--issues")
        .arg(&issues)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "issues.csv: row 4: the title is too long (501 characters; at most 500). \
             Nothing was imported.",
        ));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn import_of_an_empty_or_missing_csv_changes_nothing() {
    let tmp = TempDir::new().unwrap();
    let path = new_session(tmp.path(), "Theme", &[]);
    let before = std::fs::read(&path).unwrap();
    let empty = write(tmp.path(), "empty.csv", "title,convener,description\n");
    convene(tmp.path())
        .arg("import")
        .arg(&path)
        .arg("--issues")
        .arg(&empty)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no issues to import"));
    convene(tmp.path())
        .arg("import")
        .arg(&path)
        .args(["--issues", "/no/such.csv"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read the issues file"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_second_writer_is_refused_while_the_first_holds_the_lock() {
    let tmp = TempDir::new().unwrap();
    let path = new_session(tmp.path(), "Theme", &[]);
    let before = std::fs::read(&path).unwrap();
    let issues = write(tmp.path(), "issues.csv", "A new issue,,\n");
    let lock = convene::store::lock(&path).expect("the first writer gets the lock");
    for command in ["import", "open"] {
        let mut cmd = convene(tmp.path());
        cmd.arg(command).arg(&path);
        if command == "import" {
            cmd.arg("--issues").arg(&issues);
        }
        cmd.assert()
            .code(1)
            .stderr(predicate::str::contains(
                "is already open in another Convene",
            ))
            .stderr(predicate::str::contains(format!(
                "(process {})",
                std::process::id()
            )));
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Once the first lets go, the import goes through. Other tests in this binary spawn
    // processes from other threads, and a child forked while the lock was held shares it
    // until its exec closes the descriptor: give such a child a moment.
    drop(lock);
    let import = || {
        convene(tmp.path())
            .arg("import")
            .arg(&path)
            .arg("--issues")
            .arg(&issues)
            .output()
            .unwrap()
    };
    let mut out = import();
    for _ in 0..50 {
        if out.status.success() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        out = import();
    }
    assert!(out.status.success(), "{out:?}");
}

// ---- help ------------------------------------------------------------------------------

#[test]
fn every_subcommand_has_help() {
    let tmp = TempDir::new().unwrap();
    for command in [
        "new", "open", "demo", "list", "check", "log", "export", "import", "replay", "synth",
    ] {
        convene(tmp.path())
            .args([command, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains(format!(
                "Usage: convene {command}"
            )));
    }
    convene(tmp.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Open Space"));
}

#[test]
fn an_unknown_subcommand_is_a_usage_error() {
    let tmp = TempDir::new().unwrap();
    convene(tmp.path())
        .arg("frobnicate")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unrecognized subcommand"))
        .stderr(no_panic());
}

#[test]
fn log_shows_a_step_of_several_events_on_one_line() {
    use convene::model::{Change, Journal};
    let tmp = TempDir::new().unwrap();
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-12T10:42:00+00:00").unwrap();
    let mut journal = Journal::create(at, "Home well").unwrap();
    let theme = |t: &str| Change::ThemeSet { theme: t.into() };
    journal
        .record_step(at, vec![theme("Home first"), theme("Home well again")])
        .unwrap();
    journal.record(at, Change::Undo).unwrap();
    let path = tmp.path().join("steps.json");
    let meta = convene::store::Meta::new(at);
    std::fs::write(&path, convene::store::to_bytes(&meta, &journal, at)).unwrap();
    let out = convene(tmp.path()).arg("log").arg(&path).assert().success();
    assert_eq!(
        String::from_utf8(out.get_output().stdout.clone()).unwrap(),
        "10:42  session created: Home well\n\
         10:42  theme set: Home first; theme set: Home well again\n\
         10:42  undo: theme set: Home first; theme set: Home well again\n"
    );
}
