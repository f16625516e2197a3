//! The proceedings as CSV, one table at a time, for spreadsheets and mail merges. Quoting
//! follows RFC 4180 (fields with commas, quotes or line breaks are quoted, quotes doubled;
//! records end with CRLF), so text survives a round trip through a spreadsheet. UTF-8
//! without a byte-order mark. Merged issues are left out: their rows live on in the issue
//! they joined.
//!
//! - `issues`: number, title, convener, space, slot, cancelled, votes (dots in the latest
//!   round), lead, supporters (separated by "; "), triage.
//! - `actions`: one row per next step: issue, issue_title, step, owner, due (YYYY-MM-DD),
//!   horizon, status.
//! - `progress`: one row per action per meeting of the programme (see `progress`): issue,
//!   issue_title, step, action, meeting_date, status, note, due, owner, overdue.

use super::{Proceedings, Table};
use ::csv::{Terminator, WriterBuilder};

pub fn render(p: &Proceedings, table: Table) -> String {
    let mut w = WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .from_writer(vec![]);
    let mut row = |fields: &[&str]| w.write_record(fields).expect("writing to memory");
    match table {
        Table::Issues => {
            row(&[
                "number",
                "title",
                "convener",
                "space",
                "slot",
                "cancelled",
                "votes",
                "lead",
                "supporters",
                "triage",
            ]);
            for i in p.issues() {
                row(&[
                    &i.id.to_string(),
                    &i.title,
                    i.convener.as_deref().unwrap_or(""),
                    i.space.as_deref().unwrap_or(""),
                    i.slot.as_deref().unwrap_or(""),
                    if i.cancelled { "yes" } else { "no" },
                    &i.votes.to_string(),
                    i.lead.as_deref().unwrap_or(""),
                    &i.supporters.join("; "),
                    i.triage.map_or("", |t| t.label()),
                ]);
            }
        }
        Table::Actions => {
            row(&[
                "issue",
                "issue_title",
                "step",
                "owner",
                "due",
                "horizon",
                "status",
            ]);
            for i in p.issues() {
                for s in &i.next_steps {
                    row(&[
                        &i.id.to_string(),
                        &i.title,
                        &s.text,
                        s.owner.as_deref().unwrap_or(""),
                        &s.due.map_or_else(String::new, |d| d.to_string()),
                        s.horizon.label(),
                        s.status.label(),
                    ]);
                }
            }
        }
        Table::Progress => {
            row(&super::progress::CSV_HEADER);
            for r in super::progress::csv_rows(p) {
                let fields: Vec<&str> = r.iter().map(String::as_str).collect();
                row(&fields);
            }
        }
    }
    let bytes = w.into_inner().expect("writing to memory");
    String::from_utf8(bytes).expect("the fields are UTF-8")
}
