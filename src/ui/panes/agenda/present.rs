//! One slot of the wall for the room, when the whole wall does not fit on one screen: the
//! slot, its countdown in big digits if it is the one running, and where each session is
//! and who convenes it, in big letters when the screen has room and the font has the
//! letters, else in bold.

use super::band::put;
use super::cell::label_of;
use super::clock;
use super::timer::{Phase, clock_text};
use super::wrap::wrap;
use super::{AgendaPane, Wall};
use crate::ui::pane::View;
use crate::ui::text;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

/// One space of the slot shown: its name, its issue if any (label, did not take place)
/// and the issue's convener.
struct Entry {
    space: String,
    issue: Option<(String, bool)>,
    convener: Option<String>,
}

/// Draws one slot of the wall as the room reads it, large: `row` is the slot, `timer`
/// whether its countdown belongs here (the running slot's page).
pub(super) fn slot_page(
    p: &AgendaPane,
    row: usize,
    timer: bool,
    area: Rect,
    buf: &mut Buffer,
    view: &View,
) {
    let t = view.theme;
    let s = view.session;
    let wall = Wall::of(s);
    let Some(slot) = wall.slots.get(row) else {
        return;
    };
    let time = view.now.time();
    let heading = if clock::now_slot(&wall.slots, time) == Some(row) {
        "Now"
    } else if clock::next_slot(&wall.slots, time) == Some(row) {
        "Next"
    } else {
        "Slot"
    };
    let mut y = area.y + u16::from(area.height >= 30);
    let heading = format!("{heading}: {}   {}", slot.label, clock::times(slot));
    centre(buf, area, y, &heading, t.title);
    y += 2;

    let entries: Vec<Entry> = wall
        .spaces
        .iter()
        .enumerate()
        .map(|(col, space)| Entry {
            space: space.name.clone(),
            issue: wall
                .place(col, row)
                .and_then(|pl| s.issue_at(pl))
                .map(|i| (label_of(i.id, &i.title), i.cancelled)),
            convener: wall
                .place(col, row)
                .and_then(|pl| s.issue_at(pl))
                .and_then(|i| i.convener)
                .map(|c| s.participant_name(c).to_string()),
        })
        .collect();

    // The countdown as large as possible; then the sessions in big letters if they fit
    // whole under it (with smaller digits if need be), else in ordinary bold letters.
    let fresh = AgendaPane::fresh(s, view.now);
    let phase = p.timer.phase();
    let digits = match phase {
        Phase::Up => "TIME".to_string(),
        _ => clock_text(p.timer.left(view.now, fresh)),
    };
    let glyphs = digits.chars().count() as u16;
    let below = |digits_h: u16| {
        let top = if timer { y + digits_h + 2 } else { y };
        Rect {
            y: top,
            height: area.bottom().saturating_sub(top),
            ..area
        }
    };
    let full = area.width >= glyphs * 8;
    let plain_h = 3 * entries.len() as u16 + 2;
    let (size, big_letters) = if full && big_sessions(&entries, below(8), None, t) {
        (PixelSize::Full, true)
    } else if big_sessions(&entries, below(4), None, t) {
        (PixelSize::Quadrant, true)
    } else if full && below(8).height >= plain_h {
        (PixelSize::Full, false)
    } else {
        (PixelSize::Quadrant, false)
    };
    let (gw, gh) = if size == PixelSize::Full {
        (8, 8)
    } else {
        (4, 4)
    };
    if timer {
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
        let (state, state_style) = timer_state(phase, t);
        centre(buf, area, y + gh, state, state_style);
    }
    let rest = below(gh);
    if big_letters {
        big_sessions(&entries, rest, Some(buf), t);
    } else {
        plain_sessions(&entries, rest, buf, t);
    }
}

/// The timer's state in words, for the room: nothing while it simply runs.
pub(super) fn timer_state(phase: Phase, t: &Theme) -> (&'static str, Style) {
    match phase {
        Phase::Ready => ("", t.dim),
        Phase::Running => ("", t.dim),
        Phase::Paused => ("paused", t.warn),
        Phase::Up => ("time is up", t.alarm),
    }
}

/// Glyphs the big font draws; other text (CJK, most symbols) stays in ordinary letters.
fn drawable(s: &str) -> bool {
    s.chars()
        .all(|c| (' '..='~').contains(&c) || ('\u{a0}'..='\u{ff}').contains(&c))
}

/// Typographic punctuation the big font lacks, as its plain cousins.
fn plainer(s: &str) -> String {
    text::clean(s)
        .chars()
        .map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c => c,
        })
        .collect()
}

/// Each session in quarter-size pixel letters: space name left, issue right. Returns false
/// when they would not all fit whole or the font lacks some letters; draws only when given
/// a buffer, so the same function answers "would it fit?".
fn big_sessions(entries: &[Entry], area: Rect, buf: Option<&mut Buffer>, t: &Theme) -> bool {
    /// Lines of big letters an issue may take; a title that needs more is not cut short.
    const MOST: usize = 3;
    const GW: u16 = 4;
    const GH: u16 = 4;
    let texts: Vec<(String, String)> = entries
        .iter()
        .map(|e| {
            let issue = e.issue.as_ref().map_or("(free)", |(l, _)| l.as_str());
            (plainer(&e.space), plainer(issue))
        })
        .collect();
    if entries.is_empty() || !texts.iter().all(|(a, b)| drawable(a) && drawable(b)) {
        return false;
    }
    let margin = area.width / 20;
    let inner = area.width.saturating_sub(2 * margin);
    let name_chars = texts
        .iter()
        .map(|(n, _)| n.chars().count() as u16)
        .max()
        .unwrap_or(0)
        .min(inner * 3 / 10 / GW);
    let title_chars = inner.saturating_sub(name_chars * GW + 2 * GW) / GW;
    if name_chars == 0 || title_chars < 16 {
        return false;
    }
    let laid: Vec<(Vec<String>, Vec<String>)> = texts
        .iter()
        .map(|(n, i)| {
            (
                wrap(n, name_chars as usize, 2),
                wrap(i, title_chars as usize, usize::MAX),
            )
        })
        .collect();
    if laid.iter().any(|(_, title)| title.len() > MOST) {
        return false;
    }
    let height: u16 = laid
        .iter()
        .zip(entries)
        .map(|((n, i), e)| {
            let cancelled = e.issue.as_ref().is_some_and(|(_, c)| *c);
            GH * n.len().max(i.len()) as u16
                + u16::from(cancelled)
                + u16::from(e.convener.is_some())
                + 1
        })
        .sum();
    if height > area.height {
        return false;
    }
    let Some(buf) = buf else {
        return true;
    };
    let x = area.x + margin;
    let title_x = x + name_chars * GW + 2 * GW;
    let mut y = area.y;
    for ((name, title), entry) in laid.into_iter().zip(entries) {
        let rows = GH * name.len().max(title.len()) as u16;
        let (style, cancelled) = match &entry.issue {
            None => (t.dim, false),
            Some((_, true)) => (t.dim.add_modifier(Modifier::CROSSED_OUT), true),
            Some(_) => (t.title, false),
        };
        big_lines(name, t.accent, Rect::new(x, y, name_chars * GW, rows), buf);
        let w = area.right().saturating_sub(title_x);
        big_lines(title, style, Rect::new(title_x, y, w, rows), buf);
        y += rows;
        if cancelled {
            put(buf, area, title_x, y, "✗ did not take place", w, t.warn);
            y += 1;
        }
        if let Some(name) = &entry.convener {
            put(
                buf,
                area,
                title_x,
                y,
                &format!("convened by {name}"),
                w,
                t.accent,
            );
            y += 1;
        }
        y += 1;
    }
    true
}

fn big_lines(lines: Vec<String>, style: Style, at: Rect, buf: &mut Buffer) {
    BigText::builder()
        .pixel_size(PixelSize::Quadrant)
        .style(style)
        .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
        .build()
        .render(at.intersection(*buf.area()), buf);
}

/// Each session in bold ordinary letters, for small screens and scripts the font lacks.
fn plain_sessions(entries: &[Entry], area: Rect, buf: &mut Buffer, t: &Theme) {
    let name_w = entries
        .iter()
        .map(|e| text::width(&text::clean(&e.space)))
        .max()
        .unwrap_or(0)
        .min(area.width as usize / 3) as u16;
    let x = area.x + area.width / 10;
    let right = area.right() - area.width / 10;
    let title_x = x + name_w + 3;
    let title_w = right.saturating_sub(title_x);
    let gap = u16::from(area.height >= 4 * entries.len() as u16);
    // Vertically in the middle of the room left, as one block.
    let block: u16 = entries
        .iter()
        .map(|e| match &e.issue {
            Some((label, cancelled)) => {
                wrap(label, title_w as usize, 2).len() as u16
                    + u16::from(*cancelled)
                    + u16::from(e.convener.is_some())
            }
            None => 1,
        } + gap)
        .sum();
    let mut y = area.y + area.height.saturating_sub(block) / 3;
    for entry in entries {
        if y >= area.bottom() {
            break;
        }
        put(buf, area, x, y, &entry.space, name_w, t.accent);
        put(buf, area, x + name_w + 1, y, "→", 1, t.dim);
        let mut style = t.title;
        let label = match &entry.issue {
            None => {
                style = t.dim;
                "(free)"
            }
            Some((label, cancelled)) => {
                if *cancelled {
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
                label.as_str()
            }
        };
        for line in wrap(label, title_w as usize, 2) {
            put(buf, area, title_x, y, &line, title_w, style);
            y += 1;
        }
        if let Some(name) = &entry.convener {
            put(
                buf,
                area,
                title_x,
                y,
                &format!("convened by {name}"),
                title_w,
                t.dim,
            );
            y += 1;
        }
        y += gap;
    }
}

fn centre(buf: &mut Buffer, area: Rect, y: u16, s: &str, style: Style) {
    let s = text::fit(s, area.width as usize);
    let w = text::width(&s) as u16;
    put(buf, area, area.x + (area.width - w) / 2, y, &s, w, style);
}
