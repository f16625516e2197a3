use super::*;
use crate::model::{Group, Horizon, StepStatus};
use std::collections::BTreeSet;
use std::path::Path;

const REGENERATE: &str = "CONVENE_REGENERATE_DEMO";

#[test]
fn the_asset_is_exactly_what_build_makes() {
    let bytes = file_bytes();
    if std::env::var_os(REGENERATE).is_some() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo.json");
        crate::store::write_atomic(&path, &bytes).expect("write assets/demo.json");
        // The embedded copy is only refreshed by the next build; this run just wrote it.
        return;
    }
    if DEMO_JSON.as_bytes() != bytes {
        let ours = String::from_utf8(bytes).expect("utf-8");
        let line = DEMO_JSON
            .lines()
            .zip(ours.lines())
            .position(|(a, b)| a != b)
            .map_or_else(|| "the end".to_string(), |n| format!("line {}", n + 1));
        panic!(
            "assets/demo.json differs from what demo::build() makes (first difference at {line}).\n\
             If the change to the demo is intended, regenerate the asset with\n\
             \n    {REGENERATE}=1 cargo test --lib demo::tests\n\n\
             then run the tests again, review `git diff assets/demo.json`, and commit it \
             (the export golden files in tests/golden/ will need regenerating too)."
        );
    }
}

fn loaded() -> crate::store::Loaded {
    crate::store::parse(Path::new("assets/demo.json"), DEMO_JSON.as_bytes())
        .expect("the demo asset loads")
}

#[test]
fn the_asset_loads_with_its_fixed_header_and_rebuilds_the_same_session() {
    let loaded = loaded();
    assert_eq!(loaded.meta, meta());
    assert_eq!(loaded.saved_at, saved_at());
    assert_eq!(loaded.journal.session, build().session);
}

#[test]
fn the_day_unfolds_in_order_on_one_day() {
    let events = loaded().journal.events;
    assert_eq!(events.first().map(|e| e.at), Some(time(9, 5)));
    assert_eq!(events.last().map(|e| e.at), Some(time(16, 40)));
    for pair in events.windows(2) {
        assert!(
            pair[0].at < pair[1].at,
            "events {} and {}",
            pair[0].seq,
            pair[1].seq
        );
    }
    let kinds: Vec<&str> = events.iter().map(|e| e.change.kind()).collect();
    let count = |kind: &str| kinds.iter().filter(|k| **k == kind).count();
    assert_eq!(count("session_created"), 1);
    assert_eq!(count("theme_set"), 1);
    assert_eq!(count("participant_updated"), 1);
    assert!(count("issue_edited") >= 2, "typos fixed by edits");
    assert_eq!(count("issues_merged"), 1);
    assert_eq!(count("undo"), 1);
    assert_eq!(count("issue_cancelled"), 1);
    assert!(count("dot_removed") >= 1);
    assert_eq!(count("round_closed"), 1);
    // One issue is placed twice: moved from one cell to another.
    let mut placed = BTreeSet::new();
    let moved = events.iter().any(|e| match e.change {
        Change::IssuePlaced { issue, .. } => !placed.insert(issue),
        _ => false,
    });
    assert!(moved, "an issue is moved on the wall");
}

#[test]
fn the_room_has_every_voice() {
    let session = loaded().journal.session;
    assert_eq!(session.participants.len(), 30);
    let groups: BTreeSet<Group> = session
        .participants
        .values()
        .filter_map(|p| p.group)
        .collect();
    for group in [
        Group::Council,
        Group::Nhs,
        Group::CareProvider,
        Group::VoluntarySector,
        Group::ServiceUser,
        Group::Carer,
    ] {
        assert!(groups.contains(&group), "{group:?}");
    }
    assert!(session.organisation_count() >= 8);
    for name in [
        "Zoë Lambert",
        "Siobhán Kelly",
        "Chidi Okonkwo-Brown",
        "Tomasz Wiśniewski",
    ] {
        assert!(session.find_participant(name).is_some(), "{name}");
    }
    assert!(session.theme.contains("keep them well at home"));
}

#[test]
fn the_wall_is_full_and_the_breakouts_reported() {
    let session = loaded().journal.session;
    assert_eq!(session.spaces.len(), 4);
    assert_eq!(session.slots.len(), 3);
    assert!(
        session
            .slots
            .values()
            .all(|s| s.starts.is_some() && s.ends.is_some())
    );
    let active: Vec<_> = session.active_issues().collect();
    assert!(active.len() >= 12);
    assert_eq!(
        session.issues.values().filter(|i| !i.is_active()).count(),
        1
    );
    let placed = active.iter().filter(|i| i.placement.is_some()).count();
    assert_eq!(placed, 12, "every cell of the wall is used");
    let cancelled: Vec<_> = active.iter().filter(|i| i.cancelled).collect();
    assert_eq!(cancelled.len(), 1);
    assert!(cancelled[0].report.is_empty());
    let reported = active.iter().filter(|i| !i.report.is_empty()).count();
    assert_eq!(reported, 11, "every breakout that took place reported");
    assert!(
        active
            .iter()
            .filter(|i| !i.report.is_empty())
            .all(|i| !i.report.key_points.is_empty() && !i.report.attendee_names.is_empty())
    );
}

#[test]
fn the_vote_is_finished_with_ties() {
    let session = loaded().journal.session;
    assert_eq!(session.rounds.len(), 1);
    let round = session.latest_round().expect("a round");
    assert!(!round.open && round.results_visible() && !round.anonymous);
    assert_eq!(round.dots_per_person, 3);
    assert!(round.ballots.len() >= 25, "{} voters", round.ballots.len());
    assert!(round.ballots.keys().all(|v| round.spent_by(*v) <= 3));
    let ranking = round.ranking();
    let ranks: Vec<usize> = ranking.iter().map(|r| r.rank).collect();
    let distinct: BTreeSet<usize> = ranks.iter().copied().collect();
    assert!(distinct.len() < ranks.len(), "a tie somewhere: {ranks:?}");
    assert!(ranking[0].dots > ranking[1].dots, "a clear first priority");
}

#[test]
fn the_priorities_have_leads_and_dated_next_steps() {
    let session = loaded().journal.session;
    let led: Vec<_> = session
        .active_issues()
        .filter(|i| i.plan.lead.is_some())
        .collect();
    assert!(led.len() >= 6);
    let top = session.latest_round().expect("a round").ranking();
    for r in top.iter().take(5) {
        let plan = &session.issues[&r.issue].plan;
        assert!(plan.lead.is_some() && !plan.supporters.is_empty() && !plan.steps.is_empty());
    }
    let steps: Vec<_> = led.iter().flat_map(|i| i.plan.steps.values()).collect();
    let first = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let last = NaiveDate::from_ymd_opt(2027, 12, 31).expect("date");
    for step in &steps {
        assert!(step.owner.is_some());
        assert!(
            step.due.is_some_and(|d| first <= d && d <= last),
            "{step:?}"
        );
    }
    let horizons: BTreeSet<Horizon> = steps.iter().map(|s| s.horizon).collect();
    assert_eq!(horizons.len(), 3);
    let statuses: BTreeSet<StepStatus> = steps.iter().map(|s| s.status).collect();
    assert!(statuses.contains(&StepStatus::Done) && statuses.contains(&StepStatus::UnderWay));
    let triaged = session
        .active_issues()
        .filter(|i| i.plan.triage.is_some())
        .count();
    assert!(triaged >= 8);
}
