//! `convene history`: the programme a session belongs to, oldest meeting first, with how
//! its actions stood at each. Earlier meetings are found by the links follow-ups record;
//! where a file is missing, the figures come from the history copied into the next one.

use super::files;
use crate::model::Session;
use crate::model::describe::{cut, day, printable};
use crate::model::followup::{Meeting, Tally, is_open, tally};
use crate::store::{self, chain};
use chrono::NaiveDate;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One meeting of the programme.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub date: NaiveDate,
    pub theme: String,
    pub session: String,
    /// Where its file was found; None when it is not beside the others.
    pub file: Option<PathBuf>,
    /// The file name the next meeting recorded (or this file's own name).
    pub recorded_as: String,
    /// True when the figures come from the copy carried into the next meeting (only the
    /// actions that were carried on are counted).
    pub from_copy: bool,
    /// The carried plan disagrees with this file (see `convene check`).
    pub disagrees: bool,
    pub actions: Tally,
}

pub fn run(data_dir: &Path, file: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let path = files::session_file(data_dir, file)?;
    let loaded = store::load(&path)?;
    let beside = path.parent().filter(|p| !p.as_os_str().is_empty());
    let sessions = store::sessions_dir(data_dir);
    let mut dirs = vec![beside.unwrap_or(Path::new("."))];
    dirs.push(&sessions);
    let found = chain::sessions_in(&dirs);
    let rows = programme(&path, &loaded, &found);
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "meetings": rows }))?;
        writeln!(out)?;
    } else {
        write!(out, "{}", text(&rows, &path))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn found_row(f: &chain::Found, recorded_as: Option<&str>, disagrees: bool) -> Row {
    let session = &f.loaded.journal.session;
    let date = chain::meeting_date(&f.loaded);
    Row {
        date,
        theme: session.theme.clone(),
        session: f.loaded.meta.id.clone(),
        file: Some(f.path.clone()),
        recorded_as: recorded_as.map_or_else(|| name_of(&f.path), str::to_string),
        from_copy: false,
        disagrees,
        actions: tally(session, date, false).0,
    }
}

/// A meeting whose file is missing, as the history copied into `later` tells it.
fn copied_row(meeting: &Meeting, later: &Session) -> Row {
    let mut actions = Tally::default();
    for issue in later.active_issues() {
        for step in issue.plan.steps.values() {
            if let Some(m) = step.history.iter().find(|m| m.date == meeting.date) {
                let overdue = is_open(m.status) && m.due.is_some_and(|d| d < meeting.date);
                actions.add(m.status, overdue);
            }
        }
    }
    Row {
        date: meeting.date,
        theme: meeting.theme.clone(),
        session: meeting.session.clone(),
        file: None,
        recorded_as: meeting.file.clone(),
        from_copy: true,
        disagrees: false,
        actions,
    }
}

/// Every meeting of the programme `path` belongs to, oldest first.
pub fn programme(path: &Path, loaded: &store::Loaded, found: &[chain::Found]) -> Vec<Row> {
    let me = chain::Found {
        path: path.to_path_buf(),
        loaded: loaded.clone(),
    };
    let mut back = vec![found_row(&me, None, false)];
    let mut current: &chain::Found = &me;
    while let Some(link) = current.loaded.journal.session.follow_up.clone() {
        match chain::earlier(&current.loaded.journal.session, found) {
            chain::Earlier::Agrees(f) => {
                back.push(found_row(f, Some(&link.follows.file), false));
                current = f;
            }
            chain::Earlier::Disagrees(f, _) => {
                back.push(found_row(f, Some(&link.follows.file), true));
                current = f;
            }
            chain::Earlier::NotFound => {
                let later = &current.loaded.journal.session;
                for meeting in link.chain().iter().rev() {
                    back.push(copied_row(meeting, later));
                }
                break;
            }
        }
    }
    back.reverse();
    // Later meetings: the follow-ups of this one, and theirs. Where the programme forked,
    // the latest meeting is followed.
    let mut id = loaded.meta.id.clone();
    let mut seen = vec![id.clone()];
    loop {
        let mut next = chain::follow_ups_of(&id, found);
        next.sort_by_key(|f| (chain::meeting_date(&f.loaded), f.path.clone()));
        let Some(f) = next.pop() else { break };
        if seen.contains(&f.loaded.meta.id) {
            break;
        }
        seen.push(f.loaded.meta.id.clone());
        back.push(found_row(f, None, false));
        id = f.loaded.meta.id.clone();
    }
    back
}

fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The programme as text, one block per meeting.
pub fn text(rows: &[Row], this: &Path) -> String {
    let mut out = format!(
        "{} in this programme, oldest first:\n",
        count(rows.len(), "meeting")
    );
    for (n, row) in rows.iter().enumerate() {
        let a = &row.actions;
        out.push_str(&format!(
            "\n{}. {}  {}\n",
            n + 1,
            day(row.date),
            cut(&printable(&row.theme), 70)
        ));
        let file = match &row.file {
            Some(f) if f == this => format!("{} (this file)", printable(&name_of(f))),
            Some(f) => printable(&f.display().to_string()),
            None => format!(
                "{}: not found here; figures from the record carried forward (open actions only)",
                printable(&row.recorded_as)
            ),
        };
        out.push_str(&format!("   {file}\n"));
        if row.disagrees {
            out.push_str(
                "   ✗ what was carried from it disagrees with this file (see convene check)\n",
            );
        }
        out.push_str(&format!(
            "   {} promised: {} done, {} under way, {} stuck, {} not started, {} dropped; {} overdue\n",
            count(a.actions, "action"),
            a.done,
            a.under_way,
            a.stuck,
            a.not_started,
            a.dropped,
            a.overdue
        ));
    }
    out
}
