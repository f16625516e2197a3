//! `convene list`: the sessions in the data directory, newest first, as a table that fits
//! the terminal or as JSON for scripts. Files that cannot be read are listed with why.

use super::files;
use crate::model::describe::{cut, printable};
use crate::store::{self, Listed, Unreadable};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

/// The theme column never gets narrower than this, even on a tiny terminal.
const MIN_THEME: usize = 12;

pub fn run(data_dir: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let dir = store::sessions_dir(data_dir);
    files::usable_dir(&dir)?;
    let (sessions, unreadable) = store::list(&dir)
        .map_err(|e| anyhow::anyhow!("{}: cannot read the sessions folder: {e}", dir.display()))?;
    let mut out = std::io::stdout().lock();
    if json {
        let value = serde_json::json!({ "sessions": sessions, "unreadable": unreadable });
        serde_json::to_writer_pretty(&mut out, &value)?;
        writeln!(out)?;
    } else if sessions.is_empty() && unreadable.is_empty() {
        writeln!(
            out,
            "No sessions in {} yet. Start one with: convene new \"Your theme\"",
            crate::text::path(&dir)
        )?;
    } else {
        write!(out, "{}", table(&sessions, &unreadable, width()))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The terminal's width; a pipe or a file gets whole themes, for `grep`.
fn width() -> usize {
    if std::io::stdout().is_terminal()
        && let Ok((cols, _)) = ratatui::crossterm::terminal::size()
    {
        return cols as usize;
    }
    usize::MAX
}

/// The table, with the theme last and cut so each row fits in `width` columns.
pub fn table(sessions: &[Listed], unreadable: &[Unreadable], width: usize) -> String {
    let name = |path: &Path| printable(&path.file_name().unwrap_or_default().to_string_lossy());
    let names: Vec<String> = sessions.iter().map(|s| name(&s.file)).collect();
    let file_width = names.iter().map(|n| n.width()).max().unwrap_or(0).max(4);
    let fixed = file_width + 2 + 10 + 2 + 6 + 2 + 6 + 2 + 5 + 2;
    let theme_width = width.saturating_sub(fixed).max(MIN_THEME);
    let mut out = String::new();
    if !sessions.is_empty() {
        out.push_str(&format!(
            "{:<file_width$}  {:<10}  {:>6}  {:>6}  {:>5}  THEME\n",
            "FILE", "DATE", "PEOPLE", "ISSUES", "LEADS"
        ));
    }
    for (s, file) in sessions.iter().zip(&names) {
        // Pad by display width: format! pads by chars, which misaligns emoji and CJK.
        let pad = " ".repeat(file_width.saturating_sub(file.width()));
        out.push_str(&format!(
            "{file}{pad}  {}  {:>6}  {:>6}  {:>5}  {}\n",
            s.meeting_date
                .unwrap_or_else(|| s.created_at.date_naive())
                .format("%Y-%m-%d"),
            s.participants,
            s.issues,
            s.leads,
            cut(&printable(&s.theme), theme_width)
        ));
    }
    let follow_ups: Vec<(&String, &crate::store::Follows)> = sessions
        .iter()
        .zip(&names)
        .filter_map(|(s, file)| Some((file, s.follows.as_ref()?)))
        .collect();
    if !follow_ups.is_empty() {
        out.push_str("\nFollow-ups:\n");
        for (file, follows) in follow_ups {
            // The earlier meeting by its id, whatever its file is called now.
            let earlier = sessions
                .iter()
                .find(|s| s.id == follows.session)
                .map_or_else(
                    || format!("{} (not in this folder)", printable(&follows.file)),
                    |s| name(&s.file),
                );
            out.push_str(&format!("  {file} follows {earlier}\n"));
        }
    }
    if !unreadable.is_empty() {
        if !sessions.is_empty() {
            out.push('\n');
        }
        out.push_str("Could not read:\n");
        for u in unreadable {
            out.push_str(&format!("  {}: {}\n", name(&u.file), printable(&u.reason)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;
    use std::path::PathBuf;

    fn summary(file: &str, theme: &str) -> Listed {
        let at = DateTime::parse_from_rfc3339("2026-05-01T09:00:00+01:00").unwrap();
        Listed {
            file: PathBuf::from("/data/sessions").join(file),
            theme: theme.into(),
            created_at: at,
            saved_at: at,
            participants: 120,
            issues: 31,
            leads: 4,
            id: format!("id-{file}"),
            follows: None,
            meeting_date: None,
        }
    }

    #[test]
    fn rows_fit_the_width_and_themes_are_cut() {
        let sessions = [
            summary("2026-05-01-home.json", &"Home from hospital ".repeat(20)),
            summary("2026-05-01-x.json", "Short"),
        ];
        let text = table(&sessions, &[], 80);
        for line in text.lines() {
            assert!(line.width() <= 80, "{line:?} is {} wide", line.width());
        }
        assert_eq!(
            text.lines().nth(2).unwrap(),
            "2026-05-01-x.json     2026-05-01     120      31      4  Short"
        );
        assert!(text.lines().nth(1).unwrap().ends_with('…'));
    }

    #[test]
    fn unreadable_files_are_listed_with_their_reason() {
        let bad = [Unreadable {
            file: PathBuf::from("/data/sessions/broken.json"),
            reason: "EOF while parsing\u{1b}[2J".into(),
        }];
        let text = table(&[], &bad, 80);
        assert_eq!(
            text,
            "Could not read:\n  broken.json: EOF while parsing\u{241b}[2J\n"
        );
    }
}
