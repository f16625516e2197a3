//! `convene open`: finds the session, takes its write lock and hands it to the app, so a
//! second copy is refused before any screen is drawn.

use super::{ThemeName, app, files};
use crate::store;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: &Path, file_or_name: &str, theme: ThemeName) -> anyhow::Result<ExitCode> {
    let path = files::session_file(data_dir, Path::new(file_or_name))?;
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        // The app will refuse to start; a file it cannot open says so first, as ever.
        return app::open_app(store::open(&path)?, theme);
    }
    // Draw first, check behind: the first frame comes from the file's snapshot.
    crate::ui::run_opening(store::open_behind(&path)?, crate::ui::Theme::named(theme))?;
    Ok(ExitCode::SUCCESS)
}
