//! Dot arithmetic on a round: giving, taking back and setting dots keeps each voter's
//! ballot, the dots counted off the wall and the totals in step. Applying a change and
//! undoing one both count with these, so they agree by construction.

use super::ids::*;
use super::session::Round;
use std::collections::BTreeMap;

impl Round {
    pub(crate) fn give_dot(&mut self, issue: IssueId, voter: Option<ParticipantId>) {
        match voter {
            Some(v) => *self.ballots.entry(v).or_default().entry(issue).or_default() += 1,
            None => *self.tallies.entry(issue).or_default() += 1,
        }
        *self.totals.entry(issue).or_default() += 1;
    }

    pub(crate) fn take_dot(&mut self, issue: IssueId, voter: Option<ParticipantId>) {
        match voter {
            Some(v) => {
                if let Some(ballot) = self.ballots.get_mut(&v) {
                    dec(ballot, issue);
                    if ballot.is_empty() {
                        self.ballots.remove(&v);
                    }
                }
            }
            None => dec(&mut self.tallies, issue),
        }
        dec(&mut self.totals, issue);
    }

    /// Sets the dots counted off the wall for `issue`, keeping the total in step.
    pub(crate) fn set_tally(&mut self, issue: IssueId, tally: u32) {
        let before = self.tallies.get(&issue).copied().unwrap_or(0);
        let total = self.total(issue) - before + tally;
        for (map, n) in [(&mut self.tallies, tally), (&mut self.totals, total)] {
            if n == 0 {
                map.remove(&issue);
            } else {
                map.insert(issue, n);
            }
        }
    }

    /// Moves every dot for `from` onto `into`, which takes `from`'s place on the ballot.
    pub(crate) fn move_votes(&mut self, from: IssueId, into: IssueId) {
        if let Some(n) = self.tallies.remove(&from) {
            *self.tallies.entry(into).or_default() += n;
        }
        for ballot in self.ballots.values_mut() {
            if let Some(n) = ballot.remove(&from) {
                *ballot.entry(into).or_default() += n;
            }
        }
        if let Some(n) = self.totals.remove(&from) {
            *self.totals.entry(into).or_default() += n;
        }
        self.ballot.retain(|i| *i != from);
        if !self.ballot.contains(&into) {
            self.ballot.push(into);
        }
    }

    /// Takes an issue off the ballot with every dot it had.
    pub(crate) fn drop_issue(&mut self, id: IssueId) {
        self.ballot.retain(|i| *i != id);
        self.tallies.remove(&id);
        self.totals.remove(&id);
        for ballot in self.ballots.values_mut() {
            ballot.remove(&id);
        }
        self.ballots.retain(|_, b| !b.is_empty());
    }
}

fn dec<K: Ord + Copy>(map: &mut BTreeMap<K, u32>, key: K) {
    if let Some(n) = map.get_mut(&key) {
        *n = n.saturating_sub(1);
        if *n == 0 {
            map.remove(&key);
        }
    }
}
