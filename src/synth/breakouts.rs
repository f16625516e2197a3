//! The breakouts: a space and a slot given up, breakouts cancelled, and reports captured.

use super::Gen;
use super::words::*;
use crate::model::*;

impl Gen {
    pub(super) fn breakouts(&mut self) {
        // The overflow corner is needed for lunch, and nobody wants the extra slot.
        let mut displaced = vec![];
        if let Some(space) = self.spare_space {
            displaced.extend(self.placed_where(|p| p.space == space));
            self.record(Change::SpaceRemoved { space });
        }
        if let Some(slot) = self.spare_slot {
            displaced.extend(self.placed_where(|p| p.slot == slot));
            self.record(Change::SlotRemoved { slot });
        }
        for id in displaced {
            if let Some(cell) = self.free_cell() {
                self.record(Change::IssuePlaced {
                    issue: id,
                    space: cell.space,
                    slot: cell.slot,
                });
            }
        }
        let mut cancelled = vec![];
        for _ in 0..self.plan.cancels {
            if let Some(id) = self.placed_issue()
                && self.record(Change::IssueCancelled {
                    issue: id,
                    cancelled: true,
                })
            {
                cancelled.push(id);
            }
        }
        // One group met after all, in the corridor.
        if cancelled.len() >= 2 {
            self.record(Change::IssueCancelled {
                issue: cancelled[0],
                cancelled: false,
            });
        }
        let met: Vec<IssueId> = self
            .s()
            .active_issues()
            .filter(|i| i.placement.is_some() && !i.cancelled)
            .map(|i| i.id)
            .collect();
        for id in met {
            if self.rng.chance(85) {
                self.report(id);
            }
        }
        self.churn_until(self.marks[2], |g| match g.rng.below(100) {
            0..50 => {
                if let Some(id) = g.placed_issue() {
                    g.report(id);
                }
            }
            50..80 => g.edit_issue(),
            _ => g.move_issue(),
        });
    }

    pub(super) fn placed_where(&self, hit: impl Fn(&Placement) -> bool) -> Vec<IssueId> {
        self.s()
            .active_issues()
            .filter(|i| i.placement.as_ref().is_some_and(&hit))
            .map(|i| i.id)
            .collect()
    }

    pub(super) fn report(&mut self, id: IssueId) {
        let mut names = vec![];
        for _ in 0..self.rng.below(6) {
            if let Some(p) = self.person() {
                let name = self.s().participant_name(p).to_string();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        let report = Report {
            attendees: self.rng.between(3, 25),
            attendee_names: names,
            key_points: self.lines(&KEY_POINTS, 2, 4),
            recommendations: self.lines(&RECOMMENDATIONS, 1, 3),
            follow_up: self.lines(&FOLLOW_UPS, 0, 2),
        };
        self.record(Change::ReportRecorded {
            issue: id,
            report: Box::new(report),
        });
    }

    pub(super) fn lines(&mut self, from: &[&str], min: u32, max: u32) -> String {
        let mut picked: Vec<&str> = vec![];
        for _ in 0..self.rng.between(min, max) {
            let line = *self.rng.pick(from).expect("lines");
            if !picked.contains(&line) {
                picked.push(line);
            }
        }
        picked.join("\n")
    }
}
