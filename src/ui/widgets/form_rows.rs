//! A small form of labelled rows: text fields, yes/no toggles and choices among a few
//! options. The Vote and Leads panes open one for a new round or a next step; the form
//! handles moving between rows and typing, and tells its pane when to accept or cancel.

use super::field::{Field, FieldKey};
use crate::ui::text;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// What one row holds.
pub enum Input {
    Text(Box<Field>),
    Toggle {
        label: &'static str,
        on: bool,
    },
    Choice {
        label: &'static str,
        options: Vec<String>,
        at: usize,
    },
}

pub struct Row {
    pub input: Input,
    /// Hidden rows are skipped while moving and not drawn (e.g. "top N" while the ballot
    /// is "every issue").
    pub shown: bool,
}

/// What a key did to the form, for the pane around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormAction {
    Used,
    Submit,
    Cancel,
}

pub struct Form {
    pub title: String,
    pub rows: Vec<Row>,
    pub focus: usize,
}

impl Form {
    /// A text row.
    pub fn text_input(field: Field) -> Input {
        Input::Text(Box::new(field))
    }

    pub fn new(title: impl Into<String>, inputs: Vec<Input>) -> Form {
        Form {
            title: title.into(),
            rows: inputs
                .into_iter()
                .map(|input| Row { input, shown: true })
                .collect(),
            focus: 0,
        }
    }

    pub fn key(&mut self, key: KeyEvent) -> FormAction {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if let Some(Input::Text(field)) = self.rows.get_mut(self.focus).map(|r| &mut r.input)
            && field.key(key) == FieldKey::Used
        {
            return FormAction::Used;
        }
        match key.code {
            KeyCode::Esc => return FormAction::Cancel,
            KeyCode::Enter => return FormAction::Submit,
            KeyCode::Char('s') if ctrl => return FormAction::Submit,
            KeyCode::Tab | KeyCode::Down => self.step(true),
            KeyCode::BackTab | KeyCode::Up => self.step(false),
            _ => self.change_choice(key.code),
        }
        FormAction::Used
    }

    /// Space, Left and Right change a toggle or a choice.
    fn change_choice(&mut self, code: KeyCode) {
        let Some(row) = self.rows.get_mut(self.focus) else {
            return;
        };
        match (&mut row.input, code) {
            (Input::Toggle { on, .. }, KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right) => {
                *on = !*on;
            }
            (Input::Choice { options, at, .. }, KeyCode::Char(' ') | KeyCode::Right) => {
                *at = (*at + 1) % options.len().max(1);
            }
            (Input::Choice { options, at, .. }, KeyCode::Left) => {
                *at = (*at + options.len().max(1) - 1) % options.len().max(1);
            }
            _ => {}
        }
    }

    fn step(&mut self, forward: bool) {
        let n = self.rows.len();
        for k in 1..=n {
            let i = if forward {
                (self.focus + k) % n
            } else {
                (self.focus + n - k) % n
            };
            if self.rows[i].shown {
                self.focus = i;
                return;
            }
        }
    }

    /// Moves the focus to a row, e.g. the one whose value was refused.
    pub fn focus_on(&mut self, row: usize) {
        if row < self.rows.len() {
            self.focus = row;
        }
    }

    pub fn paste(&mut self, pasted: &str) {
        if let Some(Input::Text(field)) = self.rows.get_mut(self.focus).map(|r| &mut r.input) {
            field.paste(pasted);
        }
    }

    pub fn text(&self, row: usize) -> String {
        match self.rows.get(row).map(|r| &r.input) {
            Some(Input::Text(field)) => field.value(),
            _ => String::new(),
        }
    }

    pub fn field_mut(&mut self, row: usize) -> Option<&mut Field> {
        match self.rows.get_mut(row).map(|r| &mut r.input) {
            Some(Input::Text(field)) => Some(field),
            _ => None,
        }
    }

    /// True when a text row holds typed text that is not saved.
    pub fn edited(&self) -> bool {
        self.rows
            .iter()
            .any(|r| matches!(&r.input, Input::Text(f) if f.edited()))
    }

    pub fn on(&self, row: usize) -> bool {
        matches!(
            self.rows.get(row).map(|r| &r.input),
            Some(Input::Toggle { on: true, .. })
        )
    }

    pub fn choice(&self, row: usize) -> usize {
        match self.rows.get(row).map(|r| &r.input) {
            Some(Input::Choice { at, .. }) => *at,
            _ => 0,
        }
    }

    pub fn show(&mut self, row: usize, shown: bool) {
        if let Some(r) = self.rows.get_mut(row) {
            r.shown = shown;
        }
    }

    fn row_height(row: &Row) -> u16 {
        match &row.input {
            Input::Text(field) => field.height(1),
            _ => 1,
        }
    }

    /// Rows the whole form wants, with its border and the key line.
    pub fn height(&self) -> u16 {
        let rows: u16 = self
            .rows
            .iter()
            .filter(|r| r.shown)
            .map(Self::row_height)
            .sum();
        rows + 3
    }

    /// Draws the form in a box over `area`, scrolled so the focused row is in view.
    pub fn render(&mut self, area: Rect, buf: &mut Buffer, theme: &Theme) {
        if area.width < 8 || area.height < 4 {
            return;
        }
        let height = self.height().min(area.height);
        let r = Rect { height, ..area };
        Clear.render(r, buf);
        buf.set_style(r, theme.base);
        let title = format!(" {} ", text::fit(&self.title, r.width as usize - 4));
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.accent)
            .title(Span::styled(title, theme.title));
        let inner = block.inner(r);
        block.render(r, buf);
        let hint = Line::styled(
            text::fit(
                "Enter accept · Esc cancel · Tab/↑↓ next field · Space change",
                inner.width as usize,
            ),
            theme.dim,
        );
        let rows_h = inner.height.saturating_sub(1);
        hint.render(
            Rect {
                y: inner.y + rows_h,
                height: 1,
                ..inner
            },
            buf,
        );
        let shown: Vec<usize> = (0..self.rows.len())
            .filter(|&i| self.rows[i].shown)
            .collect();
        // Skip rows from the top until the focused one fits.
        let mut first = 0;
        loop {
            let used: u16 = shown[first..]
                .iter()
                .take_while(|&&i| i <= self.focus)
                .map(|&i| Self::row_height(&self.rows[i]))
                .sum();
            if used <= rows_h || first + 1 >= shown.len() {
                break;
            }
            first += 1;
        }
        let mut y = inner.y;
        let bottom = inner.y + rows_h;
        for &i in &shown[first..] {
            let h = Self::row_height(&self.rows[i]);
            if y + h > bottom {
                break;
            }
            let focused = i == self.focus;
            let row_area = Rect {
                y,
                height: h,
                ..inner
            };
            match &mut self.rows[i].input {
                Input::Text(field) => field.render(row_area, buf, theme, focused),
                Input::Toggle { label, on } => {
                    let value = if *on { "[x] yes" } else { "[ ] no" };
                    choice_line(label, value, focused, theme).render(row_area, buf)
                }
                Input::Choice { label, options, at } => {
                    let value = format!("◀ {} ▶", options.get(*at).map_or("", |s| s.as_str()));
                    choice_line(label, &value, focused, theme).render(row_area, buf)
                }
            }
            y += h;
        }
    }
}

/// Blanks the full width of `area` for `height` rows, so an overlay drawn with a margin
/// leaves no half-covered text at its sides.
pub fn backdrop(area: Rect, height: u16, buf: &mut Buffer, theme: &Theme) {
    let r = Rect {
        height: height.min(area.height),
        ..area
    };
    Clear.render(r, buf);
    buf.set_style(r, theme.base);
}

fn choice_line<'a>(label: &str, value: &str, focused: bool, theme: &Theme) -> Line<'a> {
    let marker = if focused { "▶ " } else { "  " };
    let label_style = if focused { theme.accent } else { theme.dim };
    let value_style = if focused { theme.selected } else { theme.base };
    Line::from(vec![
        Span::styled(format!("{marker}{label}: "), label_style),
        Span::styled(text::clean(value).into_owned(), value_style),
    ])
}
