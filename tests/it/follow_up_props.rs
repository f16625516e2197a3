//! Property: a programme of follow-ups made from any valid session (days of random size from
//! the generator, random progress at each meeting) always checks clean: every file saves and
//! loads to the same session, rebuilds from its events, and what it carried agrees with the
//! earlier meeting, which is found by its id among the files.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use convene::model::followup::disagreements;
use convene::model::*;
use convene::store::{self, Meta, chain};
use convene::synth::{self, SynthParams};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn t0() -> DateTime<FixedOffset> {
    synth::start()
}

/// Saves, loads back and checks a meeting's file; returns it as the folder would hold it.
fn saved(journal: &Journal, id: &str, n: usize) -> chain::Found {
    let meta = Meta {
        id: id.into(),
        created_at: t0() + Duration::days(90 * n as i64),
    };
    let bytes = store::to_bytes(&meta, journal, meta.created_at);
    let loaded = store::parse(Path::new("p.json"), &bytes).expect("a saved follow-up loads");
    assert_eq!(loaded.journal.session, journal.session);
    let rebuilt = Journal::rebuild(journal.events.clone()).expect("the log rebuilds");
    assert_eq!(rebuilt.session, journal.session);
    let file: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let snapshot: store::StateView = serde_json::from_value(file["state"].clone()).unwrap();
    assert_eq!(snapshot, store::StateView::of(&journal.session));
    chain::Found {
        path: PathBuf::from(format!("meeting-{n}.json")),
        loaded,
    }
}

/// Progress at a meeting: each action given a status picked by `picks`, some with a note.
fn review(journal: &mut Journal, picks: &[u8], at: DateTime<FixedOffset>) {
    let actions: Vec<(IssueId, NextStep)> = journal
        .session
        .active_issues()
        .flat_map(|i| i.plan.steps.values().map(move |s| (i.id, s.clone())))
        .collect();
    for ((issue, s), pick) in actions.into_iter().zip(picks.iter().cycle()) {
        let status = StepStatus::ALL[*pick as usize % StepStatus::ALL.len()];
        let note = if pick % 3 == 0 {
            format!("note {pick}")
        } else {
            String::new()
        };
        let _ = journal.record(
            at,
            Change::ProgressRecorded {
                issue,
                step: s.id,
                status,
                note,
                due: s.due,
                owner: s.owner,
            },
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn a_chain_of_follow_ups_always_checks_clean(
        participants in 0u32..10,
        issues in 0u32..12,
        events in 1u32..240,
        seed in any::<u64>(),
        meetings in 1usize..4,
        picks in prop::collection::vec(any::<u8>(), 1..20),
    ) {
        let day = synth::generate(&SynthParams { participants, issues, events, seed });
        let mut files = vec![saved(&day, "meeting-0", 0)];
        let mut date = t0().date_naive();
        for n in 1..=meetings {
            let earlier = &files[n - 1];
            let next_date = date + Duration::days(70);
            let at = t0() + Duration::days(90 * n as i64);
            let mut journal = store::chain::follow_up(
                &earlier.loaded,
                &earlier.path.to_string_lossy(),
                at,
                next_date,
                None,
                n % 2 == 0,
            ).expect("any valid session can be followed up");
            review(&mut journal, &picks, at + Duration::minutes(5));
            let f = saved(&journal, &format!("meeting-{n}"), n);
            // What was carried agrees with the earlier meeting as it was at the link.
            prop_assert!(disagreements(&f.loaded.journal.session, &earlier.loaded.journal.session).is_empty());
            files.push(f);
            date = next_date;
        }
        // Each follow-up finds the meeting before it among all the files.
        for n in 1..files.len() {
            match chain::earlier(&files[n].loaded.journal.session, &files) {
                chain::Earlier::Agrees(f) => prop_assert_eq!(&f.loaded.meta.id, &files[n - 1].loaded.meta.id),
                _ => prop_assert!(false, "meeting {} does not find the one before", n),
            }
        }
        // The last meeting's copied history has one entry per earlier meeting an action saw.
        let last = &files[files.len() - 1].loaded.journal.session;
        let chain_len = last.follow_up.as_ref().map_or(0, |f| f.chain().len());
        prop_assert_eq!(chain_len, meetings);
        for issue in last.active_issues() {
            for s in issue.plan.steps.values() {
                prop_assert!(s.history.len() <= meetings);
                let dates: Vec<NaiveDate> = s.history.iter().map(|m| m.date).collect();
                prop_assert!(dates.windows(2).all(|w| w[0] < w[1]), "history in date order");
            }
        }
    }
}
