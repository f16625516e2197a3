//! The Opening pane's keys on its welcome screen (the roster has its own).

use crate::ui::keys::{Actions, Binding, Key};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    EditTheme,
    Participants,
}

impl Actions for Action {
    const TABLE: &'static [Binding<Action>] = &[
        Binding {
            label: "e",
            help: "edit theme",
            main: true,
            edits: true,
            keys: &[(Key::char('e'), Action::EditTheme)],
        },
        Binding {
            label: "p",
            help: "participants",
            main: true,
            edits: false,
            keys: &[(Key::char('p'), Action::Participants)],
        },
    ];
}
