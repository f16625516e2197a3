//! `convene replay FILE`: watch a session unfold again. The file is only read: it is not
//! locked (a session open for writing elsewhere can still be replayed) and never written.

use super::{ThemeName, files};
use crate::ui::Theme;
use crate::ui::replay::ReplayScreen;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: &Path, file: &Path, theme: ThemeName) -> anyhow::Result<ExitCode> {
    let path = files::session_file(data_dir, file)?;
    // The replay opens at the first event, so the screen needs only the start of the log:
    // the rest is read, checked as a load would and given its checkpoints behind it.
    let (replay, behind) = crate::replay::behind::start(&path)?;
    if replay.is_empty() {
        anyhow::bail!("{}: the session has no events to replay", path.display());
    }
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let screen = ReplayScreen::reading(replay, behind, name, Theme::for_terminal(theme));
    crate::ui::replay::run(screen)?;
    Ok(ExitCode::SUCCESS)
}
