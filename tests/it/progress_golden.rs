//! Golden files for a follow-up: the demo's follow-up meeting exported with its progress
//! report (Markdown, HTML, the CSV progress table and JSON), and a check that the day's
//! own exports stay exactly as they were.

use crate::support::golden;
use convene::demo::follow_up;
use convene::export::{Format, Options, Table, export};
use convene::store;
use std::path::Path;

const GOLDEN: [(&str, Format, bool); 7] = [
    ("demo-follow-up.ics", Format::Ics, false),
    ("demo-follow-up.md", Format::Markdown, false),
    ("demo-follow-up-anonymous.md", Format::Markdown, true),
    ("demo-follow-up.html", Format::Html, false),
    (
        "demo-follow-up-progress.csv",
        Format::Csv(Table::Progress),
        false,
    ),
    (
        "demo-follow-up-actions.csv",
        Format::Csv(Table::Actions),
        false,
    ),
    ("demo-follow-up.json", Format::Json, false),
];

/// The follow-up as a reader gets it: from its file's bytes.
fn follow_up() -> store::Loaded {
    store::parse(Path::new("demo-follow-up.json"), &follow_up::file_bytes())
        .expect("the demo follow-up loads")
}

#[test]
fn exports_of_the_demo_follow_up_match_the_golden_files() {
    let loaded = follow_up();
    let made: Vec<(&str, String)> = GOLDEN
        .iter()
        .map(|&(name, format, anonymous)| {
            let options = Options {
                anonymous,
                ..Options::default()
            };
            (name, export(&loaded, format, options))
        })
        .collect();
    golden::check(&made);
}

#[test]
fn the_report_tells_each_action_across_the_meetings() {
    let loaded = follow_up();
    let md = export(&loaded, Format::Markdown, Options::default());
    assert!(md.contains("Proceedings of the Open Space held on 16 February 2027"));
    assert!(md.contains("## Progress on the plan"));
    assert!(md.contains(
        "promised on 12 Nov 2026: due 7 Dec 2026, under way; 16 Feb 2027: done, call running every weekday since 2 December"
    ));
    assert!(md.contains("16 Feb 2027: not started, OVERDUE"));
    let csv = export(
        &loaded,
        Format::Csv(Table::Progress),
        Options {
            bom: false,
            ..Options::default()
        },
    );
    // One row per action per meeting: 19 carried actions at two meetings, one new at one.
    assert_eq!(csv.lines().count(), 1 + 19 * 2 + 1);
    assert!(
        csv.lines()
            .any(|l| l.contains(",2027-02-16,not started,,2027-01-15,") && l.ends_with(",yes"))
    );
}

#[test]
fn the_file_reads_the_same_bytes_every_time() {
    assert_eq!(follow_up::file_bytes(), follow_up::file_bytes());
    let loaded = follow_up();
    let again = store::to_bytes(&loaded.meta, &loaded.journal, loaded.saved_at);
    assert_eq!(again, follow_up::file_bytes());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.json");
    std::fs::write(&path, &again).unwrap();
    let checked = store::check(&path).expect("checks");
    assert_eq!(checked.snapshot_differs, None);
}
