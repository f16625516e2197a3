//! Golden files: every export of the demo session, checked in under `tests/golden/`, so any
//! change to what the proceedings say is seen in review.

use crate::support::golden;
use crate::support::proceedings::demo;
use convene::export::{Format, Options, Table, export};
use convene::store;

const GOLDEN: [(&str, Format, bool); 9] = [
    ("demo.md", Format::Markdown, false),
    ("demo-anonymous.md", Format::Markdown, true),
    ("demo-issues.csv", Format::Csv(Table::Issues), false),
    ("demo-actions.csv", Format::Csv(Table::Actions), false),
    ("demo-results.csv", Format::Csv(Table::Results), false),
    ("demo.ics", Format::Ics, false),
    ("demo.html", Format::Html, false),
    ("demo.json", Format::Json, false),
    ("demo-anonymous.json", Format::Json, true),
];

fn options(anonymous: bool) -> Options {
    Options {
        anonymous,
        ..Options::default()
    }
}

#[test]
fn exports_of_the_demo_match_the_golden_files() {
    let demo = demo();
    let made: Vec<(&str, String)> = GOLDEN
        .iter()
        .map(|&(name, format, anonymous)| (name, export(&demo, format, options(anonymous))))
        .collect();
    golden::check(&made);
}

#[test]
fn the_json_export_is_the_state_view_with_a_date() {
    let demo = demo();
    let text = export(&demo, Format::Json, Options::default());
    let view: store::StateView = serde_json::from_str(&text).expect("reads as a StateView");
    assert_eq!(view, store::StateView::of(&demo.journal.session));
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(value["date"], "2026-11-12");
    assert_eq!(value["anonymous"], false);
    assert!(value["issues"].as_array().is_some_and(|a| a.len() >= 12));
}

#[test]
fn exports_are_deterministic_whichever_way_the_session_is_made() {
    let loaded = demo();
    let built = convene::demo::build();
    for (_, format, anonymous) in GOLDEN {
        let options = options(anonymous);
        let a = export(&loaded, format, options);
        let b = export(&demo(), format, options);
        let built = store::Loaded {
            meta: convene::demo::meta(),
            saved_at: convene::demo::saved_at(),
            journal: built.clone(),
        };
        let c = export(&built, format, options);
        assert!(a == b && b == c, "{format:?} anonymous={anonymous}");
    }
}

#[test]
fn the_anonymous_exports_name_nobody() {
    let demo = demo();
    let session = &demo.journal.session;
    let mut names: Vec<String> = session
        .participants
        .values()
        .map(|p| p.name.clone())
        .collect();
    // Someone who signed a breakout sheet without being on the roster.
    names.push("Joan Pritchard".to_string());
    for issue in session.issues.values() {
        names.extend(issue.report.attendee_names.iter().cloned());
    }
    // Surnames alone too ("Okonkwo-Brown", "Wiśniewski"): none may be left in free text.
    let surnames: Vec<String> = names
        .iter()
        .filter_map(|n| n.split_whitespace().last().map(str::to_string))
        .collect();
    for format in [
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::Csv(Table::Issues),
        Format::Csv(Table::Actions),
    ] {
        let text = export(&demo, format, Options::anonymous());
        for word in names.iter().chain(&surnames) {
            assert!(!contains_word(&text, word), "{format:?} names {word}");
        }
        assert!(text.contains("Participant 2 (NHS)"), "{format:?}");
    }
    let md = export(&demo, Format::Markdown, Options::anonymous());
    assert!(
        md.contains("Guest 1"),
        "attendees not on the roster get a neutral label"
    );
    assert!(
        md.contains("Vale and Thames NHS Foundation Trust"),
        "organisations with three people or more stay"
    );
    for small in ["Havering Vale Carers' Centre", "Healthwatch Havering Vale"] {
        assert!(
            !md.contains(small),
            "{small} has one person: it would name them"
        );
    }
    assert!(md.contains("- **Other organisations** (11)"), "{md}");
}

/// Whether `word` occurs in `text` with no letter or digit right before or after it
/// ("Tran" is a name; "Transport" is not).
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}
