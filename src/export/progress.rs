//! The progress report of a follow-up meeting: every action it reviews, with its status and
//! note at each meeting of the programme ("promised on 12 Nov 2026: due 7 Dec 2026; 14 Jan
//! 2027: under way, pilot on two wards; 4 Mar 2027: done"). Read from the one file: the
//! history of each carried action was copied into it, so the report never depends on
//! earlier files being at hand. Markdown and HTML add it after the proceedings; CSV has it
//! as its own table (`--table progress`), one row per action per meeting.

use super::Proceedings;
use super::proceedings::short_date;
use crate::model::StepStatus;
use crate::model::followup::{Milestone, is_open};
use crate::view::{IssueView, StepView};
use chrono::NaiveDate;

/// One action's state at one meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub date: NaiveDate,
    pub status: StepStatus,
    pub due: Option<NaiveDate>,
    pub owner: Option<String>,
    pub note: String,
    /// Open and due before that meeting.
    pub overdue: bool,
}

/// The entries of an action, oldest meeting first, ending with this meeting.
pub fn entries(step: &StepView, today: NaiveDate) -> Vec<Entry> {
    let from = |m: &Milestone| Entry {
        date: m.date,
        status: m.status,
        due: m.due,
        owner: m.owner.clone(),
        note: m.note.clone(),
        overdue: is_open(m.status) && m.due.is_some_and(|d| d < m.date),
    };
    let mut out: Vec<Entry> = step.history.iter().map(from).collect();
    out.push(Entry {
        date: today,
        status: step.status,
        due: step.due,
        owner: step.owner.clone(),
        note: step.note.clone(),
        overdue: is_open(step.status) && step.due.is_some_and(|d| d < today),
    });
    out
}

/// "promised on 12 Nov 2026: due 7 Dec 2026; 14 Jan 2027: under way, pilot on two wards".
pub fn story(entries: &[Entry]) -> String {
    let mut parts = vec![];
    let mut due = None;
    for (n, e) in entries.iter().enumerate() {
        let mut words = vec![];
        if n == 0 {
            if let Some(d) = e.due {
                words.push(format!("due {}", short_date(d)));
            }
            if e.status != StepStatus::NotStarted {
                words.push(e.status.label().to_string());
            }
        } else {
            words.push(e.status.label().to_string());
            if e.due != due {
                words.push(match e.due {
                    Some(d) => format!("now due {}", short_date(d)),
                    None => "no due date now".into(),
                });
            }
        }
        if e.overdue {
            words.push("OVERDUE".into());
        }
        if !e.note.trim().is_empty() {
            words.push(e.note.trim().to_string());
        }
        due = e.due;
        let when = if n == 0 {
            format!("promised on {}", short_date(e.date))
        } else {
            short_date(e.date)
        };
        if words.is_empty() {
            parts.push(when);
        } else {
            parts.push(format!("{when}: {}", words.join(", ")));
        }
    }
    parts.join("; ")
}

/// The priorities the report covers, as the Progress pane lists them: carried ones, then
/// those new at this meeting with a lead or next steps.
pub fn priorities(p: &Proceedings) -> Vec<&IssueView> {
    let mut carried: Vec<&IssueView> = vec![];
    let mut new: Vec<&IssueView> = vec![];
    for i in p.issues() {
        if i.carried_from.is_some() {
            carried.push(i);
        } else if i.lead.is_some() || !i.next_steps.is_empty() {
            new.push(i);
        }
    }
    carried.extend(new);
    carried
}

/// The meetings of the programme as the report names them: each earlier one, then this.
pub fn meetings(p: &Proceedings) -> Vec<(NaiveDate, String)> {
    let Some(f) = &p.state.follow_up else {
        return vec![(p.date, p.state.theme.clone())];
    };
    let mut out: Vec<(NaiveDate, String)> = f
        .earlier
        .iter()
        .map(|m| (m.date, m.theme.clone()))
        .collect();
    out.push((f.follows.date, f.follows.theme.clone()));
    out.push((p.date, p.state.theme.clone()));
    out
}

/// One CSV row per action per meeting.
pub fn csv_rows(p: &Proceedings) -> Vec<[String; 10]> {
    let mut rows = vec![];
    for i in priorities(p) {
        for s in &i.next_steps {
            for e in entries(s, p.date) {
                rows.push([
                    i.id.to_string(),
                    i.title.clone(),
                    s.id.to_string(),
                    s.text.clone(),
                    e.date.to_string(),
                    e.status.label().to_string(),
                    e.note.clone(),
                    e.due.map_or_else(String::new, |d| d.to_string()),
                    e.owner.unwrap_or_default(),
                    if e.overdue { "yes" } else { "no" }.to_string(),
                ]);
            }
        }
    }
    rows
}

pub const CSV_HEADER: [&str; 10] = [
    "issue",
    "issue_title",
    "step",
    "action",
    "meeting_date",
    "status",
    "note",
    "due",
    "owner",
    "overdue",
];
