//! `syntax_only FILE…`: reads each file and parses its JSON without building anything
//! (serde's `IgnoredAny`), then exits. Not a benchmark by itself: benches/load_vs_jq.sh and
//! benches/startup.sh time it as a whole process, as the floor for loading a session (no
//! reader of the file can do less). Exits non-zero if a file is not valid JSON.

use serde::de::IgnoredAny;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut code = ExitCode::SUCCESS;
    // `cargo bench` runs every bench target with `--bench`; there is nothing to time here.
    for file in std::env::args_os().skip(1).filter(|a| a != "--bench") {
        let parsed = std::fs::read(&file)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                serde_json::from_slice::<IgnoredAny>(&bytes).map_err(|e| e.to_string())
            });
        if let Err(e) = parsed {
            eprintln!("{}: {e}", file.to_string_lossy());
            code = ExitCode::FAILURE;
        }
    }
    code
}
