//! The day in figures (people, organisations, issues, reports, dots, priorities with a
//! lead) and the next steps by horizon, and the boxed figure both views of Closing draw.

use crate::model::{Horizon, IssueId, Session, StepStatus};
use crate::ui::text;
use crate::ui::theme::Theme;
use chrono::{NaiveDate, NaiveTime};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use tui_big_text::{BigText, PixelSize};

/// The day in numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayFigures {
    pub participants: usize,
    pub organisations: usize,
    pub issues: usize,
    pub reports: usize,
    pub dots: u32,
    pub rounds: usize,
    /// Issues given dots in the latest round (every issue if there was no vote).
    pub priorities: usize,
    /// Of those, the ones with a lead.
    pub led: usize,
    pub horizons: Vec<HorizonSummary>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HorizonSummary {
    pub horizon: Horizon,
    /// Steps not dropped.
    pub steps: usize,
    /// The soonest due dates of steps still to do, soonest first.
    pub nearest: Vec<NaiveDate>,
}

impl DayFigures {
    pub fn of(session: &Session) -> DayFigures {
        let active: Vec<_> = session.active_issues().collect();
        let priorities: Vec<_> = match session.latest_round() {
            Some(round) => round
                .ranking()
                .into_iter()
                .filter(|r| r.dots > 0)
                .filter_map(|r| session.issues.get(&r.issue))
                .filter(|i| i.is_active())
                .collect(),
            None => active.clone(),
        };
        let horizons = Horizon::ALL
            .iter()
            .map(|&horizon| {
                let steps: Vec<_> = active
                    .iter()
                    .flat_map(|i| i.plan.steps.values())
                    .filter(|s| s.horizon == horizon && s.status != StepStatus::Dropped)
                    .collect();
                let mut nearest: Vec<NaiveDate> = steps
                    .iter()
                    .filter(|s| s.status != StepStatus::Done)
                    .filter_map(|s| s.due)
                    .collect();
                nearest.sort();
                nearest.dedup();
                nearest.truncate(3);
                HorizonSummary {
                    horizon,
                    steps: steps.len(),
                    nearest,
                }
            })
            .collect();
        DayFigures {
            participants: session.participants.len(),
            organisations: session.organisation_count(),
            issues: active.len(),
            reports: active.iter().filter(|i| !i.report.is_empty()).count(),
            dots: session.rounds.values().map(|r| r.dots_cast()).sum(),
            rounds: session.rounds.len(),
            priorities: priorities.len(),
            led: priorities.iter().filter(|i| i.plan.lead.is_some()).count(),
            horizons,
        }
    }
}

/// One figure in a box: what it counts on the top border, the number as large as the box
/// allows, a note on the bottom border.
pub(super) fn tile(r: Rect, buf: &mut Buffer, t: &Theme, title: &str, figure: &str, note: &str) {
    if r.width < 6 || r.height < 3 {
        return;
    }
    let note = text::fit(&format!(" {note} "), r.width.saturating_sub(2) as usize);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Span::styled(format!(" {title} "), t.title))
        .title_bottom(Line::styled(note, t.base).alignment(Alignment::Center));
    let room = block.inner(r);
    block.render(r, buf);
    let glyphs = figure.chars().count() as u16;
    let size = [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
    ]
    .into_iter()
    .find(|(_, w, h)| room.width >= w * glyphs && room.height >= *h);
    match size {
        Some((size, _, h)) => {
            let big = Rect {
                y: room.y + (room.height - h) / 2,
                height: h,
                ..room
            };
            BigText::builder()
                .pixel_size(size)
                .style(t.accent)
                .alignment(Alignment::Center)
                .lines(vec![Line::from(figure.to_string())])
                .build()
                .render(big, buf);
        }
        None => {
            let mid = Rect {
                y: room.y + room.height.saturating_sub(1) / 2,
                height: 1,
                ..room
            };
            Line::styled(figure.to_string(), t.accent)
                .alignment(Alignment::Center)
                .render(mid, buf);
        }
    }
}

/// The breakouts that took place (placed, not marked as not held, in a slot already begun
/// at `now`) and have no report yet, in the order of the day and then of the spaces.
pub fn missing_reports(session: &Session, now: NaiveTime) -> Vec<IssueId> {
    let slots = session.slots_in_order();
    let order = |slot| {
        slots
            .iter()
            .position(|s| s.id == slot)
            .unwrap_or(usize::MAX)
    };
    let mut missing: Vec<_> = session
        .active_issues()
        .filter(|i| !i.cancelled && i.report.is_empty())
        .filter_map(|i| {
            let p = i.placement?;
            let slot = session.slots.get(&p.slot)?;
            let begun = slot.starts.is_none_or(|s| s <= now);
            begun.then_some((order(p.slot), p.space, i.id))
        })
        .collect();
    missing.sort();
    missing.into_iter().map(|(_, _, id)| id).collect()
}

/// The six figures with what they count and a note each.
pub(super) fn tiles(s: &DayFigures) -> [(&'static str, String, String); 6] {
    let priorities = if s.rounds == 0 {
        "issues"
    } else {
        "priorities"
    };
    let dots_note = match s.rounds {
        0 => "no vote yet".to_string(),
        1 => "in one round".to_string(),
        n => format!("in {n} rounds"),
    };
    [
        ("People", s.participants.to_string(), "took part".into()),
        (
            "Organisations",
            s.organisations.to_string(),
            "represented".into(),
        ),
        ("Issues", s.issues.to_string(), "raised".into()),
        ("Reports", s.reports.to_string(), "captured".into()),
        ("Dots", s.dots.to_string(), dots_note),
        (
            "With a lead",
            s.led.to_string(),
            format!("of {} {priorities}", s.priorities),
        ),
    ]
}

/// Draws the six figures in `per_row` columns of tiles `tile_h` tall from `area`'s top.
pub(super) fn render_tiles(
    s: &DayFigures,
    per_row: u16,
    tile_h: u16,
    area: Rect,
    buf: &mut Buffer,
    t: &Theme,
) {
    let tile_w = area.width / per_row;
    for (n, (title, figure, note)) in tiles(s).iter().enumerate() {
        let n = n as u16;
        let r = Rect {
            x: area.x + (n % per_row) * tile_w,
            y: area.y + (n / per_row) * tile_h,
            width: tile_w.saturating_sub(1),
            height: tile_h,
        }
        .intersection(area);
        tile(r, buf, t, title, figure, note);
    }
}

/// "Short term  3 steps · next due Tue 10 Mar 2026, …" in `width` columns.
pub(super) fn horizon_line(h: &HorizonSummary, width: usize, t: &Theme) -> Line<'static> {
    let label = format!("  {:<12}", crate::ui::pane::capitalise(h.horizon.label()));
    let count = match h.steps {
        0 => "no steps yet".to_string(),
        1 => "1 step".to_string(),
        n => format!("{n} steps"),
    };
    // As many of the nearest dates as fit, soonest first.
    let room = width.saturating_sub(text::width(&label) + text::width(&count));
    let mut due = String::new();
    for (n, d) in h.nearest.iter().enumerate() {
        let next = format!(
            "{}{}",
            if n == 0 { " · next due " } else { ", " },
            d.format("%a %-d %b %Y")
        );
        if text::width(&due) + text::width(&next) > room {
            break;
        }
        due.push_str(&next);
    }
    Line::from(vec![
        Span::styled(label, t.accent),
        Span::styled(count, t.base),
        Span::styled(due, t.base),
    ])
}
