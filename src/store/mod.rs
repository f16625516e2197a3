//! Files: where sessions live, how they are written safely and read back, and the lock
//! that keeps a second copy of the app from writing the same session.

pub mod chain;
mod format;
mod list;
mod lock;
mod paths;
mod save;
mod saver;
mod target;
mod trash;

pub use format::{
    Checked, FORMAT, FileParts, Glance, LoadError, Loaded, LogBytes, Meta, Piece, Preview, Tally,
    VERSION, Verified, check, check_bytes, check_piece, glance, load, parse, preview, read_log,
    snapshot_difference, stream_log, to_bytes, verify,
};
pub use list::{Follows, Listed, Unreadable, list};
pub use lock::{Conflict, LockError, SessionLock, is_held, lock, lock_path};
pub use paths::{
    data_dir, new_session_path, private_dir, real_file, resolve, sessions_dir, slug, trash_dir,
};
pub use save::{remove_temporaries, write_atomic, write_atomic_parts};
pub use saver::{Disk, RealDisk, SaveState, Saver};
// The read model lives in `view`, below store; named here too, since it is the file's
// `state` and tests and tools reach it as `store::StateView`.
pub use crate::view::{
    IssueView, ParticipantView, ResultView, RoundView, SlotView, SpaceView, StateView, StepView,
};
pub use target::{TargetRefused, export_target};
pub use trash::{TrashError, keep_before_merge, trash};

use crate::model::Journal;
use chrono::{DateTime, FixedOffset};
use std::path::{Path, PathBuf};

/// A session opened for writing: its file, the lock that makes it ours, and its contents.
#[derive(Debug)]
pub struct Opened {
    pub path: PathBuf,
    pub lock: SessionLock,
    pub meta: Meta,
    pub journal: Journal,
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(
        "{} is a link to {}, which is not a Convene session ({why}); nothing was written",
        link.display(),
        target.display()
    )]
    NotASession {
        link: PathBuf,
        target: PathBuf,
        why: String,
    },
    #[error("{}: cannot save: {source}", path.display())]
    Save {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not saved: {conflict}", path.display())]
    Conflict { path: PathBuf, conflict: Conflict },
}

/// Locks and loads a session file for writing. A path that is a symbolic link opens the
/// file it links to (see `real_file`), once that file has been read as a session: a link
/// to anything else is refused before any lock file is made beside it.
pub fn open(path: &Path) -> Result<Opened, OpenError> {
    // A missing file must not leave a lock file behind.
    let real = real_file(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if real != path {
        load(&real).map_err(|e| OpenError::NotASession {
            link: path.to_path_buf(),
            target: real.clone(),
            why: match e {
                LoadError::Io { source, .. } => source.to_string(),
                other => other.to_string(),
            },
        })?;
    }
    let path = real.as_path();
    let lock = lock(path)?;
    save::remove_temporaries(path);
    let loaded = load(path)?;
    Ok(Opened {
        path: path.to_path_buf(),
        lock,
        meta: loaded.meta,
        journal: loaded.journal,
    })
}

/// A session opened for writing whose first frame can be drawn now, from the snapshot in
/// its file, while the log is read, rebuilt and checked on a background thread.
#[derive(Debug)]
pub struct Opening {
    pub path: PathBuf,
    pub lock: SessionLock,
    pub preview: Preview,
    /// The log's verdict: the session rebuilt from it (and where the snapshot disagreed),
    /// with its bytes ready for the saver; or why the file cannot be opened after all.
    pub behind: std::sync::mpsc::Receiver<Result<Behind, LoadError>>,
}

/// What the background check of an opened file gives.
#[derive(Debug)]
pub struct Behind {
    pub checked: Checked,
    pub log: LogBytes,
}

/// Locks a session file, reads its snapshot, and checks the log behind (see `Opening`).
/// A file whose snapshot cannot be read is opened the long way, so its error is the one
/// a full load gives.
pub fn open_behind(path: &Path) -> Result<Opening, OpenError> {
    if let Err(source) = std::fs::metadata(path) {
        return Err(LoadError::Io {
            path: path.to_path_buf(),
            source,
        }
        .into());
    }
    let lock = lock(path)?;
    save::remove_temporaries(path);
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let preview = match preview(path, &bytes) {
        Ok(preview) => preview,
        Err(e) => return Err(parse(path, &bytes).err().unwrap_or(e).into()),
    };
    let (tx, behind) = std::sync::mpsc::channel();
    let owned = path.to_path_buf();
    std::thread::Builder::new()
        .name("convene-check".into())
        .spawn(move || {
            let result = check_bytes(&owned, &bytes).map(|checked| {
                let events = &checked.loaded.journal.events;
                let log = LogBytes::from_file(bytes, events.len()).unwrap_or_else(|bytes| {
                    drop(bytes);
                    LogBytes::of(events)
                });
                Behind { checked, log }
            });
            let _ = tx.send(result);
        })
        .map_err(|source| OpenError::Save {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(Opening {
        path: path.to_path_buf(),
        lock,
        preview,
        behind,
    })
}

/// Writes a new session's first file in the sessions folder and keeps it locked. The file
/// is named for the meeting's date (a follow-up's may not be today).
pub fn create(
    data_dir: &Path,
    journal: Journal,
    now: DateTime<FixedOffset>,
) -> Result<Opened, OpenError> {
    let dir = sessions_dir(data_dir);
    let save_err = |path: &Path, source| OpenError::Save {
        path: path.to_path_buf(),
        source,
    };
    private_dir(&dir).map_err(|e| save_err(&dir, e))?;
    let date = journal
        .session
        .meeting_date()
        .unwrap_or_else(|| now.date_naive());
    let path = new_session_path(&dir, date, &journal.session.theme);
    let mut lock = lock(&path)?;
    let meta = Meta::new(now);
    if let Err(e) = write_atomic(&path, &to_bytes(&meta, &journal, now)) {
        // Nothing is left of a session that was never written, not even its lock file.
        let _ = std::fs::remove_file(&lock.path);
        return Err(save_err(&path, e));
    }
    lock.written();
    Ok(Opened {
        path,
        lock,
        meta,
        journal,
    })
}

impl Opened {
    /// Saves the whole session now, on this thread (for the command line; the app uses
    /// `Saver`), unless that would overwrite another writer's work.
    pub fn save(&mut self, now: DateTime<FixedOffset>) -> Result<(), OpenError> {
        self.lock
            .confirm()
            .map_err(|conflict| OpenError::Conflict {
                path: self.path.clone(),
                conflict,
            })?;
        write_atomic(&self.path, &to_bytes(&self.meta, &self.journal, now)).map_err(|source| {
            OpenError::Save {
                path: self.path.clone(),
                source,
            }
        })?;
        self.lock.written();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn opening_clears_temporaries_left_by_a_killed_save() {
        let dir = tempfile::tempdir().unwrap();
        let now = chrono::Local::now().fixed_offset();
        let journal = Journal::create(now, "Theme").unwrap();
        let opened = create(dir.path(), journal, now).unwrap();
        let path = opened.path.clone();
        drop(opened);
        let stale = path.with_file_name(format!(
            ".{}.Ab12Cd",
            path.file_name().unwrap().to_string_lossy()
        ));
        let unrelated = path.with_file_name(".other.json.Ab12Cd");
        std::fs::write(&stale, b"half a file").unwrap();
        std::fs::write(&unrelated, b"not ours").unwrap();
        let _opened = open(&path).unwrap();
        assert!(!stale.exists());
        assert!(unrelated.exists());
    }

    /// The first frame comes from the snapshot; the log's verdict comes behind, and the log
    /// is the record where the two disagree.
    #[test]
    fn opening_behind_previews_the_snapshot_and_checks_the_log() {
        let dir = tempfile::tempdir().unwrap();
        let now = chrono::Local::now().fixed_offset();
        let journal = crate::demo::build();
        let opened = create(dir.path(), journal.clone(), now).unwrap();
        let path = opened.path.clone();
        drop(opened);
        let text = std::fs::read_to_string(&path).unwrap();
        let theme = format!("\"theme\": \"{}\"", journal.session.theme);
        let edited = text.replacen(&theme, "\"theme\": \"Edited by hand\"", 1);
        assert_ne!(edited, text);
        std::fs::write(&path, &edited).unwrap();

        let opening = open_behind(&path).unwrap();
        assert_eq!(opening.preview.state.theme, "Edited by hand");
        assert!(matches!(lock(&path), Err(LockError::Busy { .. })));
        let behind = opening.behind.recv().unwrap().unwrap();
        assert_eq!(behind.checked.loaded.journal, journal);
        let differs = behind.checked.snapshot_differs.unwrap();
        assert!(differs.contains("state.theme"), "{differs}");
        assert_eq!(behind.log.len(), journal.events.len());
        drop(opening.lock);

        // A log the rules refuse is said behind the first frame, as a load says it.
        let broken = edited.replacen("\"seq\":2,", "\"seq\":9,", 1);
        std::fs::write(&path, &broken).unwrap();
        let opening = open_behind(&path).unwrap();
        let err = opening.behind.recv().unwrap().unwrap_err().to_string();
        assert_eq!(err, load(&path).unwrap_err().to_string());
        // A file whose snapshot cannot be read is refused before any frame, as ever.
        drop(opening.lock);
        std::fs::write(&path, b"{\"format\": 7").unwrap();
        let err = open_behind(&path).unwrap_err().to_string();
        assert_eq!(err, load(&path).unwrap_err().to_string());
        assert_eq!(std::fs::read(&path).unwrap(), b"{\"format\": 7");
    }

    #[test]
    fn a_missing_file_leaves_no_lock_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing.json");
        assert!(matches!(open(&path), Err(OpenError::Load(_))));
        assert!(!lock_path(&path).exists());
    }

    #[test]
    fn the_sessions_folder_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let now = chrono::Local::now().fixed_offset();
        let opened = create(dir.path(), Journal::create(now, "T").unwrap(), now).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&sessions_dir(dir.path())), 0o700);
        assert_eq!(mode(&opened.path), 0o600);
    }
}
