//! A labelled text field on top of ratatui-textarea: cursor movement, word jumps
//! (Ctrl/Alt-arrows), undo inside the field, paste of long text, wide characters. Single-line
//! fields leave Enter, Tab, Esc, Up and Down to the form that holds them; multi-line fields
//! take Enter as a new line and leave Esc, Tab and Ctrl-s to the form.
//! Optionally offers completions (e.g. names from the roster) below the text: `↓` puts the
//! chosen one in the field, so what Enter saves is what the field shows; a note under them
//! says what the form needs to know (a name not on the roster yet).

use crate::ui::text;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use ratatui_textarea::TextArea;

/// What a key did to the field, for the form around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKey {
    /// The field used the key (typing, moving, choosing a completion).
    Used,
    /// The form should act: Enter (single-line), Tab, Shift-Tab, Esc, Ctrl-s, or Up/Down
    /// with nothing to choose from.
    Pass,
}

/// Multi-line text (descriptions, reports) wraps at words so nothing scrolls out sideways.
const WRAP: ratatui_textarea::WrapMode = ratatui_textarea::WrapMode::WordOrGlyph;

pub struct Field {
    pub label: &'static str,
    area: TextArea<'static>,
    multiline: bool,
    /// The completion now in the field, if the user moved onto one.
    chosen: Option<usize>,
    completions: Vec<String>,
    /// What was typed before a completion was chosen, for `↑` back to it.
    typed: String,
    /// A line under the field from the form (e.g. "not on the roster yet").
    note: Option<(String, bool)>,
    /// The text the field was opened with: anything else is typed and not yet saved.
    initial: String,
    /// A comma-separated list of names: completion works on the name being typed.
    list: bool,
}

impl Field {
    pub fn new(label: &'static str) -> Field {
        let mut area = TextArea::default();
        area.set_cursor_line_style(Style::default());
        area.set_max_histories(200);
        Field {
            label,
            area,
            multiline: false,
            chosen: None,
            completions: vec![],
            typed: String::new(),
            note: None,
            initial: String::new(),
            list: false,
        }
    }

    /// A one-line field for a comma-separated list of names, completing the last one.
    pub fn names_list(label: &'static str) -> Field {
        Field {
            list: true,
            ..Field::new(label)
        }
    }

    /// The text before the name being typed, in a list ("Ann, Bob, " of "Ann, Bob, Ca").
    fn list_head(&self) -> String {
        let text = self.text();
        match text.rfind(',') {
            Some(at) if self.list => format!("{}, ", text[..at].trim_end()),
            _ => String::new(),
        }
    }

    /// The name being typed: the whole text, or in a list the part after the last comma.
    fn typed_name(&self) -> String {
        let text = self.text();
        match text.rfind(',') {
            Some(at) if self.list => text[at + 1..].trim().to_string(),
            _ => text,
        }
    }

    pub fn multiline(label: &'static str) -> Field {
        let mut field = Field {
            multiline: true,
            ..Field::new(label)
        };
        field.area.set_wrap_mode(WRAP);
        field
    }

    /// A field opened holding `text` (what is saved already), so only changes to it count
    /// as typed.
    pub fn with_text(mut self, text: &str) -> Field {
        self.set_text(text);
        self.initial = self.text();
        self
    }

    /// True when the field holds text that was typed and not saved: the text differs from
    /// what it was opened with, or from what `saved` last recorded.
    pub fn edited(&self) -> bool {
        self.text() != self.initial
    }

    /// What the field holds now is saved (e.g. after a form saves and stays open).
    pub fn saved(&mut self) {
        self.initial = self.text();
    }

    /// What the field holds (a chosen completion is in the text already).
    pub fn value(&self) -> String {
        self.text()
    }

    /// A line under the field, or none.
    pub fn set_note(&mut self, note: Option<String>) {
        self.note = note.map(|n| (n, true));
    }

    /// A line under the field saying what the text means (e.g. a date), not a warning.
    pub fn set_hint(&mut self, hint: Option<String>) {
        self.note = hint.map(|n| (n, false));
    }

    /// The text as typed.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_empty(&self) -> bool {
        self.area.is_empty()
    }

    pub fn set_text(&mut self, value: &str) {
        let value = sanitize(value, self.multiline);
        let mut area = TextArea::new(value.split('\n').map(str::to_string).collect());
        area.set_cursor_line_style(Style::default());
        area.set_max_histories(200);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        if self.multiline {
            area.set_wrap_mode(WRAP);
        }
        self.area = area;
        self.chosen = None;
    }

    /// Empties the field after what it held was saved.
    pub fn clear(&mut self) {
        self.set_text("");
        self.initial.clear();
    }

    /// Sets the names offered for what is typed, best first, ignoring case and accents
    /// and forgiving a small typo (see `name_match`). While the user is moving through
    /// the names offered, the list stays as it is.
    pub fn offer<'a>(&mut self, names: impl Iterator<Item = &'a str>) {
        if self.chosen.is_some() {
            return;
        }
        self.completions = super::name_match::best(&self.typed_name(), names)
            .into_iter()
            .map(str::to_string)
            .collect();
    }

    /// Forgets the names offered (e.g. the field was left).
    pub fn forget_offers(&mut self) {
        self.completions.clear();
        self.chosen = None;
    }

    fn choose(&mut self, choice: Option<usize>) {
        if self.chosen.is_none() {
            self.typed = self.text();
        }
        let text = match choice.and_then(|n| self.completions.get(n)) {
            Some(name) if self.list => {
                let head = match self.typed.rfind(',') {
                    Some(at) => format!("{}, ", self.typed[..at].trim_end()),
                    None => String::new(),
                };
                format!("{head}{name}")
            }
            Some(name) => name.clone(),
            None => self.typed.clone(),
        };
        let mut area = TextArea::new(vec![text]);
        area.set_cursor_line_style(Style::default());
        area.set_max_histories(200);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        self.area = area;
        self.chosen = choice;
        self.note = None;
    }

    pub fn completions(&self) -> &[String] {
        &self.completions
    }

    pub fn key(&mut self, key: KeyEvent) -> FieldKey {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc | KeyCode::Tab | KeyCode::BackTab => return FieldKey::Pass,
            KeyCode::Char('s') if ctrl => return FieldKey::Pass,
            KeyCode::Enter if !self.multiline => return FieldKey::Pass,
            KeyCode::Down if !self.completions.is_empty() => {
                self.choose(Some(
                    self.chosen.map_or(0, |c| (c + 1) % self.completions.len()),
                ));
                return FieldKey::Used;
            }
            KeyCode::Up if self.chosen.is_some() => {
                self.choose(self.chosen.and_then(|c| c.checked_sub(1)));
                return FieldKey::Used;
            }
            KeyCode::Up | KeyCode::Down if !self.multiline => return FieldKey::Pass,
            // Right at the end of the text takes the first completion, as shells do.
            KeyCode::Right if !self.completions.is_empty() && self.at_end() => {
                let choice = self.completions[self.chosen.unwrap_or(0)].clone();
                let head = if self.chosen.is_some() {
                    String::new()
                } else {
                    self.list_head()
                };
                let choice = match self.chosen {
                    Some(_) => self.text(),
                    None => format!("{head}{choice}"),
                };
                self.set_text(&choice);
                self.completions.clear();
                return FieldKey::Used;
            }
            _ => {}
        }
        if self.area.input(key) {
            self.chosen = None;
            self.note = None;
        }
        FieldKey::Used
    }

    fn at_end(&self) -> bool {
        let ratatui_textarea::DataCursor(row, col) = self.area.cursor();
        let lines = self.area.lines();
        row + 1 == lines.len() && col == lines[row].chars().count()
    }

    /// Pasted text: control characters never get in; a single-line field keeps one line.
    pub fn paste(&mut self, pasted: &str) {
        self.area.insert_str(sanitize(pasted, self.multiline));
        self.chosen = None;
        self.note = None;
    }

    /// Rows the field needs: its label, its text box, any completions and its note.
    pub fn height(&self, lines: u16) -> u16 {
        1 + 2
            + if self.multiline { lines } else { 1 }
            + self.completions.len() as u16
            + u16::from(self.note.is_some())
    }

    /// Draws the label, the box (highlighted when focused) and the completions.
    pub fn render(&mut self, area: Rect, buf: &mut Buffer, theme: &Theme, focused: bool) {
        if area.height < 3 || area.width < 4 {
            return;
        }
        let label_style = if focused { theme.accent } else { theme.dim };
        let marker = if focused { "▶ " } else { "  " };
        Line::styled(format!("{marker}{}", self.label), label_style)
            .render(Rect { height: 1, ..area }, buf);
        let box_h = if self.multiline {
            (area.height - 1).saturating_sub(self.completions.len() as u16)
        } else {
            3
        }
        .max(3)
        .min(area.height - 1);
        let box_area = Rect {
            y: area.y + 1,
            height: box_h,
            ..area
        };
        let border = if focused { theme.accent } else { theme.border };
        self.area.set_style(theme.base);
        self.area.set_cursor_style(if focused {
            theme.base.add_modifier(Modifier::REVERSED)
        } else {
            theme.base
        });
        self.area
            .set_block(Block::default().borders(Borders::ALL).border_style(border));
        (&self.area).render(box_area, buf);
        let first = box_area.y + box_area.height;
        if let Some((note, warn)) = &self.note
            && first < area.y + area.height
        {
            let style = if *warn { theme.warn } else { theme.accent };
            Line::styled(text::fit(&format!("  {note}"), area.width as usize), style).render(
                Rect {
                    y: first,
                    height: 1,
                    ..area
                },
                buf,
            );
        }
        let first = first + u16::from(self.note.is_some());
        for (y, (n, name)) in (first..area.y + area.height).zip(self.completions.iter().enumerate())
        {
            let chosen = self.chosen == Some(n);
            let style = if chosen { theme.selected } else { theme.dim };
            let mark = if chosen { "  ▶ " } else { "    " };
            Line::from(Span::styled(
                text::fit(&format!("{mark}{name}"), area.width as usize),
                style,
            ))
            .render(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                buf,
            );
        }
    }
}

/// Control characters are dropped (tabs become spaces); newlines survive only where allowed.
fn sanitize(value: &str, multiline: bool) -> String {
    // Terminals (and tmux) paste a line break as a carriage return.
    value
        .replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' if multiline => Some('\n'),
            '\n' | '\t' | '\r' => Some(' '),
            c if c.is_control() => None,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind: ratatui::crossterm::event::KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn typing_and_completion() {
        let mut f = Field::new("Convener");
        for c in "am".chars() {
            assert_eq!(f.key(press(KeyCode::Char(c))), FieldKey::Used);
        }
        let roster = ["Amira Patel", "Sam Hale", "Bob"];
        f.offer(roster.iter().copied());
        assert_eq!(f.completions(), ["Amira Patel", "Sam Hale"]);
        assert_eq!(f.value(), "am");
        f.key(press(KeyCode::Down));
        assert_eq!(f.value(), "Amira Patel");
        assert_eq!(f.key(press(KeyCode::Enter)), FieldKey::Pass);
    }

    #[test]
    fn paste_drops_control_characters() {
        let mut f = Field::new("Title");
        f.paste("one\ntwo\u{1b}[31m\tthree");
        assert_eq!(f.text(), "one two[31m three");
        let mut m = Field::multiline("Notes");
        m.paste("a\r\nb\rc\r\rd");
        assert_eq!(m.text(), "a\nb\nc\n\nd");
        let mut f = Field::new("Name");
        f.paste("Ann One\rBob Two");
        assert_eq!(f.text(), "Ann One Bob Two");
    }
}
