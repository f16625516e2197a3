//! The Leads pane's keys: the list of issues, the steps of one issue, and the triage
//! choice, each a table that makes dispatch, the status bar, help and replay's refusals.

use crate::model::Triage;
use crate::ui::keys::{Actions, Binding, Key, Nav, vi_moves};
use ratatui::crossterm::event::KeyCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Lead,
    AddSupporter,
    DropSupporter,
    NextStep,
    Triage,
    Steps,
    Move(Nav),
}

impl Actions for Action {
    const TABLE: &'static [Binding<Action>] = &[
        Binding {
            label: "l",
            help: "lead",
            main: true,
            edits: true,
            keys: &[(Key::char('l'), Action::Lead)],
        },
        Binding {
            label: "s/S",
            help: "supporter +/-",
            main: true,
            edits: true,
            keys: &[
                (Key::char('s'), Action::AddSupporter),
                (Key::char('S'), Action::DropSupporter),
            ],
        },
        Binding {
            label: "n",
            help: "next step",
            main: true,
            edits: true,
            keys: &[(Key::char('n'), Action::NextStep)],
        },
        Binding {
            label: "t",
            help: "triage",
            main: true,
            edits: true,
            keys: &[(Key::char('t'), Action::Triage)],
        },
        Binding {
            label: "Enter",
            help: "steps",
            main: true,
            edits: false,
            keys: &[(Key::code(KeyCode::Enter), Action::Steps)],
        },
        Binding {
            label: "↑↓ PgUp PgDn",
            help: "choose an issue",
            main: false,
            edits: false,
            keys: vi_moves!(Action::Move),
        },
    ];
}

/// Keys while moving among the selected issue's next steps; the issue list's other keys
/// still work underneath.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepAction {
    Change,
    NextStatus,
    Remove,
    Back,
    Move(Nav),
}

impl Actions for StepAction {
    const TABLE: &'static [Binding<StepAction>] = &[
        Binding {
            label: "e",
            help: "change the step",
            main: true,
            edits: true,
            keys: &[
                (Key::char('e'), StepAction::Change),
                (Key::code(KeyCode::Enter), StepAction::Change),
            ],
        },
        Binding {
            label: "Space",
            help: "next status",
            main: true,
            edits: true,
            keys: &[(Key::char(' '), StepAction::NextStatus)],
        },
        Binding {
            label: "d",
            help: "remove",
            main: true,
            edits: true,
            keys: &[
                (Key::char('d'), StepAction::Remove),
                (Key::code(KeyCode::Delete), StepAction::Remove),
            ],
        },
        Binding {
            label: "Esc",
            help: "back to issues",
            main: true,
            edits: false,
            keys: &[(Key::code(KeyCode::Esc), StepAction::Back)],
        },
        Binding {
            label: "↑↓",
            help: "choose a step",
            main: false,
            edits: false,
            keys: vi_moves!(StepAction::Move),
        },
    ];
}

/// The triage choice, open over the list: one key per place in triage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TriageAction {
    Set(Option<Triage>),
    Cancel,
}

impl Actions for TriageAction {
    const TABLE: &'static [Binding<TriageAction>] = &[
        Binding {
            label: "d",
            help: "do it",
            main: true,
            edits: false,
            keys: &[(Key::char('d'), TriageAction::Set(Some(Triage::DoIt)))],
        },
        Binding {
            label: "c",
            help: "clarify it",
            main: true,
            edits: false,
            keys: &[(Key::char('c'), TriageAction::Set(Some(Triage::ClarifyIt)))],
        },
        Binding {
            label: "o",
            help: "another open space",
            main: true,
            edits: false,
            keys: &[(
                Key::char('o'),
                TriageAction::Set(Some(Triage::AnotherOpenSpace)),
            )],
        },
        Binding {
            label: "x",
            help: "not triaged",
            main: true,
            edits: false,
            keys: &[(Key::char('x'), TriageAction::Set(None))],
        },
        Binding {
            label: "Esc",
            help: "cancel",
            main: true,
            edits: false,
            keys: &[(Key::code(KeyCode::Esc), TriageAction::Cancel)],
        },
    ];
}
