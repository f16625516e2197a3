//! The session file: its header, the event log and the snapshot, how it is written and how
//! it is read back. Loading never trusts the snapshot: the state is rebuilt from the events;
//! only the first frame of an opened file is drawn from it, while the log is checked behind.
//!
//! Here: what a file is (its format, its version, who it is) and why one is refused. Beside
//! it: `write` (the bytes of a file), `fields` (the one reader of a file's top-level object,
//! with one set of rules), `snapshot` (the schema of its `state`), `header` (reading up to
//! the events, for the first frame and for listing), `read` (whole files and their logs)
//! and `difference` (snapshot against log).

mod difference;
mod fields;
mod header;
mod read;
mod snapshot;
#[cfg(test)]
mod tests;
mod write;

pub use difference::snapshot_difference;
pub use fields::Piece;
pub use header::{Glance, Preview, glance, preview};
pub use read::{
    Checked, Verified, check, check_bytes, check_piece, load, parse, read_log, stream_log, verify,
};
pub use snapshot::Tally;
pub use write::{FileParts, LogBytes, to_bytes};

use crate::model::{BadEvent, Journal};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const FORMAT: &str = "convene.session";
/// The newest file version this program reads and the one it writes. Version 2 added
/// step marks on events and the kinds of change whose `Change::since_version` says 2; a
/// version 1 file is read as it is and written as version 2 at its next save.
pub const VERSION: u32 = 2;

/// Who the session is and when it began; stays the same for the life of the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub id: String,
    pub created_at: DateTime<FixedOffset>,
}

impl Meta {
    pub fn new(created_at: DateTime<FixedOffset>) -> Meta {
        Meta {
            id: uuid::Uuid::new_v4().to_string(),
            created_at,
        }
    }
}

/// A session as read from a file.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub meta: Meta,
    pub saved_at: DateTime<FixedOffset>,
    pub journal: Journal,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{line}:{column}: not a valid session file: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: not a Convene session file (format is not \"{FORMAT}\")", path.display())]
    NotASession { path: PathBuf },
    #[error(
        "{}: written by a newer Convene (file version {version}; this one reads up to {VERSION}). \
         Update Convene to open it; the file was left untouched.",
        path.display()
    )]
    Newer { path: PathBuf, version: u64 },
    #[error("{}: unknown file version {version}", path.display())]
    BadVersion { path: PathBuf, version: u64 },
    #[error("{}: {source}", path.display())]
    Event { path: PathBuf, source: BadEvent },
    #[error(
        "{}: event {seq} ({what}) cannot be in a version {version} file; it came with version {since}",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        seq: u64,
        what: String,
        version: u64,
        since: u32,
    },
}

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::Syntax { path, .. }
            | LoadError::NotASession { path }
            | LoadError::Newer { path, .. }
            | LoadError::BadVersion { path, .. }
            | LoadError::Event { path, .. }
            | LoadError::TooNew { path, .. } => path,
        }
    }
}

/// Why a file that did not parse cannot be read: a newer version may have a shape this one
/// cannot parse, and is said to be newer (or not a session at all) rather than pointed at
/// some field this version does not know; anything else is a syntax error where it is.
fn unreadable(path: &Path, err: &serde_json::Error, header: Option<Claimed>) -> LoadError {
    if let Some(header) = header {
        if header.format.as_deref().is_some_and(|f| f != FORMAT) {
            return LoadError::NotASession {
                path: path.to_path_buf(),
            };
        }
        if let Some(Err(newer)) = header.version.map(|v| check_version(path, v)) {
            return newer;
        }
    }
    LoadError::Syntax {
        path: path.to_path_buf(),
        line: err.line(),
        column: err.column(),
        message: plain_serde_message(err),
    }
}

/// What a file says it is: only what is needed to tell a newer file from a broken one.
#[derive(Deserialize)]
struct Claimed {
    format: Option<String>,
    version: Option<u64>,
}

fn check_version(path: &Path, version: u64) -> Result<(), LoadError> {
    if version > VERSION as u64 {
        return Err(LoadError::Newer {
            path: path.to_path_buf(),
            version,
        });
    }
    if version == 0 {
        return Err(LoadError::BadVersion {
            path: path.to_path_buf(),
            version,
        });
    }
    Ok(())
}

/// serde_json appends " at line L column C"; the position is already in our message.
fn plain_serde_message(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}
