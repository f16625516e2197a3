//! Key tables: each command key of a pane written once, with what it does, its help text
//! and whether it changes the session. Dispatch, the status bar, `?` help and replay's
//! read-only refusal are all made from the same rows, so they cannot disagree. Forms and
//! editors that capture typing read raw keys; only command keys live here.
//!
//! A pane keeps a `Keymap` built from its static table. Today that is the defaults; a
//! config file that remaps keys would build a different `Keymap` at startup and hand it
//! to the pane, without the pane's dispatch changing.

use super::pane::{Cx, KeyHelp};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key as a table names it: a key code, the modifiers it needs held and those it
/// needs not held. Most keys have always ignored modifiers (a terminal sends `S` with or
/// without Shift), so they need neither; the few that tell Ctrl or Shift apart say so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub with: KeyModifiers,
    pub without: KeyModifiers,
}

impl Key {
    pub const fn char(c: char) -> Key {
        Key::code(KeyCode::Char(c))
    }
    pub const fn code(code: KeyCode) -> Key {
        Key {
            code,
            with: KeyModifiers::NONE,
            without: KeyModifiers::NONE,
        }
    }
    /// Only with Control held.
    pub const fn ctrl(c: char) -> Key {
        Key {
            with: KeyModifiers::CONTROL,
            ..Key::char(c)
        }
    }
    /// Only without Control, so that Ctrl with the same letter stays free.
    pub const fn bare(c: char) -> Key {
        Key {
            without: KeyModifiers::CONTROL,
            ..Key::char(c)
        }
    }
    /// Only with Shift held.
    pub const fn shift(code: KeyCode) -> Key {
        Key {
            with: KeyModifiers::SHIFT,
            ..Key::code(code)
        }
    }
    /// Only without Shift, so that Shift with the same key stays free.
    pub const fn unshifted(code: KeyCode) -> Key {
        Key {
            without: KeyModifiers::SHIFT,
            ..Key::code(code)
        }
    }

    pub fn matches(&self, key: &KeyEvent) -> bool {
        self.code == key.code
            && key.modifiers.contains(self.with)
            && !key.modifiers.intersects(self.without)
    }

    /// Whether one press could match both keys.
    pub fn overlaps(&self, other: &Key) -> bool {
        self.code == other.code
            && !self.with.intersects(other.without)
            && !other.with.intersects(self.without)
    }
}

/// One row of a key table: one line of help, and the key or keys it stands for. A row may
/// bind several keys to different actions when help reads them as one ("+/-", "[ ]").
#[derive(Debug, PartialEq, Eq)]
pub struct Binding<A: 'static> {
    /// The keys as help and the status bar show them.
    pub label: &'static str,
    pub help: &'static str,
    /// Shown in the status bar too, not only in help.
    pub main: bool,
    /// Changes the session (or opens a form that does): refused in replay, and left out
    /// of replay's help and status bar.
    pub edits: bool,
    pub keys: &'static [(Key, A)],
}

impl<A> Binding<A> {
    pub fn key_help(&self) -> KeyHelp {
        KeyHelp {
            keys: self.label,
            what: self.help,
            main: self.main,
            edits: self.edits,
        }
    }
}

/// A pane's actions, with the table of their default keys.
pub trait Actions: Copy + 'static {
    const TABLE: &'static [Binding<Self>];

    /// An action that only reads, on a row whose other keys edit (Vote's `#` goes to an
    /// issue, its `*` sets a count): it still works in replay, though replay's help leaves
    /// the row out.
    fn reads_only(self) -> bool {
        false
    }
}

/// The keys in force for one table: the defaults, or (once there is a config file) rows
/// made at startup with some keys swapped. Those live for the whole run, which is why the
/// rows are `'static`: a reader of the config can leak the few it builds once.
pub struct Keymap<A: 'static> {
    rows: &'static [Binding<A>],
}

impl<A> Keymap<A> {
    pub const fn new(rows: &'static [Binding<A>]) -> Keymap<A> {
        Keymap { rows }
    }
}

impl<A: Actions> Default for Keymap<A> {
    fn default() -> Self {
        Keymap::new(A::TABLE)
    }
}

/// What a key press comes to in a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press<A> {
    Act(A),
    /// The key would change the session and the session is read-only: the notice says so.
    Refused,
    /// Not a key of this table.
    Unbound,
}

impl<A: Actions> Keymap<A> {
    /// The row and action a key press stands for, if any.
    pub fn find(&self, key: &KeyEvent) -> Option<(&'static Binding<A>, A)> {
        self.rows.iter().find_map(|row| {
            row.keys
                .iter()
                .find(|(k, _)| k.matches(key))
                .map(|(_, a)| (row, *a))
        })
    }

    /// The action of a key press, with replay's refusal of keys that change the session
    /// made here once for every pane.
    pub fn press(&self, key: &KeyEvent, cx: &mut Cx) -> Press<A> {
        self.press_when(key, cx, |_| true)
    }

    /// As `press`, for a pane with actions that only apply in some states (Esc clearing a
    /// filter only when there is one): an action that does not apply now leaves the key
    /// unbound, so it falls through to the app as it would without the row.
    pub fn press_when(&self, key: &KeyEvent, cx: &mut Cx, live: impl Fn(A) -> bool) -> Press<A> {
        match self.find(key) {
            Some((_, action)) if !live(action) => Press::Unbound,
            Some((row, action)) if row.edits && !action.reads_only() && !cx.may_edit() => {
                Press::Refused
            }
            Some((_, action)) => Press::Act(action),
            None => Press::Unbound,
        }
    }

    /// The rows as help and the status bar list them, in table order.
    pub fn help(&self) -> Vec<KeyHelp> {
        self.rows.iter().map(Binding::key_help).collect()
    }
}

/// Moves through a list, for panes whose lists move by the same keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
}

impl Nav {
    /// The key `Scroll` knows this move by, so a remapped key still moves a list.
    pub fn code(self) -> KeyCode {
        match self {
            Nav::Up => KeyCode::Up,
            Nav::Down => KeyCode::Down,
            Nav::PageUp => KeyCode::PageUp,
            Nav::PageDown => KeyCode::PageDown,
            Nav::Home => KeyCode::Home,
            Nav::End => KeyCode::End,
        }
    }

    /// How far the move goes in rows, for lists that move by a count.
    pub fn rows(self) -> isize {
        match self {
            Nav::Up => -1,
            Nav::Down => 1,
            Nav::PageUp => -10,
            Nav::PageDown => 10,
            Nav::Home => isize::MIN / 2,
            Nav::End => isize::MAX / 2,
        }
    }
}

/// Checks a table as a test would: every row has help, and no key is bound twice. A row
/// may bind no key: it is a note for help (the mouse).
/// Returns what is wrong, in words.
pub fn faults<A>(rows: &[Binding<A>]) -> Vec<String> {
    let mut out = vec![];
    let keys: Vec<(&Key, &str)> = rows
        .iter()
        .flat_map(|r| r.keys.iter().map(move |(k, _)| (k, r.label)))
        .collect();
    for row in rows {
        if row.label.trim().is_empty() || row.help.trim().is_empty() {
            out.push(format!("row {:?} has no help text", row.label));
        }
    }
    for (i, (a, la)) in keys.iter().enumerate() {
        for (b, lb) in &keys[i + 1..] {
            if a.overlaps(b) {
                out.push(format!("{:?} is bound by both {la:?} and {lb:?}", a.code));
            }
        }
    }
    out
}

/// Which keys of `rows` a press of one of `others` would also match. Ctrl-c is left out:
/// the app takes it before any table is read.
pub fn shared<A, B>(rows: &[Binding<A>], others: &[Binding<B>]) -> Vec<KeyCode> {
    let mut out = vec![];
    for (k, _) in rows.iter().flat_map(|r| r.keys) {
        if others
            .iter()
            .flat_map(|r| r.keys)
            .any(|(o, _)| *o != QUIT_ANYWHERE && k.overlaps(o))
        {
            out.push(k.code);
        }
    }
    out
}

/// The keys every pane shares, read after the pane has had its turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Global {
    /// The nth pane shown (from 0).
    GoTo(usize),
    Next,
    Previous,
    Undo,
    Redo,
    Present,
    Help,
    Quit,
}

/// Quits even while a form captures typing: everything recorded is saved already.
pub const QUIT_ANYWHERE: Key = Key::ctrl('c');

impl Actions for Global {
    const TABLE: &'static [Binding<Global>] = &[
        Binding {
            label: "1–7",
            help: "go to a pane",
            main: false,
            edits: false,
            keys: &[
                (Key::char('1'), Global::GoTo(0)),
                (Key::char('2'), Global::GoTo(1)),
                (Key::char('3'), Global::GoTo(2)),
                (Key::char('4'), Global::GoTo(3)),
                (Key::char('5'), Global::GoTo(4)),
                (Key::char('6'), Global::GoTo(5)),
                (Key::char('7'), Global::GoTo(6)),
            ],
        },
        Binding {
            label: "Tab",
            help: "next pane",
            main: false,
            edits: false,
            keys: &[(Key::code(KeyCode::Tab), Global::Next)],
        },
        Binding {
            label: "Shift-Tab",
            help: "previous pane",
            main: false,
            edits: false,
            keys: &[(Key::code(KeyCode::BackTab), Global::Previous)],
        },
        Binding {
            label: "u",
            help: "undo the last change",
            main: false,
            edits: true,
            keys: &[(Key::bare('u'), Global::Undo)],
        },
        Binding {
            label: "Ctrl-r",
            help: "redo",
            main: false,
            edits: true,
            keys: &[(Key::ctrl('r'), Global::Redo)],
        },
        Binding {
            label: "f",
            help: "present mode on/off",
            main: false,
            edits: false,
            keys: &[(Key::char('f'), Global::Present)],
        },
        Binding {
            label: "?",
            help: "this help",
            main: false,
            edits: false,
            keys: &[(Key::char('?'), Global::Help)],
        },
        Binding {
            label: "q / Ctrl-c",
            help: "quit (all is saved)",
            main: false,
            edits: false,
            keys: &[
                (Key::char('q'), Global::Quit),
                (QUIT_ANYWHERE, Global::Quit),
            ],
        },
    ];
}

/// The keys that move through a list as Leads and Vote take them (arrows, vi's k/j, paging,
/// Home and End), each as `$wrap(Nav::…)` for a pane's own action enum.
macro_rules! vi_moves {
    ($wrap:path) => {
        &[
            (
                $crate::ui::keys::Key::code(KeyCode::Up),
                $wrap($crate::ui::keys::Nav::Up),
            ),
            (
                $crate::ui::keys::Key::char('k'),
                $wrap($crate::ui::keys::Nav::Up),
            ),
            (
                $crate::ui::keys::Key::code(KeyCode::Down),
                $wrap($crate::ui::keys::Nav::Down),
            ),
            (
                $crate::ui::keys::Key::char('j'),
                $wrap($crate::ui::keys::Nav::Down),
            ),
            (
                $crate::ui::keys::Key::code(KeyCode::PageUp),
                $wrap($crate::ui::keys::Nav::PageUp),
            ),
            (
                $crate::ui::keys::Key::code(KeyCode::PageDown),
                $wrap($crate::ui::keys::Nav::PageDown),
            ),
            (
                $crate::ui::keys::Key::code(KeyCode::Home),
                $wrap($crate::ui::keys::Nav::Home),
            ),
            (
                $crate::ui::keys::Key::code(KeyCode::End),
                $wrap($crate::ui::keys::Nav::End),
            ),
        ]
    };
}
pub(crate) use vi_moves;
