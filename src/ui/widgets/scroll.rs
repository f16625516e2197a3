//! Scrolling for long lists: which rows to build (only the visible ones, so a list of a
//! thousand issues costs what a screenful costs), keeping the selection in view, and the
//! keys and wheel that move through a list.

use ratatui::crossterm::event::KeyCode;

/// How many rows the mouse wheel moves.
pub const WHEEL_STEP: usize = 3;

/// A list's scroll position: the selected row and the first row shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scroll {
    pub selected: usize,
    pub offset: usize,
}

impl Scroll {
    /// Moves the selection by a navigation key (Up, Down, PgUp, PgDn, Home, End).
    /// Returns false for any other key.
    pub fn key(&mut self, code: KeyCode, len: usize, page: usize) -> bool {
        let last = len.saturating_sub(1);
        let page = page.max(1);
        self.selected = match code {
            KeyCode::Up => self.selected.saturating_sub(1),
            KeyCode::Down => (self.selected + 1).min(last),
            KeyCode::PageUp => self.selected.saturating_sub(page),
            KeyCode::PageDown => (self.selected + page).min(last),
            KeyCode::Home => 0,
            KeyCode::End => last,
            _ => return false,
        };
        true
    }

    /// Scrolls the view by the wheel; the selection moves only as far as needed to stay
    /// on screen.
    pub fn wheel(&mut self, down: bool, len: usize, rows: usize) {
        let max_offset = len.saturating_sub(rows.max(1));
        self.offset = if down {
            (self.offset + WHEEL_STEP).min(max_offset)
        } else {
            self.offset.saturating_sub(WHEEL_STEP)
        };
        let rows = rows.max(1);
        self.selected = self
            .selected
            .clamp(self.offset, self.offset + rows - 1)
            .min(len.saturating_sub(1));
    }

    /// Clamps to the list and moves the view so the selection is visible in `rows` rows.
    /// Returns the range of rows to build.
    pub fn fit(&mut self, len: usize, rows: usize) -> std::ops::Range<usize> {
        self.selected = self.selected.min(len.saturating_sub(1));
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.offset = self.offset.min(len.saturating_sub(rows));
        self.offset..(self.offset + rows).min(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_stays_in_view() {
        let mut s = Scroll::default();
        assert!(s.key(KeyCode::End, 1000, 20));
        assert_eq!(s.fit(1000, 20), 980..1000);
        assert!(s.key(KeyCode::PageUp, 1000, 20));
        assert_eq!(s.selected, 979);
        assert_eq!(s.fit(1000, 20), 979..999);
        assert!(s.key(KeyCode::Home, 1000, 20));
        assert_eq!(s.fit(1000, 20), 0..20);
        assert!(!s.key(KeyCode::Char('x'), 1000, 20));
    }

    #[test]
    fn wheel_moves_the_view_and_drags_the_selection() {
        let mut s = Scroll::default();
        s.wheel(true, 100, 10);
        assert_eq!((s.offset, s.selected), (3, 3));
        s.wheel(false, 100, 10);
        assert_eq!((s.offset, s.selected), (0, 3));
        let mut short = Scroll::default();
        short.wheel(true, 4, 10);
        assert_eq!((short.offset, short.selected), (0, 0));
    }

    #[test]
    fn empty_lists_do_not_panic() {
        let mut s = Scroll::default();
        s.key(KeyCode::Down, 0, 5);
        assert_eq!(s.fit(0, 5), 0..0);
    }
}
