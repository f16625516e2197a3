//! Filling the buffer exactly as ratatui's `Line`, `Buffer::set_stringn` and
//! `Buffer::set_style` do, faster for the rows a large screen repeats by the hundred.
//! Ratatui takes every character through grapheme segmentation and looks up each cell by
//! its position; text made only of characters that are each one grapheme one column wide
//! (`crate::text::simple`) needs neither: one cell per character. Any other text, or an
//! alignment other than left, goes to ratatui itself.

use crate::text::simple;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

/// Draws `line` in `area` as `line.render(area, buf)` would.
pub fn line(line: &Line, area: Rect, buf: &mut Buffer) {
    let plain = line.spans.iter().all(|s| simple(&s.content));
    if !plain || matches!(line.alignment, Some(Alignment::Center | Alignment::Right)) {
        line.render(area, buf);
        return;
    }
    let area = area.intersection(buf.area);
    if area.is_empty() || line.spans.iter().all(|s| s.content.is_empty()) {
        return;
    }
    let row = Rect { height: 1, ..area };
    let cells = row_cells(buf, row);
    paint(cells, line.style);
    let mut x = 0;
    let width = cells.len();
    for span in &line.spans {
        for (cell, c) in cells[x.min(width)..].iter_mut().zip(span.content.chars()) {
            cell.set_char(c).set_style(span.style);
        }
        x += span.content.chars().count();
    }
}

/// Draws `lines` one a row from the top of `area`, as a plain `Paragraph` (no block, no
/// wrapping, no style of its own) does: each line cut at the area's edge, and its style
/// given to its characters only, not to the rest of its row.
pub fn paragraph(lines: Vec<Line>, area: Rect, buf: &mut Buffer) {
    let plain = lines.iter().all(|l| {
        !matches!(l.alignment, Some(Alignment::Center | Alignment::Right))
            && l.spans.iter().all(|s| simple(&s.content))
    });
    if !plain {
        Paragraph::new(lines).render(area, buf);
        return;
    }
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    for (y, line) in (area.y..area.bottom()).zip(&lines) {
        let cells = row_cells(
            buf,
            Rect {
                y,
                height: 1,
                ..area
            },
        );
        let chars = line.spans.iter().flat_map(|span| {
            let style = line.style.patch(span.style);
            span.content.chars().map(move |c| (c, style))
        });
        for (cell, (c, style)) in cells.iter_mut().zip(chars) {
            cell.set_char(c).set_style(style);
        }
    }
}

/// Writes `text` from (`x`, `y`) in at most `max` columns, as `Buffer::set_stringn` does.
pub fn string(buf: &mut Buffer, x: u16, y: u16, text: &str, max: usize, style: Style) {
    let inside = buf.area.contains(ratatui::layout::Position { x, y });
    if !inside || !simple(text) {
        buf.set_stringn(x, y, text, max, style);
        return;
    }
    let width = (buf.area.right().saturating_sub(x) as usize).min(max);
    let cells = row_cells(buf, Rect::new(x, y, width as u16, 1));
    for (cell, c) in cells.iter_mut().zip(text.chars()) {
        cell.set_char(c).set_style(style);
    }
}

/// Patches the style of every cell of `area`, as `Buffer::set_style` does.
pub fn style(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        paint(
            row_cells(
                buf,
                Rect {
                    y,
                    height: 1,
                    ..area
                },
            ),
            style,
        );
    }
}

fn paint(cells: &mut [Cell], style: Style) {
    if style == Style::default() {
        return;
    }
    for cell in cells {
        cell.set_style(style);
    }
}

/// The cells of a one-row `area` that lies inside the buffer.
fn row_cells(buf: &mut Buffer, area: Rect) -> &mut [Cell] {
    let start = buf.index_of(area.x, area.y);
    &mut buf.content[start..start + area.width as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier, Stylize};
    use ratatui::text::Span;

    /// What ratatui draws and what this draws, on a buffer already holding styles and text.
    fn both(make: impl Fn() -> Line<'static>, area: Rect) -> (Buffer, Buffer) {
        let mut theirs = Buffer::with_lines(["0123456789abcdef", "ghijklmnopqrstuv"]);
        theirs.set_style(Rect::new(2, 0, 6, 2), Style::new().bg(Color::Blue).italic());
        let mut ours = theirs.clone();
        make().render(area, &mut theirs);
        line(&make(), area, &mut ours);
        (theirs, ours)
    }

    #[test]
    fn draws_as_ratatui_does() {
        let areas = [
            Rect::new(0, 0, 16, 1),
            Rect::new(3, 1, 5, 1),
            Rect::new(14, 0, 8, 3),
            Rect::new(20, 0, 4, 1),
            Rect::new(0, 1, 0, 1),
        ];
        let lines: [fn() -> Line<'static>; 7] = [
            || Line::styled("plain text", Style::new().fg(Color::Red)),
            || {
                Line::from(vec![
                    Span::styled("▶ ", Style::new().bold()),
                    Span::raw("wide 日本"),
                ])
            },
            || {
                Line::from(vec![
                    Span::styled("ab", Style::new().fg(Color::Green)),
                    Span::raw(""),
                    Span::styled("cd efgh", Style::new().add_modifier(Modifier::REVERSED)),
                ])
                .style(Style::new().bg(Color::Yellow))
            },
            || Line::styled("", Style::new().bg(Color::Red)),
            || Line::styled("centred", Style::new().bold()).centered(),
            || Line::raw("tab\there"),
            || Line::raw("a much longer line than any area here").not_bold(),
        ];
        for make in lines {
            for area in areas {
                let (theirs, ours) = both(make, area);
                assert_eq!(theirs, ours, "{:?} in {area:?}", make());
            }
        }
    }

    #[test]
    fn simple_text_is_drawn_as_ratatui_does() {
        let texts = [
            "▶ #12 Zoë · due Fri 20 Mar … ⚠ 3 ● ✓ ─┼─│",
            "wide 日本 and e\u{301} and 👍🏽 and ✔\u{fe0f}",
            "soft\u{ad}hyphen",
            "",
        ];
        for text in texts {
            let make = || {
                Line::from(vec![
                    Span::raw("▶ "),
                    Span::styled(text, Style::new().bold()),
                ])
            };
            for area in [Rect::new(0, 0, 16, 1), Rect::new(3, 1, 40, 1)] {
                let (theirs, ours) = both(make, area);
                assert_eq!(theirs, ours, "{text:?} in {area:?}");
            }
            for (x, y, max) in [(0, 0, 99), (3, 1, 5), (15, 0, 4), (2, 1, 0)] {
                let mut theirs = Buffer::with_lines(["0123456789abcdef", "ghijklmnopqrstuv"]);
                let mut ours = theirs.clone();
                let style = Style::new().fg(Color::Red);
                theirs.set_stringn(x, y, text, max, style);
                string(&mut ours, x, y, text, max, style);
                assert_eq!(theirs, ours, "{text:?} at {x},{y} in {max}");
            }
        }
    }

    #[test]
    fn paragraphs_are_drawn_as_ratatui_does() {
        let lines = || {
            vec![
                Line::styled("first line, long enough to be cut", Style::new().red()),
                Line::raw(""),
                Line::from(vec![
                    Span::styled("▶ ", Style::new().bold()),
                    Span::styled("third · ✓", Style::new().bg(Color::Blue)),
                ])
                .style(Style::new().italic()),
                Line::raw("fourth"),
            ]
        };
        let wide = || vec![Line::raw("plain"), Line::raw("日本 e\u{301}")];
        let centred = || vec![Line::raw("centred").centered()];
        for make in [lines as fn() -> Vec<Line<'static>>, wide, centred] {
            for area in [
                Rect::new(0, 0, 16, 2),
                Rect::new(3, 0, 9, 5),
                Rect::new(14, 1, 8, 3),
                Rect::new(0, 0, 0, 2),
            ] {
                let mut theirs = Buffer::with_lines(["0123456789abcdef", "ghijklmnopqrstuv"]);
                theirs.set_style(Rect::new(2, 0, 6, 2), Style::new().bg(Color::Blue).italic());
                let mut ours = theirs.clone();
                Paragraph::new(make()).render(area, &mut theirs);
                paragraph(make(), area, &mut ours);
                assert_eq!(theirs, ours, "{area:?}");
            }
        }
    }

    #[test]
    fn styles_as_ratatui_does() {
        let style_of = Style::new().fg(Color::Cyan).not_italic();
        for area in [
            Rect::new(1, 0, 30, 2),
            Rect::new(0, 1, 3, 5),
            Rect::new(9, 9, 2, 2),
        ] {
            let mut theirs = Buffer::with_lines(["0123456789", "abcdefghij"]);
            theirs.set_style(Rect::new(2, 0, 4, 2), Style::new().italic());
            let mut ours = theirs.clone();
            theirs.set_style(area, style_of);
            style(&mut ours, area, style_of);
            assert_eq!(theirs, ours, "{area:?}");
        }
    }
}
