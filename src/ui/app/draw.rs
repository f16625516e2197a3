//! Drawing the whole screen: the pane, and around it the tabs, the notice line, the status
//! bar and help; or, in present mode, only what the room reads.

use super::ask::render_question;
use super::{App, MIN_HEIGHT, MIN_WIDTH, PaneId};
use crate::store::SaveState;
use crate::ui::pane::{Notice, View, capitalise};
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

impl App {
    /// Draws the whole screen.
    pub fn render(&mut self, area: Rect, buf: &mut Buffer) {
        crate::ui::paint::style(buf, area, self.theme.base);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(area, buf, &self.theme);
            return;
        }
        let theme = self.theme;
        let reminder = self.reminder();
        let view = View {
            session: &self.journal.session,
            theme: &theme,
            now: self.now,
            read_only: self.read_only,
        };
        let pane = self.panes.get(self.pane);
        let mut keys = pane.keys();
        if self.read_only {
            // Replay lists only the keys that work there.
            keys.retain(|k| !k.edits);
        }
        keys.retain(|k| !self.shadowed.contains(&k.keys));
        let help_area = if self.present {
            // The room reads this screen, but a failed save must still catch the
            // facilitator's eye.
            let failed = match &self.save_state {
                SaveState::Failed(why) if !self.read_only => Some(why),
                _ => None,
            };
            let [shown, remind, alarm] = Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length(u16::from(reminder.is_some())),
                Constraint::Length(u16::from(failed.is_some())),
            ])
            .areas(area);
            pane.render_present(shown, buf, &view);
            if let Some(text) = &reminder {
                render_reminder(text, remind, buf, &theme);
            }
            if let Some(ask) = self.asking {
                let bottom = Rect {
                    y: area.y + area.height - 1,
                    height: 1,
                    ..area
                };
                render_question(ask, bottom, buf, &theme);
            }
            if let Some(why) = failed {
                let notice = Notice {
                    text: format!("NOT SAVED: {why} · f shows the status bar"),
                    error: true,
                };
                render_notice(Some(&notice), false, alarm, buf, &theme);
            }
            area
        } else {
            let [tabs, body, notice, status] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Fill(1),
                Constraint::Length(1),
                Constraint::Length(1),
            ])
            .areas(area);
            self.tabs = tabs;
            self.body = body;
            pane.render(body, buf, &view);
            render_tabs(
                self.pane,
                PaneId::shown(&self.journal.session),
                tabs,
                buf,
                &theme,
            );
            let unsaved = matches!(self.save_state, SaveState::Failed(_));
            match self.asking {
                Some(ask) => render_question(ask, notice, buf, &theme),
                None => render_notice(self.notice.as_ref(), unsaved, notice, buf, &theme),
            }
            let bar_keys = match &self.mode_keys {
                Some((_, mode)) => mode.as_slice(),
                None => keys.as_slice(),
            };
            self.render_status(bar_keys, reminder.as_deref(), status, buf);
            body
        };
        if self.help {
            crate::ui::help::render(
                crate::ui::help::Listed {
                    pane_title: self.pane.title(),
                    keys: &keys,
                    global: &self.global_keys.help(),
                    mode: self.mode_keys.as_ref(),
                    read_only: self.read_only,
                    panes: PaneId::shown(&self.journal.session).len(),
                },
                help_area,
                buf,
                &theme,
                &mut self.help_scroll,
            );
        }
    }
}

fn render_tabs(current: PaneId, shown: &[PaneId], area: Rect, buf: &mut Buffer, t: &Theme) {
    let cell = area.width / shown.len() as u16;
    for (n, id) in shown.iter().enumerate() {
        let x = area.x + cell * n as u16;
        let r = Rect {
            x,
            width: cell,
            ..area
        };
        let selected = *id == current;
        let label = if selected {
            format!("▶ {} {}", n + 1, id.title())
        } else {
            format!("  {} {}", n + 1, id.title())
        };
        let style = if selected { t.selected } else { t.dim };
        buf.set_style(r, style);
        Line::from(Span::styled(
            crate::ui::text::fit(&label, cell as usize),
            style,
        ))
        .render(r, buf);
    }
}

/// The reminder at the foot of the room's screen, centred in reverse video.
fn render_reminder(text: &str, area: Rect, buf: &mut Buffer, t: &Theme) {
    buf.set_style(area, t.selected);
    let text = crate::ui::text::fit(&format!("⏰ {text}"), area.width as usize);
    Line::styled(text, t.selected)
        .alignment(ratatui::layout::Alignment::Center)
        .render(area, buf);
}

/// The notice line. While saves fail, a change the room just made is not yet safe, so its
/// notice loses the tick and says so rather than contradict the status bar.
fn render_notice(notice: Option<&Notice>, unsaved: bool, area: Rect, buf: &mut Buffer, t: &Theme) {
    if let Some(n) = notice {
        let (style, mark, tail) = match (n.error, unsaved) {
            (true, _) => (t.alarm, "✗ ", ""),
            (false, true) => (t.warn, "• ", " (not saved yet)"),
            (false, false) => (t.accent, "✓ ", ""),
        };
        let text = crate::ui::text::fit(&format!(" {mark}{}{tail}", n.text), area.width as usize);
        buf.set_style(area, if n.error { t.alarm } else { t.base });
        Line::from(Span::styled(text, style)).render(area, buf);
    }
}

fn too_small(area: Rect, buf: &mut Buffer, t: &Theme) {
    let text = format!(
        "Make the window larger: at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{})",
        area.width, area.height
    );
    Paragraph::new(capitalise(&text))
        .style(t.warn)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
