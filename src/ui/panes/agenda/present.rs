//! Present mode for the wall: what the room reads from the back during the breakouts. The
//! slot under way (or the next one), its countdown in big digits, and where each session is.

use super::clock;
use super::grid::{label_of, put};
use super::timer::{Phase, clock_text};
use super::wrap::wrap;
use super::{AgendaPane, Wall};
use crate::ui::pane::View;
use crate::ui::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

pub(super) fn render(p: &mut AgendaPane, area: Rect, buf: &mut Buffer, view: &View) {
    let t = view.theme;
    let s = view.session;
    let wall = Wall::of(s);
    p.clamp(&wall);
    let time = view.now.time();
    let (heading, slot) = if let Some(i) = clock::now_slot(&wall.slots, time) {
        ("Now", Some(i))
    } else if let Some(i) = clock::next_slot(&wall.slots, time) {
        ("Next", Some(i))
    } else if wall.slots.is_empty() {
        ("No time slots yet", None)
    } else {
        ("Slot", Some(p.row))
    };
    let mut y = area.y + u16::from(area.height >= 30);
    let heading = match slot.map(|i| wall.slots[i]) {
        Some(slot) => format!("{heading}: {}   {}", slot.label, clock::times(slot)),
        None => heading.to_string(),
    };
    centre(buf, area, y, &heading, t.title);
    y += 2;

    // The countdown: as large as the screen allows while leaving room for the sessions.
    let fresh = AgendaPane::fresh(s, view.now);
    let phase = p.timer.phase();
    let digits = match phase {
        Phase::Up => "TIME".to_string(),
        _ => clock_text(p.timer.left(view.now, fresh)),
    };
    let glyphs = digits.chars().count() as u16;
    let needed = 2 * wall.spaces.len() as u16 + 4;
    let (size, gw, gh) = if area.height >= y - area.y + 8 + needed && area.width >= glyphs * 8 {
        (PixelSize::Full, 8, 8)
    } else {
        (PixelSize::Quadrant, 4, 4)
    };
    let style = match phase {
        Phase::Up => t.alarm,
        Phase::Running => t.title,
        Phase::Paused => t.warn,
        Phase::Ready => t.dim,
    };
    let w = (glyphs * gw).min(area.width);
    let big = Rect {
        x: area.x + (area.width - w) / 2,
        y,
        width: w,
        height: gh.min(area.bottom().saturating_sub(y)),
    };
    BigText::builder()
        .pixel_size(size)
        .style(style)
        .lines(vec![Line::from(digits)])
        .build()
        .render(big, buf);
    y += gh;
    let state = match phase {
        Phase::Ready => "press t to start the timer",
        Phase::Running => "",
        Phase::Paused => "paused",
        Phase::Up => "time is up",
    };
    centre(
        buf,
        area,
        y,
        state,
        if phase == Phase::Up { t.alarm } else { t.dim },
    );
    y += 2;

    // The sessions of the slot: space, then issue, one block each.
    let Some(row) = slot else {
        return;
    };
    let name_w = wall
        .spaces
        .iter()
        .map(|sp| text::width(&text::clean(&sp.name)))
        .max()
        .unwrap_or(0)
        .min(area.width as usize / 3) as u16;
    let x = area.x + area.width / 10;
    let right = area.right() - area.width / 10;
    let title_x = x + name_w + 3;
    let title_w = right.saturating_sub(title_x);
    let gap = u16::from(area.bottom().saturating_sub(y) >= 3 * wall.spaces.len() as u16);
    for space in &wall.spaces {
        if y >= area.bottom() {
            break;
        }
        put(buf, area, x, y, &space.name, name_w, t.accent);
        put(buf, area, x + name_w + 1, y, "→", 1, t.dim);
        let place = wall.place(
            wall.spaces
                .iter()
                .position(|sp| sp.id == space.id)
                .unwrap_or(0),
            row,
        );
        let issue = place.and_then(|pl| s.issue_at(pl));
        match issue {
            None => {
                put(buf, area, title_x, y, "(free)", title_w, t.dim);
                y += 1;
            }
            Some(issue) => {
                let mut style = t.title;
                if issue.cancelled {
                    put(
                        buf,
                        area,
                        title_x,
                        y,
                        "✗ did not take place",
                        title_w,
                        t.warn,
                    );
                    y += 1;
                    style = t.dim.add_modifier(Modifier::CROSSED_OUT);
                }
                for line in wrap(&label_of(issue.id, &issue.title), title_w as usize, 2) {
                    put(buf, area, title_x, y, &line, title_w, style);
                    y += 1;
                }
            }
        }
        y += gap;
    }
}

fn centre(buf: &mut Buffer, area: Rect, y: u16, s: &str, style: ratatui::style::Style) {
    let s = text::fit(s, area.width as usize);
    let w = text::width(&s) as u16;
    put(buf, area, area.x + (area.width - w) / 2, y, &s, w, style);
}
