//! One writer per session. The lock is held on a separate `.lock` file beside the session,
//! because the session file itself is replaced at every save and a lock on it would be lost
//! at the first rename. The operating system drops the lock when the process dies, so even
//! a kill -9 leaves nothing stale behind.
//!
//! A lock on a file that is no longer in the folder protects nothing: someone may delete
//! the `.lock` file, or pull out the USB stick and put it back, and a second writer then
//! locks a new file of that name. So before every save the holder confirms that the lock
//! file in the folder is the very file it holds (device and inode), taking the lock again if
//! the file is gone, and that the session file is the one it last wrote. Lock files are
//! opened without following a symbolic link, so a planted link never aims a write elsewhere.

use std::fs::{File, Metadata, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

#[derive(Debug)]
pub struct SessionLock {
    file: File,
    pub path: PathBuf,
    session: PathBuf,
    /// The session file as this process last read or wrote it; None while it does not exist.
    known: Option<FileId>,
}

/// What tells one file from another, and one version of a file from the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FileId {
    dev: u64,
    ino: u64,
    len: u64,
    modified: Option<SystemTime>,
}

impl FileId {
    fn of(meta: &Metadata) -> FileId {
        FileId {
            dev: meta.dev(),
            ino: meta.ino(),
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "{} is already open in another Convene{holder}. Close it there first, \
         or use `convene replay` to look at it without changing it.",
        session.display()
    )]
    Busy { session: PathBuf, holder: String },
    #[error(
        "{}: the lock file is a symbolic link; Convene never writes through a link. \
         Remove the link and try again.",
        path.display()
    )]
    Link { path: PathBuf },
    #[error("{}: cannot create the lock file: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Why a save was held back: writing would overwrite someone else's work.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Conflict {
    #[error("another copy of Convene has this session open")]
    Held,
    #[error("another copy of Convene changed this session")]
    Changed,
    #[error("the lock file was replaced by a link")]
    Link,
    #[error("cannot take the lock again: {0}")]
    Io(String),
}

pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = session.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    session.with_file_name(name)
}

/// Takes the write lock for a session file, or says who holds it.
pub fn lock(session: &Path) -> Result<SessionLock, LockError> {
    let path = lock_path(session);
    let file = take(session, &path)?;
    let known = std::fs::symlink_metadata(session)
        .ok()
        .map(|m| FileId::of(&m));
    Ok(SessionLock {
        file,
        path,
        session: session.to_path_buf(),
        known,
    })
}

/// Opens (creating if need be) and locks the lock file at `path`.
fn take(session: &Path, path: &Path) -> Result<File, LockError> {
    let io = |source| LockError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
        .map_err(|e| {
            if e.raw_os_error() == Some(libc::ELOOP) {
                LockError::Link {
                    path: path.to_path_buf(),
                }
            } else {
                io(e)
            }
        })?;
    if !file.metadata().map_err(io)?.is_file() {
        return Err(io(std::io::Error::other("not a regular file")));
    }
    match file.try_lock() {
        Ok(()) => {
            // The pid is only a hint for the message another copy shows.
            let _ = file.set_len(0);
            let _ = file.rewind();
            let _ = write!(file, "{}", std::process::id());
            Ok(file)
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

/// Whether someone holds the write lock of `session` now (a lock file that does not
/// exist, or that nobody holds, means no). Nothing is created.
pub fn is_held(session: &Path) -> bool {
    let Ok(file) = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(lock_path(session))
    else {
        return false;
    };
    match file.try_lock_shared() {
        Ok(()) => false,
        Err(TryLockError::WouldBlock) => true,
        Err(TryLockError::Error(_)) => false,
    }
}

impl SessionLock {
    /// The session file this lock is for.
    pub fn session(&self) -> &Path {
        &self.session
    }

    /// Confirms, just before writing the session, that writing cannot overwrite another
    /// writer's work: the lock file in the folder is still the one held (taken again if
    /// it is gone or was replaced), and the session file is as this process left it (or
    /// gone, as when the folder itself was removed and put back).
    pub fn confirm(&mut self) -> Result<(), Conflict> {
        self.hold()?;
        match std::fs::symlink_metadata(&self.session) {
            Ok(now) if Some(FileId::of(&now)) != self.known => Err(Conflict::Changed),
            _ => Ok(()),
        }
    }

    /// Makes sure the lock file in the folder is the one held, taking the lock again on a
    /// new file if it was removed. The app's saver calls this while idle too, so a second
    /// writer is refused rather than let in until the next save.
    pub fn hold(&mut self) -> Result<(), Conflict> {
        let held = self
            .file
            .metadata()
            .map_err(|e| Conflict::Io(e.to_string()))?;
        let in_folder = std::fs::symlink_metadata(&self.path).ok();
        if in_folder
            .as_ref()
            .is_some_and(|m| m.dev() == held.dev() && m.ino() == held.ino())
        {
            return Ok(());
        }
        if in_folder.is_some_and(|m| m.file_type().is_symlink()) {
            return Err(Conflict::Link);
        }
        match take(&self.session, &self.path) {
            // Dropping the old handle releases a lock that no longer guards anything.
            Ok(file) => {
                self.file = file;
                Ok(())
            }
            Err(LockError::Busy { .. }) => Err(Conflict::Held),
            Err(LockError::Link { .. }) => Err(Conflict::Link),
            // A folder that is gone: a write that follows fails and says so.
            Err(LockError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                Ok(())
            }
            Err(LockError::Io { source, .. }) => Err(Conflict::Io(source.to_string())),
        }
    }

    /// Records the session file as just written by this process.
    pub fn written(&mut self) {
        self.known = std::fs::symlink_metadata(&self.session)
            .ok()
            .map(|m| FileId::of(&m));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(dir: &Path) -> PathBuf {
        let path = dir.join("s.json");
        std::fs::write(&path, "first").unwrap();
        path
    }

    #[test]
    fn a_removed_lock_file_is_taken_again_and_a_second_writer_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = session(dir.path());
        let mut held = lock(&path).unwrap();
        std::fs::remove_file(lock_path(&path)).unwrap();
        held.confirm().unwrap();
        assert!(lock_path(&path).exists());
        assert!(matches!(lock(&path), Err(LockError::Busy { .. })));
    }

    #[test]
    fn a_second_writer_that_got_in_stops_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = session(dir.path());
        let mut first = lock(&path).unwrap();
        std::fs::remove_file(lock_path(&path)).unwrap();
        let second = lock(&path).unwrap();
        assert_eq!(first.confirm(), Err(Conflict::Held));
        drop(second);
        // The second one went without writing: the first may carry on.
        first.confirm().unwrap();
    }

    #[test]
    fn a_session_changed_by_someone_else_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = session(dir.path());
        let mut held = lock(&path).unwrap();
        held.confirm().unwrap();
        std::fs::write(dir.path().join("other"), "theirs").unwrap();
        std::fs::rename(dir.path().join("other"), &path).unwrap();
        assert_eq!(held.confirm(), Err(Conflict::Changed));
        // Our own write is recognised as ours.
        std::fs::write(&path, "ours").unwrap();
        held.written();
        held.confirm().unwrap();
    }

    #[test]
    fn a_lock_file_that_is_a_link_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let path = session(dir.path());
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "precious").unwrap();
        std::os::unix::fs::symlink(&victim, lock_path(&path)).unwrap();
        assert!(matches!(lock(&path), Err(LockError::Link { .. })));
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    }

    #[test]
    fn held_says_whether_someone_holds_it_and_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = session(dir.path());
        assert!(!is_held(&path));
        assert!(!lock_path(&path).exists());
        let held = lock(&path).unwrap();
        assert!(is_held(&path));
        drop(held);
        assert!(!is_held(&path));
    }
}
