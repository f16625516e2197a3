//! Drawing the picker: the list of sessions, its footer and whichever question is open.

use super::{Mode, Picker, Row, file_name, plural};
use crate::ui::app::{MIN_HEIGHT, MIN_WIDTH};
use crate::ui::text;
use crate::ui::widgets::popup;
use crate::ui::widgets::wrap::{cell, cell_right};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The widths of the list's columns, and how a date is written in them.
struct Columns {
    /// Wide enough to say the leads too, and the day of the week.
    wide: bool,
    theme_w: usize,
    date_w: usize,
    date_format: &'static str,
    counts_w: usize,
}

impl Columns {
    fn for_width(w: usize) -> Columns {
        let wide = w >= 120;
        let (date_w, date_format, counts_w) = if wide {
            (21, "%a %d %b %Y %H:%M", 36)
        } else {
            (16, "%Y-%m-%d %H:%M", 22)
        };
        Columns {
            wide,
            theme_w: w.saturating_sub(2 + date_w + 2 + counts_w + 2),
            date_w,
            date_format,
            counts_w,
        }
    }
}

impl Picker {
    pub fn render(&mut self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        buf.set_style(area, t.base);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let text = format!(
                "Make the window larger: at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{})",
                area.width, area.height
            );
            Paragraph::new(text)
                .style(t.warn)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let inner = Rect {
            x: area.x + 2,
            width: area.width - 4,
            ..area
        };
        let w = inner.width as usize;
        let footer_h: u16 = if matches!(self.mode, Mode::Filter) {
            4
        } else {
            1
        };
        let top = if area.height >= 36 { 2 } else { 1 };
        let count = self.sessions.len();
        let heading = format!(
            "Convene · {count} session{} · newest first",
            if count == 1 { "" } else { "s" }
        );
        Line::styled(text::fit(&heading, w), t.accent).render(
            Rect {
                y: inner.y + top - 1,
                height: 1,
                ..inner
            },
            buf,
        );
        let columns = Columns::for_width(w);
        let header = format!(
            "  {}  {}  {}",
            cell("Theme", columns.theme_w),
            cell("Last saved", columns.date_w),
            cell_right("Size", columns.counts_w)
        );
        Line::styled(header, t.dim).render(
            Rect {
                y: inner.y + top,
                height: 1,
                ..inner
            },
            buf,
        );
        let bottom = inner.y + inner.height - 2 - footer_h;
        let list = Rect {
            y: inner.y + top + 1,
            height: bottom.saturating_sub(inner.y + top + 1),
            ..inner
        };
        self.render_rows(list, &columns, buf);
        self.render_footer(inner, footer_h, buf);
        self.render_question(area, buf);
    }

    /// The sessions that fit, from the scroll position, the selected one marked.
    fn render_rows(&mut self, list: Rect, columns: &Columns, buf: &mut Buffer) {
        let t = self.theme;
        let w = list.width as usize;
        let Columns {
            wide,
            theme_w,
            date_w,
            date_format,
            counts_w,
        } = *columns;
        let row_h: u16 = if list.height >= 30 { 2 } else { 1 };
        let shown = self.shown();
        let mut scroll = self.scroll;
        let page = (list.height / row_h).max(1) as usize;
        let range = scroll.fit(shown.len(), page);
        if shown.is_empty() {
            let text = if self.sessions.is_empty() && self.unreadable.is_empty() {
                "No sessions yet. Press n to start one.".to_string()
            } else {
                format!(
                    "No session matches “{}”. Esc clears the filter.",
                    self.filter.text()
                )
            };
            Line::styled(text::fit(&text, w), t.accent).render(Rect { height: 1, ..list }, buf);
        }
        for (row, n) in range.enumerate() {
            let r = Rect {
                y: list.y + row as u16 * row_h,
                height: 1,
                ..list
            };
            let selected = n == scroll.selected;
            let mark = if selected { "▶ " } else { "  " };
            let line = match &shown[n] {
                Row::Session(s) => {
                    let mut counts = format!(
                        "{} · {}",
                        plural(s.participants, "person", "people"),
                        plural(s.issues, "issue", "issues")
                    );
                    if wide {
                        counts.push_str(&format!(" · {}", plural(s.leads, "lead", "leads")));
                    }
                    format!(
                        "{mark}{}  {}  {}",
                        cell(&s.theme, theme_w),
                        cell(&s.saved_at.format(date_format).to_string(), date_w),
                        cell_right(&counts, counts_w)
                    )
                }
                Row::Unreadable(u) => format!(
                    "{mark}{}  {}",
                    cell(&shown[n].title(), theme_w),
                    cell(
                        &format!("cannot read: {}", u.reason),
                        w.saturating_sub(4 + theme_w)
                    )
                ),
            };
            let style = match (&shown[n], selected) {
                (_, true) => t.selected,
                (Row::Unreadable(_), false) => t.dim,
                _ => t.base,
            };
            buf.set_style(r, style);
            Line::styled(line, style).render(r, buf);
        }
        drop(shown);
        self.scroll = scroll;
        self.rows = Rect {
            height: page as u16 * row_h,
            ..list
        };
    }

    /// Whichever question is open over the list.
    fn render_question(&mut self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        if let Mode::ConfirmDelete(path) = &self.mode {
            let name = self
                .sessions
                .iter()
                .find(|s| &s.file == path)
                .map_or_else(|| file_name(path), |s| s.theme.clone());
            let r = popup::centred(area, 64, 6);
            let inside = popup::frame(r, buf, &t, "Move to the trash?");
            let lines = vec![
                Line::styled(
                    text::fit(&format!("“{name}”"), inside.width as usize),
                    t.title,
                ),
                Line::styled("goes to the trash folder in the data directory.", t.base),
                Line::styled("y move it · any other key keeps it", t.accent),
            ];
            Paragraph::new(lines).render(inside, buf);
        }
        if let Mode::Merge(_, flow) = &mut self.mode {
            flow.render(area, buf, &t);
        }
        if let Mode::NewTheme(field) = &mut self.mode {
            let r = popup::centred(area, (area.width * 4 / 5).max(60), 7);
            let inside = popup::frame(r, buf, &t, "New session");
            field.render(
                Rect {
                    height: 4,
                    ..inside
                },
                buf,
                &t,
                true,
            );
            let (hint, style) = match self.asking {
                Some(ask) => (ask.question(), t.alarm),
                None => ("Enter create and open · Esc cancel", t.dim),
            };
            Line::styled(hint, style).render(
                Rect {
                    y: inside.y + inside.height.saturating_sub(1),
                    height: 1,
                    ..inside
                },
                buf,
            );
        }
    }

    fn render_footer(&mut self, inner: Rect, footer_h: u16, buf: &mut Buffer) {
        let t = self.theme;
        let w = inner.width as usize;
        let y = inner.y + inner.height - 2 - footer_h;
        let footer = Rect {
            y,
            height: footer_h,
            ..inner
        };
        if matches!(self.mode, Mode::Filter) {
            self.filter.render(footer, buf, &t, true);
        } else if !self.filter.is_empty() {
            let text = format!("Filter “{}” · Esc clears", text::clean(&self.filter.text()));
            Line::styled(text::fit(&text, w), t.accent).render(footer, buf);
        }
        let notice = Rect {
            y: y + footer_h,
            height: 1,
            ..inner
        };
        if let Some(n) = &self.notice {
            let (style, mark) = if n.error {
                (t.alarm, "✗ ")
            } else {
                (t.accent, "✓ ")
            };
            Line::styled(text::fit(&format!("{mark}{}", n.text), w), style).render(notice, buf);
        }
        let keys = Rect {
            y: y + footer_h + 1,
            height: 1,
            ..inner
        };
        let hint = match self.mode {
            Mode::Filter => "type to filter · Enter keep · Esc clear",
            _ => "Enter open · n new · f follow-up · M merge in · d trash · / filter · q quit",
        };
        Line::from(Span::styled(text::fit(hint, w), t.dim)).render(keys, buf);
    }
}
