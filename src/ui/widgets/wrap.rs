//! Word wrapping by display width, for text whose height must be known before it is drawn
//! (centring a theme, sizing a box). Words wider than the line are broken by columns.
//! Cells and columns of tables: text cut and padded to an exact display width.

use crate::ui::text;
use unicode_segmentation::UnicodeSegmentation;

/// Cleaned lines of at most `width` columns; paragraph breaks (`\n`) are kept.
pub fn wrap(input: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = vec![];
    for paragraph in input.split('\n') {
        let paragraph = text::clean(paragraph);
        let mut line = String::new();
        let mut used = 0;
        for word in paragraph.split_whitespace() {
            let w = text::width(word);
            if used > 0 && used + 1 + w <= width {
                line.push(' ');
                line.push_str(word);
                used += 1 + w;
                continue;
            }
            if used > 0 {
                out.push(std::mem::take(&mut line));
                used = 0;
            }
            if w <= width {
                line.push_str(word);
                used = w;
                continue;
            }
            // Broken between grapheme clusters, never inside an emoji sequence.
            for g in word.graphemes(true) {
                let cw = text::width(g);
                if used + cw > width && used > 0 {
                    out.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push_str(g);
                used += cw;
            }
        }
        out.push(line);
    }
    out
}

/// `text` cleaned, cut with "…" and padded with spaces to exactly `width` columns.
pub fn cell(input: &str, width: usize) -> String {
    let mut s = text::fit(input, width);
    let w = text::width(&s);
    s.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    s
}

/// Like `cell`, aligned right (numbers).
pub fn cell_right(input: &str, width: usize) -> String {
    let s = text::fit(input, width);
    let pad = width.saturating_sub(text::width(&s));
    format!("{}{s}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_by_columns() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("日本語テキスト", 6), ["日本語", "テキス", "ト"]);
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn cells_have_exact_width() {
        assert_eq!(cell("abc", 5), "abc  ");
        assert_eq!(cell("abcdef", 4), "abc…");
        assert_eq!(text::width(&cell("日本語", 5)), 5);
        assert_eq!(cell_right("7", 3), "  7");
    }

    #[test]
    fn an_emoji_sequence_is_never_broken() {
        let family = "👨\u{200d}👩\u{200d}👧";
        let word = family.repeat(5);
        for line in wrap(&word, 5) {
            assert!(
                line.split(family).all(|rest| !rest.contains('\u{200d}')),
                "{line}"
            );
        }
    }
}
