//! Replay seeks on the extreme session. Bar (issue 6): under 16 ms each. A seek starts from
//! the nearest checkpoint before the target and applies events forward, so besides random
//! positions the worst case is measured: targets just before the next checkpoint, where a
//! seek applies a whole interval of events.

mod common;

use convene::replay::Replayer;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let f = common::extreme();
    let mut replay = Replayer::new(f.journal.events).expect("a valid log");
    let len = replay.len();
    let every = replay.checkpoint_every();
    let mut group = c.benchmark_group("replay/extreme");
    group.measurement_time(Duration::from_secs(5));

    // A fixed pseudo-random walk (splitmix64), so every run seeks to the same places.
    let mut seed = 0x5EEDu64;
    let mut random = move || {
        seed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) as usize
    };
    group.bench_function("seek to a random position", |b| {
        b.iter(|| replay.seek(black_box(random() % (len + 1))))
    });

    // Two targets, each the last event before a checkpoint, so every seek goes back to a
    // checkpoint and applies `every` events.
    let far = [every, len / every * every];
    let mut turn = 0;
    group.bench_function(
        format!("seek applying a whole interval ({every} events)"),
        |b| {
            b.iter(|| {
                turn ^= 1;
                replay.seek(black_box(far[turn]))
            })
        },
    );

    replay.seek(len / 2);
    group.bench_function("step forward and back", |b| {
        b.iter(|| {
            replay.step_forward();
            replay.step_back()
        })
    });
    group.finish();
}

/// Building a replay: one pass over the log applies every event, checking it, and lays
/// down the checkpoints (issue 14: no second pass, at most about 50 copies of the state).
fn build(c: &mut Criterion) {
    let f = common::extreme();
    let events = f.journal.events;
    let mut group = c.benchmark_group("replay/extreme");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("build: one pass, checkpoints included", |b| {
        b.iter_batched(
            || events.clone(),
            |events| Replayer::new(black_box(events)).unwrap(),
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench, build);
criterion_main!(benches);
