//! Drawing the Vote pane: the round's header, then the ranked bars or the breakdown by
//! group, with the round form or a prompt (voter, issue number, count) over them when open.

use super::{Entry, VotePane, breakdown, chart, header};
use crate::ui::pane::View;
use crate::ui::text;
use crate::ui::widgets::form_rows::backdrop;
use chart::Chart;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

impl VotePane {
    pub(super) fn draw(&mut self, area: Rect, buf: &mut Buffer, view: &View, big: bool) {
        let t = view.theme;
        buf.set_style(area, t.base);
        self.drawn_big = big;
        let Some(round) = self.round(view.session) else {
            empty(area, buf, view);
            self.draw_overlays(area, buf, view);
            return;
        };
        let voter = match self.entry {
            Entry::Person(p) if !round.anonymous => Some(p),
            _ => None,
        };
        let head = header::Header {
            session: view.session,
            round,
            voter,
            theme: t,
            big,
            read_only: view.read_only,
        };
        let mut lines = head.lines();
        let ranked = self.ranked(round);
        if !big && !ranked && round.results_visible() {
            lines.push(Line::styled(
                "In ballot order while the round is open, so rows stay put as you count · o ranks them",
                t.dim,
            ));
        }
        let head_h = (lines.len() as u16 + 1).min(area.height);
        Paragraph::new(lines).render(
            Rect {
                height: head_h,
                ..area
            },
            buf,
        );
        let body = Rect {
            y: area.y + head_h,
            height: area.height - head_h,
            ..area
        };
        let rows = chart::rows(round, ranked);
        let selected = self.current(round);
        if self.breakdown && !round.anonymous {
            breakdown::Table {
                session: view.session,
                round,
                rows: &rows,
                selected,
                theme: t,
            }
            .render(body, buf, &mut self.offset);
        } else {
            Chart {
                session: view.session,
                round,
                rows: &rows,
                selected,
                voter,
                theme: t,
                big,
                ranked,
            }
            .render(body, buf, &mut self.offset);
        }
        self.draw_overlays(area, buf, view);
    }

    fn draw_overlays(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = view.theme;
        if let Some(form) = self.form.as_mut() {
            backdrop(area, form.form.height(), buf, t);
            let inset = inset(area, 2);
            form.form.render(inset, buf, t);
        }
        let round = self.round(view.session);
        if let Some(prompt) = self.prompt.as_mut() {
            let preview = prompt.preview(view.session, round);
            let field = prompt.field_mut();
            let inset = inset(area, 2);
            let h = field.height(1) + 1 + u16::from(preview.is_some());
            backdrop(area, h, buf, t);
            let r = Rect {
                height: field.height(1).min(inset.height),
                ..inset
            };
            field.render(r, buf, t, true);
            if let Some(preview) = preview
                && r.y + r.height < area.y + area.height
            {
                let (text, style) = match preview {
                    Ok(text) => (text, t.accent),
                    Err(why) => (why, t.warn),
                };
                Line::styled(text::fit(&text, inset.width as usize), style).render(
                    Rect {
                        y: r.y + r.height,
                        height: 1,
                        ..inset
                    },
                    buf,
                );
            }
        }
    }
}

fn inset(area: Rect, by: u16) -> Rect {
    let by = by.min(area.width / 4);
    Rect {
        x: area.x + by,
        width: area.width - 2 * by,
        ..area
    }
}

fn empty(area: Rect, buf: &mut Buffer, view: &View) {
    let t = view.theme;
    let has_issues = view.session.active_issues().next().is_some();
    let lines = if view.read_only {
        vec![Line::styled("No vote yet.", t.title)]
    } else if has_issues {
        vec![
            Line::styled("No vote yet.", t.title),
            Line::raw(""),
            Line::styled(
                "Press n to start a round: 3 dots each, every issue on the ballot, Enter to accept.",
                t.base,
            ),
        ]
    } else {
        vec![
            Line::styled("No issues to vote on yet.", t.title),
            Line::raw(""),
            Line::styled(
                "Raise issues in 2 Issues, then press n here to start a round.",
                t.base,
            ),
        ]
    };
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inset(area, 1), buf);
}
