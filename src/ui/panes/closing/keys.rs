//! The Closing pane's keys: one row each for dispatch, the status bar, help and replay.

use crate::ui::keys::{Actions, Binding, Key};
use ratatui::crossterm::event::KeyCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Write the proceedings, with the anonymous versions too if true.
    Write(bool),
    WriteReport,
    /// Choose the breakout below (true) or above.
    Pick(bool),
    Present,
    MergeCopy,
}

impl Actions for Action {
    const TABLE: &'static [Binding<Action>] = &[
        Binding {
            label: "x",
            help: "write the proceedings",
            main: true,
            edits: true,
            keys: &[(Key::char('x'), Action::Write(false))],
        },
        Binding {
            label: "X",
            help: "write them with anonymous versions too",
            main: false,
            edits: true,
            keys: &[(Key::char('X'), Action::Write(true))],
        },
        Binding {
            label: "Enter",
            help: "write the chosen missing report",
            main: true,
            edits: true,
            keys: &[(Key::code(KeyCode::Enter), Action::WriteReport)],
        },
        Binding {
            label: "↑↓",
            help: "choose a breakout without a report",
            main: false,
            edits: false,
            keys: &[
                (Key::code(KeyCode::Up), Action::Pick(false)),
                (Key::char('k'), Action::Pick(false)),
                (Key::code(KeyCode::Down), Action::Pick(true)),
                (Key::char('j'), Action::Pick(true)),
            ],
        },
        // The app's own `f`, listed here because presenting is what Closing is for.
        Binding {
            label: "f",
            help: "present the summary to the room",
            main: false,
            edits: false,
            keys: &[(Key::char('f'), Action::Present)],
        },
        Binding {
            label: "M",
            help: "merge a copy in (from another laptop)",
            main: false,
            edits: true,
            keys: &[(Key::char('M'), Action::MergeCopy)],
        },
    ];
}
