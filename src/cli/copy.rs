//! `convene copy`: a copy of a session for another laptop, named so that what is captured
//! on it can say where it came from once `convene merge` brings it back.

use super::files;
use crate::model::commands;
use crate::store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(
    data_dir: &Path,
    file: &Path,
    dest: &Path,
    label: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let path = files::session_file(data_dir, file)?;
    let loaded = store::load(&path)?;
    let dest = where_to(&path, dest);
    if std::fs::symlink_metadata(&dest).is_ok() {
        anyhow::bail!(
            "{} already exists; choose another name (a copy never replaces a file)",
            dest.display()
        );
    }
    let label = match label.map(str::trim) {
        Some(l) if !l.is_empty() => l.to_string(),
        Some(_) => anyhow::bail!("--as needs a label, e.g. --as \"Newsroom 2\""),
        None => dest
            .file_stem()
            .map_or("copy".into(), |s| s.to_string_lossy().into_owned()),
    };
    let mut journal = loaded.journal;
    let now = files::now();
    let named = commands::name_copy(uuid::Uuid::new_v4().to_string(), &label);
    journal
        .record(now, named)
        .map_err(|why| anyhow::anyhow!("cannot name the copy: {why}"))?;
    store::write_atomic(&dest, &store::to_bytes(&loaded.meta, &journal, now))
        .map_err(|e| anyhow::anyhow!("{}: cannot write the copy: {e}", dest.display()))?;
    writeln!(
        std::io::stdout(),
        "Copied {} to {} as \"{label}\".\nCapture on it, then bring it back with: \
         convene merge {} {}",
        path.display(),
        dest.display(),
        path.display(),
        dest.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// A folder given as the destination gets the session's own file name.
fn where_to(source: &Path, dest: &Path) -> PathBuf {
    if dest.is_dir() {
        dest.join(source.file_name().unwrap_or_default())
    } else {
        dest.to_path_buf()
    }
}
