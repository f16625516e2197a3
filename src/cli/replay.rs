//! `convene replay FILE`: watch a session unfold again. The file is only read: it is not
//! locked (a session open for writing elsewhere can still be replayed) and never written.

use super::{ThemeName, files};
use crate::ui::Theme;
use crate::ui::replay::ReplayScreen;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: &Path, file: &Path, theme: ThemeName) -> anyhow::Result<ExitCode> {
    let path = files::session_file(data_dir, file)?;
    // Read, not rebuilt: the replay applies the log once, checking it as a load would and
    // laying down its checkpoints on the way.
    let (_, events) = crate::store::read_log(&path)?;
    if events.is_empty() {
        anyhow::bail!("{}: the session has no events to replay", path.display());
    }
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let screen = ReplayScreen::new(events, name, Theme::for_terminal(theme)).map_err(|source| {
        crate::store::LoadError::Event {
            path: path.clone(),
            source,
        }
    })?;
    crate::ui::replay::run(screen)?;
    Ok(ExitCode::SUCCESS)
}
