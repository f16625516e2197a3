//! `convene synth`: writes a generated session of a given size, for benchmarks and tests.
//! The output depends only on the arguments, so two runs give the same bytes.

use crate::store;
use crate::synth::{SynthParams, generate, session_id, start};
use anyhow::Context as _;
use std::path::Path;
use std::process::ExitCode;

/// Sizes beyond these are almost certainly a typo. The largest session takes about 7 s and
/// 520 MB of memory to make (a 230 MB file); 5,000,000 events took three minutes and
/// more than a gigabyte.
const MAX_PEOPLE: u32 = 10_000;
const MAX_ISSUES: u32 = 10_000;
const MAX_EVENTS: u32 = 1_000_000;

pub fn synth(params: &SynthParams, output: &Path) -> anyhow::Result<ExitCode> {
    if params.events == 0 {
        anyhow::bail!("--events must be at least 1 (the first event creates the session)");
    }
    for (flag, value, max) in [
        ("--participants", params.participants, MAX_PEOPLE),
        ("--issues", params.issues, MAX_ISSUES),
        ("--events", params.events, MAX_EVENTS),
    ] {
        if value > max {
            anyhow::bail!("{flag} {value} is more than this generator makes (at most {max})");
        }
    }
    let journal = generate(params);
    let meta = store::Meta {
        id: session_id(params.seed),
        created_at: start(),
    };
    let saved_at = journal.events.last().map_or(start(), |e| e.at);
    let bytes = store::to_bytes(&meta, &journal, saved_at);
    store::write_atomic(output, &bytes)
        .with_context(|| format!("{}: cannot write", output.display()))?;
    let s = &journal.session;
    println!(
        "{}: {} events, {} participants, {} issues ({} still on the wall), {} rounds",
        crate::text::path(output),
        journal.events.len(),
        s.participants.len(),
        s.issues.len(),
        s.active_issues().count(),
        s.rounds.len(),
    );
    Ok(ExitCode::SUCCESS)
}
