//! Convergence: a named round with hidden results, then an anonymous round on the top issues.

use super::{Gen, Weights};
use crate::model::*;

impl Gen {
    pub(super) fn voting(&mut self) {
        let ballot: Vec<IssueId> = self.s().active_issues().map(|i| i.id).collect();
        if ballot.is_empty() {
            return;
        }
        let first = self.s().next_round_id();
        let max_per_issue = self.rng.chance(50).then_some(2);
        if !self.record(Change::RoundOpened {
            round: first,
            dots_per_person: 3,
            max_per_issue,
            anonymous: false,
            hidden: true,
            ballot: ballot.clone(),
        }) {
            return;
        }
        let weights = Weights::new(&ballot, &self.appeal);
        let mut people = self.people.clone();
        self.rng.shuffle(&mut people);
        let named = people.len() * 6 / 10;
        for &voter in &people[..named] {
            for _ in 0..self.rng.between(2, 3) {
                self.named_dot(first, voter, &weights);
            }
            self.voters.push(voter);
        }
        // Paper dots from those who queued at the wall instead.
        for _ in 0..(people.len() - named) * 3 * 85 / 100 {
            self.tally_dot(first, &weights);
        }
        for _ in 0..named / 10 {
            self.move_dot(first, &weights);
        }
        let second_round = 12 + self.people.len() * 2 * 8 / 10;
        let mark = self.marks[3].saturating_sub(second_round);
        self.churn_until(mark, |g| match g.rng.below(100) {
            0..60 => g.move_dot(first, &weights),
            60..80 => g.tally_dot(first, &weights),
            _ => g.untally_dot(first, &weights),
        });
        self.record(Change::ResultsRevealed { round: first });
        self.record(Change::RoundClosed { round: first });

        // A shorter, anonymous round on the front runners.
        let top = self
            .s()
            .rounds
            .get(&first)
            .map_or(vec![], |r| r.top((ballot.len() / 4).clamp(3, 10)));
        let ballot = if top.is_empty() {
            ballot[..ballot.len().min(3)].to_vec()
        } else {
            top
        };
        let second = self.s().next_round_id();
        if !self.record(Change::RoundOpened {
            round: second,
            dots_per_person: 2,
            max_per_issue: None,
            anonymous: true,
            hidden: false,
            ballot: ballot.clone(),
        }) {
            return;
        }
        let weights = Weights::new(&ballot, &self.appeal);
        for _ in 0..self.people.len() * 2 * 8 / 10 {
            self.tally_dot(second, &weights);
        }
        self.record(Change::RoundClosed { round: second });
        // Two latecomers ask to vote: reopened for them.
        self.record(Change::RoundReopened { round: second });
        for _ in 0..self.rng.between(1, 4) {
            self.tally_dot(second, &weights);
        }
        self.untally_dot(second, &weights);
        self.record(Change::RoundClosed { round: second });
    }

    pub(super) fn named_dot(&mut self, round: RoundId, voter: ParticipantId, weights: &Weights) {
        for _ in 0..6 {
            let Some(issue) = weights.pick(&mut self.rng) else {
                return;
            };
            let Some(r) = self.s().rounds.get(&round) else {
                return;
            };
            if r.spent_by(voter) >= r.dots_per_person {
                return;
            }
            if r.max_per_issue.is_some_and(|m| r.given(voter, issue) >= m) {
                continue;
            }
            self.record(Change::DotAdded {
                round,
                issue,
                voter: Some(voter),
            });
            return;
        }
    }

    pub(super) fn tally_dot(&mut self, round: RoundId, weights: &Weights) {
        if let Some(issue) = weights.pick(&mut self.rng) {
            self.record(Change::DotAdded {
                round,
                issue,
                voter: None,
            });
        }
    }

    /// A paper dot counted twice, taken off again.
    pub(super) fn untally_dot(&mut self, round: RoundId, weights: &Weights) {
        for _ in 0..6 {
            let Some(issue) = weights.pick(&mut self.rng) else {
                return;
            };
            let counted = self
                .s()
                .rounds
                .get(&round)
                .is_some_and(|r| r.tallies.get(&issue).is_some_and(|n| *n > 0));
            if counted {
                self.record(Change::DotRemoved {
                    round,
                    issue,
                    voter: None,
                });
                return;
            }
        }
    }

    /// Someone changes their mind: one of their dots goes to another issue.
    pub(super) fn move_dot(&mut self, round: RoundId, weights: &Weights) {
        let Some(&voter) = self.rng.pick(&self.voters) else {
            return;
        };
        let given: Vec<IssueId> = match self.s().rounds.get(&round) {
            Some(r) => r
                .ballots
                .get(&voter)
                .map_or(vec![], |b| b.keys().copied().collect()),
            None => return,
        };
        let Some(&issue) = self.rng.pick(&given) else {
            return self.named_dot(round, voter, weights);
        };
        if self.record(Change::DotRemoved {
            round,
            issue,
            voter: Some(voter),
        }) {
            self.named_dot(round, voter, weights);
        }
    }
}
