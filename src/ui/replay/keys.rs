//! Replay's own keys, read before the app's: one row each for dispatch, the status bar and
//! help. None changes the session; every key not here goes to the app.

use crate::ui::keys::{Actions, Binding, Key};
use ratatui::crossterm::event::KeyCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    PlayPause,
    /// One event forward (true) or back.
    NextStep(bool),
    /// To the next phase mark (true) or the one before.
    Jump(bool),
    First,
    Last,
    Faster,
    Slower,
    GoToTime,
    Follow,
}

impl Actions for Action {
    const TABLE: &'static [Binding<Action>] = &[
        Binding {
            label: "Space",
            help: "play / pause",
            main: true,
            edits: false,
            keys: &[(Key::char(' '), Action::PlayPause)],
        },
        Binding {
            label: "←→",
            help: "step one event",
            main: true,
            edits: false,
            keys: &[
                (Key::unshifted(KeyCode::Right), Action::NextStep(true)),
                (Key::unshifted(KeyCode::Left), Action::NextStep(false)),
            ],
        },
        Binding {
            label: "Shift-←→",
            help: "jump to a phase mark",
            main: true,
            edits: false,
            keys: &[
                (Key::shift(KeyCode::Right), Action::Jump(true)),
                (Key::shift(KeyCode::Left), Action::Jump(false)),
            ],
        },
        Binding {
            label: "Home / End",
            help: "first / last event",
            main: false,
            edits: false,
            keys: &[
                (Key::code(KeyCode::Home), Action::First),
                (Key::code(KeyCode::End), Action::Last),
            ],
        },
        Binding {
            label: "+/-",
            help: "faster / slower",
            main: true,
            edits: false,
            keys: &[
                (Key::char('+'), Action::Faster),
                (Key::char('='), Action::Faster),
                (Key::char('-'), Action::Slower),
                (Key::char('_'), Action::Slower),
            ],
        },
        Binding {
            label: "g",
            help: "go to a time (HH:MM)",
            main: true,
            edits: false,
            keys: &[(Key::char('g'), Action::GoToTime)],
        },
        // The mouse, and the app's own pane keys: notes for help, read elsewhere.
        Binding {
            label: "click timeline",
            help: "go to that time",
            main: false,
            edits: false,
            keys: &[],
        },
        Binding {
            label: "1–6 / Tab",
            help: "stay on a pane",
            main: false,
            edits: false,
            keys: &[],
        },
        Binding {
            label: "F",
            help: "follow each change's pane",
            main: true,
            edits: false,
            keys: &[(Key::char('F'), Action::Follow)],
        },
    ];
}
