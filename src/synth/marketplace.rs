//! The marketplace: issues raised, put on the wall, moved, merged, sharpened and deleted.

use super::words::*;
use super::{Gen, lower_first};
use crate::model::*;

impl Gen {
    pub(super) fn marketplace(&mut self) {
        let late = self.plan.participants - self.plan.participants * 9 / 10;
        let count = self.plan.issues;
        let mut arrived = 0;
        let mut placed = 0;
        for k in 0..count {
            if arrived < late && k * late / count > arrived {
                self.add_person();
                arrived += 1;
            }
            let Some(id) = self.raise(k) else { continue };
            if placed < self.plan.placements
                && let Some(cell) = self.free_cell()
                && self.record(Change::IssuePlaced {
                    issue: id,
                    space: cell.space,
                    slot: cell.slot,
                })
            {
                placed += 1;
            }
            if self.rng.chance(20) {
                self.edit_issue();
            }
        }
        for _ in arrived..late {
            self.add_person();
        }
        for _ in 0..self.plan.placements / 8 {
            self.move_issue();
        }
        if let Some(id) = self.placed_issue() {
            self.record(Change::IssueUnplaced { issue: id });
        }
        // The wrong sheet taken off the wall, and put straight back.
        if self.plan.deletes > 0
            && let Some(id) = self.active_issue()
            && self.record(Change::IssueDeleted { issue: id })
        {
            self.record(Change::Undo);
        }
        for _ in 0..self.plan.merges {
            self.merge_pair();
        }
        for _ in 0..self.plan.deletes {
            if let Some(id) = self.active_issue() {
                self.record(Change::IssueDeleted { issue: id });
            }
        }
        self.mistaken_edit();
        self.churn_until(self.marks[1], |g| match g.rng.below(100) {
            0..50 => g.edit_issue(),
            50..85 => g.move_issue(),
            _ => g.mistaken_edit(),
        });
    }

    pub(super) fn raise(&mut self, k: usize) -> Option<IssueId> {
        let topic = self.topics[k % TOPICS.len()];
        let round = k / TOPICS.len();
        let title = match round {
            0 => TOPICS[topic].to_string(),
            n => format!(
                "{}: {}",
                TOPICS[topic],
                ANGLES[(n - 1 + self.seed as usize) % ANGLES.len()]
            ),
        };
        let convener = if self.rng.chance(85) {
            self.person()
        } else {
            None
        };
        let description = if self.rng.chance(70) {
            self.description(topic)
        } else {
            String::new()
        };
        let id = self.s().next_issue_id();
        if !self.record(Change::IssueRaised {
            issue: id,
            title,
            convener,
            description,
        }) {
            return None;
        }
        let appeal = self.rng.between(1, 10);
        self.issues.push(id);
        self.topic.insert(id, topic);
        self.appeal.insert(id, appeal * appeal);
        Some(id)
    }

    pub(super) fn description(&mut self, topic: usize) -> String {
        let reason = self.rng.pick(&REASONS).expect("reasons");
        let opener = self
            .rng
            .pick(&[
                "We need to talk about",
                "I would like us to look at",
                "Can we get practical about",
                "Let's share what we know about",
            ])
            .expect("openers");
        format!("{opener} {} because {reason}.", lower_first(TOPICS[topic]))
    }

    /// A title sharpened or a description rewritten.
    pub(super) fn edit_issue(&mut self) {
        let Some(id) = self.active_issue() else {
            return;
        };
        let issue = self.s().issues[&id].clone();
        let topic = self.topic.get(&id).copied().unwrap_or(0);
        let title = if self.rng.chance(50) {
            let angle = self.rng.pick(&ANGLES).expect("angles");
            format!("{}: {angle}", TOPICS[topic])
        } else {
            issue.title.clone()
        };
        let description = self.description(topic);
        self.record(Change::IssueEdited {
            issue: id,
            title,
            convener: issue.convener,
            description,
        });
    }

    /// An edit the facilitator takes straight back.
    pub(super) fn mistaken_edit(&mut self) {
        let before = self.j.events.len();
        self.edit_issue();
        if self.j.events.len() > before {
            self.record(Change::Undo);
        }
    }

    pub(super) fn move_issue(&mut self) {
        let Some(id) = self.placed_issue() else {
            return;
        };
        let Some(cell) = self.free_cell() else { return };
        self.record(Change::IssuePlaced {
            issue: id,
            space: cell.space,
            slot: cell.slot,
        });
    }

    /// Two sheets about the same thing become one, preferably on the same topic.
    pub(super) fn merge_pair(&mut self) {
        let Some(from) = self.active_issue() else {
            return;
        };
        let topic = self.topic.get(&from).copied();
        let same: Vec<IssueId> = self
            .issues
            .iter()
            .copied()
            .filter(|i| *i != from && self.topic.get(i).copied() == topic)
            .filter(|i| self.s().issues.get(i).is_some_and(|x| x.is_active()))
            .collect();
        let into = match self.rng.pick(&same) {
            Some(i) => Some(*i),
            None => (0..8)
                .filter_map(|_| self.active_issue())
                .find(|i| *i != from),
        };
        if let Some(into) = into {
            self.record(Change::IssuesMerged { from, into });
        }
    }
}
