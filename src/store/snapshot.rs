//! The `state` part of the file: the session as readers want it (names instead of ids), for
//! people and tools that read the file with `jq` and never replay the events.

use crate::model::*;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StateView {
    pub theme: String,
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
pub struct ParticipantView {
    pub id: ParticipantId,
    pub name: String,
    pub organisation: Option<String>,
    pub group: Option<Group>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpaceView {
    pub id: SpaceId,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlotView {
    pub id: SlotId,
    pub label: String,
    pub starts: Option<NaiveTime>,
    pub ends: Option<NaiveTime>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepView {
    pub id: StepId,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub horizon: Horizon,
    pub status: StepStatus,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
            participants: session
                .participants
                .values()
                .map(|p| ParticipantView {
                    id: p.id,
                    name: p.name.clone(),
                    organisation: p.organisation.clone(),
                    group: p.group,
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
                        })
                        .collect(),
                    triage: i.plan.triage,
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
