use clap::{ColorChoice, CommandFactory, FromArgMatches};
use convene::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    few_arenas();
    // NO_COLOR (no-color.org) holds for help and errors too, whatever the terminal says.
    let colour = if convene::ui::theme::no_color() {
        ColorChoice::Never
    } else {
        ColorChoice::Auto
    };
    let matches = Cli::command().color(colour).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
    if let Err(e) = convene::signals::install() {
        eprintln!("convene: cannot watch for signals: {e}");
        return ExitCode::FAILURE;
    }
    match convene::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("convene: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// glibc gives each thread that allocates an arena of its own. The app's key reader, saver,
/// file check and workers would hold about 2 MiB between them that way, enough to take an
/// open session past 3x its file (README, Performance); two arenas keep the one that
/// rebuilds the log apart from the screen's, which is all the speed they buy.
fn few_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: called first, before any other thread exists; mallopt only sets a limit.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}
