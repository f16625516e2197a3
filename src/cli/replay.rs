//! `convene replay FILE`: watch a session unfold again. The file is only read: it is not
//! locked (a session open for writing elsewhere can still be replayed) and never written.

use crate::ui::Theme;
use crate::ui::replay::{ReplayScreen, run};
use anyhow::Context;
use std::path::Path;
use std::process::ExitCode;

pub fn replay(file: &Path, data_dir: &Path, theme: Theme) -> anyhow::Result<ExitCode> {
    let path = match crate::store::resolve(data_dir, &file.to_string_lossy()) {
        Some(path) => path,
        None if file.exists() => file.to_path_buf(),
        None => anyhow::bail!(
            "{}: no such session file (nor a session of that name in {})",
            file.display(),
            crate::store::sessions_dir(data_dir).display()
        ),
    };
    let loaded = crate::store::load(&path)?;
    if loaded.journal.events.is_empty() {
        anyhow::bail!("{}: the session has no events to replay", path.display());
    }
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let screen = ReplayScreen::new(loaded.journal.events, name, theme)
        .with_context(|| format!("{}: cannot replay", path.display()))?;
    run(screen)?;
    Ok(ExitCode::SUCCESS)
}
