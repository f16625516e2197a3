//! Atomic saves: the new file is written beside the old one, flushed to disk, then renamed
//! over it, so a crash or a full disk leaves either the old file or the new, never half.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::Path;

/// Writes `bytes` to `path` atomically with owner-only permissions (0600).
///
/// A failed fsync is not retried on the same file: Linux may have dropped the dirty pages
/// and a second fsync would report success for data that never reached the disk. The caller
/// keeps everything in memory and the next save writes the whole file afresh.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use atomic_write_file::unix::OpenOptionsExt as _;
    let mut options = atomic_write_file::OpenOptions::new();
    options
        .preserve_mode(false)
        .preserve_owner(false)
        .mode(0o600);
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.commit()
}
