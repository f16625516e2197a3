//! Action planning: leads, supporters, next steps with due dates, and triage.

use super::start;
use super::words::*;
use super::{Gen, lower_first};
use crate::model::*;
use chrono::{Days, Months, NaiveDate};

impl Gen {
    pub(super) fn planning(&mut self) {
        let mut priorities: Vec<IssueId> = self
            .s()
            .latest_round()
            .map_or(vec![], |r| r.top(self.plan.priorities));
        priorities.truncate(self.plan.priorities + 2);
        if priorities.is_empty() {
            priorities = self
                .s()
                .active_issues()
                .take(self.plan.priorities)
                .map(|i| i.id)
                .collect();
        }
        self.priorities = priorities.clone();
        // Someone keen volunteers for more than their share, which the Leads pane flags.
        let keen = self.person();
        for &id in &priorities {
            let convener = self.s().issues.get(&id).and_then(|i| i.convener);
            let lead = match convener {
                Some(c) if self.rng.chance(60) => Some(c),
                _ if self.rng.chance(20) => keen,
                _ => self.person(),
            };
            if let Some(lead) = lead {
                self.record(Change::LeadAssigned {
                    issue: id,
                    lead: Some(lead),
                });
            }
            for _ in 0..self.rng.between(1, 3) {
                self.support(id);
            }
            for _ in 0..self.rng.between(1, 3) {
                self.add_step(id);
            }
            let triage = match self.rng.below(100) {
                0..60 => Triage::DoIt,
                60..85 => Triage::ClarifyIt,
                _ => Triage::AnotherOpenSpace,
            };
            self.record(Change::TriageSet {
                issue: id,
                triage: Some(triage),
            });
        }
        if let (Some(&id), Some(other)) = (priorities.get(1), self.person()) {
            self.record(Change::LeadAssigned {
                issue: id,
                lead: Some(other),
            });
        }
        self.drop_supporter();
        for _ in 0..priorities.len() {
            self.update_step();
        }
        self.remove_step();
        if let Some(&id) = priorities.first() {
            self.record(Change::TriageSet {
                issue: id,
                triage: Some(Triage::ClarifyIt),
            });
        }
    }

    pub(super) fn planning_churn(&mut self) {
        match self.rng.below(100) {
            0..40 => self.update_step(),
            40..65 => {
                // Supporters come and go, but a plan keeps a handful.
                let Some(id) = self.priority() else { return };
                if self.s().issues[&id].plan.supporters.len() < 5 && self.rng.chance(55) {
                    self.support(id);
                } else {
                    self.drop_supporter_from(id);
                }
            }
            65..80 => self.edit_issue(),
            80..88 => {
                if let Some(id) = self.placed_issue() {
                    self.report(id);
                }
            }
            88..95 => {
                if let Some(id) = self.priority() {
                    self.add_step(id);
                }
            }
            _ => self.update_person(),
        }
    }

    pub(super) fn support(&mut self, id: IssueId) {
        let Some(who) = self.person() else { return };
        let plan = &self.s().issues[&id].plan;
        if plan.lead != Some(who) && !plan.supporters.contains(&who) {
            self.record(Change::SupporterAdded {
                issue: id,
                participant: who,
            });
        }
    }

    pub(super) fn drop_supporter(&mut self) {
        if let Some(id) = self.priority() {
            self.drop_supporter_from(id);
        }
    }

    pub(super) fn drop_supporter_from(&mut self, id: IssueId) {
        let supporters = self.s().issues[&id].plan.supporters.clone();
        if let Some(&who) = self.rng.pick(&supporters) {
            self.record(Change::SupporterRemoved {
                issue: id,
                participant: who,
            });
        }
    }

    pub(super) fn add_step(&mut self, id: IssueId) {
        let plan = self.s().issues[&id].plan.clone();
        let mut owners: Vec<Option<ParticipantId>> = vec![plan.lead, None];
        owners.extend(plan.supporters.iter().map(|s| Some(*s)));
        let owner = *self.rng.pick(&owners).expect("owners");
        let topic = self.topic.get(&id).copied().unwrap_or(0);
        let text = format!(
            "{} on {}",
            self.rng.pick(&STEPS).expect("steps"),
            lower_first(TOPICS[topic])
        );
        let horizon = match self.rng.below(100) {
            0..50 => Horizon::Short,
            50..85 => Horizon::Medium,
            _ => Horizon::Long,
        };
        let due = self.due(horizon);
        let step = self.s().next_step_id();
        self.record(Change::StepAdded {
            issue: id,
            step,
            text,
            owner,
            due,
            horizon,
        });
    }

    /// A due date that fits the horizon, counted from the day of the workshop.
    pub(super) fn due(&mut self, horizon: Horizon) -> Option<NaiveDate> {
        let day = start().date_naive();
        match horizon {
            Horizon::Short => day.checked_add_days(Days::new(self.rng.between(7, 42) as u64)),
            Horizon::Medium => day.checked_add_months(Months::new(self.rng.between(2, 6))),
            Horizon::Long if self.rng.chance(30) => None,
            Horizon::Long => day.checked_add_months(Months::new(self.rng.between(6, 12))),
        }
    }

    pub(super) fn pick_step(&mut self) -> Option<(IssueId, NextStep)> {
        let id = self.priority()?;
        let steps: Vec<NextStep> = self.s().issues[&id].plan.steps.values().cloned().collect();
        self.rng.pick(&steps).map(|s| (id, s.clone()))
    }

    /// Progress on a next step, or a new date for it.
    pub(super) fn update_step(&mut self) {
        let Some((id, step)) = self.pick_step() else {
            return;
        };
        let status = match (step.status, self.rng.below(100)) {
            (_, 0..8) => StepStatus::Dropped,
            (StepStatus::NotStarted, _) => StepStatus::UnderWay,
            (StepStatus::UnderWay, 8..60) => StepStatus::Done,
            (StepStatus::Dropped, _) => StepStatus::NotStarted,
            (s, _) => s,
        };
        let mut due = match step.due {
            Some(d) if self.rng.chance(30) => d.checked_add_days(Days::new(14)),
            d => d,
        };
        if status == step.status && due == step.due {
            // Finished or stuck: what changes is when it is expected.
            due = step
                .due
                .and_then(|d| d.checked_add_days(Days::new(7)))
                .or_else(|| self.due(step.horizon));
        }
        self.record(Change::StepUpdated {
            issue: id,
            step: step.id,
            text: step.text,
            owner: step.owner,
            due,
            horizon: step.horizon,
            status,
        });
    }

    pub(super) fn remove_step(&mut self) {
        if let Some((id, step)) = self.pick_step() {
            self.record(Change::StepRemoved {
                issue: id,
                step: step.id,
            });
        }
    }
}
