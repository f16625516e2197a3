//! The one rule for text shown on a terminal or written as plain text, used by every
//! command, the app and the plain-text exports. Whatever a file or a paste holds, it never
//! drives the reader's terminal or reorders what they read:
//!
//! - control characters are made visible as their Unicode pictures (ESC shows as `␛`, so
//!   `␛[2J` reads as the sequence it was); C1 controls, which have no picture, as `�`;
//! - bidi override and isolate controls (U+202A–U+202E, U+2066–U+2069) are removed, since
//!   an unpaired one reverses everything after it on the line;
//! - on one line, line breaks and tabs are spaces; in multi-line text they stay (`\r\n`
//!   and `\r` become `\n`).
//!
//! Text is cut only between grapheme clusters, so an emoji sequence, a flag or a letter
//! with its accents is never split, and measured in terminal columns.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The text on one line, safe for a terminal.
pub fn line(raw: &str) -> Cow<'_, str> {
    if !raw.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c => push_visible(&mut out, c),
        }
    }
    Cow::Owned(out)
}

/// Multi-line text (a breakout report, an exported page), safe for a terminal: as `line`,
/// but line breaks stay as `\n` and tabs stay.
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
            c => push_visible(&mut out, c),
        }
    }
    out
}

/// A path, as `line` shows it.
pub fn path(path: &std::path::Path) -> String {
    line(&path.display().to_string()).into_owned()
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
        '\u{7f}' => out.push('\u{2421}'),
        c if c.is_control() => out.push('\u{fffd}'),
        c if is_bidi_control(c) => {}
        c => out.push(c),
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Display width in terminal columns.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// True when every character of `text` is a grapheme cluster of its own, one column wide,
/// so that text can be measured and cut by characters: none joins the next (combining
/// marks, joiners, variation selectors and controls are left out) and each is from a block
/// whose characters are not wide (ASCII, Latin-1, punctuation, arrows, box drawing,
/// shapes, symbols). Most of what a screen shows is, and is then drawn much faster.
pub fn simple(text: &str) -> bool {
    use unicode_width::UnicodeWidthChar;
    text.chars().all(|c| match c {
        ' '..='~' => true,
        '\u{a1}'..='\u{ac}'
        | '\u{ae}'..='\u{ff}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{2190}'..='\u{27bf}' => c.width() == Some(1),
        _ => false,
    })
}

/// Cuts `text` to at most `max` columns between grapheme clusters, ending with "…" when
/// something was cut. The text is not cleaned: see `fit`.
pub fn cut(text: &str, max: usize) -> String {
    if simple(text) {
        // One column a character: no need to find the clusters.
        if text.chars().nth(max).is_none() {
            return text.to_string();
        }
        let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
        if max > 0 {
            out.push('…');
        }
        return out;
    }
    cut_clusters(text, max)
}

fn cut_clusters(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = width(g);
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// The text on one line, safe for a terminal, cut to at most `max` columns.
pub fn fit(text: &str, max: usize) -> String {
    cut(&line(text), max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        assert_eq!(line("a\u{1b}[2Jb"), "a\u{241b}[2Jb");
        assert_eq!(line("\u{1b}]0;PWNED\u{7}"), "\u{241b}]0;PWNED\u{2407}");
        assert_eq!(line("del\u{7f} csi\u{9b}x"), "del\u{2421} csi\u{fffd}x");
        assert_eq!(line("one\ntwo\tthree\r"), "one two three ");
        assert_eq!(line("plain"), "plain");
        assert!(matches!(line("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn bidi_overrides_and_isolates_are_removed_and_right_to_left_text_kept() {
        assert_eq!(line("x\u{202E}y\u{2066}z\u{2069}"), "xyz");
        assert_eq!(line("עברית and العربية"), "עברית and العربية");
        assert_eq!(
            text("a\u{202D}b\nc"),
            "a\u{202D}b\nc".replace('\u{202D}', "")
        );
    }

    #[test]
    fn multi_line_text_keeps_its_lines() {
        assert_eq!(text("one\r\ntwo\rthree\nfour"), "one\ntwo\nthree\nfour");
        assert_eq!(text("a\u{1b}[31mb\tc"), "a\u{241b}[31mb\tc");
        assert_eq!(text("Zoë 🙂 中文"), "Zoë 🙂 中文");
    }

    #[test]
    fn cutting_counts_columns_and_never_splits_a_grapheme() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("日本語テキスト", 5), "日本…");
        assert_eq!(width(&fit("日本語テキスト", 5)), 5);
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("e\u{301}te\u{301}", 3), "e\u{301}te\u{301}");
        assert_eq!(fit("anything", 0), "");
        let family = "👨\u{200d}👩\u{200d}👧";
        let cut_family = fit(&format!("ab{family}{family}{family}"), 5);
        assert_eq!(cut_family, format!("ab{family}…"));
        let flags = "🇬🇧🇫🇷🇩🇪";
        assert_eq!(fit(flags, 4), "🇬🇧…");
    }

    #[test]
    fn simple_text_is_cut_as_its_clusters_are() {
        let texts = [
            "plain ascii title",
            "▶ Zoë · due Fri 20 Mar … ⚠ ● ✓ ─┼─│ «quoted» ±½",
            "",
            "x",
        ];
        for text in texts {
            assert!(simple(text), "{text}");
            for max in 0..60 {
                assert_eq!(cut(text, max), cut_clusters(text, max), "{text:?} in {max}");
            }
        }
        for text in [
            "e\u{301}",
            "日本",
            "✔\u{fe0f}",
            "a\u{ad}b",
            "tab\t",
            "\u{200d}",
        ] {
            assert!(!simple(text), "{text:?}");
        }
    }
}
