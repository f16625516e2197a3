//! `convene synth` from the outside: deterministic files that load, and clear refusals.

use crate::support::mode;
use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

fn synth(args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("convene").unwrap();
    cmd.arg("synth").args(args);
    cmd
}

#[test]
fn the_same_seed_writes_the_same_bytes_and_the_file_loads() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    let c = dir.path().join("c.json");
    let size = ["--participants", "30", "--issues", "20", "--events", "700"];
    for (out, seed) in [(&a, "5"), (&b, "5"), (&c, "6")] {
        synth(&size)
            .args(["--seed", seed, "-o"])
            .arg(out)
            .assert()
            .success()
            .stdout(contains("700 events"));
    }
    let bytes = std::fs::read(&a).unwrap();
    assert_eq!(bytes, std::fs::read(&b).unwrap());
    assert_ne!(bytes, std::fs::read(&c).unwrap());
    let loaded = convene::store::load(&a).expect("the file loads");
    assert_eq!(loaded.journal.events.len(), 700);
    assert_eq!(loaded.journal.session.participants.len(), 30);
    let checked = convene::store::check(&a).unwrap();
    assert_eq!(checked.snapshot_differs, None);
    assert_eq!(mode(&a), 0o600);
}

#[test]
fn zero_events_or_an_unwritable_path_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.json");
    synth(&["--events", "0", "-o"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(contains("--events must be at least 1"));
    assert!(!out.exists());
    synth(&["--participants", "200000", "-o"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(contains("--participants"));
    // A path through a regular file cannot be written, even by root.
    let file = dir.path().join("file");
    std::fs::write(&file, "not a directory").unwrap();
    synth(&["--events", "10", "-o"])
        .arg(file.join("x.json"))
        .assert()
        .failure()
        .stderr(contains("cannot write"))
        .stderr(contains("panicked").not());
}
