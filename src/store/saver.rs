//! Saving off the input path. The app hands each recorded event to a background thread that
//! keeps its own copy of the state and the log's bytes, and writes the whole file; typing
//! never waits for a disk. Events never change once recorded, so each is serialized once,
//! when it arrives; a save serializes only the header and snapshot. A failed save is
//! reported and retried from memory until it succeeds. Each report can also wake the app's
//! event loop (`Saver::wake`), which then reads it with `Saver::state`.

use super::format::{FileParts, LogBytes, Meta};
use super::lock::SessionLock;
use super::save::write_atomic_parts;
use crate::model::{Event, Journal, Session};
use chrono::Local;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long to wait before writing again after a failed save.
const RETRY: Duration = Duration::from_secs(2);

/// How often an idle saver makes sure it still holds the lock (see `SessionLock::hold`).
const HOLD: Duration = Duration::from_secs(1);

/// Where the saver writes. The real one is `write_atomic`; tests put a disk here that fails
/// on demand (full, read-only) to prove nothing is lost meanwhile.
pub trait Disk: Send + 'static {
    /// Writes the file made of `parts`, one after the other.
    fn write(&self, path: &std::path::Path, parts: &[&[u8]]) -> std::io::Result<()>;
}

/// The filesystem, written atomically.
pub struct RealDisk;

impl Disk for RealDisk {
    fn write(&self, path: &std::path::Path, parts: &[&[u8]]) -> std::io::Result<()> {
        write_atomic_parts(path, parts)
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
    /// Call this after each report, from then on (see `Saver::wake`).
    Wake(Box<dyn Fn() + Send>),
    Finish,
}

pub struct Saver {
    tx: Sender<Msg>,
    status: Receiver<SaveState>,
    state: SaveState,
    handle: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts the saving thread for a session whose file already holds `journal`. The
    /// thread keeps the lock, confirms it before every write and lets it go after the last.
    /// Serializes the log here; `start_with` takes it already serialized.
    pub fn start(lock: SessionLock, meta: Meta, journal: &Journal) -> Saver {
        let log = LogBytes::of(&journal.events);
        Saver::start_with(lock, meta, journal.session.clone(), log)
    }

    /// Starts the saving thread for a session whose file holds `session` and the log
    /// serialized in `log`.
    pub fn start_with(lock: SessionLock, meta: Meta, session: Session, log: LogBytes) -> Saver {
        Saver::start_on(RealDisk, RETRY, lock, meta, session, log)
    }

    /// Starts the saving thread on a given disk, retrying failed saves every `retry`.
    pub fn start_on(
        disk: impl Disk,
        retry: Duration,
        lock: SessionLock,
        meta: Meta,
        session: Session,
        log: LogBytes,
    ) -> Saver {
        let path = lock.session().to_path_buf();
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
                        lock,
                    },
                    Copy { session, log },
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

    /// Has `wake` called each time the thread reports, so that an event loop waiting on a
    /// channel of its own hears of it at once and reads `state`.
    pub fn wake(&mut self, wake: impl Fn() + Send + 'static) {
        let _ = self.tx.send(Msg::Wake(Box::new(wake)));
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

struct Target<D> {
    disk: D,
    retry: Duration,
    path: PathBuf,
    meta: Meta,
    lock: SessionLock,
}

/// The saving thread's copy of the session: its state, and its log as bytes.
struct Copy {
    session: Session,
    log: LogBytes,
}

impl Copy {
    /// Takes in an event the app has already recorded (and the rules accepted) in its own
    /// copy of the same session.
    fn take(&mut self, event: &Event) {
        if event.seq <= self.session.last_seq {
            return;
        }
        let _ = crate::model::apply(&mut self.session, event);
        self.log.push(event);
    }
}

/// Where the thread reports: the state to `tx`, then a call to `wake` if one was given.
struct Status {
    tx: Sender<SaveState>,
    wake: Option<Box<dyn Fn() + Send>>,
}

impl Status {
    fn send(&self, state: SaveState) {
        let _ = self.tx.send(state);
        if let Some(wake) = &self.wake {
            wake();
        }
    }
}

fn run<D: Disk>(
    mut target: Target<D>,
    mut copy: Copy,
    rx: Receiver<Msg>,
    status: Sender<SaveState>,
) {
    let mut status = Status {
        tx: status,
        wake: None,
    };
    let mut dirty = false;
    let mut finishing = false;
    loop {
        // Wait for work; while a failed save is pending, wake up to retry it.
        let first = rx.recv_timeout(if dirty { target.retry } else { HOLD });
        match first {
            Ok(Msg::Event(e)) => {
                copy.take(&e);
                dirty = true;
            }
            Ok(Msg::Wake(wake)) => status.wake = Some(wake),
            Ok(Msg::Finish) | Err(RecvTimeoutError::Disconnected) => finishing = true,
            Err(RecvTimeoutError::Timeout) => {
                if !dirty {
                    // A conflict found here is reported by the next save, which it stops.
                    let _ = target.lock.hold();
                }
            }
        }
        // Take everything else already queued, so a burst of keys costs one write.
        while let Ok(msg) = rx.try_recv() {
            match msg {
                Msg::Event(e) => {
                    copy.take(&e);
                    dirty = true;
                }
                Msg::Wake(wake) => status.wake = Some(wake),
                Msg::Finish => finishing = true,
            }
        }
        if dirty {
            // Another writer's work is never overwritten: the changes stay in memory.
            let written = target
                .lock
                .confirm()
                .map_err(|conflict| conflict.to_string())
                .and_then(|()| {
                    let now = Local::now().fixed_offset();
                    let file = FileParts::new(&target.meta, &copy.session, now, &copy.log);
                    target
                        .disk
                        .write(&target.path, &file.slices())
                        .map_err(|e| describe(&e))
                });
            match written {
                Ok(()) => {
                    target.lock.written();
                    dirty = false;
                    status.send(SaveState::Saved);
                }
                Err(why) => {
                    status.send(SaveState::Failed(why));
                }
            }
        }
        // On quit one attempt is made; if it fails, the app reports it rather than hang.
        if finishing {
            return;
        }
    }
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
    use crate::store::{load, to_bytes, write_atomic};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Instant;

    /// A disk that reports "no space left" while `full` is set.
    struct FlakyDisk {
        full: Arc<AtomicBool>,
    }

    impl Disk for FlakyDisk {
        fn write(&self, path: &std::path::Path, parts: &[&[u8]]) -> std::io::Result<()> {
            if self.full.load(Ordering::SeqCst) {
                return Err(std::io::Error::from_raw_os_error(28));
            }
            write_atomic_parts(path, parts)
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

    /// The loop that waits on a channel of its own is woken by each report, with no need
    /// to look now and then.
    #[test]
    fn each_report_wakes_whoever_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let now = Local::now().fixed_offset();
        let mut journal = Journal::create(now, "Theme").unwrap();
        let meta = Meta::new(now);
        write_atomic(&path, &to_bytes(&meta, &journal, now)).unwrap();
        let mut saver = Saver::start(crate::store::lock(&path).unwrap(), meta, &journal);
        let (tx, woken) = mpsc::channel();
        saver.wake(move || {
            let _ = tx.send(());
        });
        let change = Change::IssueRaised {
            issue: journal.session.next_issue_id(),
            title: "Late issue".into(),
            convener: None,
            description: String::new(),
        };
        saver.push(journal.record(now, change).unwrap().clone());
        woken
            .recv_timeout(Duration::from_secs(20))
            .expect("the save wakes the loop");
        assert_eq!(*saver.state(), SaveState::Saved);
        assert_eq!(saver.finish(), SaveState::Saved);
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
            crate::store::lock(&path).unwrap(),
            meta,
            journal.session.clone(),
            LogBytes::of(&journal.events),
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
            crate::store::lock(&path).unwrap(),
            meta,
            journal.session.clone(),
            LogBytes::of(&journal.events),
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

    #[test]
    fn a_session_changed_by_another_writer_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let now = Local::now().fixed_offset();
        let mut journal = Journal::create(now, "Theme").unwrap();
        let meta = Meta::new(now);
        write_atomic(&path, &to_bytes(&meta, &journal, now)).unwrap();
        let mut saver = Saver::start_on(
            RealDisk,
            Duration::from_millis(20),
            crate::store::lock(&path).unwrap(),
            meta.clone(),
            journal.session.clone(),
            LogBytes::of(&journal.events),
        );
        // Someone removes the lock file and writes the session behind the app's back.
        std::fs::remove_file(crate::store::lock_path(&path)).unwrap();
        let mut theirs = journal.clone();
        theirs
            .record(
                now,
                Change::ThemeSet {
                    theme: "Theirs".into(),
                },
            )
            .unwrap();
        write_atomic(&path, &to_bytes(&meta, &theirs, now)).unwrap();
        let change = Change::ThemeSet {
            theme: "Ours".into(),
        };
        saver.push(journal.record(now, change).unwrap().clone());
        let state = wait_for(&mut saver, |s| matches!(s, SaveState::Failed(_)));
        assert_eq!(
            state,
            SaveState::Failed("another copy of Convene changed this session".into())
        );
        assert_eq!(load(&path).unwrap().journal.session.theme, "Theirs");
        assert!(matches!(saver.finish(), SaveState::Failed(_)));
        assert_eq!(load(&path).unwrap().journal.session.theme, "Theirs");
    }
}
