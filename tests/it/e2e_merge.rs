//! End to end in a real terminal: a newsroom copy merged from the picker (`M`, a path, the
//! dry-run summary, `y`), then a second copy merged from the Closing pane and undone in one
//! step. The log then says where each change was captured. Skipped where tmux is missing.

use crate::support::tmux::{Tmux, tmux_missing};
use crate::support::{BIN, printed, session_file};
use std::path::Path;

fn copy_with_issues(data: &Path, main: &Path, copy: &Path, label: &str, rows: &str) {
    let (main, copy) = (main.to_str().unwrap(), copy.to_str().unwrap());
    printed(data, &["copy", main, copy, "--as", label]);
    let csv = data.join(format!("{label}.csv"));
    std::fs::write(&csv, format!("title,convener,description\n{rows}")).unwrap();
    printed(data, &["import", copy, "--issues", csv.to_str().unwrap()]);
}

#[test]
fn copies_merge_from_the_picker_and_from_closing() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    printed(&data, &["new", "Living well at home", "--no-open"]);
    let main = session_file(&data);
    let two = dir.path().join("newsroom-2.json");
    let three = dir.path().join("newsroom-3.json");
    copy_with_issues(
        &data,
        &main,
        &two,
        "Newsroom 2",
        "Falls at home,Dana Reyes,\n",
    );
    copy_with_issues(
        &data,
        &main,
        &three,
        "Newsroom 3",
        "Transport,,\nLoneliness,,\n",
    );
    let theirs = std::fs::read(&two).unwrap();

    let command = format!("exec '{BIN}' --data-dir '{}'", data.display());
    let tmux = Tmux::start("merge", 80, 24, &command);
    tmux.wait_for("M merge in");
    tmux.keys(&["M"]);
    tmux.wait_for("Copy to merge in");
    tmux.text(two.to_str().unwrap());
    tmux.keys(&["Enter"]);
    tmux.wait_for("from newsroom-2.json (Newsroom 2): 1 issue, 1 person");
    tmux.keys(&["y"]);
    // The merged session opens in the app.
    tmux.wait_for("1 Opening");

    tmux.keys(&["6", "M"]);
    tmux.wait_for("Copy to merge in");
    tmux.text(three.to_str().unwrap());
    tmux.keys(&["Enter"]);
    tmux.wait_for("from newsroom-3.json (Newsroom 3): 2 issues");
    tmux.keys(&["y"]);
    tmux.wait_for("Merged 2 changes from newsroom-3.json");
    tmux.wait_for("saved");
    tmux.keys(&["u"]);
    tmux.wait_for("Undone: merged in the copy");
    tmux.keys(&["q"]);
    tmux.wait_until_gone();

    let log = printed(&data, &["log", main.to_str().unwrap()]);
    assert!(
        log.contains("[Newsroom 2] issue 1 raised: Falls at home"),
        "{log}"
    );
    assert!(
        log.contains("[Newsroom 3] issue 2 raised: Transport"),
        "{log}"
    );
    assert!(log.contains("undo: merged in the copy"), "{log}");
    let check = printed(&data, &["check", main.to_str().unwrap()]);
    assert!(check.contains("1 issue,"), "{check}");
    assert_eq!(std::fs::read(&two).unwrap(), theirs, "a copy is only read");
    let trash: Vec<_> = std::fs::read_dir(data.join("trash")).unwrap().collect();
    assert_eq!(trash.len(), 1, "the picker kept the previous version");
}
