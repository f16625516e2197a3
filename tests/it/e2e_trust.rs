//! End to end in a real terminal, the sequences quoted in issue 11 typed under tmux, then
//! the saved file read back: dots land on the issue the facilitator means, a name joins the
//! roster only on purpose (in one step with what names them), and typed text is never
//! dropped without a question. Skipped, with a message, where tmux is not installed.

use crate::support::tmux::{Tmux, tmux_missing};
use crate::support::{BIN, session_file};
use std::path::Path;
use std::process::Command;

fn new_session(name: &str, data: &Path) -> Tmux {
    let command = format!(
        "exec '{BIN}' --data-dir '{}' new 'Home from hospital, well'",
        data.display()
    );
    let tmux = Tmux::start(name, 100, 30, &command);
    tmux.wait_for("Home from hospital");
    tmux
}

fn saved(data: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(session_file(data)).expect("the session file");
    serde_json::from_str(&text).expect("JSON")
}

fn votes(file: &serde_json::Value, title: &str) -> u64 {
    file["state"]["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .find(|i| i["title"] == title)
        .unwrap_or_else(|| panic!("{title} saved"))["votes"]
        .as_u64()
        .expect("a count")
}

fn raise(tmux: &Tmux, titles: &[&str]) {
    tmux.keys(&["2", "a"]);
    for title in titles {
        tmux.text(title);
        tmux.keys(&["Enter"]);
        tmux.wait_for("Added issue");
    }
    tmux.keys(&["Escape"]);
    tmux.wait_for(titles[titles.len() - 1]);
}

#[test]
fn counting_dots_never_misfiles_one() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let tmux = new_session("trust-vote", &data);
    raise(
        &tmux,
        &["Weekend discharge", "Carers' breaks", "Falls at home"],
    );

    tmux.keys(&["4", "n"]);
    tmux.wait_for("New voting round 1");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Round 1 of 1");
    tmux.keys(&["+", "+", "Down", "+", "+", "+"]);
    tmux.wait_for("5 dots cast");
    // The dot meant for #3 lands on #3, however the counts moved.
    tmux.keys(&["Down", "+"]);
    tmux.wait_for("6 dots cast");
    // `#` then a number: the title shows before Enter.
    tmux.keys(&["#", "2"]);
    tmux.wait_for("→ #2 Carers' breaks");
    tmux.keys(&["Enter"]);
    // `*` then a number sets the count in one go.
    tmux.keys(&["*"]);
    tmux.text("14");
    tmux.wait_for("3 → 14 dots");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Issue 2: 14 dots (was 3)");
    tmux.keys(&["="]);
    tmux.wait_for("18 dots cast");
    tmux.keys(&["q"]);
    tmux.wait_until_gone();

    let file = saved(&data);
    assert_eq!(votes(&file, "Weekend discharge"), 2);
    assert_eq!(votes(&file, "Carers' breaks"), 15);
    assert_eq!(votes(&file, "Falls at home"), 1);
    assert_eq!(file["version"], 2);
    assert!(
        file["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["type"] == "tally_set" && e["issue"] == 2 && e["dots"] == 14)
    );
    let log = Command::new(BIN)
        .arg("--data-dir")
        .arg(&data)
        .arg("log")
        .arg(session_file(&data))
        .output()
        .expect("log runs");
    let log = String::from_utf8_lossy(&log.stdout);
    assert!(
        log.contains("issue 2 counted at 14 dots in round 1"),
        "{log}"
    );
}

#[test]
fn names_join_the_roster_only_on_purpose_and_typed_text_is_kept() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let tmux = new_session("trust-names", &data);
    tmux.keys(&["2", "a"]);
    tmux.text("Weekend discharge team");
    tmux.keys(&["Tab"]);
    tmux.text("Ami");
    // Esc on typed text asks; n keeps it.
    tmux.keys(&["Escape"]);
    tmux.wait_for("Discard what you typed? y/n");
    tmux.keys(&["n"]);
    tmux.wait_for("Kept what you typed");
    // Ctrl-c asks too, and n keeps it.
    tmux.keys(&["C-c"]);
    tmux.wait_for("Discard what you typed and quit? y/n");
    tmux.keys(&["n"]);
    tmux.wait_for("Weekend discharge team");
    // Enter on a name not on the roster saves nothing and says so.
    tmux.keys(&["Enter"]);
    tmux.wait_for("\"Ami\" is not on the roster");
    assert!(
        saved(&data)["state"]["issues"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for("(Ami joined the roster)");
    tmux.keys(&["Escape", "u"]);
    tmux.wait_for("Undone: Ami joined; issue 1 raised");
    tmux.keys(&["q"]);
    tmux.wait_until_gone();

    let file = saved(&data);
    assert!(file["state"]["participants"].as_array().unwrap().is_empty());
    assert!(file["state"]["issues"].as_array().unwrap().is_empty());
    let events = file["events"].as_array().unwrap();
    let added = events
        .iter()
        .find(|e| e["type"] == "participant_added")
        .expect("recorded before the undo");
    let raised = events
        .iter()
        .find(|e| e["type"] == "issue_raised")
        .expect("recorded before the undo");
    assert_eq!(added["part_of"], added["seq"], "one step");
    assert_eq!(raised["part_of"], added["seq"], "one step");
    assert_eq!(
        events.iter().filter(|e| e["type"] == "undo").count(),
        1,
        "one undo took both back"
    );
}

#[test]
fn a_supporter_who_leads_is_named_truly_and_dates_and_slots_read_as_typed() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let people = dir.path().join("people.txt");
    std::fs::write(&people, "Owen Price\nNadia Hussain\n").unwrap();
    let command = format!(
        "exec '{BIN}' --data-dir '{}' new 'Home from hospital, well' --participants '{}'",
        data.display(),
        people.display()
    );
    let tmux = Tmux::start("trust-leads", 100, 30, &command);
    tmux.wait_for("Home from hospital");
    raise(&tmux, &["Weekend discharge"]);

    tmux.keys(&["5", "l"]);
    tmux.wait_for("Lead: a name");
    tmux.text("owen");
    tmux.keys(&["Down", "Enter"]);
    tmux.wait_for("Owen Price leads issue 1");
    tmux.keys(&["s"]);
    tmux.text("owen");
    tmux.wait_for("Owen Price already leads issue 1");
    tmux.keys(&["Enter"]);
    tmux.wait_for("\"owen\" is not on the roster");
    tmux.keys(&["Enter"]);
    tmux.wait_for("owen supports issue 1 (owen joined the roster)");
    tmux.keys(&["u"]);
    tmux.wait_for("Undone: owen joined; owen supports issue 1");

    // A next step due on a date typed the British way, shown before it is saved.
    tmux.keys(&["n"]);
    tmux.text("Book the hall");
    tmux.keys(&["Tab"]);
    tmux.text("Nadai");
    tmux.wait_for("Nadia Hussain");
    tmux.keys(&["Down", "Tab"]);
    tmux.text("31/12/2026");
    tmux.wait_for("→ Thu 31 Dec 2026");
    tmux.keys(&["Enter"]);
    tmux.wait_for("due Thu 31 Dec 2026");

    // A slot added by its times gets them.
    tmux.keys(&["3", "A"]);
    tmux.wait_for("Add a time slot");
    tmux.text("14:45-15:45");
    tmux.keys(&["Enter", "Escape"]);
    tmux.wait_for("14:45-15:45");
    tmux.keys(&["q"]);
    tmux.wait_until_gone();

    let file = saved(&data);
    let state = &file["state"];
    let names: Vec<&str> = state["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Owen Price", "Nadia Hussain"], "no phantom");
    let issue = &state["issues"][0];
    assert_eq!(issue["lead"], "Owen Price");
    assert_eq!(issue["supporters"].as_array().unwrap().len(), 0);
    assert_eq!(issue["next_steps"][0]["owner"], "Nadia Hussain");
    assert_eq!(issue["next_steps"][0]["due"], "2026-12-31");
    let slot = &state["slots"][0];
    assert_eq!(slot["label"], "14:45-15:45");
    assert_eq!(slot["starts"], "14:45:00");
    assert_eq!(slot["ends"], "15:45:00");
}
