//! Every pane's key tables checked together: each row has help, no key is bound twice in
//! a table, and a pane takes a key of the app's own only where that is meant.

use super::{agenda, closing, issue_detail, issues, leads, opening, progress, roster, vote};
use crate::ui::keys::{Actions, Binding, Global, Key, faults, shared};
use ratatui::crossterm::event::KeyCode;

fn check<A>(name: &str, rows: &[Binding<A>], meant: &[KeyCode]) {
    let wrong = faults(rows);
    assert!(wrong.is_empty(), "{name}: {wrong:?}");
    let mut taken = shared(rows, Global::TABLE);
    taken.retain(|code| !meant.contains(code));
    assert!(taken.is_empty(), "{name} takes the app's keys {taken:?}");
}

#[test]
fn the_app_table_is_sound() {
    assert_eq!(faults(Global::TABLE), Vec::<String>::new());
}

#[test]
fn every_pane_table_is_sound() {
    check("issues", issues::keys::Action::TABLE, &[]);
    check("leads", leads::keys::Action::TABLE, &[]);
    check("leads' steps", leads::keys::StepAction::TABLE, &[]);
    check("leads' triage", leads::keys::TriageAction::TABLE, &[]);
    // Vote's `r` has always taken Ctrl-r too, so redo does not reach the app there.
    check("vote", vote::keys::Action::TABLE, &[KeyCode::Char('r')]);
    // Closing and Progress list the app's `f` because presenting is what they are for;
    // their row hands it on.
    check(
        "closing",
        closing::keys::Action::TABLE,
        &[KeyCode::Char('f')],
    );
    check(
        "progress",
        progress::keys::Action::TABLE,
        &[KeyCode::Char('f')],
    );
    check("opening", opening::keys::Action::TABLE, &[]);
    check("roster", roster::keys::Action::TABLE, &[]);
    check("issue detail", issue_detail::keys::Action::TABLE, &[]);
    check("agenda's wall", agenda::keys::GridAction::TABLE, &[]);
    check("agenda's list", agenda::keys::ListAction::TABLE, &[]);
    check("agenda carrying", agenda::keys::CarryAction::TABLE, &[]);
    check("agenda swapping", agenda::keys::SwapAction::TABLE, &[]);
    // Agenda hands every Ctrl and Alt key to the app before reading a table, so its `r`
    // leaves Ctrl-r to redo.
    check(
        "agenda's edits",
        agenda::keys::WallAction::TABLE,
        &[KeyCode::Char('r')],
    );
    check("agenda's timer", agenda::keys::TimerAction::TABLE, &[]);
    check("agenda's notes", agenda::keys::Note::TABLE, &[]);
    check("agenda's pages", agenda::keys::PageAction::TABLE, &[]);
}

#[test]
fn the_replay_table_is_sound() {
    // Replay's keys come before the app's; it takes none of them.
    check("replay", crate::ui::replay::keys::Action::TABLE, &[]);
}

#[test]
fn the_agenda_tables_shown_together_share_no_key() {
    use agenda::keys::{CarryAction, GridAction, ListAction, SwapAction, TimerAction, WallAction};
    let beside =
        |name: &str, shared: Vec<KeyCode>| assert!(shared.is_empty(), "{name}: {shared:?}");
    beside(
        "wall and edits",
        shared(GridAction::TABLE, WallAction::TABLE),
    );
    beside(
        "list and edits",
        shared(ListAction::TABLE, WallAction::TABLE),
    );
    for (name, timer) in [
        ("wall", shared(GridAction::TABLE, TimerAction::TABLE)),
        ("list", shared(ListAction::TABLE, TimerAction::TABLE)),
        ("carry", shared(CarryAction::TABLE, TimerAction::TABLE)),
        ("swap", shared(SwapAction::TABLE, TimerAction::TABLE)),
        ("edits", shared(WallAction::TABLE, TimerAction::TABLE)),
    ] {
        beside(name, timer);
    }
}

#[test]
fn a_table_with_a_key_twice_is_caught() {
    const TWICE: &[Binding<u8>] = &[
        Binding {
            label: "a",
            help: "one",
            main: true,
            edits: false,
            keys: &[(Key::char('a'), 1)],
        },
        Binding {
            label: "a",
            help: "",
            main: true,
            edits: false,
            keys: &[(Key::char('a'), 2)],
        },
    ];
    assert_eq!(faults(TWICE).len(), 2);
    // Ctrl-u and u without Ctrl are two keys; u with any modifier would be both.
    assert!(!Key::ctrl('u').overlaps(&Key::bare('u')));
    assert!(Key::char('u').overlaps(&Key::ctrl('u')));
}
