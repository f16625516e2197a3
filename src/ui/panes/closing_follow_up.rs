//! Closing in a follow-up meeting adds the accountability summary above the day's figures:
//! the carried actions done, under way, stuck, dropped and overdue, by horizon, each beside
//! what it was at the previous meeting.

use crate::model::describe::day;
use crate::model::followup::{Tally, tally, tally_last_time};
use crate::model::{Horizon, Session};
use crate::ui::text;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Rows the summary takes: a title, one line overall, one per horizon, a blank.
pub const HEIGHT: u16 = 2 + Horizon::ALL.len() as u16 + 1;

/// "done 0→3 · under way 2→1 · stuck 1 · dropped 0 · ! overdue 0→1": then, an arrow, now.
pub fn against(now: &Tally, was: &Tally) -> String {
    let part = |n: usize, w: usize, what: &str| {
        if n == w {
            format!("{what} {n}")
        } else {
            format!("{what} {w}→{n}")
        }
    };
    let mut parts = vec![
        part(now.done, was.done, "done"),
        part(now.under_way, was.under_way, "under way"),
        part(now.stuck, was.stuck, "stuck"),
        part(now.dropped, was.dropped, "dropped"),
    ];
    let overdue = part(now.overdue, was.overdue, "overdue");
    parts.push(if now.overdue > 0 {
        format!("! {overdue}")
    } else {
        overdue
    });
    parts.join(" · ")
}

/// The summary's lines, for the pane and for tests.
pub fn lines(session: &Session) -> Vec<(String, String)> {
    let Some(f) = &session.follow_up else {
        return vec![];
    };
    let (now, by_now) = tally(session, f.date, true);
    let (was, by_was) = tally_last_time(session);
    let mut out = vec![(
        format!(
            "Accountability since {} (then→now), {} carried",
            day(f.follows.date),
            match now.actions {
                1 => "1 action".to_string(),
                n => format!("{n} actions"),
            }
        ),
        String::new(),
    )];
    out.push(("  All".to_string(), against(&now, &was)));
    for (n, h) in Horizon::ALL.iter().enumerate() {
        let label = h.label();
        let mut label = format!("  {}{}", label[..1].to_uppercase(), &label[1..]);
        label.truncate(14);
        out.push((label, against(&by_now[n], &by_was[n])));
    }
    out
}

/// Draws the summary at the top of `area` and returns what is left below it.
pub fn draw(area: Rect, buf: &mut Buffer, session: &Session, t: &Theme) -> Rect {
    let lines = lines(session);
    if lines.is_empty() || area.height < HEIGHT + 8 {
        return area;
    }
    for (n, (label, figures)) in lines.iter().enumerate() {
        let r = Rect {
            y: area.y + n as u16,
            height: 1,
            ..area
        };
        if n == 0 {
            Line::styled(text::fit(label, area.width as usize), t.title).render(r, buf);
            continue;
        }
        let label = format!("{label:<14}");
        let room = (area.width as usize).saturating_sub(text::width(&label));
        let style = if figures.contains("! ") {
            t.warn
        } else {
            t.base
        };
        Line::from(vec![
            Span::styled(label, t.accent),
            Span::styled(text::fit(figures, room), style),
        ])
        .render(r, buf);
    }
    Rect {
        y: area.y + HEIGHT,
        height: area.height - HEIGHT,
        ..area
    }
}
