//! Issue 10: names files and issues CSVs read in one pass, and rosters checked through an
//! index, so the time grows with the rows and not with their square. Reading 10k, 100k
//! and 1M CSV rows; making a roster of 10k and 100k names (and 50k names sharing a
//! 190-character prefix, once the worst case) and loading the saved file again.

use chrono::{DateTime, FixedOffset};
use convene::model::{Change, Journal};
use convene::sheet::{parse_issues, parse_names};
use convene::store;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::time::Duration;

fn at() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-05-01T09:00:00+01:00").unwrap()
}

fn issues_csv(rows: usize) -> Vec<u8> {
    let mut text = String::from("title,convener,description\n");
    for n in 0..rows {
        text.push_str(&format!(
            "Issue number {n},Person {},\"A description, with a comma\nand a second line\"\n",
            n % 500
        ));
    }
    text.into_bytes()
}

/// One name per line: "Person 0000042", or the prefix and the number (200 characters at
/// most, the longest name there may be).
fn names(rows: usize, prefix: &str) -> String {
    let prefix = if prefix.is_empty() { "Person " } else { prefix };
    (0..rows).map(|n| format!("{prefix}{n:07}\n")).collect()
}

fn roster(text: &str) -> Journal {
    let mut journal = Journal::create(at(), "Roster").unwrap();
    for person in parse_names(text).unwrap() {
        let change = Change::ParticipantAdded {
            participant: journal.session.next_participant_id(),
            name: person.name,
            organisation: person.organisation,
            group: person.group,
        };
        journal.record(at(), change).unwrap();
    }
    journal
}

fn csv_rows(c: &mut Criterion) {
    let mut group = c.benchmark_group("sheet/issues csv");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    for rows in [10_000, 100_000, 1_000_000] {
        let bytes = issues_csv(rows);
        group.bench_with_input(BenchmarkId::from_parameter(rows), &bytes, |b, bytes| {
            b.iter(|| assert_eq!(parse_issues(bytes).unwrap().len(), rows))
        });
    }
    group.finish();
}

fn roster_names(c: &mut Criterion) {
    let mut group = c.benchmark_group("sheet/names");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    let prefix = "x".repeat(190);
    for (label, rows, prefix) in [
        ("10000", 10_000, ""),
        ("100000", 100_000, ""),
        (
            "50000 sharing a 190-character prefix",
            50_000,
            prefix.as_str(),
        ),
    ] {
        let text = names(rows, prefix);
        group.bench_with_input(BenchmarkId::new("read and add", label), &text, |b, text| {
            b.iter(|| assert_eq!(roster(text).session.participants.len(), rows))
        });
        let journal = roster(&text);
        let bytes = store::to_bytes(&store::Meta::new(at()), &journal, at());
        group.bench_with_input(BenchmarkId::new("load", label), &bytes, |b, bytes| {
            b.iter(|| store::parse(Path::new("roster.json"), bytes).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, csv_rows, roster_names);
criterion_main!(benches);
