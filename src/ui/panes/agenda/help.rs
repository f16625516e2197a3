//! Every key of the Agenda pane, for `?` help and the status bar, as they are right now.

use super::{AgendaPane, Focus, Mode};
use crate::ui::pane::KeyHelp;

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
        (Mode::Swap(_), _) => p.keys.swap.help(),
        (Mode::Carry(_), _) => p.keys.carry.help(),
        (Mode::Browse, Focus::Grid) => p.keys.grid.help(),
        (Mode::Browse, Focus::List) => p.keys.list.help(),
    };
    if matches!(p.mode, Mode::Browse) {
        keys.extend(p.keys.wall.help());
    }
    keys.extend(p.keys.timer.help());
    keys.extend(p.keys.notes.help());
    keys.extend(p.keys.pages.help());
    keys
}
