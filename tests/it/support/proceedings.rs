//! Sessions for the proceedings that leave the room: the demo, a 40-space synthetic day, and
//! a room whose typed text attacks spreadsheets, text direction and anonymity at once.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use convene::model::*;
use convene::store::{self, Loaded, Meta};
use std::path::Path;

pub const HYPERLINK: &str = "=HYPERLINK(\"http://evil.example/\",\"click\")";
pub const UNCLOSED_RLO: &str = "Unterminated \u{202e}override here";
pub const EVE: &str = "=Eve Formula";
/// Markup, mixed scripts and a word no column is wide enough for.
pub const LONG_TITLE: &str = "Pipe | *stars* <b>tags</b> & [link](x) כותרת בעברית \
    Supercalifragilisticexpialidocious-and-then-some-more-without-a-single-space-to-break-at";

/// Every name anyone in the hostile session ever had (roster, old names, removed people,
/// attendees written on a report), which an anonymous export must not contain.
pub const PEOPLE: [&str; 10] = [
    "Amira Haddad",
    "Siobhán Kelly",
    "Tomasz Wiśniewski",
    "Ben Okafor",
    EVE,
    "Gareth Jones",
    "Priya Raman",
    "Kwame Boateng",
    "Doreen Whitfield",
    "Joan Pritchard",
];
/// Kwame Boateng's name after the organiser corrected it.
pub const RENAMED: &str = "Kwame Asante";

pub fn demo() -> Loaded {
    store::parse(
        Path::new("assets/demo.json"),
        convene::demo::DEMO_JSON.as_bytes(),
    )
    .expect("demo loads")
}

/// A day of 40 spaces and six slots with 225 placed issues: wider than any page.
pub fn forty_spaces() -> Loaded {
    let journal = convene::synth::generate(&convene::synth::SynthParams {
        participants: 120,
        issues: 265,
        events: 3000,
        seed: 1,
    });
    Loaded {
        meta: Meta {
            id: convene::synth::session_id(1),
            created_at: convene::synth::start(),
        },
        saved_at: convene::synth::start() + TimeDelta::hours(8),
        journal,
    }
}

fn start() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-12T09:00:00+00:00").expect("time")
}

/// The hostile room. Issue 1 has an unclosed right-to-left override and Amira convenes it;
/// issue 2 is a spreadsheet formula; issue 3 has 7 dots in round 1 and none in round 2;
/// round 1 has 83 tallied dots and 3 from one named voter.
pub fn hostile() -> Loaded {
    let mut t = start();
    let mut j = Journal::create(t, "Proceedings, =SUM(A1) and \u{202e}direction").expect("create");
    let mut rec = |j: &mut Journal, change: Change| {
        t += TimeDelta::seconds(5);
        j.record(t, change).expect("valid change");
    };
    let people: [(&str, Option<&str>, Group); 9] = [
        (
            "Amira Haddad",
            Some("Healthwatch Havering Vale"),
            Group::VoluntarySector,
        ),
        ("Siobhán Kelly", Some("Vale Trust"), Group::Nhs),
        ("Tomasz Wiśniewski", Some("Vale Trust"), Group::Nhs),
        ("Ben Okafor", Some("Vale Trust"), Group::Nhs),
        (EVE, Some("Vale Council"), Group::Council),
        ("Gareth Jones", Some("Vale Council"), Group::Council),
        ("Priya Raman", Some("Vale Council"), Group::Council),
        ("Kwame Boateng", None, Group::Carer),
        ("Doreen Whitfield", None, Group::ServiceUser),
    ];
    for (n, (name, org, group)) in people.iter().enumerate() {
        rec(
            &mut j,
            Change::ParticipantAdded {
                participant: ParticipantId(n as u32 + 1),
                name: name.to_string(),
                organisation: org.map(str::to_string),
                group: Some(*group),
            },
        );
    }
    rec(
        &mut j,
        Change::ParticipantUpdated {
            participant: ParticipantId(8),
            name: RENAMED.to_string(),
            organisation: None,
            group: Some(Group::Carer),
        },
    );
    rec(
        &mut j,
        Change::ParticipantRemoved {
            participant: ParticipantId(9),
        },
    );
    rec(
        &mut j,
        Change::SpaceAdded {
            space: SpaceId(1),
            name: "Hall".to_string(),
        },
    );
    rec(
        &mut j,
        Change::SlotAdded {
            slot: SlotId(1),
            label: "Morning".to_string(),
            starts: None,
            ends: None,
        },
    );
    let titles = [
        UNCLOSED_RLO,
        HYPERLINK,
        "Seven dots, then none",
        "+Plus, -minus, @at",
        "\tTabbed title",
        LONG_TITLE,
    ];
    for (n, title) in titles.iter().enumerate() {
        rec(
            &mut j,
            Change::IssueRaised {
                issue: IssueId(n as u32 + 1),
                title: title.to_string(),
                convener: Some(ParticipantId(if n == 0 { 1 } else { 5 })),
                description: match n {
                    0 => "amira haddad and AMIRA HADDAD raised it; Amira said it matters.".into(),
                    5 => "Escape \u{1b}[31mred\u{1b}[0m, bell\u{7}, CSI\u{9b} 🙂 中文标题".into(),
                    2 => "Haddad's idea, backed by Siobhan KELLY and wisniewski.".into(),
                    _ => String::new(),
                },
            },
        );
    }
    rec(
        &mut j,
        Change::IssuePlaced {
            issue: IssueId(3),
            space: SpaceId(1),
            slot: SlotId(1),
        },
    );
    rec(
        &mut j,
        Change::SpaceAdded {
            space: SpaceId(2),
            name: "Room with a very long name that goes on, and on".to_string(),
        },
    );
    rec(
        &mut j,
        Change::IssuePlaced {
            issue: IssueId(6),
            space: SpaceId(2),
            slot: SlotId(1),
        },
    );
    rec(
        &mut j,
        Change::ReportRecorded {
            issue: IssueId(3),
            report: Box::new(Report {
                attendees: 4,
                attendee_names: vec![
                    "Ben Okafor".into(),
                    "Joan Pritchard".into(),
                    "kwame asante".into(),
                ],
                key_points: "Kwame Boateng (as he was then) and Boateng's carers spoke.\n\
                             Doreen Whitfield left early; Whitfield sent notes.\n\
                             Pritchard and Joan agreed with Okafor. Eve Formula took notes.\n\
                             Gareth, Priya and Tomasz will follow up with Siobhán."
                    .into(),
                recommendations: "Ask Dr Haddad; ask RAMAN; ask Jones.".into(),
                follow_up: "Ben to write to Kelly.".into(),
            }),
        },
    );
    rec(
        &mut j,
        Change::LeadAssigned {
            issue: IssueId(3),
            lead: Some(ParticipantId(1)),
        },
    );
    rec(
        &mut j,
        Change::SupporterAdded {
            issue: IssueId(3),
            participant: ParticipantId(5),
        },
    );
    let steps = [
        (
            "Write to the trust, with Amira",
            Some(1),
            Some((2027, 1, 29)),
            StepStatus::Done,
        ),
        (
            "=cmd|' /C calc'!A0",
            Some(5),
            Some((2027, 2, 28)),
            StepStatus::UnderWay,
        ),
        (
            "Report back to the council; Eve, Ben and all",
            Some(4),
            Some((2027, 3, 31)),
            StepStatus::NotStarted,
        ),
        ("Think about it", None, None, StepStatus::NotStarted),
    ];
    for (n, (text, owner, due, status)) in steps.iter().enumerate() {
        let step = StepId(n as u32 + 1);
        let due = due.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        rec(
            &mut j,
            Change::StepAdded {
                issue: IssueId(3),
                step,
                text: text.to_string(),
                owner: owner.map(ParticipantId),
                due,
                horizon: Horizon::Medium,
            },
        );
        if *status != StepStatus::NotStarted {
            rec(
                &mut j,
                Change::StepUpdated {
                    issue: IssueId(3),
                    step,
                    text: text.to_string(),
                    owner: owner.map(ParticipantId),
                    due,
                    horizon: Horizon::Medium,
                    status: *status,
                },
            );
        }
    }
    // Round 1: 83 dots counted off the wall and 3 from one named voter.
    rec(
        &mut j,
        Change::RoundOpened {
            round: RoundId(1),
            dots_per_person: 3,
            max_per_issue: None,
            anonymous: false,
            hidden: false,
            ballot: vec![IssueId(1), IssueId(2), IssueId(3), IssueId(4)],
        },
    );
    for n in 0..83 {
        let issue = if n < 7 {
            IssueId(3)
        } else {
            IssueId(1 + n % 2)
        };
        rec(
            &mut j,
            Change::DotAdded {
                round: RoundId(1),
                issue,
                voter: None,
            },
        );
    }
    for _ in 0..3 {
        rec(
            &mut j,
            Change::DotAdded {
                round: RoundId(1),
                issue: IssueId(4),
                voter: Some(ParticipantId(2)),
            },
        );
    }
    rec(&mut j, Change::RoundClosed { round: RoundId(1) });
    rec(
        &mut j,
        Change::RoundOpened {
            round: RoundId(2),
            dots_per_person: 2,
            max_per_issue: None,
            anonymous: true,
            hidden: false,
            ballot: vec![IssueId(1), IssueId(3)],
        },
    );
    for _ in 0..4 {
        rec(
            &mut j,
            Change::DotAdded {
                round: RoundId(2),
                issue: IssueId(1),
                voter: None,
            },
        );
    }
    rec(&mut j, Change::RoundClosed { round: RoundId(2) });
    Loaded {
        meta: Meta {
            id: "0b6b3c1e-5d2a-4f7e-9c1a-2f3e4d5c6b7a".to_string(),
            created_at: start(),
        },
        saved_at: t,
        journal: j,
    }
}

/// Text lower-cased without accents, for "does this name appear in any case".
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `word` stands in `text` as a whole word, ignoring case and accents.
pub fn names(text: &str, word: &str) -> bool {
    let (text, word) = (fold(text), fold(word));
    text.match_indices(&word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}
