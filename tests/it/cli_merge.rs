//! `convene copy` and `convene merge` as a newsroom uses them: the real binary, a temporary
//! data folder, and the ways a merge must refuse without touching MAIN.

use crate::support::{convene, new_session};
use predicates::prelude::*;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn no_panic() -> impl Predicate<str> {
    predicate::str::contains("panicked").not()
}

fn import(data: &Path, session: &Path, rows: &str) {
    let csv = data.join("rows.csv");
    std::fs::write(&csv, format!("title,convener,description\n{rows}")).unwrap();
    convene(data)
        .arg("import")
        .arg(session)
        .arg("--issues")
        .arg(&csv)
        .assert()
        .success();
}

fn copy(data: &Path, session: &Path, dest: &Path, label: &str) {
    convene(data)
        .arg("copy")
        .arg(session)
        .arg(dest)
        .args(["--as", label])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("as \"{label}\"")));
}

fn titles(path: &Path) -> Vec<String> {
    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let mut titles: Vec<String> = file["state"]["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_string())
        .collect();
    titles.sort();
    titles
}

/// A session with a copy on which two issues and a person were captured, while MAIN
/// raised one of its own.
fn newsroom(tmp: &TempDir) -> (PathBuf, PathBuf) {
    let main = new_session(
        tmp.path(),
        "Living well at home",
        &["--space", "Hall", "--slot", "10:00-11:00"],
    );
    let other = tmp.path().join("newsroom-2.json");
    copy(tmp.path(), &main, &other, "Newsroom 2");
    import(
        tmp.path(),
        &other,
        "Falls at home,Dana Reyes,\nTransport,,\n",
    );
    import(tmp.path(), &main, "Loneliness,dana reyes,\n");
    (main, other)
}

#[test]
fn dry_run_says_what_would_come_in_and_writes_nothing() {
    let tmp = TempDir::new().unwrap();
    let (main, other) = newsroom(&tmp);
    let (before, theirs) = (
        std::fs::read(&main).unwrap(),
        std::fs::read(&other).unwrap(),
    );
    convene(tmp.path())
        .arg("merge")
        .arg(&main)
        .arg(&other)
        .arg("--dry-run")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "from newsroom-2.json (Newsroom 2): 2 issues",
        ))
        .stdout(predicate::str::contains("Dry run: nothing was written."));
    assert_eq!(std::fs::read(&main).unwrap(), before);
    assert_eq!(std::fs::read(&other).unwrap(), theirs);
    assert!(!tmp.path().join("trash").exists());
}

#[test]
fn a_merge_appends_one_step_keeps_the_previous_version_and_is_idempotent() {
    let tmp = TempDir::new().unwrap();
    let (main, other) = newsroom(&tmp);
    let (before, theirs) = (
        std::fs::read(&main).unwrap(),
        std::fs::read(&other).unwrap(),
    );
    convene(tmp.path())
        .arg("merge")
        .arg(&main)
        .arg(&other)
        .assert()
        .success()
        .stdout(predicate::str::contains("Merged into"));
    assert_eq!(titles(&main), ["Falls at home", "Loneliness", "Transport"]);
    assert_eq!(
        std::fs::read(&other).unwrap(),
        theirs,
        "a copy is only read"
    );
    let stem = main.file_stem().unwrap().to_string_lossy().into_owned();
    let kept = tmp
        .path()
        .join("trash")
        .join(format!("{stem}.before-merge.json"));
    assert_eq!(std::fs::read(&kept).unwrap(), before);
    convene(tmp.path())
        .arg("check")
        .arg(&main)
        .assert()
        .success()
        .stdout(predicate::str::contains("3 issues"));
    convene(tmp.path())
        .arg("log")
        .arg(&main)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "[Newsroom 2] issue 2 raised: Falls at home (convener: dana reyes)",
        ))
        .stdout(predicate::str::contains("merged in the copy"));
    let merged = std::fs::read(&main).unwrap();
    convene(tmp.path())
        .arg("merge")
        .arg(&main)
        .arg(&other)
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing new (merged before)"));
    assert_eq!(std::fs::read(&main).unwrap(), merged);
}

#[test]
fn a_main_outside_the_sessions_folder_keeps_its_previous_version_beside_it() {
    let tmp = TempDir::new().unwrap();
    let (main, other) = newsroom(&tmp);
    let outside = tmp.path().join("main.json");
    std::fs::copy(&main, &outside).unwrap();
    let before = std::fs::read(&outside).unwrap();
    convene(tmp.path())
        .arg("merge")
        .arg(&outside)
        .arg(&other)
        .assert()
        .success();
    assert_eq!(
        std::fs::read(tmp.path().join("main.json.before-merge")).unwrap(),
        before
    );
}

#[test]
fn unrelated_files_are_refused_and_main_is_untouched() {
    let tmp = TempDir::new().unwrap();
    let (main, _) = newsroom(&tmp);
    let before = std::fs::read(&main).unwrap();
    let stranger = tmp.path().join("stranger.json");
    convene(tmp.path())
        .args(["synth", "--events", "50", "-o"])
        .arg(&stranger)
        .assert()
        .success();
    convene(tmp.path())
        .arg("merge")
        .arg(&main)
        .arg(&stranger)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "stranger.json is not a copy of this session",
        ))
        .stderr(no_panic());
    assert_eq!(std::fs::read(&main).unwrap(), before);
}

#[test]
fn a_truncated_copy_is_refused_and_main_is_untouched_byte_for_byte() {
    let tmp = TempDir::new().unwrap();
    let (main, other) = newsroom(&tmp);
    let before = std::fs::read(&main).unwrap();
    let bytes = std::fs::read(&other).unwrap();
    let cut = tmp.path().join("cut.json");
    std::fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
    convene(tmp.path())
        .arg("merge")
        .arg(&main)
        .arg(&cut)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cut.json"))
        .stderr(predicate::str::contains("not a valid session file"))
        .stderr(predicate::str::contains("MAIN is unchanged"))
        .stderr(no_panic());
    assert_eq!(std::fs::read(&main).unwrap(), before);
    assert!(!tmp.path().join("trash").exists());
}

#[test]
fn a_main_open_in_the_app_is_refused() {
    let tmp = TempDir::new().unwrap();
    let (main, other) = newsroom(&tmp);
    let before = std::fs::read(&main).unwrap();
    let lock = convene::store::lock(&main).expect("the app holds the lock");
    convene(tmp.path())
        .arg("merge")
        .arg(&main)
        .arg(&other)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "is already open in another Convene",
        ));
    assert_eq!(std::fs::read(&main).unwrap(), before);
    drop(lock);
}

#[test]
fn merging_a_file_into_itself_or_a_copy_over_a_file_is_refused() {
    let tmp = TempDir::new().unwrap();
    let (main, other) = newsroom(&tmp);
    convene(tmp.path())
        .arg("merge")
        .arg(&main)
        .arg(&main)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is MAIN itself"));
    let before = std::fs::read(&other).unwrap();
    convene(tmp.path())
        .arg("copy")
        .arg(&main)
        .arg(&other)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read(&other).unwrap(), before);
}

#[test]
fn the_same_copies_in_any_order_merge_to_the_same_log() {
    let tmp = TempDir::new().unwrap();
    let main = new_session(
        tmp.path(),
        "Living well at home",
        &["--space", "Hall", "--slot", "10:00-11:00"],
    );
    let (a, b) = (tmp.path().join("a.json"), tmp.path().join("b.json"));
    copy(tmp.path(), &main, &a, "Newsroom 1");
    copy(tmp.path(), &main, &b, "Newsroom 2");
    import(tmp.path(), &a, "From A,,\n");
    import(tmp.path(), &b, "From B,,\n");
    let events = |order: [&Path; 2]| {
        let target = tmp.path().join("target.json");
        std::fs::copy(&main, &target).unwrap();
        convene(tmp.path())
            .arg("merge")
            .arg(&target)
            .args(order)
            .assert()
            .success();
        let file: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
        std::fs::remove_file(&target).unwrap();
        let _ = std::fs::remove_file(tmp.path().join("target.json.before-merge"));
        (file["events"].clone(), file["state"].clone())
    };
    assert_eq!(events([&a, &b]), events([&b, &a]));
}
