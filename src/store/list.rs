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
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        // A folder that happens to end in .json is not a file someone lost.
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
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
    let bytes = read(path)?;
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

/// The bytes of a file in the sessions folder, or why not. Opened without blocking, so a
/// FIFO is reported rather than waited on for ever.
fn read(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let link = std::fs::symlink_metadata(path)
        .map_err(|e| e.to_string())?
        .file_type()
        .is_symlink();
    let mut file = match std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
    {
        Ok(file) => file,
        Err(e) if link && e.kind() == std::io::ErrorKind::NotFound => {
            return Err("a link to a file that does not exist".into());
        }
        Err(e) => return Err(e.to_string()),
    };
    let kind = file.metadata().map_err(|e| e.to_string())?.file_type();
    if !kind.is_file() {
        let what = if kind.is_fifo() {
            "a FIFO"
        } else if kind.is_socket() {
            "a socket"
        } else if kind.is_dir() {
            "a folder"
        } else {
            "a device"
        };
        return Err(format!("not a regular file ({what})"));
    }
    let mut bytes = vec![];
    file.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_and_a_dangling_link_are_listed_with_their_reason() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success());
        std::os::unix::fs::symlink("gone.json", dir.path().join("dangling.json")).unwrap();
        std::fs::create_dir(dir.path().join("folder.json")).unwrap();
        let (good, bad) = list(dir.path()).unwrap();
        assert!(good.is_empty());
        let reasons: Vec<(String, String)> = bad
            .iter()
            .map(|u| {
                let name = u.file.file_name().unwrap().to_string_lossy().into_owned();
                (name, u.reason.clone())
            })
            .collect();
        assert_eq!(
            reasons,
            [
                (
                    "dangling.json".into(),
                    "a link to a file that does not exist".into()
                ),
                ("pipe.json".into(), "not a regular file (a FIFO)".into()),
            ]
        );
    }
}
