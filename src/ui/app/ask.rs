//! The question the app asks before typed text is thrown away, in every pane the same
//! words, whatever form holds the text: one place, so no pane can forget to ask.

use super::{App, PaneId};
use crate::ui::pane::Notice;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// A question the app asks before typed text is thrown away: the same words in every
/// pane, whatever form or editor holds the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// `Esc` in a form holding typed text.
    Discard,
    /// `q` or `Ctrl-c` while a form holds typed text.
    Quit,
}

impl Ask {
    pub fn question(self) -> &'static str {
        match self {
            Ask::Discard => "Discard what you typed? y/n",
            Ask::Quit => "Discard what you typed and quit? y/n",
        }
    }
}

impl App {
    pub(super) fn answer(&mut self, ask: Ask, key: KeyEvent) {
        match key.code {
            KeyCode::Char('y' | 'Y') => {
                self.asking = None;
                match ask {
                    Ask::Discard => {
                        self.panes.get(self.pane).discard();
                        self.info("Discarded what you typed");
                    }
                    Ask::Quit => {
                        for id in PaneId::ALL {
                            self.panes.get(id).discard();
                        }
                        self.request_quit();
                    }
                }
            }
            KeyCode::Char('n' | 'N') | KeyCode::Esc => {
                self.asking = None;
                self.info("Kept what you typed");
            }
            // Anything else would be a guess: the question stays until y or n.
            _ => {}
        }
    }

    fn info(&mut self, text: &str) {
        self.notice = Some(Notice {
            text: text.into(),
            error: false,
        });
    }
}

pub(super) fn render_question(ask: Ask, area: Rect, buf: &mut Buffer, t: &Theme) {
    buf.set_style(area, t.alarm);
    let text = crate::ui::text::fit(&format!(" ? {}", ask.question()), area.width as usize);
    Line::from(Span::styled(text, t.alarm)).render(area, buf);
}
