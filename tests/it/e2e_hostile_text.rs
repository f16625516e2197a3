//! Hostile text on a real terminal: escape sequences, control characters, zero-width and
//! combining marks, right-to-left text and the longest titles allowed, imported from a CSV
//! as a facilitator might, then shown on every pane under tmux. The layout must hold (tab
//! bar on top, status bar at the bottom) and nothing may reach the terminal as a command.

use crate::support::tmux::{Tmux, tmux_missing};
use crate::support::{BIN, session_file};
use std::process::Command;

#[test]
fn hostile_titles_never_break_the_screen_or_the_terminal() {
    if tmux_missing() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let made = Command::new(BIN)
        .arg("--data-dir")
        .arg(data.path())
        .args([
            "new",
            "Hostile \u{1b}]0;pwned\u{7} text",
            "--no-open",
            "--space",
            "Room \u{202E}A",
            "--slot",
            "10:00-11:00",
        ])
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let file = session_file(data.path());
    let long = "Long ".repeat(100);
    let rows = [
        "\u{1b}[2J\u{1b}[31mClear the screen\u{1b}[0m",
        "\u{1b}]0;pwned\u{7}Set the title",
        "Zero\u{200B}width\u{200D}joiners\u{FEFF}",
        "Combining e\u{301}e\u{301}e\u{301} a\u{308}",
        "عربي: العودة إلى المنزل من المستشفى",
        "עברית ומספרים 123",
        "日本語のタイトルと絵文字 👩‍⚕️🏥",
        "Bell\u{7}and\u{8}backspace\u{7f}",
        long.trim(),
    ];
    let mut csv = String::from("title,convener,description\n");
    for (n, title) in rows.iter().enumerate() {
        csv.push_str(&format!(
            "\"{}\",Person {n},\"line one\nline \u{1b}[1mtwo\"\n",
            title.replace('"', "\"\"")
        ));
    }
    let csv_path = data.path().join("hostile.csv");
    std::fs::write(&csv_path, csv).unwrap();
    let imported = Command::new(BIN)
        .arg("--data-dir")
        .arg(data.path())
        .arg("import")
        .arg(&file)
        .arg("--issues")
        .arg(&csv_path)
        .output()
        .unwrap();
    assert!(imported.status.success(), "{imported:?}");

    for (width, height) in [(80u16, 24u16), (200, 60)] {
        let command = format!("exec {BIN} open '{}'", file.display());
        let tmux = Tmux::start(&format!("hostile{width}"), width, height, &command);
        tmux.wait_for("Opening");
        for pane in ["1", "2", "3", "4", "5", "6"] {
            tmux.keys(&[pane]);
            // The tab bar marks the pane once it is drawn.
            let screen = tmux.wait_for(&format!("▶ {pane} "));
            let lines: Vec<&str> = screen.lines().collect();
            assert!(
                lines
                    .first()
                    .is_some_and(|l| l.contains("Opening") && l.contains("Closing")),
                "pane {pane} at {width}x{height}: the tab bar is broken\n{screen}"
            );
            assert!(
                lines.iter().rev().take(2).any(|l| l.contains("saved")),
                "pane {pane} at {width}x{height}: the status bar is broken\n{screen}"
            );
            assert!(
                !screen.contains('\u{1b}'),
                "pane {pane}: an escape reached the screen\n{screen}"
            );
        }
        // Open the detail of the first issue, where the description's lines are shown.
        tmux.keys(&["2", "Home", "Enter"]);
        tmux.wait_for("line one");
        let title = tmux.run(&["display-message", "-p", "-t", "e2e", "#{pane_title}"]);
        assert!(
            !String::from_utf8_lossy(&title.stdout).contains("pwned"),
            "the terminal title was changed by a title in the session"
        );
        tmux.keys(&["Escape", "q"]);
        tmux.wait_until_gone();
    }
}
