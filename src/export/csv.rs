//! The proceedings as CSV, one table at a time, for spreadsheets and mail merges. Quoting
//! follows RFC 4180 (fields with commas, quotes or line breaks are quoted, quotes doubled;
//! records end with CRLF), so text survives a round trip through a spreadsheet. UTF-8 with
//! a byte-order mark by default, because Excel reads a file without one as the local code
//! page ("SiobhÃ¡n"). Merged issues are left out: their rows live on in the issue they joined.
//!
//! A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be read by
//! a spreadsheet as a formula (`=HYPERLINK(…)` becomes a live link), so it gets one leading
//! `'`, as OWASP recommends against CSV injection; remove that one `'` to get the text back.
//!
//! - `issues`: number, title, convener, space, slot, cancelled, votes (dots in the latest
//!   round), votes_tallied and votes_named (the same dots, split by how they were given),
//!   votes_round_1 … votes_round_N (each round's dots, empty where the issue was not on that
//!   ballot), lead, supporters (separated by "; "), triage.
//! - `actions`: one row per next step: issue, issue_title, step, owner, due (YYYY-MM-DD),
//!   horizon, status.
//! - `results`: one row per priority, in the shape of an accountability result: id, title,
//!   description, start_date (the day of the session), end_date (the latest due date of its
//!   next steps), status (not started, in progress, completed or dropped), progress (the
//!   percentage of its next steps done, dropped steps not counted).
//! - `progress`: one row per action per meeting of the programme (see `progress`): issue,
//!   issue_title, step, action, meeting_date, status, note, due, owner, overdue.

use super::Proceedings;
use super::proceedings::Priority;
use crate::model::StepStatus;
use crate::view::IssueView;
use ::csv::{Terminator, WriterBuilder};

/// What a spreadsheet reads as the start of a formula.
const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

pub fn render(p: &Proceedings, table: super::Table, bom: bool) -> String {
    let mut w = WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .from_writer(vec![]);
    let mut row = |fields: Vec<String>| {
        w.write_record(fields.iter().map(|f| neutral(f).into_owned()))
            .expect("writing to memory")
    };
    match table {
        super::Table::Issues => {
            let rounds = &p.state.rounds;
            let mut head: Vec<String> = [
                "number",
                "title",
                "convener",
                "space",
                "slot",
                "cancelled",
                "votes",
                "votes_tallied",
                "votes_named",
            ]
            .map(String::from)
            .to_vec();
            head.extend(rounds.iter().map(|r| format!("votes_round_{}", r.id)));
            head.extend(["lead", "supporters", "triage"].map(String::from));
            row(head);
            for i in p.issues() {
                let (tallied, named) = p.split(i.id);
                let mut fields = vec![
                    i.id.to_string(),
                    i.title.clone(),
                    opt(&i.convener),
                    opt(&i.space),
                    opt(&i.slot),
                    if i.cancelled { "yes" } else { "no" }.to_string(),
                    i.votes.to_string(),
                    tallied.to_string(),
                    named.to_string(),
                ];
                fields.extend(rounds.iter().map(|r| {
                    r.results
                        .iter()
                        .find(|x| x.issue == i.id)
                        .map_or_else(String::new, |x| x.dots.to_string())
                }));
                fields.extend([
                    opt(&i.lead),
                    i.supporters.join("; "),
                    i.triage.map_or("", |t| t.label()).to_string(),
                ]);
                row(fields);
            }
        }
        super::Table::Actions => {
            row([
                "issue",
                "issue_title",
                "step",
                "owner",
                "due",
                "horizon",
                "status",
            ]
            .map(String::from)
            .to_vec());
            for i in p.issues() {
                for s in &i.next_steps {
                    row(vec![
                        i.id.to_string(),
                        i.title.clone(),
                        s.text.clone(),
                        opt(&s.owner),
                        s.due.map_or_else(String::new, |d| d.to_string()),
                        s.horizon.label().to_string(),
                        s.status.label().to_string(),
                    ]);
                }
            }
        }
        super::Table::Progress => {
            row(super::progress::CSV_HEADER.map(String::from).to_vec());
            for r in super::progress::csv_rows(p) {
                row(r.to_vec());
            }
        }
        super::Table::Results => {
            row([
                "id",
                "title",
                "description",
                "start_date",
                "end_date",
                "status",
                "progress",
            ]
            .map(String::from)
            .to_vec());
            for pr in p.priorities() {
                let i = pr.issue;
                let r = result(&pr);
                row(vec![
                    i.id.to_string(),
                    i.title.clone(),
                    description(i),
                    p.date.to_string(),
                    i.next_steps
                        .iter()
                        .filter_map(|s| s.due)
                        .max()
                        .map_or_else(String::new, |d| d.to_string()),
                    r.status.to_string(),
                    r.progress.to_string(),
                ]);
            }
        }
    }
    let bytes = w.into_inner().expect("writing to memory");
    let text = String::from_utf8(bytes).expect("the fields are UTF-8");
    if bom { format!("\u{feff}{text}") } else { text }
}

fn opt(text: &Option<String>) -> String {
    text.clone().unwrap_or_default()
}

/// The cell as a spreadsheet will show it, never as a formula. A cell that already starts
/// with quotes before a formula character gets one more, so removing one leading `'` from
/// every cell where quotes precede a formula character always gives the text back.
pub fn neutral(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.trim_start_matches('\'').starts_with(FORMULA) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Where a priority stands, from its next steps.
pub struct Outcome {
    pub status: &'static str,
    /// 0 to 100: the share of its next steps done, dropped steps left out.
    pub progress: u32,
}

pub fn result(pr: &Priority<'_>) -> Outcome {
    let steps = &pr.issue.next_steps;
    let live: Vec<_> = steps
        .iter()
        .filter(|s| s.status != StepStatus::Dropped)
        .collect();
    let done = live.iter().filter(|s| s.status == StepStatus::Done).count();
    let progress = match live.len() {
        0 => 0,
        n => (done * 100 / n) as u32,
    };
    let status = if !steps.is_empty() && live.is_empty() {
        "dropped"
    } else if !live.is_empty() && done == live.len() {
        "completed"
    } else if live.iter().any(|s| s.status != StepStatus::NotStarted) {
        "in progress"
    } else {
        "not started"
    };
    Outcome { status, progress }
}

/// What the room decided, in words a public page can show.
fn description(i: &IssueView) -> String {
    let mut lines: Vec<String> = vec![];
    if !i.description.trim().is_empty() {
        lines.push(i.description.trim().to_string());
    }
    if let Some(t) = i.triage {
        lines.push(format!("Decision: {}", t.label()));
    }
    if let Some(lead) = &i.lead {
        lines.push(format!("Lead: {lead}"));
    }
    if !i.supporters.is_empty() {
        lines.push(format!("Supporters: {}", i.supporters.join(", ")));
    }
    if !i.next_steps.is_empty() {
        lines.push("Next steps:".to_string());
        for s in &i.next_steps {
            let mut about = vec![];
            if let Some(o) = &s.owner {
                about.push(o.clone());
            }
            if let Some(d) = s.due {
                about.push(format!("due {d}"));
            }
            about.push(s.status.label().to_string());
            lines.push(format!(
                "- {} ({})",
                s.text.split_whitespace().collect::<Vec<_>>().join(" "),
                about.join(", ")
            ));
        }
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::neutral;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(
            neutral("=HYPERLINK(\"http://evil.example/\",\"click\")"),
            "'=HYPERLINK(\"http://evil.example/\",\"click\")"
        );
        for bad in ["=1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutral(bad).starts_with('\''), "{bad}");
        }
        assert_eq!(neutral("Amira; =Eve"), "Amira; =Eve");
        assert_eq!(neutral("'quoted"), "'quoted");
        assert_eq!(neutral("'=x"), "''=x");
    }
}
