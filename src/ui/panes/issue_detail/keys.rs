//! The issue detail's keys while reading (the editor reads raw keys).

use crate::ui::keys::{Actions, Binding, Key, Nav};
use ratatui::crossterm::event::KeyCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Edit,
    Close,
    Scroll(Nav),
}

impl Actions for Action {
    const TABLE: &'static [Binding<Action>] = &[
        Binding {
            label: "e",
            help: "edit the issue and its report",
            main: true,
            edits: true,
            keys: &[(Key::char('e'), Action::Edit)],
        },
        Binding {
            label: "Esc",
            help: "back to the list",
            main: true,
            edits: false,
            keys: &[
                (Key::code(KeyCode::Esc), Action::Close),
                (Key::code(KeyCode::Enter), Action::Close),
                (Key::code(KeyCode::Backspace), Action::Close),
            ],
        },
        Binding {
            label: "↑↓ PgUp PgDn",
            help: "scroll",
            main: false,
            edits: false,
            keys: &[
                (Key::code(KeyCode::Up), Action::Scroll(Nav::Up)),
                (Key::code(KeyCode::Down), Action::Scroll(Nav::Down)),
                (Key::code(KeyCode::PageUp), Action::Scroll(Nav::PageUp)),
                (Key::code(KeyCode::PageDown), Action::Scroll(Nav::PageDown)),
                (Key::code(KeyCode::Home), Action::Scroll(Nav::Home)),
                (Key::code(KeyCode::End), Action::Scroll(Nav::End)),
            ],
        },
    ];
}
