//! Reading whole files: loading (the state rebuilt from the log, on a second thread while
//! the file is read), checking, and handing a log to replay as it stands or piece by piece.

use super::fields::{FileSeed, Found, Head, PIECE, Piece, Reading};
use super::{Claimed, LoadError, Loaded, Meta, snapshot_difference, unreadable};
use crate::model::{Event, Journal, Rebuild, Session};
use crate::view::StateView;
use serde::de::DeserializeSeed;
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender};

/// Reads and rebuilds a session file.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = read(path)?;
    parse(path, &bytes)
}

/// Parses and rebuilds file contents; `path` is only used to name the file in errors.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let (loaded, _) = parse_and_compare(path, bytes, false)?;
    Ok(loaded)
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
    check_bytes(path, &bytes)
}

/// As `check`, on file contents already read.
pub fn check_bytes(path: &Path, bytes: &[u8]) -> Result<Checked, LoadError> {
    let (loaded, snapshot_differs) = parse_and_compare(path, bytes, true)?;
    Ok(Checked {
        loaded,
        snapshot_differs,
    })
}

fn parse_and_compare(
    path: &Path,
    bytes: &[u8],
    compare: bool,
) -> Result<(Loaded, Option<String>), LoadError> {
    let parts = parse_parts(path, bytes, Reading::Rebuilding)?;
    let (loaded, stored) = parts.into_loaded(path)?;
    let differs = if compare {
        snapshot_difference(&stored, &loaded.journal.session)
    } else {
        None
    };
    Ok((loaded, differs))
}

/// What `convene check` needs of a file: the state its log gives, how long the log is, and
/// where the snapshot disagrees. The events are dropped once applied, so a check holds the
/// file's bytes and the state, not the whole log besides.
#[derive(Debug)]
pub struct Verified {
    pub meta: Meta,
    pub session: Session,
    pub events: usize,
    pub snapshot_differs: Option<String>,
}

/// Reads a file, rebuilds it from its events and compares its snapshot, keeping none of
/// the events.
pub fn verify(path: &Path) -> Result<Verified, LoadError> {
    verify_bytes(path, read(path)?)
}

pub(super) fn verify_bytes(path: &Path, bytes: Vec<u8>) -> Result<Verified, LoadError> {
    let parts = parse_parts(path, &bytes, Reading::Verifying)?;
    drop(bytes);
    let events = parts.events;
    let (loaded, stored) = parts.into_loaded(path)?;
    let events = events.unwrap_or(loaded.journal.events.len());
    let snapshot_differs = snapshot_difference(&stored, &loaded.journal.session);
    Ok(Verified {
        meta: loaded.meta,
        session: loaded.journal.session,
        events,
        snapshot_differs,
    })
}

/// A file's log as it stands, read but not applied: for replay, which applies it once,
/// laying down its checkpoints on the way (and refuses it as `load` would if the rules do).
pub fn read_log(path: &Path) -> Result<(Meta, Vec<Event>), LoadError> {
    let bytes = read(path)?;
    let parts = parse_parts(path, &bytes, Reading::Everything)?;
    drop(bytes);
    let Log::Events(events) = parts.log else {
        unreachable!("only Reading::Rebuilding rebuilds")
    };
    Ok((parts.head.meta, migrate(path, parts.head.version, events)?))
}

/// Reads a session file from disk, handing its log on piece by piece (with the file's
/// version) as it is read, for a replay that draws its first frame from the first piece.
/// The file is read through a small buffer, never held whole. Refuses what `read_log`
/// refuses, with the same words, except what only applying the events or `check_piece`
/// can tell: a file whose header says it is not one this version reads sends nothing,
/// but a syntax error can come after pieces already sent. The pieces are not checked
/// against the version (see `check_piece`). When the header comes after the log (files
/// written by other tools), the log is sent only once the whole file has been read.
pub fn stream_log(path: &Path, pieces: SyncSender<Piece>) -> Result<(), LoadError> {
    let path_buf = || path.to_path_buf();
    let io = |source| LoadError::Io {
        path: path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut found = Found::<StateView>::default();
    let mut de =
        serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(1 << 16, file));
    let read = FileSeed {
        reading: Reading::Streaming,
        found: &mut found,
        capacity: PIECE,
        pieces: Some(pieces.clone()),
    }
    .deserialize(&mut de)
    .and_then(|()| de.end());
    if let Err(err) = read {
        if err.is_io() {
            return Err(io(err.into()));
        }
        let header = std::fs::File::open(path)
            .ok()
            .and_then(|f| serde_json::from_reader::<_, Claimed>(std::io::BufReader::new(f)).ok());
        return Err(unreadable(path, &err, header));
    }
    let version = found.head(path)?.version;
    let mut events = found.events.take().unwrap_or_default().into_iter();
    loop {
        let piece: Vec<Event> = events.by_ref().take(PIECE).collect();
        if piece.is_empty() || pieces.send((version, piece)).is_err() {
            break;
        }
    }
    Ok(())
}

/// Refuses a piece of a version `version` log that holds something a later version brought,
/// as `read_log` refuses the whole log.
pub fn check_piece(path: &Path, version: u64, piece: &[Event]) -> Result<(), LoadError> {
    match piece.iter().find_map(|e| newer_than(version, e)) {
        Some((seq, what, since)) => Err(LoadError::TooNew {
            path: path.to_path_buf(),
            seq,
            what,
            version,
            since,
        }),
        None => Ok(()),
    }
}

/// A file's top-level fields once all were found.
pub(super) struct Parts {
    pub head: Head,
    log: Log,
    /// How many events the log held, when they were applied and dropped while read.
    events: Option<usize>,
}

impl Parts {
    /// The session the log gives (rebuilt now if it was not while read), and the snapshot.
    fn into_loaded(self, path: &Path) -> Result<(Loaded, StateView), LoadError> {
        let journal = match self.log {
            Log::Rebuilt(journal) => (*journal)?,
            Log::Events(events) => rebuild(path, self.head.version, events)?,
        };
        let loaded = Loaded {
            meta: self.head.meta,
            saved_at: self.head.saved_at,
            journal,
        };
        Ok((loaded, self.head.state))
    }
}

/// A file's log, as read or as rebuilt while it was read.
enum Log {
    Events(Vec<Event>),
    Rebuilt(Box<Result<Journal, LoadError>>),
}

/// What the rebuilding thread gives: the journal (without its events if they were
/// dropped), and how many events it applied.
type Rebuilt = (Result<Journal, LoadError>, usize);

pub(super) fn parse_parts(path: &Path, bytes: &[u8], reading: Reading) -> Result<Parts, LoadError> {
    let mut found = Found::default();
    // An over-estimate of the number of events: the log never grows by copying, and the
    // part of the reservation never used is never touched.
    let capacity = (bytes.len() / 128).min(1 << 22);
    let (read, rebuilt) = std::thread::scope(|scope| {
        let (pieces, rebuilt) = if reading.rebuilds() {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Piece>(4);
            let rebuild = match reading {
                Reading::Verifying => Rebuild::forgetting(),
                _ => Rebuild::with_capacity(capacity),
            };
            let thread = std::thread::Builder::new()
                .name("convene-rebuild".into())
                .spawn_scoped(scope, move || rebuild_pieces(path, rx, rebuild));
            match thread {
                Ok(thread) => (Some(tx), Some(thread)),
                // No second thread to be had: read first, rebuild after.
                Err(_) => (None, None),
            }
        } else {
            (None, None)
        };
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let read = FileSeed {
            reading,
            found: &mut found,
            capacity,
            pieces,
        }
        .deserialize(&mut de)
        .and_then(|()| de.end());
        let rebuilt = rebuilt.map(|t| t.join().expect("the rebuilding thread does not panic"));
        (read, rebuilt)
    });
    match read {
        Ok(()) => {}
        Err(_) if reading == Reading::Snapshot && found.has_preview() => {}
        Err(err) => {
            let header = serde_json::from_slice::<Claimed>(bytes).ok();
            return Err(unreadable(path, &err, header));
        }
    }
    let head = found.head(path)?;
    let (log, events) = match rebuilt {
        Some((journal, applied)) if found.streamed => {
            (Log::Rebuilt(Box::new(journal)), Some(applied))
        }
        _ => (Log::Events(found.events.unwrap_or_default()), None),
    };
    Ok(Parts { head, log, events })
}

/// The rebuilding thread: applies the pieces of the log as they are read. A version 1 file
/// holding something of version 2 is refused as `migrate` refuses it, whatever else.
fn rebuild_pieces(path: &Path, pieces: Receiver<Piece>, mut rebuild: Rebuild) -> Rebuilt {
    for (version, piece) in pieces {
        if let Err(too_new) = check_piece(path, version, &piece) {
            return (Err(too_new), rebuild.applied());
        }
        rebuild.extend(piece);
    }
    let applied = rebuild.applied();
    let journal = rebuild.finish().map_err(|source| LoadError::Event {
        path: path.to_path_buf(),
        source,
    });
    (journal, applied)
}

fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn rebuild(path: &Path, version: u64, events: Vec<Event>) -> Result<Journal, LoadError> {
    let events = migrate(path, version, events)?;
    Journal::rebuild(events).map_err(|source| LoadError::Event {
        path: path.to_path_buf(),
        source,
    })
}

/// Where older files are brought up to date, before the rules see their events. Version 2
/// only added things, so a version 1 log is read as it is, once it is clear it holds none
/// of them. The file itself is only rewritten by the next save.
fn migrate(path: &Path, version: u64, events: Vec<Event>) -> Result<Vec<Event>, LoadError> {
    check_piece(path, version, &events)?;
    Ok(events)
}

/// What in an event came with a later file version than `version`: its seq, what it is,
/// and the version it came with.
fn newer_than(version: u64, e: &Event) -> Option<(u64, String, u32)> {
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
}
