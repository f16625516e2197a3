//! The proceedings as an iCalendar file (RFC 5545) for Outlook, Google Calendar and Apple
//! Calendar: one all-day entry per next step that has a due date, on that date, saying what
//! the step is, whose it is and which issue it serves.
//!
//! Like every export it is deterministic: `DTSTAMP` is the file's `saved_at` (in UTC) and
//! each `UID` is built from the session's id and the step's id, so importing a newer export
//! updates the entries instead of duplicating them. Entries are `VEVENT`s because Google
//! Calendar ignores `VTODO`; they are transparent, so they never block anyone's time.
//!
//! To add another kind of entry, build an `Entry` and pass it to `write_entry`; the
//! calendar's envelope, escaping and line folding are done here once. A follow-up meeting
//! adds an entry for the meeting itself, and its overdue actions say so.

use super::Proceedings;
use super::proceedings::short_date;
use crate::model::StepStatus;
use crate::model::followup::is_open;
use crate::view::StepView;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// Lines longer than this many octets are folded (RFC 5545 §3.1).
const LINE_OCTETS: usize = 75;

/// One all-day calendar entry.
pub struct Entry {
    /// Unique within the session, stable across exports (e.g. `step-12`).
    pub key: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
    /// `CONFIRMED` or `CANCELLED`.
    pub status: &'static str,
}

pub fn render(p: &Proceedings) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Convene//Open Space proceedings//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    property(
        &mut out,
        "X-WR-CALNAME",
        &format!("Next steps: {}", p.state.theme),
    );
    if let Some(meeting) = meeting_entry(p) {
        write_entry(&mut out, p, &meeting);
    }
    for entry in steps(p) {
        write_entry(&mut out, p, &entry);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// Every dated next step of the issues still on the wall.
fn steps(p: &Proceedings) -> Vec<Entry> {
    let mut out = vec![];
    for issue in p.issues() {
        for s in &issue.next_steps {
            let Some(date) = s.due else { continue };
            let text = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let summary = match &s.owner {
                Some(owner) => format!("{text} ({owner})"),
                None => text,
            };
            let mut description = vec![format!("Next step: {}", s.text.trim())];
            if let Some(owner) = &s.owner {
                description.push(format!("Owner: {owner}"));
            }
            description.push(format!("Issue #{}: {}", issue.id, issue.title.trim()));
            description.push(format!(
                "Horizon: {}; status: {}",
                s.horizon.label(),
                s.status.label()
            ));
            if let Some(late) = overdue_note(p, s) {
                description.push(late);
            }
            description.push(format!("From the Open Space: {}", p.state.theme.trim()));
            out.push(Entry {
                key: format!("step-{}", s.id),
                date,
                summary,
                description: description.join("\n"),
                status: if s.status == StepStatus::Dropped {
                    "CANCELLED"
                } else {
                    "CONFIRMED"
                },
            });
        }
    }
    out
}

/// A follow-up's calendar entry for the meeting itself, on its date.
fn meeting_entry(p: &Proceedings) -> Option<Entry> {
    let f = p.state.follow_up.as_ref()?;
    Some(Entry {
        key: "meeting".into(),
        date: p.date,
        summary: format!("Follow-up meeting: {}", p.state.theme.trim()),
        description: format!(
            "Follow-up of the meeting of {} ({}): the review of its action plan.",
            short_date(f.follows.date),
            f.follows.theme.trim()
        ),
        status: "CONFIRMED",
    })
}

/// In a follow-up, what a calendar entry says of an action due before the meeting and
/// still open.
fn overdue_note(p: &Proceedings, step: &StepView) -> Option<String> {
    p.state.follow_up.as_ref()?;
    let due = step.due?;
    (is_open(step.status) && due < p.date)
        .then(|| format!("OVERDUE at the meeting of {}", short_date(p.date)))
}

/// Writes one entry as a `VEVENT`.
pub fn write_entry(out: &mut String, p: &Proceedings, entry: &Entry) {
    line(out, "BEGIN:VEVENT");
    property(out, "UID", &format!("{}-{}@convene", p.id, entry.key));
    line(out, &format!("DTSTAMP:{}", stamp(p.saved_at)));
    line(
        out,
        &format!("DTSTART;VALUE=DATE:{}", entry.date.format("%Y%m%d")),
    );
    let next = entry.date.succ_opt().unwrap_or(entry.date);
    line(out, &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
    property(out, "SUMMARY", &entry.summary);
    property(out, "DESCRIPTION", &entry.description);
    line(out, &format!("STATUS:{}", entry.status));
    line(out, "TRANSP:TRANSPARENT");
    line(out, "END:VEVENT");
}

/// "20261112T164003Z".
fn stamp(at: DateTime<FixedOffset>) -> String {
    at.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string()
}

/// A property whose value is TEXT, escaped.
fn property(out: &mut String, name: &str, value: &str) {
    line(out, &format!("{name}:{}", escape(value)));
}

/// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// A content line, folded at 75 octets without splitting a character, ended with CRLF.
fn line(out: &mut String, content: &str) {
    let mut used = 0;
    for c in content.chars() {
        if used + c.len_utf8() > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= LINE_OCTETS, "{} octets: {l}", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(60)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
