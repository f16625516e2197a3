//! Starting the follow-up meeting of a session, for `convene follow-up` and the picker: the
//! earlier file is read (saying how far a large one is), never written; the new session
//! carries its open plan.

use super::read::{self, Progress};
use crate::model::{Journal, Rejection};
use crate::store::{self, LoadError, Loaded};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::path::Path;

/// The meeting to start.
pub struct Meeting<'a> {
    /// When it is started: the time of its first event.
    pub now: DateTime<FixedOffset>,
    /// The day it meets.
    pub date: NaiveDate,
    /// Its theme, if not the earlier one's.
    pub theme: Option<&'a str>,
    /// Whether the earlier agenda's spaces and slots come along.
    pub agenda: bool,
}

/// Reads the session to follow up.
pub fn read_earlier(path: &Path, report: &mut dyn FnMut(&Progress)) -> Result<Loaded, LoadError> {
    read::load(path, report)
}

/// The new session for `meeting`, following up `earlier`, read from `path`; or why that
/// session cannot be followed up.
pub fn journal(earlier: &Loaded, path: &Path, meeting: &Meeting) -> Result<Journal, Rejection> {
    store::chain::follow_up(
        earlier,
        &read::name_of(path),
        meeting.now,
        meeting.date,
        meeting.theme,
        meeting.agenda,
    )
}
