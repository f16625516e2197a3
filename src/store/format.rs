//! The session file: its header, the event log and the snapshot, how it is written and how
//! it is read back. Loading never trusts the snapshot: the state is rebuilt from the events;
//! only the first frame of an opened file is drawn from it, while the log is checked behind.

use super::snapshot::{self, StateView};
use crate::model::{BadEvent, Event, Journal, Rebuild, Session, stamp};
use chrono::{DateTime, FixedOffset};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender};

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

/// Writes the whole file. The snapshot comes before the events, so that opening a file can
/// draw from it without reading the log first (readers by key, such as `jq`, do not mind
/// the order); events go one per line so that a position in an error message points at a
/// single event and `diff` between two saves reads naturally.
pub fn to_bytes(meta: &Meta, journal: &Journal, saved_at: DateTime<FixedOffset>) -> Vec<u8> {
    let log = LogBytes::of(&journal.events);
    FileParts::new(meta, &journal.session, saved_at, &log).concat()
}

/// The events of a log as the file holds them, serialized once: events never change once
/// recorded, so a save writes these bytes again instead of serializing the whole log.
#[derive(Clone, Debug, Default)]
pub struct LogBytes {
    /// Every event from `start` on, each preceded by `,` (except the first) and its line
    /// break and indent. What comes before `start` is the rest of the file they were read
    /// from, if they were.
    bytes: Vec<u8>,
    start: usize,
    count: usize,
}

/// What comes just before the first event in a file Convene wrote.
const EVENTS_OPEN: &[u8] = b"\n  \"events\": [";

impl LogBytes {
    pub fn of(events: &[Event]) -> LogBytes {
        // About 230 bytes an event in a real day; a little over, so it rarely grows.
        let mut log = LogBytes {
            bytes: Vec::with_capacity(events.len() * 256),
            start: 0,
            count: 0,
        };
        for event in events {
            log.push(event);
        }
        log
    }

    /// Keeps the bytes of a file that was read and holds `count` events, when its log is
    /// laid out as Convene writes it (last, one event a line): they are the log's bytes
    /// already, and an open then neither serializes the log again nor holds it twice.
    /// Anything else (another key order, events over several lines) is handed back.
    pub fn from_file(mut file: Vec<u8>, count: usize) -> Result<LogBytes, Vec<u8>> {
        // A line break is never inside a JSON string, so the key at the top level's indent
        // is the top level's, and each line break in the log starts an event.
        let Some(open) = memchr::memmem::find(&file, EVENTS_OPEN) else {
            return Err(file);
        };
        let start = open + EVENTS_OPEN.len();
        let end = file.len().saturating_sub(TAIL.len());
        if end < start || &file[end..] != TAIL {
            return Err(file);
        }
        let log = &file[start..end];
        let mut lines = 0;
        for (n, at) in memchr::memchr_iter(b'\n', log).enumerate() {
            let after_comma = n == 0 && at == 0 || n > 0 && log[at - 1] == b',';
            if !after_comma || !log[at + 1..].starts_with(b"    {") {
                return Err(file);
            }
            lines += 1;
        }
        if lines != count {
            return Err(file);
        }
        file.truncate(end);
        Ok(LogBytes {
            bytes: file,
            start,
            count,
        })
    }

    /// Adds the next event of the log.
    pub fn push(&mut self, event: &Event) {
        self.bytes.extend_from_slice(if self.count == 0 {
            b"\n    "
        } else {
            b",\n    "
        });
        serde_json::to_writer(&mut self.bytes, event).expect("events always serialize");
        self.count += 1;
    }

    /// How many events are held.
    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
}

/// A whole file as three pieces, written one after the other: the header and snapshot
/// (small, made for each save), the events (kept from save to save), and the end.
pub struct FileParts<'a> {
    head: Vec<u8>,
    log: &'a LogBytes,
}

const TAIL: &[u8] = b"\n  ]\n}\n";

impl<'a> FileParts<'a> {
    pub fn new(
        meta: &Meta,
        session: &Session,
        saved_at: DateTime<FixedOffset>,
        log: &'a LogBytes,
    ) -> FileParts<'a> {
        let mut head = Vec::with_capacity(64 * 1024);
        let text = |v: &str| serde_json::to_string(v).expect("strings serialize");
        let time = |at: &DateTime<FixedOffset>| match stamp::write(at, false) {
            Some(written) => format!("\"{}\"", written.as_str()),
            None => text(&at.to_rfc3339()),
        };
        head.extend_from_slice(b"{\n");
        for (key, value) in [
            ("format", text(FORMAT)),
            ("version", VERSION.to_string()),
            ("id", text(&meta.id)),
            ("created_at", time(&meta.created_at)),
            ("saved_at", time(&saved_at)),
        ] {
            let _ = writeln!(head, "  \"{key}\": {value},");
        }
        head.extend_from_slice(b"  \"state\": ");
        let state = StateView::of(session);
        let mut ser = serde_json::Serializer::with_formatter(
            &mut head,
            serde_json::ser::PrettyFormatter::with_indent(b"  "),
        );
        state.serialize(&mut ser).expect("state always serializes");
        head.extend_from_slice(b",\n  \"events\": [");
        FileParts { head, log }
    }

    /// The pieces, in order.
    pub fn slices(&self) -> [&[u8]; 3] {
        [&self.head, &self.log.bytes[self.log.start..], TAIL]
    }

    /// The length of the whole file.
    pub fn len(&self) -> usize {
        self.slices().iter().map(|s| s.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    /// The whole file in one buffer, sized from the real bytes.
    pub fn concat(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len());
        for part in self.slices() {
            out.extend_from_slice(part);
        }
        out
    }
}

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

fn verify_bytes(path: &Path, bytes: Vec<u8>) -> Result<Verified, LoadError> {
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
    Ok((parts.meta, migrate(path, parts.version, events)?))
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
    let mut found = Found::default();
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
            .and_then(|f| serde_json::from_reader::<_, Header>(std::io::BufReader::new(f)).ok());
        return Err(unreadable(path, &err, header));
    }
    if found.format.as_deref() != Some(FORMAT) {
        return Err(LoadError::NotASession { path: path_buf() });
    }
    // Every field is there (the reader refuses a missing one), so only the version is left.
    let version = found.version.unwrap_or_default();
    check_version(path, version)?;
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

/// Where a snapshot read from a file differs from the state of `session`, if anywhere.
pub fn snapshot_difference(stored: &StateView, session: &Session) -> Option<String> {
    let rebuilt = StateView::of(session);
    if *stored == rebuilt {
        return None;
    }
    // Only when they differ: the place is easiest to name on the generic form.
    let as_value = |s: &StateView| serde_json::to_value(s).expect("state serializes");
    first_difference(&as_value(stored), &as_value(&rebuilt), "state")
        .or_else(|| Some("state differs".to_string()))
}

/// What the first frame of an opened file is drawn from: everything but the events.
#[derive(Clone, Debug)]
pub struct Preview {
    pub meta: Meta,
    pub saved_at: DateTime<FixedOffset>,
    pub state: StateView,
}

/// Reads the header and snapshot of file contents, stopping before the events when they
/// come after the snapshot (as Convene writes them). Nothing is checked against the log:
/// that is for `check_bytes`, behind the first frame.
pub fn preview(path: &Path, bytes: &[u8]) -> Result<Preview, LoadError> {
    let parts = parse_parts(path, bytes, Reading::Snapshot)?;
    Ok(Preview {
        meta: parts.meta,
        saved_at: parts.saved_at,
        state: parts.state,
    })
}

/// How much of a file to read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    Everything,
    /// Everything, and rebuild the session from the log on a second thread while it is
    /// read, a piece at a time (when the version comes before the log, as Convene writes
    /// it: a piece is checked against the version before it is applied).
    Rebuilding,
    /// As `Rebuilding`, keeping none of the events once applied.
    Verifying,
    /// Header and snapshot; the events are skipped, or not reached at all.
    Snapshot,
    /// Everything, handing the log on piece by piece as it is read, once the header says
    /// the file is one this version reads (see `stream_log`).
    Streaming,
}

impl Reading {
    fn rebuilds(self) -> bool {
        matches!(self, Reading::Rebuilding | Reading::Verifying)
    }
}

/// A file's top-level fields, as far as they have been read.
#[derive(Default)]
struct Found {
    format: Option<String>,
    version: Option<u64>,
    id: Option<String>,
    created_at: Option<DateTime<FixedOffset>>,
    saved_at: Option<DateTime<FixedOffset>>,
    events: Option<Vec<Event>>,
    /// The log went to the rebuilding thread instead.
    streamed: bool,
    state: Option<StateView>,
}

impl Found {
    fn has_preview(&self) -> bool {
        self.format.is_some()
            && self.version.is_some()
            && self.id.is_some()
            && self.created_at.is_some()
            && self.saved_at.is_some()
            && self.state.is_some()
    }
}

/// A file's top-level fields once all were found.
struct Parts {
    version: u64,
    meta: Meta,
    saved_at: DateTime<FixedOffset>,
    log: Log,
    /// How many events the log held, when they were applied and dropped while read.
    events: Option<usize>,
    state: StateView,
}

impl Parts {
    /// The session the log gives (rebuilt now if it was not while read), and the snapshot.
    fn into_loaded(self, path: &Path) -> Result<(Loaded, StateView), LoadError> {
        let journal = match self.log {
            Log::Rebuilt(journal) => (*journal)?,
            Log::Events(events) => rebuild(path, self.version, events)?,
        };
        let loaded = Loaded {
            meta: self.meta,
            saved_at: self.saved_at,
            journal,
        };
        Ok((loaded, self.state))
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

/// Events per piece handed to the rebuilding thread.
const PIECE: usize = 2048;

/// A piece of the log with the version of its file.
pub type Piece = (u64, Vec<Event>);

const FIELDS: &[&str] = &[
    "format",
    "version",
    "id",
    "created_at",
    "saved_at",
    "state",
    "events",
];

/// Said by the reader when it has all a preview needs; never reaches the user.
const ENOUGH: &str = "convene: the preview is complete";

fn parse_parts(path: &Path, bytes: &[u8], reading: Reading) -> Result<Parts, LoadError> {
    let path_buf = || path.to_path_buf();
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
            let header = serde_json::from_slice::<Header>(bytes).ok();
            return Err(unreadable(path, &err, header));
        }
    }
    let missing = || LoadError::Syntax {
        path: path_buf(),
        line: 0,
        column: 0,
        message: "the file is incomplete".into(),
    };
    if found.format.as_deref() != Some(FORMAT) {
        return Err(LoadError::NotASession { path: path_buf() });
    }
    let version = found.version.ok_or_else(missing)?;
    check_version(path, version)?;
    let (log, events) = match rebuilt {
        Some((journal, applied)) if found.streamed => {
            (Log::Rebuilt(Box::new(journal)), Some(applied))
        }
        _ => (Log::Events(found.events.unwrap_or_default()), None),
    };
    Ok(Parts {
        version,
        meta: Meta {
            id: found.id.ok_or_else(missing)?,
            created_at: found.created_at.ok_or_else(missing)?,
        },
        saved_at: found.saved_at.ok_or_else(missing)?,
        log,
        events,
        state: found.state.ok_or_else(missing)?,
    })
}

/// Reads the top-level object into `found`, refusing unknown and repeated fields.
struct FileSeed<'a> {
    reading: Reading,
    found: &'a mut Found,
    capacity: usize,
    /// Where the log goes, piece by piece, when it is rebuilt while read.
    pieces: Option<SyncSender<Piece>>,
}

impl<'de> DeserializeSeed<'de> for FileSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

fn once<T, E: de::Error>(slot: &mut Option<T>, name: &'static str, value: T) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(name));
    }
    *slot = Some(value);
    Ok(())
}

impl<'de> Visitor<'de> for FileSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a session file")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let f = self.found;
        let mut events_seen = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => once(&mut f.format, "format", map.next_value()?)?,
                "version" => once(&mut f.version, "version", map.next_value()?)?,
                "id" => once(&mut f.id, "id", map.next_value()?)?,
                "created_at" => {
                    let at = map.next_value_seed(stamp::De)?;
                    once(&mut f.created_at, "created_at", at)?
                }
                "saved_at" => once(&mut f.saved_at, "saved_at", map.next_value_seed(stamp::De)?)?,
                "state" => {
                    let state = map.next_value::<snapshot::Strict>()?;
                    once(&mut f.state, "state", state.into())?
                }
                "events" => {
                    if events_seen {
                        return Err(de::Error::duplicate_field("events"));
                    }
                    events_seen = true;
                    match (self.reading, &self.pieces, f.version) {
                        (Reading::Rebuilding | Reading::Verifying, Some(pieces), Some(version)) => {
                            let seed = EventsSeed {
                                capacity: PIECE,
                                pieces: Some((pieces, version)),
                            };
                            map.next_value_seed(seed)?;
                            f.streamed = true;
                        }
                        (Reading::Streaming, Some(pieces), Some(version))
                            if f.format.as_deref() == Some(FORMAT)
                                && (1..=VERSION as u64).contains(&version) =>
                        {
                            let seed = EventsSeed {
                                capacity: PIECE,
                                pieces: Some((pieces, version)),
                            };
                            map.next_value_seed(seed)?;
                            f.streamed = true;
                        }
                        (
                            Reading::Everything
                            | Reading::Rebuilding
                            | Reading::Verifying
                            | Reading::Streaming,
                            _,
                            _,
                        ) => {
                            let seed = EventsSeed {
                                capacity: self.capacity,
                                pieces: None,
                            };
                            f.events = Some(map.next_value_seed(seed)?);
                        }
                        (Reading::Snapshot, _, _) => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
            // Everything a preview needs is in: the rest (the log) is for the check behind
            // the first frame. The caller sees `has_preview` and ignores this error.
            if self.reading == Reading::Snapshot && f.has_preview() {
                return Err(de::Error::custom(ENOUGH));
            }
        }
        let missing = [
            ("format", f.format.is_none()),
            ("version", f.version.is_none()),
            ("id", f.id.is_none()),
            ("created_at", f.created_at.is_none()),
            ("saved_at", f.saved_at.is_none()),
            ("state", f.state.is_none()),
            ("events", !events_seen),
        ];
        match missing.into_iter().find(|(_, gone)| *gone) {
            Some((name, _)) => Err(de::Error::missing_field(name)),
            None => Ok(()),
        }
    }
}

/// Reads the log into a vector reserved up front, or hands it on piece by piece with the
/// file's version (then returning nothing).
struct EventsSeed<'a> {
    capacity: usize,
    pieces: Option<(&'a SyncSender<Piece>, u64)>,
}

impl<'de> DeserializeSeed<'de> for EventsSeed<'_> {
    type Value = Vec<Event>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<Event>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for EventsSeed<'_> {
    type Value = Vec<Event>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of events")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Event>, A::Error> {
        let mut events = Vec::with_capacity(self.capacity);
        while let Some(event) = seq.next_element()? {
            events.push(event);
            if let Some((pieces, version)) = self.pieces
                && events.len() == PIECE
            {
                // A closed channel means the rebuild stopped; the read goes on for its errors.
                let piece = std::mem::replace(&mut events, Vec::with_capacity(PIECE));
                let _ = pieces.send((version, piece));
            }
        }
        match self.pieces {
            Some((pieces, version)) => {
                let _ = pieces.send((version, events));
                Ok(Vec::new())
            }
            None => Ok(events),
        }
    }
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

/// Why a file that did not parse cannot be read: a newer version may have a shape this one
/// cannot parse, and is said to be newer (or not a session at all) rather than pointed at
/// some field this version does not know; anything else is a syntax error where it is.
fn unreadable(path: &Path, err: &serde_json::Error, header: Option<Header>) -> LoadError {
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

/// Only what is needed to tell a newer file from a broken one.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u64>,
}

fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Change;

    fn file() -> (Journal, Vec<u8>) {
        let journal = crate::demo::build();
        let bytes = to_bytes(&crate::demo::meta(), &journal, crate::demo::saved_at());
        (journal, bytes)
    }

    fn edit(bytes: &[u8], f: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
        let mut value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        f(&mut value);
        serde_json::to_vec(&value).unwrap()
    }

    fn err(bytes: &[u8]) -> String {
        parse(Path::new("s.json"), bytes).unwrap_err().to_string()
    }

    /// The preview stops at the snapshot: what comes after it is the background check's.
    #[test]
    fn the_preview_reads_the_snapshot_without_the_events() {
        let (journal, bytes) = file();
        let text = String::from_utf8(bytes).unwrap();
        let cut = text.find("\"events\": [").unwrap();
        let broken = format!("{}\"events\": [{{ not json", &text[..cut]);
        let preview = preview(Path::new("s.json"), broken.as_bytes()).unwrap();
        assert_eq!(preview.state, StateView::of(&journal.session));
        assert_eq!(preview.meta, crate::demo::meta());
        assert!(parse(Path::new("s.json"), broken.as_bytes()).is_err());
    }

    /// Files written before the snapshot moved ahead of the events (and files written by
    /// other tools, in any key order) read as before, previews included.
    #[test]
    fn a_file_with_the_snapshot_last_reads_the_same() {
        let (journal, bytes) = file();
        // serde_json writes keys in alphabetical order: "events" before "state".
        let old = edit(&bytes, |_| {});
        let text = String::from_utf8(old.clone()).unwrap();
        assert!(text.find("\"events\"").unwrap() < text.find("\"state\"").unwrap());
        let loaded = parse(Path::new("s.json"), &old).unwrap();
        assert_eq!(loaded.journal, journal);
        let preview = preview(Path::new("s.json"), &old).unwrap();
        assert_eq!(preview.state, StateView::of(&journal.session));
        let checked = check_bytes(Path::new("s.json"), &old).unwrap();
        assert_eq!(checked.snapshot_differs, None);
    }

    /// The bytes of a file Convene wrote are its log's bytes: kept as they are, a save
    /// from them writes what a fresh serialization would.
    #[test]
    fn an_opened_files_bytes_are_kept_for_its_log() {
        let (mut journal, bytes) = file();
        let count = journal.events.len();
        let mut log = LogBytes::from_file(bytes.clone(), count).unwrap();
        assert_eq!(log.len(), count);
        let at = crate::demo::saved_at();
        let event = journal
            .record(
                at,
                Change::ThemeSet {
                    theme: "Après \"x\"".into(),
                },
            )
            .unwrap()
            .clone();
        log.push(&event);
        let kept = FileParts::new(&crate::demo::meta(), &journal.session, at, &log).concat();
        assert_eq!(kept, to_bytes(&crate::demo::meta(), &journal, at));

        let empty = to_bytes(&crate::demo::meta(), &Journal::default(), at);
        let log = LogBytes::from_file(empty, 0).unwrap();
        assert!(log.is_empty());

        // Laid out any other way, the bytes are handed back to be serialized afresh.
        let text = String::from_utf8(bytes.clone()).unwrap();
        let reordered = edit(&bytes, |_| {});
        let pretty = serde_json::to_vec_pretty(
            &serde_json::from_slice::<serde_json::Value>(&bytes).unwrap(),
        )
        .unwrap();
        // Two events on one line (the last two: the snapshot has the same indent).
        let last = text.rfind(",\n    {").unwrap();
        let joined = format!("{}, {}", &text[..last], &text[last + 6..]).into_bytes();
        for other in [reordered, pretty, joined] {
            assert!(LogBytes::from_file(other, count).is_err());
        }
        assert!(LogBytes::from_file(bytes, count + 1).is_err());
    }

    /// A check keeps none of the events, in any key order, and finds what a load finds.
    #[test]
    fn verifying_finds_what_a_load_finds() {
        let (journal, bytes) = file();
        let reordered = edit(&bytes, |_| {});
        for bytes in [bytes.clone(), reordered] {
            let verified = verify_bytes(Path::new("s.json"), bytes).unwrap();
            assert_eq!(verified.session, journal.session);
            assert_eq!(verified.events, journal.events.len());
            assert_eq!(verified.snapshot_differs, None);
        }
        let theme = edit(&bytes, |v| v["state"]["theme"] = "Other".into());
        let verified = verify_bytes(Path::new("s.json"), theme).unwrap();
        assert!(verified.snapshot_differs.unwrap().contains("theme"));
        let refused = edit(&bytes, |v| v["events"][5]["seq"] = 99.into());
        let message = verify_bytes(Path::new("s.json"), refused.clone()).unwrap_err();
        assert_eq!(message.to_string(), err(&refused));
    }

    /// The schema allows no other fields anywhere; a save would drop them without a word.
    #[test]
    fn unknown_fields_are_refused_by_name() {
        let (_, bytes) = file();
        for (edited, field) in [
            (edit(&bytes, |v| v["colour"] = "red".into()), "colour"),
            (edit(&bytes, |v| v["state"]["mood"] = 1.into()), "mood"),
            (
                edit(&bytes, |v| v["state"]["issues"][0]["stars"] = 5.into()),
                "stars",
            ),
            (
                edit(&bytes, |v| v["events"][3]["note"] = "x".into()),
                "note",
            ),
        ] {
            let message = err(&edited);
            assert!(
                message.contains(&format!("unknown field `{field}`")),
                "{field}: {message}"
            );
            assert!(message.contains("not a valid session file"), "{message}");
        }
    }

    #[test]
    fn repeated_and_missing_fields_are_refused() {
        let (_, bytes) = file();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let twice = text.replacen("\"id\":", "\"id\": \"x\", \"id\":", 1);
        assert!(err(twice.as_bytes()).contains("duplicate field `id`"));
        let gone = edit(&bytes, |v| {
            v.as_object_mut().unwrap().remove("saved_at");
        });
        assert!(err(&gone).contains("missing field `saved_at`"));
        let gone = edit(&bytes, |v| {
            v.as_object_mut().unwrap().remove("events");
        });
        assert!(err(&gone).contains("missing field `events`"));
    }

    /// A save writes the kept bytes of each event: they must be exactly what serializing
    /// the whole log afresh gives, however the log grew.
    #[test]
    fn kept_event_bytes_are_a_fresh_serialisation() {
        let (mut journal, _) = file();
        let mut log = LogBytes::of(&journal.events[..10]);
        for event in &journal.events[10..] {
            log.push(event);
        }
        let at = crate::demo::saved_at();
        for n in 0..3 {
            let change = Change::ThemeSet {
                theme: format!("Theme \"{n}\" \u{1F600}"),
            };
            let event = journal.record(at, change).unwrap().clone();
            log.push(&event);
        }
        let kept = FileParts::new(&crate::demo::meta(), &journal.session, at, &log).concat();
        let fresh = to_bytes(&crate::demo::meta(), &journal, at);
        assert_eq!(
            String::from_utf8(kept).unwrap(),
            String::from_utf8(fresh).unwrap()
        );
        assert_eq!(log.len(), journal.events.len());
    }
}
