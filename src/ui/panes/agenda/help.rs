//! Every key of the Agenda pane, for `?` help and the status bar, as they are right now.

use super::{AgendaPane, Focus, Mode};
use crate::ui::pane::KeyHelp;

const TIMER_KEYS: [KeyHelp; 3] = [
    KeyHelp::main("t", "timer start/pause"),
    KeyHelp::more("T", "timer: reset to time left"),
    KeyHelp::more("+ / -", "timer: 5 minutes more/less"),
];

const WALL_KEYS: [KeyHelp; 5] = [
    KeyHelp::main("a/A", "add space/slot"),
    KeyHelp::more("r", "rename the space (column)"),
    KeyHelp::more("R", "edit the slot (row)"),
    KeyHelp::more("d", "remove the space (column)"),
    KeyHelp::more("D", "remove the slot (row)"),
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
        (Mode::Carry(_), _) => vec![
            KeyHelp::main("Enter", "put here"),
            KeyHelp::main("Esc", "cancel"),
            KeyHelp::main("←↑↓→", "choose a cell"),
        ],
        (Mode::Browse, Focus::Grid) => vec![
            KeyHelp::main("Enter", "place/move"),
            KeyHelp::main("Space", "list"),
            KeyHelp::more("←↑↓→ / hjkl", "move the cursor"),
            KeyHelp::more("p", "place the chosen issue here"),
            KeyHelp::more("m", "pick up the issue to move it"),
            KeyHelp::more("x", "unplace (back to the list)"),
            KeyHelp::more("c", "mark as did not take place"),
        ],
        (Mode::Browse, Focus::List) => vec![
            KeyHelp::main("Enter", "pick up"),
            KeyHelp::main("Space", "wall"),
            KeyHelp::main("↑↓", "choose"),
            KeyHelp::more("p", "pick it up to place"),
            KeyHelp::more("Esc", "back to the wall"),
        ],
    };
    if matches!(p.mode, Mode::Browse) {
        keys.extend(WALL_KEYS);
    }
    keys.extend(TIMER_KEYS);
    keys.push(KeyHelp::more("mouse", "click chooses; wheel scrolls"));
    keys
}
