use clap::{ColorChoice, CommandFactory, FromArgMatches};
use convene::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
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
    match convene::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("convene: {err:#}");
            ExitCode::FAILURE
        }
    }
}
