//! The status bar: the session, the pane, the main keys (or the reminder that matters
//! more), whether everything is saved, and the clock.

use super::App;
use crate::store::SaveState;
use crate::ui::pane::KeyHelp;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

impl App {
    pub(super) fn render_status(
        &self,
        keys: &[KeyHelp],
        reminder: Option<&str>,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let t = &self.theme;
        buf.set_style(area, t.bar);
        let (save, save_style) = match &self.save_state {
            SaveState::Saved => ("✓ saved".to_string(), t.bar),
            SaveState::Saving => ("… saving".to_string(), t.bar),
            SaveState::Failed(why) => (format!("✗ NOT SAVED: {why}"), t.alarm),
        };
        let save = if self.read_only {
            "REPLAY (read-only)".to_string()
        } else if self.checking {
            "… checking the file".to_string()
        } else {
            save
        };
        let clock = self.now.format("%H:%M").to_string();
        let mut hints: Vec<String> = keys
            .iter()
            .filter(|k| k.main)
            .map(|k| format!("{} {}", k.keys, k.what))
            .collect();
        hints.push("? help".into());
        let right = format!(" {save} │ {clock} ");
        let right_w = crate::ui::text::width(&right) as u16;
        let pane = format!(" {} │ ", self.pane.title());
        let budget = area.width.saturating_sub(right_w) as usize;
        let left = if reminder.is_some() {
            // The reminder needs the room more than the theme does.
            format!(" {}", pane.trim_start())
        } else {
            let theme_w = (budget / 3).clamp(8, 40);
            let theme_text = crate::ui::text::fit(&self.journal.session.theme, theme_w);
            format!(" {theme_text} │{pane}")
        };
        let room = budget.saturating_sub(crate::ui::text::width(&left));
        // The reminder takes the place of the hints: it is what matters now.
        let line = match reminder {
            Some(text) => Line::from(vec![
                Span::styled(left, t.bar),
                Span::styled(crate::ui::text::fit(&format!(" ⏰ {text} "), room), t.alarm),
            ]),
            None => Line::from(vec![
                Span::styled(left, t.bar),
                Span::styled(crate::ui::text::fit(&hints.join("  "), room), t.bar),
            ]),
        };
        line.render(area, buf);
        let right_area = Rect {
            x: area.x + area.width.saturating_sub(right_w),
            width: right_w.min(area.width),
            ..area
        };
        Line::from(Span::styled(right, save_style)).render(right_area, buf);
    }
}
