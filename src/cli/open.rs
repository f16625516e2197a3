//! `convene open`: finds the session, takes its write lock and hands it to the app, so a
//! second copy is refused before any screen is drawn.

use super::{ThemeName, app, files};
use crate::store;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: &Path, file_or_name: &str, theme: ThemeName) -> anyhow::Result<ExitCode> {
    let path = files::session_file(data_dir, Path::new(file_or_name))?;
    let opened = store::open(&path)?;
    app::open_app(opened, theme)
}
