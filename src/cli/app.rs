//! The full-screen app: opening a session, the demo, replay and the session picker.
//! The screens are built under their own issue; until then these say so plainly.

use super::ThemeName;
use crate::store;
use std::path::Path;
use std::process::ExitCode;

/// Runs the app on a session that is locked and loaded.
pub fn open_app(opened: store::Opened, theme: ThemeName) -> anyhow::Result<ExitCode> {
    crate::ui::run(opened, crate::ui::Theme::named(theme))?;
    Ok(ExitCode::SUCCESS)
}

/// Opens a copy of the built-in demo session.
pub fn demo(data_dir: &Path, theme: ThemeName) -> anyhow::Result<ExitCode> {
    let _ = (data_dir, theme);
    anyhow::bail!("the demo is not available yet")
}

/// Watches a session unfold again, read-only.
pub fn replay(data_dir: &Path, file: &Path, theme: ThemeName) -> anyhow::Result<ExitCode> {
    super::replay::run(data_dir, file, theme)
}

/// Lets the user choose a session when no subcommand is given.
pub fn picker(data_dir: &Path, theme: ThemeName) -> anyhow::Result<ExitCode> {
    let _ = (data_dir, theme);
    anyhow::bail!("the session picker is not available yet; see `convene --help`")
}
