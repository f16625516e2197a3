//! The sessions in a data directory, read quickly from their snapshots for the picker and
//! `convene list` (rebuilding every log just to count issues would be slow).

use super::format::{FORMAT, VERSION};
use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Summary {
    pub file: PathBuf,
    pub theme: String,
    pub created_at: DateTime<FixedOffset>,
    pub saved_at: DateTime<FixedOffset>,
    pub participants: usize,
    pub issues: usize,
    pub leads: usize,
    /// The session's id (from the header), which follow-ups link to.
    pub id: String,
    /// In a follow-up: the earlier meeting's session id and file name as recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follows: Option<Follows>,
    /// A follow-up's meeting date (the day of `created_at` otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting_date: Option<chrono::NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, Deserialize)]
pub struct Follows {
    pub session: String,
    pub file: String,
}

#[derive(Deserialize)]
struct FollowUpHead {
    follows: Follows,
    date: chrono::NaiveDate,
}

/// A file in the folder that is not a readable session, listed so it is not silently hidden.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Unreadable {
    pub file: PathBuf,
    pub reason: String,
}

#[derive(Deserialize)]
struct Head {
    format: String,
    version: u64,
    id: String,
    created_at: DateTime<FixedOffset>,
    saved_at: DateTime<FixedOffset>,
    #[allow(dead_code)]
    events: IgnoredAny,
    state: State,
}

#[derive(Deserialize)]
struct State {
    theme: String,
    #[serde(default)]
    follow_up: Option<FollowUpHead>,
    participants: Vec<IgnoredAny>,
    issues: Vec<IssueHead>,
}

#[derive(Deserialize)]
struct IssueHead {
    lead: Option<String>,
    merged_into: Option<u32>,
}

/// Sessions newest first (by last save), and the files that could not be read.
pub fn list(sessions_dir: &Path) -> std::io::Result<(Vec<Summary>, Vec<Unreadable>)> {
    let mut good = vec![];
    let mut bad = vec![];
    let entries = match std::fs::read_dir(sessions_dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((good, bad)),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") || !path.is_file() {
            continue;
        }
        match summarise(&path) {
            Ok(s) => good.push(s),
            Err(reason) => bad.push(Unreadable { file: path, reason }),
        }
    }
    good.sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then(a.file.cmp(&b.file)));
    bad.sort_by(|a, b| a.file.cmp(&b.file));
    Ok((good, bad))
}

fn summarise(path: &Path) -> Result<Summary, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let head: Head = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
    if head.format != FORMAT {
        return Err("not a Convene session".into());
    }
    if head.version > VERSION as u64 {
        return Err(format!(
            "written by a newer Convene (version {})",
            head.version
        ));
    }
    let active = || head.state.issues.iter().filter(|i| i.merged_into.is_none());
    Ok(Summary {
        file: path.to_path_buf(),
        theme: head.state.theme.clone(),
        created_at: head.created_at,
        saved_at: head.saved_at,
        participants: head.state.participants.len(),
        issues: active().count(),
        leads: active().filter(|i| i.lead.is_some()).count(),
        id: head.id.clone(),
        meeting_date: head.state.follow_up.as_ref().map(|f| f.date),
        follows: head.state.follow_up.map(|f| f.follows),
    })
}
