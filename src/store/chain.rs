//! Finding the meetings of a programme on disk: the file a follow-up links to (by the
//! earlier session's id and seq, whatever the file is called now), and the follow-ups of a
//! session. Files are looked for in the folders given, usually the one beside the file
//! and the sessions folder; copies that went on differently are told apart by the carried
//! plan they must agree with.

use super::format::{Loaded, load};
use crate::model::followup::disagreements;
use crate::model::{Journal, Session};
use std::path::{Path, PathBuf};

/// A readable session file in one of the folders searched.
pub struct Found {
    pub path: PathBuf,
    pub loaded: Loaded,
}

/// Every readable session in the folders (each file once, unreadable ones skipped: this is a
/// search, not a check).
pub fn sessions_in(dirs: &[&Path]) -> Vec<Found> {
    let mut seen: Vec<PathBuf> = vec![];
    let mut out = vec![];
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json") && p.is_file())
            .collect();
        paths.sort();
        for path in paths {
            let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            if let Ok(loaded) = load(&path) {
                out.push(Found { path, loaded });
            }
        }
    }
    out
}

/// What came of looking for the meeting a follow-up links to.
pub enum Earlier<'a> {
    /// Found, and the carried plan agrees with it as it was at the link's seq.
    Agrees(&'a Found),
    /// Files with that id reach the seq, but the carried plan disagrees: why, for the first.
    Disagrees(&'a Found, Vec<String>),
    NotFound,
}

/// The file `follow_up` links to among `found`.
pub fn earlier<'a>(follow_up: &Session, found: &'a [Found]) -> Earlier<'a> {
    let Some(link) = &follow_up.follow_up else {
        return Earlier::NotFound;
    };
    let mut first_bad = None;
    for f in found {
        if f.loaded.meta.id != link.follows.session
            || (f.loaded.journal.events.len() as u64) < link.follows.seq
        {
            continue;
        }
        let at_link = at_seq(&f.loaded.journal, link.follows.seq);
        let problems = match &at_link {
            Some(session) => disagreements(follow_up, session),
            None => vec!["its events up to the link do not rebuild".to_string()],
        };
        if problems.is_empty() {
            return Earlier::Agrees(f);
        }
        first_bad.get_or_insert((f, problems));
    }
    match first_bad {
        Some((f, problems)) => Earlier::Disagrees(f, problems),
        None => Earlier::NotFound,
    }
}

/// The session as it was after event `seq`.
pub fn at_seq(journal: &Journal, seq: u64) -> Option<Session> {
    if seq as usize == journal.events.len() {
        return Some(journal.session.clone());
    }
    let events = journal.events.get(..seq as usize)?.to_vec();
    Journal::rebuild(events).ok().map(|j| j.session)
}

/// The follow-ups of the session `id` among `found` (several where the programme forked).
pub fn follow_ups_of<'a>(id: &str, found: &'a [Found]) -> Vec<&'a Found> {
    found
        .iter()
        .filter(|f| {
            f.loaded
                .journal
                .session
                .follow_up
                .as_ref()
                .is_some_and(|l| l.follows.session == id)
        })
        .collect()
}

/// The date of the meeting a session records: a follow-up's own, or the day it was created.
pub fn meeting_date(loaded: &Loaded) -> chrono::NaiveDate {
    loaded
        .journal
        .session
        .meeting_date()
        .unwrap_or_else(|| loaded.meta.created_at.date_naive())
}

/// A new follow-up of `earlier` (read from the file called `file`) for the meeting on
/// `date`: its theme (the earlier one unless given) and its founding step. The earlier
/// file is only read.
pub fn follow_up(
    earlier: &Loaded,
    file: &str,
    now: chrono::DateTime<chrono::FixedOffset>,
    date: chrono::NaiveDate,
    theme: Option<&str>,
    with_agenda: bool,
) -> Result<Journal, crate::model::Rejection> {
    use crate::model::followup::{Earlier, carry};
    let before = &earlier.journal.session;
    let theme = theme.unwrap_or(&before.theme);
    let mut journal = Journal::create(now, theme)?;
    let from = Earlier {
        session: before,
        id: &earlier.meta.id,
        seq: before.last_seq,
        file,
        date: meeting_date(earlier),
    };
    journal.record_step(now, carry(&from, date, with_agenda))?;
    Ok(journal)
}
