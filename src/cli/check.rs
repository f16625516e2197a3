//! `convene check`: loads a file the way the app would, rebuilds it from its events and
//! compares the snapshot, for scripts and for anyone wondering whether a file is sound.

use super::files;
use crate::model::Session;
use crate::model::describe::{cut, printable};
use crate::store::{self, chain};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: &Path, file: &Path) -> anyhow::Result<ExitCode> {
    let path = files::session_file(data_dir, file)?;
    let checked = store::verify(&path)?;
    if let Some(difference) = &checked.snapshot_differs {
        eprintln!(
            "convene: {}: the snapshot disagrees with the events ({}). The events are the \
             record; the next save from Convene rewrites the snapshot.",
            crate::text::path(&path),
            printable(difference)
        );
        return Ok(ExitCode::FAILURE);
    }
    let session = &checked.session;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}: ok: {}",
        crate::text::path(&path),
        summary(session, checked.events)
    )?;
    if let Some(link) = &session.follow_up {
        // Only the folder the file is in: the chain may be partial, and a missing earlier
        // meeting is not an error.
        let beside = path.parent().filter(|p| !p.as_os_str().is_empty());
        let found = chain::sessions_in(&[beside.unwrap_or(Path::new("."))]);
        let named = cut(&printable(&link.follows.file), 60);
        match chain::earlier(session, &found) {
            chain::Earlier::Agrees(f) => writeln!(
                out,
                "follows {} (as it was at event {}): what was carried agrees with it",
                f.path.display(),
                link.follows.seq
            )?,
            chain::Earlier::Disagrees(f, problems) => {
                drop(out);
                eprintln!(
                    "convene: {}: what was carried does not agree with {} (as it was at event {}):",
                    path.display(),
                    f.path.display(),
                    link.follows.seq
                );
                for p in problems {
                    eprintln!("  {}", printable(&p));
                }
                return Ok(ExitCode::FAILURE);
            }
            chain::Earlier::NotFound => writeln!(
                out,
                "follows {named} (session {}, event {}), which is not in this folder: \
                 what was carried could not be checked against it",
                cut(&printable(&link.follows.session), 40),
                link.follows.seq
            )?,
        }
    }
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
