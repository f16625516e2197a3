//! `convene synth`: realistic generated sessions for benchmarks and tests. Built under its
//! own issue; until then it says so plainly.

use std::path::Path;
use std::process::ExitCode;

pub fn run(
    participants: u32,
    issues: u32,
    events: u32,
    seed: u64,
    output: &Path,
) -> anyhow::Result<ExitCode> {
    let _ = (participants, issues, events, seed, output);
    anyhow::bail!("synth is not available yet")
}
