//! The proceedings: what goes into the email after the event. Every format reads the same
//! prepared `Proceedings` (the session's state with names, optionally anonymised, cleaned of
//! control characters), so they all say the same thing.
//!
//! Exports are deterministic: the same file gives the same bytes. Nothing here reads the
//! clock; the date is the session's own.
//!
//! - `json`: the file's `state` object (`view::StateView`, the shape `jq` scripts use)
//!   with two keys in front: `date` and `anonymous`.
//! - `markdown`: theme and date, who came, the agenda, each issue with its report, the vote,
//!   the action plan.
//! - `csv`: one table, `issues`, `actions` or `results` (RFC 4180, CRLF line ends, UTF-8
//!   with a byte-order mark unless asked not to, formula-like cells neutralised).
//! - `html`: one self-contained page that prints on A4 and Letter and reads on a phone.
//! - `ics`: an iCalendar file with the dated next steps.
//! - a follow-up's Markdown and HTML end with its progress report, CSV has it as the
//!   `progress` table, and its calendar holds the meeting itself (`progress`).

mod anonymous;
mod clean;
pub mod csv;
pub mod folder;
pub mod html;
pub mod ics;
pub mod json;
pub mod markdown;
mod proceedings;
pub mod progress;
mod review;
mod visit;

pub use proceedings::{Attendance, Priority, Proceedings};
pub use review::Passage;

use crate::store::Loaded;
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Replace personal names with neutral labels everywhere.
    pub anonymous: bool,
    /// Start CSV with a UTF-8 byte-order mark, which Excel needs to read UTF-8.
    pub bom: bool,
    /// When anonymous: organisations and groups with fewer people present are folded into
    /// "Other organisations", since a small one identifies its members.
    pub min_group: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            anonymous: false,
            bom: true,
            min_group: 3,
        }
    }
}

impl Options {
    pub fn anonymous() -> Options {
        Options {
            anonymous: true,
            ..Options::default()
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
    Csv(Table),
    Html,
    Ics,
}

/// Which CSV table to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Table {
    /// One row per issue: number, title, convener, space, slot, cancelled, votes,
    /// votes_tallied, votes_named, votes_round_1 … votes_round_N, lead, supporters, triage.
    #[default]
    Issues,
    /// One row per next step: issue, issue title, step, owner, due, horizon, status.
    Actions,
    /// One row per priority, shaped as a participation platform's accountability result
    /// (Decidim's `title`, `description`, `start_date`, `end_date`, `status`, `progress`).
    Results,
    /// One row per action per meeting of a follow-up's programme.
    Progress,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("there is no table \"{0}\": choose issues, actions, results or progress")]
pub struct UnknownTable(pub String);

impl FromStr for Table {
    type Err = UnknownTable;
    fn from_str(text: &str) -> Result<Table, UnknownTable> {
        match text.trim().to_lowercase().as_str() {
            "issues" => Ok(Table::Issues),
            "actions" => Ok(Table::Actions),
            "results" => Ok(Table::Results),
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
            Table::Results => "results",
            Table::Progress => "progress",
        })
    }
}

/// The proceedings of a session file in one format.
pub fn export(loaded: &Loaded, format: Format, options: Options) -> String {
    let p = Proceedings::of(loaded, options);
    match format {
        Format::Json => json::render(&p),
        Format::Markdown => markdown::render(&p),
        Format::Csv(table) => csv::render(&p, table, options.bom),
        Format::Html => html::render(&p),
        Format::Ics => ics::render(&p),
    }
}

/// Text on one line with control characters made visible, for a terminal.
pub fn clean_line(raw: &str) -> String {
    clean::line(raw)
}

/// Passages of the anonymised proceedings that may still name someone, for a person to
/// read before publishing. Empty when `options.anonymous` is off.
pub fn review(loaded: &Loaded, options: Options) -> Vec<Passage> {
    if !options.anonymous {
        return vec![];
    }
    review::review(&Proceedings::of(loaded, options).state)
}
