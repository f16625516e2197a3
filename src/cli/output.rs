//! What every command's outcome looks like on the way out: a reader that stopped reading
//! (`convene log FILE | head`) is not an error, and error text is made safe for the
//! terminal since it may quote names from a file.

use crate::model::describe::printable;
use std::process::ExitCode;

pub fn settle(result: anyhow::Result<ExitCode>) -> anyhow::Result<ExitCode> {
    match result {
        Ok(code) => Ok(code),
        Err(err) if is_broken_pipe(&err) => Ok(ExitCode::SUCCESS),
        Err(err) => Err(anyhow::anyhow!(printable(&format!("{err:#}")))),
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
