//! Merging copies of a session into it, one sequence for `convene merge`, the picker and
//! Closing: read each copy (saying how far a large one is), work out what it brings in,
//! and, where the session is not open in the app, record it as one step and save it with
//! its previous version kept. A copy is only ever read.

use super::read::{self, Progress};
use crate::merge::{self, Copy, Merge, MergeError};
use crate::model::Journal;
use crate::store::{self, LoadError, OpenError, Opened, TrashError};
use chrono::{DateTime, FixedOffset};
use std::path::{Path, PathBuf};

/// A copy as read, with the file name it is known by in the summary and the provenance.
pub struct ReadCopy {
    pub file: String,
    pub journal: Journal,
}

/// Reads a copy.
pub fn read_copy(path: &Path, report: &mut dyn FnMut(&Progress)) -> Result<ReadCopy, LoadError> {
    let loaded = read::load(path, report)?;
    Ok(ReadCopy {
        file: read::name_of(path),
        journal: loaded.journal,
    })
}

/// What merging `copies` into `main` would record, as `crate::merge` works it out.
pub fn work_out(main: &Journal, copies: &[ReadCopy]) -> Result<Merge, MergeError> {
    let copies: Vec<Copy<'_>> = copies
        .iter()
        .map(|c| Copy {
            journal: &c.journal,
            file: c.file.clone(),
        })
        .collect();
    merge::merge(main, &copies)
}

/// A copy read and what it would bring into the session it was worked out against: what
/// the app shows before asking whether to merge.
pub struct DryRun {
    pub copy: ReadCopy,
    pub merge: Merge,
}

/// Reads the copy at `path` and works out what it would bring into `main`; the reason
/// as the person should read it if it cannot be merged.
pub fn dry_run(
    main: &Journal,
    path: &Path,
    report: &mut dyn FnMut(&Progress),
) -> Result<DryRun, String> {
    if path.as_os_str().is_empty() {
        return Err("Type where the copy is".to_string());
    }
    let copy = read_copy(path, report).map_err(|e| e.to_string())?;
    let merge = work_out(main, std::slice::from_ref(&copy)).map_err(|e| e.to_string())?;
    Ok(DryRun { copy, merge })
}

/// Why a merge into a session's file did not happen. In each case the file is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum IntoFileError {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}. Nothing was merged.")]
    Keep(TrashError),
    #[error("the merge was refused: {0}")]
    Refused(crate::model::Rejection),
    #[error(transparent)]
    Save(OpenError),
}

/// Records `merge` (worked out against `opened`) into the session held open and saves it,
/// its previous version kept first (see `store::keep_before_merge`) so that the merge can be
/// taken back by hand too. Returns how many events were recorded and where the previous
/// version went.
pub fn into_file(
    data_dir: &Path,
    opened: &mut Opened,
    merge: &Merge,
    now: DateTime<FixedOffset>,
) -> Result<(usize, PathBuf), IntoFileError> {
    let previous = std::fs::read(&opened.path).map_err(|source| IntoFileError::Read {
        path: opened.path.clone(),
        source,
    })?;
    let kept =
        store::keep_before_merge(data_dir, &opened.path, &previous).map_err(IntoFileError::Keep)?;
    let count = merge::record(&mut opened.journal, merge).map_err(IntoFileError::Refused)?;
    opened.save(now).map_err(IntoFileError::Save)?;
    Ok((count, kept))
}
