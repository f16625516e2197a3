use clap::Parser;
use convene::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match convene::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("convene: {err:#}");
            ExitCode::FAILURE
        }
    }
}
