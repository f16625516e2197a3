//! A follow-up meeting: who is away, what the room says of each carried action, and
//! priorities added on the day.

use crate::model::event::Change;
use crate::model::ids::{IssueId, ParticipantId, StepId};
use crate::model::session::{Session, StepStatus};
use chrono::NaiveDate;

/// One thing the room says about an action at a follow-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    Status(StepStatus),
    Note(String),
    Due(Option<NaiveDate>),
    Owner(Option<ParticipantId>),
}

/// Progress on one action. The change states the action's whole progress (status, note,
/// due date, owner), so saying one thing keeps the rest as it stands. Nothing if there is
/// no such action.
pub fn record_progress(
    session: &Session,
    issue: IssueId,
    step: StepId,
    said: Progress,
) -> Option<Change> {
    let s = session.issues.get(&issue)?.plan.steps.get(&step)?;
    let (mut status, mut note, mut due, mut owner) = (s.status, s.note.clone(), s.due, s.owner);
    match said {
        Progress::Status(now) => status = now,
        Progress::Note(now) => note = now,
        Progress::Due(now) => due = now,
        Progress::Owner(now) => owner = now,
    }
    Some(Change::ProgressRecorded {
        issue,
        step,
        status,
        note,
        due,
        owner,
    })
}

/// A priority the follow-up adds: an issue of the meeting (no convener: nobody raised it
/// in a marketplace) with its lead, if named, in the same step. Also says its id.
pub fn new_priority(
    session: &Session,
    title: &str,
    lead: Option<ParticipantId>,
) -> (Vec<Change>, IssueId) {
    let issue = session.next_issue_id();
    let mut changes = vec![Change::IssueRaised {
        issue,
        title: title.to_string(),
        convener: None,
        description: String::new(),
    }];
    if lead.is_some() {
        changes.push(Change::LeadAssigned { issue, lead });
    }
    (changes, issue)
}

/// Someone on the roster is away for this meeting (or here after all).
pub fn set_away(participant: ParticipantId, absent: bool) -> Change {
    Change::AbsenceSet {
        participant,
        absent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::commands::add_step;
    use crate::model::tests::Room;

    #[test]
    fn saying_one_thing_of_an_action_keeps_the_rest() {
        let mut room = Room::new();
        let ami = room.person("Ami", None);
        let issue = room.issue("Transport");
        let (added, step) = add_step(room.s(), issue, "Ask the trust");
        room.ok(added);
        let progress = |room: &Room, said| record_progress(room.s(), issue, step, said);
        let note = progress(&room, Progress::Note("Asked twice".into())).expect("an action");
        let Change::ProgressRecorded { status, owner, .. } = &note else {
            panic!("progress");
        };
        let before = room.s().issues[&issue].plan.steps[&step].status;
        assert_eq!((*status, *owner), (before, None));
        let owned = progress(&room, Progress::Owner(Some(ami))).expect("an action");
        let Change::ProgressRecorded { note, owner, .. } = owned else {
            panic!("progress");
        };
        assert_eq!((note.as_str(), owner), ("", Some(ami)));
        assert!(progress(&room, Progress::Due(None)).is_some());
        assert_eq!(
            record_progress(room.s(), issue, StepId(99), Progress::Due(None)),
            None
        );
    }

    #[test]
    fn a_new_priority_names_its_lead_in_the_same_step() {
        let mut room = Room::new();
        let ami = room.person("Ami", None);
        let (alone, id) = new_priority(room.s(), "Transport", None);
        assert_eq!((alone.len(), id), (1, room.s().next_issue_id()));
        let (led, _) = new_priority(room.s(), "Transport", Some(ami));
        assert_eq!(
            led[1],
            Change::LeadAssigned {
                issue: id,
                lead: Some(ami)
            }
        );
    }
}
