//! One event applied to the extreme session. Bar (issue 6): well under a millisecond, with
//! no whole-state clone per event. Each benchmark alternates a change with its opposite so
//! the session stays the same size however many iterations criterion runs; every iteration
//! applies exactly one event.

mod common;

use convene::model::*;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// Applies `first` and `second` by turns.
fn alternate(session: &mut Session, second_next: &mut bool, first: &Change, second: &Change) {
    let change = if *second_next { second } else { first };
    *second_next = !*second_next;
    let event = Event {
        seq: session.last_seq + 1,
        at: convene::synth::start(),
        part_of: None,
        from: None,
        change: change.clone(),
    };
    apply(black_box(session), black_box(&event)).expect("the rules accept it");
}

fn bench(c: &mut Criterion) {
    let f = common::extreme();
    let mut journal = f.journal;
    let at = convene::synth::start();
    let round = *journal.session.rounds.keys().last().expect("the day votes");
    if !journal.session.rounds[&round].open {
        journal.record(at, Change::RoundReopened { round }).unwrap();
    }
    let target = journal.session.rounds[&round].ballot[0];
    let issue = journal
        .session
        .active_issues()
        .last()
        .expect("issues on the wall")
        .clone();
    let mut group = c.benchmark_group("apply/extreme");

    let add = Change::DotAdded {
        round,
        issue: target,
        voter: None,
    };
    let remove = Change::DotRemoved {
        round,
        issue: target,
        voter: None,
    };
    let mut session = journal.session.clone();
    let mut turn = false;
    group.bench_function("dot added or removed", |b| {
        b.iter(|| alternate(&mut session, &mut turn, &add, &remove))
    });

    let edit = |title: &str| Change::IssueEdited {
        issue: issue.id,
        title: title.into(),
        convener: issue.convener,
        description: issue.description.clone(),
    };
    let (one, two) = (edit("Housing first, again"), edit("Housing first"));
    let mut session = journal.session.clone();
    let mut turn = false;
    group.bench_function("issue edited", |b| {
        b.iter(|| alternate(&mut session, &mut turn, &one, &two))
    });

    let mut session = journal.session.clone();
    let event = Event {
        seq: session.last_seq + 1,
        at,
        part_of: None,
        from: None,
        change: one.clone(),
    };
    apply(&mut session, &event).unwrap();
    let mut turn = false;
    group.bench_function("undo or redo of an issue edit", |b| {
        b.iter(|| alternate(&mut session, &mut turn, &Change::Undo, &Change::Redo))
    });
    group.finish();
}

/// Rebuilding 100,000 events with 30, 300 and 3,000 participants (issue 14: linear in the
/// events whatever the roster size; 3,000 within 1.3x of 300).
fn rebuild(c: &mut Criterion) {
    let mut group = c.benchmark_group("rebuild/100k events");
    group
        .sample_size(10)
        .measurement_time(std::time::Duration::from_secs(8));
    for participants in [30, 300, 3_000] {
        let params = convene::synth::SynthParams {
            participants,
            issues: 1_000,
            events: 100_000,
            seed: 1,
        };
        let events = convene::synth::generate(&params).events;
        group.bench_function(format!("{participants} participants"), |b| {
            b.iter_batched(
                || events.clone(),
                |events| Journal::rebuild(black_box(events)).unwrap(),
                criterion::BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench, rebuild);
criterion_main!(benches);
