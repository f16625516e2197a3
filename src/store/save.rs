//! Atomic saves: the new file is written beside the old one, flushed to disk, then renamed
//! over it, so a crash or a full disk leaves either the old file or the new, never half.
//! On Linux the new file has no name until it is complete (O_TMPFILE), so a process killed
//! while writing leaves nothing behind.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::Path;

/// Writes `bytes` to `path` atomically with owner-only permissions (0600).
///
/// A failed fsync is not retried on the same file: Linux may have dropped the dirty pages
/// and a second fsync would report success for data that never reached the disk. The caller
/// keeps everything in memory and the next save writes the whole file afresh.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_parts(path, &[bytes])
}

/// As `write_atomic`, for a file given in pieces (written one after the other, so a large
/// file is never copied into one buffer first).
pub fn write_atomic_parts(path: &Path, parts: &[&[u8]]) -> std::io::Result<()> {
    use atomic_write_file::unix::OpenOptionsExt as _;
    let _writing = crate::signals::Writing::start(path, remove_temporaries);
    let mut options = atomic_write_file::OpenOptions::new();
    options
        .preserve_mode(false)
        .preserve_owner(false)
        .mode(0o600);
    let mut file = options.open(path)?;
    let written = parts
        .iter()
        .try_for_each(|part| file.write_all(part))
        .and_then(|()| file.commit());
    if written.is_err() {
        remove_temporaries(path);
    }
    written
}

/// A save killed mid-way (power cut, kill -9) can leave its temporary file, named
/// `.<file>.XXXXXX`, beside the session; so can a save whose last fsync failed, since
/// atomic-write-file gives the temporary its name before that fsync and does not remove it
/// after. Only the lock holder may remove them, since another process's save in progress
/// looks the same.
pub fn remove_temporaries(session: &Path) {
    let (Some(dir), Some(name)) = (session.parent(), session.file_name()) else {
        return;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        if let Some(suffix) = file.strip_prefix(&prefix)
            && suffix.len() == 6
            && suffix.chars().all(|c| c.is_ascii_alphanumeric())
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
