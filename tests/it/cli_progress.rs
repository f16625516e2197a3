//! `convene merge` and `convene follow-up` say how far a large file is on stderr, and only
//! to a person watching: run from a script (stderr not a terminal) they print no progress
//! at all, and stdout is exactly what a small file of the same session gives.

use crate::support::{convene, new_session};
use std::path::{Path, PathBuf};

/// `convene::service::LARGE`, the size from which reading is reported.
const LARGE: usize = 16 << 20;

/// The same copy twice under one name: as written, and made large by whitespace after the
/// document (still the same session).
fn copies(data: &Path, main: &Path, dir: &Path) -> (PathBuf, PathBuf) {
    let small = dir.join("small").join("newsroom.json");
    let large = dir.join("large").join("newsroom.json");
    std::fs::create_dir_all(small.parent().unwrap()).unwrap();
    std::fs::create_dir_all(large.parent().unwrap()).unwrap();
    convene(data)
        .arg("copy")
        .arg(main)
        .arg(&small)
        .args(["--as", "Newsroom"])
        .assert()
        .success();
    let csv = dir.join("rows.csv");
    std::fs::write(
        &csv,
        "title,convener,description\nFalls at home,Dana Reyes,\n",
    )
    .unwrap();
    convene(data)
        .arg("import")
        .arg(&small)
        .arg("--issues")
        .arg(&csv)
        .assert()
        .success();
    let mut bytes = std::fs::read(&small).unwrap();
    bytes.resize(LARGE + 1, b' ');
    std::fs::write(&large, bytes).unwrap();
    (small, large)
}

fn output(cmd: &mut assert_cmd::Command) -> (String, String) {
    let out = cmd.assert().success().get_output().clone();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_large_copy_merged_from_a_script_prints_no_progress() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let main = new_session(&data, "Living well at home", &[]);
    let (small, large) = copies(&data, &main, dir.path());
    let dry = |copy: &Path| {
        output(
            convene(&data)
                .arg("merge")
                .arg(&main)
                .arg(copy)
                .arg("--dry-run"),
        )
    };
    let (small_out, small_err) = dry(&small);
    let (large_out, large_err) = dry(&large);
    assert!(
        small_out.contains("from newsroom.json (Newsroom)"),
        "{small_out}"
    );
    assert_eq!(large_out, small_out, "stdout does not change with the size");
    assert_eq!(small_err, "");
    assert_eq!(large_err, "", "no progress where stderr is not a terminal");

    let (merged, err) = output(convene(&data).arg("merge").arg(&main).arg(&large));
    assert!(merged.contains("Merged into"), "{merged}");
    assert_eq!(err, "");

    let (path, err) = output(convene(&data).args(["follow-up", "--no-open"]).arg(&large));
    assert_eq!(path.lines().count(), 1, "prints only the path: {path}");
    assert_eq!(err, "");
}
