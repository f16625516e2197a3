//! What one cell of the wall shows: a slot's label and times (with "● now"), or a space's
//! issue for that slot, folded to the cell with its convener where there is room, struck
//! and marked when it did not take place.

use super::band::{Band, put};
use super::clock;
use super::wrap::wrap;
use super::{AgendaPane, Focus, Mode, Wall};
use crate::model::{Issue, IssueId};
use crate::ui::pane::View;
use crate::ui::text;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

/// From this many rows a cell gets a blank line at its top, so the wall breathes.
const PADDED_FROM: u16 = 5;

pub(super) fn slot_label(
    row: Band,
    now: bool,
    area: Rect,
    label_w: u16,
    buf: &mut Buffer,
    t: &Theme,
    wall: &Wall,
) {
    let slot = wall.slots[row.index];
    let times = clock::times(slot);
    let (top, rows) = text_rows(row);
    let lines: Vec<(String, Style)> = match (now, rows >= 3) {
        (true, true) => vec![
            (slot.label.clone(), t.accent),
            (times, t.accent),
            ("● now".into(), t.accent),
        ],
        (true, false) => vec![
            (format!("● now {}", slot.label), t.accent),
            (times, t.accent),
        ],
        (false, _) => vec![(slot.label.clone(), t.title), (times, t.dim)],
    };
    if now {
        let r = Rect {
            x: area.x,
            y: row.start,
            width: label_w - 1,
            height: row.len,
        };
        buf.set_style(r.intersection(area), t.accent);
    }
    for (k, (line, style)) in lines.iter().enumerate().take(rows) {
        put(
            buf,
            area,
            area.x + 1,
            top + k as u16,
            line,
            label_w - 2,
            *style,
        );
    }
}

pub(super) fn cell(
    p: &AgendaPane,
    (col, row): (Band, Band),
    issue: Option<&Issue>,
    now: bool,
    area: Rect,
    buf: &mut Buffer,
    view: &View,
) {
    let t = view.theme;
    for y in row.start..row.start + row.len {
        put(buf, area, col.start, y, "│", 1, t.border);
    }
    let (top, mut rows) = text_rows(row);
    let cursor = col.index == p.col && row.index == p.row;
    let carrying = match p.mode {
        Mode::Carry(id) => Some(id),
        _ => None,
    };
    let swapping = match p.mode {
        Mode::Swap(id) => Some(id),
        _ => None,
    };
    let lit = cursor && (p.focus == Focus::Grid || carrying.is_some() || swapping.is_some());
    let inner = Rect {
        x: col.start + 1,
        y: row.start,
        width: col.len.saturating_sub(1),
        height: row.len,
    };
    if lit {
        buf.set_style(inner.intersection(area), t.selected);
    }
    if cursor {
        let style = if lit { t.selected } else { t.accent };
        put(buf, area, col.start + 1, top, "▶", 1, style);
    }
    let x = col.start + 3;
    let w = col.len.saturating_sub(3);
    let pick = |normal: Style| if lit { t.selected } else { normal };
    // The issue on its way here is shown where it would land.
    let ghost = carrying
        .filter(|_| cursor && issue.is_none_or(|i| Some(i.id) == carrying))
        .and_then(|id| view.session.issues.get(&id));
    let (shown, moving) = match (ghost, issue) {
        (Some(g), _) => (Some(g), false),
        (None, Some(i)) => (
            Some(i),
            carrying == Some(i.id) || (swapping == Some(i.id) && !cursor),
        ),
        (None, None) => (None, false),
    };
    let Some(issue) = shown else {
        if lit {
            put(buf, area, x, top, "free", w, t.selected);
        }
        return;
    };
    let label = label_of(issue.id, &issue.title);
    let mut y = top;
    let mut style = if moving {
        pick(t.dim)
    } else if now {
        pick(t.title)
    } else {
        pick(t.base)
    };
    if issue.cancelled {
        for line in not_held(w as usize, rows) {
            put(buf, area, x, y, &line, w, pick(t.warn));
            y += 1;
            rows = rows.saturating_sub(1);
        }
        style = pick(t.dim).add_modifier(Modifier::CROSSED_OUT);
    }
    // The title has priority; the convener takes a line of their own only where the whole
    // title fits above it (the detail line under the wall names them otherwise).
    let convener = issue
        .convener
        .map(|c| view.session.participant_name(c))
        .filter(|_| !moving);
    let whole = wrap(&label, w as usize, usize::MAX).len();
    let convener = convener.filter(|_| whole < rows);
    for line in wrap(&label, w as usize, rows) {
        put(buf, area, x, y, &line, w, style);
        y += 1;
    }
    if let Some(name) = convener {
        put(buf, area, x, y, &format!("— {name}"), w, pick(t.dim));
    }
}

/// Where the text of a row goes: tall rows keep a blank line above and below.
fn text_rows(row: Band) -> (u16, usize) {
    if row.len >= PADDED_FROM {
        (row.start + 1, row.len as usize - 2)
    } else {
        (row.start, row.len as usize)
    }
}

/// "Did not take place" in words that fit: on one line, on two, or shortened, leaving at
/// least one line for the title.
pub(super) fn not_held(columns: usize, rows: usize) -> Vec<String> {
    const WORDS: &str = "✗ did not take place";
    if text::width(WORDS) <= columns {
        vec![WORDS.to_string()]
    } else if rows >= 3 && columns >= 10 {
        wrap(WORDS, columns, 2)
    } else {
        vec![text::fit("✗ not held", columns)]
    }
}

pub(super) fn label_of(id: IssueId, title: &str) -> String {
    format!("#{id} {title}")
}
