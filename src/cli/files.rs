//! Finding the session a command names and making sure the data directory can hold files,
//! so every subcommand says the same clear thing when a path is wrong.

use crate::store;
use chrono::{DateTime, FixedOffset, Local};
use std::path::{Path, PathBuf};

/// The time stamped on events recorded now, with this laptop's offset.
pub fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// A session named on the command line: a path, or a file name (with or without `.json`)
/// in the sessions folder.
pub fn session_file(data_dir: &Path, arg: &Path) -> anyhow::Result<PathBuf> {
    if arg.is_file() {
        return Ok(arg.to_path_buf());
    }
    if let Some(found) = arg.to_str().and_then(|name| store::resolve(data_dir, name)) {
        return Ok(found);
    }
    if arg.is_dir() {
        anyhow::bail!("{} is a folder, not a session file", arg.display());
    }
    anyhow::bail!(
        "{}: no such session file (and no session of that name in {})",
        arg.display(),
        store::sessions_dir(data_dir).display()
    )
}

/// Refuses a folder that can never be created because part of its path is a file; a plain
/// "Not a directory" from the system does not say which part is wrong.
pub fn usable_dir(dir: &Path) -> anyhow::Result<()> {
    for ancestor in dir.ancestors() {
        if ancestor.as_os_str().is_empty() {
            continue;
        }
        match std::fs::metadata(ancestor) {
            Ok(meta) if meta.is_dir() => return Ok(()),
            Ok(_) => anyhow::bail!(
                "cannot keep sessions in {}: {} is a file, not a folder \
                 (choose another place with --data-dir DIR)",
                dir.display(),
                ancestor.display()
            ),
            Err(_) => continue,
        }
    }
    Ok(())
}
