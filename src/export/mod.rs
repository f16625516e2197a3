//! The proceedings: what goes into the email after the event. Every format reads the same
//! prepared `Proceedings` (the session's state with names, optionally anonymised, cleaned of
//! control characters), so they all say the same thing.
//!
//! Exports are deterministic: the same file gives the same bytes. Nothing here reads the
//! clock; the date is the session's own.
//!
//! - `json`: the file's `state` object (`store::StateView`, the shape `jq` scripts use)
//!   with two keys in front: `date` and `anonymous`.
//! - `markdown`: theme and date, who came, the agenda, each issue with its report, the vote,
//!   the action plan.
//! - `csv`: one table, `issues`, `actions` or `progress` (RFC 4180, CRLF line ends, UTF-8
//!   without BOM).
//! - a follow-up's Markdown and HTML end with its progress report (`progress`).
//! - `html`: one self-contained, print-friendly page with a bar chart of the vote.
//! - `ics`: the meeting and every open action's due date, for owners' calendars.

mod anonymous;
mod clean;
pub mod csv;
pub mod follow_up_ics;
pub mod html;
pub mod json;
pub mod markdown;
mod proceedings;
pub mod progress;
mod visit;

pub use proceedings::{Attendance, Priority, Proceedings};

use crate::model::Session;
use crate::store::Meta;
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Replace personal names with neutral labels everywhere.
    pub anonymous: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
    Csv(Table),
    Html,
    /// iCalendar: the meeting and the due date of every open action.
    Ics,
}

/// Which CSV table to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Table {
    /// One row per issue: number, title, convener, space, slot, cancelled, votes, lead,
    /// supporters, triage.
    #[default]
    Issues,
    /// One row per next step: issue, issue title, step, owner, due, horizon, status.
    Actions,
    /// One row per action per meeting of a follow-up's programme.
    Progress,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("there is no table \"{0}\": choose issues, actions or progress")]
pub struct UnknownTable(pub String);

impl FromStr for Table {
    type Err = UnknownTable;
    fn from_str(text: &str) -> Result<Table, UnknownTable> {
        match text.trim().to_lowercase().as_str() {
            "issues" => Ok(Table::Issues),
            "actions" => Ok(Table::Actions),
            "progress" => Ok(Table::Progress),
            _ => Err(UnknownTable(clean::line(text))),
        }
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Table::Issues => "issues",
            Table::Actions => "actions",
            Table::Progress => "progress",
        })
    }
}

/// The proceedings of a session in one format.
pub fn export(session: &Session, meta: &Meta, format: Format, options: Options) -> String {
    let p = Proceedings::of(session, meta, options);
    match format {
        Format::Json => json::render(&p),
        Format::Markdown => markdown::render(&p),
        Format::Csv(table) => csv::render(&p, table),
        Format::Html => html::render(&p),
        Format::Ics => follow_up_ics::render(&p),
    }
}
