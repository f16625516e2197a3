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

/// Where the saver writes. The real one is `write_atomic`; tests put a disk here that fails
/// on demand (full, read-only) to prove nothing is lost meanwhile.
pub trait Disk: Send + 'static {
    fn write(&self, path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()>;
}

/// The filesystem, written atomically.
pub struct RealDisk;

impl Disk for RealDisk {
    fn write(&self, path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
        write_atomic(path, bytes)
    }
}

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
        Saver::start_on(RealDisk, RETRY, path, meta, journal)
    }

    /// Starts the saving thread on a given disk, retrying failed saves every `retry`.
    pub fn start_on(
        disk: impl Disk,
        retry: Duration,
        path: PathBuf,
        meta: Meta,
        journal: Journal,
    ) -> Saver {
        let (tx, rx) = mpsc::channel();
        let (status_tx, status) = mpsc::channel();
        let handle = std::thread::Builder::new()
            .name("convene-saver".into())
            .spawn(move || {
                run(
                    Target {
                        disk,
                        retry,
                        path,
                        meta,
                    },
                    journal,
                    rx,
                    status_tx,
                )
            })
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

    /// Waits, at most `limit`, until everything queued so far is written or has failed,
    /// and says which.
    pub fn settle(&mut self, limit: Duration) -> SaveState {
        let start = std::time::Instant::now();
        while *self.state() == SaveState::Saving && start.elapsed() < limit {
            std::thread::sleep(Duration::from_millis(5));
        }
        self.state.clone()
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

struct Target<D> {
    disk: D,
    retry: Duration,
    path: PathBuf,
    meta: Meta,
}

fn run<D: Disk>(
    target: Target<D>,
    mut journal: Journal,
    rx: Receiver<Msg>,
    status: Sender<SaveState>,
) {
    let mut dirty = false;
    let mut finishing = false;
    loop {
        // Wait for work; while a failed save is pending, wake up to retry it.
        let first = if dirty {
            rx.recv_timeout(target.retry)
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
            let bytes = to_bytes(&target.meta, &journal, Local::now().fixed_offset());
            match target.disk.write(&target.path, &bytes) {
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
        Some(5) => "the disk reported an error".to_string(),
        Some(30) => "the disk is read-only".to_string(),
        _ if e.kind() == std::io::ErrorKind::NotFound => "the folder is gone".to_string(),
        _ if e.kind() == std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Change;
    use crate::store::load;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Instant;

    /// A disk that reports "no space left" while `full` is set.
    struct FlakyDisk {
        full: Arc<AtomicBool>,
    }

    impl Disk for FlakyDisk {
        fn write(&self, path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
            if self.full.load(Ordering::SeqCst) {
                return Err(std::io::Error::from_raw_os_error(28));
            }
            write_atomic(path, bytes)
        }
    }

    fn wait_for(saver: &mut Saver, wanted: impl Fn(&SaveState) -> bool) -> SaveState {
        let start = Instant::now();
        loop {
            let state = saver.state().clone();
            if wanted(&state) || start.elapsed() > Duration::from_secs(20) {
                return state;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn a_full_disk_loses_nothing_and_the_old_file_stays_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let now = Local::now().fixed_offset();
        let mut journal = Journal::create(now, "Theme").unwrap();
        let meta = Meta::new(now);
        write_atomic(&path, &to_bytes(&meta, &journal, now)).unwrap();
        let before = std::fs::read(&path).unwrap();

        let full = Arc::new(AtomicBool::new(true));
        let disk = FlakyDisk { full: full.clone() };
        let mut saver = Saver::start_on(
            disk,
            Duration::from_millis(20),
            path.clone(),
            meta,
            journal.clone(),
        );
        for n in 0..5 {
            let id = journal.session.next_issue_id();
            let change = Change::IssueRaised {
                issue: id,
                title: format!("Issue {n}"),
                convener: None,
                description: String::new(),
            };
            saver.push(journal.record(now, change).unwrap().clone());
        }
        let state = wait_for(&mut saver, |s| matches!(s, SaveState::Failed(_)));
        assert_eq!(state, SaveState::Failed("the disk is full".into()));
        assert_eq!(std::fs::read(&path).unwrap(), before, "old file untouched");

        full.store(false, Ordering::SeqCst);
        assert_eq!(
            wait_for(&mut saver, |s| *s == SaveState::Saved),
            SaveState::Saved
        );
        let loaded = load(&path).unwrap();
        assert_eq!(loaded.journal.session, journal.session);
        assert_eq!(saver.finish(), SaveState::Saved);
    }

    #[test]
    fn a_removed_folder_is_reported_and_saving_resumes_when_it_is_back() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("sessions");
        std::fs::create_dir(&dir).unwrap();
        let path = dir.join("s.json");
        let now = Local::now().fixed_offset();
        let mut journal = Journal::create(now, "Theme").unwrap();
        let meta = Meta::new(now);
        let mut saver = Saver::start_on(
            RealDisk,
            Duration::from_millis(20),
            path.clone(),
            meta,
            journal.clone(),
        );
        std::fs::remove_dir_all(&dir).unwrap();
        let change = Change::ThemeSet {
            theme: "New theme".into(),
        };
        saver.push(journal.record(now, change).unwrap().clone());
        let state = wait_for(&mut saver, |s| matches!(s, SaveState::Failed(_)));
        assert_eq!(state, SaveState::Failed("the folder is gone".into()));
        std::fs::create_dir(&dir).unwrap();
        assert_eq!(
            wait_for(&mut saver, |s| *s == SaveState::Saved),
            SaveState::Saved
        );
        assert_eq!(load(&path).unwrap().journal.session.theme, "New theme");
        saver.finish();
    }
}
