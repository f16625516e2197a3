//! Saving off the input path. The app hands each recorded event to a background thread that
//! keeps its own copy of the log and writes the whole file; typing never waits for a disk.
//! A failed save is reported and retried from memory until it succeeds.

use super::format::{Meta, to_bytes};
use super::save::write_atomic;
use crate::model::{Event, Journal};
use chrono::Local;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long to wait before writing again after a failed save.
const RETRY: Duration = Duration::from_secs(2);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything recorded so far is on disk.
    Saved,
    /// Changes are waiting for the disk.
    Saving,
    /// The last write failed; the changes are kept in memory and retried.
    Failed(String),
}

enum Msg {
    Event(Box<Event>),
    Finish,
}

pub struct Saver {
    tx: Sender<Msg>,
    status: Receiver<SaveState>,
    state: SaveState,
    handle: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts the saving thread for a session whose file already holds `journal`.
    pub fn start(path: PathBuf, meta: Meta, journal: Journal) -> Saver {
        let (tx, rx) = mpsc::channel();
        let (status_tx, status) = mpsc::channel();
        let handle = std::thread::Builder::new()
            .name("convene-saver".into())
            .spawn(move || run(path, meta, journal, rx, status_tx))
            .expect("the saving thread starts");
        Saver {
            tx,
            status,
            state: SaveState::Saved,
            handle: Some(handle),
        }
    }

    /// Queues an event that was just recorded.
    pub fn push(&mut self, event: Event) {
        self.state = SaveState::Saving;
        let _ = self.tx.send(Msg::Event(Box::new(event)));
    }

    /// The latest save state, after taking in what the thread reported.
    pub fn state(&mut self) -> &SaveState {
        while let Ok(s) = self.status.try_recv() {
            self.state = s;
        }
        &self.state
    }

    /// Writes whatever is pending and stops the thread. Returns the final state: if it is
    /// not `Saved`, the caller should tell the user before exiting.
    pub fn finish(mut self) -> SaveState {
        let _ = self.tx.send(Msg::Finish);
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
        let mut last = self.state.clone();
        while let Ok(s) = self.status.try_recv() {
            last = s;
        }
        last
    }
}

fn run(
    path: PathBuf,
    meta: Meta,
    mut journal: Journal,
    rx: Receiver<Msg>,
    status: Sender<SaveState>,
) {
    let mut dirty = false;
    let mut finishing = false;
    loop {
        // Wait for work; while a failed save is pending, wake up to retry it.
        let first = if dirty {
            rx.recv_timeout(RETRY)
        } else {
            rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
        };
        match first {
            Ok(Msg::Event(e)) => {
                journal.events.push(*e);
                dirty = true;
            }
            Ok(Msg::Finish) | Err(RecvTimeoutError::Disconnected) => finishing = true,
            Err(RecvTimeoutError::Timeout) => {}
        }
        // Take everything else already queued, so a burst of keys costs one write.
        while let Ok(msg) = rx.try_recv() {
            match msg {
                Msg::Event(e) => {
                    journal.events.push(*e);
                    dirty = true;
                }
                Msg::Finish => finishing = true,
            }
        }
        if dirty {
            let events = std::mem::take(&mut journal.events);
            journal = catch_up(journal, events);
            let bytes = to_bytes(&meta, &journal, Local::now().fixed_offset());
            match write_atomic(&path, &bytes) {
                Ok(()) => {
                    dirty = false;
                    let _ = status.send(SaveState::Saved);
                }
                Err(e) => {
                    let _ = status.send(SaveState::Failed(describe(&e)));
                }
            }
        }
        // On quit one attempt is made; if it fails, the app reports it rather than hang.
        if finishing {
            return;
        }
    }
}

/// Applies newly arrived events to this thread's copy of the session.
fn catch_up(mut journal: Journal, events: Vec<Event>) -> Journal {
    let known = journal.session.last_seq as usize;
    for event in events.iter().skip(known) {
        // These events were already accepted by the app's copy of the same session.
        let _ = crate::model::apply(&mut journal.session, event);
    }
    journal.events = events;
    journal
}

fn describe(e: &std::io::Error) -> String {
    match e.raw_os_error() {
        Some(28) => "the disk is full".to_string(),
        Some(30) => "the disk is read-only".to_string(),
        _ if e.kind() == std::io::ErrorKind::NotFound => "the folder is gone".to_string(),
        _ if e.kind() == std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}
