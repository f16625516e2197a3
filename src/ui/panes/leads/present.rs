//! The Leads pane for the room: each priority with its lead and supporters, biggest first.
//! A priority nobody leads yet is an invitation ("who will take this on?"), not a warning;
//! the facilitator's flags (too many priorities for one lead) and key hints stay on their
//! own screen.

use super::listing::{Item, Listing};
use crate::model::IssueId;
use crate::ui::pane::View;
use crate::ui::text;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub(super) fn render(
    listing: &Listing,
    selected: Option<IssueId>,
    area: Rect,
    buf: &mut Buffer,
    view: &View,
) {
    let t = view.theme;
    let s = view.session;
    buf.set_style(area, t.base);
    if area.height < 6 || area.width < 30 {
        return;
    }
    let top = area.y + u16::from(area.height >= 30);
    Paragraph::new(Line::styled("Who takes it forward", t.title))
        .alignment(Alignment::Center)
        .render(
            Rect {
                y: top,
                height: 1,
                ..area
            },
            buf,
        );
    let body = Rect {
        x: area.x + 2,
        y: top + 2,
        width: area.width.saturating_sub(4),
        height: area.bottom().saturating_sub(top + 2),
    };
    // The room reads one ranking, biggest first, whatever group triage put each issue in.
    let mut listed: Vec<_> = listing
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Issue(l) => Some(l),
            Item::Heading(..) => None,
        })
        .collect();
    listed.sort_by_key(|l| (l.dots.is_none(), std::cmp::Reverse(l.dots), l.issue));
    if listed.is_empty() {
        Paragraph::new(Line::styled("No priorities yet", t.title))
            .alignment(Alignment::Center)
            .render(body, buf);
        return;
    }
    // Two lines per priority (title, then lead and supporters), a blank between where the
    // screen is tall enough.
    let per = if body.height as usize >= listed.len() * 3 || body.height >= 30 {
        3
    } else {
        2
    };
    let fits = (body.height as usize / per).max(1);
    let at = selected
        .and_then(|id| listed.iter().position(|l| l.issue == id))
        .unwrap_or(0);
    let start = at / fits * fits;
    let place_w = listed.iter().map(|l| l.place.len()).max().unwrap_or(0);
    let w = body.width as usize;
    for (n, l) in listed.iter().enumerate().skip(start).take(fits) {
        let Some(issue) = s.issues.get(&l.issue) else {
            continue;
        };
        let y = body.y + ((n - start) * per) as u16;
        let place = if place_w > 0 {
            format!("{:>place_w$}  ", l.place)
        } else {
            String::new()
        };
        let title = format!("{place}#{} {}", issue.id, issue.title);
        let row = |dy: u16| Rect {
            y: y + dy,
            height: 1,
            ..body
        };
        let chosen = Some(l.issue) == selected;
        let title_style = if chosen { t.selected } else { t.title };
        if chosen {
            buf.set_style(row(0), t.selected);
        }
        Line::styled(text::fit(&title, w), title_style).render(row(0), buf);
        let indent = " ".repeat(text::width(&place) + 2);
        let supporters: Vec<&str> = issue
            .plan
            .supporters
            .iter()
            .map(|p| s.participant_name(*p))
            .collect();
        let line = match issue.plan.lead {
            Some(lead) => {
                let mut spans = vec![
                    Span::styled(format!("{indent}led by "), t.base),
                    Span::styled(s.participant_name(lead).to_string(), t.accent),
                ];
                if !supporters.is_empty() {
                    spans.push(Span::styled(
                        format!(" · with {}", supporters.join(", ")),
                        t.base,
                    ));
                }
                spans
            }
            None => {
                let mut spans = vec![Span::styled(
                    format!("{indent}Who will take this on?"),
                    t.accent,
                )];
                if !supporters.is_empty() {
                    spans.push(Span::styled(
                        format!(" · {} will help", supporters.join(", ")),
                        t.base,
                    ));
                }
                spans
            }
        };
        let fitted: Vec<Span> = fit_spans(line, w);
        Line::from(fitted).render(row(1), buf);
    }
    if listed.len() > fits {
        let pages = listed.len().div_ceil(fits);
        let note = format!("{} / {pages}", start / fits + 1);
        Paragraph::new(Line::styled(note, t.dim))
            .alignment(Alignment::Right)
            .render(
                Rect {
                    y: area.bottom() - 1,
                    height: 1,
                    ..area
                },
                buf,
            );
    }
}

/// Spans cut to `width` columns in all, the last one shortened with "…".
fn fit_spans(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let mut left = width;
    let mut out = vec![];
    for span in spans {
        if left == 0 {
            break;
        }
        let fitted = text::fit(&span.content, left);
        left = left.saturating_sub(text::width(&fitted));
        out.push(Span::styled(fitted, span.style));
    }
    out
}
