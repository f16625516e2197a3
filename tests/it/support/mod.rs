//! What the integration tests share: the binary on a data folder of the test's own, tmux
//! to drive it, the sessions the tests are about, the golden files and one seeded
//! generator.

pub mod day;
pub mod fixture;
pub mod golden;
pub mod proceedings;
pub mod rng;
pub mod room;
pub mod tmux;

use std::os::unix::fs::PermissionsExt;
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

/// Runs `convene --data-dir DATA ARGS`, which must succeed, and gives what it printed.
pub fn printed(data: &Path, args: &[&str]) -> String {
    let out = convene(data).args(args).output().expect("convene runs");
    assert!(
        out.status.success(),
        "convene {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
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

/// The titles of the issues in a session file's snapshot, as someone reading it with `jq`
/// would see them.
pub fn titles(file: &Path) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
    value["state"]["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_string())
        .collect()
}

/// The permission bits of a file or folder.
pub fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}
