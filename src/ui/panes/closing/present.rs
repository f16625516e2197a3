//! Closing for the room: the day in figures and the action plan by horizon, each next step
//! with its owner and due date. No keys, no paths, no reports still owed: the closing
//! circle celebrates what was done and who carries it forward.

use super::summary::{DayFigures, render_tiles};
use crate::model::{Horizon, Session, StepStatus};
use crate::ui::paint;
use crate::ui::pane::{View, capitalise};
use crate::ui::text;
use crate::ui::theme::Theme;
use crate::ui::widgets::wrap::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

/// The day in figures and the action plan, made again only when the session changes: with
/// thousands of next steps, sorting and wording them was most of a frame.
pub(super) struct Day {
    pub summary: DayFigures,
    /// Each horizon's steps, soonest due first, as (what, who and when).
    plan: Vec<(Horizon, Vec<(String, String)>)>,
}

impl Day {
    pub fn of(session: &Session) -> Day {
        Day {
            summary: DayFigures::of(session),
            plan: plan(session),
        }
    }
}

pub(super) fn render(day: &Day, area: Rect, buf: &mut Buffer, view: &View) {
    let t = view.theme;
    paint::style(buf, area, t.base);
    if area.height < 8 || area.width < 30 {
        return;
    }
    let area = Rect {
        x: area.x + 1,
        width: area.width - 2,
        ..area
    };
    let s = &day.summary;
    let theme = wrap(&text::clean(&view.session.theme), area.width as usize);
    let theme_h = (theme.len() as u16).min(if area.height >= 40 { 3 } else { 1 });
    Paragraph::new(
        theme
            .into_iter()
            .map(|l| Line::styled(l, t.title))
            .collect::<Vec<_>>(),
    )
    .alignment(Alignment::Center)
    .render(
        Rect {
            y: area.y + u16::from(area.height >= 30),
            height: theme_h,
            ..area
        },
        buf,
    );
    let top = area.y + theme_h + 1 + u16::from(area.height >= 30);
    // The figures take about half the screen, the plan the rest.
    let per_row: u16 = if area.width >= 150 { 6 } else { 3 };
    let tile_rows = 6 / per_row;
    let tile_h = (area.height / 2 / tile_rows).clamp(3, 13);
    let tiles_h = tile_rows * tile_h;
    render_tiles(
        s,
        per_row,
        tile_h,
        Rect {
            y: top,
            height: tiles_h.min(area.bottom().saturating_sub(top)),
            ..area
        },
        buf,
        t,
    );
    let y = top + tiles_h + 1;
    let plan = Rect {
        y: y.min(area.bottom()),
        height: area.bottom().saturating_sub(y),
        ..area
    };
    render_plan(&day.plan, plan, buf, t);
}

/// One next step as the room reads it: "✓ Rota for discharge", "Gus Hale, due Fri 20 Mar".
fn step_line(session: &Session, step: &crate::model::NextStep) -> (String, String) {
    let mark = match step.status {
        StepStatus::Done => "✓ ",
        _ => "• ",
    };
    let owner = step.owner.map_or("owner to be found".to_string(), |o| {
        session.participant_name(o).to_string()
    });
    let due = step.due.map_or(String::new(), |d| {
        format!(", due {}", d.format("%a %-d %b"))
    });
    (format!("{mark}{}", step.text), format!("{owner}{due}"))
}

/// Each horizon's steps not dropped, soonest due first, done ones last.
fn plan(session: &Session) -> Vec<(Horizon, Vec<(String, String)>)> {
    Horizon::ALL
        .iter()
        .map(|&h| {
            let mut steps: Vec<_> = session
                .active_issues()
                .flat_map(|i| i.plan.steps.values())
                .filter(|s| s.horizon == h && s.status != StepStatus::Dropped)
                .collect();
            steps.sort_by_key(|s| (s.status == StepStatus::Done, s.due.is_none(), s.due));
            (
                h,
                steps.into_iter().map(|s| step_line(session, s)).collect(),
            )
        })
        .collect()
}

/// The action plan in three columns on a wide screen, one under the other otherwise, each
/// horizon's steps soonest due first, and "+ N more" where they do not all fit.
fn render_plan(
    by_horizon: &[(Horizon, Vec<(String, String)>)],
    area: Rect,
    buf: &mut Buffer,
    t: &Theme,
) {
    if area.height < 2 {
        return;
    }
    Line::styled("Action plan", t.title)
        .alignment(Alignment::Center)
        .render(Rect { height: 1, ..area }, buf);
    let body = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    if by_horizon.iter().all(|(_, steps)| steps.is_empty()) {
        Line::styled("No next steps yet", t.dim)
            .alignment(Alignment::Center)
            .render(Rect { height: 1, ..body }, buf);
        return;
    }
    let wide = body.width >= 120;
    if wide {
        let w = body.width / 3;
        for (n, (h, steps)) in by_horizon.iter().enumerate() {
            let r = Rect {
                x: body.x + n as u16 * w,
                width: w.saturating_sub(2),
                ..body
            };
            horizon(*h, steps, r, buf, t);
        }
    } else {
        // Each horizon gets rows in proportion to its steps, at least its heading and one.
        let shown: Vec<_> = by_horizon.iter().filter(|(_, s)| !s.is_empty()).collect();
        let total: usize = shown.iter().map(|(_, s)| s.len()).sum();
        let rows = body.height as usize;
        let mut y = body.y;
        for (n, (h, steps)) in shown.iter().enumerate() {
            let left = body.bottom().saturating_sub(y) as usize;
            let rest: usize = shown[n + 1..].len() * 2;
            let share = if n + 1 == shown.len() {
                left
            } else {
                (2 + steps.len() * rows.saturating_sub(2 * shown.len()) / total.max(1))
                    .min(left.saturating_sub(rest))
                    .max(2)
            };
            let r = Rect {
                y,
                height: (share as u16).min(body.bottom().saturating_sub(y)),
                ..body
            };
            horizon(*h, steps, r, buf, t);
            y += share as u16;
        }
    }
}

/// A horizon's steps under its heading: each on two lines (what, then who and when) where
/// they all fit so, else on one.
fn horizon(h: Horizon, steps: &[(String, String)], area: Rect, buf: &mut Buffer, t: &Theme) {
    if area.height == 0 {
        return;
    }
    let w = area.width as usize;
    let heading = format!("{} ({})", capitalise(h.label()), steps.len());
    Line::styled(text::fit(&heading, w), t.accent).render(Rect { height: 1, ..area }, buf);
    let rows = area.height.saturating_sub(1) as usize;
    let two = steps.len() * 2 <= rows;
    let lines = if two { steps.len() * 2 } else { steps.len() };
    // "+ N more" takes the last row, unless there is only one: the heading has the count.
    let cut = lines > rows && rows >= 2;
    let shown = if cut { rows - 1 } else { rows };
    // Only the lines that fit are made: a horizon may hold thousands of steps.
    let lines = steps
        .iter()
        .flat_map(|(what, who)| {
            if two {
                vec![
                    Line::styled(text::fit(what, w), t.base),
                    Line::styled(text::fit(&format!("  {who}"), w), t.dim),
                ]
            } else {
                vec![Line::styled(
                    text::fit(&format!("{what} — {who}"), w),
                    t.base,
                )]
            }
        })
        .take(shown);
    for (n, line) in lines.enumerate() {
        let r = Rect {
            y: area.y + 1 + n as u16,
            height: 1,
            ..area
        };
        paint::line(&line, r, buf);
    }
    if cut {
        let r = Rect {
            y: area.y + rows as u16,
            height: 1,
            ..area
        };
        let more = format!("  + {} more", steps.len() - shown);
        Line::styled(more, t.dim).render(r, buf);
    }
}
