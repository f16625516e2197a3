//! Reading a replay behind its first frame: one thread reads the file a piece at a time
//! (`store::stream_log`), another applies each piece as it comes (`Builder`) and hands the
//! screen what is built, so that a day of a million events opens at once. Nothing is
//! written, and the file is not locked.

use super::Replayer;
use super::build::{Builder, Part};
use crate::model::BadEvent;
use crate::store::{LoadError, Piece, check_piece, stream_log};
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel, sync_channel};
use std::time::{Duration, Instant};

/// What the building thread hands the screen, in order: parts, then one verdict.
#[derive(Debug)]
pub enum Built {
    Part(Part),
    /// The whole file is read. `Ok`: every event is in the parts handed on. `Err`: why the
    /// file is refused, in the words loading it would use; the parts handed on hold only
    /// events before the refusal, each one accepted.
    Done(Result<(), LoadError>),
}

/// A guess at the bytes an event takes in a file (a real day's are about 230), for the
/// distance between checkpoints while the length of the log is not yet known.
const BYTES_AN_EVENT: u64 = 230;

/// Starts reading and building a replay of the file at `path`, and waits only for its first
/// events (and not long for more): the replay it returns holds at least one (unless the log
/// is empty, when it is complete), and the rest comes through the receiver. A file refused
/// before any event could be shown is refused here.
pub fn start(path: &Path) -> Result<(Replayer, Receiver<Built>), LoadError> {
    let begun = Instant::now();
    let behind = read(path)?;
    let mut replay = Replayer::building();
    while !replay.is_complete() {
        // A log read within `SETTLE` opens whole, without a flash of "reading".
        let built = if replay.is_empty() {
            behind.recv().map_err(|_| RecvTimeoutError::Disconnected)
        } else {
            match SETTLE.checked_sub(begun.elapsed()) {
                Some(left) => behind.recv_timeout(left),
                None => break,
            }
        };
        match built {
            Ok(Built::Part(part)) => replay.absorb(part),
            Ok(Built::Done(Ok(()))) => replay.completed(),
            Ok(Built::Done(Err(e))) => return Err(e),
            Err(RecvTimeoutError::Timeout) => break,
            // The building thread always says how it ended, unless it panicked.
            Err(RecvTimeoutError::Disconnected) => return Err(stopped(path)),
        }
    }
    Ok((replay, behind))
}

/// How long the first frame waits for the rest of a log once it has its start: long
/// enough for a typical day to be read whole, too short to be seen.
const SETTLE: Duration = Duration::from_millis(30);

/// Starts reading and building on threads of their own; everything comes through the
/// receiver.
pub fn read(path: &Path) -> Result<Receiver<Built>, LoadError> {
    let expected = std::fs::metadata(path).map_or(0, |m| m.len() / BYTES_AN_EVENT) as usize;
    let (out, behind) = channel();
    let owned = path.to_path_buf();
    std::thread::Builder::new()
        .name("convene-replay".into())
        .spawn(move || {
            // A verdict whatever happens, so the screen never waits for one in vain.
            let verdict = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                build(&owned, expected, &out)
            }))
            .unwrap_or_else(|_| Err(stopped(&owned)));
            let _ = out.send(Built::Done(verdict));
        })
        .map_err(|source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(behind)
}

/// Applies the pieces as they are read and hands on each part. A refusal is the one
/// loading the file would give: the file's syntax first, then an event newer than the
/// file's version anywhere in the log, then the first event the rules refuse.
fn build(path: &Path, expected: usize, out: &Sender<Built>) -> Result<(), LoadError> {
    std::thread::scope(|scope| {
        let (sender, pieces) = sync_channel::<Piece>(16);
        let reader = std::thread::Builder::new()
            .name("convene-read".into())
            .spawn_scoped(scope, move || stream_log(path, sender))
            .map_err(|source| LoadError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        let mut builder = Some(Builder::new(expected));
        let mut bad: Option<BadEvent> = None;
        let mut too_new = Ok(());
        for (version, piece) in &pieces {
            too_new = check_piece(path, version, &piece);
            if too_new.is_err() {
                break;
            }
            // After a refusal the rest is only looked through for newer events.
            let Some(b) = &mut builder else { continue };
            match b.add(piece) {
                Ok(part) => {
                    if out.send(Built::Part(part)).is_err() {
                        // Nobody is watching any more.
                        break;
                    }
                }
                Err(refused) => {
                    bad = Some(refused);
                    builder = None;
                }
            }
        }
        // The reader goes on to the end of the file for its own errors, sending nowhere.
        drop(pieces);
        let read = reader.join().expect("the reading thread does not panic");
        read.and(too_new)?;
        if let Some(source) = bad {
            return Err(LoadError::Event {
                path: path.to_path_buf(),
                source,
            });
        }
        if let Some(b) = builder {
            let _ = out.send(Built::Part(b.finish()));
        }
        Ok(())
    })
}

/// What is said if the building thread ends without a verdict (it panicked).
pub fn stopped(path: &Path) -> LoadError {
    LoadError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::other("reading the log stopped before its end"),
    }
}
