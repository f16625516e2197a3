//! `convene new`: a session with its theme, spaces, slots and roster, written once and
//! locked, then handed to the app unless `--no-open`.

use super::progress::Progress;
use super::{ThemeName, app, files, roster};
use crate::model::describe::{cut, printable};
use crate::model::{Journal, commands};
use crate::sheet::PROGRESS_EVERY;
use crate::store;
use chrono::{DateTime, FixedOffset};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What `convene new` was asked for.
#[derive(Clone, Debug, Default)]
pub struct Request {
    pub theme: String,
    pub spaces: Vec<String>,
    pub slots: Vec<String>,
    pub participants: Option<PathBuf>,
    pub no_open: bool,
}

pub fn run(data_dir: &Path, request: Request, theme: ThemeName) -> anyhow::Result<ExitCode> {
    let now = files::now();
    // Everything is checked before anything is written, so a bad flag leaves no file.
    let journal = build(now, &request)?;
    files::usable_dir(&store::sessions_dir(data_dir))?;
    let opened = store::create(data_dir, journal, now)?;
    writeln!(std::io::stdout(), "{}", crate::text::path(&opened.path))?;
    if request.no_open {
        return Ok(ExitCode::SUCCESS);
    }
    app::open_app(opened, theme)
}

/// The events of a new session, each checked by the domain's rules.
pub fn build(now: DateTime<FixedOffset>, request: &Request) -> anyhow::Result<Journal> {
    let mut journal = Journal::create(now, &request.theme).map_err(|why| anyhow::anyhow!(why))?;
    for name in &request.spaces {
        let (change, _) = commands::add_space(&journal.session, name);
        journal
            .record(now, change)
            .map_err(|why| anyhow::anyhow!("--space {}: {why}", shown(name)))?;
    }
    for label in &request.slots {
        let change = commands::add_labelled_slot(&journal.session, label);
        journal
            .record(now, change)
            .map_err(|why| anyhow::anyhow!("--slot {}: {why}", shown(label)))?;
    }
    if let Some(file) = &request.participants {
        let mut progress = Progress::new(format!("reading {}", crate::text::path(file)));
        let people = roster::read(file, &mut progress)?;
        let total = people.len() as u64;
        for (n, person) in people.into_iter().enumerate() {
            if n % PROGRESS_EVERY == 0 {
                progress.report("adding people", n as u64, total);
            }
            let (change, _) = commands::add_person(
                &journal.session,
                &person.name,
                person.organisation,
                person.group,
            );
            journal
                .record(now, change)
                .map_err(|why| anyhow::anyhow!("{} line {}: {why}", file.display(), person.line))?;
        }
    }
    Ok(journal)
}

/// User text quoted in an error, safe for the terminal and short enough to read.
fn shown(text: &str) -> String {
    format!("\"{}\"", cut(&printable(text), 60))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::times_in_label;
    use chrono::NaiveTime;

    fn at() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-05-01T09:00:00+01:00").unwrap()
    }

    fn hm(text: &str) -> NaiveTime {
        NaiveTime::parse_from_str(text, "%H:%M").unwrap()
    }

    #[test]
    fn slot_labels_with_times() {
        assert_eq!(
            times_in_label("10:00-11:00"),
            Some((hm("10:00"), hm("11:00")))
        );
        assert_eq!(
            times_in_label("9:30 – 10:15"),
            Some((hm("09:30"), hm("10:15")))
        );
        assert_eq!(times_in_label("Morning"), None);
        assert_eq!(times_in_label("10:00-late"), None);
        assert_eq!(times_in_label("Day-two"), None);
    }

    #[test]
    fn times_are_shown_once_when_the_label_already_says_them() {
        let show = |label, s, e| crate::model::slot_times(label, Some(hm(s)), Some(hm(e)));
        assert_eq!(show("10:00-11:00", "10:00", "11:00"), "");
        assert_eq!(show("Morning", "10:00", "11:00"), "10:00–11:00");
        // A label whose times were changed afterwards shows the real ones.
        assert_eq!(show("10:00-11:00", "10:15", "11:00"), "10:15–11:00");
        assert_eq!(
            crate::model::slot_times("9:30", Some(hm("09:30")), None),
            "from 09:30"
        );
    }

    #[test]
    fn builds_spaces_and_slots_in_order() {
        let request = Request {
            theme: "Home from hospital".into(),
            spaces: vec!["Hall".into(), "Garden".into()],
            slots: vec!["10:00–11:00".into(), "Afternoon".into()],
            ..Request::default()
        };
        let journal = build(at(), &request).unwrap();
        let kinds: Vec<&str> = journal.events.iter().map(|e| e.change.kind()).collect();
        assert_eq!(
            kinds,
            [
                "session_created",
                "space_added",
                "space_added",
                "slot_added",
                "slot_added"
            ]
        );
        let slot = &journal.session.slots[&crate::model::SlotId(1)];
        assert_eq!(
            (slot.starts, slot.ends),
            (Some(hm("10:00")), Some(hm("11:00")))
        );
        assert_eq!(journal.session.slots[&crate::model::SlotId(2)].starts, None);
    }

    #[test]
    fn refusals_name_the_flag() {
        let request = Request {
            theme: "Theme".into(),
            slots: vec!["11:00-10:00".into()],
            ..Request::default()
        };
        let err = build(at(), &request).unwrap_err().to_string();
        assert_eq!(
            err,
            "--slot \"11:00-10:00\": the end time must be after the start time"
        );
        let request = Request {
            theme: "Theme".into(),
            spaces: vec!["Hall".into(), "hall".into()],
            ..Request::default()
        };
        let err = build(at(), &request).unwrap_err().to_string();
        assert_eq!(
            err,
            "--space \"hall\": there is already a space called \"hall\""
        );
    }
}
