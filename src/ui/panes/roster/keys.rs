//! The roster's keys (inside Opening): one row each for dispatch, the status bar, help and
//! replay.

use crate::ui::keys::{Actions, Binding, Key, Nav};
use ratatui::crossterm::event::KeyCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Add,
    Change,
    Remove,
    Import,
    Away,
    Back,
    Move(Nav),
}

impl Actions for Action {
    const TABLE: &'static [Binding<Action>] = &[
        Binding {
            label: "a",
            help: "add people",
            main: true,
            edits: true,
            keys: &[(Key::char('a'), Action::Add)],
        },
        Binding {
            label: "e",
            help: "change",
            main: true,
            edits: true,
            keys: &[
                (Key::char('e'), Action::Change),
                (Key::code(KeyCode::Enter), Action::Change),
            ],
        },
        Binding {
            label: "d",
            help: "remove",
            main: true,
            edits: true,
            keys: &[(Key::char('d'), Action::Remove)],
        },
        Binding {
            label: "i",
            help: "import a names file",
            main: true,
            edits: true,
            keys: &[(Key::char('i'), Action::Import)],
        },
        Binding {
            label: "b",
            help: "away from this follow-up meeting, or back",
            main: false,
            edits: true,
            keys: &[(Key::char('b'), Action::Away)],
        },
        Binding {
            label: "Esc",
            help: "back to the opening",
            main: true,
            edits: false,
            keys: &[
                (Key::code(KeyCode::Esc), Action::Back),
                (Key::char('p'), Action::Back),
            ],
        },
        Binding {
            label: "↑↓ PgUp PgDn",
            help: "move",
            main: false,
            edits: false,
            keys: &[
                (Key::code(KeyCode::Up), Action::Move(Nav::Up)),
                (Key::code(KeyCode::Down), Action::Move(Nav::Down)),
                (Key::code(KeyCode::PageUp), Action::Move(Nav::PageUp)),
                (Key::code(KeyCode::PageDown), Action::Move(Nav::PageDown)),
                (Key::code(KeyCode::Home), Action::Move(Nav::Home)),
                (Key::code(KeyCode::End), Action::Move(Nav::End)),
            ],
        },
    ];
}
