//! What the integration tests share: the binary on a data folder of the test's own, tmux
//! to drive it, and the sessions the tests are about.

pub mod day;
pub mod fixture;
pub mod golden;
pub mod proceedings;
pub mod rng;
pub mod room;
pub mod tmux;

use std::path::{Path, PathBuf};

pub const BIN: &str = env!("CARGO_BIN_EXE_convene");

/// The one session file in a data directory.
pub fn session_file(data: &Path) -> PathBuf {
    let dir = data.join("sessions");
    std::fs::read_dir(&dir)
        .expect("the sessions folder exists")
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .expect("a session file")
}

/// The binary on the test's own data folder (a user's `CONVENE_DATA_DIR` is never seen).
pub fn convene(data: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("convene");
    cmd.env_remove("CONVENE_DATA_DIR")
        .arg("--data-dir")
        .arg(data);
    cmd
}

/// Makes a session with `convene new THEME --no-open` and `extra` flags, and gives its
/// path, which is all the command prints.
pub fn new_session(data: &Path, theme: &str, extra: &[&str]) -> PathBuf {
    let out = convene(data)
        .args(["new", theme, "--no-open"])
        .args(extra)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 1, "prints only the path: {text:?}");
    PathBuf::from(text.trim())
}
