//! The read model: the session as readers want it (names instead of ids). It is the `state`
//! part of a session file, for people and tools that read the file with `jq` and never replay
//! the events, and what every export starts from. It has a module of its own, below both
//! `store` and `export`, so that neither has to import the other to reach it.

use crate::model::followup::{FollowUp, Milestone, Origin};
use crate::model::*;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Read leniently at the top level, since the JSON export adds its own fields beside these;
/// a session file's `state` is read strictly (see `store`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StateView {
    pub theme: String,
    /// In a follow-up: what it follows, the meetings before, and its date. Version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUp>,
    pub participants: Vec<ParticipantView>,
    pub spaces: Vec<SpaceView>,
    pub slots: Vec<SlotView>,
    pub issues: Vec<IssueView>,
    pub rounds: Vec<RoundView>,
    /// Minutes before a running slot ends that reports are asked for; absent while it is
    /// the default (10). Version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_reminder_minutes: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantView {
    pub id: ParticipantId,
    pub name: String,
    pub organisation: Option<String>,
    pub group: Option<Group>,
    /// Away for this meeting. Version 2.
    #[serde(default, skip_serializing_if = "is_false")]
    pub absent: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpaceView {
    pub id: SpaceId,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlotView {
    pub id: SlotId,
    pub label: String,
    pub starts: Option<NaiveTime>,
    pub ends: Option<NaiveTime>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueView {
    pub id: IssueId,
    pub title: String,
    pub convener: Option<String>,
    pub description: String,
    pub space: Option<String>,
    pub slot: Option<String>,
    pub cancelled: bool,
    pub merged_into: Option<IssueId>,
    pub report: Report,
    /// The issue's total dots in the latest round, 0 if none.
    pub votes: u32,
    pub lead: Option<String>,
    pub supporters: Vec<String>,
    pub next_steps: Vec<StepView>,
    pub triage: Option<Triage>,
    /// Where a priority carried into a follow-up came from. Version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<Origin>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepView {
    pub id: StepId,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub horizon: Horizon,
    pub status: StepStatus,
    /// The rest is version 2: where a carried action came from, the progress note of
    /// this meeting, and its state at each earlier meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<Origin>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Milestone>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundView {
    pub id: RoundId,
    pub dots_per_person: u32,
    pub max_per_issue: Option<u32>,
    pub anonymous: bool,
    pub hidden: bool,
    pub revealed: bool,
    pub open: bool,
    pub ballot: Vec<IssueId>,
    /// Dots per issue, biggest first.
    pub results: Vec<ResultView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultView {
    pub issue: IssueId,
    pub dots: u32,
    pub rank: usize,
}

impl StateView {
    pub fn of(session: &Session) -> StateView {
        let name = |id: ParticipantId| session.participant_name(id).to_string();
        StateView {
            report_reminder_minutes: session.report_reminder,
            theme: session.theme.clone(),
            follow_up: session.follow_up.clone(),
            participants: session
                .participants
                .values()
                .map(|p| ParticipantView {
                    id: p.id,
                    name: p.name.clone(),
                    organisation: p.organisation.clone(),
                    group: p.group,
                    absent: p.absent,
                })
                .collect(),
            spaces: session
                .spaces
                .values()
                .map(|s| SpaceView {
                    id: s.id,
                    name: s.name.clone(),
                })
                .collect(),
            slots: session
                .slots_in_order()
                .into_iter()
                .map(|s| SlotView {
                    id: s.id,
                    label: s.label.clone(),
                    starts: s.starts,
                    ends: s.ends,
                })
                .collect(),
            issues: session
                .issues
                .values()
                .map(|i| IssueView {
                    id: i.id,
                    title: i.title.clone(),
                    convener: i.convener.map(name),
                    description: i.description.clone(),
                    space: i
                        .placement
                        .and_then(|p| session.spaces.get(&p.space))
                        .map(|s| s.name.clone()),
                    slot: i
                        .placement
                        .and_then(|p| session.slots.get(&p.slot))
                        .map(|s| s.label.clone()),
                    cancelled: i.cancelled,
                    merged_into: i.merged_into,
                    report: i.report.clone(),
                    votes: session.votes(i.id),
                    lead: i.plan.lead.map(name),
                    supporters: i.plan.supporters.iter().map(|&p| name(p)).collect(),
                    next_steps: i
                        .plan
                        .steps
                        .values()
                        .map(|s| StepView {
                            id: s.id,
                            text: s.text.clone(),
                            owner: s.owner.map(name),
                            due: s.due,
                            horizon: s.horizon,
                            status: s.status,
                            carried_from: s.carried_from.clone(),
                            note: s.note.clone(),
                            history: s.history.clone(),
                        })
                        .collect(),
                    triage: i.plan.triage,
                    carried_from: i.carried_from.clone(),
                })
                .collect(),
            rounds: session
                .rounds
                .values()
                .map(|r| RoundView {
                    id: r.id,
                    dots_per_person: r.dots_per_person,
                    max_per_issue: r.max_per_issue,
                    anonymous: r.anonymous,
                    hidden: r.hidden,
                    revealed: r.revealed,
                    open: r.open,
                    ballot: r.ballot.clone(),
                    results: r
                        .ranking()
                        .into_iter()
                        .map(|x| ResultView {
                            issue: x.issue,
                            dots: x.dots,
                            rank: x.rank,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

impl StateView {
    /// A session to draw from while its log is still being read: what the snapshot says,
    /// with names turned back into ids. Not a session to change (it has no undo history,
    /// no per-person ballots and no id counters): the app shows it view-only until the
    /// session rebuilt from the log replaces it.
    pub fn to_session(&self) -> Session {
        let mut session = Session {
            theme: self.theme.clone(),
            follow_up: self.follow_up.clone(),
            report_reminder: self.report_reminder_minutes,
            ..Session::default()
        };
        let mut people: HashMap<&str, ParticipantId> = HashMap::new();
        for p in &self.participants {
            people.entry(p.name.as_str()).or_insert(p.id);
            // Through the roster's own setter, so the index of names stays in step.
            session.set_participant(
                p.id,
                Some(Participant {
                    id: p.id,
                    name: p.name.clone(),
                    organisation: p.organisation.clone(),
                    group: p.group,
                    absent: p.absent,
                }),
            );
        }
        let person = |name: &Option<String>| name.as_deref().and_then(|n| people.get(n).copied());
        let mut spaces: HashMap<&str, SpaceId> = HashMap::new();
        for s in &self.spaces {
            spaces.entry(s.name.as_str()).or_insert(s.id);
            let space = Space {
                id: s.id,
                name: s.name.clone(),
            };
            session.spaces.insert(s.id, space);
        }
        let mut slots: HashMap<&str, SlotId> = HashMap::new();
        for s in &self.slots {
            slots.entry(s.label.as_str()).or_insert(s.id);
            let slot = Slot {
                id: s.id,
                label: s.label.clone(),
                starts: s.starts,
                ends: s.ends,
            };
            session.slots.insert(s.id, slot);
        }
        for i in &self.issues {
            let placement = match (&i.space, &i.slot) {
                (Some(space), Some(slot)) => spaces
                    .get(space.as_str())
                    .zip(slots.get(slot.as_str()))
                    .map(|(&space, &slot)| Placement { space, slot }),
                _ => None,
            };
            let plan = Plan {
                lead: person(&i.lead),
                supporters: i
                    .supporters
                    .iter()
                    .filter_map(|n| people.get(n.as_str()).copied())
                    .collect(),
                steps: i
                    .next_steps
                    .iter()
                    .map(|s| {
                        let step = NextStep {
                            id: s.id,
                            text: s.text.clone(),
                            owner: person(&s.owner),
                            due: s.due,
                            horizon: s.horizon,
                            status: s.status,
                            carried_from: s.carried_from.clone(),
                            note: s.note.clone(),
                            history: s.history.clone(),
                        };
                        (s.id, step)
                    })
                    .collect(),
                triage: i.triage,
            };
            let issue = Issue {
                id: i.id,
                title: i.title.clone(),
                convener: person(&i.convener),
                description: i.description.clone(),
                placement,
                report: i.report.clone(),
                merged_into: i.merged_into,
                cancelled: i.cancelled,
                plan,
                carried_from: i.carried_from.clone(),
            };
            session.issues.insert(i.id, issue);
            session.sync_cell(i.id, None);
        }
        for r in &self.rounds {
            // Totals are all the snapshot keeps; they stand in as tallies.
            let totals: BTreeMap<IssueId, u32> = r
                .results
                .iter()
                .filter(|x| x.dots > 0)
                .map(|x| (x.issue, x.dots))
                .collect();
            let round = Round {
                id: r.id,
                dots_per_person: r.dots_per_person,
                max_per_issue: r.max_per_issue,
                anonymous: r.anonymous,
                hidden: r.hidden,
                revealed: r.revealed,
                ballot: r.ballot.clone(),
                open: r.open,
                tallies: totals.clone(),
                ballots: BTreeMap::new(),
                totals,
            };
            session.rounds.insert(r.id, round);
        }
        session
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the first frame is drawn from shows what the rebuilt session shows.
    #[test]
    fn a_session_made_from_the_snapshot_has_the_same_snapshot() {
        let journal = crate::demo::build();
        let view = StateView::of(&journal.session);
        assert_eq!(StateView::of(&view.to_session()), view);
        let params = crate::synth::SynthParams {
            participants: 40,
            issues: 30,
            events: 3000,
            seed: 3,
        };
        let journal = crate::synth::generate(&params);
        let view = StateView::of(&journal.session);
        assert_eq!(StateView::of(&view.to_session()), view);
    }
}
