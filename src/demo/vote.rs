//! Convergence: everyone still in the room gets three dots to put on the issues that matter
//! most to them. Totals stay hidden until the round closes, then the room sees the ranking,
//! with a tie in the middle and another at the bottom.

use super::Day;
use super::marketplace::*;
use crate::model::{Change, IssueId, RoundId};

/// How many dots each issue ends with, biggest first: the shape of the room's priorities.
const TOTALS: [(IssueId, u32); 11] = [
    (SHARED_RECORDS, 15),
    (DISCHARGE_TO_ASSESS, 12),
    (CARERS_BREAKS, 11),
    (REABLEMENT, 9),
    (TRANSPORT, 9),
    (WORKFORCE, 8),
    (SAME_QUESTIONS, 7),
    (DEMENTIA_BEDS, 5),
    (HOSPITAL_AT_HOME, 3),
    (ADAPTATIONS, 2),
    (LONELINESS, 2),
];

/// Left before the vote: one called back to work, one to a hospital appointment.
const AWAY: [&str; 2] = ["Lucy Tran", "Mohammed Iqbal"];

/// Changed her mind at the wall: a dot put on one issue, then taken back.
const SECOND_THOUGHTS: &str = "Sunita Sharma";

pub(super) fn converge(day: &mut Day) {
    day.at(14, 45);
    day.pace(15);
    let round = RoundId(1);
    assert_eq!(day.session().next_round_id(), round);
    let mut ballot: Vec<IssueId> = TOTALS.iter().map(|(i, _)| *i).collect();
    ballot.sort();
    day.record(Change::RoundOpened {
        round,
        dots_per_person: 3,
        max_per_issue: Some(2),
        anonymous: false,
        hidden: true,
        ballot,
    });

    let voters: Vec<_> = day
        .session()
        .participants
        .values()
        .filter(|p| !AWAY.contains(&p.name.as_str()))
        .map(|p| (p.id, p.name.clone()))
        .collect();
    let n = voters.len();
    // The dots, biggest pile first, dealt round the room so nobody stacks on one issue;
    // people come up to the wall in an order that is not the sign-in order.
    let dots: Vec<IssueId> = TOTALS
        .iter()
        .flat_map(|&(issue, count)| std::iter::repeat_n(issue, count as usize))
        .collect();
    for turn in 0..n {
        let seat = (turn * 11) % n;
        let (voter, name) = &voters[seat];
        if name == SECOND_THOUGHTS {
            let (issue, voter) = (HOSPITAL_AT_HOME, Some(*voter));
            day.record(Change::DotAdded {
                round,
                issue,
                voter,
            });
            day.record(Change::DotRemoved {
                round,
                issue,
                voter,
            });
        }
        for issue in dots.iter().skip(seat).step_by(n) {
            day.record(Change::DotAdded {
                round,
                issue: *issue,
                voter: Some(*voter),
            });
        }
    }

    day.at(15, 10);
    day.record(Change::RoundClosed { round });
    day.record(Change::ResultsRevealed { round });
}
