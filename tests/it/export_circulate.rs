//! Proceedings people can circulate: spreadsheet-safe CSV, truly anonymous exports, text
//! direction kept in its place, honest vote wording, a calendar of next steps and a
//! results table. (Checks in real clients are in `export_clients.rs`.)

use crate::support::proceedings::*;
use convene::export::{Format, Options, Table, export, review};

const ALL: [Format; 8] = [
    Format::Json,
    Format::Markdown,
    Format::Html,
    Format::Ics,
    Format::Csv(Table::Issues),
    Format::Csv(Table::Actions),
    Format::Csv(Table::Results),
    Format::Csv(Table::Issues),
];

fn rows(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

/// The cell's text as typed: one leading `'` comes off where quotes precede a formula
/// character (the README's rule).
fn source(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest)
            if rest
                .trim_start_matches('\'')
                .starts_with(['=', '+', '-', '@', '\t', '\r']) =>
        {
            rest
        }
        _ => cell,
    }
}

#[test]
fn no_csv_cell_starts_a_formula_and_every_cell_comes_back() {
    let loaded = hostile();
    for table in [Table::Issues, Table::Actions, Table::Results] {
        let text = export(&loaded, Format::Csv(table), Options::default());
        for row in rows(&text) {
            for cell in &row {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{table}: {cell:?} would be read as a formula"
                );
            }
        }
    }
    let issues = rows(&export(
        &loaded,
        Format::Csv(Table::Issues),
        Options::default(),
    ));
    let title = |n: usize| source(&issues[n][1]).to_string();
    assert_eq!(issues[2][1], format!("'{HYPERLINK}"));
    assert_eq!(title(2), HYPERLINK);
    assert_eq!(title(4), "+Plus, -minus, @at");
    assert_eq!(title(5), "Tabbed title", "the room trims titles");
    assert_eq!(issues[2][2], format!("'{EVE}"), "convener");
    let actions = rows(&export(
        &loaded,
        Format::Csv(Table::Actions),
        Options::default(),
    ));
    assert_eq!(source(&actions[2][2]), "=cmd|' /C calc'!A0");
}

#[test]
fn csv_starts_with_a_bom_unless_asked_not_to() {
    let loaded = hostile();
    let with = export(&loaded, Format::Csv(Table::Issues), Options::default());
    assert!(with.starts_with("\u{feff}number,"));
    let without = export(
        &loaded,
        Format::Csv(Table::Issues),
        Options {
            bom: false,
            ..Options::default()
        },
    );
    assert_eq!(without, with.trim_start_matches('\u{feff}'));
}

#[test]
fn every_round_has_its_column_and_votes_stays_the_latest_round() {
    let issues = rows(&export(
        &hostile(),
        Format::Csv(Table::Issues),
        Options::default(),
    ));
    assert_eq!(
        issues[0],
        [
            "number",
            "title",
            "convener",
            "space",
            "slot",
            "cancelled",
            "votes",
            "votes_tallied",
            "votes_named",
            "votes_round_1",
            "votes_round_2",
            "lead",
            "supporters",
            "triage"
        ]
    );
    let seven = &issues[3];
    assert_eq!(seven[1], "Seven dots, then none");
    assert_eq!(&seven[6..11], ["0", "0", "0", "7", "0"]);
    let plus = &issues[4];
    assert_eq!(
        &plus[6..11],
        ["0", "0", "0", "3", ""],
        "not on round 2's ballot"
    );
}

#[test]
fn tallied_and_named_dots_are_told_apart() {
    let loaded = hostile();
    for format in [Format::Markdown, Format::Html] {
        let text = export(&loaded, format, Options::default());
        assert!(
            text.contains("83 dots tallied, 3 dots from 1 named voter"),
            "{format:?}"
        );
        assert!(text.contains("4 anonymous dots"), "{format:?}");
        assert!(!text.contains("cast by"), "{format:?}");
    }
}

#[test]
fn an_unclosed_override_stays_inside_its_own_text_in_html() {
    let html = export(&hostile(), Format::Html, Options::default());
    // The plain-text rule may drop the override itself; either way the title is isolated.
    let isolated = [
        format!("<bdi>{UNCLOSED_RLO}</bdi>"),
        format!("<bdi>{}</bdi>", UNCLOSED_RLO.replace('\u{202e}', "")),
    ];
    assert!(
        isolated.iter().any(|t| html.contains(t)),
        "the title is isolated"
    );
    assert!(html.contains("(convener: <bdi>Amira Haddad</bdi>)"));
    // Every occurrence of the override is inside an isolating element.
    for (at, _) in html.match_indices('\u{202e}') {
        let open = html[..at].rfind("<bdi>");
        let close = html[..at].rfind("</bdi>");
        let in_title = html[..at].rfind("<title>") > html[..at].rfind("</title>");
        assert!(!in_title, "the page title drops direction controls");
        assert!(open > close, "an override outside <bdi> at byte {at}");
    }
}

#[test]
fn anonymous_exports_name_nobody_in_any_case_or_form() {
    let loaded = hostile();
    let mut words: Vec<&str> = vec![RENAMED];
    for name in PEOPLE.iter().chain([&RENAMED]) {
        words.push(name);
        words.extend(name.split([' ', '=']).filter(|w| w.len() > 1));
    }
    for format in ALL {
        let text = export(&loaded, format, Options::anonymous());
        for word in &words {
            assert!(
                !names(&text, word),
                "{format:?} still names {word:?}:\n{text}"
            );
        }
        for org in ["Healthwatch", "Havering"] {
            assert!(!text.contains(org), "{format:?}: a one-person organisation");
        }
    }
    let md = export(&loaded, Format::Markdown, Options::anonymous());
    // The lead, alone from her organisation, is "a participant" everywhere in her row.
    assert!(
        md.lines().any(|l| l
            == "| **2** #3 Seven dots, then none |  | a participant | Participant 5 (Council) \
                | Write to the trust, with a participant | a participant | 29 Jan 2027 \
                | medium term | done |"),
        "{md}"
    );
    assert!(
        md.contains("- **Other organisations** (1)"),
        "Healthwatch folded: {md}"
    );
    assert!(md.contains("- **Vale Trust** (3): Participant 2 (NHS)"));
    assert!(
        md.contains("A participant"),
        "a name opening a sentence keeps its capital"
    );
    assert!(md.contains("Guest 1"), "an attendee not on the roster");
}

#[test]
fn the_fold_threshold_is_an_option() {
    let loaded = hostile();
    let one = Options {
        min_group: 1,
        ..Options::anonymous()
    };
    let md = export(&loaded, Format::Markdown, one);
    assert!(md.contains("**Healthwatch Havering Vale** (1): Participant 1 (Voluntary sector)"));
    let four = Options {
        min_group: 4,
        ..Options::anonymous()
    };
    let md = export(&loaded, Format::Markdown, four);
    assert!(!md.contains("Vale Trust"), "three people is under four");
}

#[test]
fn the_review_points_at_names_nobody_listed() {
    let mut loaded = hostile();
    let at = loaded.saved_at;
    loaded
        .journal
        .record(
            at,
            convene::model::Change::IssueEdited {
                issue: convene::model::IssueId(4),
                title: "+Plus, -minus, @at".into(),
                convener: None,
                description: "We asked Bartholomew about it.".into(),
            },
        )
        .expect("edit");
    let passages = review(&loaded, Options::anonymous());
    let said: Vec<String> = passages.iter().map(ToString::to_string).collect();
    assert!(
        said.iter()
            .any(|p| p == "issue 4 description: We asked [Bartholomew] about it."),
        "{said:?}"
    );
    assert!(review(&loaded, Options::default()).is_empty());
}

#[test]
fn the_calendar_has_one_entry_per_dated_step_and_folds_its_lines() {
    let loaded = hostile();
    let ics = export(&loaded, Format::Ics, Options::default());
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains(['\n', '\r']), "CRLF only");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let unfolded = ics.replace("\r\n ", "");
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 3);
    assert!(unfolded.contains("DTSTAMP:20261112"));
    assert!(unfolded.contains("UID:0b6b3c1e-5d2a-4f7e-9c1a-2f3e4d5c6b7a-step-1@convene\r\n"));
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20270129\r\nDTEND;VALUE=DATE:20270130\r\n"));
    assert!(unfolded.contains("SUMMARY:Write to the trust\\, with Amira (Amira Haddad)\r\n"));
    assert!(unfolded.contains("Report back to the council\\; Eve\\, Ben and all"));
    assert_eq!(
        ics,
        export(&loaded, Format::Ics, Options::default()),
        "same bytes"
    );
    let anonymous = export(&loaded, Format::Ics, Options::anonymous());
    assert!(!names(&anonymous, "Amira"));
}

#[test]
fn the_results_table_shows_what_came_of_each_priority() {
    let results = rows(&export(
        &hostile(),
        Format::Csv(Table::Results),
        Options::default(),
    ));
    assert_eq!(
        results[0],
        [
            "id",
            "title",
            "description",
            "start_date",
            "end_date",
            "status",
            "progress"
        ]
    );
    assert_eq!(results.len(), 2, "one priority");
    let r = &results[1];
    assert_eq!(r[0], "3");
    assert_eq!(r[3], "2026-11-12");
    assert_eq!(r[4], "2027-03-31");
    assert_eq!(r[5], "in progress");
    assert_eq!(r[6], "25", "one of four steps done");
    assert!(r[2].contains("Lead: Amira Haddad"), "{}", r[2]);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    for format in ALL {
        for options in [Options::default(), Options::anonymous()] {
            assert_eq!(
                export(&hostile(), format, options),
                export(&hostile(), format, options),
                "{format:?}"
            );
        }
    }
}
