//! Removing a space or a slot. An empty one goes at once; one that holds issues first asks,
//! since its issues go back to the unplaced list (the domain does that, and undo restores).

use super::{AgendaPane, Mode, Removal};
use crate::model::commands;
use crate::ui::pane::{Cx, Handled};
use crate::ui::text;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

pub(super) fn remove_space(p: &mut AgendaPane, cx: &mut Cx) {
    let s = cx.session();
    let Some(space) = s.spaces.values().nth(p.col) else {
        cx.error("No space to remove");
        return;
    };
    let held = s
        .active_issues()
        .filter(|i| i.placement.is_some_and(|pl| pl.space == space.id))
        .count();
    let name = text::clean(&space.name).into_owned();
    ask(
        p,
        cx,
        held,
        Removal {
            change: commands::remove_space(space.id),
            question: format!("Remove the space \"{name}\"?"),
            done: format!("Removed the space \"{name}\""),
        },
    );
}

pub(super) fn remove_slot(p: &mut AgendaPane, cx: &mut Cx) {
    let s = cx.session();
    let Some(slot) = s.slots_in_order().get(p.row).copied() else {
        cx.error("No slot to remove");
        return;
    };
    let held = s
        .active_issues()
        .filter(|i| i.placement.is_some_and(|pl| pl.slot == slot.id))
        .count();
    let name = text::clean(&slot.label).into_owned();
    ask(
        p,
        cx,
        held,
        Removal {
            change: commands::remove_slot(slot.id),
            question: format!("Remove the slot \"{name}\"?"),
            done: format!("Removed the slot \"{name}\""),
        },
    );
}

/// An empty space or slot goes at once (undo brings it back); one holding issues asks first.
fn ask(p: &mut AgendaPane, cx: &mut Cx, held: usize, mut removal: Removal) {
    if held == 0 {
        if cx.record(removal.change) {
            cx.info(format!("{} (u undoes)", removal.done));
        }
        return;
    }
    let issues = if held == 1 {
        "Its issue goes".to_string()
    } else {
        format!("Its {held} issues go")
    };
    removal.question = format!("{} {issues} back to the unplaced list.", removal.question);
    let back = if held == 1 {
        "1 issue".to_string()
    } else {
        format!("{held} issues")
    };
    removal.done = format!("{}: {back} back to the unplaced list", removal.done);
    p.mode = Mode::Confirm(removal);
}

pub(super) fn confirm(p: &mut AgendaPane, key: KeyEvent, cx: &mut Cx) -> Handled {
    match key.code {
        KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter => {
            if let Mode::Confirm(removal) = std::mem::replace(&mut p.mode, Mode::Browse)
                && cx.record(removal.change)
            {
                cx.info(format!("{} (u undoes)", removal.done));
            }
        }
        KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => {
            p.mode = Mode::Browse;
            cx.info("Nothing removed");
        }
        _ => {}
    }
    Handled::Yes
}
