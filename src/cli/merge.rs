//! `convene merge`: brings back what was captured on copies of a session. The work is done
//! by `crate::merge`; here the files are read, MAIN is locked, its previous version kept
//! and the result written atomically. A copy is only ever read.

use super::files;
use crate::merge::{self, Copy};
use crate::model::Journal;
use crate::store;
use std::io::Write;
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
    let mut loaded: Vec<(String, Journal)> = Vec::new();
    for other in others {
        let other_path = files::session_file(data_dir, other)?;
        if same_file(&other_path, &path) {
            anyhow::bail!(
                "{} is MAIN itself; name the copies to merge into it",
                other.display()
            );
        }
        let copy = store::load(&other_path)
            .map_err(|e| anyhow::anyhow!("{e}\nNothing was merged; MAIN is unchanged."))?;
        let name = other_path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        loaded.push((name, copy.journal));
    }
    let copies: Vec<Copy<'_>> = loaded
        .iter()
        .map(|(file, journal)| Copy {
            journal,
            file: file.clone(),
        })
        .collect();
    let merge = merge::merge(&opened.journal, &copies)?;
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
    let previous = std::fs::read(&path)
        .map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", path.display()))?;
    let kept = store::keep_before_merge(data_dir, &path, &previous)
        .map_err(|e| anyhow::anyhow!("{e}. Nothing was merged."))?;
    let count = merge::record(&mut opened.journal, &merge)
        .map_err(|why| anyhow::anyhow!("the merge was refused: {why}. Nothing was written."))?;
    opened.save(files::now())?;
    writeln!(
        out,
        "Merged into {} as one step of {count} events (undo in the app takes it all back).\n\
         The previous version is kept at {}.",
        path.display(),
        kept.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}
