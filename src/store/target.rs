//! Where an export may be written. Proceedings are written over whatever file `-o` names,
//! so a slip of the keyboard (`-o sessions/today.json`) must not replace a session, least
//! of all one open in the app: such a target is refused, and nothing is written.

use super::format::FORMAT;
use super::lock::is_held;
use super::paths::sessions_dir;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Bytes read from an existing file to tell whether it is a session. A session file names
/// its format in its first line; the whole file is read only when that line says so.
const HEAD: u64 = 4096;

#[derive(Debug, thiserror::Error)]
pub enum TargetRefused {
    #[error(
        "{}: that is a Convene session; an export never replaces one. Choose another name.",
        path.display()
    )]
    Session { path: PathBuf },
    #[error(
        "{}: that is in the sessions folder, where only sessions belong. \
         Write the export somewhere else.",
        path.display()
    )]
    SessionsFolder { path: PathBuf },
    #[error(
        "{}: that file is locked by Convene (open in the app); an export never replaces it.",
        path.display()
    )]
    Locked { path: PathBuf },
    #[error(
        "{}: that is the lock of the session beside it; an export never replaces one. \
         Choose another name.",
        path.display()
    )]
    Lock { path: PathBuf },
    #[error("{}: not a regular file; an export is only written to a file", path.display())]
    NotAFile { path: PathBuf },
}

/// Refuses an export target that is a session, is in the sessions folder of `data_dir`, or
/// is locked by a running Convene.
pub fn export_target(data_dir: &Path, out: &Path) -> Result<(), TargetRefused> {
    let path = || out.to_path_buf();
    if is_held(out) {
        return Err(TargetRefused::Locked { path: path() });
    }
    // Replacing a lock file would let a second writer in beside the app holding it.
    let name = out.file_name().unwrap_or_default().to_string_lossy();
    if let Some(session) = name.strip_suffix(".lock")
        && out.with_file_name(session).exists()
    {
        return Err(TargetRefused::Lock { path: path() });
    }
    if let Ok(meta) = std::fs::metadata(out) {
        if !meta.is_file() {
            return Err(TargetRefused::NotAFile { path: path() });
        }
        if is_session(out) {
            return Err(TargetRefused::Session { path: path() });
        }
    }
    if in_folder(out, &sessions_dir(data_dir)) {
        return Err(TargetRefused::SessionsFolder { path: path() });
    }
    Ok(())
}

/// Whether `out` would land directly in `folder`, whatever links either path goes through.
fn in_folder(out: &Path, folder: &Path) -> bool {
    let Some(name) = out.file_name() else {
        return false;
    };
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match (parent.canonicalize(), folder.canonicalize()) {
        (Ok(a), Ok(b)) => a == b || (a.join(name) == b),
        _ => false,
    }
}

/// Whether the file at `path` (a regular file) holds a Convene session.
fn is_session(path: &Path) -> bool {
    #[derive(serde::Deserialize)]
    struct Head {
        format: String,
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::new();
    if file.take(HEAD).read_to_end(&mut head).is_err() || !contains(&head, FORMAT.as_bytes()) {
        return false;
    }
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Head>(&bytes).ok())
        .is_some_and(|h| h.format == FORMAT)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_the_sessions_folder_and_locked_files_are_refused() {
        let data = tempfile::tempdir().unwrap();
        let sessions = sessions_dir(data.path());
        std::fs::create_dir_all(&sessions).unwrap();
        let elsewhere = data.path().join("out");
        std::fs::create_dir_all(&elsewhere).unwrap();
        let refused = |p: &Path| export_target(data.path(), p).is_err();

        assert!(refused(&sessions.join("new.md")));
        let session = elsewhere.join("copy.json");
        std::fs::write(&session, crate::demo::DEMO_JSON).unwrap();
        assert!(refused(&session));
        let locked = elsewhere.join("notes.md");
        std::fs::write(&locked, "x").unwrap();
        let held = crate::store::lock(&locked).unwrap();
        assert!(refused(&locked));
        drop(held);
        assert!(!refused(&locked));
        assert!(!refused(&elsewhere.join("proceedings.md")));
        std::fs::write(elsewhere.join("old.json"), r#"{"format":"other"}"#).unwrap();
        assert!(!refused(&elsewhere.join("old.json")));
        assert!(refused(&elsewhere));
    }
}
