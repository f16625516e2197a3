//! The proceedings written from the app: every format and table `convene export` offers,
//! in a folder beside the session file named after it, so the book of proceedings is
//! ready at the closing circle without a shell. The bytes are `convene export`'s own.
//!
//! The folder is the owner's only (0700); each file is written atomically with mode 0600,
//! and a second writing replaces the files. Nothing is written through a link, and a file
//! that is a session is never replaced.
//!
//! It lives in `export`, beside the formats it writes, so that `store` never imports `export`.

use super::{Format, Options, Table, export};
use crate::store::{FORMAT, Loaded, is_held, write_atomic};
use std::io::{self, Read};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Each file of the proceedings with the format it holds: every format and table that
/// `convene export` offers.
pub const FILES: [(&str, Format); 7] = [
    ("proceedings.md", Format::Markdown),
    ("proceedings.html", Format::Html),
    ("proceedings.json", Format::Json),
    ("issues.csv", Format::Csv(Table::Issues)),
    ("actions.csv", Format::Csv(Table::Actions)),
    ("results.csv", Format::Csv(Table::Results)),
    ("next-steps.ics", Format::Ics),
];

/// What was written, for the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub dir: PathBuf,
    pub files: Vec<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum ProceedingsError {
    #[error("{}: cannot write the proceedings: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{}: is a link or not a plain file or folder; nothing was written there", path.display())]
    NotPlain { path: PathBuf },
    #[error("{}: is a session file; the proceedings never replace a session", path.display())]
    Session { path: PathBuf },
}

/// The folder beside `session` named after it: `…/sessions/2026-11-12-care-at-home/`.
pub fn folder_for(session: &Path) -> PathBuf {
    let stem = session
        .file_stem()
        .map(|s| s.to_os_string())
        .unwrap_or_else(|| "proceedings".into());
    session.with_file_name(stem)
}

/// The file name of the anonymous version of a file: `proceedings-anonymous.md`.
pub fn anonymous_name(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-anonymous.{ext}"),
        None => format!("{name}-anonymous"),
    }
}

/// Writes every file of the proceedings of a session as read from its file into `dir`
/// (created 0700 if need be), and their anonymous versions too if asked.
pub fn write(
    dir: &Path,
    loaded: &Loaded,
    anonymous_too: bool,
) -> Result<Written, ProceedingsError> {
    folder(dir)?;
    let passes: &[bool] = if anonymous_too {
        &[false, true]
    } else {
        &[false]
    };
    let planned: Vec<(PathBuf, Format, bool)> = passes
        .iter()
        .flat_map(|&anonymous| {
            FILES.iter().map(move |(name, format)| {
                let name = if anonymous {
                    anonymous_name(name)
                } else {
                    name.to_string()
                };
                (dir.join(name), *format, anonymous)
            })
        })
        .collect();
    // Every file is checked before any is written, so a refusal leaves the folder as it was.
    for (path, _, _) in &planned {
        replaceable(path)?;
    }
    let mut files = vec![];
    for (path, format, anonymous) in planned {
        let options = Options {
            anonymous,
            ..Options::default()
        };
        let text = export(loaded, format, options);
        write_atomic(&path, text.as_bytes()).map_err(|source| ProceedingsError::Io {
            path: path.clone(),
            source,
        })?;
        files.push(path);
    }
    Ok(Written {
        dir: dir.to_path_buf(),
        files,
    })
}

/// Makes `dir` a folder only its owner can enter, refusing a link or a file in its place.
fn folder(dir: &Path) -> Result<(), ProceedingsError> {
    let io_err = |source| ProceedingsError::Io {
        path: dir.to_path_buf(),
        source,
    };
    match std::fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => {
            if m.permissions().mode() & 0o777 != 0o700 {
                std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
                    .map_err(io_err)?;
            }
            Ok(())
        }
        Ok(_) => Err(ProceedingsError::NotPlain {
            path: dir.to_path_buf(),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(io_err),
        Err(e) => Err(io_err(e)),
    }
}

/// A file may be replaced if it does not exist, or is a plain file that is not a session.
fn replaceable(path: &Path) -> Result<(), ProceedingsError> {
    let meta = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(ProceedingsError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
        Ok(m) => m,
    };
    if !meta.is_file() {
        return Err(ProceedingsError::NotPlain {
            path: path.to_path_buf(),
        });
    }
    // A file another Convene holds locked is a session in use, whatever it holds now.
    if looks_like_session(path) || is_held(path) {
        return Err(ProceedingsError::Session {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// A session file names its format near its start; an export never does there.
fn looks_like_session(path: &Path) -> bool {
    let mut head = Vec::with_capacity(512);
    let read = std::fs::File::open(path).and_then(|f| f.take(512).read_to_end(&mut head));
    read.is_ok() && String::from_utf8_lossy(&head).contains(&format!("\"{}\"", FORMAT))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Journal;
    use crate::store::Meta;

    fn day() -> Loaded {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-12T09:00:00+00:00").unwrap();
        Loaded {
            meta: Meta::new(now),
            saved_at: now,
            journal: Journal::create(now, "Care at home").unwrap(),
        }
    }

    #[test]
    fn folder_is_named_after_the_session() {
        assert_eq!(
            folder_for(Path::new("/d/sessions/2026-11-12-care-at-home.json")),
            Path::new("/d/sessions/2026-11-12-care-at-home")
        );
        assert_eq!(anonymous_name("issues.csv"), "issues-anonymous.csv");
    }

    #[test]
    fn every_file_is_the_export_and_owner_only() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("day");
        let day = day();
        let written = write(&dir, &day, true).unwrap();
        assert_eq!(written.files.len(), 2 * FILES.len());
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        for (name, format) in FILES {
            let path = dir.join(name);
            assert_eq!(mode(&path), 0o600, "{name}");
            let want = export(&day, format, Options::default());
            assert_eq!(std::fs::read_to_string(&path).unwrap(), want, "{name}");
            let anon = dir.join(anonymous_name(name));
            let anonymous = Options {
                anonymous: true,
                ..Options::default()
            };
            let want = export(&day, format, anonymous);
            assert_eq!(std::fs::read_to_string(&anon).unwrap(), want, "{name}");
        }
        // A second writing replaces them.
        write(&dir, &day, false).unwrap();
    }

    #[test]
    fn links_and_sessions_are_never_written_through() {
        let tmp = tempfile::tempdir().unwrap();
        let day = day();
        let target = tmp.path().join("elsewhere");
        std::fs::create_dir(&target).unwrap();
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(matches!(
            write(&link, &day, false),
            Err(ProceedingsError::NotPlain { .. })
        ));
        let dir = tmp.path().join("day");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(
            dir.join("proceedings.json"),
            "{\"format\":\"convene.session\",\"version\":2}",
        )
        .unwrap();
        assert!(matches!(
            write(&dir, &day, false),
            Err(ProceedingsError::Session { .. })
        ));
        std::fs::remove_file(dir.join("proceedings.json")).unwrap();
        std::os::unix::fs::symlink(target.join("x"), dir.join("proceedings.md")).unwrap();
        assert!(matches!(
            write(&dir, &day, false),
            Err(ProceedingsError::NotPlain { .. })
        ));
        assert!(!target.join("x").exists());
    }

    #[test]
    fn a_file_locked_by_another_convene_is_never_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("day");
        std::fs::create_dir(&dir).unwrap();
        let held = dir.join("issues.csv");
        std::fs::write(&held, "in use").unwrap();
        let lock = crate::store::lock(&held).unwrap();
        assert!(matches!(
            write(&dir, &day(), false),
            Err(ProceedingsError::Session { .. })
        ));
        assert_eq!(std::fs::read_to_string(&held).unwrap(), "in use");
        drop(lock);
        write(&dir, &day(), false).unwrap();
    }
}
