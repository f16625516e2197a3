//! The full-screen app from the command line: opening a session, the session picker, and
//! the demo (a copy in a throwaway data directory, so the user's sessions are never touched).

use super::ThemeName;
use crate::model::{Change, Group, IssueId, Journal, ParticipantId, SlotId, SpaceId};
use crate::store;
use crate::ui::{self, Theme};
use chrono::{DateTime, FixedOffset, Local, NaiveTime};
use std::path::Path;
use std::process::ExitCode;

/// Runs the app on a session that is locked and loaded.
pub fn open_app(opened: store::Opened, theme: ThemeName) -> anyhow::Result<ExitCode> {
    ui::run(opened, Theme::named(theme))?;
    Ok(ExitCode::SUCCESS)
}

/// Lets the user choose a session when no subcommand is given, then opens it.
pub fn picker(data_dir: &Path, theme: ThemeName) -> anyhow::Result<ExitCode> {
    match ui::picker::run(data_dir, Theme::named(theme))? {
        Some(opened) => open_app(opened, theme),
        None => Ok(ExitCode::SUCCESS),
    }
}

/// Opens a copy of the demo session in a fresh temporary data directory, removed on exit.
pub fn demo(theme: ThemeName) -> anyhow::Result<ExitCode> {
    let dir = tempfile::Builder::new().prefix("convene-demo-").tempdir()?;
    let now = Local::now().fixed_offset();
    let opened = store::create(dir.path(), demo_journal(now)?, now)?;
    let code = open_app(opened, theme)?;
    drop(dir);
    Ok(code)
}

/// A small session to look around in: a roster, spaces, slots and issues, one with its
/// breakout report.
fn demo_journal(now: DateTime<FixedOffset>) -> anyhow::Result<Journal> {
    let mut j = Journal::create(now, "How do we get people home from hospital well?")?;
    let people = [
        ("Amira Patel", "Bromley Council", Group::Council),
        ("Sam Hale", "Carers Together", Group::Carer),
        ("Jo Green", "St Mary's NHS Trust", Group::Nhs),
        ("Kit Moss", "Homecare Plus", Group::CareProvider),
        ("Priya Shah", "Age Well Bromley", Group::VoluntarySector),
        ("Tom Reyes", "", Group::ServiceUser),
    ];
    for (n, (name, org, group)) in people.into_iter().enumerate() {
        j.record(
            now,
            Change::ParticipantAdded {
                participant: ParticipantId(n as u32 + 1),
                name: name.into(),
                organisation: (!org.is_empty()).then(|| org.into()),
                group: Some(group),
            },
        )?;
    }
    for (n, name) in ["Garden room", "Library", "Main hall"]
        .into_iter()
        .enumerate()
    {
        j.record(
            now,
            Change::SpaceAdded {
                space: SpaceId(n as u32 + 1),
                name: name.into(),
            },
        )?;
    }
    for (n, (label, from, to)) in [("11:00", 11, 12), ("13:30", 13, 14)]
        .into_iter()
        .enumerate()
    {
        j.record(
            now,
            Change::SlotAdded {
                slot: SlotId(n as u32 + 1),
                label: label.into(),
                starts: NaiveTime::from_hms_opt(from, if from == 13 { 30 } else { 0 }, 0),
                ends: NaiveTime::from_hms_opt(to, if to == 14 { 30 } else { 0 }, 0),
            },
        )?;
    }
    let issues = [
        ("Discharge on Fridays stalls until Monday", 3, Some((1, 1))),
        ("One care record that everyone can read", 1, Some((2, 1))),
        ("Carers are told last, not first", 2, Some((3, 1))),
        ("Home adaptations take months to arrive", 6, Some((1, 2))),
        (
            "Voluntary sector as a partner, not an afterthought",
            5,
            None,
        ),
        ("Hospital to home: the transport gap", 4, None),
    ];
    for (n, (title, convener, place)) in issues.into_iter().enumerate() {
        let issue = IssueId(n as u32 + 1);
        j.record(
            now,
            Change::IssueRaised {
                issue,
                title: title.into(),
                convener: Some(ParticipantId(convener)),
                description: String::new(),
            },
        )?;
        if let Some((space, slot)) = place {
            j.record(
                now,
                Change::IssuePlaced {
                    issue,
                    space: SpaceId(space),
                    slot: SlotId(slot),
                },
            )?;
        }
    }
    j.record(
        now,
        Change::ReportRecorded {
            issue: IssueId(1),
            report: crate::model::Report {
                attendees: 9,
                attendee_names: vec![],
                key_points: "Weekend social work cover is thin\nWards cannot see care capacity"
                    .into(),
                recommendations: "A shared weekend rota across council and trust".into(),
                follow_up: "A costed rota to the next board".into(),
            },
        },
    )?;
    Ok(j)
}

/// Watches a session unfold again, read-only.
pub fn replay(data_dir: &Path, file: &Path, theme: ThemeName) -> anyhow::Result<ExitCode> {
    let _ = (data_dir, file, theme);
    anyhow::bail!("replay is not available yet")
}
