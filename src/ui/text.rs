//! Text as the terminal will show it. The rule itself (controls made visible, bidi
//! overrides removed, cuts only between grapheme clusters, widths in columns) is
//! `crate::text`, the same for every command and export; the screens use it through here.

use std::borrow::Cow;

pub use crate::text::{fit, width};

/// One line of text made safe for the terminal (see `crate::text::line`).
pub fn clean(text: &str) -> Cow<'_, str> {
    crate::text::line(text)
}

/// Cleaned lines of a multi-line text.
pub fn lines(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    text.lines().map(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_pass() {
        assert_eq!(clean("a\u{1b}[2Jb"), "a\u{241b}[2Jb");
        assert_eq!(clean("x\u{202E}y"), "xy");
        assert_eq!(clean("plain"), "plain");
    }

    #[test]
    fn fit_counts_columns() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(width(&fit("日本語テキスト", 5)), 5);
    }
}
