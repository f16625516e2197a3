//! The marketplace on the wall, as people announce their issues: the newest one large with
//! its convener (in big letters where every word fits), then the others newest first, in
//! two columns on a wide screen, on the page that holds the selected issue.

use crate::model::{Issue, IssueId};
use crate::ui::pane::View;
use crate::ui::text;
use crate::ui::widgets::BigTitle;
use crate::ui::widgets::big_title::big_layout;
use crate::ui::widgets::wrap::{cell, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

pub fn render(selected: Option<IssueId>, area: Rect, buf: &mut Buffer, view: &View) {
    let t = view.theme;
    let s = view.session;
    buf.set_style(area, t.base);
    if area.height < 6 || area.width < 20 {
        return;
    }
    let mut issues: Vec<&Issue> = s.active_issues().collect();
    issues.reverse();
    let top = if area.height >= 30 { 2 } else { 1 };
    let heading = format!("Issues raised: {}", issues.len());
    Paragraph::new(Line::styled(heading, t.accent))
        .alignment(Alignment::Center)
        .render(
            Rect {
                y: area.y + top - 1,
                height: 1,
                ..area
            },
            buf,
        );
    let inner = Rect {
        x: area.x + 2,
        y: area.y + top + 1,
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(top + 1),
    };
    let Some((newest, rest)) = issues.split_first() else {
        Paragraph::new(Line::styled("No issues yet", t.title))
            .alignment(Alignment::Center)
            .render(inner, buf);
        return;
    };
    let convener = |i: &Issue| i.convener.map(|c| s.participant_name(c).to_string());

    // The newest issue takes up to a third of the screen: big letters if it fits there.
    let band = inner.height / 3;
    let by = match convener(newest) {
        Some(name) => format!("#{} · raised by {name}", newest.id),
        None => format!("#{}", newest.id),
    };
    let hero_h = match big_layout(&newest.title, inner.width, band.saturating_sub(1)) {
        Some(big) => {
            let r = Rect {
                height: big.height,
                ..inner
            };
            BigTitle::new(&newest.title, t.title).render(r, buf);
            big.height
        }
        None => {
            let lines = wrap(&newest.title, inner.width as usize);
            let rows = (lines.len() as u16).min(band.saturating_sub(1).max(1));
            Paragraph::new(
                lines
                    .into_iter()
                    .take(rows as usize)
                    .map(|l| Line::styled(l, t.title))
                    .collect::<Vec<_>>(),
            )
            .alignment(Alignment::Center)
            .render(
                Rect {
                    height: rows,
                    ..inner
                },
                buf,
            );
            rows
        }
    };
    Paragraph::new(Line::styled(text::fit(&by, inner.width as usize), t.accent))
        .alignment(Alignment::Center)
        .render(
            Rect {
                y: inner.y + hero_h,
                height: 1,
                ..inner
            },
            buf,
        );

    let body = Rect {
        y: inner.y + hero_h + 2,
        height: inner.height.saturating_sub(hero_h + 2),
        ..inner
    };
    if rest.is_empty() || body.height == 0 {
        return;
    }
    let columns: u16 = if body.width >= 150 { 2 } else { 1 };
    let spacing: u16 = if body.height >= 24 { 2 } else { 1 };
    let per_column = (body.height.saturating_sub(1) / spacing).max(1) as usize;
    let per_page = per_column * columns as usize;
    let at = selected
        .and_then(|id| rest.iter().position(|i| i.id == id))
        .unwrap_or(0);
    let start = at / per_page * per_page;
    let col_w = (body.width - (columns - 1) * 4) / columns;
    let number_w = rest
        .iter()
        .map(|i| i.id.0.to_string().len())
        .max()
        .unwrap_or(1);
    for (n, issue) in rest.iter().enumerate().skip(start).take(per_page) {
        let slot = n - start;
        let col = (slot / per_column) as u16;
        let row = (slot % per_column) as u16;
        let r = Rect {
            x: body.x + col * (col_w + 4),
            y: body.y + row * spacing,
            width: col_w,
            height: 1,
        };
        let is_selected = Some(issue.id) == selected;
        let by = convener(issue)
            .map(|c| format!(" — {c}"))
            .unwrap_or_default();
        let mark = if is_selected { "▶ " } else { "  " };
        let line = format!("{mark}{:>number_w$}  {}{by}", issue.id.0, issue.title);
        let style = if is_selected { t.selected } else { t.title };
        buf.set_style(r, style);
        Line::styled(cell(&line, r.width as usize), style).render(r, buf);
    }
    if rest.len() > per_page {
        let pages = rest.len().div_ceil(per_page);
        let note = format!("{} / {pages}", start / per_page + 1);
        let r = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        Paragraph::new(Line::styled(text::fit(&note, r.width as usize), t.dim))
            .alignment(Alignment::Right)
            .render(r, buf);
    }
}
