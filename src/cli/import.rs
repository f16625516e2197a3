//! `convene import`: issues collected elsewhere (a form, a spreadsheet) added to a session
//! as events. All rows are checked first: one bad row and nothing is written.

use super::files;
use crate::model::describe::printable;
use crate::model::{Change, Journal};
use crate::sheet::line_at;
use chrono::{DateTime, FixedOffset};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// One issue from the CSV, with the spreadsheet row it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    pub row: u64,
    pub title: String,
    pub convener: String,
    pub description: String,
}

/// What an import added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Added {
    pub issues: usize,
    pub participants: usize,
}

pub fn run(data_dir: &Path, file: &Path, csv: &Path) -> anyhow::Result<ExitCode> {
    let path = files::session_file(data_dir, file)?;
    let rows = read(csv)?;
    if rows.is_empty() {
        anyhow::bail!(
            "{}: no issues to import (expected columns title,convener,description)",
            csv.display()
        );
    }
    let mut opened = crate::store::open(&path)?;
    let now = files::now();
    let added = record(&mut opened.journal, now, &rows)
        .map_err(|e| anyhow::anyhow!("{}: {e}. Nothing was imported.", csv.display()))?;
    opened.save(now)?;
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
        path.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Records every row, adding conveners not yet on the roster; stops at the first refusal.
pub fn record(
    journal: &mut Journal,
    now: DateTime<FixedOffset>,
    rows: &[Row],
) -> anyhow::Result<Added> {
    let mut added = Added::default();
    for row in rows {
        let refused = |why| anyhow::anyhow!("row {}: {why}", row.row);
        let convener = match row.convener.trim() {
            "" => None,
            name => match journal.session.find_participant(name) {
                Some(id) => Some(id),
                None => {
                    let id = journal.session.next_participant_id();
                    let change = Change::ParticipantAdded {
                        participant: id,
                        name: name.to_string(),
                        organisation: None,
                        group: None,
                    };
                    journal.record(now, change).map_err(refused)?;
                    added.participants += 1;
                    Some(id)
                }
            },
        };
        let change = Change::IssueRaised {
            issue: journal.session.next_issue_id(),
            title: row.title.clone(),
            convener,
            description: row.description.clone(),
        };
        journal.record(now, change).map_err(refused)?;
        added.issues += 1;
    }
    Ok(added)
}

pub fn read(path: &Path) -> anyhow::Result<Vec<Row>> {
    let bytes = std::fs::read(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot read the issues file: {e}", path.display()))?;
    parse(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// Columns are `title,convener,description`, in that order unless a header row names them.
pub fn parse(bytes: &[u8]) -> anyhow::Result<Vec<Row>> {
    // Spreadsheets often save CSV with a byte-order mark.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut columns = [0, 1, 2];
    let mut rows = vec![];
    for (n, record) in reader.records().enumerate() {
        let record = record
            .map_err(|e| anyhow::anyhow!("not readable as CSV: {}", printable(&e.to_string())))?;
        let row = record
            .position()
            .map_or(n as u64 + 1, |p| line_at(bytes, p.byte()));
        if n == 0
            && let Some(found) = header(&record)
        {
            columns = found;
            continue;
        }
        let field = |i: usize| record.get(columns[i]).unwrap_or("").to_string();
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        rows.push(Row {
            row,
            title: field(0),
            convener: field(1),
            description: field(2),
        });
    }
    Ok(rows)
}

/// Where title, convener and description are, if this record is a header naming them.
fn header(record: &csv::StringRecord) -> Option<[usize; 3]> {
    let names: Vec<String> = record.iter().map(|f| f.trim().to_lowercase()).collect();
    let at = |want: &str| names.iter().position(|n| n == want);
    let title = at("title")?;
    let known = ["title", "convener", "description", ""];
    if !names.iter().all(|n| known.contains(&n.as_str())) {
        return None;
    }
    // A column the header leaves out reads as empty.
    let missing = names.len() + 1;
    Some([
        title,
        at("convener").unwrap_or(missing),
        at("description").unwrap_or(missing),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn positional_columns_without_header() {
        let rows = parse(b"Carers' voice,Sam Hale,Who speaks for carers?\nTransport,,\n").unwrap();
        assert_eq!(
            rows,
            [
                row(1, "Carers' voice", "Sam Hale", "Who speaks for carers?"),
                row(2, "Transport", "", "")
            ]
        );
    }

    #[test]
    fn header_in_any_order_and_multi_line_cells() {
        let text = "\u{feff}convener,title,description\nSam Hale,Carers' voice,\"two\nlines\"\n\nAmira,Data,\n";
        let rows = parse(text.as_bytes()).unwrap();
        assert_eq!(
            rows,
            [
                row(2, "Carers' voice", "Sam Hale", "two\nlines"),
                row(5, "Data", "Amira", "")
            ]
        );
    }

    #[test]
    fn header_without_description() {
        let rows = parse(b"title,convener\nTransport,Jo\n").unwrap();
        assert_eq!(rows, [row(2, "Transport", "Jo", "")]);
    }

    #[test]
    fn conveners_join_once_and_existing_ones_are_found() {
        let mut journal = Journal::create(at(), "Theme").unwrap();
        journal
            .record(
                at(),
                Change::ParticipantAdded {
                    participant: journal.session.next_participant_id(),
                    name: "Amira Patel".into(),
                    organisation: None,
                    group: None,
                },
            )
            .unwrap();
        let rows = [
            row(1, "One", "amira patel", ""),
            row(2, "Two", "Sam Hale", ""),
            row(3, "Three", "Sam Hale ", ""),
            row(4, "Four", "", ""),
        ];
        let added = record(&mut journal, at(), &rows).unwrap();
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
        let err = record(&mut journal, at(), &rows).unwrap_err().to_string();
        assert_eq!(err, "row 3: the title cannot be empty");
    }
}
