//! The state replay shows at position N is exactly the state rebuilt from the first N events,
//! for random sessions (a seeded walk of this test's own, and the project's generator of
//! realistic days), random checkpoint spacings and random orders of seeking.

use crate::support::day;
use convene::model::Journal;
use convene::replay::{Builder, Replayer};
use convene::synth::{SynthParams, generate};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn state_at_n_equals_rebuild_of_first_n(
        seed in any::<u64>(),
        steps in 1usize..600,
        every in 1usize..64,
        seeks in proptest::collection::vec(any::<prop::sample::Index>(), 1..12),
    ) {
        let journal = day::walk(seed, steps);
        let events = journal.events.clone();
        let mut replay = Replayer::with_checkpoint_every(events.clone(), every).unwrap();
        for seek in seeks {
            let n = seek.index(events.len() + 1);
            replay.seek(n);
            let rebuilt = Journal::rebuild(events[..n].to_vec()).unwrap();
            prop_assert_eq!(replay.position(), n);
            prop_assert_eq!(replay.state(), &rebuilt.session, "at {} of {}", n, events.len());
            // One step forward from there is the next rebuild too.
            if replay.step_forward() {
                let next = Journal::rebuild(events[..n + 1].to_vec()).unwrap();
                prop_assert_eq!(replay.state(), &next.session);
            }
        }
        replay.seek(events.len());
        prop_assert_eq!(replay.state(), &journal.session);
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 32,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// The same on the project's generator of realistic days (every kind of event).
    #[test]
    fn state_at_n_equals_rebuild_on_synthetic_days(
        seed in any::<u64>(),
        participants in 3u32..60,
        issues in 2u32..40,
        events in 1u32..900,
        every in 1usize..80,
        seeks in proptest::collection::vec(any::<prop::sample::Index>(), 1..10),
    ) {
        let journal = generate(&SynthParams { participants, issues, events, seed });
        let events = journal.events.clone();
        let mut replay = Replayer::with_checkpoint_every(events.clone(), every).unwrap();
        for seek in seeks {
            let n = seek.index(events.len() + 1);
            replay.seek(n);
            let rebuilt = Journal::rebuild(events[..n].to_vec()).unwrap();
            prop_assert_eq!(replay.state(), &rebuilt.session, "at {} of {}", n, events.len());
        }
        replay.seek(events.len());
        prop_assert_eq!(replay.state(), &journal.session);
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 32,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// A log read behind the screen comes in pieces cut anywhere: while it is being built
    /// the replay shows only whole steps, each state right; once complete it is the replay
    /// of the whole log, with the same marks.
    #[test]
    fn a_log_built_in_random_pieces_replays_as_the_whole(
        seed in any::<u64>(),
        steps in 1usize..500,
        every in 1usize..40,
        cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..8),
        seeks in proptest::collection::vec(any::<prop::sample::Index>(), 1..8),
    ) {
        let journal = day::walk(seed, steps);
        let events = journal.events.clone();
        let mut cuts: Vec<usize> = cuts.iter().map(|c| c.index(events.len() + 1)).collect();
        cuts.sort();
        cuts.push(events.len());
        let mut builder = Builder::with_every(every);
        let mut replay = Replayer::building();
        let mut from = 0;
        for cut in cuts {
            replay.absorb(builder.add(events[from..cut].to_vec()).unwrap());
            from = cut;
            prop_assert!(replay.len() <= cut);
            let n = seeks[0].index(replay.len() + 1);
            replay.seek(n);
            let rebuilt = Journal::rebuild(events[..replay.position()].to_vec()).unwrap();
            prop_assert_eq!(replay.state(), &rebuilt.session);
        }
        replay.absorb(builder.finish());
        replay.completed();
        prop_assert_eq!(replay.len(), events.len());
        let whole = Replayer::new(events.clone()).unwrap();
        prop_assert_eq!(replay.marks(), whole.marks());
        for seek in seeks {
            let n = seek.index(events.len() + 1);
            replay.seek(n);
            let at = replay.position();
            let rebuilt = Journal::rebuild(events[..at].to_vec()).unwrap();
            prop_assert_eq!(replay.state(), &rebuilt.session, "at {} of {}", n, events.len());
        }
    }
}

#[test]
fn default_spacing_on_a_long_walk_matches_at_checkpoint_edges() {
    let journal = day::walk(11, 3000);
    let events = journal.events.clone();
    let mut replay = Replayer::new(events.clone()).unwrap();
    let k = replay.checkpoint_every();
    assert!(events.len() > 2 * k, "the walk crosses checkpoints");
    for n in [k - 1, k, k + 1, 2 * k, 1, events.len(), k] {
        replay.seek(n);
        let rebuilt = Journal::rebuild(events[..n].to_vec()).unwrap();
        assert_eq!(replay.state(), &rebuilt.session, "at {n}");
    }
}

#[test]
fn the_walk_reaches_every_phase() {
    let journal = day::walk(3, 800);
    let replay = Replayer::new(journal.events.clone()).unwrap();
    assert_eq!(replay.marks().len(), 4, "{:?}", replay.marks());
    assert!(journal.events.len() > 400, "{}", journal.events.len());
}
