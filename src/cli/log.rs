//! `convene log`: the timeline of a session, one line per event, in plain words. Each
//! event is described against the session just before it, so names read as they were then.

use super::files;
use crate::model::describe::{describe, describe_step};
use crate::model::{Change, Session, apply, step_end};
use crate::store;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: &Path, file: &Path) -> anyhow::Result<ExitCode> {
    let path = files::session_file(data_dir, file)?;
    let loaded = store::load(&path)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut session = Session::default();
    let events = &loaded.journal.events;
    let mut summarised = false;
    for (n, event) in events.iter().enumerate() {
        // A step made of several events is one line: its time, then each change; a
        // follow-up's founding step (the whole roster and plan) is summed up instead.
        if event.joins().is_some() && event.from.is_none() {
            if !summarised {
                write!(out, "; {}", describe(&session, event))?;
            }
        } else if let Change::FollowUpStarted { .. } = event.change {
            let end = step_end(events, n + 1);
            let changes: Vec<Change> = events[n..end].iter().map(|e| e.change.clone()).collect();
            writeln!(out)?;
            write!(
                out,
                "{}  {}",
                event.at.format("%H:%M"),
                describe_step(&session, &changes)
            )?;
            summarised = true;
        } else {
            summarised = false;
            if n > 0 {
                writeln!(out)?;
            }
            // The time of day where the event was recorded, which is the room's time.
            write!(
                out,
                "{}  {}",
                event.at.format("%H:%M"),
                describe(&session, event)
            )?;
        }
        apply(&mut session, event)?;
    }
    writeln!(out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
