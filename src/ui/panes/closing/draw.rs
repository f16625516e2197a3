//! The facilitator's view of Closing: the theme, the figures, the next steps by horizon,
//! the breakouts still owing a report, and where the proceedings go (or went).

use super::ClosingPane;
use super::summary::{DayFigures, horizon_line, missing_reports, render_tiles};
use crate::model::Horizon;
use crate::ui::pane::View;
use crate::ui::panes::placement::placement_text;
use crate::ui::text;
use crate::ui::widgets::form_rows::backdrop;
use chrono::Timelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Most rows the list of missing reports takes below the next steps on a narrow screen.
const MISSING_ROWS: u16 = 4;

pub(super) fn render(
    p: &mut ClosingPane,
    s: &DayFigures,
    area: Rect,
    buf: &mut Buffer,
    view: &View,
) {
    let t = view.theme;
    buf.set_style(area, t.base);
    if area.height < 8 || area.width < 30 {
        return;
    }
    let time = view
        .now
        .time()
        .with_nanosecond(0)
        .unwrap_or(view.now.time());
    let missing = missing_reports(view.session, time);
    p.pick = p.pick.min(missing.len().saturating_sub(1));
    let foot = foot_lines(p, view);
    let foot_h = foot
        .iter()
        .map(|l| (l.width() as u16).div_ceil(area.width.max(1)).max(1))
        .sum::<u16>();
    let theme_h = if area.height >= 30 { 3 } else { 1 };
    let steps_h = 1 + Horizon::ALL.len() as u16;
    // The missing reports sit beside the next steps on a wide screen, under them otherwise.
    let beside = area.width >= 120;
    let missing_h = if missing.is_empty() {
        0
    } else if beside {
        (1 + missing.len() as u16).clamp(steps_h, 10)
    } else {
        1 + (missing.len() as u16).min(MISSING_ROWS)
    };
    let lower_h = if beside {
        steps_h.max(missing_h)
    } else {
        steps_h + missing_h + u16::from(missing_h > 0)
    };
    let spare = area
        .height
        .saturating_sub(theme_h + 1 + lower_h + 1 + foot_h);
    // Two rows of three while they can be tall enough for full-size figures; one row of six
    // on a wide but short screen.
    let per_row: u16 = if spare / 2 < 10 && area.width >= 150 {
        6
    } else {
        3
    };
    let tile_rows = 6 / per_row;
    let tile_h = (spare / tile_rows).clamp(3, 13);

    Paragraph::new(Line::styled(
        text::clean(&view.session.theme).into_owned(),
        t.title,
    ))
    .wrap(Wrap { trim: true })
    .render(
        Rect {
            height: theme_h,
            ..area
        },
        buf,
    );
    let top = area.y + theme_h + 1;
    render_tiles(
        s,
        per_row,
        tile_h,
        Rect {
            y: top,
            height: (tile_rows * tile_h).min(area.bottom().saturating_sub(top)),
            ..area
        },
        buf,
        t,
    );

    let y = top + tile_rows * tile_h + 1;
    let bottom = area.bottom().saturating_sub(foot_h);
    let lower = Rect {
        y: y.min(bottom),
        height: bottom.saturating_sub(y),
        ..area
    };
    let (steps_area, missing_area) = if beside {
        let w = area.width / 2;
        (
            Rect { width: w, ..lower },
            Rect {
                x: lower.x + w + 2,
                width: lower.width - w - 2,
                ..lower
            },
        )
    } else {
        let h = steps_h.min(lower.height);
        (
            Rect { height: h, ..lower },
            Rect {
                y: lower.y + h + 1,
                height: lower.height.saturating_sub(h + 1),
                ..lower
            },
        )
    };
    let mut lines = vec![Line::styled("Next steps", t.title)];
    lines.extend(
        s.horizons
            .iter()
            .map(|h| horizon_line(h, steps_area.width as usize, t)),
    );
    Paragraph::new(lines).render(steps_area, buf);
    if !missing.is_empty() {
        render_missing(p, &missing, missing_area, buf, view);
    }
    let r = Rect {
        y: bottom,
        height: foot_h.min(area.bottom().saturating_sub(bottom)),
        ..area
    };
    Paragraph::new(foot)
        .wrap(Wrap { trim: false })
        .render(r, buf);
    if let Some((field, _)) = p.location.as_mut() {
        let h = field.height(1);
        backdrop(area, h + 2, buf, t);
        let r = Rect {
            x: area.x + 2,
            width: area.width.saturating_sub(4),
            height: h.min(area.height),
            ..area
        };
        field.render(r, buf, t, true);
        let hint = Rect {
            y: r.bottom(),
            height: 1,
            ..r
        };
        Line::styled(
            "Enter writes every format there (created if need be) · Esc cancels",
            t.dim,
        )
        .render(hint.intersection(area), buf);
    }
}

/// The breakouts without a report, the chosen one marked, scrolled to keep it in view.
fn render_missing(
    p: &mut ClosingPane,
    missing: &[crate::model::IssueId],
    area: Rect,
    buf: &mut Buffer,
    view: &View,
) {
    let t = view.theme;
    if area.height == 0 {
        return;
    }
    let s = view.session;
    let heading = if view.read_only {
        format!("Took place without a report ({})", missing.len())
    } else {
        format!(
            "Took place without a report ({}) · Enter writes one",
            missing.len()
        )
    };
    Line::styled(text::fit(&heading, area.width as usize), t.warn)
        .render(Rect { height: 1, ..area }, buf);
    let fits = area.height.saturating_sub(1) as usize;
    if fits == 0 {
        return;
    }
    if p.pick < p.offset {
        p.offset = p.pick;
    } else if p.pick >= p.offset + fits {
        p.offset = p.pick + 1 - fits;
    }
    p.offset = p.offset.min(missing.len().saturating_sub(fits));
    for (n, id) in missing.iter().enumerate().skip(p.offset).take(fits) {
        let Some(issue) = s.issues.get(id) else {
            continue;
        };
        let chosen = n == p.pick && !view.read_only;
        let style = if chosen { t.selected } else { t.base };
        let r = Rect {
            y: area.y + 1 + (n - p.offset) as u16,
            height: 1,
            ..area
        };
        buf.set_style(r, style);
        let mark = if chosen { "▶ " } else { "  " };
        let place = placement_text(s, issue);
        let line = format!("{mark}#{} {} — {place}", issue.id, issue.title);
        Line::styled(text::fit(&line, r.width as usize), style).render(r, buf);
    }
    let more = missing.len().saturating_sub(p.offset + fits);
    if more > 0 && fits > 1 {
        let r = Rect {
            y: area.y + fits as u16,
            height: 1,
            ..area
        };
        buf.set_style(r, t.base);
        Line::styled(format!("  … {more} more (↓)"), t.dim).render(r, buf);
    }
}

/// Where the proceedings go, or what the last writing gave.
fn foot_lines(p: &ClosingPane, view: &View) -> Vec<Line<'static>> {
    let t = view.theme;
    if view.read_only {
        return vec![];
    }
    let label = |s: &str| Span::styled(s.to_string(), t.dim);
    match &p.last {
        Some(Ok(text)) => vec![Line::from(vec![
            label("Proceedings: "),
            Span::styled(text.clone(), t.accent),
            label(" · x writes them again"),
        ])],
        Some(Err(why)) => vec![Line::from(vec![
            Span::styled("Proceedings NOT written: ".to_string(), t.warn),
            Span::styled(why.clone(), t.base),
        ])],
        None => match (&p.keep_at, p.folder()) {
            (Some(_), _) => vec![Line::from(vec![
                label("Proceedings: "),
                Span::styled("x".to_string(), t.accent),
                label(
                    " writes them where you choose (this demo's own folder goes when it closes); ",
                ),
                Span::styled("X".to_string(), t.accent),
                label(" adds anonymous versions"),
            ])],
            (None, Some(dir)) => vec![Line::from(vec![
                label("Proceedings: "),
                Span::styled("x".to_string(), t.accent),
                label(" writes every format into "),
                Span::styled(
                    text::clean(&format!("{}/", dir.display())).into_owned(),
                    t.accent,
                ),
                label(" · "),
                Span::styled("X".to_string(), t.accent),
                label(" adds anonymous versions"),
            ])],
            (None, None) => vec![],
        },
    }
}
