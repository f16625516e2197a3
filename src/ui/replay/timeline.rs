//! The timeline under a replay: a caption naming the current event, the day as a line of
//! time from the first event to the last with the cursor on it, the phase marks as letters,
//! and a legend, so nothing rests on colour alone. While the log is still being read, the
//! line runs to the last event read and the legend says how far that is; a file refused part
//! way says so there, in place of the legend.

use crate::replay::{Phase, Playback, Replayer};
use crate::store::LoadError;
use crate::ui::pane::capitalise;
use crate::ui::text;
use crate::ui::theme::Theme;
use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, Timelike};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The marker of the current event on the line of time.
pub const CURSOR: &str = "●";

/// Where each row of the timeline goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rows {
    pub caption: Rect,
    pub marks: Rect,
    /// The whole row of the line of time, with its end labels.
    pub line: Rect,
    /// The line of time between its two end labels: where a click picks a time.
    pub axis: Rect,
    pub hours: Option<Rect>,
    pub legend: Rect,
}

/// Rows the timeline takes on a screen of this height.
pub fn height(screen_height: u16) -> u16 {
    if screen_height >= 40 { 7 } else { 4 }
}

impl Rows {
    /// Lays the rows out in `area` (as tall as `height` says), leaving a column of margin.
    pub fn new(area: Rect, replay: &Replayer) -> Rows {
        let inner = Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(2),
            ..area
        };
        let row = |n: u16| Rect {
            y: inner.y + n.min(inner.height.saturating_sub(1)),
            height: 1,
            ..inner
        };
        let (ends_w, _, _) = end_labels(replay);
        let axis_row = if area.height >= 7 { 4 } else { 2 };
        let axis = Rect {
            x: inner.x + ends_w.0,
            width: inner.width.saturating_sub(ends_w.0 + ends_w.1),
            ..row(axis_row)
        };
        if area.height >= 7 {
            Rows {
                caption: row(1),
                marks: Rect {
                    y: row(3).y,
                    ..axis
                },
                line: row(axis_row),
                axis,
                hours: Some(Rect {
                    y: row(5).y,
                    ..axis
                }),
                legend: row(6),
            }
        } else {
            Rows {
                caption: row(0),
                marks: Rect {
                    y: row(1).y,
                    ..axis
                },
                line: row(axis_row),
                axis,
                hours: None,
                legend: row(3),
            }
        }
    }
}

/// The first and last times of the log as labels, and the widths they take with a space.
fn end_labels(replay: &Replayer) -> ((u16, u16), String, String) {
    let (Some(first), Some(last)) = (replay.events().first(), replay.events().last()) else {
        return ((0, 0), String::new(), String::new());
    };
    let (a, b) = (first.at.naive_local(), last.at.naive_local());
    let fmt = if a.date() == b.date() {
        "%H:%M"
    } else {
        "%d %b %H:%M"
    };
    let (l, mut r) = (a.format(fmt).to_string(), b.format(fmt).to_string());
    if !replay.is_complete() {
        // Only as far as the log is read.
        r.push('…');
    }
    let w = |s: &str| text::width(s) as u16 + 1;
    ((w(&l), w(&r)), l, r)
}

/// The instants at the two ends of the line of time (the earliest and latest events, in
/// case the clock stepped back during the day).
fn span(replay: &Replayer) -> Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
    let times = replay.events().iter().map(|e| e.at);
    Some((times.clone().min()?, times.max()?))
}

/// The column of an instant on an axis `width` columns wide.
fn column(
    at: DateTime<FixedOffset>,
    span: (DateTime<FixedOffset>, DateTime<FixedOffset>),
    width: u16,
) -> u16 {
    let total = (span.1 - span.0).num_milliseconds();
    if total <= 0 || width == 0 {
        return 0;
    }
    let part = (at - span.0).num_milliseconds().clamp(0, total);
    ((part as f64 / total as f64) * f64::from(width - 1)).round() as u16
}

/// The local time at a column of the axis, for a click on the timeline.
pub fn time_at(replay: &Replayer, axis: Rect, x: u16) -> Option<NaiveDateTime> {
    let span = span(replay)?;
    let offset = *replay.events().first()?.at.offset();
    let total = (span.1 - span.0).num_milliseconds();
    let col = x.checked_sub(axis.x)?.min(axis.width.saturating_sub(1));
    let part = if axis.width <= 1 {
        0
    } else {
        // Round to the nearest column's time, so clicking the cursor's own column keeps it.
        (total as f64 * f64::from(col) / f64::from(axis.width - 1)).round() as i64
    };
    let at = span.0 + Duration::milliseconds(part);
    Some(at.with_timezone(&offset).naive_local())
}

pub struct Timeline<'a> {
    pub replay: &'a Replayer,
    pub playback: &'a Playback,
    /// Why the rest of the file was refused, if it was.
    pub refused: Option<&'a LoadError>,
    pub theme: &'a Theme,
}

impl Widget for Timeline<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        buf.set_style(area, t.base);
        let rows = Rows::new(area, self.replay);
        self.caption(rows.caption, buf);
        let Some(span) = span(self.replay) else {
            Line::styled("This session has no events to replay.", t.warn).render(rows.legend, buf);
            return;
        };
        let (_, left, right) = end_labels(self.replay);
        let (axis, line) = (rows.axis, rows.line);
        Line::styled(left, t.base).render(
            Rect {
                width: axis.x - line.x,
                ..line
            },
            buf,
        );
        Line::styled(format!(" {right}"), t.base).render(
            Rect {
                x: axis.right(),
                width: line.right().saturating_sub(axis.right()),
                ..line
            },
            buf,
        );
        if axis.width < 2 {
            return;
        }
        let cursor = self
            .replay
            .event()
            .map_or(0, |e| column(e.at, span, axis.width));
        for x in 0..axis.width {
            let (symbol, style) = if x <= cursor {
                ("━", t.title)
            } else {
                ("─", t.dim)
            };
            buf[(axis.x + x, axis.y)]
                .set_symbol(symbol)
                .set_style(style);
        }
        buf[(axis.x + cursor, axis.y)]
            .set_symbol(CURSOR)
            .set_style(t.accent);
        self.marks(rows.marks, span, buf);
        if let Some(hours) = rows.hours {
            hour_labels(hours, span, t.dim, buf);
        }
        match self.refused {
            Some(e) => refusal(e, rows.legend, buf, t),
            None if !self.replay.is_complete() => self.reading(rows.legend, buf),
            None => self.legend(rows.legend, buf),
        }
    }
}

impl Timeline<'_> {
    /// "❚❚ 4x  10:42:07  Issue 12 raised: …          340 / 2,000"
    fn caption(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let r = self.replay;
        let state = if self.playback.playing() {
            format!("▶ {}x", self.playback.speed())
        } else {
            format!("❚❚ {}x", self.playback.speed())
        };
        let more = if r.is_complete() { "" } else { "…" };
        let count = format!("{} / {}{more}", thousands(r.position()), thousands(r.len()));
        let time = r
            .event()
            .map(|e| e.at.naive_local().format("%H:%M:%S").to_string())
            .unwrap_or_default();
        let right_w = text::width(&count) as u16;
        let left = format!("{state}  ");
        let used = text::width(&left) + text::width(&time) + 2;
        let room = (area.width.saturating_sub(right_w + 2) as usize).saturating_sub(used);
        let words = text::fit(&capitalise(r.caption()), room);
        Line::from(vec![
            Span::styled(left, t.accent),
            Span::styled(time, t.accent),
            Span::styled("  ", t.base),
            Span::styled(words, t.title),
        ])
        .render(area, buf);
        if area.width > right_w {
            Line::styled(count, t.dim).render(
                Rect {
                    x: area.x + area.width - right_w,
                    width: right_w,
                    ..area
                },
                buf,
            );
        }
    }

    /// Each mark's letter above its place on the line; marks that would share a column
    /// move right so every letter stays readable.
    fn marks(
        &self,
        area: Rect,
        span: (DateTime<FixedOffset>, DateTime<FixedOffset>),
        buf: &mut Buffer,
    ) {
        let mut taken: Vec<u16> = vec![];
        for mark in self.replay.marks() {
            let mut x = column(mark.at, span, area.width);
            while taken.contains(&x) && x + 1 < area.width {
                x += 1;
            }
            taken.push(x);
            let reached = self.replay.position() >= mark.position;
            let style = if reached {
                self.theme.accent
            } else {
                self.theme.dim
            };
            buf[(area.x + x, area.y)]
                .set_symbol(&mark.phase.letter().to_string())
                .set_style(style);
        }
    }

    /// "Reading the log: 340,000 events so far · End and g work once it is read"
    fn reading(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let so_far = format!(
            "Reading the log: {} events so far",
            thousands(self.replay.len())
        );
        let rest = " · End and g work once it is read";
        let mut spans = vec![Span::styled(so_far.clone(), t.accent)];
        if text::width(&so_far) + text::width(rest) <= area.width as usize {
            spans.push(Span::styled(rest, t.dim));
        }
        Line::from(spans).render(area, buf);
    }

    /// "I first issue  P first placement  V first vote  L first lead  ● this event"
    fn legend(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let spans = |short: bool| {
            let gap = if area.width >= 90 { "    " } else { "  " };
            let mut spans = vec![];
            for phase in Phase::ALL {
                if self.replay.marks().iter().any(|m| m.phase == phase) {
                    let label = if short {
                        phase.short_label()
                    } else {
                        phase.label()
                    };
                    spans.push(Span::styled(format!("{} ", phase.letter()), t.accent));
                    spans.push(Span::styled(format!("{label}{gap}"), t.dim));
                }
            }
            spans.push(Span::styled(format!("{CURSOR} "), t.accent));
            spans.push(Span::styled(
                if short { "now" } else { "this event" },
                t.dim,
            ));
            Line::from(spans)
        };
        let full = spans(false);
        if full.width() <= area.width as usize {
            full.render(area, buf);
        } else {
            spans(true).render(area, buf);
        }
    }
}

/// The file's refusal, in place of the legend, loud: it stays until the
/// viewer quits. The file's name is in the title bar, so the words start after it.
fn refusal(e: &LoadError, area: Rect, buf: &mut Buffer, t: &Theme) {
    let why = match e {
        LoadError::Event { source, .. } => source.to_string(),
        LoadError::Syntax {
            line,
            column,
            message,
            ..
        } => format!("not a valid session file at line {line}, column {column}: {message}"),
        other => {
            let full = other.to_string();
            let path = other.path().display().to_string();
            full.strip_prefix(&path).map_or(full.clone(), |rest| {
                rest.trim_start_matches([':', ' ']).to_string()
            })
        }
    };
    let words = format!("✗ This file is refused: {why}. q quits");
    buf.set_style(area, t.alarm);
    Line::styled(text::fit(&words, area.width as usize), t.alarm).render(area, buf);
}

/// Whole hours under the line where there is room for them.
fn hour_labels(
    area: Rect,
    span: (DateTime<FixedOffset>, DateTime<FixedOffset>),
    style: Style,
    buf: &mut Buffer,
) {
    let Some(first_hour) = span
        .0
        .with_minute(0)
        .and_then(|t| t.with_second(0))
        .and_then(|t| t.with_nanosecond(0))
    else {
        return;
    };
    let mut hour = first_hour + Duration::hours(1);
    let mut free_from = 0u16;
    // A long log spanning days would otherwise label thousands of hours.
    for _ in 0..48 {
        if hour > span.1 {
            break;
        }
        let label = hour.format("%H:%M").to_string();
        let w = text::width(&label) as u16;
        let x = column(hour, span, area.width).saturating_sub(w / 2);
        if x >= free_from && x + w <= area.width {
            Line::styled(label, style).render(
                Rect {
                    x: area.x + x,
                    width: w,
                    ..area
                },
                buf,
            );
            free_from = x + w + 2;
        }
        hour += Duration::hours(1);
    }
}

/// 12345 as "12,345": counts of events are read from across a room.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
