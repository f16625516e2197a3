//! Where sessions live and what their files are called.

use super::lock::lock_path;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Links followed in a row before a session path is taken for a loop.
const MAX_LINKS: usize = 40;

/// Longest slug taken from a theme, in bytes (all ASCII).
const MAX_SLUG: usize = 48;

/// The data directory: `--data-dir` or `CONVENE_DATA_DIR` (both arrive here as `chosen`),
/// else the platform's (on Linux `~/.local/share/convene`).
pub fn data_dir(chosen: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(dir) = chosen {
        return Ok(dir.to_path_buf());
    }
    directories::ProjectDirs::from("", "", "convene")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| {
            anyhow::anyhow!(
                "cannot find a home directory for Convene's data; \
                 pass --data-dir DIR or set CONVENE_DATA_DIR"
            )
        })
}

/// Creates `dir` and any missing parents readable by their owner only (0700), whatever the
/// umask: sessions hold people's names and what they said.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

pub fn sessions_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("sessions")
}

pub fn trash_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("trash")
}

/// A file-name-safe form of a theme: ASCII letters and digits joined by single dashes,
/// bounded in length. Never empty, never a separator, never `..`.
pub fn slug(theme: &str) -> String {
    let mut out = String::new();
    for c in theme.chars() {
        if c.is_ascii_alphanumeric() {
            if out.len() >= MAX_SLUG {
                break;
            }
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "session".to_string()
    } else {
        out.to_string()
    }
}

/// `YYYY-MM-DD-<slug>.json` in `dir`, with `-2`, `-3` … if that name is taken.
pub fn new_session_path(dir: &Path, date: NaiveDate, theme: &str) -> PathBuf {
    let stem = format!("{}-{}", date.format("%Y-%m-%d"), slug(theme));
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.json")
        } else {
            format!("{stem}-{n}.json")
        };
        let path = dir.join(name);
        // A dangling link counts as taken: the new session must not replace it.
        if std::fs::symlink_metadata(&path).is_err() && !lock_path(&path).exists() {
            return path;
        }
        n += 1;
    }
}

/// The file a session path names, with any symbolic links in its last component followed
/// (folders that are links, such as a USB mount or a synced folder, stay as they are).
/// Convene writes and locks the real file, so two names for one session share one lock
/// and a save never turns a link into a second copy.
pub fn real_file(path: &Path) -> std::io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let meta = std::fs::symlink_metadata(&path)?;
        if !meta.file_type().is_symlink() {
            return Ok(path);
        }
        let target = std::fs::read_link(&path)?;
        path = match path.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
    }
    Err(std::io::Error::from_raw_os_error(libc::ELOOP))
}

/// Finds a session by path, by file name or name without `.json` in the sessions folder, or
/// by its theme as typed ("convene open \"Care at home\"" finds
/// `2026-11-24-care-at-home.json`; of several days with that theme, the latest).
pub fn resolve(data_dir: &Path, file_or_name: &str) -> Option<PathBuf> {
    let direct = PathBuf::from(file_or_name);
    if direct.is_file() {
        return Some(direct);
    }
    let dir = sessions_dir(data_dir);
    let bare = Path::new(file_or_name).file_name()?.to_str()?.to_string();
    for candidate in [bare.clone(), format!("{bare}.json")] {
        let path = dir.join(&candidate);
        if path.is_file() {
            return Some(path);
        }
    }
    by_theme(&dir, &slug(file_or_name))
}

fn by_theme(dir: &Path, slug: &str) -> Option<PathBuf> {
    let mut best: Option<((NaiveDate, u32), PathBuf)> = None;
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let name = entry.file_name();
        let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".json")) else {
            continue;
        };
        let (Some(date), Some(rest)) = (stem.get(..10), stem.get(11..)) else {
            continue;
        };
        let Ok(date) = NaiveDate::parse_from_str(date, "%Y-%m-%d") else {
            continue;
        };
        let n = match rest.strip_prefix(slug) {
            Some("") => 1,
            Some(suffix) => match suffix.strip_prefix('-').and_then(|n| n.parse().ok()) {
                Some(n) if n >= 2 => n,
                _ => continue,
            },
            None => continue,
        };
        if best.as_ref().is_none_or(|(key, _)| (date, n) > *key) {
            best = Some(((date, n), entry.path()));
        }
    }
    best.map(|(_, path)| path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_in_the_last_component_are_followed_to_the_real_file() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        std::fs::write(&real, "x").unwrap();
        symlink("real.json", dir.path().join("a.json")).unwrap();
        symlink(dir.path().join("a.json"), dir.path().join("b.json")).unwrap();
        assert_eq!(real_file(&dir.path().join("b.json")).unwrap(), real);
        assert_eq!(real_file(&real).unwrap(), real);
        symlink("loop.json", dir.path().join("loop.json")).unwrap();
        assert!(real_file(&dir.path().join("loop.json")).is_err());
        symlink("gone.json", dir.path().join("dangling.json")).unwrap();
        let missing = real_file(&dir.path().join("dangling.json")).unwrap_err();
        assert_eq!(missing.kind(), std::io::ErrorKind::NotFound);
    }

    #[test]
    fn a_new_session_never_takes_the_name_of_a_dangling_link() {
        let dir = tempfile::tempdir().unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        symlink("/nowhere", dir.path().join("2026-05-01-t.json")).unwrap();
        assert_eq!(
            new_session_path(dir.path(), date, "T"),
            dir.path().join("2026-05-01-t-2.json")
        );
    }
}
