//! Reading a file up to its events and no further: the first frame of an opened file is
//! drawn from its header and snapshot, and the picker, `convene list` and the like list
//! sessions from them. Both read through the one reader of a file (`fields`), so a file
//! listed as a session is one that opening does not refuse for its header or snapshot; what
//! is wrong in the log is only found by reading the log.

use super::fields::{FileSeed, Found, Reading, stopped_at_events};
use super::read::parse_parts;
use super::snapshot::Tally;
use super::{LoadError, Meta, unreadable};
use crate::view::StateView;
use chrono::{DateTime, FixedOffset};
use serde::de::DeserializeSeed;
use std::path::Path;

/// What the first frame of an opened file is drawn from: everything but the events.
#[derive(Clone, Debug)]
pub struct Preview {
    pub meta: Meta,
    pub saved_at: DateTime<FixedOffset>,
    pub state: StateView,
}

/// Reads the header and snapshot of file contents, stopping before the events when they
/// come after the snapshot (as Convene writes them). Nothing is checked against the log,
/// nor after the header: that is for `check_bytes`, behind the first frame.
pub fn preview(path: &Path, bytes: &[u8]) -> Result<Preview, LoadError> {
    let head = parse_parts(path, bytes, Reading::Snapshot)?.head;
    Ok(Preview {
        meta: head.meta,
        saved_at: head.saved_at,
        state: head.state,
    })
}

/// What a listing shows of a session: its header, and its snapshot counted (`Tally`).
#[derive(Clone, Debug, PartialEq)]
pub struct Glance {
    pub meta: Meta,
    pub saved_at: DateTime<FixedOffset>,
    pub state: Tally,
}

/// Reads the header and snapshot from `reader`, up to the events and no further when they
/// come after the snapshot; events that come first are read through, never held, and the
/// snapshot's participants and issues are counted one at a time. What this refuses, a
/// whole read refuses in the same words: an unknown or repeated field, a timestamp that
/// does not read, a snapshot the schema does not allow, a file of another format or
/// version, and anything that ends the file before its events. `path` only names the file
/// in errors.
pub fn glance(path: &Path, reader: impl std::io::Read) -> Result<Glance, LoadError> {
    let mut found = Found::<Tally>::default();
    let mut de =
        serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(1 << 16, reader));
    let read = FileSeed {
        reading: Reading::Snapshot,
        found: &mut found,
        capacity: 0,
        pieces: None,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end());
    match read {
        Ok(()) => {}
        Err(err) if stopped_at_events(&err) => {}
        Err(err) if err.is_io() => {
            return Err(LoadError::Io {
                path: path.to_path_buf(),
                source: err.into(),
            });
        }
        // What was read of the header says whether the file is newer or not a session.
        Err(err) => return Err(unreadable(path, &err, Some(found.claimed()))),
    }
    let head = found.head(path)?;
    Ok(Glance {
        meta: head.meta,
        saved_at: head.saved_at,
        state: head.state,
    })
}
