//! The Leads pane (being built).

use crate::ui::pane::{Cx, Handled, KeyHelp, Pane, View};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};

#[derive(Default)]
pub struct LeadsPane {}

impl Pane for LeadsPane {
    fn key(&mut self, _key: KeyEvent, _cx: &mut Cx) -> Handled {
        Handled::No
    }

    fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        Paragraph::new("The Leads pane is not built yet.")
            .style(view.theme.dim)
            .render(area, buf);
    }

    fn keys(&self) -> Vec<KeyHelp> {
        vec![]
    }
}
