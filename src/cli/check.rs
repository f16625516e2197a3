//! `convene check`: loads a file the way the app would, rebuilds it from its events and
//! compares the snapshot, for scripts and for anyone wondering whether a file is sound.

use super::files;
use crate::model::Session;
use crate::model::describe::{cut, printable};
use crate::store;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: &Path, file: &Path) -> anyhow::Result<ExitCode> {
    let path = files::session_file(data_dir, file)?;
    let checked = store::check(&path)?;
    if let Some(difference) = &checked.snapshot_differs {
        eprintln!(
            "convene: {}: the snapshot disagrees with the events ({}). The events are the \
             record; the next save from Convene rewrites the snapshot.",
            crate::text::path(&path),
            printable(difference)
        );
        return Ok(ExitCode::FAILURE);
    }
    let journal = &checked.loaded.journal;
    writeln!(
        std::io::stdout(),
        "{}: ok: {}",
        crate::text::path(&path),
        summary(&journal.session, journal.events.len())
    )?;
    // The process ends here: freeing a long log one event at a time would cost a sixth of
    // the whole check, for memory the system takes back at once anyway.
    std::mem::forget(checked);
    Ok(ExitCode::SUCCESS)
}

/// "\"Theme\", 42 events, 12 participants, 8 issues, 5 placed, 1 round, 3 leads".
pub fn summary(session: &Session, events: usize) -> String {
    let issues: Vec<_> = session.active_issues().collect();
    let placed = issues.iter().filter(|i| i.placement.is_some()).count();
    let leads = issues.iter().filter(|i| i.plan.lead.is_some()).count();
    format!(
        "\"{}\", {}, {}, {}, {placed} placed, {}, {}",
        cut(&printable(&session.theme), 60),
        count(events, "event"),
        count(session.participants.len(), "participant"),
        count(issues.len(), "issue"),
        count(session.rounds.len(), "round"),
        count(leads, "lead"),
    )
}

fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
