use clap::Parser;
use convene::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
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
