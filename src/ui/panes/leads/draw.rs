//! Drawing the Leads pane: the flags that need the room's attention, the grouped ranked
//! list of issues with their leads, and the plan of the selected issue.

use super::listing::{Item, Listing, TOP_PRIORITIES, heading};
use crate::model::{Issue, IssueId, Session, StepId, StepStatus};
use crate::ui::paint;
use crate::ui::pane::View;
use crate::ui::text;
use crate::ui::theme::Theme;
use crate::ui::widgets::Field;
use crate::ui::widgets::form_rows::backdrop;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

pub struct Screen<'a> {
    pub view: &'a View<'a>,
    pub listing: &'a Listing,
    pub selected: Option<IssueId>,
    pub step: Option<StepId>,
}

impl Screen<'_> {
    pub fn render(&self, area: Rect, buf: &mut Buffer, offset: &mut usize) {
        let t = self.view.theme;
        paint::style(buf, area, t.base);
        if area.height < 4 || area.width < 30 {
            return;
        }
        if self.listing.items.is_empty() {
            let mut lines = vec![Line::styled("No issues yet.", t.title)];
            if !self.view.read_only {
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    "Raise issues in 2 Issues and vote in 4 Vote; then give each priority a lead here with l.",
                    t.base,
                ));
            }
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let flags = self.flags(area.width as usize);
        let flags_h = (flags.len() as u16).min(area.height / 3);
        paint::paragraph(
            flags,
            Rect {
                height: flags_h,
                ..area
            },
            buf,
        );
        let rest = Rect {
            y: area.y + flags_h,
            height: area.height - flags_h,
            ..area
        };
        let (list, detail) = if rest.width >= 120 {
            let list_w = rest.width * 3 / 5;
            (
                Rect {
                    width: list_w,
                    ..rest
                },
                Rect {
                    x: rest.x + list_w + 1,
                    width: rest.width - list_w - 1,
                    ..rest
                },
            )
        } else {
            let detail_h = (rest.height / 2).clamp(3, 12);
            (
                Rect {
                    height: rest.height - detail_h,
                    ..rest
                },
                Rect {
                    y: rest.y + rest.height - detail_h,
                    height: detail_h,
                    ..rest
                },
            )
        };
        self.list(list, buf, offset);
        if let Some(issue) = self.selected.and_then(|i| self.view.session.issues.get(&i)) {
            self.detail(issue, detail, buf);
        }
    }

    /// What the room should fix: top priorities nobody leads, people leading too many.
    fn flags(&self, width: usize) -> Vec<Line<'static>> {
        let t = self.view.theme;
        let s = self.view.session;
        let mut lines = vec![];
        if !self.listing.unled.is_empty() {
            let ids: Vec<String> = self.listing.unled.iter().map(|i| format!("#{i}")).collect();
            lines.push(Line::styled(
                text::fit(
                    &format!(
                        "⚠ In the top {TOP_PRIORITIES} without a lead: {}",
                        ids.join(", ")
                    ),
                    width,
                ),
                t.warn,
            ));
        }
        for (who, n) in &self.listing.overloaded {
            lines.push(Line::styled(
                text::fit(
                    &format!(
                        "⚠ {} leads {n} priorities: leadership is meant to be spread",
                        s.participant_name(*who)
                    ),
                    width,
                ),
                t.warn,
            ));
        }
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines
    }

    fn list(&self, area: Rect, buf: &mut Buffer, offset: &mut usize) {
        let t = self.view.theme;
        let s = self.view.session;
        let caption = match (self.listing.ranked, s.latest_round()) {
            (true, Some(r)) => format!("Ranked by round {}", r.id),
            (false, Some(r)) => format!("Round {}'s totals are hidden: by issue number", r.id),
            _ => "No vote yet: by issue number".to_string(),
        };
        Line::styled(text::fit(&caption, area.width as usize), t.dim)
            .render(Rect { height: 1, ..area }, buf);
        let body = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        let fits = body.height as usize;
        if fits == 0 {
            return;
        }
        let items = &self.listing.items;
        if let Some(at) = items
            .iter()
            .position(|i| matches!(i, Item::Issue(l) if Some(l.issue) == self.selected))
        {
            // Keep the group's heading in view with its first issue.
            let top = if at > 0 && matches!(items[at - 1], Item::Heading(..)) {
                at - 1
            } else {
                at
            };
            if top < *offset {
                *offset = top;
            } else if at >= *offset + fits {
                *offset = at + 1 - fits;
            }
        }
        *offset = (*offset).min(items.len().saturating_sub(fits));
        let id_w = s
            .issues
            .keys()
            .next_back()
            .map_or(1, |i| i.0.to_string().len());
        let lead_w = (area.width as usize / 4).clamp(12, 28);
        let fixed = 2 + 4 + 2 + id_w + 1 + 5 + 1 + lead_w;
        let title_w = (area.width as usize).saturating_sub(fixed).max(8);
        for (n, item) in items.iter().skip(*offset).take(fits).enumerate() {
            let r = Rect {
                y: body.y + n as u16,
                height: 1,
                ..body
            };
            match item {
                Item::Heading(group, count) => {
                    let ro = self.view.read_only;
                    let hint = if group.is_none() && !ro {
                        " · t triages"
                    } else {
                        ""
                    };
                    Line::from(vec![
                        Span::styled(heading(*group).to_uppercase(), t.accent),
                        Span::styled(format!("  ({count}){hint}"), t.dim),
                    ])
                    .render(r, buf);
                }
                Item::Issue(l) => {
                    let Some(issue) = s.issues.get(&l.issue) else {
                        continue;
                    };
                    let selected = Some(l.issue) == self.selected;
                    let style = if selected { t.selected } else { t.base };
                    paint::style(buf, r, style);
                    let dots = l.dots.map_or(String::new(), |d| format!("{d}●"));
                    let (lead, lead_style) = self.lead_text(issue);
                    let place = format!("{:>4}", l.place);
                    let id = format!("  #{:<id_w$} ", l.issue.0);
                    // The dots and lead go in their column whatever the title's width:
                    // the row is styled already, so no spaces are drawn to pad it.
                    let column = 2 + place.len() + id.len() + title_w;
                    let line = Line::from(vec![
                        Span::styled(if selected { "▶ " } else { "  " }, style),
                        Span::styled(place, style),
                        Span::styled(id, style),
                        Span::styled(text::fit(&issue.title, title_w), style),
                    ]);
                    paint::line(&line, r, buf);
                    let column = column.min(r.width as usize) as u16;
                    let rest = Rect {
                        x: r.x + column,
                        width: r.width - column,
                        ..r
                    };
                    let line = Line::from(vec![
                        Span::styled(format!("{dots:>5} "), style),
                        Span::styled(
                            text::fit(&lead, lead_w),
                            if selected { style } else { lead_style },
                        ),
                    ]);
                    paint::line(&line, rest, buf);
                }
            }
        }
    }

    /// `what`, followed by the key that changes it except in replay.
    fn hint(&self, what: &str, key: &str) -> String {
        if self.view.read_only {
            what.to_string()
        } else {
            format!("{what}{key}")
        }
    }

    fn lead_text(&self, issue: &Issue) -> (String, ratatui::style::Style) {
        let t = self.view.theme;
        match issue.plan.lead {
            Some(p) => {
                let name = self.view.session.participant_name(p);
                match self.listing.overloaded.get(&p) {
                    Some(n) => (format!("{name} ⚠{n}"), t.warn),
                    None => (name.to_string(), t.base),
                }
            }
            None if self.listing.unled.contains(&issue.id) => ("⚠ needs a lead".into(), t.warn),
            None => ("no lead".into(), t.dim),
        }
    }

    fn detail(&self, issue: &Issue, area: Rect, buf: &mut Buffer) {
        let t = self.view.theme;
        let s = self.view.session;
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(t.border)
            .title(Span::styled(
                format!(
                    " #{} {} ",
                    issue.id,
                    text::fit(&issue.title, area.width as usize - 6)
                ),
                t.title,
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let w = inner.width as usize;
        let label = |l: &str| Span::styled(format!("{l:<12}"), t.dim);
        let mut lines = vec![];
        let (lead, lead_style) = self.lead_text(issue);
        let lead = match issue.plan.lead {
            None if self.view.read_only => lead,
            None => format!("{lead} · l assigns one"),
            Some(p) => match s.participants.get(&p).and_then(|p| p.organisation.clone()) {
                Some(org) => format!("{lead} · {org}"),
                None => lead,
            },
        };
        lines.push(Line::from(vec![
            label("Lead"),
            Span::styled(text::fit(&lead, w.saturating_sub(12)), lead_style),
        ]));
        let supporters: Vec<&str> = issue
            .plan
            .supporters
            .iter()
            .map(|p| s.participant_name(*p))
            .collect();
        let supporters = if supporters.is_empty() {
            self.hint("none yet", " · s adds one")
        } else {
            supporters.join(", ")
        };
        lines.push(Line::from(vec![
            label("Supporters"),
            Span::styled(text::fit(&supporters, w.saturating_sub(12)), t.base),
        ]));
        lines.push(Line::from(vec![
            label("Triage"),
            Span::styled(
                issue
                    .plan
                    .triage
                    .map_or(self.hint("not yet", " · t triages"), |t| {
                        t.label().to_string()
                    }),
                t.base,
            ),
        ]));
        let steps = &issue.plan.steps;
        lines.push(Line::from(vec![
            label("Next steps"),
            Span::styled(
                match (steps.is_empty(), self.view.read_only) {
                    (true, _) => self.hint("none yet", " · n adds one"),
                    (false, true) => "Enter to choose".to_string(),
                    (false, false) => "n adds one · Enter to choose".to_string(),
                },
                t.dim,
            ),
        ]));
        let room = (inner.height as usize).saturating_sub(lines.len());
        let two_lines = steps.len() * 2 <= room;
        let at = self
            .step
            .and_then(|s| steps.keys().position(|k| *k == s))
            .unwrap_or(0);
        let per = if two_lines { 2 } else { 1 };
        let fits = (room / per).max(1);
        let skip = (at + 1).saturating_sub(fits);
        for step in steps.values().skip(skip).take(fits) {
            let chosen = self.step == Some(step.id);
            let style = if chosen { t.selected } else { t.base };
            let marker = if chosen { "▶ " } else { "  " };
            let status = match step.status {
                StepStatus::Done => "✓ done",
                StepStatus::Dropped => "✗ dropped",
                other => other.label(),
            };
            let owner = step.owner.map_or("no owner".to_string(), |o| {
                s.participant_name(o).to_string()
            });
            let due = step.due.map_or("no date".to_string(), |d| {
                format!("due {}", d.format("%a %-d %b %Y"))
            });
            let facts = format!("{owner} · {due} · {} · {status}", step.horizon.label());
            if two_lines {
                lines.push(Line::styled(
                    text::fit(&format!("{marker}{}", step.text), w),
                    style,
                ));
                lines.push(Line::styled(text::fit(&format!("    {facts}"), w), t.dim));
            } else {
                lines.push(Line::styled(
                    text::fit(&format!("{marker}{} — {facts}", step.text), w),
                    style,
                ));
            }
        }
        paint::paragraph(lines, inner, buf);
    }
}

/// The area forms are drawn in: the pane less a margin.
pub fn inset(area: Rect) -> Rect {
    let by = 2.min(area.width / 4);
    Rect {
        x: area.x + by,
        width: area.width - 2 * by,
        ..area
    }
}

pub fn prompt(field: &mut Field, area: Rect, buf: &mut Buffer, t: &Theme) {
    let r = inset(area);
    let h = field.height(1);
    backdrop(area, h + 1, buf, t);
    let r = Rect {
        height: h.min(r.height),
        ..r
    };
    field.render(r, buf, t, true);
}

pub fn triage_choice(issue: IssueId, session: &Session, area: Rect, buf: &mut Buffer, t: &Theme) {
    let r = inset(area);
    backdrop(area, 8, buf, t);
    let r = Rect {
        height: 7.min(r.height),
        ..r
    };
    let title = session
        .issues
        .get(&issue)
        .map_or(String::new(), |i| i.title.clone());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.accent)
        .title(Span::styled(
            format!(
                " Triage #{issue} {} ",
                text::fit(&title, r.width as usize / 2)
            ),
            t.title,
        ));
    let row = |k: &'static str, what: &'static str| {
        Line::from(vec![
            Span::styled(format!("  {k}  "), t.accent),
            Span::styled(what, t.base),
        ])
    };
    Paragraph::new(vec![
        row("d", "Do it"),
        row("c", "Clarify it"),
        row("o", "Take it to another open space"),
        row("x", "Not triaged"),
        Line::styled("  Esc  cancel", t.dim),
    ])
    .style(t.base)
    .block(block)
    .render(r, buf);
}
