//! The bytes of a session file as Convene writes them: header, snapshot, then the events one
//! a line, each serialized once and kept from save to save.

use super::{FORMAT, Meta, VERSION};
use crate::model::{Event, Journal, Session, stamp};
use crate::view::StateView;
use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use std::io::Write;

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
