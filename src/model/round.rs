//! A round of dot voting and its arithmetic: giving, taking back and setting dots keeps
//! each voter's ballot, the dots counted off the wall and the totals in step. Applying a
//! change and undoing one both count with these, so they agree by construction.

use super::ids::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One round of dot voting. Dots are kept either as per-person ballots (named rounds) or as
/// tallies per issue (paper dots counted off the wall, and every anonymous round).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub id: RoundId,
    pub dots_per_person: u32,
    pub max_per_issue: Option<u32>,
    pub anonymous: bool,
    /// Totals stay off the projector until revealed, so early dots do not sway the room.
    pub hidden: bool,
    pub revealed: bool,
    pub ballot: Vec<IssueId>,
    pub open: bool,
    pub tallies: BTreeMap<IssueId, u32>,
    pub ballots: BTreeMap<ParticipantId, BTreeMap<IssueId, u32>>,
    /// Tallies plus ballots, kept up to date so rankings never re-add every ballot.
    pub totals: BTreeMap<IssueId, u32>,
}

impl Round {
    pub fn total(&self, issue: IssueId) -> u32 {
        self.totals.get(&issue).copied().unwrap_or(0)
    }

    pub fn dots_cast(&self) -> u32 {
        self.totals.values().sum()
    }

    pub fn spent_by(&self, voter: ParticipantId) -> u32 {
        self.ballots.get(&voter).map_or(0, |b| b.values().sum())
    }

    pub fn given(&self, voter: ParticipantId, issue: IssueId) -> u32 {
        self.ballots
            .get(&voter)
            .and_then(|b| b.get(&issue))
            .copied()
            .unwrap_or(0)
    }

    /// Whether the room may see totals now.
    pub fn results_visible(&self) -> bool {
        !self.hidden || self.revealed
    }

    /// Issues on the ballot with their totals, biggest first; ties keep issue order and
    /// share a rank number.
    pub fn ranking(&self) -> Vec<Ranked> {
        let mut rows: Vec<(IssueId, u32)> =
            self.ballot.iter().map(|&i| (i, self.total(i))).collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut out = Vec::with_capacity(rows.len());
        let mut rank = 0;
        let mut last = None;
        for (pos, (issue, dots)) in rows.into_iter().enumerate() {
            if last != Some(dots) {
                rank = pos + 1;
                last = Some(dots);
            }
            out.push(Ranked { issue, dots, rank });
        }
        out
    }

    /// The ballot for a follow-up round: issues ranked in the first `n` places, biggest
    /// first. Issues tied with the last place are kept too, since the room cannot tell them
    /// apart; issues without a dot are left out, since nobody chose them.
    pub fn top(&self, n: usize) -> Vec<IssueId> {
        self.ranking()
            .into_iter()
            .take_while(|r| r.rank <= n && r.dots > 0)
            .map(|r| r.issue)
            .collect()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub issue: IssueId,
    pub dots: u32,
    /// 1-based; equal dots share a rank (1, 2, 2, 4).
    pub rank: usize,
}

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
