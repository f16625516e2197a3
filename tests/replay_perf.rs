//! How fast replay seeks on an extreme session (100,000 events, 1,000 issues, 300 people),
//! and how much memory its checkpoints take. Prints instead of asserting (tests never assert
//! wall-clock times); run with
//! `cargo test --release --test replay_perf -- --ignored --nocapture`.

mod common;

use convene::replay::Replayer;
use std::time::{Duration, Instant};

fn rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

#[test]
#[ignore]
fn seek_times_on_a_big_session() {
    eprintln!("-- the project's generator (convene synth)");
    measure(convene::synth::generate(&convene::synth::SynthParams {
        participants: 300,
        issues: 1000,
        events: 100_000,
        seed: 1,
    }));
    eprintln!("-- this test's own heavy day");
    measure(common::big(1, 300, 1000, 100_000));
}

fn measure(journal: convene::model::Journal) {
    let s = &journal.session;
    eprintln!(
        "{} events: {} issues, {} rounds, {} dots, {} next steps",
        journal.events.len(),
        s.issues.len(),
        s.rounds.len(),
        s.rounds.values().map(|r| r.dots_cast()).sum::<u32>(),
        s.issues.values().map(|i| i.plan.steps.len()).sum::<usize>()
    );
    let events = journal.events.clone();
    let before = rss_kb();
    let t = Instant::now();
    let mut replay = Replayer::new(events).unwrap();
    eprintln!(
        "built in {:?}: a checkpoint every {} events, about {} MB of checkpoints",
        t.elapsed(),
        replay.checkpoint_every(),
        rss_kb().saturating_sub(before) / 1024
    );
    let len = replay.len();

    // A move as the screen makes it: take the state back from the app, move, lend it again.
    let mut shown = convene::model::Session::default();
    let mut go = |replay: &mut Replayer, n: usize| {
        replay.take_back(&mut shown);
        replay.seek(n);
        replay.lend(&mut shown);
    };
    let mut rng = common::Rng::new(9);
    let mut times = vec![];
    for _ in 0..300 {
        let n = rng.below(len + 1);
        let t = Instant::now();
        go(&mut replay, n);
        times.push(t.elapsed());
    }
    times.sort();
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    eprintln!(
        "random seek: mean {mean:?}, median {:?}, 99th {:?}, slowest {:?}",
        times[times.len() / 2],
        times[times.len() * 99 / 100],
        times[times.len() - 1]
    );

    go(&mut replay, len);
    let t = Instant::now();
    for n in (len - 100..len).rev() {
        go(&mut replay, n);
    }
    eprintln!("step back from the end: mean {:?}", t.elapsed() / 100);
    let t = Instant::now();
    for n in len - 99..=len {
        go(&mut replay, n);
    }
    eprintln!("step forward: mean {:?}", t.elapsed() / 100);
    let t = Instant::now();
    let copy = journal.session.clone();
    eprintln!("one copy of the final state: {:?}", t.elapsed());
    drop(copy);
    replay.take_back(&mut shown);
    assert!(
        replay.state() == &journal.session,
        "the end is the live state"
    );
}

#[test]
#[ignore]
fn apply_cost_by_kind() {
    let journal = convene::synth::generate(&convene::synth::SynthParams {
        participants: 300,
        issues: 1000,
        events: 100_000,
        seed: 1,
    });
    let len = journal.events.len();
    let from = len - 20_000;
    let mut state = convene::model::Journal::rebuild(journal.events[..from].to_vec())
        .unwrap()
        .session;
    let mut by_kind: std::collections::BTreeMap<&str, (u32, Duration)> = Default::default();
    for e in &journal.events[from..] {
        let t = Instant::now();
        convene::model::apply(&mut state, e).unwrap();
        let took = t.elapsed();
        let entry = by_kind.entry(e.change.kind()).or_default();
        entry.0 += 1;
        entry.1 += took;
    }
    for (kind, (n, total)) in by_kind {
        eprintln!("{kind:>22}: {n:>6} × {:?}", total / n);
    }
}
