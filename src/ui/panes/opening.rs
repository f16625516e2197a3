//! The Opening pane: the theme in big letters, the principles and the law of two feet.

use crate::ui::pane::{Cx, Handled, KeyHelp, Pane, View};
use crate::ui::text;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub const PRINCIPLES: [&str; 5] = [
    "Whoever comes are the right people",
    "Whatever happens is the only thing that could have",
    "Whenever it starts is the right time",
    "Wherever it happens is the right place",
    "When it's over, it's over",
];

pub const LAW_OF_TWO_FEET: &str =
    "The law of two feet: if you are neither learning nor contributing, go somewhere you can.";

#[derive(Default)]
pub struct OpeningPane {}

impl Pane for OpeningPane {
    fn key(&mut self, _key: KeyEvent, _cx: &mut Cx) -> Handled {
        Handled::No
    }

    fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = view.theme;
        let [theme_area, rest] =
            Layout::vertical([Constraint::Length(4), Constraint::Fill(1)]).areas(area);
        Paragraph::new(text::clean(&view.session.theme).into_owned())
            .style(t.title)
            .wrap(Wrap { trim: true })
            .render(theme_area, buf);
        let mut lines: Vec<Line> = PRINCIPLES
            .iter()
            .map(|p| Line::styled(format!("• {p}"), t.base))
            .collect();
        lines.push(Line::raw(""));
        lines.push(Line::styled(LAW_OF_TWO_FEET, t.accent));
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(rest, buf);
    }

    fn keys(&self) -> Vec<KeyHelp> {
        vec![]
    }
}
