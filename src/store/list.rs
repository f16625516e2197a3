//! The sessions in a data directory, read quickly from their snapshots for the picker and
//! `convene list` (rebuilding every log just to count issues would be slow). Only the
//! header and snapshot are read: a file as Convene writes it is left at its events. They
//! are read by the rules `open` reads them by (`glance`), so a file listed as a
//! session is not one that opening refuses for its header; any other is listed with why.

use super::format::{LoadError, glance};
use chrono::{DateTime, FixedOffset};
use std::fs::File;
use std::path::{Path, PathBuf};

/// A session as the picker and `convene list` show it, read from its header.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Listed {
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

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Follows {
    pub session: String,
    pub file: String,
}

/// A file in the folder that is not a readable session, listed so it is not silently hidden.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Unreadable {
    pub file: PathBuf,
    pub reason: String,
}

/// Sessions newest first (by last save), and the files that could not be read.
pub fn list(sessions_dir: &Path) -> std::io::Result<(Vec<Listed>, Vec<Unreadable>)> {
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

fn summarise(path: &Path) -> Result<Listed, String> {
    let glance = glance(path, open(path)?).map_err(|e| reason(&e))?;
    let state = glance.state;
    Ok(Listed {
        file: path.to_path_buf(),
        theme: state.theme,
        created_at: glance.meta.created_at,
        saved_at: glance.saved_at,
        participants: state.participants,
        issues: state.issues,
        leads: state.leads,
        id: glance.meta.id,
        meeting_date: state.follow_up.as_ref().map(|f| f.date),
        follows: state.follow_up.map(|f| Follows {
            session: f.follows.session,
            file: f.follows.file,
        }),
    })
}

/// Why a file is not listed as a session, in the words of a line beside its name: the
/// file's name is already there, so it is not said again.
fn reason(e: &LoadError) -> String {
    match e {
        LoadError::Io { source, .. } => source.to_string(),
        // As serde_json says it, position and all.
        LoadError::Syntax {
            line: 0, message, ..
        } => message.clone(),
        LoadError::Syntax {
            line,
            column,
            message,
            ..
        } => format!("{message} at line {line} column {column}"),
        LoadError::NotASession { .. } => "not a Convene session".into(),
        LoadError::Newer { version, .. } => {
            format!("written by a newer Convene (version {version})")
        }
        LoadError::BadVersion { version, .. } => format!("unknown file version {version}"),
        // Only reading the log finds these.
        LoadError::Event { .. } | LoadError::TooNew { .. } => e.to_string(),
    }
}

/// A file in the sessions folder, open for reading, or why not. Opened without blocking, so
/// a FIFO is reported rather than waited on for ever.
fn open(path: &Path) -> Result<File, String> {
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let link = std::fs::symlink_metadata(path)
        .map_err(|e| e.to_string())?
        .file_type()
        .is_symlink();
    let file = match std::fs::OpenOptions::new()
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
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The picker reads a file up to its events and no further: a log cut short after the
    /// snapshot is found by opening the file, not by listing it. A file with its events
    /// first (as before the snapshot moved ahead) is read through them.
    #[test]
    fn a_listing_stops_where_the_events_begin() {
        let dir = tempfile::tempdir().unwrap();
        let journal = crate::demo::build();
        let at = crate::demo::saved_at();
        let bytes = crate::store::to_bytes(&crate::demo::meta(), &journal, at);
        let text = String::from_utf8(bytes.clone()).unwrap();
        let cut = text.find("\"events\": [").unwrap() + 40;
        std::fs::write(dir.path().join("cut.json"), &text[..cut]).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        std::fs::write(dir.path().join("old.json"), value.to_string()).unwrap();
        let mut stateless = value.clone();
        stateless.as_object_mut().unwrap().remove("state");
        std::fs::write(dir.path().join("stateless.json"), stateless.to_string()).unwrap();
        let (good, bad) = list(dir.path()).unwrap();
        let names = |files: Vec<&PathBuf>| -> Vec<String> {
            let mut names: Vec<String> = files
                .iter()
                .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        };
        assert_eq!(
            names(good.iter().map(|s| &s.file).collect()),
            ["cut.json", "old.json"]
        );
        assert!(
            good.iter()
                .all(|s| s.participants == journal.session.participants.len())
        );
        assert_eq!(
            names(bad.iter().map(|u| &u.file).collect()),
            ["stateless.json"]
        );
        assert!(
            bad[0].reason.contains("missing field `state`"),
            "{:?}",
            bad[0]
        );
    }

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
