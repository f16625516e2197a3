//! Inputs the fuzz targets (fuzz/, run by benches/fuzz.sh) found to break Convene, kept
//! here as plain tests so the fix stays fixed without running the fuzzer.

use chrono::{DateTime, FixedOffset};
use convene::model::*;
use convene::store;
use std::path::Path;

fn at() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-12T09:00:00+01:00").unwrap()
}

/// Fuzz input `01 d4 2e f2` (events target): a space added with id u32::MAX, after which
/// asking for the next space id overflowed. Ids are chosen by whoever records the event,
/// so a session file may hold any u32; the next id must not panic, and using it is refused.
#[test]
fn the_largest_id_leaves_a_next_id_that_is_refused_not_a_panic() {
    let mut journal = Journal::create(at(), "Theme").unwrap();
    let max = u32::MAX;
    let firsts = [
        Change::ParticipantAdded {
            participant: ParticipantId(max),
            name: "Ann".into(),
            organisation: None,
            group: None,
        },
        Change::SpaceAdded {
            space: SpaceId(max),
            name: "Hall".into(),
        },
        Change::SlotAdded {
            slot: SlotId(max),
            label: "Morning".into(),
            starts: None,
            ends: None,
        },
        Change::IssueRaised {
            issue: IssueId(max),
            title: "Housing".into(),
            convener: None,
            description: String::new(),
        },
    ];
    for change in firsts {
        journal.record(at(), change).unwrap();
    }
    journal
        .record(
            at(),
            Change::RoundOpened {
                round: RoundId(max),
                dots_per_person: 3,
                max_per_issue: None,
                anonymous: false,
                hidden: false,
                ballot: vec![IssueId(max)],
            },
        )
        .unwrap();
    journal
        .record(
            at(),
            Change::StepAdded {
                issue: IssueId(max),
                step: StepId(max),
                text: "Call the council".into(),
                owner: None,
                due: None,
                horizon: Horizon::Short,
            },
        )
        .unwrap();

    // The same session read from a file, as the app would open it.
    let meta = store::Meta {
        id: "x".into(),
        created_at: at(),
    };
    let bytes = store::to_bytes(&meta, &journal, at());
    let session = store::parse(Path::new("max.json"), &bytes)
        .unwrap()
        .journal
        .session;

    let seconds = [
        Change::ParticipantAdded {
            participant: session.next_participant_id(),
            name: "Bob".into(),
            organisation: None,
            group: None,
        },
        Change::SpaceAdded {
            space: session.next_space_id(),
            name: "Garden".into(),
        },
        Change::SlotAdded {
            slot: session.next_slot_id(),
            label: "Afternoon".into(),
            starts: None,
            ends: None,
        },
        Change::IssueRaised {
            issue: session.next_issue_id(),
            title: "Transport".into(),
            convener: None,
            description: String::new(),
        },
        Change::RoundOpened {
            round: session.next_round_id(),
            dots_per_person: 3,
            max_per_issue: None,
            anonymous: false,
            hidden: false,
            ballot: vec![IssueId(max)],
        },
        Change::StepAdded {
            issue: IssueId(max),
            step: session.next_step_id(),
            text: "Write to the trust".into(),
            owner: None,
            due: None,
            horizon: Horizon::Short,
        },
    ];
    for change in seconds {
        let kind = change.kind();
        let err = journal.record(at(), change).unwrap_err();
        assert!(
            matches!(err, Rejection::IdTaken { id, .. } if id == max),
            "{kind}: {err}"
        );
    }
}
