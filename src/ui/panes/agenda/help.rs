//! Every key of the Agenda pane, for `?` help and the status bar, as they are right now.

use super::{AgendaPane, Focus, Mode};
use crate::ui::pane::KeyHelp;

// The timer is a tool of the live day: replay has none, so it lists with the edits.
const TIMER_KEYS: [KeyHelp; 2] = [
    KeyHelp::main("t/T", "timer start-pause/reset").edits(),
    KeyHelp::more("+ / -", "timer ±5 minutes").edits(),
];

const WALL_KEYS: [KeyHelp; 5] = [
    KeyHelp::main("a/A", "add space/slot").edits(),
    KeyHelp::more("r/R", "rename space/edit slot").edits(),
    KeyHelp::more("d/D", "remove space/slot").edits(),
    KeyHelp::more("b", "report round of the slot").edits(),
    KeyHelp::more("L", "report reminder").edits(),
];

pub(super) fn keys(p: &AgendaPane) -> Vec<KeyHelp> {
    let mut keys = match (&p.mode, p.focus) {
        (Mode::Form(form), _) => return form.keys(),
        (Mode::Confirm(_), _) => {
            return vec![
                KeyHelp::main("y / Enter", "remove"),
                KeyHelp::main("n / Esc", "keep"),
            ];
        }
        (Mode::Reports(round), _) => return super::reports::keys(round),
        (Mode::Reminder(_), _) => {
            return vec![
                KeyHelp::main("Enter", "set the reminder"),
                KeyHelp::main("Esc", "cancel"),
            ];
        }
        (Mode::Swap(_), _) => vec![
            KeyHelp::main("Enter", "swap with this one").edits(),
            KeyHelp::main("Esc", "cancel"),
            KeyHelp::main("←↑↓→", "choose the other issue"),
        ],
        (Mode::Carry(_), _) => vec![
            KeyHelp::main("Enter", "put here"),
            KeyHelp::main("Esc", "cancel"),
            KeyHelp::main("←↑↓→", "choose a cell"),
        ],
        (Mode::Browse, Focus::Grid) => vec![
            KeyHelp::main("Enter", "place/move").edits(),
            KeyHelp::main("Space", "list"),
            KeyHelp::more("←↑↓→ / hjkl", "move the cursor"),
            KeyHelp::more("p", "place the chosen issue").edits(),
            KeyHelp::more("m", "pick up to move").edits(),
            KeyHelp::main("s", "swap with another").edits(),
            KeyHelp::more("x", "unplace (to the list)").edits(),
            KeyHelp::more("c", "did not take place").edits(),
        ],
        (Mode::Browse, Focus::List) => vec![
            KeyHelp::main("Enter", "pick up").edits(),
            KeyHelp::main("Space", "wall"),
            KeyHelp::main("↑↓", "choose"),
            KeyHelp::more("p", "pick it up to place").edits(),
            KeyHelp::more("Esc", "back to the wall"),
        ],
    };
    if matches!(p.mode, Mode::Browse) {
        keys.extend(WALL_KEYS);
    }
    keys.extend(TIMER_KEYS);
    keys.push(KeyHelp::more("mouse", "click chooses, wheel scrolls"));
    keys.push(KeyHelp::more("f, then ←→", "whole wall, by page"));
    keys
}
