//! A title in big letters (tui-big-text) when it fits the area, else in wrapped bold text.
//! Themes are often long questions ("How do we get people home from hospital well, and
//! keep them well at home?"): big letters are only worth it when every word is readable,
//! so the widget never cuts a word and falls back to plain text rather than overflow.

use super::wrap::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

/// Sizes tried, biggest first, with the cells one glyph takes (columns, rows).
/// Half-height pixels are nearly square on a terminal, so they read best; quadrants are
/// half as wide and still legible from the back of a room.
const SIZES: [(PixelSize, u16, u16); 2] =
    [(PixelSize::HalfHeight, 8, 4), (PixelSize::Quadrant, 4, 4)];

/// Fewest glyphs per line worth drawing big: below that, most words would not fit anyway.
const MIN_GLYPHS: u16 = 6;

pub struct BigTitle<'a> {
    pub text: &'a str,
    pub style: Style,
    pub align: Alignment,
}

/// How a text would be drawn in big letters.
#[derive(Clone, Debug, PartialEq)]
pub struct BigLayout {
    pub size: PixelSize,
    pub lines: Vec<String>,
    /// Rows the big lines take.
    pub height: u16,
}

impl<'a> BigTitle<'a> {
    pub fn new(text: &'a str, style: Style) -> BigTitle<'a> {
        BigTitle {
            text,
            style,
            align: Alignment::Center,
        }
    }

    pub fn left(self) -> BigTitle<'a> {
        BigTitle {
            align: Alignment::Left,
            ..self
        }
    }
}

/// The biggest size at which every word of `text` fits whole in `area`, if any.
pub fn big_layout(text: &str, width: u16, height: u16) -> Option<BigLayout> {
    let text = drawable(text)?;
    for (size, glyph_w, glyph_h) in SIZES {
        let per_line = width / glyph_w;
        if per_line < MIN_GLYPHS {
            continue;
        }
        let Some(lines) = wrap_words(&text, per_line as usize) else {
            continue;
        };
        let rows = lines.len() as u16 * glyph_h;
        if rows <= height {
            return Some(BigLayout {
                size,
                lines,
                height: rows,
            });
        }
    }
    None
}

/// The text with typographic quotes and dashes made plain, if the big font can draw all of
/// it (ASCII and Latin-1); emoji, CJK and other scripts get the plain-text fallback.
fn drawable(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        let c = match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c => c,
        };
        if !matches!(c, ' '..='~' | '\u{A1}'..='\u{FF}') {
            return None;
        }
        out.push(c);
    }
    (!out.is_empty()).then_some(out)
}

/// Greedy word wrap into lines of at most `max` characters; `None` if a word is longer.
fn wrap_words(text: &str, max: usize) -> Option<Vec<String>> {
    let mut lines: Vec<String> = vec![];
    let mut current = String::new();
    for word in text.split(' ') {
        let len = word.chars().count();
        if len > max {
            return None;
        }
        let used = current.chars().count();
        if used == 0 {
            current.push_str(word);
        } else if used + 1 + len <= max {
            current.push(' ');
            current.push_str(word);
        } else {
            lines.push(std::mem::take(&mut current));
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    Some(lines)
}

impl Widget for BigTitle<'_> {
    /// Centred vertically in `area`: big letters if they fit, else wrapped bold text.
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        if let Some(layout) = big_layout(self.text, area.width, area.height) {
            let top = (area.height - layout.height) / 2;
            let r = Rect {
                y: area.y + top,
                height: layout.height,
                ..area
            };
            BigText::builder()
                .pixel_size(layout.size)
                .style(self.style)
                .alignment(self.align)
                .lines(layout.lines.into_iter().map(Line::from).collect::<Vec<_>>())
                .build()
                .render(r, buf);
            return;
        }
        let lines = wrap(self.text, area.width as usize);
        let rows = (lines.len() as u16).min(area.height);
        let r = Rect {
            y: area.y + (area.height - rows) / 2,
            height: rows,
            ..area
        };
        let paragraph = Paragraph::new(lines.into_iter().map(Line::from).collect::<Vec<_>>())
            .style(self.style)
            .alignment(self.align);
        paragraph.render(r, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_theme_is_big_long_theme_is_not() {
        let big = big_layout("Home well", 80, 10).expect("fits");
        assert_eq!(big.size, PixelSize::HalfHeight);
        assert_eq!(big.lines, ["Home well"]);
        let long = "How do we get people home from hospital well, and keep them well at home?";
        assert!(big_layout(long, 80, 8).is_none());
        let wide = big_layout(long, 200, 30).expect("fits at 200 columns");
        assert!(wide.lines.iter().all(|l| l.chars().count() <= 50));
    }

    #[test]
    fn words_are_never_cut_and_other_scripts_fall_back() {
        assert!(big_layout("Interdisciplinarity", 60, 40).is_none());
        assert!(big_layout("日本語", 200, 60).is_none());
        assert_eq!(
            big_layout("It’s “ours”", 200, 60).unwrap().lines,
            ["It's \"ours\""]
        );
    }

    #[test]
    fn draws_plain_text_when_too_long() {
        let area = Rect::new(0, 0, 20, 3);
        let mut buf = Buffer::empty(area);
        BigTitle::new("How do we join up care?", Style::default()).render(area, &mut buf);
        let text: String = (0..20).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(text.trim(), "How do we join up");
    }
}
