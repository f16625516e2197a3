//! `convene import`: issues collected elsewhere (a form, a spreadsheet) added to a session
//! as events. All rows are checked first: one bad row and nothing is written.

use super::files;
use super::progress::Progress;
use crate::model::Journal;
use crate::model::commands::{self, Person};
use crate::sheet::{PROGRESS_EVERY, Row, at_most, parse_issues_with};
use chrono::{DateTime, FixedOffset};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// What an import added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Added {
    pub issues: usize,
    pub participants: usize,
}

pub fn run(data_dir: &Path, file: &Path, csv: &Path) -> anyhow::Result<ExitCode> {
    let path = files::session_file(data_dir, file)?;
    let mut progress = Progress::new(format!("importing {}", crate::text::path(csv)));
    let rows = read(csv, &mut progress)?;
    if rows.is_empty() {
        anyhow::bail!(
            "{}: no issues to import (expected columns title,convener,description)",
            csv.display()
        );
    }
    let mut opened = crate::store::open(&path)?;
    let now = files::now();
    let total = rows.len() as u64;
    let mut recorded = |done| progress.report("checking rows", done, total);
    let added = record_with(&mut opened.journal, now, &rows, &mut recorded)
        .map_err(|e| anyhow::anyhow!("{}: {e}. Nothing was imported.", csv.display()))?;
    progress.report("saving", 1, 1);
    opened.save(now)?;
    drop(progress);
    let joined = match added.participants {
        0 => String::new(),
        1 => " (1 new participant joined as a convener)".to_string(),
        n => format!(" ({n} new participants joined as conveners)"),
    };
    writeln!(
        std::io::stdout(),
        "Added {} to {}{joined}.",
        if added.issues == 1 {
            "1 issue".to_string()
        } else {
            format!("{} issues", added.issues)
        },
        crate::text::path(&path)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Records every row, adding conveners not yet on the roster; stops at the first refusal.
/// `progress` hears how many rows are done now and then.
fn record_with(
    journal: &mut Journal,
    now: DateTime<FixedOffset>,
    rows: &[Row],
    progress: &mut dyn FnMut(u64),
) -> anyhow::Result<Added> {
    let mut added = Added::default();
    for (n, row) in rows.iter().enumerate() {
        if n % PROGRESS_EVERY == 0 {
            progress(n as u64);
        }
        let refused = |why| anyhow::anyhow!("row {}: {why}", row.row);
        // A new convener joins with their issue as one step, as in the app.
        let convener = commands::person_named(&journal.session, &row.convener);
        let (changes, _) =
            commands::raise_issue(&journal.session, &row.title, &convener, &row.description);
        journal.record_step(now, changes).map_err(refused)?;
        if let Person::New(_) = convener {
            added.participants += 1;
        }
        added.issues += 1;
    }
    Ok(added)
}

fn read(path: &Path, progress: &mut Progress) -> anyhow::Result<Vec<Row>> {
    let bytes = crate::sheet::read_file(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot read the issues file: {e}", path.display()))?;
    let total = bytes.len() as u64;
    parse_issues_with(&bytes, &mut |done| progress.report("reading", done, total))
        .and_then(at_most)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Change;

    fn at() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-05-01T09:00:00+01:00").unwrap()
    }

    fn row(row: u64, title: &str, convener: &str, description: &str) -> Row {
        Row {
            row,
            title: title.into(),
            convener: convener.into(),
            description: description.into(),
        }
    }

    #[test]
    fn conveners_join_once_and_existing_ones_are_found() {
        let mut journal = Journal::create(at(), "Theme").unwrap();
        let (amira, _) = commands::add_person(&journal.session, "Amira Patel", None, None);
        journal.record(at(), amira).unwrap();
        let rows = [
            row(1, "One", "amira patel", ""),
            row(2, "Two", "Sam Hale", ""),
            row(3, "Three", "Sam Hale ", ""),
            row(4, "Four", "", ""),
        ];
        let added = record_with(&mut journal, at(), &rows, &mut |_| {}).unwrap();
        assert_eq!(
            added,
            Added {
                issues: 4,
                participants: 1
            }
        );
        let conveners: Vec<_> = journal
            .session
            .issues
            .values()
            .map(|i| i.convener.map(|c| c.0))
            .collect();
        assert_eq!(conveners, [Some(1), Some(2), Some(2), None]);
    }

    #[test]
    fn a_refused_row_is_named() {
        let mut journal = Journal::create(at(), "Theme").unwrap();
        let rows = [row(2, "Fine", "", ""), row(3, "  ", "", "")];
        let err = record_with(&mut journal, at(), &rows, &mut |_| {})
            .unwrap_err()
            .to_string();
        assert_eq!(err, "row 3: the title cannot be empty");
    }

    #[test]
    fn a_new_convener_joins_with_their_issue_as_one_step() {
        let mut journal = Journal::create(at(), "Theme").unwrap();
        let rows = [
            row(2, "Transport", "Sam Hale", ""),
            row(3, "Rotas", "Sam Hale", ""),
        ];
        record_with(&mut journal, at(), &rows, &mut |_| {}).unwrap();
        let steps: Vec<_> = journal.events.iter().map(|e| (e.seq, e.part_of)).collect();
        // Sam joins with the first issue (one undo takes both back); the second names them.
        assert_eq!(steps, [(1, None), (2, Some(2)), (3, Some(2)), (4, None)]);
        journal.record(at(), Change::Undo).unwrap();
        journal.record(at(), Change::Undo).unwrap();
        assert!(journal.session.issues.is_empty());
        assert!(journal.session.participants.is_empty());
    }
}
