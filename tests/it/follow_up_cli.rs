//! `convene follow-up`, `check`, `history` and `list` on files: the earlier file is never
//! written, a missing earlier meeting is said plainly (not an error), and among several
//! files with the earlier session's id the one that agrees with what was carried is the
//! link, renamed or not.

use assert_cmd::Command;
use convene::demo::{DEMO_ID, DEMO_JSON};
use convene::store::{self, Meta};
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn convene(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("convene").expect("binary");
    cmd.env("CONVENE_DATA_DIR", data);
    cmd
}

/// The demo day in the sessions folder and its follow-up made there; returns both paths.
fn programme(data: &Path) -> (PathBuf, PathBuf) {
    let sessions = data.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let day = sessions.join("day.json");
    std::fs::write(&day, DEMO_JSON).unwrap();
    let out = convene(data)
        .args(["follow-up", "day", "--date", "2027-02-16", "--no-open"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let file = PathBuf::from(String::from_utf8(out).unwrap().trim());
    assert_eq!(
        file.file_name().unwrap().to_string_lossy(),
        "2027-02-16-how-do-we-get-people-home-from-hospital-well-and.json"
    );
    (day, file)
}

#[test]
fn the_earlier_file_is_only_read_and_a_missing_one_is_not_an_error() {
    let data = tempfile::tempdir().unwrap();
    let (day, file) = programme(data.path());
    assert_eq!(std::fs::read_to_string(&day).unwrap(), DEMO_JSON);
    convene(data.path())
        .args(["check"])
        .arg(&file)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("follows")
                .and(predicate::str::contains("what was carried agrees with it")),
        );
    // Renamed: still found by its id.
    let renamed = day.with_file_name("usb-copy.json");
    std::fs::rename(&day, &renamed).unwrap();
    convene(data.path())
        .args(["check"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("usb-copy.json"));
    std::fs::remove_file(&renamed).unwrap();
    convene(data.path())
        .args(["check"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("which is not in this folder"));
    convene(data.path())
        .args(["history"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("day.json: not found here"));
}

#[test]
fn of_several_copies_the_one_that_agrees_is_the_link() {
    let data = tempfile::tempdir().unwrap();
    let (day, file) = programme(data.path());
    // A copy that went on differently: same id, a log as long, another plan.
    let loaded = store::load(&day).unwrap();
    let other = convene::synth::generate(&convene::synth::SynthParams {
        participants: 8,
        issues: 6,
        events: loaded.journal.events.len() as u32 + 5,
        seed: 7,
    });
    let meta = Meta {
        id: DEMO_ID.into(),
        created_at: loaded.meta.created_at,
    };
    let impostor = day.with_file_name("aaa-copy.json");
    std::fs::write(&impostor, store::to_bytes(&meta, &other, meta.created_at)).unwrap();
    convene(data.path())
        .args(["check"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("day.json"));
    std::fs::remove_file(&day).unwrap();
    convene(data.path())
        .args(["check"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("does not agree with")
                .and(predicate::str::contains("aaa-copy.json")),
        );
}

#[test]
fn history_and_list_show_the_chain() {
    let data = tempfile::tempdir().unwrap();
    let (_, file) = programme(data.path());
    let second = convene(data.path())
        .args(["follow-up"])
        .arg(&file)
        .args(["Six months on", "--date", "2027-05-18", "--no-open"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let second = String::from_utf8(second).unwrap().trim().to_string();
    let out = convene(data.path())
        .args(["history", "--json", "day"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let dates: Vec<&str> = json["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        ["2026-11-12", "2027-02-16", "2027-05-18"],
        "forward from the day too"
    );
    assert_eq!(json["meetings"][1]["actions"]["actions"], 19);
    convene(data.path())
        .args(["list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "{} follows {}",
            Path::new(&second).file_name().unwrap().to_string_lossy(),
            file.file_name().unwrap().to_string_lossy()
        )));
    // A date before the meeting it follows is refused and writes nothing.
    convene(data.path())
        .args(["follow-up", "day", "--date", "2020-01-01", "--no-open"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("is before the meeting it follows"));
    let files = std::fs::read_dir(data.path().join("sessions"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "json")
        })
        .count();
    assert_eq!(files, 3);
}
