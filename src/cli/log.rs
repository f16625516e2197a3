//! `convene log`: the timeline of a session, one line per event, in plain words. Each
//! event is described against the session just before it, so names read as they were then.

use super::files;
use crate::model::describe::describe;
use crate::model::{Session, apply};
use crate::store;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: &Path, file: &Path) -> anyhow::Result<ExitCode> {
    let path = files::session_file(data_dir, file)?;
    let loaded = store::load(&path)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut session = Session::default();
    for (n, event) in loaded.journal.events.iter().enumerate() {
        // A step made of several events is one line: its time, then each change. A change
        // merged in from a copy has a line of its own, with the time and place it was
        // captured.
        if event.joins().is_some() && event.from.is_none() {
            write!(out, "; {}", describe(&session, event))?;
        } else {
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
