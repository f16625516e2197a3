//! Files: where sessions live, how they are written safely and read back, and the lock
//! that keeps a second copy of the app from writing the same session.

mod format;
mod list;
mod lock;
mod paths;
pub mod proceedings;
mod save;
mod saver;
mod snapshot;
mod trash;

pub use format::{Checked, FORMAT, LoadError, Loaded, Meta, VERSION, check, load, parse, to_bytes};
pub use list::{Summary, Unreadable, list};
pub use lock::{LockError, SessionLock, lock, lock_path};
pub use paths::{data_dir, new_session_path, resolve, sessions_dir, slug, trash_dir};
pub use save::write_atomic;
pub use saver::{Disk, RealDisk, SaveState, Saver};
pub use snapshot::*;
pub use trash::{TrashError, keep_before_merge, trash};

use crate::model::Journal;
use chrono::{DateTime, FixedOffset};
use std::os::unix::fs::DirBuilderExt;
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
    #[error("{}: cannot save: {source}", path.display())]
    Save {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Locks and loads a session file for writing.
pub fn open(path: &Path) -> Result<Opened, OpenError> {
    // A missing file must not leave a lock file behind.
    if let Err(source) = std::fs::metadata(path) {
        return Err(LoadError::Io {
            path: path.to_path_buf(),
            source,
        }
        .into());
    }
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

/// Writes a new session's first file in the sessions folder and keeps it locked.
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
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .map_err(|e| save_err(&dir, e))?;
    let path = new_session_path(&dir, now.date_naive(), &journal.session.theme);
    let lock = lock(&path)?;
    let meta = Meta::new(now);
    write_atomic(&path, &to_bytes(&meta, &journal, now)).map_err(|e| save_err(&path, e))?;
    Ok(Opened {
        path,
        lock,
        meta,
        journal,
    })
}

impl Opened {
    /// Saves the whole session now, on this thread (for the command line; the app uses `Saver`).
    pub fn save(&self, now: DateTime<FixedOffset>) -> Result<(), OpenError> {
        write_atomic(&self.path, &to_bytes(&self.meta, &self.journal, now)).map_err(|source| {
            OpenError::Save {
                path: self.path.clone(),
                source,
            }
        })
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
