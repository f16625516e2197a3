//! The result by stakeholder group: one column per group that gave dots, one row per issue
//! in ranking order, so the room sees whether service users and carers backed the same
//! priorities as the biggest organisations.

use crate::model::tally::{Backing, breakdown};
use crate::model::{Group, IssueId, Ranked, Round, Session};
use crate::ui::panes::places::pad;
use crate::ui::text;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use std::collections::BTreeMap;

/// A column of the table: a group, people without one, or dots counted off the wall.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Group(Group),
    NoGroup,
    Tally,
}

impl Column {
    fn label(self, short: bool) -> &'static str {
        match (self, short) {
            (Column::Group(Group::CareProvider), true) => "Provider",
            (Column::Group(Group::VoluntarySector), true) => "Voluntary",
            (Column::Group(Group::ServiceUser), true) => "Users",
            (Column::Group(Group::Carer), true) => "Carers",
            (Column::Group(g), _) => g.label(),
            (Column::NoGroup, _) => "No group",
            (Column::Tally, true) => "Tally",
            (Column::Tally, false) => "Tally (unnamed)",
        }
    }

    fn of(self, b: &Backing) -> u32 {
        match self {
            Column::Group(g) => b.of(g),
            Column::NoGroup => b.no_group,
            Column::Tally => b.unattributed,
        }
    }
}

pub struct Table<'a> {
    pub session: &'a Session,
    pub round: &'a Round,
    pub rows: &'a [Ranked],
    pub selected: Option<IssueId>,
    pub theme: &'a Theme,
}

impl Table<'_> {
    pub fn render(&self, area: Rect, buf: &mut Buffer, offset: &mut usize) {
        let t = self.theme;
        if area.height < 3 || area.width < 20 {
            return;
        }
        if !self.round.results_visible() {
            Line::styled(
                "The breakdown stays hidden with the totals until they are revealed (r)",
                t.warn,
            )
            .render(area, buf);
            return;
        }
        let result = breakdown(self.session, self.round);
        let mut columns: Vec<Column> = Group::ALL
            .iter()
            .filter(|g| result.overall.of(**g) > 0)
            .map(|g| Column::Group(*g))
            .collect();
        if result.overall.no_group > 0 {
            columns.push(Column::NoGroup);
        }
        if result.overall.unattributed > 0 {
            columns.push(Column::Tally);
        }
        if columns.is_empty() {
            Line::styled(
                "No named dots yet: enter dots by person (v) to see which groups back what",
                t.dim,
            )
            .render(area, buf);
            return;
        }
        let by_issue: BTreeMap<IssueId, &Backing> = result
            .issues
            .iter()
            .map(|row| (row.issue, &row.backing))
            .collect();

        let id_w = self
            .rows
            .iter()
            .map(|r| r.issue.0.to_string().len())
            .max()
            .unwrap_or(1)
            + 1;
        let fixed = 2 + id_w + 1;
        let wide: usize = columns
            .iter()
            .map(|c| text::width(c.label(false)) + 2)
            .sum();
        let short = fixed + 20 + wide > area.width as usize;
        let widths: Vec<usize> = columns
            .iter()
            .map(|c| text::width(c.label(short)).max(3) + 2)
            .collect();
        let title_w = (area.width as usize)
            .saturating_sub(fixed + widths.iter().sum::<usize>())
            .max(6);

        let overall: Vec<String> = columns
            .iter()
            .map(|c| format!("{} {}", c.label(short), c.of(&result.overall)))
            .collect();
        Paragraph::new(Line::from(vec![
            Span::styled("All dots: ", t.title),
            Span::styled(overall.join(" · "), t.base),
        ]))
        .wrap(Wrap { trim: true })
        .render(Rect { height: 2, ..area }, buf);

        let mut head = vec![Span::styled(
            " ".repeat(fixed) + &pad("Issue", title_w),
            t.dim,
        )];
        for (c, w) in columns.iter().zip(&widths) {
            head.push(Span::styled(
                format!("{:>w$}", c.label(short), w = w),
                t.accent,
            ));
        }
        Line::from(head).render(
            Rect {
                y: area.y + 2,
                height: 1,
                ..area
            },
            buf,
        );

        let body = Rect {
            y: area.y + 3,
            height: area.height - 3,
            ..area
        };
        let fits = body.height as usize;
        if let Some(at) = self
            .selected
            .and_then(|s| self.rows.iter().position(|r| r.issue == s))
        {
            if at < *offset {
                *offset = at;
            } else if at >= *offset + fits {
                *offset = at + 1 - fits;
            }
        }
        *offset = (*offset).min(self.rows.len().saturating_sub(fits));
        let none = Backing::default();
        for (n, row) in self.rows.iter().skip(*offset).take(fits).enumerate() {
            let selected = Some(row.issue) == self.selected;
            let style = if selected { t.selected } else { t.base };
            let title = self
                .session
                .issues
                .get(&row.issue)
                .map_or("(gone)", |i| i.title.as_str());
            let backing = by_issue.get(&row.issue).copied().unwrap_or(&none);
            let mut spans = vec![
                Span::styled(if selected { "▶ " } else { "  " }, style),
                Span::styled(format!("#{:<w$} ", row.issue.0, w = id_w - 1), style),
                Span::styled(pad(&text::fit(title, title_w), title_w), style),
            ];
            for (c, w) in columns.iter().zip(&widths) {
                let dots = c.of(backing);
                let cell = if dots == 0 {
                    "·".to_string()
                } else {
                    dots.to_string()
                };
                spans.push(Span::styled(format!("{cell:>w$}"), style));
            }
            let line_area = Rect {
                y: body.y + n as u16,
                height: 1,
                ..body
            };
            buf.set_style(line_area, style);
            Line::from(spans).render(line_area, buf);
        }
    }
}
