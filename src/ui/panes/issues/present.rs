//! The marketplace on the wall: every issue with its number and convener, large spacing,
//! in two columns on a wide screen, showing the page that holds the selected issue.

use crate::model::IssueId;
use crate::ui::pane::View;
use crate::ui::text;
use crate::ui::widgets::wrap::cell;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

pub fn render(
    shown: &[IssueId],
    selected: Option<IssueId>,
    area: Rect,
    buf: &mut Buffer,
    view: &View,
) {
    let t = view.theme;
    let s = view.session;
    buf.set_style(area, t.base);
    if area.height < 4 || area.width < 10 {
        return;
    }
    let top = if area.height >= 30 { 2 } else { 1 };
    let heading = format!("Issues raised: {}", s.active_issues().count());
    Paragraph::new(Line::styled(heading, t.accent))
        .alignment(Alignment::Center)
        .render(
            Rect {
                y: area.y + top - 1,
                height: 1,
                ..area
            },
            buf,
        );
    let body = Rect {
        x: area.x + 2,
        y: area.y + top + 1,
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(top + 2),
    };
    if shown.is_empty() {
        Paragraph::new(Line::styled("No issues yet", t.title))
            .alignment(Alignment::Center)
            .render(body, buf);
        return;
    }
    let columns: u16 = if body.width >= 150 { 2 } else { 1 };
    let spacing: u16 = if body.height >= 24 { 2 } else { 1 };
    let per_column = (body.height / spacing).max(1) as usize;
    let per_page = per_column * columns as usize;
    let at = selected
        .and_then(|id| shown.iter().position(|s| *s == id))
        .unwrap_or(0);
    let start = at / per_page * per_page;
    let col_w = (body.width - (columns - 1) * 4) / columns;
    let number_w = shown
        .iter()
        .map(|i| i.0.to_string().len())
        .max()
        .unwrap_or(1);
    for (n, id) in shown.iter().enumerate().skip(start).take(per_page) {
        let Some(issue) = s.issues.get(id) else {
            continue;
        };
        let slot = n - start;
        let col = (slot / per_column) as u16;
        let row = (slot % per_column) as u16;
        let r = Rect {
            x: body.x + col * (col_w + 4),
            y: body.y + row * spacing,
            width: col_w,
            height: 1,
        };
        let is_selected = Some(*id) == selected;
        let convener = issue
            .convener
            .map(|c| format!(" — {}", s.participant_name(c)))
            .unwrap_or_default();
        let mark = if is_selected { "▶ " } else { "  " };
        let line = format!("{mark}{:>number_w$}  {}{convener}", id.0, issue.title);
        let style = if is_selected { t.selected } else { t.title };
        buf.set_style(r, style);
        Line::styled(cell(&line, r.width as usize), style).render(r, buf);
    }
    if shown.len() > per_page {
        let pages = shown.len().div_ceil(per_page);
        let note = format!("page {} of {pages}", start / per_page + 1);
        let r = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        Paragraph::new(Line::styled(text::fit(&note, r.width as usize), t.dim))
            .alignment(Alignment::Right)
            .render(r, buf);
    }
}
