//! The Issues list's keys: one row each for dispatch, the status bar, help and replay.

use crate::ui::keys::{Actions, Binding, Key, Nav};
use ratatui::crossterm::event::KeyCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Add,
    Open,
    Filter,
    Edit,
    Delete,
    Merge,
    Move(Nav),
    ClearFilter,
}

impl Actions for Action {
    const TABLE: &'static [Binding<Action>] = &[
        Binding {
            label: "a",
            help: "add",
            main: true,
            edits: true,
            keys: &[(Key::char('a'), Action::Add)],
        },
        Binding {
            label: "Enter",
            help: "open",
            main: true,
            edits: false,
            keys: &[(Key::code(KeyCode::Enter), Action::Open)],
        },
        Binding {
            label: "/",
            help: "filter",
            main: true,
            edits: false,
            keys: &[(Key::char('/'), Action::Filter)],
        },
        Binding {
            label: "e",
            help: "edit the issue and its report",
            main: false,
            edits: true,
            keys: &[(Key::char('e'), Action::Edit)],
        },
        Binding {
            label: "d",
            help: "delete (u undoes)",
            main: false,
            edits: true,
            keys: &[(Key::char('d'), Action::Delete)],
        },
        Binding {
            label: "m",
            help: "merge into another issue",
            main: false,
            edits: true,
            keys: &[(Key::char('m'), Action::Merge)],
        },
        Binding {
            label: "↑↓ PgUp PgDn",
            help: "move; the mouse wheel scrolls",
            main: false,
            edits: false,
            keys: &[
                (Key::code(KeyCode::Up), Action::Move(Nav::Up)),
                (Key::code(KeyCode::Down), Action::Move(Nav::Down)),
                (Key::code(KeyCode::PageUp), Action::Move(Nav::PageUp)),
                (Key::code(KeyCode::PageDown), Action::Move(Nav::PageDown)),
            ],
        },
        Binding {
            label: "Home / End",
            help: "first / last issue",
            main: false,
            edits: false,
            keys: &[
                (Key::code(KeyCode::Home), Action::Move(Nav::Home)),
                (Key::code(KeyCode::End), Action::Move(Nav::End)),
            ],
        },
        Binding {
            label: "Esc",
            help: "clear the filter",
            main: false,
            edits: false,
            keys: &[(Key::code(KeyCode::Esc), Action::ClearFilter)],
        },
    ];
}
