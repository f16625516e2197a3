//! The issues still waiting for a place on the wall. Only the rows that fit are built, so a
//! marketplace of a thousand issues scrolls as fast as one of ten.

use super::band::{put, scroll};
use super::cell::label_of;
use super::{AgendaPane, Focus, Mode, Wall};
use crate::ui::pane::View;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub(super) fn render(p: &mut AgendaPane, area: Rect, buf: &mut Buffer, view: &View, wall: &Wall) {
    let t = view.theme;
    if area.height < 2 || area.width < 12 {
        return;
    }
    let body = if p.geo.list_beside {
        for y in area.y..area.bottom() {
            put(buf, area, area.x, y, "│", 1, t.border);
        }
        Rect {
            x: area.x + 2,
            width: area.width - 2,
            ..area
        }
    } else {
        area
    };
    let focused = p.focus == Focus::List && matches!(p.mode, Mode::Browse);
    let title = format!("Unplaced issues ({})", wall.unplaced.len());
    let title_style = if focused { t.accent } else { t.title };
    put(buf, body, body.x, body.y, &title, body.width, title_style);
    if !focused && !wall.unplaced.is_empty() && matches!(p.mode, Mode::Browse) {
        let hint = "  Space to choose";
        let x = body.x + crate::ui::text::width(&title) as u16;
        put(
            buf,
            body,
            x,
            body.y,
            hint,
            body.right().saturating_sub(x),
            t.dim,
        );
    }
    let rows = Rect {
        y: body.y + 1,
        height: body.height - 1,
        ..body
    };
    p.geo.list = rows;
    if wall.unplaced.is_empty() {
        let empty = if view.session.active_issues().next().is_none() {
            if view.read_only {
                "No issues yet."
            } else {
                "No issues yet: raise them in the Issues pane (press 2)."
            }
        } else {
            "Every issue has a place on the wall."
        };
        put(buf, rows, rows.x, rows.y, empty, rows.width, t.dim);
        return;
    }
    let fit = rows.height as usize;
    p.list_offset = scroll(p.list_offset, p.pick, fit, wall.unplaced.len());
    let carried = match p.mode {
        Mode::Carry(id) => Some(id),
        _ => None,
    };
    for (k, issue) in wall
        .unplaced
        .iter()
        .skip(p.list_offset)
        .take(fit)
        .enumerate()
    {
        let y = rows.y + k as u16;
        let chosen = p.list_offset + k == p.pick;
        let (mark, style) = if carried == Some(issue.id) {
            ("→ ", t.accent)
        } else if chosen && focused {
            ("▶ ", t.selected)
        } else if chosen {
            ("▶ ", t.accent)
        } else {
            ("  ", t.base)
        };
        if chosen && focused {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..rows
                },
                t.selected,
            );
        }
        let line = format!("{mark}{}", label_of(issue.id, &issue.title));
        put(buf, rows, rows.x, y, &line, rows.width, style);
    }
}
