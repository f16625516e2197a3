//! `convene export` from the command line: stdout or a private file, clear errors, and a
//! session that is open (locked) elsewhere can still be exported.

use crate::support::{golden, mode};
use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn demo_file(dir: &Path) -> PathBuf {
    let path = dir.join("demo.json");
    std::fs::write(&path, convene::demo::DEMO_JSON).expect("write demo");
    path
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
    let out = convene(dir.path())
        .args(["export", "--format", "markdown"])
        .arg(&file)
        .assert()
        .success();
    golden::check(&[("demo.md", &out.get_output().stdout)]);
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
    golden::check(&[("demo-actions.csv", std::fs::read(&out).expect("read"))]);
    assert_eq!(mode(&out), 0o600);
}

#[test]
fn a_session_open_in_the_app_can_still_be_exported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = demo_file(dir.path());
    let _lock = convene::store::lock(&file).expect("lock");
    let out = convene(dir.path())
        .args(["export", "--format", "json", "--anonymous"])
        .arg(&file)
        .assert()
        .success();
    golden::check(&[("demo-anonymous.json", &out.get_output().stdout)]);
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
            "there is no table \"people\": choose issues, actions, results or progress",
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

#[test]
fn anonymous_export_lists_passages_to_check_on_stderr() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = demo_file(dir.path());
    let out = convene(dir.path())
        .args(["export", "--format", "markdown", "--anonymous"])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::starts_with("anonymised: "));
    golden::check(&[("demo-anonymous.md", &out.get_output().stdout)]);
    convene(dir.path())
        .args([
            "export",
            "--format",
            "markdown",
            "--anonymous",
            "--min-group",
            "1",
        ])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "**Healthwatch Havering Vale** (1)",
        ));
    convene(dir.path())
        .args(["export", "--format", "markdown", "--min-group", "2"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(predicate::str::contains("--anonymous"));
}

#[test]
fn csv_has_a_bom_unless_told_otherwise_and_other_formats_refuse_the_flag() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = demo_file(dir.path());
    let with = convene(dir.path())
        .args(["export", "--format", "csv"])
        .arg(&file)
        .output()
        .expect("run");
    assert!(with.stdout.starts_with("\u{feff}number,".as_bytes()));
    convene(dir.path())
        .args([
            "export", "--format", "csv", "--no-bom", "--table", "results",
        ])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "id,title,description,start_date,end_date,status,progress\r\n",
        ));
    convene(dir.path())
        .args(["export", "--format", "html", "--no-bom"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--no-bom applies only to --format csv",
        ));
}

#[test]
fn the_calendar_export_holds_the_dated_next_steps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = demo_file(dir.path());
    let out = convene(dir.path())
        .args(["export", "--format", "ics"])
        .arg(&file)
        .output()
        .expect("run");
    assert!(out.status.success());
    let ics = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    let dated = convene::store::StateView::of(
        &convene::store::parse(&file, convene::demo::DEMO_JSON.as_bytes())
            .expect("demo")
            .journal
            .session,
    )
    .issues
    .iter()
    .filter(|i| i.merged_into.is_none())
    .flat_map(|i| &i.next_steps)
    .filter(|s| s.due.is_some())
    .count();
    assert!(dated > 0);
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), dated);
    convene(dir.path())
        .args(["export", "--format", "ics", "--table", "issues"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--table applies only to --format csv",
        ));
}
