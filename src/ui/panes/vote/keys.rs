//! The Vote pane's keys: one row each for dispatch, the status bar, help and replay.

use crate::ui::keys::{Actions, Binding, Key, Nav, vi_moves};
use ratatui::crossterm::event::KeyCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// A dot on (true) or off the selected issue.
    Dot(bool),
    Jump,
    Count,
    NewRound,
    Tally,
    ByPerson,
    CloseOrReopen,
    Reveal,
    Ranked,
    Move(Nav),
    Breakdown,
    /// The next round (true) or the one before.
    Browse(bool),
    BackToTally,
}

impl Actions for Action {
    const TABLE: &'static [Binding<Action>] = &[
        Binding {
            label: "+/-",
            help: "dot",
            main: true,
            edits: true,
            keys: &[
                (Key::char('+'), Action::Dot(true)),
                (Key::char('-'), Action::Dot(false)),
            ],
        },
        Binding {
            label: "# *",
            help: "go to an issue by number / set its count of dots",
            main: false,
            edits: true,
            keys: &[
                (Key::char('#'), Action::Jump),
                (Key::char('*'), Action::Count),
            ],
        },
        Binding {
            label: "n",
            help: "new round",
            main: true,
            edits: true,
            keys: &[(Key::char('n'), Action::NewRound)],
        },
        Binding {
            label: "t/v",
            help: "tally/by person",
            main: true,
            edits: true,
            keys: &[
                (Key::char('t'), Action::Tally),
                (Key::char('v'), Action::ByPerson),
            ],
        },
        Binding {
            label: "c",
            help: "close/reopen",
            main: true,
            edits: true,
            keys: &[(Key::char('c'), Action::CloseOrReopen)],
        },
        Binding {
            label: "r",
            help: "reveal",
            main: true,
            edits: true,
            keys: &[(Key::char('r'), Action::Reveal)],
        },
        Binding {
            label: "=",
            help: "same as +",
            main: false,
            edits: true,
            keys: &[(Key::char('='), Action::Dot(true))],
        },
        Binding {
            label: "o",
            help: "ranking / ballot order (an open round keeps ballot order while counting)",
            main: false,
            edits: false,
            keys: &[(Key::char('o'), Action::Ranked)],
        },
        Binding {
            label: "↑↓ PgUp PgDn",
            help: "choose an issue",
            main: false,
            edits: false,
            keys: vi_moves!(Action::Move),
        },
        Binding {
            label: "g",
            help: "breakdown by stakeholder group",
            main: false,
            edits: false,
            keys: &[(Key::char('g'), Action::Breakdown)],
        },
        Binding {
            label: "[ ]",
            help: "previous / next round",
            main: false,
            edits: false,
            keys: &[
                (Key::char('['), Action::Browse(false)),
                (Key::char(']'), Action::Browse(true)),
            ],
        },
        Binding {
            label: "Esc",
            help: "back to tally mode",
            main: false,
            edits: true,
            keys: &[(Key::code(KeyCode::Esc), Action::BackToTally)],
        },
    ];

    fn reads_only(self) -> bool {
        // Going to an issue by number changes nothing, as in replay before the tables.
        matches!(self, Action::Jump)
    }
}
