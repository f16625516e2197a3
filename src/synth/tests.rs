//! The generator's promises: exact size, same bytes for the same seed, every kind of event,
//! a valid log that loads back, and a day that reads like one.

use super::*;
use crate::store;
use std::collections::BTreeSet;

const ALL_KINDS: [&str; 34] = [
    "session_created",
    "theme_set",
    "participant_added",
    "participant_updated",
    "participant_removed",
    "space_added",
    "space_renamed",
    "space_removed",
    "slot_added",
    "slot_updated",
    "slot_removed",
    "issue_raised",
    "issue_edited",
    "issue_deleted",
    "issues_merged",
    "issue_placed",
    "issue_unplaced",
    "issue_cancelled",
    "report_recorded",
    "round_opened",
    "round_closed",
    "round_reopened",
    "results_revealed",
    "dot_added",
    "dot_removed",
    "lead_assigned",
    "supporter_added",
    "supporter_removed",
    "step_added",
    "step_updated",
    "step_removed",
    "triage_set",
    "undo",
    "redo",
];

fn params(participants: u32, issues: u32, events: u32, seed: u64) -> SynthParams {
    SynthParams {
        participants,
        issues,
        events,
        seed,
    }
}

/// The typical workshop: the command's defaults.
fn typical(seed: u64) -> SynthParams {
    params(60, 40, 2000, seed)
}

fn file_bytes(p: &SynthParams) -> Vec<u8> {
    let journal = generate(p);
    let meta = store::Meta {
        id: session_id(p.seed),
        created_at: start(),
    };
    let saved = journal.events.last().map_or(start(), |e| e.at);
    store::to_bytes(&meta, &journal, saved)
}

fn kinds(journal: &Journal) -> BTreeSet<&'static str> {
    journal.events.iter().map(|e| e.change.kind()).collect()
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    let a = file_bytes(&typical(7));
    assert_eq!(a, file_bytes(&typical(7)));
    assert_ne!(a, file_bytes(&typical(8)));
    assert_eq!(session_id(7), session_id(7));
    assert_ne!(session_id(7), session_id(8));
    let id = uuid::Uuid::parse_str(&session_id(7)).unwrap();
    assert_eq!(id.get_version_num(), 4);
}

#[test]
fn exactly_the_events_asked_for() {
    for (people, issues) in [(0, 0), (1, 1), (5, 3), (60, 40), (300, 1000)] {
        for events in [0, 1, 2, 3, 10, 57, 300, 1001] {
            let journal = generate(&params(people, issues, events, 3));
            assert_eq!(
                journal.events.len(),
                events as usize,
                "{people}/{issues}/{events}"
            );
            for (n, e) in journal.events.iter().enumerate() {
                assert_eq!(e.seq, n as u64 + 1);
            }
            let rebuilt = Journal::rebuild(journal.events.clone()).expect("a valid log");
            assert_eq!(rebuilt, journal);
        }
    }
}

#[test]
fn every_kind_of_event_appears_at_typical_size() {
    for seed in 0..6 {
        let journal = generate(&typical(seed));
        let missing: Vec<_> = ALL_KINDS
            .iter()
            .filter(|k| !kinds(&journal).contains(*k))
            .collect();
        assert!(missing.is_empty(), "seed {seed} lacks {missing:?}");
    }
    // ALL_KINDS is every kind there is: a new kind of change must be added to the generator.
    assert_eq!(
        ALL_KINDS.len(),
        ALL_KINDS.iter().collect::<BTreeSet<_>>().len()
    );
}

#[test]
fn the_room_has_the_size_asked_for() {
    let journal = generate(&typical(1));
    let s = &journal.session;
    assert_eq!(s.participants.len(), 60);
    // Ids are handed out in order, so the next one tells how many issues were raised.
    assert_eq!(s.next_issue_id(), IssueId(41));
    assert!(s.active_issues().count() >= 35);
    assert!(s.spaces.len() >= 5 && s.slots.len() >= 3);
    assert!(s.issues.values().any(|i| i.merged_into.is_some()));
    assert!(s.issues.values().filter(|i| !i.report.is_empty()).count() >= 20);
    assert_eq!(s.rounds.len(), 2);
    let first = &s.rounds[&RoundId(1)];
    assert!(!first.anonymous && first.hidden && first.revealed && !first.open);
    assert!(!first.ballots.is_empty() && !first.tallies.is_empty());
    let second = &s.rounds[&RoundId(2)];
    assert!(second.anonymous && second.ballots.is_empty() && second.dots_cast() > 0);
    assert!(second.ballot.len() < first.ballot.len());
    let led = s.active_issues().filter(|i| i.plan.lead.is_some()).count();
    assert!(led >= 5, "{led} leads");
    let steps: Vec<&NextStep> = s
        .issues
        .values()
        .flat_map(|i| i.plan.steps.values())
        .collect();
    assert!(steps.len() >= 5);
    assert!(steps.iter().any(|st| st.due.is_some()));
    assert!(s.issues.values().any(|i| i.plan.triage.is_some()));
    let groups: BTreeSet<_> = s.participants.values().filter_map(|p| p.group).collect();
    assert!(groups.len() >= 5);
    assert!(s.organisation_count() >= 5);
}

#[test]
fn times_run_through_the_day_from_nine() {
    let journal = generate(&typical(2));
    let times: Vec<_> = journal.events.iter().map(|e| e.at).collect();
    assert_eq!(times[0], start());
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
    let last = *times.last().unwrap();
    assert!(last < start() + Duration::hours(8));
    assert!(last > start() + Duration::hours(7));
    // Voting comes after the last breakout, and leads after voting.
    let first = |kind: &str| {
        journal
            .events
            .iter()
            .find(|e| e.change.kind() == kind)
            .unwrap()
            .at
    };
    let last_slot_ends = journal
        .session
        .slots
        .values()
        .filter_map(|s| s.ends)
        .max()
        .unwrap();
    assert!(first("round_opened").time() >= last_slot_ends - Duration::minutes(5));
    assert!(first("lead_assigned") > first("round_closed"));
    assert!(first("issue_raised") < start() + Duration::minutes(45));
}

#[test]
fn the_written_file_loads_and_its_snapshot_checks_clean() {
    let p = typical(4);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("synth.json");
    store::write_atomic(&path, &file_bytes(&p)).unwrap();
    let checked = store::check(&path).expect("loads");
    assert_eq!(checked.snapshot_differs, None);
    assert_eq!(checked.loaded.journal, generate(&p));
    assert_eq!(checked.loaded.meta.id, session_id(4));
}

#[test]
fn budgets_hold_and_totals_add_up_in_every_round() {
    for seed in 0..4 {
        let journal = generate(&params(40, 25, 1500, seed));
        for round in journal.session.rounds.values() {
            for (voter, ballot) in &round.ballots {
                assert!(round.spent_by(*voter) <= round.dots_per_person);
                if let Some(max) = round.max_per_issue {
                    assert!(ballot.values().all(|n| *n <= max));
                }
            }
            for issue in &round.ballot {
                let named: u32 = round.ballots.values().filter_map(|b| b.get(issue)).sum();
                let tally = round.tallies.get(issue).copied().unwrap_or(0);
                assert_eq!(round.total(*issue), named + tally);
            }
        }
    }
}

#[test]
fn a_large_session_is_valid_throughout() {
    let p = params(300, 1000, 20_000, 9);
    let journal = generate(&p);
    assert_eq!(journal.events.len(), 20_000);
    assert_eq!(journal.session.participants.len(), 300);
    assert_eq!(journal.session.next_issue_id(), IssueId(1001));
    for kind in ALL_KINDS {
        assert!(kinds(&journal).contains(kind), "{kind}");
    }
}
