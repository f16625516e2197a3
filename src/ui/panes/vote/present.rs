//! The Vote pane for the room: while a round hides its results, only how many dots are in
//! so far (no order, no counts per issue, nothing to sway the last voters); once revealed,
//! the ranking as thick bars with the count beside each and shared places shown as ties.

use super::VotePane;
use super::chart::{self, Chart};
use crate::ui::pane::View;
use crate::ui::text;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

pub(super) fn render(p: &mut VotePane, area: Rect, buf: &mut Buffer, view: &View) {
    let t = view.theme;
    buf.set_style(area, t.base);
    if area.height < 6 || area.width < 20 {
        return;
    }
    let centred = |y: u16, s: &str, style, buf: &mut Buffer| {
        Paragraph::new(Line::styled(text::fit(s, area.width as usize), style))
            .alignment(Alignment::Center)
            .render(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                buf,
            );
    };
    let Some(round) = p.round(view.session) else {
        centred(area.y + area.height / 2, "No vote yet", t.title, buf);
        return;
    };
    let top = area.y + u16::from(area.height >= 30);
    let cast = round.dots_cast();
    let dots = if cast == 1 { "dot" } else { "dots" };
    if !round.results_visible() {
        let heading = format!("Round {} · {} dots each", round.id, round.dots_per_person);
        centred(top, &heading, t.title, buf);
        let (state, style) = if round.open {
            (format!("Voting open: {cast} {dots} so far"), t.accent)
        } else {
            (
                format!("Voting closed: {cast} {dots} cast · results soon"),
                t.accent,
            )
        };
        // The count as large as the screen allows, the words under it.
        let figure = cast.to_string();
        let glyphs = figure.chars().count() as u16;
        let room = area.height.saturating_sub(6);
        let size = [(PixelSize::Full, 8, 8), (PixelSize::Quadrant, 4, 4)]
            .into_iter()
            .find(|(_, w, h)| area.width >= w * glyphs && room >= *h);
        let mid = area.y + area.height / 2;
        match size {
            Some((size, _, h)) => {
                let y = mid.saturating_sub(h / 2 + 1).max(top + 2);
                BigText::builder()
                    .pixel_size(size)
                    .style(t.title)
                    .alignment(Alignment::Center)
                    .lines(vec![Line::from(figure)])
                    .build()
                    .render(
                        Rect {
                            y,
                            height: h,
                            ..area
                        },
                        buf,
                    );
                centred(y + h + 1, &state, style, buf);
            }
            None => centred(mid, &state, style, buf),
        }
        return;
    }
    let heading = format!("Round {} results · {cast} {dots}", round.id);
    centred(top, &heading, t.title, buf);
    let body = Rect {
        x: area.x + 1,
        y: top + 2,
        width: area.width.saturating_sub(2),
        height: area.bottom().saturating_sub(top + 2),
    };
    // The room sees the ranking.
    let rows = chart::rows(round, true);
    let mut offset = 0;
    Chart {
        session: view.session,
        round,
        rows: &rows,
        selected: None,
        voter: None,
        theme: t,
        big: true,
        ranked: true,
    }
    .render(body, buf, &mut offset);
}
