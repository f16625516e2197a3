//! Deleting a session from the picker without losing it: the file and its lock file move
//! into `trash/` in the data directory, where they can be fished out again. Nothing is
//! ever erased, and a session open in another Convene is refused, not pulled away.

use super::lock::{LockError, lock, lock_path};
use super::paths::{private_dir, trash_dir};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum TrashError {
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error("{}: cannot move to the trash: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Moves `session` (and its `.lock`) into the trash folder; returns where it went.
/// A name already in the trash gets `-2`, `-3` … so an older copy is never replaced.
pub fn trash(data_dir: &Path, session: &Path) -> Result<PathBuf, TrashError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TrashError::Io { path, source }
    };
    let held = lock(session)?;
    let dir = trash_dir(data_dir);
    private_dir(&dir).map_err(io(&dir))?;
    let stem = session
        .file_stem()
        .map_or("session".into(), |s| s.to_string_lossy().into_owned());
    let ext = session
        .extension()
        .map_or(String::new(), |e| format!(".{}", e.to_string_lossy()));
    let mut n = 1;
    let target = loop {
        let name = if n == 1 {
            format!("{stem}{ext}")
        } else {
            format!("{stem}-{n}{ext}")
        };
        let candidate = dir.join(name);
        if !candidate.exists() && !lock_path(&candidate).exists() {
            break candidate;
        }
        n += 1;
    };
    std::fs::rename(session, &target).map_err(io(session))?;
    // The lock file goes along so the sessions folder holds no orphan; we still hold it.
    let _ = std::fs::rename(&held.path, lock_path(&target));
    drop(held);
    Ok(target)
}

/// Keeps a session as it was before a merge rewrote it: in the trash when it lives in the
/// sessions folder, else beside it as `NAME.json.before-merge`. An earlier one is never
/// replaced (`-2`, `-3` …). Returns where it went.
pub fn keep_before_merge(
    data_dir: &Path,
    session: &Path,
    bytes: &[u8],
) -> Result<PathBuf, TrashError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TrashError::Io { path, source }
    };
    let sessions = super::paths::sessions_dir(data_dir).canonicalize().ok();
    let parent = session.parent().and_then(|p| p.canonicalize().ok());
    let name = session
        .file_name()
        .map_or("session.json".into(), |n| n.to_string_lossy().into_owned());
    let (dir, stem, ext) = if parent.is_some() && parent == sessions {
        let dir = trash_dir(data_dir);
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        let stem = name.strip_suffix(".json").unwrap_or(&name);
        (dir, format!("{stem}.before-merge"), ".json")
    } else {
        let dir = match session.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        (dir, format!("{name}.before-merge"), "")
    };
    let mut n = 1;
    let target = loop {
        let candidate = if n == 1 {
            dir.join(format!("{stem}{ext}"))
        } else {
            dir.join(format!("{stem}-{n}{ext}"))
        };
        if std::fs::symlink_metadata(&candidate).is_err() {
            break candidate;
        }
        n += 1;
    };
    super::save::write_atomic(&target, bytes).map_err(io(&target))?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_the_file_and_its_lock_and_never_overwrites() {
        let data = tempfile::tempdir().unwrap();
        let sessions = data.path().join("sessions");
        std::fs::create_dir_all(&sessions).unwrap();
        let file = sessions.join("a.json");
        for round in 1..=2 {
            std::fs::write(&file, format!("copy {round}")).unwrap();
            let to = trash(data.path(), &file).unwrap();
            assert!(!file.exists());
            assert!(!lock_path(&file).exists());
            assert_eq!(
                std::fs::read_to_string(&to).unwrap(),
                format!("copy {round}")
            );
            assert!(lock_path(&to).exists());
        }
        let trash = data.path().join("trash");
        assert!(trash.join("a.json").exists());
        assert!(trash.join("a-2.json").exists());
    }

    #[test]
    fn a_version_before_a_merge_goes_to_the_trash_or_beside_it_and_never_replaces_one() {
        let data = tempfile::tempdir().unwrap();
        let sessions = data.path().join("sessions");
        std::fs::create_dir_all(&sessions).unwrap();
        let inside = sessions.join("day.json");
        let first = keep_before_merge(data.path(), &inside, b"one").unwrap();
        let second = keep_before_merge(data.path(), &inside, b"two").unwrap();
        assert_eq!(first, data.path().join("trash/day.before-merge.json"));
        assert_eq!(second, data.path().join("trash/day.before-merge-2.json"));
        assert_eq!(std::fs::read(&first).unwrap(), b"one");
        let outside = data.path().join("usb").join("day.json");
        std::fs::create_dir_all(outside.parent().unwrap()).unwrap();
        let beside = keep_before_merge(data.path(), &outside, b"three").unwrap();
        assert_eq!(beside, data.path().join("usb/day.json.before-merge"));
        assert_eq!(std::fs::read(&beside).unwrap(), b"three");
    }

    #[test]
    fn refuses_a_session_open_elsewhere() {
        let data = tempfile::tempdir().unwrap();
        let file = data.path().join("b.json");
        std::fs::write(&file, "x").unwrap();
        let _held = lock(&file).unwrap();
        assert!(matches!(
            trash(data.path(), &file),
            Err(TrashError::Lock(LockError::Busy { .. }))
        ));
        assert!(file.exists());
    }
}
