//! An iCalendar file (RFC 5545) for a follow-up meeting: the meeting itself and the due
//! date of every open action, so owners get reminders in their own calendars.
//!
//! Built here because the general `--format ics` of the proceedings had not landed when
//! follow-ups did; once it has, this module supplies the follow-up's events to it.
//! Deterministic like every export: stamps come from the meeting's date, never the clock,
//! and each action's UID comes from where it was first promised, so importing the next
//! meeting's calendar updates the same reminder instead of adding another.

use super::Proceedings;
use super::progress::priorities;
use crate::model::followup::is_open;
use chrono::{Days, NaiveDate};
use std::fmt::Write;

pub fn render(p: &Proceedings) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Convene//Open Space follow-up//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    let programme = p
        .state
        .follow_up
        .as_ref()
        .map_or_else(|| "day".to_string(), |f| f.follows.session.clone());
    let stamp = format!("{}T000000Z", p.date.format("%Y%m%d"));
    let description = match &p.state.follow_up {
        Some(f) => format!(
            "Follow-up of the meeting of {} ({}).",
            f.follows.date.format("%-d %b %Y"),
            f.follows.theme
        ),
        None => "Open Space.".to_string(),
    };
    event(
        &mut out,
        &format!("meeting-{programme}-{}@convene", p.date.format("%Y%m%d")),
        &stamp,
        p.date,
        &p.state.theme,
        &description,
    );
    for issue in priorities(p) {
        for s in &issue.next_steps {
            let (true, Some(due)) = (is_open(s.status), s.due) else {
                continue;
            };
            let uid = match &issue.carried_from {
                Some(_) => {
                    // The session where the action was first promised, when the history
                    // names it; else the meeting it came from.
                    let origin = &p.state.follow_up.as_ref().map_or(programme.clone(), |f| {
                        f.earlier
                            .first()
                            .map_or(f.follows.session.clone(), |m| m.session.clone())
                    });
                    format!("action-{origin}-{}-{}@convene", issue.id, s.id)
                }
                None => format!(
                    "action-{programme}-{}-{}-{}@convene",
                    p.date.format("%Y%m%d"),
                    issue.id,
                    s.id
                ),
            };
            let owner = s.owner.as_deref().unwrap_or("no owner yet");
            let mut about = format!(
                "Owner: {owner}. Priority #{}: {}. At the meeting of {}: {}.",
                issue.id,
                issue.title,
                p.date.format("%-d %b %Y"),
                s.status.label()
            );
            if !s.note.is_empty() {
                about.push_str(&format!(" {}", s.note));
            }
            event(
                &mut out,
                &uid,
                &stamp,
                due,
                &format!("Due: {}", s.text),
                &about,
            );
        }
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, uid: &str, stamp: &str, day: NaiveDate, summary: &str, about: &str) {
    let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}", text(uid)));
    line(out, &format!("DTSTAMP:{stamp}"));
    line(out, &format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")));
    line(out, &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
    line(out, &format!("SUMMARY:{}", text(summary)));
    line(out, &format!("DESCRIPTION:{}", text(about)));
    line(out, "TRANSP:TRANSPARENT");
    line(out, "END:VEVENT");
}

/// TEXT values escaped as RFC 5545 says: backslash, semicolon, comma, line breaks.
fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line, folded at 75 octets (never inside a character) and ended with CRLF.
fn line(out: &mut String, content: &str) {
    let mut used = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    let _ = write!(out, "\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_between_characters() {
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for l in out.split("\r\n") {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "é".repeat(60))
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }
}
