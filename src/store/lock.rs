//! One writer per session. The lock is held on a separate `.lock` file beside the session,
//! because the session file itself is replaced at every save and a lock on it would be lost
//! at the first rename. The operating system drops the lock when the process dies, so even
//! a kill -9 leaves nothing stale behind.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct SessionLock {
    _file: File,
    pub path: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "{} is already open in another Convene{holder}. Close it there first, \
         or use `convene replay` to look at it without changing it.",
        session.display()
    )]
    Busy { session: PathBuf, holder: String },
    #[error("{}: cannot create the lock file: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = session.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    session.with_file_name(name)
}

/// Takes the write lock for a session file, or says who holds it.
pub fn lock(session: &Path) -> Result<SessionLock, LockError> {
    let path = lock_path(session);
    let io = |source| LockError::Io {
        path: path.clone(),
        source,
    };
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(&path)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => {
            // The pid is only a hint for the message another copy shows.
            let _ = file.set_len(0);
            let _ = file.rewind();
            let _ = write!(file, "{}", std::process::id());
            Ok(SessionLock { _file: file, path })
        }
        Err(TryLockError::WouldBlock) => {
            let mut pid = String::new();
            let _ = file.read_to_string(&mut pid);
            let pid = pid.trim();
            let holder = if pid.chars().all(|c| c.is_ascii_digit()) && !pid.is_empty() {
                format!(" (process {pid})")
            } else {
                String::new()
            };
            Err(LockError::Busy {
                session: session.to_path_buf(),
                holder,
            })
        }
        Err(TryLockError::Error(e)) => Err(io(e)),
    }
}
