//! The one reader of a file's top-level object, and so the one set of rules for what a
//! session file may hold: no field it does not know, none twice, timestamps as they are
//! written, the snapshot as the schema has it. Whole files, logs, first frames and listings
//! all read through it and differ only in how far they read (`Reading`).

use super::snapshot::Kept;
use super::{FORMAT, LoadError, Meta, VERSION, check_version};
use crate::model::{Event, stamp};
use crate::view::StateView;
use chrono::{DateTime, FixedOffset};
use serde::Deserializer;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::path::Path;
use std::sync::mpsc::SyncSender;

/// How much of a file to read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Reading {
    Everything,
    /// Everything, and rebuild the session from the log on a second thread while it is
    /// read, a piece at a time (when the version comes before the log, as Convene writes
    /// it: a piece is checked against the version before it is applied).
    Rebuilding,
    /// As `Rebuilding`, keeping none of the events once applied.
    Verifying,
    /// Header and snapshot, up to the events and no further; events that come first are
    /// skipped, never held.
    Snapshot,
    /// Everything, handing the log on piece by piece as it is read, once the header says
    /// the file is one this version reads (see `stream_log`).
    Streaming,
}

impl Reading {
    pub(super) fn rebuilds(self) -> bool {
        matches!(self, Reading::Rebuilding | Reading::Verifying)
    }
}

/// A file's top-level fields, as far as they have been read, with what is kept of its
/// snapshot (`S`).
pub(super) struct Found<S = StateView> {
    pub format: Option<String>,
    pub version: Option<u64>,
    pub id: Option<String>,
    pub created_at: Option<DateTime<FixedOffset>>,
    pub saved_at: Option<DateTime<FixedOffset>>,
    pub events: Option<Vec<Event>>,
    /// The log went to the rebuilding thread instead.
    pub streamed: bool,
    pub state: Option<S>,
}

impl<S> Default for Found<S> {
    fn default() -> Found<S> {
        Found {
            format: None,
            version: None,
            id: None,
            created_at: None,
            saved_at: None,
            events: None,
            streamed: false,
            state: None,
        }
    }
}

impl<S> Found<S> {
    pub(super) fn has_preview(&self) -> bool {
        self.format.is_some()
            && self.version.is_some()
            && self.id.is_some()
            && self.created_at.is_some()
            && self.saved_at.is_some()
            && self.state.is_some()
    }

    /// The header once read, by the rules every reading applies: a file of another format
    /// is not a session, a version this one does not read is refused, and a field that is
    /// not there makes the file incomplete. Takes the header's fields, leaving the log.
    pub(super) fn head(&mut self, path: &Path) -> Result<Head<S>, LoadError> {
        let missing = || LoadError::Syntax {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            message: "the file is incomplete".into(),
        };
        if self.format.as_deref() != Some(FORMAT) {
            return Err(LoadError::NotASession {
                path: path.to_path_buf(),
            });
        }
        let version = self.version.ok_or_else(missing)?;
        check_version(path, version)?;
        Ok(Head {
            version,
            meta: Meta {
                id: self.id.take().ok_or_else(missing)?,
                created_at: self.created_at.take().ok_or_else(missing)?,
            },
            saved_at: self.saved_at.take().ok_or_else(missing)?,
            state: self.state.take().ok_or_else(missing)?,
        })
    }

    /// What the file says it is, as far as read.
    pub(super) fn claimed(&self) -> super::Claimed {
        super::Claimed {
            format: self.format.clone(),
            version: self.version,
        }
    }
}

/// A file's header: everything but the events.
pub(super) struct Head<S = StateView> {
    pub version: u64,
    pub meta: Meta,
    pub saved_at: DateTime<FixedOffset>,
    pub state: S,
}

/// Events per piece handed to the rebuilding thread.
pub(super) const PIECE: usize = 2048;

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

/// Said by the reader when it reaches the events with the header complete; never reaches
/// the user.
const ENOUGH: &str = "convene: the header is complete";

/// Whether a read stopped because it reached the events with the header complete
/// (`Reading::Snapshot`), rather than on something wrong with the file.
pub(super) fn stopped_at_events(err: &serde_json::Error) -> bool {
    err.is_data() && err.to_string().starts_with(ENOUGH)
}

/// Reads the top-level object into `found`, refusing unknown and repeated fields.
pub(super) struct FileSeed<'a, S = StateView> {
    pub reading: Reading,
    pub found: &'a mut Found<S>,
    pub capacity: usize,
    /// Where the log goes, piece by piece, when it is rebuilt while read.
    pub pieces: Option<SyncSender<Piece>>,
}

impl<'de, S: Kept> DeserializeSeed<'de> for FileSeed<'_, S> {
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

impl<'de, S: Kept> Visitor<'de> for FileSeed<'_, S> {
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
                    let state = map.next_value::<S::Read>()?;
                    once(&mut f.state, "state", S::keep(state))?
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
                        // The header is in: the rest (the log) is for whoever reads the
                        // whole file. The caller sees `stopped_at_events`.
                        (Reading::Snapshot, _, _) if f.has_preview() => {
                            return Err(de::Error::custom(ENOUGH));
                        }
                        (Reading::Snapshot, _, _) => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                other => return Err(de::Error::unknown_field(other, FIELDS)),
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
