//! The full-screen app from the command line: opening a session, the session picker, the
//! demo (a copy in a throwaway data directory, so the user's sessions are never touched)
//! and replay.

use super::ThemeName;
use crate::store;
use crate::ui::{self, Theme};
use std::path::Path;
use std::process::ExitCode;

/// Runs the app on a session that is locked and loaded.
pub fn open_app(opened: store::Opened, theme: ThemeName) -> anyhow::Result<ExitCode> {
    ui::run(opened, Theme::for_terminal(theme), None)?;
    Ok(ExitCode::SUCCESS)
}

/// Lets the user choose a session when no subcommand is given, then opens it.
pub fn picker(data_dir: &Path, theme: ThemeName) -> anyhow::Result<ExitCode> {
    match ui::picker::run(data_dir, Theme::for_terminal(theme))? {
        Some(opened) => open_app(opened, theme),
        None => Ok(ExitCode::SUCCESS),
    }
}

/// Opens a copy of the built-in demo in a fresh temporary data directory, removed on exit.
/// The user's own data directory is deliberately not used.
pub fn demo(theme: ThemeName) -> anyhow::Result<ExitCode> {
    let dir = tempfile::Builder::new().prefix("convene-demo-").tempdir()?;
    let sessions = store::sessions_dir(dir.path());
    std::fs::create_dir_all(&sessions)?;
    let path = sessions.join("demo.json");
    store::write_atomic(&path, crate::demo::DEMO_JSON.as_bytes())?;
    // The proceedings are offered a home that outlives the demo: the current folder.
    let keep = std::env::current_dir()
        .unwrap_or_default()
        .join("convene-demo-proceedings");
    ui::run(store::open(&path)?, Theme::for_terminal(theme), Some(keep))?;
    drop(dir);
    Ok(ExitCode::SUCCESS)
}

/// Watches a session unfold again, read-only.
pub fn replay(data_dir: &Path, file: &Path, theme: ThemeName) -> anyhow::Result<ExitCode> {
    super::replay::run(data_dir, file, theme)
}
