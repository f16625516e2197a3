//! `convene replay FILE`: watch a session unfold again. The file is only read: it is not
//! locked (a session open for writing elsewhere can still be replayed) and never written.

use super::{ThemeName, files};
use crate::ui::Theme;
use crate::ui::replay::ReplayScreen;
use anyhow::Context;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: &Path, file: &Path, theme: ThemeName) -> anyhow::Result<ExitCode> {
    let path = files::session_file(data_dir, file)?;
    let loaded = crate::store::load(&path)?;
    if loaded.journal.events.is_empty() {
        anyhow::bail!("{}: the session has no events to replay", path.display());
    }
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let screen = ReplayScreen::new(loaded.journal.events, name, Theme::for_terminal(theme))
        .with_context(|| format!("{}: cannot replay", path.display()))?;
    crate::ui::replay::run(screen)?;
    Ok(ExitCode::SUCCESS)
}
