//! Control characters out of exported text. A title pasted from a terminal can carry an
//! escape sequence; printed to stdout by `convene export` it would drive the reader's
//! terminal, and in a file it would surprise every program that reads it. Line breaks are
//! real content (one point per line), so they stay. The rule is `crate::text`, the one
//! every command and the app follow; HTML adds its own escaping on top.

/// The text with line breaks kept as `\n`, tabs kept, controls made visible and bidi
/// overrides removed (see `crate::text::text`).
pub fn text(raw: &str) -> String {
    crate::text::text(raw)
}

/// The text on one line (see `crate::text::line`).
pub fn line(raw: &str) -> String {
    crate::text::line(raw).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible_and_lines_stay() {
        assert_eq!(text("a\u{1b}[31mb"), "a\u{241b}[31mb");
        assert_eq!(text("one\r\ntwo\rthree\nfour"), "one\ntwo\nthree\nfour");
        assert_eq!(
            text("bell\u{7}\u{7f}\u{9b}x"),
            "bell\u{2407}\u{2421}\u{fffd}x"
        );
        assert_eq!(text("Zoë 🙂 中文 עברית"), "Zoë 🙂 中文 עברית");
        assert_eq!(line("a\nb\tc"), "a b c");
    }
}
