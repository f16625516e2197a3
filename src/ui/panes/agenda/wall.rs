//! Present mode for the Agenda: the wall is the centre of the day, so the room sees all of
//! it on one screen where it fits (every slot by every space, each cell with its title,
//! convener and space, the running slot marked and its countdown large). A wall too big for
//! the screen is shown one slot per page, paged with the arrow keys and turning by itself
//! every 15 seconds so the back of the room sees every slot in turn.

use super::band::put;
use super::cell::{label_of, not_held};
use super::present::{slot_page, timer_state};
use super::timer::{Phase, clock_text};
use super::wrap::wrap;
use super::{AgendaPane, Wall, clock};
use crate::model::Issue;
use crate::ui::pane::View;
use crate::ui::text;
use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

/// How long a page of the wall stays before the next one comes by itself.
pub const PAGE_SECONDS: i64 = 15;
/// Narrowest cell worth drawing on the room's screen.
const MIN_CELL: u16 = 14;
/// Most lines of a title in a cell of the whole wall.
const TITLE_LINES: usize = 3;

/// The pages of the wall in present mode and when the current one began.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Pages {
    /// The page shown when `since` began.
    page: usize,
    /// When that page came; `None` until present mode shows the wall, which then starts
    /// from the running slot.
    since: Option<DateTime<FixedOffset>>,
    /// The page last drawn, for the arrow keys.
    shown: usize,
}

impl Pages {
    /// The page to show now out of `count`, starting from `start` when present mode opens.
    fn current(&mut self, now: DateTime<FixedOffset>, count: usize, start: usize) -> usize {
        if self.since.is_none_or(|since| now < since) {
            self.page = start;
            self.since = Some(now);
        }
        let turned = self
            .since
            .map_or(0, |s| (now - s).num_seconds().max(0) / PAGE_SECONDS);
        self.shown = (self.page + turned as usize) % count.max(1);
        self.shown
    }

    /// Turns by `by` pages from the one shown, and waits a full period before turning again.
    pub fn turn(&mut self, by: isize, count: usize, now: DateTime<FixedOffset>) {
        let count = count.max(1) as isize;
        self.page = (self.shown as isize + by).rem_euclid(count) as usize;
        self.shown = self.page;
        self.since = Some(now);
    }

    /// Present mode opened on the wall: the next drawing starts from the running slot.
    pub fn restart(&mut self) {
        self.since = None;
    }
}

/// One slot's row of the whole wall as laid out: its cells' lines and its height.
struct RowPlan<'a> {
    cells: Vec<Option<&'a Issue>>,
    height: u16,
}

pub(super) fn render(p: &mut AgendaPane, area: Rect, buf: &mut Buffer, view: &View) {
    let t = view.theme;
    buf.set_style(area, t.base);
    let wall = Wall::of(view.session);
    p.clamp(&wall);
    if wall.slots.is_empty() || wall.spaces.is_empty() {
        let text = if wall.slots.is_empty() {
            "No time slots yet"
        } else {
            "No spaces yet"
        };
        let y = area.y + area.height / 2;
        let w = text::width(text) as u16;
        put(
            buf,
            area,
            area.x + area.width.saturating_sub(w) / 2,
            y,
            text,
            w,
            t.title,
        );
        return;
    }
    let time = view.now.time();
    let running = clock::now_slot(&wall.slots, time);
    let start = running
        .or_else(|| clock::next_slot(&wall.slots, time))
        .unwrap_or(p.row);
    if let Some(layout) = fit(&wall, view, area) {
        p.pages.current(view.now, 1, 0);
        whole(p, &wall, layout, running, area, buf, view);
        return;
    }
    let page = p.pages.current(view.now, wall.slots.len(), start);
    let foot = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..area
    };
    let body = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    slot_page(p, page, running == Some(page), body, buf, view);
    let note = format!("{} / {}", page + 1, wall.slots.len());
    Line::styled(note, t.dim)
        .alignment(Alignment::Right)
        .render(foot, buf);
}

/// The sizes of the whole wall on this screen, if it fits.
struct Layout<'a> {
    label_w: u16,
    col_w: u16,
    rows: Vec<RowPlan<'a>>,
    /// Rows of the screen above the grid: the heading and, if large, the countdown.
    head_h: u16,
    /// The size of the countdown's digits, if it is drawn large.
    timer: Option<PixelSize>,
    /// Blank rows above it all, centring the wall on a tall screen.
    above: u16,
    /// Blank lines at the top of each row, where there is room to breathe.
    pad: u16,
}

fn fit<'a>(wall: &Wall<'a>, view: &'a View, area: Rect) -> Option<Layout<'a>> {
    let s = view.session;
    let n = wall.spaces.len() as u16;
    let widest = wall
        .slots
        .iter()
        .map(|s| text::width(&s.label).max(text::width(&clock::times(s))))
        .max()
        .unwrap_or(0) as u16;
    let label_w = (widest + 2).clamp(13, (area.width / 7).max(13));
    let col_w = area.width.saturating_sub(label_w) / n.max(1);
    if col_w < MIN_CELL {
        return None;
    }
    let w = (col_w - 2) as usize;
    let rows: Vec<RowPlan> = (0..wall.slots.len())
        .map(|row| {
            let cells: Vec<Option<&Issue>> = (0..wall.spaces.len())
                .map(|col| wall.place(col, row).and_then(|pl| s.issue_at(pl)))
                .collect();
            let tallest = cells
                .iter()
                .map(|c| match c {
                    Some(i) => {
                        let title = wrap(&label_of(i.id, &i.title), w, TITLE_LINES).len();
                        let cancelled = if i.cancelled { not_held(w, 3).len() } else { 0 };
                        title + cancelled + usize::from(i.convener.is_some())
                    }
                    None => 1,
                })
                .max()
                .unwrap_or(1)
                .max(2);
            RowPlan {
                cells,
                height: tallest as u16 + 1,
            }
        })
        .collect();
    let grid_h: u16 = 2 + rows.iter().map(|r| r.height).sum::<u16>();
    let n_rows = rows.len() as u16;
    // The countdown as large as the room left allows: full-size digits, quarter-size, or
    // words on the heading line.
    let timer = if area.height >= grid_h + 11 + 2 * n_rows && area.width >= 48 {
        Some(PixelSize::Full)
    } else if area.height >= grid_h + 7 && area.width >= 40 {
        Some(PixelSize::Quadrant)
    } else {
        None
    };
    let head_h = match timer {
        Some(PixelSize::Full) => 11,
        Some(_) => 7,
        None => 2,
    };
    if grid_h + head_h > area.height {
        return None;
    }
    let spare = area.height - grid_h - head_h;
    let pad = (spare / n_rows.max(1)).min(6);
    // What is left after the padding goes above, so the wall sits in the middle.
    let above = (spare - pad * n_rows) / 2;
    Some(Layout {
        label_w,
        col_w,
        rows,
        head_h,
        above,
        timer,
        pad,
    })
}

/// The wall when it fits whole: the heading above, the grid centred below it.
fn whole(
    p: &AgendaPane,
    wall: &Wall,
    layout: Layout,
    running: Option<usize>,
    area: Rect,
    buf: &mut Buffer,
    view: &View,
) {
    let area = Rect {
        y: area.y + layout.above,
        height: area.height - layout.above,
        ..area
    };
    heading(p, wall, &layout, running, area, buf, view);
    grid(wall, &layout, running, area, buf, view);
}

/// The heading names the running slot (or the next), with the countdown beside it or, on a
/// tall screen, large under it.
fn heading(
    p: &AgendaPane,
    wall: &Wall,
    layout: &Layout,
    running: Option<usize>,
    area: Rect,
    buf: &mut Buffer,
    view: &View,
) {
    let t = view.theme;
    let s = view.session;
    let time = view.now.time();
    let (word, slot) = match running {
        Some(i) => ("Now", Some(wall.slots[i])),
        None => match clock::next_slot(&wall.slots, time) {
            Some(i) => ("Next", Some(wall.slots[i])),
            None => ("Agenda", None),
        },
    };
    let fresh = AgendaPane::fresh(s, view.now);
    let phase = p.timer.phase();
    let left = clock_text(p.timer.left(view.now, fresh));
    let counting = running.is_some() || phase != Phase::Ready;
    let mut heading = match slot {
        Some(slot) => format!("{word}: {}   {}", slot.label, clock::times(slot)),
        None => word.to_string(),
    };
    let (state, state_style) = timer_state(phase, t);
    if counting && layout.timer.is_none() {
        heading.push_str(&match phase {
            Phase::Up => "   · time is up".to_string(),
            _ if state.is_empty() => format!("   · {left} left"),
            _ => format!("   · {left} left, {state}"),
        });
    }
    let heading = text::fit(&heading, area.width as usize);
    let hw = text::width(&heading) as u16;
    let style = if phase == Phase::Up { t.alarm } else { t.title };
    put(
        buf,
        area,
        area.x + area.width.saturating_sub(hw) / 2,
        area.y,
        &heading,
        hw,
        style,
    );
    if let Some(size) = layout.timer.filter(|_| counting) {
        let digits = match phase {
            Phase::Up => "TIME".to_string(),
            _ => left,
        };
        let (gw, gh) = if size == PixelSize::Full {
            (8, 8)
        } else {
            (4, 4)
        };
        let w = (digits.chars().count() as u16 * gw).min(area.width);
        let style = match phase {
            Phase::Up => t.alarm,
            Phase::Paused => t.warn,
            _ => t.title,
        };
        BigText::builder()
            .pixel_size(size)
            .style(style)
            .lines(vec![Line::from(digits)])
            .build()
            .render(
                Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, gh).intersection(area),
                buf,
            );
        let sw = text::width(state) as u16;
        let x = area.x + area.width.saturating_sub(sw) / 2;
        put(buf, area, x, area.y + 1 + gh, state, sw, state_style);
    }
}

/// The grid: space names across the top, slots down the side, the running slot marked.
fn grid(
    wall: &Wall,
    layout: &Layout,
    running: Option<usize>,
    area: Rect,
    buf: &mut Buffer,
    view: &View,
) {
    let t = view.theme;
    let top = area.y + layout.head_h;
    let x0 = area.x;
    let cols = wall.spaces.len() as u16;
    let width = layout.label_w + layout.col_w * cols;
    let rule = |y: u16, buf: &mut Buffer| {
        put(
            buf,
            area,
            x0,
            y,
            &"─".repeat(width as usize),
            width,
            t.border,
        );
        for c in 0..cols {
            put(
                buf,
                area,
                x0 + layout.label_w + c * layout.col_w,
                y,
                "┼",
                1,
                t.border,
            );
        }
    };
    for (c, space) in wall.spaces.iter().enumerate() {
        let x = x0 + layout.label_w + c as u16 * layout.col_w;
        put(buf, area, x, top, "│", 1, t.border);
        put(
            buf,
            area,
            x + 2,
            top,
            &space.name,
            layout.col_w - 3,
            t.accent,
        );
    }
    rule(top + 1, buf);
    let mut y = top + 2;
    for (r, plan) in layout.rows.iter().enumerate() {
        let h = plan.height - 1 + layout.pad;
        let now = running == Some(r);
        let slot = wall.slots[r];
        let band = Rect::new(x0, y, layout.label_w - 1, h).intersection(area);
        let label_style = if now { t.selected } else { t.title };
        if now {
            buf.set_style(band, t.selected);
        }
        let inner_y = y + layout.pad / 2;
        put(
            buf,
            area,
            x0 + 1,
            inner_y,
            &slot.label,
            layout.label_w - 2,
            label_style,
        );
        put(
            buf,
            area,
            x0 + 1,
            inner_y + 1,
            &clock::times(slot),
            layout.label_w - 2,
            if now { t.selected } else { t.dim },
        );
        if now && h >= 3 {
            put(
                buf,
                area,
                x0 + 1,
                inner_y + 2,
                "● now",
                layout.label_w - 2,
                t.selected,
            );
        }
        for (c, issue) in plan.cells.iter().enumerate() {
            let x = x0 + layout.label_w + c as u16 * layout.col_w;
            for dy in 0..h {
                put(buf, area, x, y + dy, "│", 1, t.border);
            }
            let at = Rect::new(x + 2, inner_y, layout.col_w - 3, 1);
            cell(*issue, at, now, area, buf, view);
        }
        y += h;
        rule(y, buf);
        y += 1;
    }
}

/// One cell of the room's wall from `at`'s top left, `at.width` wide: the title (struck and
/// marked if it did not take place), then the convener.
fn cell(issue: Option<&Issue>, at: Rect, now: bool, area: Rect, buf: &mut Buffer, view: &View) {
    let (x, y, w) = (at.x, at.y, at.width);
    let t = view.theme;
    let Some(issue) = issue else {
        put(buf, area, x, y, "(free)", w, t.dim);
        return;
    };
    let mut y = y;
    let mut style = if now {
        t.title
    } else {
        t.base.add_modifier(Modifier::BOLD)
    };
    if issue.cancelled {
        for line in not_held(w as usize, 3) {
            put(buf, area, x, y, &line, w, t.warn);
            y += 1;
        }
        style = t.dim.add_modifier(Modifier::CROSSED_OUT);
    }
    for line in wrap(&label_of(issue.id, &issue.title), w as usize, TITLE_LINES) {
        put(buf, area, x, y, &line, w, style);
        y += 1;
    }
    if let Some(c) = issue.convener {
        let name = format!("— {}", view.session.participant_name(c));
        put(buf, area, x, y, &name, w, t.dim);
    }
}
