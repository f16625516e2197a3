//! Issue titles folded into a cell of the wall: by display width (CJK and emoji take two
//! columns), at word boundaries where possible, with "…" when the cell is too small.

use crate::ui::text;
use unicode_segmentation::UnicodeSegmentation;

/// At most `rows` lines of at most `columns` display columns each.
pub fn wrap(raw: &str, columns: usize, rows: usize) -> Vec<String> {
    if columns == 0 || rows == 0 {
        return vec![];
    }
    let clean = text::clean(raw);
    let mut lines: Vec<String> = vec![];
    let mut line = String::new();
    let mut used = 0;
    for word in clean.split_whitespace() {
        let w = text::width(word);
        if used > 0 && used + 1 + w <= columns {
            line.push(' ');
            line.push_str(word);
            used += 1 + w;
            continue;
        }
        if w > columns && used + 2 < columns {
            // A word wider than any line (a long URL, or CJK, which has no spaces) starts
            // right here rather than leaving a short line behind.
            if used > 0 {
                line.push(' ');
                used += 1;
            }
        } else if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used + w <= columns && crate::text::simple(word) {
            // Whole on this line: no cluster of it needs finding (a frame folds hundreds).
            line.push_str(word);
            used += w;
            continue;
        }
        // Broken between grapheme clusters, never inside an emoji sequence.
        for g in word.graphemes(true) {
            let cw = text::width(g);
            if used > 0 && used + cw > columns {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push_str(g);
            used += cw;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > rows {
        lines.truncate(rows);
        let last = lines.pop().unwrap_or_default();
        // "…" goes after the last line, or over its end when the line is full.
        lines.push(text::fit(&format!("{last}…"), columns));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_words_and_ends_with_ellipsis() {
        assert_eq!(
            wrap("#3 Getting people home from hospital well", 14, 3),
            ["#3 Getting", "people home", "from hospital…"]
        );
        assert_eq!(wrap("#1 Short", 14, 3), ["#1 Short"]);
        assert_eq!(wrap("abcdefghij", 4, 2), ["abcd", "efg…"]);
        assert!(wrap("anything", 0, 3).is_empty());
    }

    #[test]
    fn wide_characters_by_columns() {
        assert_eq!(
            wrap("#7 日本語のテキストです", 8, 2),
            ["#7 日本", "語のテ…"]
        );
        assert_eq!(wrap("#7 日本語", 5, 2), ["#7 日", "本語"]);
        assert_eq!(wrap("#7 日本語", 4, 2), ["#7", "日…"]);
        for l in wrap("#8 🎉🎉🎉🎉🎉 party", 5, 4) {
            assert!(text::width(&l) <= 5, "{l}");
        }
    }

    #[test]
    fn control_characters_never_pass() {
        let lines = wrap("#2 evil\u{1b}[2Jtitle", 40, 2);
        assert!(lines.iter().all(|l| !l.contains('\u{1b}')));
    }

    #[test]
    fn an_emoji_sequence_is_never_broken() {
        let family = "👨\u{200d}👩\u{200d}👧";
        let word = family.repeat(5);
        for line in wrap(&word, 5, 9) {
            assert!(
                line.split(family).all(|rest| !rest.contains('\u{200d}')),
                "{line}"
            );
        }
    }
}
