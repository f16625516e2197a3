//! `convene merge`: brings back what was captured on copies of a session. The sequence is
//! `service::merge`'s, shared with the app: here the files are named, MAIN is locked and
//! what happened is printed. A copy is only ever read.

use super::files;
use crate::service::merge::{self, IntoFileError, ReadCopy};
use crate::service::read::Progress;
use crate::store;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(
    data_dir: &Path,
    main: &Path,
    others: &[PathBuf],
    dry_run: bool,
) -> anyhow::Result<ExitCode> {
    let path = files::session_file(data_dir, main)?;
    let mut opened = store::open(&path)?;
    let mut report = progress_on_stderr();
    let mut copies: Vec<ReadCopy> = Vec::new();
    for other in others {
        let other_path = files::session_file(data_dir, other)?;
        if same_file(&other_path, &path) {
            anyhow::bail!(
                "{} is MAIN itself; name the copies to merge into it",
                other.display()
            );
        }
        let copy = merge::read_copy(&other_path, &mut report)
            .map_err(|e| anyhow::anyhow!("{e}\nNothing was merged; MAIN is unchanged."))?;
        copies.push(copy);
    }
    let merge = merge::work_out(&opened.journal, &copies)?;
    let mut out = std::io::stdout().lock();
    for line in merge.summary.lines() {
        writeln!(out, "{line}")?;
    }
    if dry_run {
        writeln!(out, "Dry run: nothing was written.")?;
        return Ok(ExitCode::SUCCESS);
    }
    if !merge.summary.adds_anything() {
        writeln!(out, "Nothing to merge; {} is unchanged.", path.display())?;
        return Ok(ExitCode::SUCCESS);
    }
    let (count, kept) =
        merge::into_file(data_dir, &mut opened, &merge, files::now()).map_err(|e| match e {
            IntoFileError::Refused(_) => anyhow::anyhow!("{e}. Nothing was written."),
            IntoFileError::Save(e) => e.into(),
            e => anyhow::anyhow!("{e}"),
        })?;
    writeln!(
        out,
        "Merged into {} as one step of {count} events (undo in the app takes it all back).\n\
         The previous version is kept at {}.",
        path.display(),
        kept.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// How far a large file is, on one line of stderr rewritten as it moves, only for a person
/// watching: stdout stays what scripts read, and a log of stderr gets no progress lines.
pub(super) fn progress_on_stderr() -> impl FnMut(&Progress) {
    let shown = std::io::stderr().is_terminal();
    move |progress| {
        if !shown {
            return;
        }
        let mut err = std::io::stderr().lock();
        // Back to the start of the line and clear it, so a shorter line leaves no tail.
        let _ = write!(err, "\r\x1b[K{progress}");
        if progress.read >= progress.total {
            let _ = writeln!(err);
        }
        let _ = err.flush();
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}
