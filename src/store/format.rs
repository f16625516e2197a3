//! The session file: its header, the event log and the snapshot, how it is written and how
//! it is read back. Reading never trusts the snapshot: the state is rebuilt from the events.

use super::snapshot::StateView;
use crate::model::{BadEvent, Event, Journal};
use chrono::{DateTime, FixedOffset};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use std::io::Write;
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

#[derive(Deserialize)]
struct RawFile<S> {
    format: String,
    version: u64,
    id: String,
    created_at: DateTime<FixedOffset>,
    saved_at: DateTime<FixedOffset>,
    events: Vec<Event>,
    state: S,
}

/// Only what is needed to tell a newer file from a broken one.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u64>,
}

/// Writes the whole file. Events go one per line so that a position in an error message
/// points at a single event and `diff` between two saves reads naturally.
pub fn to_bytes(meta: &Meta, journal: &Journal, saved_at: DateTime<FixedOffset>) -> Vec<u8> {
    let mut out = Vec::with_capacity(journal.events.len() * 160 + 4096);
    let text = |v: &str| serde_json::to_string(v).expect("strings serialize");
    out.extend_from_slice(b"{\n");
    for (key, value) in [
        ("format", text(FORMAT)),
        ("version", VERSION.to_string()),
        ("id", text(&meta.id)),
        ("created_at", text(&meta.created_at.to_rfc3339())),
        ("saved_at", text(&saved_at.to_rfc3339())),
    ] {
        let _ = writeln!(out, "  \"{key}\": {value},");
    }
    out.extend_from_slice(b"  \"events\": [");
    for (n, event) in journal.events.iter().enumerate() {
        out.extend_from_slice(if n == 0 { b"\n    " } else { b",\n    " });
        serde_json::to_writer(&mut out, event).expect("events always serialize");
    }
    out.extend_from_slice(b"\n  ],\n  \"state\": ");
    let state = StateView::of(&journal.session);
    let mut ser = serde_json::Serializer::with_formatter(
        &mut out,
        serde_json::ser::PrettyFormatter::with_indent(b"  "),
    );
    state.serialize(&mut ser).expect("state always serializes");
    out.extend_from_slice(b"\n}\n");
    out
}

/// Reads and rebuilds a session file.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = read(path)?;
    parse(path, &bytes)
}

/// Parses and rebuilds file contents; `path` is only used to name the file in errors.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let raw: RawFile<IgnoredAny> = parse_raw(path, bytes)?;
    rebuild(path, raw)
}

/// What `convene check` reports beyond a successful load.
#[derive(Debug)]
pub struct Checked {
    pub loaded: Loaded,
    /// Where the snapshot in the file disagrees with the state rebuilt from its events.
    pub snapshot_differs: Option<String>,
}

/// Loads the file and also compares its snapshot with the rebuilt state.
pub fn check(path: &Path) -> Result<Checked, LoadError> {
    let bytes = read(path)?;
    let raw: RawFile<serde_json::Value> = parse_raw(path, &bytes)?;
    let stored = raw.state.clone();
    let loaded = rebuild(path, raw)?;
    let rebuilt =
        serde_json::to_value(StateView::of(&loaded.journal.session)).expect("state serializes");
    let snapshot_differs = first_difference(&stored, &rebuilt, "state");
    Ok(Checked {
        loaded,
        snapshot_differs,
    })
}

fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn parse_raw<S: serde::de::DeserializeOwned>(
    path: &Path,
    bytes: &[u8],
) -> Result<RawFile<S>, LoadError> {
    let path_buf = || path.to_path_buf();
    match serde_json::from_slice::<RawFile<S>>(bytes) {
        Ok(raw) => {
            if raw.format != FORMAT {
                return Err(LoadError::NotASession { path: path_buf() });
            }
            check_version(path, raw.version)?;
            Ok(raw)
        }
        Err(err) => {
            // A newer version may have a shape this one cannot parse: say so rather than
            // point at some field it does not know.
            if let Ok(header) = serde_json::from_slice::<Header>(bytes) {
                if header.format.as_deref().is_some_and(|f| f != FORMAT) {
                    return Err(LoadError::NotASession { path: path_buf() });
                }
                if let Some(v) = header.version {
                    check_version(path, v)?;
                }
            }
            Err(LoadError::Syntax {
                path: path_buf(),
                line: err.line(),
                column: err.column(),
                message: plain_serde_message(&err),
            })
        }
    }
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

fn rebuild<S>(path: &Path, raw: RawFile<S>) -> Result<Loaded, LoadError> {
    let events = migrate(path, raw.version, raw.events)?;
    let journal = Journal::rebuild(events).map_err(|source| LoadError::Event {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(Loaded {
        meta: Meta {
            id: raw.id,
            created_at: raw.created_at,
        },
        saved_at: raw.saved_at,
        journal,
    })
}

/// Where older files are brought up to date, before the rules see their events. Version 2
/// only added things, so a version 1 log is read as it is, once it is clear it holds none
/// of them. The file itself is only rewritten by the next save.
fn migrate(path: &Path, version: u64, events: Vec<Event>) -> Result<Vec<Event>, LoadError> {
    let newer = events.iter().find_map(|e| {
        let since = e.change.since_version();
        if since as u64 > version {
            Some((e.seq, format!("\"{}\"", e.change.kind()), since))
        } else if e.part_of.is_some() && version < 2 {
            Some((e.seq, "a step mark".to_string(), 2))
        } else if e.from.is_some() && version < 2 {
            Some((e.seq, "a copy's provenance".to_string(), 2))
        } else {
            None
        }
    });
    match newer {
        Some((seq, what, since)) => Err(LoadError::TooNew {
            path: path.to_path_buf(),
            seq,
            what,
            version,
            since,
        }),
        None => Ok(events),
    }
}

/// A short description of the first place two JSON values differ, or None if equal.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, at: &str) -> Option<String> {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                match y.get(k) {
                    Some(vb) => {
                        if let Some(d) = first_difference(va, vb, &format!("{at}.{k}")) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{at}.{k} is not in the rebuilt state")),
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!("{at}.{k} is missing from the snapshot"))
        }
        (Value::Array(x), Value::Array(y)) => {
            for (n, (va, vb)) in x.iter().zip(y).enumerate() {
                if let Some(d) = first_difference(va, vb, &format!("{at}[{n}]")) {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| {
                format!(
                    "{at} has {} entries in the snapshot but {} rebuilt",
                    x.len(),
                    y.len()
                )
            })
        }
        _ if a == b => None,
        _ => Some(format!("{at} is {a} in the snapshot but {b} rebuilt")),
    }
}
