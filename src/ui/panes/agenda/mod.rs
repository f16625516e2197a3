//! The Agenda pane: the wall of spaces (columns) by time slots (rows) where issues are
//! placed, the issues still waiting for a place, and a countdown for the breakout under way.
//! Keys are handled in `input` (and `removal`, `edit` for the forms); drawing is in `grid`,
//! `cell`, `list` and `present`; `help` lists the keys.

mod band;
mod cell;
mod clock;
mod edit;
mod grid;
mod help;
mod input;
pub(super) mod keys;
mod list;
mod present;
mod reminder;
mod removal;
mod reports;
mod timer;
mod wall;
mod wrap;

use crate::model::{Change, Issue, IssueId, Placement, Session, Slot, Space};
use crate::ui::pane::{Cx, Handled, KeyHelp, Pane, View};
use chrono::{DateTime, FixedOffset, Timelike};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyEvent, MouseEvent};
use ratatui::layout::Rect;
use timer::{Phase, Timer};

/// Where the arrow keys go: the wall, or the list of issues waiting for a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Focus {
    Grid,
    List,
}

enum Mode {
    Browse,
    /// An issue picked up (from the list, or from its cell to move it) on its way to a cell.
    Carry(IssueId),
    Form(Box<edit::Form>),
    /// A removal that would send issues back to the list waits for a yes.
    Confirm(Removal),
    /// A placed issue chosen to swap places with another.
    Swap(IssueId),
    /// The report round of a slot.
    Reports(Box<reports::Round>),
    /// The report reminder's lead time being typed.
    Reminder(Box<crate::ui::widgets::Field>),
}

struct Removal {
    change: Change,
    question: String,
    done: String,
}

pub struct AgendaPane {
    /// The cursor cell: index of the space (column) and of the slot in the order of the day.
    col: usize,
    row: usize,
    /// The chosen row of the unplaced list.
    pick: usize,
    focus: Focus,
    mode: Mode,
    timer: Timer,
    /// The timer's seconds when last drawn, so the clock redraws only when it changes.
    shown: i64,
    /// First space, slot and unplaced row drawn: moved only to keep the cursors in view.
    col_offset: usize,
    row_offset: usize,
    list_offset: usize,
    /// Where things were last drawn, for the mouse and for arrows that leave the grid.
    geo: grid::Geometry,
    /// The page of the wall the room sees in present mode, when it takes several.
    pages: wall::Pages,
    keys: keys::Keys,
}

impl Default for AgendaPane {
    fn default() -> AgendaPane {
        AgendaPane {
            col: 0,
            row: 0,
            pick: 0,
            focus: Focus::Grid,
            mode: Mode::Browse,
            timer: Timer::default(),
            shown: -1,
            col_offset: 0,
            row_offset: 0,
            list_offset: 0,
            geo: grid::Geometry::default(),
            pages: wall::Pages::default(),
            keys: keys::Keys::default(),
        }
    }
}

/// The session as the wall shows it: columns, rows in the order of the day, the waiting list.
struct Wall<'a> {
    spaces: Vec<&'a Space>,
    slots: Vec<&'a Slot>,
    unplaced: Vec<&'a Issue>,
}

impl<'a> Wall<'a> {
    fn of(session: &'a Session) -> Wall<'a> {
        Wall {
            spaces: session.spaces.values().collect(),
            slots: session.slots_in_order(),
            unplaced: session
                .active_issues()
                .filter(|i| i.placement.is_none())
                .collect(),
        }
    }

    fn place(&self, col: usize, row: usize) -> Option<Placement> {
        Some(Placement {
            space: self.spaces.get(col)?.id,
            slot: self.slots.get(row)?.id,
        })
    }
}

impl AgendaPane {
    /// The cursor clamped to the wall as it is now (spaces and slots come and go).
    fn clamp(&mut self, wall: &Wall) {
        self.col = self.col.min(wall.spaces.len().saturating_sub(1));
        self.row = self.row.min(wall.slots.len().saturating_sub(1));
        self.pick = self.pick.min(wall.unplaced.len().saturating_sub(1));
    }

    /// Seconds a timer reset gives now: what is left of the running slot, or the default.
    fn fresh(session: &Session, now: DateTime<FixedOffset>) -> i64 {
        let t = now.time().with_nanosecond(0).unwrap_or(now.time());
        clock::seconds_left(&session.slots_in_order(), t).unwrap_or(timer::DEFAULT_SECONDS)
    }
}

impl Pane for AgendaPane {
    fn key(&mut self, key: KeyEvent, cx: &mut Cx) -> Handled {
        input::key(self, key, cx)
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Handled {
        match &mut self.mode {
            Mode::Form(form) => form.paste(text),
            Mode::Reports(round) => round.editor_paste(text),
            Mode::Reminder(field) => field.paste(text),
            _ => return Handled::No,
        }
        Handled::Yes
    }

    fn mouse(&mut self, event: MouseEvent, _area: Rect, cx: &mut Cx) -> Handled {
        input::mouse(self, event, cx)
    }

    fn tick(&mut self, cx: &mut Cx) -> bool {
        if self.timer.tick(cx.now) {
            *cx.bell = true;
            cx.error("Time is up for this breakout (T resets, + gives five more minutes)");
            return true;
        }
        if self.timer.phase() != Phase::Running {
            return false;
        }
        let left = self.timer.left(cx.now, 0);
        std::mem::replace(&mut self.shown, left) != left
    }

    fn capturing(&self) -> bool {
        matches!(
            self.mode,
            Mode::Form(_) | Mode::Confirm(_) | Mode::Reports(_) | Mode::Reminder(_)
        )
    }

    fn unsaved(&self) -> bool {
        matches!(&self.mode, Mode::Form(form) if form.edited())
    }

    fn discard(&mut self) {
        if let Mode::Form(_) = self.mode {
            self.mode = Mode::Browse;
        }
    }

    fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        if let Mode::Reports(round) = &mut self.mode {
            reports::render(round, area, buf, view);
            return;
        }
        grid::render(self, area, buf, view);
        if let Mode::Reminder(field) = &mut self.mode {
            reports::render_reminder(field, area, buf, view);
        }
    }

    fn render_present(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        wall::render(self, area, buf, view);
    }

    fn present_opened(&mut self) {
        self.pages.restart();
    }

    fn present_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Handled {
        let by = match self.keys.pages.find(&key) {
            Some((_, keys::PageAction::Turn(true))) => 1,
            Some((_, keys::PageAction::Turn(false))) => -1,
            None => return Handled::No,
        };
        let count = cx.session().slots.len();
        self.pages.turn(by, count, cx.now);
        Handled::Yes
    }

    fn keys(&self) -> Vec<KeyHelp> {
        help::keys(self)
    }
}
