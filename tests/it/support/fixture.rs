//! A small realistic session for the screen tests, built through the real event log, and
//! helpers to drive the app on a test terminal.

use chrono::{DateTime, FixedOffset, NaiveTime, TimeZone};
use convene::model::*;
use convene::ui::{App, Theme};

pub fn at(hour: u32, minute: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .expect("utc")
        .with_ymd_and_hms(2026, 3, 14, hour, minute, 0)
        .single()
        .expect("a valid time")
}

pub const THEME: &str = "How do we get people home from hospital well, and keep them well at home?";

/// An empty session on the long theme.
pub fn empty() -> Journal {
    Journal::create(at(9, 0), THEME).expect("creates")
}

fn record(j: &mut Journal, change: Change) {
    j.record(at(9, 30), change)
        .expect("fixture changes are valid");
}

/// Twelve people, three spaces, two slots, eight issues (some placed, one with a report),
/// and a round of dots.
pub fn fixture() -> Journal {
    let mut j = empty();
    let people = [
        ("Amira Patel", "Bromley Council", Group::Council),
        ("Sam Hale", "Carers Together", Group::Carer),
        ("Jo Green", "St Mary's NHS Trust", Group::Nhs),
        ("Kit Moss", "Homecare Plus", Group::CareProvider),
        ("Priya Shah", "Age Well Bromley", Group::VoluntarySector),
        ("Tom Reyes", "", Group::ServiceUser),
        ("Lena Fischer", "St Mary's NHS Trust", Group::Nhs),
        ("Ola Adeyemi", "Bromley Council", Group::Council),
        ("Ben Clarke", "Homecare Plus", Group::CareProvider),
        ("Mei Chen", "Carers Together", Group::Carer),
    ];
    for (n, (name, org, group)) in people.iter().enumerate() {
        record(
            &mut j,
            Change::ParticipantAdded {
                participant: ParticipantId(n as u32 + 1),
                name: name.to_string(),
                organisation: (!org.is_empty()).then(|| org.to_string()),
                group: Some(*group),
            },
        );
    }
    for (n, name) in ["Garden room", "Library", "Main hall"].iter().enumerate() {
        record(
            &mut j,
            Change::SpaceAdded {
                space: SpaceId(n as u32 + 1),
                name: name.to_string(),
            },
        );
    }
    for (n, (label, from, to)) in [("11:00", (11, 0), (12, 0)), ("13:30", (13, 30), (14, 30))]
        .iter()
        .enumerate()
    {
        record(
            &mut j,
            Change::SlotAdded {
                slot: SlotId(n as u32 + 1),
                label: label.to_string(),
                starts: NaiveTime::from_hms_opt(from.0, from.1, 0),
                ends: NaiveTime::from_hms_opt(to.0, to.1, 0),
            },
        );
    }
    let issues = [
        ("Discharge on Fridays stalls until Monday", 3),
        ("One care record that everyone can read", 1),
        ("Carers are told last, not first", 2),
        ("Home adaptations take months to arrive", 6),
        ("Who pays for the first six weeks of care at home?", 8),
        ("Voluntary sector as a partner, not an afterthought", 5),
        ("Hospital to home: the transport gap", 4),
        ("Loneliness after discharge", 10),
    ];
    for (n, (title, convener)) in issues.iter().enumerate() {
        record(
            &mut j,
            Change::IssueRaised {
                issue: IssueId(n as u32 + 1),
                title: title.to_string(),
                convener: Some(ParticipantId(*convener)),
                description: String::new(),
            },
        );
    }
    record(
        &mut j,
        Change::IssueEdited {
            issue: IssueId(1),
            title: issues[0].0.to_string(),
            convener: Some(ParticipantId(3)),
            description: "Patients fit to leave on Friday wait for a social worker on Monday."
                .to_string(),
        },
    );
    for (issue, space, slot) in [(1, 1, 1), (2, 2, 1), (3, 3, 1), (4, 1, 2), (5, 2, 2)] {
        record(
            &mut j,
            Change::IssuePlaced {
                issue: IssueId(issue),
                space: SpaceId(space),
                slot: SlotId(slot),
            },
        );
    }
    record(
        &mut j,
        Change::ReportRecorded {
            issue: IssueId(1),
            report: Box::new(Report {
                attendees: 9,
                attendee_names: vec![],
                key_points: "Weekend social work cover is thin\nWards do not see care capacity"
                    .to_string(),
                recommendations: "A shared weekend rota across council and trust".to_string(),
                follow_up: "Amira to bring a costed rota to the March board".to_string(),
            }),
        },
    );
    record(
        &mut j,
        Change::RoundOpened {
            round: RoundId(1),
            dots_per_person: 3,
            max_per_issue: None,
            anonymous: true,
            hidden: false,
            ballot: (1..=8).map(IssueId).collect(),
        },
    );
    for (issue, dots) in [(1, 7), (2, 5), (3, 4), (5, 2), (8, 1)] {
        for _ in 0..dots {
            record(
                &mut j,
                Change::DotAdded {
                    round: RoundId(1),
                    issue: IssueId(issue),
                    voter: None,
                },
            );
        }
    }
    j
}

/// The app on a journal at a fixed time, projector theme.
pub fn app(journal: Journal) -> App {
    App::new(journal, "fixture".into(), Theme::projector(), at(10, 42))
}
