//! `convene export` from the command line: stdout or a private file, clear errors, and a
//! session that is open (locked) elsewhere can still be exported.

use assert_cmd::Command;
use predicates::prelude::*;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

fn demo_file(dir: &Path) -> PathBuf {
    let path = dir.join("demo.json");
    std::fs::write(&path, convene::demo::DEMO_JSON).expect("write demo");
    path
}

fn golden(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    std::fs::read_to_string(path).expect("golden file")
}

fn convene(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("convene").expect("binary");
    cmd.env("CONVENE_DATA_DIR", dir.join("data"));
    cmd
}

#[test]
fn markdown_goes_to_stdout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = demo_file(dir.path());
    convene(dir.path())
        .args(["export", "--format", "markdown"])
        .arg(&file)
        .assert()
        .success()
        .stdout(golden("demo.md"));
}

#[test]
fn an_output_file_is_written_private() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = demo_file(dir.path());
    let out = dir.path().join("actions.csv");
    convene(dir.path())
        .args(["export", "--format", "csv", "--table", "actions", "-o"])
        .arg(&out)
        .arg(&file)
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        golden("demo-actions.csv")
    );
    let mode = std::fs::metadata(&out).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn a_session_open_in_the_app_can_still_be_exported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = demo_file(dir.path());
    let _lock = convene::store::lock(&file).expect("lock");
    convene(dir.path())
        .args(["export", "--format", "json", "--anonymous"])
        .arg(&file)
        .assert()
        .success()
        .stdout(golden("demo-anonymous.json"));
}

#[test]
fn a_bad_table_is_refused_plainly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = demo_file(dir.path());
    convene(dir.path())
        .args(["export", "--format", "csv", "--table", "people"])
        .arg(&file)
        .assert()
        .failure()
        .stdout("")
        .stderr(predicate::str::contains(
            "there is no table \"people\": choose issues, actions or progress",
        ));
    convene(dir.path())
        .args(["export", "--format", "html", "--table", "issues"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--table applies only to --format csv",
        ));
}

#[test]
fn the_session_file_is_never_overwritten_by_its_export() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = demo_file(dir.path());
    convene(dir.path())
        .args(["export", "--format", "markdown", "-o"])
        .arg(&file)
        .arg(&file)
        .assert()
        .failure()
        .stderr(predicate::str::contains("that is the session file itself"));
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        convene::demo::DEMO_JSON
    );
}

#[test]
fn a_missing_file_is_named_in_the_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    convene(dir.path())
        .args(["export", "--format", "markdown", "nowhere.json"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("nowhere.json"));
}
