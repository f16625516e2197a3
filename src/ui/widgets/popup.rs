//! A framed box drawn over the pane (confirmations, pickers, forms), centred and clipped
//! to the screen so it never draws outside the buffer.

use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// A `width` × `height` box centred in `area`, shrunk to fit.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clears `area`, draws a titled frame in the accent colour and returns the inside.
pub fn frame(area: Rect, buf: &mut Buffer, theme: &Theme, title: &str) -> Rect {
    Clear.render(area, buf);
    buf.set_style(area, theme.base);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.accent)
        .title(format!(
            " {} ",
            crate::ui::text::fit(title, area.width.saturating_sub(4) as usize)
        ))
        .title_style(theme.accent);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}
