//! The pieces every drawing of the wall shares: a band of the grid (a column or a row as
//! drawn), writing clipped text, and scrolling to keep the cursor in view. Apart from the
//! grid, the cells and the list so that each of them can use them without the others.

use crate::ui::paint;
use crate::ui::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// A column or row of the grid as drawn: which space or slot, and where on the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Band {
    pub index: usize,
    pub start: u16,
    pub len: u16,
}

impl Band {
    pub fn holds(&self, at: u16) -> bool {
        at >= self.start && at < self.start.saturating_add(self.len)
    }
}

/// Writes `s` at (x, y) within `clip`, at most `max` columns wide.
pub(super) fn put(buf: &mut Buffer, clip: Rect, x: u16, y: u16, s: &str, max: u16, style: Style) {
    if y < clip.y || y >= clip.bottom() || x < clip.x || x >= clip.right() {
        return;
    }
    let max = max.min(clip.right() - x);
    paint::string(buf, x, y, &text::fit(s, max as usize), max as usize, style);
}

/// The first index to draw so that `cursor` is among the `fit` drawn, moving as little as
/// possible from `offset`.
pub(super) fn scroll(offset: usize, cursor: usize, fit: usize, count: usize) -> usize {
    let mut o = offset.min(count.saturating_sub(fit));
    if cursor < o {
        o = cursor;
    } else if cursor >= o + fit {
        o = cursor + 1 - fit;
    }
    o
}
