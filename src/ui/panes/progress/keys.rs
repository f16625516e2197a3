//! The Progress pane's keys: one row each for dispatch, the status bar, help and replay.
//!
//! None is marked as changing the session, as it never was: replay lists them and refuses
//! only when a change is recorded.

use crate::model::StepStatus;
use crate::ui::keys::{Actions, Binding, Key, Nav, vi_moves};
use ratatui::crossterm::event::KeyCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Move(Nav),
    Status(StepStatus),
    Note,
    Due,
    Owner,
    NewStep,
    NewPriority,
    Present,
}

impl Actions for Action {
    const TABLE: &'static [Binding<Action>] = &[
        Binding {
            label: "↑↓",
            help: "choose",
            main: true,
            edits: false,
            keys: vi_moves!(Action::Move),
        },
        Binding {
            label: "d/w/s/x",
            help: "done, under way, stuck, dropped",
            main: true,
            edits: false,
            keys: &[
                (Key::char('d'), Action::Status(StepStatus::Done)),
                (Key::char('w'), Action::Status(StepStatus::UnderWay)),
                (Key::char('s'), Action::Status(StepStatus::Stuck)),
                (Key::char('x'), Action::Status(StepStatus::Dropped)),
            ],
        },
        Binding {
            label: "n",
            help: "not started",
            main: false,
            edits: false,
            keys: &[(Key::char('n'), Action::Status(StepStatus::NotStarted))],
        },
        Binding {
            label: "Enter",
            help: "progress note",
            main: true,
            edits: false,
            keys: &[
                (Key::code(KeyCode::Enter), Action::Note),
                (Key::char('e'), Action::Note),
            ],
        },
        Binding {
            label: "t",
            help: "new due date",
            main: false,
            edits: false,
            keys: &[(Key::char('t'), Action::Due)],
        },
        Binding {
            label: "o",
            help: "new owner",
            main: false,
            edits: false,
            keys: &[(Key::char('o'), Action::Owner)],
        },
        Binding {
            label: "a",
            help: "add a next step to this priority",
            main: false,
            edits: false,
            keys: &[(Key::char('a'), Action::NewStep)],
        },
        Binding {
            label: "p",
            help: "add a priority",
            main: false,
            edits: false,
            keys: &[(Key::char('p'), Action::NewPriority)],
        },
        // The app's own `f`, listed here because the review is what the room looks at.
        Binding {
            label: "f",
            help: "present the review to the room",
            main: false,
            edits: false,
            keys: &[(Key::char('f'), Action::Present)],
        },
    ];
}
