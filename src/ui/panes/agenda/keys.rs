//! The Agenda pane's keys, by what has the focus: the wall, the unplaced list, an issue
//! being carried or swapped; then the wall's own keys (Browse only), the timer, and notes
//! that name no key of the pane. Help lists them in that order.

use crate::ui::keys::{Actions, Binding, Key, Keymap};
use ratatui::crossterm::event::KeyCode;

/// A move of the cursor (or of the chosen row of the list).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Left,
    Right,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
}

impl Dir {
    /// As a step in (columns, rows).
    pub fn step(self) -> (isize, isize) {
        match self {
            Dir::Left => (-1, 0),
            Dir::Right => (1, 0),
            Dir::Up => (0, -1),
            Dir::Down => (0, 1),
            Dir::PageUp => (0, -5),
            Dir::PageDown => (0, 5),
            Dir::Home => (-1000, 0),
            Dir::End => (1000, 0),
        }
    }
}

/// The wall has the focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridAction {
    PlaceOrMove,
    ToList,
    Move(Dir),
    Place,
    PickUp,
    Swap,
    Unplace,
    Cancelled,
}

/// The unplaced list has the focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListAction {
    PickUp,
    ToWall,
    Move(Dir),
    Place,
    Back,
}

/// An issue picked up, on its way to a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CarryAction {
    Put,
    Cancel,
    Move(Dir),
}

/// A placed issue chosen to trade places with another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwapAction {
    Swap,
    Cancel,
    Move(Dir),
}

/// Changing the wall itself, while browsing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WallAction {
    AddSpace,
    AddSlot,
    RenameSpace,
    EditSlot,
    RemoveSpace,
    RemoveSlot,
    Reports,
    Reminder,
}

/// The countdown for the breakout under way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerAction {
    StartPause,
    Reset,
    /// Five minutes more (true) or less.
    Adjust(bool),
}

/// Help that names no key: the mouse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Note {}

/// Turning the pages of the whole wall in present mode (`f` being the app's key).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageAction {
    /// The next page (true) or the one before.
    Turn(bool),
}

impl Actions for GridAction {
    const TABLE: &'static [Binding<GridAction>] = &[
        Binding {
            label: "Enter",
            help: "place/move",
            main: true,
            edits: true,
            keys: &[(Key::code(KeyCode::Enter), GridAction::PlaceOrMove)],
        },
        Binding {
            label: "Space",
            help: "list",
            main: true,
            edits: false,
            keys: &[(Key::char(' '), GridAction::ToList)],
        },
        Binding {
            label: "←↑↓→ / hjkl",
            help: "move the cursor",
            main: false,
            edits: false,
            keys: &[
                (Key::code(KeyCode::Left), GridAction::Move(Dir::Left)),
                (Key::char('h'), GridAction::Move(Dir::Left)),
                (Key::code(KeyCode::Right), GridAction::Move(Dir::Right)),
                (Key::char('l'), GridAction::Move(Dir::Right)),
                (Key::code(KeyCode::Up), GridAction::Move(Dir::Up)),
                (Key::char('k'), GridAction::Move(Dir::Up)),
                (Key::code(KeyCode::Down), GridAction::Move(Dir::Down)),
                (Key::char('j'), GridAction::Move(Dir::Down)),
                (Key::code(KeyCode::PageUp), GridAction::Move(Dir::PageUp)),
                (
                    Key::code(KeyCode::PageDown),
                    GridAction::Move(Dir::PageDown),
                ),
                (Key::code(KeyCode::Home), GridAction::Move(Dir::Home)),
                (Key::code(KeyCode::End), GridAction::Move(Dir::End)),
            ],
        },
        Binding {
            label: "p",
            help: "place the chosen issue",
            main: false,
            edits: true,
            keys: &[(Key::char('p'), GridAction::Place)],
        },
        Binding {
            label: "m",
            help: "pick up to move",
            main: false,
            edits: true,
            keys: &[(Key::char('m'), GridAction::PickUp)],
        },
        Binding {
            label: "s",
            help: "swap with another",
            main: true,
            edits: true,
            keys: &[(Key::char('s'), GridAction::Swap)],
        },
        Binding {
            label: "x",
            help: "unplace (to the list)",
            main: false,
            edits: true,
            keys: &[(Key::char('x'), GridAction::Unplace)],
        },
        Binding {
            label: "c",
            help: "did not take place",
            main: false,
            edits: true,
            keys: &[(Key::char('c'), GridAction::Cancelled)],
        },
    ];
}

impl Actions for ListAction {
    const TABLE: &'static [Binding<ListAction>] = &[
        Binding {
            label: "Enter",
            help: "pick up",
            main: true,
            edits: true,
            keys: &[(Key::code(KeyCode::Enter), ListAction::PickUp)],
        },
        Binding {
            label: "Space",
            help: "wall",
            main: true,
            edits: false,
            keys: &[(Key::char(' '), ListAction::ToWall)],
        },
        Binding {
            label: "↑↓",
            help: "choose",
            main: true,
            edits: false,
            keys: &[
                (Key::code(KeyCode::Left), ListAction::Move(Dir::Left)),
                (Key::char('h'), ListAction::Move(Dir::Left)),
                (Key::code(KeyCode::Right), ListAction::Move(Dir::Right)),
                (Key::char('l'), ListAction::Move(Dir::Right)),
                (Key::code(KeyCode::Up), ListAction::Move(Dir::Up)),
                (Key::char('k'), ListAction::Move(Dir::Up)),
                (Key::code(KeyCode::Down), ListAction::Move(Dir::Down)),
                (Key::char('j'), ListAction::Move(Dir::Down)),
                (Key::code(KeyCode::PageUp), ListAction::Move(Dir::PageUp)),
                (
                    Key::code(KeyCode::PageDown),
                    ListAction::Move(Dir::PageDown),
                ),
                (Key::code(KeyCode::Home), ListAction::Move(Dir::Home)),
                (Key::code(KeyCode::End), ListAction::Move(Dir::End)),
            ],
        },
        Binding {
            label: "p",
            help: "pick it up to place",
            main: false,
            edits: true,
            keys: &[(Key::char('p'), ListAction::Place)],
        },
        Binding {
            label: "Esc",
            help: "back to the wall",
            main: false,
            edits: false,
            keys: &[(Key::code(KeyCode::Esc), ListAction::Back)],
        },
    ];
}

impl Actions for CarryAction {
    const TABLE: &'static [Binding<CarryAction>] = &[
        Binding {
            label: "Enter",
            help: "put here",
            main: true,
            edits: false,
            keys: &[
                (Key::code(KeyCode::Enter), CarryAction::Put),
                (Key::char('p'), CarryAction::Put),
                (Key::char('m'), CarryAction::Put),
            ],
        },
        Binding {
            label: "Esc",
            help: "cancel",
            main: true,
            edits: false,
            keys: &[(Key::code(KeyCode::Esc), CarryAction::Cancel)],
        },
        Binding {
            label: "←↑↓→",
            help: "choose a cell",
            main: true,
            edits: false,
            keys: &[
                (Key::code(KeyCode::Left), CarryAction::Move(Dir::Left)),
                (Key::char('h'), CarryAction::Move(Dir::Left)),
                (Key::code(KeyCode::Right), CarryAction::Move(Dir::Right)),
                (Key::char('l'), CarryAction::Move(Dir::Right)),
                (Key::code(KeyCode::Up), CarryAction::Move(Dir::Up)),
                (Key::char('k'), CarryAction::Move(Dir::Up)),
                (Key::code(KeyCode::Down), CarryAction::Move(Dir::Down)),
                (Key::char('j'), CarryAction::Move(Dir::Down)),
                (Key::code(KeyCode::PageUp), CarryAction::Move(Dir::PageUp)),
                (
                    Key::code(KeyCode::PageDown),
                    CarryAction::Move(Dir::PageDown),
                ),
                (Key::code(KeyCode::Home), CarryAction::Move(Dir::Home)),
                (Key::code(KeyCode::End), CarryAction::Move(Dir::End)),
            ],
        },
    ];
}

impl Actions for SwapAction {
    const TABLE: &'static [Binding<SwapAction>] = &[
        Binding {
            label: "Enter",
            help: "swap with this one",
            main: true,
            edits: true,
            keys: &[
                (Key::code(KeyCode::Enter), SwapAction::Swap),
                (Key::char('s'), SwapAction::Swap),
            ],
        },
        Binding {
            label: "Esc",
            help: "cancel",
            main: true,
            edits: false,
            keys: &[(Key::code(KeyCode::Esc), SwapAction::Cancel)],
        },
        Binding {
            label: "←↑↓→",
            help: "choose the other issue",
            main: true,
            edits: false,
            keys: &[
                (Key::code(KeyCode::Left), SwapAction::Move(Dir::Left)),
                (Key::char('h'), SwapAction::Move(Dir::Left)),
                (Key::code(KeyCode::Right), SwapAction::Move(Dir::Right)),
                (Key::char('l'), SwapAction::Move(Dir::Right)),
                (Key::code(KeyCode::Up), SwapAction::Move(Dir::Up)),
                (Key::char('k'), SwapAction::Move(Dir::Up)),
                (Key::code(KeyCode::Down), SwapAction::Move(Dir::Down)),
                (Key::char('j'), SwapAction::Move(Dir::Down)),
                (Key::code(KeyCode::PageUp), SwapAction::Move(Dir::PageUp)),
                (
                    Key::code(KeyCode::PageDown),
                    SwapAction::Move(Dir::PageDown),
                ),
                (Key::code(KeyCode::Home), SwapAction::Move(Dir::Home)),
                (Key::code(KeyCode::End), SwapAction::Move(Dir::End)),
            ],
        },
    ];
}

impl Actions for WallAction {
    const TABLE: &'static [Binding<WallAction>] = &[
        Binding {
            label: "a/A",
            help: "add space/slot",
            main: true,
            edits: true,
            keys: &[
                (Key::char('a'), WallAction::AddSpace),
                (Key::char('A'), WallAction::AddSlot),
            ],
        },
        Binding {
            label: "r/R",
            help: "rename space/edit slot",
            main: false,
            edits: true,
            keys: &[
                (Key::char('r'), WallAction::RenameSpace),
                (Key::char('R'), WallAction::EditSlot),
            ],
        },
        Binding {
            label: "d/D",
            help: "remove space/slot",
            main: false,
            edits: true,
            keys: &[
                (Key::char('d'), WallAction::RemoveSpace),
                (Key::char('D'), WallAction::RemoveSlot),
            ],
        },
        Binding {
            label: "b",
            help: "report round of the slot",
            main: false,
            edits: true,
            keys: &[(Key::char('b'), WallAction::Reports)],
        },
        Binding {
            label: "L",
            help: "report reminder",
            main: false,
            edits: true,
            keys: &[(Key::char('L'), WallAction::Reminder)],
        },
    ];
}

// The timer is a tool of the live day: replay has none, so it lists with the edits.
impl Actions for TimerAction {
    const TABLE: &'static [Binding<TimerAction>] = &[
        Binding {
            label: "t/T",
            help: "timer start-pause/reset",
            main: true,
            edits: true,
            keys: &[
                (Key::char('t'), TimerAction::StartPause),
                (Key::char('T'), TimerAction::Reset),
            ],
        },
        Binding {
            label: "+ / -",
            help: "timer ±5 minutes",
            main: false,
            edits: true,
            keys: &[
                (Key::char('+'), TimerAction::Adjust(true)),
                (Key::char('='), TimerAction::Adjust(true)),
                (Key::char('-'), TimerAction::Adjust(false)),
                (Key::char('_'), TimerAction::Adjust(false)),
            ],
        },
    ];
}

impl Actions for Note {
    const TABLE: &'static [Binding<Note>] = &[Binding {
        label: "mouse",
        help: "click chooses, wheel scrolls",
        main: false,
        edits: false,
        keys: &[],
    }];
}

impl Actions for PageAction {
    const TABLE: &'static [Binding<PageAction>] = &[Binding {
        label: "f, then ←→",
        help: "whole wall, by page",
        main: false,
        edits: false,
        keys: &[
            (Key::code(KeyCode::Right), PageAction::Turn(true)),
            (Key::code(KeyCode::Down), PageAction::Turn(true)),
            (Key::code(KeyCode::PageDown), PageAction::Turn(true)),
            (Key::char(' '), PageAction::Turn(true)),
            (Key::code(KeyCode::Left), PageAction::Turn(false)),
            (Key::code(KeyCode::Up), PageAction::Turn(false)),
            (Key::code(KeyCode::PageUp), PageAction::Turn(false)),
        ],
    }];
}

/// The pane's tables in force.
#[derive(Default)]
pub struct Keys {
    pub grid: Keymap<GridAction>,
    pub list: Keymap<ListAction>,
    pub carry: Keymap<CarryAction>,
    pub swap: Keymap<SwapAction>,
    pub wall: Keymap<WallAction>,
    pub timer: Keymap<TimerAction>,
    pub notes: Keymap<Note>,
    pub pages: Keymap<PageAction>,
}
