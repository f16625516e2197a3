//! Drawing the wall: a header line (what is running now, the timer), the grid of spaces by
//! slots with the issues in their cells, and the unplaced list beside or below it. Only the
//! spaces and slots that fit are drawn; the view follows the cursor.

use super::band::{Band, put, scroll};
use super::clock;
use super::timer::{Phase, clock_text};
use super::{AgendaPane, Focus, Mode, Wall, cell, edit, list};
use crate::model::{Issue, Placement};
use crate::ui::pane::View;
use crate::ui::text;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use std::collections::HashMap;

#[derive(Default)]
pub(super) struct Geometry {
    pub cols: Vec<Band>,
    pub rows: Vec<Band>,
    /// The rows of the unplaced list (without its title).
    pub list: Rect,
    /// The list is beside the grid (wide screens) rather than below it.
    pub list_beside: bool,
}

/// Narrowest column worth drawing: "#12 " and a word or two.
const MIN_COL: u16 = 16;
/// Taller cells would only be emptier: a short wall reads better than a stretched one.
const MAX_ROW_H: u16 = 8;
/// From this width the unplaced list sits beside the grid.
const BESIDE_FROM: u16 = 120;

pub(super) fn render(p: &mut AgendaPane, area: Rect, buf: &mut Buffer, view: &View) {
    let wall = Wall::of(view.session);
    p.clamp(&wall);
    p.geo.cols.clear();
    p.geo.rows.clear();
    p.geo.list = Rect::default();
    if area.height < 4 || area.width < 20 {
        return;
    }
    let gap = u16::from(area.height >= 40);
    let [head, _, main] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Fill(1),
    ])
    .areas(area);
    header(p, head, buf, view, &wall);
    p.geo.list_beside = area.width >= BESIDE_FROM;
    // One line names the chosen cell's issue in full with its convener: a small wall's
    // cells keep their rows for the title.
    let (grid_area, detail_area, list_area) = if p.geo.list_beside {
        let w = (area.width / 4).clamp(28, 48);
        let [g, _, l] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(2),
            Constraint::Length(w),
        ])
        .areas(main);
        let [g, d] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(g);
        (g, d, l)
    } else {
        let h = (main.height / 3).clamp(3, 7);
        let [g, d, l] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(h - 1),
        ])
        .areas(main);
        (g, d, l)
    };
    draw_grid(p, grid_area, buf, view, &wall);
    detail_line(p, detail_area, buf, view, &wall);
    list::render(p, list_area, buf, view, &wall);
    let t = view.theme;
    match &mut p.mode {
        Mode::Form(form) => edit::render(form, area, buf, t),
        Mode::Confirm(removal) => edit::render_confirm(&removal.question, area, buf, t),
        _ => {}
    }
}

/// The timer as one line: words as well as colour say its state.
pub(super) fn timer_line(p: &AgendaPane, view: &View) -> (String, Style) {
    let t = view.theme;
    let fresh = AgendaPane::fresh(view.session, view.now);
    let left = clock_text(p.timer.left(view.now, fresh));
    match p.timer.phase() {
        Phase::Ready if view.read_only => (String::new(), t.dim),
        Phase::Ready => (format!("Timer {left} · t starts"), t.dim),
        Phase::Running => (format!("Timer {left} running"), t.title),
        Phase::Paused => (format!("Timer {left} paused"), t.warn),
        Phase::Up => (" TIME! 00:00 ".to_string(), t.alarm),
    }
}

fn header(p: &AgendaPane, area: Rect, buf: &mut Buffer, view: &View, wall: &Wall) {
    let t = view.theme;
    let (timer, timer_style) = timer_line(p, view);
    let timer_w = (text::width(&timer) as u16).min(area.width);
    put(
        buf,
        area,
        area.right() - timer_w,
        area.y,
        &timer,
        timer_w,
        timer_style,
    );
    let room = area.width.saturating_sub(timer_w + 2);
    let time = view.now.time();
    let (left, style) = if let Mode::Swap(issue) = p.mode {
        let title = view.session.issues.get(&issue).map_or("", |i| &i.title);
        (
            format!(
                "Swapping #{issue} {title}: choose the issue to trade places with, Enter swaps, Esc cancels"
            ),
            t.accent,
        )
    } else if let Mode::Carry(issue) = p.mode {
        let title = view.session.issues.get(&issue).map_or("", |i| &i.title);
        (
            format!(
                "Placing #{issue} {title}: choose a free cell, Enter puts it there, Esc cancels"
            ),
            t.accent,
        )
    } else if let Some(i) = clock::now_slot(&wall.slots, time) {
        let slot = wall.slots[i];
        (
            format!("● Now: {} {}", slot.label, clock::times(slot)),
            t.accent,
        )
    } else if let Some(i) = clock::next_slot(&wall.slots, time) {
        let slot = wall.slots[i];
        let next = match clock::times(slot) {
            t if t.is_empty() => format!("Next: {}", slot.label),
            _ => format!("Next: {} at {}", slot.label, clock::hm(slot.starts)),
        };
        (next, t.dim)
    } else if wall.slots.is_empty() {
        (String::new(), t.dim)
    } else {
        ("No slot is running now".to_string(), t.dim)
    };
    put(buf, area, area.x, area.y, &left, room, style);
}

fn draw_grid(p: &mut AgendaPane, area: Rect, buf: &mut Buffer, view: &View, wall: &Wall) {
    let t = view.theme;
    if wall.spaces.is_empty() || wall.slots.is_empty() {
        empty_wall(area, buf, t, wall, view.read_only);
        return;
    }
    if area.height < 5 || area.width < 24 {
        return;
    }
    let label_w = (area.width / 6).clamp(12, 22);
    let cols_w = area.width - label_w;
    let n_cols = wall.spaces.len();
    let fit_cols = ((cols_w / MIN_COL).max(1) as usize).min(n_cols);
    p.col_offset = scroll(p.col_offset, p.col, fit_cols, n_cols);
    let col_w = cols_w / fit_cols as u16;
    let rows_h = area.height - 2;
    let n_rows = wall.slots.len();
    let row_h = (rows_h / n_rows.min(usize::from(u16::MAX)) as u16)
        .saturating_sub(1)
        .clamp(2, MAX_ROW_H);
    let fit_rows = ((rows_h / (row_h + 1)).max(1) as usize).min(n_rows);
    p.row_offset = scroll(p.row_offset, p.row, fit_rows, n_rows);
    for k in 0..fit_cols {
        let start = area.x + label_w + col_w * k as u16;
        let len = if k + 1 == fit_cols {
            area.right() - start
        } else {
            col_w
        };
        p.geo.cols.push(Band {
            index: p.col_offset + k,
            start,
            len,
        });
    }
    for k in 0..fit_rows {
        p.geo.rows.push(Band {
            index: p.row_offset + k,
            start: area.y + 2 + (row_h + 1) * k as u16,
            len: row_h,
        });
    }

    // Space names, and how many spaces are out of view on either side.
    let hidden_left = p.col_offset;
    let hidden_right = n_cols - p.col_offset - fit_cols;
    let more = match (hidden_left, hidden_right) {
        (0, 0) => String::new(),
        (l, 0) => format!("« {l} more"),
        (0, r) => format!("{r} more »"),
        (l, r) => format!("«{l} · {r}»"),
    };
    put(buf, area, area.x + 1, area.y, &more, label_w - 2, t.dim);
    for col in &p.geo.cols {
        put(buf, area, col.start, area.y, "│", 1, t.border);
        let style = if col.index == p.col {
            t.accent
        } else {
            t.title
        };
        let name = &wall.spaces[col.index].name;
        put(
            buf,
            area,
            col.start + 2,
            area.y,
            name,
            col.len.saturating_sub(3),
            style,
        );
    }
    rule(p, area, area.y + 1, buf, t);
    if p.row_offset > 0 {
        let text = format!("▲ {} more", p.row_offset);
        put(buf, area, area.x + 1, area.y + 1, &text, label_w - 2, t.dim);
    }

    let placed: HashMap<Placement, &Issue> = view
        .session
        .active_issues()
        .filter_map(|i| Some((i.placement?, i)))
        .collect();
    let now = clock::now_slot(&wall.slots, view.now.time());
    for row in p.geo.rows.clone() {
        cell::slot_label(row, now == Some(row.index), area, label_w, buf, t, wall);
        for col in p.geo.cols.clone() {
            let place = wall.place(col.index, row.index);
            let issue = place.and_then(|pl| placed.get(&pl).copied());
            cell::cell(
                p,
                (col, row),
                issue,
                now == Some(row.index),
                area,
                buf,
                view,
            );
        }
        rule(p, area, row.start + row.len, buf, t);
    }
    if let Some(last) = p.geo.rows.last() {
        let below = n_rows - 1 - last.index;
        if below > 0 {
            let text = format!("▼ {below} more");
            let y = last.start + last.len;
            put(buf, area, area.x + 1, y, &text, label_w - 2, t.dim);
        }
    }
}

/// The chosen cell (or unplaced issue) in one line: number, whole title, convener, place.
fn detail_line(p: &AgendaPane, area: Rect, buf: &mut Buffer, view: &View, wall: &Wall) {
    let t = view.theme;
    let s = view.session;
    let (issue, place) = match (p.focus, &p.mode) {
        (Focus::List, Mode::Browse) => (wall.unplaced.get(p.pick).copied(), None),
        _ => {
            let place = wall.place(p.col, p.row);
            let issue = match p.mode {
                Mode::Carry(id) => s.issues.get(&id),
                _ => place.and_then(|pl| s.issue_at(pl)),
            };
            let where_ = wall
                .spaces
                .get(p.col)
                .zip(wall.slots.get(p.row))
                .map(|(space, slot)| format!("{}, {}", space.name, slot.label));
            (issue, where_)
        }
    };
    let mut parts: Vec<(String, Style)> = vec![];
    match issue {
        Some(i) => {
            parts.push((cell::label_of(i.id, &i.title), t.accent));
            if let Some(c) = i.convener {
                parts.push((format!(" · convened by {}", s.participant_name(c)), t.base));
            }
            if i.cancelled {
                parts.push((" · ✗ did not take place".into(), t.warn));
            } else if !i.report.is_empty() {
                parts.push((" · report ✓".into(), t.dim));
            }
            if let Some(place) = place {
                parts.push((format!(" · {place}"), t.dim));
            }
        }
        None => match place {
            Some(place) => parts.push((format!("{place}: free"), t.dim)),
            None => return,
        },
    }
    let mut x = area.x;
    for (text, style) in parts {
        let w = text::width(&text) as u16;
        put(
            buf,
            area,
            x,
            area.y,
            &text,
            area.right().saturating_sub(x),
            style,
        );
        x = x.saturating_add(w);
        if x >= area.right() {
            break;
        }
    }
}

/// A horizontal line across the grid, crossing the column lines.
fn rule(p: &AgendaPane, area: Rect, y: u16, buf: &mut Buffer, t: &Theme) {
    let line = "─".repeat(area.width as usize);
    put(buf, area, area.x, y, &line, area.width, t.border);
    for col in &p.geo.cols {
        put(buf, area, col.start, y, "┼", 1, t.border);
    }
}

fn empty_wall(area: Rect, buf: &mut Buffer, t: &Theme, wall: &Wall, read_only: bool) {
    let title = match (wall.spaces.is_empty(), wall.slots.is_empty()) {
        (false, true) => "The wall has spaces but no time slots yet.",
        (true, false) => "The wall has time slots but no spaces yet.",
        _ => "The agenda wall is empty.",
    };
    let mut lines = vec![(title, t.title)];
    // Replay shows the wall as it was, without inviting changes.
    if !read_only && wall.spaces.is_empty() {
        lines.push((
            "Press a to add a space (a room, a corner, a table).",
            t.base,
        ));
    }
    if !read_only && wall.slots.is_empty() {
        lines.push(("Press A to add a time slot, e.g. 10:00–10:45.", t.base));
    }
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (k, (line, style)) in lines.iter().enumerate() {
        let w = text::width(line) as u16;
        let x = area.x + area.width.saturating_sub(w) / 2;
        put(buf, area, x, top + k as u16, line, area.width, *style);
    }
}
