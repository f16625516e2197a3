//! Action planning: each priority's lead, supporters, next steps and triage.

use super::{Person, naming};
use crate::model::event::Change;
use crate::model::ids::{IssueId, ParticipantId, StepId};
use crate::model::session::{Horizon, Session, StepStatus, Triage};
use chrono::NaiveDate;

/// `who` leads the issue (nobody: it has no lead); someone new joins the roster with it.
pub fn assign_lead(
    session: &Session,
    issue: IssueId,
    who: &Person,
) -> (Vec<Change>, Option<ParticipantId>) {
    naming(session, who, |lead| Change::LeadAssigned { issue, lead })
}

/// `who` supports the issue; someone new joins the roster with it. A supporter is
/// somebody: naming nobody is the domain's to refuse.
pub fn add_supporter(
    session: &Session,
    issue: IssueId,
    who: &Person,
) -> (Vec<Change>, Option<ParticipantId>) {
    naming(session, who, |p| Change::SupporterAdded {
        issue,
        participant: p.unwrap_or_default(),
    })
}

pub fn remove_supporter(issue: IssueId, participant: ParticipantId) -> Change {
    Change::SupporterRemoved { issue, participant }
}

pub fn set_triage(issue: IssueId, triage: Option<Triage>) -> Change {
    Change::TriageSet { issue, triage }
}

/// A next step as typed in its form (its owner apart).
pub struct StepText {
    pub text: String,
    pub due: Option<NaiveDate>,
    pub horizon: Horizon,
    /// Kept only when changing a step: a new one starts as the domain says.
    pub status: StepStatus,
}

/// A new next step (`editing` none, under the next free id) or a change to one, owned by
/// `owner`, who joins the roster in the same step if new.
pub fn save_step(
    session: &Session,
    issue: IssueId,
    editing: Option<StepId>,
    step: StepText,
    owner: &Person,
) -> (Vec<Change>, Option<ParticipantId>) {
    let next = session.next_step_id();
    let StepText {
        text,
        due,
        horizon,
        status,
    } = step;
    naming(session, owner, |owner| match editing {
        None => Change::StepAdded {
            issue,
            step: next,
            text,
            owner,
            due,
            horizon,
        },
        Some(step) => Change::StepUpdated {
            issue,
            step,
            text,
            owner,
            due,
            horizon,
            status,
        },
    })
}

/// A short-term next step with no owner or date yet, under the next free id.
pub fn add_step(session: &Session, issue: IssueId, text: &str) -> (Change, StepId) {
    let step = session.next_step_id();
    let change = Change::StepAdded {
        issue,
        step,
        text: text.to_string(),
        owner: None,
        due: None,
        horizon: Horizon::Short,
    };
    (change, step)
}

pub fn remove_step(issue: IssueId, step: StepId) -> Change {
    Change::StepRemoved { issue, step }
}

/// A step moved on to the status after its own, in `StepStatus::ALL`'s order and round
/// to the first again; everything else about it stays. Nothing if there is no such step.
pub fn next_status(
    session: &Session,
    issue: IssueId,
    step: StepId,
) -> Option<(Change, StepStatus)> {
    let found = session.issues.get(&issue)?.plan.steps.get(&step)?;
    let at = StepStatus::ALL.iter().position(|s| *s == found.status);
    let status = StepStatus::ALL[(at.unwrap_or(0) + 1) % StepStatus::ALL.len()];
    let change = Change::StepUpdated {
        issue,
        step,
        text: found.text.clone(),
        owner: found.owner,
        due: found.due,
        horizon: found.horizon,
        status,
    };
    Some((change, status))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::Room;

    #[test]
    fn a_steps_status_moves_on_and_comes_round_again() {
        let mut room = Room::new();
        let issue = room.issue("Transport");
        let (added, step) = add_step(room.s(), issue, "Ask the trust");
        room.ok(added);
        let mut seen = Vec::new();
        for _ in 0..StepStatus::ALL.len() {
            let (change, status) = next_status(room.s(), issue, step).expect("a step");
            room.ok(change);
            seen.push(status);
        }
        let first = StepStatus::ALL[0];
        assert_eq!(seen.last(), Some(&first), "round to the first again");
        assert_eq!(seen[..seen.len() - 1], StepStatus::ALL[1..]);
        let kept = &room.s().issues[&issue].plan.steps[&step];
        assert_eq!(
            (kept.text.as_str(), kept.horizon),
            ("Ask the trust", Horizon::Short)
        );
        assert_eq!(next_status(room.s(), issue, StepId(99)), None);
    }
}
