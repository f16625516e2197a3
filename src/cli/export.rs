//! `convene export`: the proceedings of a session as a file. Built under its own issue;
//! until then it says so plainly.

use super::ExportFormat;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    data_dir: &Path,
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    anonymous: bool,
    table: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let _ = (data_dir, file, format, output, anonymous, table);
    anyhow::bail!("export is not available yet")
}
