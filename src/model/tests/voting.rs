//! Dot voting: budgets, limits, closed rounds, hidden results, anonymity, ranking.

use super::*;

/// A room of three people and four issues.
fn room() -> (Room, Vec<ParticipantId>, Vec<IssueId>) {
    let mut room = Room::new();
    let people = vec![
        room.person("Asha", Some(Group::Nhs)),
        room.person("Ben", Some(Group::Carer)),
        room.person("Cara", None),
    ];
    let issues = vec![
        room.issue("Discharge delays"),
        room.issue("Carers' breaks"),
        room.issue("Falls at home"),
        room.issue("Shared records"),
    ];
    (room, people, issues)
}

#[test]
fn a_round_needs_sensible_options() {
    let (mut room, _, issues) = room();
    let open = |dots, max, ballot: Vec<IssueId>| Change::RoundOpened {
        round: RoundId(1),
        dots_per_person: dots,
        max_per_issue: max,
        anonymous: false,
        hidden: false,
        ballot,
    };
    assert_eq!(
        room.refuse(open(0, None, issues.clone())),
        Rejection::BadDots
    );
    assert_eq!(
        room.refuse(open(MAX_DOTS + 1, None, issues.clone())),
        Rejection::BadDots
    );
    assert_eq!(
        room.refuse(open(3, Some(0), issues.clone())),
        Rejection::BadMaximum
    );
    assert_eq!(
        room.refuse(open(3, Some(4), issues.clone())),
        Rejection::BadMaximum
    );
    assert_eq!(room.refuse(open(3, None, vec![])), Rejection::EmptyBallot);
    assert_eq!(
        room.refuse(open(3, None, vec![issues[0], issues[1], issues[0]])),
        Rejection::DuplicateOnBallot(issues[0])
    );
    assert_eq!(
        room.refuse(open(3, None, vec![IssueId(99)])),
        Rejection::UnknownIssue(IssueId(99))
    );
    room.ok(open(3, Some(3), issues.clone()));
    let r = room.round_of(RoundId(1));
    assert!(r.open && !r.hidden && r.results_visible());
    assert_eq!(r.ballot, issues);
}

#[test]
fn nobody_spends_more_dots_than_the_budget() {
    let (mut room, people, issues) = room();
    let round = room.round(3, None, &issues);
    let asha = people[0];
    room.dot(round, issues[0], Some(asha));
    room.dot(round, issues[0], Some(asha));
    room.dot(round, issues[1], Some(asha));
    assert_eq!(room.round_of(round).spent_by(asha), 3);
    let why = room.refuse(Change::DotAdded {
        round,
        issue: issues[2],
        voter: Some(asha),
    });
    assert_eq!(
        why,
        Rejection::OverBudget {
            name: "Asha".into(),
            budget: 3
        }
    );
    assert_eq!(why.to_string(), "Asha has used all 3 dots");
    // Taking one back frees it to go elsewhere.
    room.ok(Change::DotRemoved {
        round,
        issue: issues[0],
        voter: Some(asha),
    });
    room.dot(round, issues[2], Some(asha));
    // Someone else's budget is their own.
    room.dot(round, issues[2], Some(people[1]));
    let r = room.round_of(round);
    assert_eq!(r.spent_by(asha), 3);
    assert_eq!(r.spent_by(people[1]), 1);
    assert_eq!(r.total(issues[2]), 2);
}

#[test]
fn the_per_issue_maximum_holds_for_each_person() {
    let (mut room, people, issues) = room();
    let round = room.round(3, Some(1), &issues);
    room.dot(round, issues[0], Some(people[0]));
    let why = room.refuse(Change::DotAdded {
        round,
        issue: issues[0],
        voter: Some(people[0]),
    });
    assert_eq!(
        why,
        Rejection::OverIssueLimit {
            name: "Asha".into(),
            issue: issues[0],
            max: 1
        }
    );
    room.dot(round, issues[0], Some(people[1]));
    room.dot(round, issues[1], Some(people[0]));
    assert_eq!(room.round_of(round).total(issues[0]), 2);
}

#[test]
fn tallies_count_paper_dots_without_a_budget() {
    let (mut room, _, issues) = room();
    let round = room.round(1, None, &issues);
    for _ in 0..5 {
        room.dot(round, issues[3], None);
    }
    let r = room.round_of(round);
    assert_eq!(r.total(issues[3]), 5);
    assert_eq!(r.tallies[&issues[3]], 5);
    assert!(r.ballots.is_empty());
}

#[test]
fn only_dots_that_exist_can_be_taken_away() {
    let (mut room, people, issues) = room();
    let round = room.round(3, None, &issues);
    room.dot(round, issues[0], Some(people[0]));
    let remove = |issue, voter| Change::DotRemoved {
        round,
        issue,
        voter,
    };
    assert_eq!(room.refuse(remove(issues[0], None)), Rejection::NoDot);
    assert_eq!(
        room.refuse(remove(issues[1], Some(people[0]))),
        Rejection::NoDot
    );
    assert_eq!(
        room.refuse(remove(issues[0], Some(people[1]))),
        Rejection::NoDot
    );
    room.ok(remove(issues[0], Some(people[0])));
    let r = room.round_of(round);
    assert_eq!(r.dots_cast(), 0);
    assert!(r.ballots.is_empty() && r.totals.is_empty());
}

#[test]
fn dots_go_only_to_the_ballot_of_a_known_round_from_known_people() {
    let (mut room, people, issues) = room();
    let round = room.round(3, None, &issues[..2]);
    assert_eq!(
        room.refuse(Change::DotAdded {
            round,
            issue: issues[3],
            voter: None
        }),
        Rejection::NotOnBallot {
            round,
            issue: issues[3]
        }
    );
    assert_eq!(
        room.refuse(Change::DotAdded {
            round: RoundId(9),
            issue: issues[0],
            voter: Some(people[0])
        }),
        Rejection::UnknownRound(RoundId(9))
    );
    assert_eq!(
        room.refuse(Change::DotAdded {
            round,
            issue: issues[0],
            voter: Some(ParticipantId(77))
        }),
        Rejection::UnknownParticipant(ParticipantId(77))
    );
}

#[test]
fn a_closed_round_takes_no_dots_until_it_is_reopened() {
    let (mut room, people, issues) = room();
    let round = room.round(3, None, &issues);
    room.dot(round, issues[0], None);
    room.ok(Change::RoundClosed { round });
    assert!(!room.round_of(round).open);
    for voter in [None, Some(people[0])] {
        let why = room.refuse(Change::DotAdded {
            round,
            issue: issues[1],
            voter,
        });
        assert_eq!(why, Rejection::RoundClosed(round));
    }
    assert_eq!(
        room.refuse(Change::DotRemoved {
            round,
            issue: issues[0],
            voter: None
        }),
        Rejection::RoundClosed(round)
    );
    assert_eq!(
        room.refuse(Change::RoundClosed { round }),
        Rejection::RoundClosed(round)
    );
    room.ok(Change::RoundReopened { round });
    assert_eq!(
        room.refuse(Change::RoundReopened { round }),
        Rejection::RoundOpen(round)
    );
    room.dot(round, issues[1], Some(people[0]));
    assert_eq!(room.round_of(round).dots_cast(), 2);
    assert_eq!(
        room.refuse(Change::RoundReopened { round: RoundId(5) }),
        Rejection::UnknownRound(RoundId(5))
    );
}

#[test]
fn hidden_results_stay_hidden_until_revealed() {
    let (mut room, people, issues) = room();
    let round = room.round_with(3, None, false, true, &issues);
    room.dot(round, issues[0], Some(people[0]));
    let r = room.round_of(round);
    assert!(!r.results_visible());
    // The dots are counted all along; only showing them waits.
    assert_eq!(r.total(issues[0]), 1);
    room.ok(Change::ResultsRevealed { round });
    assert!(room.round_of(round).results_visible());
    assert_eq!(
        room.refuse(Change::ResultsRevealed { round }),
        Rejection::AlreadyVisible(round)
    );
    // Dots after the reveal show at once.
    room.dot(round, issues[0], Some(people[1]));
    assert_eq!(room.s().votes(issues[0]), 2);

    let live = room.round(3, None, &issues);
    assert!(room.round_of(live).results_visible());
    assert_eq!(
        room.refuse(Change::ResultsRevealed { round: live }),
        Rejection::AlreadyVisible(live)
    );
}

#[test]
fn an_anonymous_round_refuses_named_dots_and_keeps_counts_only() {
    let (mut room, people, issues) = room();
    let round = room.round_with(2, None, true, false, &issues);
    let why = room.refuse(Change::DotAdded {
        round,
        issue: issues[0],
        voter: Some(people[0]),
    });
    assert_eq!(why, Rejection::AnonymousRound(round));
    let why = room.refuse(Change::DotRemoved {
        round,
        issue: issues[0],
        voter: Some(people[0]),
    });
    assert_eq!(why, Rejection::AnonymousRound(round));
    room.dot(round, issues[0], None);
    room.dot(round, issues[0], None);
    room.dot(round, issues[2], None);
    let r = room.round_of(round);
    assert!(r.ballots.is_empty());
    assert_eq!(r.total(issues[0]), 2);

    // Nothing the round wrote to the log names anyone.
    let round_events: Vec<_> = room
        .j
        .events
        .iter()
        .filter(|e| e.change.kind().starts_with("dot_") || e.change.kind() == "round_opened")
        .collect();
    assert_eq!(round_events.len(), 4);
    let text = serde_json::to_string(&round_events).unwrap();
    assert!(!text.contains("voter"), "{text}");
    for name in ["Asha", "Ben", "Cara"] {
        assert!(!text.contains(name));
    }
}

#[test]
fn ties_share_a_rank() {
    let (mut room, _, issues) = room();
    let round = room.round(5, None, &issues);
    let dots = [
        (issues[0], 2),
        (issues[1], 3),
        (issues[2], 2),
        (issues[3], 0),
    ];
    for (issue, n) in dots {
        for _ in 0..n {
            room.dot(round, issue, None);
        }
    }
    let ranking = room.round_of(round).ranking();
    let rows: Vec<_> = ranking.iter().map(|r| (r.issue, r.dots, r.rank)).collect();
    assert_eq!(
        rows,
        vec![
            (issues[1], 3, 1),
            (issues[0], 2, 2),
            (issues[2], 2, 2),
            (issues[3], 0, 4),
        ]
    );
}

#[test]
fn a_second_round_can_take_the_top_n_of_the_first() {
    let (mut room, people, issues) = room();
    let first = room.round(3, None, &issues);
    for (issue, n) in [
        (issues[2], 4),
        (issues[0], 2),
        (issues[3], 2),
        (issues[1], 1),
    ] {
        for _ in 0..n {
            room.dot(first, issue, None);
        }
    }
    room.ok(Change::RoundClosed { round: first });

    // As a screen would build it by hand from the ranking.
    let by_hand: Vec<IssueId> = room
        .round_of(first)
        .ranking()
        .iter()
        .take(2)
        .map(|r| r.issue)
        .collect();
    assert_eq!(by_hand, vec![issues[2], issues[0]]);
    // `top` keeps issues tied with the last place: the room cannot tell them apart.
    assert_eq!(
        room.round_of(first).top(2),
        vec![issues[2], issues[0], issues[3]]
    );
    assert_eq!(room.round_of(first).top(1), vec![issues[2]]);
    assert_eq!(room.round_of(first).top(0), Vec::<IssueId>::new());
    assert_eq!(room.round_of(first).top(10).len(), 4);

    let ballot = room.round_of(first).top(2);
    let second = room.round(2, Some(1), &ballot);
    assert_eq!(room.round_of(second).ballot, ballot);
    assert_eq!(
        room.refuse(Change::DotAdded {
            round: second,
            issue: issues[1],
            voter: Some(people[0])
        }),
        Rejection::NotOnBallot {
            round: second,
            issue: issues[1]
        }
    );
    room.dot(second, issues[3], Some(people[0]));
    // The latest round is what `votes` reports.
    assert_eq!(room.s().latest_round().map(|r| r.id), Some(second));
    assert_eq!(room.s().votes(issues[3]), 1);
    assert_eq!(room.s().votes(issues[2]), 0);
}

#[test]
fn issues_without_dots_do_not_make_the_top_n() {
    let (mut room, _, issues) = room();
    let round = room.round(3, None, &issues);
    room.dot(round, issues[1], None);
    assert_eq!(room.round_of(round).top(3), vec![issues[1]]);
}

#[test]
fn a_count_set_at_once_keeps_named_dots_and_undoes_whole() {
    let (mut room, people, issues) = room();
    let r = room.round(3, None, &issues);
    room.dot(r, issues[0], Some(people[0]));
    room.dot(r, issues[0], Some(people[1]));
    room.dot(r, issues[0], None);
    let set = |dots| Change::TallySet {
        round: r,
        issue: issues[0],
        dots,
    };
    // Two dots came from named voters: a count of one would lose one of them.
    assert_eq!(
        room.refuse(set(1)),
        Rejection::BelowNamed {
            issue: issues[0],
            named: 2
        }
    );
    assert!(
        room.refuse(set(1))
            .to_string()
            .contains("already has 2 dots from named voters")
    );
    assert_eq!(room.refuse(set(3)), Rejection::NoChange);
    assert_eq!(room.refuse(set(MAX_TALLY + 3)), Rejection::TooManyDots);
    room.ok(set(14));
    let round = room.round_of(r);
    assert_eq!(round.total(issues[0]), 14);
    assert_eq!(round.tallies.get(&issues[0]), Some(&12));
    assert_eq!(round.given(people[0], issues[0]), 1);
    // Down to exactly the named dots leaves no tally at all.
    room.ok(set(2));
    assert_eq!(room.round_of(r).tallies.get(&issues[0]), None);
    room.undo();
    assert_eq!(room.round_of(r).total(issues[0]), 14);
    room.undo();
    assert_eq!(room.round_of(r).total(issues[0]), 3);
    assert_eq!(room.round_of(r).tallies.get(&issues[0]), Some(&1));
    room.redo();
    assert_eq!(room.round_of(r).total(issues[0]), 14);
    // Not on the ballot, or a closed round: refused as a dot would be.
    let off = room.issue("Late idea");
    assert_eq!(
        room.refuse(Change::TallySet {
            round: r,
            issue: off,
            dots: 4
        }),
        Rejection::NotOnBallot {
            round: r,
            issue: off
        }
    );
    room.ok(Change::RoundClosed { round: r });
    assert_eq!(room.refuse(set(20)), Rejection::RoundClosed(r));
}

#[test]
fn a_count_can_be_set_in_an_anonymous_round() {
    let (mut room, _, issues) = room();
    let r = room.round_with(3, None, true, false, &issues);
    room.ok(Change::TallySet {
        round: r,
        issue: issues[1],
        dots: 9,
    });
    assert_eq!(room.round_of(r).ranking()[0].issue, issues[1]);
    assert_eq!(room.round_of(r).ranking()[0].dots, 9);
}
