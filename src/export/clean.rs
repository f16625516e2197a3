//! Control characters out of exported text. A title pasted from a terminal can carry an
//! escape sequence; printed to stdout by `convene export` it would drive the reader's
//! terminal, and in a file it would surprise every program that reads it. Line breaks are
//! real content (one point per line), so they stay, with `\r\n` and `\r` made `\n`.

/// The text with line breaks kept as `\n`, tabs kept, and every other control character
/// shown as its visible symbol (U+2400 block for C0 and DEL, U+FFFD for C1).
pub fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
    out
}

/// The text on one line: as `text`, with line breaks and tabs made spaces.
pub fn line(raw: &str) -> String {
    text(raw)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect()
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
