//! Carrying the open plan into a follow-up, and checking afterwards that what was carried
//! agrees with the earlier session.

use super::{FollowUp, Link, Milestone, Origin, UsedIds, is_open};
use crate::model::event::Change;
use crate::model::session::{NextStep, Session};
use chrono::NaiveDate;

/// What `convene follow-up` needs to know about the earlier meeting besides its session.
#[derive(Clone, Debug)]
pub struct Earlier<'a> {
    pub session: &'a Session,
    pub id: &'a str,
    pub seq: u64,
    pub file: &'a str,
    /// Its meeting date (a day's own date when it is not a follow-up).
    pub date: NaiveDate,
}

/// The changes of a follow-up's founding step: the link, the roster, perhaps the spaces
/// and slots, every priority with a lead and every open action, with ids kept as they
/// were so "issue 4" means the same thing at every meeting.
pub fn carry(earlier: &Earlier, date: NaiveDate, with_agenda: bool) -> Vec<Change> {
    let before = earlier.session;
    let link = Link {
        session: earlier.id.to_string(),
        seq: earlier.seq,
        file: earlier.file.to_string(),
        theme: before.theme.clone(),
        date: earlier.date,
    };
    let mut changes = vec![Change::FollowUpStarted {
        follows: Box::new(link),
        date,
        earlier: before
            .follow_up
            .as_ref()
            .map(FollowUp::chain)
            .unwrap_or_default(),
        used: UsedIds {
            participants: before.next.participant,
            issues: before.next.issue,
            steps: before.next.step,
        },
    }];
    for p in before.participants.values() {
        changes.push(Change::ParticipantAdded {
            participant: p.id,
            name: p.name.clone(),
            organisation: p.organisation.clone(),
            group: p.group,
        });
    }
    if with_agenda {
        for s in before.spaces.values() {
            changes.push(Change::SpaceAdded {
                space: s.id,
                name: s.name.clone(),
            });
        }
        for s in before.slots.values() {
            changes.push(Change::SlotAdded {
                slot: s.id,
                label: s.label.clone(),
                starts: s.starts,
                ends: s.ends,
            });
        }
    }
    for issue in before.active_issues() {
        let open: Vec<&NextStep> = issue
            .plan
            .steps
            .values()
            .filter(|s| is_open(s.status))
            .collect();
        if issue.plan.lead.is_none() && open.is_empty() {
            continue;
        }
        changes.push(Change::PriorityCarried {
            issue: issue.id,
            from: Box::new(Origin {
                session: earlier.id.to_string(),
                issue: issue.id,
                step: None,
            }),
            title: issue.title.clone(),
            description: issue.description.clone(),
            lead: issue.plan.lead,
            supporters: issue.plan.supporters.clone(),
        });
        for step in open {
            let mut history = step.history.clone();
            history.push(Milestone {
                date: earlier.date,
                status: step.status,
                due: step.due,
                owner: step.owner.map(|o| before.participant_name(o).to_string()),
                note: step.note.clone(),
            });
            changes.push(Change::StepCarried {
                issue: issue.id,
                step: step.id,
                from: Box::new(Origin {
                    session: earlier.id.to_string(),
                    issue: issue.id,
                    step: Some(step.id),
                }),
                text: step.text.clone(),
                owner: step.owner,
                due: step.due,
                horizon: step.horizon,
                status: step.status,
                history,
            });
        }
    }
    changes
}

/// Where a follow-up's carried items disagree with the earlier session (as it was at the
/// link's `seq`): each line says which item and how. Empty when they agree.
pub fn disagreements(follow_up: &Session, earlier: &Session) -> Vec<String> {
    let mut out = vec![];
    for issue in follow_up.issues.values() {
        let Some(from) = &issue.carried_from else {
            continue;
        };
        if let Some(link) = &follow_up.follow_up
            && from.session != link.follows.session
        {
            out.push(format!(
                "issue {} says it came from session {}, not the one this follows",
                issue.id, from.session
            ));
        }
        // Titles may be edited at the follow-up, so only the issue's existence is checked.
        if !earlier.issues.contains_key(&from.issue) {
            out.push(format!(
                "issue {} says it came from issue {}, which the earlier session does not have",
                issue.id, from.issue
            ));
        }
        for step in issue.plan.steps.values() {
            let Some(from) = &step.carried_from else {
                continue;
            };
            let was = from
                .step
                .and_then(|s| earlier.issues.get(&from.issue)?.plan.steps.get(&s));
            match was {
                None => out.push(format!(
                    "next step {} of issue {} says it came from next step {} of issue {}, \
                     which the earlier session does not have",
                    step.id,
                    issue.id,
                    from.step.map_or("?".into(), |s| s.to_string()),
                    from.issue
                )),
                Some(was) => {
                    let last = step.history.last();
                    if last.is_none_or(|m| m.status != was.status || m.due != was.due) {
                        out.push(format!(
                            "next step {} of issue {}: its state at the last meeting is not \
                             what the earlier session says ({}, due {})",
                            step.id,
                            issue.id,
                            was.status.label(),
                            was.due.map_or("none".into(), |d| d.to_string())
                        ));
                    }
                }
            }
        }
    }
    out
}
