//! Exports of a session typed by a hostile (or just international) room: commas, quotes,
//! line breaks, emoji, CJK, right-to-left text, Markdown and HTML syntax, terminal escapes.
//! Text must come back exactly through a real CSV reader, tables must stay tables, and no
//! control character may reach a terminal.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use convene::export::{Format, Options, Table, export};
use convene::model::*;
use convene::store::Meta;

const TITLES: [&str; 5] = [
    "Commas, \"quotes\", and\nnew lines 🙂",
    "中文标题，带逗号, and ASCII commas",
    "כותרת בעברית, עם פסיק",
    "Pipe | and *stars* _under_ `code` <b>tags</b> & [link](x)",
    "Escape \u{1b}[31mred\u{1b}[0m, bell\u{7}, CSI\u{9b}",
];

const NAMES: [&str; 4] = [
    "O'Brien, \"Bob\"",
    "李小龙",
    "שרה כהן",
    "Zoë 🙂 <Émoji> | Person",
];

const STEP: &str = "Step, with \"quotes\"\nand a second line 🙂";

fn start() -> DateTime<FixedOffset> {
    NaiveDate::from_ymd_opt(2026, 11, 12)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("time")
        .and_utc()
        .fixed_offset()
}

fn hostile() -> (Journal, Meta) {
    let mut t = start();
    let mut j = Journal::create(t, "Theme, with \"quotes\" | pipes\nand a line").expect("create");
    let mut rec = |j: &mut Journal, change: Change| {
        t += TimeDelta::seconds(10);
        j.record(t, change).expect("valid change");
    };
    let groups = [
        Group::Nhs,
        Group::Carer,
        Group::VoluntarySector,
        Group::ServiceUser,
    ];
    for (n, (name, group)) in NAMES.iter().zip(groups).enumerate() {
        rec(
            &mut j,
            Change::ParticipantAdded {
                participant: ParticipantId(n as u32 + 1),
                name: name.to_string(),
                organisation: Some(format!("Org, \"{n}\" | ltd")),
                group: Some(group),
            },
        );
    }
    rec(
        &mut j,
        Change::SpaceAdded {
            space: SpaceId(1),
            name: "Room, the \"big\" | one".to_string(),
        },
    );
    rec(
        &mut j,
        Change::SlotAdded {
            slot: SlotId(1),
            label: "Morning, early".to_string(),
            starts: None,
            ends: None,
        },
    );
    for (n, title) in TITLES.iter().enumerate() {
        let issue = IssueId(n as u32 + 1);
        rec(
            &mut j,
            Change::IssueRaised {
                issue,
                title: title.to_string(),
                convener: Some(ParticipantId(n as u32 % 4 + 1)),
                description: format!("{title}\n- {title}"),
            },
        );
    }
    rec(
        &mut j,
        Change::IssuePlaced {
            issue: IssueId(4),
            space: SpaceId(1),
            slot: SlotId(1),
        },
    );
    rec(
        &mut j,
        Change::ReportRecorded {
            issue: IssueId(4),
            report: Box::new(Report {
                attendees: 3,
                attendee_names: NAMES.iter().map(|n| n.to_string()).collect(),
                key_points: TITLES.join("\n"),
                recommendations: STEP.to_string(),
                follow_up: String::new(),
            }),
        },
    );
    rec(
        &mut j,
        Change::LeadAssigned {
            issue: IssueId(1),
            lead: Some(ParticipantId(2)),
        },
    );
    for p in [3, 4] {
        rec(
            &mut j,
            Change::SupporterAdded {
                issue: IssueId(1),
                participant: ParticipantId(p),
            },
        );
    }
    rec(
        &mut j,
        Change::StepAdded {
            issue: IssueId(1),
            step: StepId(1),
            text: STEP.to_string(),
            owner: Some(ParticipantId(3)),
            due: NaiveDate::from_ymd_opt(2027, 2, 28),
            horizon: Horizon::Long,
        },
    );
    rec(
        &mut j,
        Change::RoundOpened {
            round: RoundId(1),
            dots_per_person: 3,
            max_per_issue: None,
            anonymous: false,
            hidden: false,
            ballot: vec![IssueId(1), IssueId(2), IssueId(3), IssueId(4), IssueId(5)],
        },
    );
    for voter in 1..=4 {
        rec(
            &mut j,
            Change::DotAdded {
                round: RoundId(1),
                issue: IssueId(1),
                voter: Some(ParticipantId(voter)),
            },
        );
    }
    let meta = Meta {
        id: "hostile".to_string(),
        created_at: start(),
    };
    (j, meta)
}

fn loaded(j: &Journal, meta: &Meta) -> convene::store::Loaded {
    convene::store::Loaded {
        meta: meta.clone(),
        saved_at: start(),
        journal: j.clone(),
    }
}

fn csv_rows(text: &str) -> Vec<csv::StringRecord> {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    reader.records().map(|r| r.expect("valid CSV")).collect()
}

#[test]
fn issues_survive_a_round_trip_through_a_csv_reader() {
    let (j, meta) = hostile();
    let text = export(
        &loaded(&j, &meta),
        Format::Csv(Table::Issues),
        Options::default(),
    );
    assert!(text.ends_with("\r\n"), "RFC 4180 line ends");
    let rows = csv_rows(&text);
    assert_eq!(rows.len(), TITLES.len());
    for (row, issue) in rows.iter().zip(j.session.issues.values()) {
        assert_eq!(row.len(), 13);
        assert_eq!(&row[0], issue.id.to_string());
        let convener = issue.convener.map(|c| j.session.participant_name(c));
        assert_eq!(Some(&row[2]), convener);
        if !issue.title.contains('\u{1b}') {
            assert_eq!(&row[1], issue.title, "the title comes back exactly");
        }
    }
    assert_eq!(&rows[0][10], NAMES[1], "lead");
    assert_eq!(
        &rows[0][11],
        format!("{}; {}", NAMES[2], NAMES[3]),
        "supporters"
    );
    assert_eq!(&rows[0][6], "4", "votes");
    assert_eq!(
        (&rows[0][7], &rows[0][8], &rows[0][9]),
        ("0", "4", "4"),
        "tallied, named, round 1"
    );
    assert_eq!(&rows[3][3], "Room, the \"big\" | one");
    assert_eq!(&rows[3][4], "Morning, early");
}

#[test]
fn actions_survive_a_round_trip_through_a_csv_reader() {
    let (j, meta) = hostile();
    let text = export(
        &loaded(&j, &meta),
        Format::Csv(Table::Actions),
        Options::default(),
    );
    let rows = csv_rows(&text);
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(
        row.iter().collect::<Vec<_>>(),
        [
            "1",
            TITLES[0],
            STEP,
            NAMES[2],
            "2027-02-28",
            "long term",
            "not started"
        ]
    );
}

#[test]
fn no_control_character_reaches_the_output() {
    let (j, meta) = hostile();
    for format in [
        Format::Json,
        Format::Markdown,
        Format::Html,
        Format::Csv(Table::Issues),
        Format::Csv(Table::Actions),
    ] {
        for anonymous in [false, true] {
            let text = export(
                &loaded(&j, &meta),
                format,
                Options {
                    anonymous,
                    ..Options::default()
                },
            );
            let bad = text
                .chars()
                .find(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
            assert_eq!(bad, None, "{format:?} anonymous={anonymous}");
            // A lone CR could move a terminal's cursor; CSV's CRLF is the only one allowed.
            assert!(!text.replace("\r\n", "").contains('\r'), "{format:?}");
        }
    }
    let md = export(&loaded(&j, &meta), Format::Markdown, Options::default());
    assert!(
        md.contains("Escape \u{241b}\\[31mred"),
        "escapes are shown, not obeyed"
    );
}

/// Pipes that are not escaped with a backslash: the columns of a Markdown table row.
fn columns(row: &str) -> usize {
    let mut n = 0;
    let mut escaped = false;
    for c in row.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => n += 1,
            _ => escaped = false,
        }
    }
    n
}

#[test]
fn markdown_tables_keep_their_shape_and_text_is_escaped() {
    let (j, meta) = hostile();
    let md = export(&loaded(&j, &meta), Format::Markdown, Options::default());
    let mut tables = 0;
    let mut width = None;
    for line in md.lines().chain([""]) {
        if line.starts_with('|') {
            let n = columns(line);
            assert_eq!(*width.get_or_insert(n), n, "row breaks its table: {line}");
        } else {
            tables += usize::from(width.is_some());
            width = None;
        }
    }
    assert!(tables >= 3, "agenda, vote and plan tables");
    assert!(md.contains("Pipe \\| and \\*stars\\* \\_under\\_ \\`code\\` \\<b\\>tags\\</b\\>"));
    assert!(md.contains("\\[link\\](x)"));
}

#[test]
fn html_is_self_contained_and_escaped() {
    let (j, meta) = hostile();
    let html = export(&loaded(&j, &meta), Format::Html, Options::default());
    for forbidden in [
        "<script", "http://", "https://", "src=", "url(", "@import", "<b>tags",
    ] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    assert!(html.contains("&lt;b&gt;tags&lt;/b&gt; &amp; [link](x)"));
    assert!(html.contains("O&#39;Brien, &quot;Bob&quot;"));
    assert!(html.contains("<title>Theme, with &quot;quotes&quot; | pipes and a line</title>"));
}

#[test]
fn anonymous_exports_drop_hostile_names_too() {
    let (j, meta) = hostile();
    for format in [
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::Csv(Table::Issues),
    ] {
        let text = export(&loaded(&j, &meta), format, Options::anonymous());
        for name in ["李小龙", "שרה כהן", "O'Brien", "O&#39;Brien", "Zoë"] {
            assert!(!text.contains(name), "{format:?} names {name}");
        }
    }
}

#[test]
fn an_empty_session_exports_plainly() {
    let j = Journal::create(start(), "Just a theme").expect("create");
    let meta = Meta {
        id: "empty".to_string(),
        created_at: start(),
    };
    let md = export(&loaded(&j, &meta), Format::Markdown, Options::default());
    for line in [
        "No participants were recorded.",
        "No agenda wall was set up.",
        "No issues were raised.",
        "No vote was held.",
        "No action plan was recorded.",
    ] {
        assert!(md.contains(line), "{line}");
    }
    let html = export(&loaded(&j, &meta), Format::Html, Options::anonymous());
    assert!(html.contains("No vote was held.") && html.ends_with("</html>\n"));
    let csv = export(
        &loaded(&j, &meta),
        Format::Csv(Table::Actions),
        Options::default(),
    );
    assert_eq!(
        csv,
        "\u{feff}issue,issue_title,step,owner,due,horizon,status\r\n"
    );
    let json = export(&loaded(&j, &meta), Format::Json, Options::default());
    let view: convene::store::StateView = serde_json::from_str(&json).expect("json");
    assert_eq!(view.theme, "Just a theme");
}
