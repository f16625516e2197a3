//! A small room for the Vote, Leads and Closing app tests: a roster with stakeholder
//! groups, five issues with reports, and helpers to drive the app at a fixed time.

use chrono::{DateTime, FixedOffset, TimeZone};
use convene::model::{Change, Group, IssueId, Journal, ParticipantId, Report};
use convene::ui::testkit::{key, screen, type_text};
use convene::ui::{App, PaneId, Theme};
use ratatui::crossterm::event::KeyCode;

/// Tuesday 3 March 2026, 15:00 in London: fixed so dates and snapshots never move.
pub fn now() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .expect("offset")
        .with_ymd_and_hms(2026, 3, 3, 15, 0, 0)
        .single()
        .expect("a real time")
}

pub const PEOPLE: [(&str, &str, Group); 6] = [
    ("Amira Patel", "Northbridge NHS Trust", Group::Nhs),
    ("Ben Ortiz", "Northbridge Council", Group::Council),
    ("Cara Smith", "Carers Together", Group::Carer),
    ("Dev Rao", "Home Care Co", Group::CareProvider),
    ("Ella Green", "Age Well", Group::VoluntarySector),
    ("Femi Ade", "Resident", Group::ServiceUser),
];

pub const ISSUES: [&str; 5] = [
    "Getting people home from hospital on a Friday",
    "Carers' breaks that actually happen",
    "One shared care record",
    "Falls prevention at home",
    "Transport to appointments",
];

/// The room before any vote: six people in six groups, five issues, two reports.
pub fn journal() -> Journal {
    let mut j =
        Journal::create(now(), "How do we get people home from hospital well?").expect("session");
    for (n, (name, org, group)) in PEOPLE.iter().enumerate() {
        j.record(
            now(),
            Change::ParticipantAdded {
                participant: ParticipantId(n as u32 + 1),
                name: name.to_string(),
                organisation: Some(org.to_string()),
                group: Some(*group),
            },
        )
        .expect("participant");
    }
    for (n, title) in ISSUES.iter().enumerate() {
        j.record(
            now(),
            Change::IssueRaised {
                issue: IssueId(n as u32 + 1),
                title: title.to_string(),
                convener: Some(ParticipantId(n as u32 % 6 + 1)),
                description: String::new(),
            },
        )
        .expect("issue");
    }
    for issue in [1, 2] {
        j.record(
            now(),
            Change::ReportRecorded {
                issue: IssueId(issue),
                report: Box::new(Report {
                    attendees: 8,
                    key_points: "Talked it through".into(),
                    ..Report::default()
                }),
            },
        )
        .expect("report");
    }
    j
}

pub fn app_with(journal: Journal, pane: PaneId) -> App {
    let mut app = App::new(journal, "hospital".into(), Theme::projector(), now());
    app.pane = pane;
    app
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle(&key(code));
}

pub fn typed(app: &mut App, text: &str) {
    type_text(app, text);
}

pub fn notice(app: &App) -> String {
    app.notice
        .as_ref()
        .map_or(String::new(), |n| n.text.clone())
}

/// The screen at 80x24 as text.
pub fn small(app: &mut App) -> String {
    screen(app, 80, 24)
}

/// Opens a round with the form's defaults: `n`, Enter.
pub fn default_round(app: &mut App) {
    typed(app, "n");
    press(app, KeyCode::Enter);
}
