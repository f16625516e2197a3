//! Action plans: leads, supporters, next steps and triage.

use super::*;
use chrono::NaiveDate;

fn step(issue: IssueId, id: u32, text: &str, owner: Option<ParticipantId>) -> Change {
    Change::StepAdded {
        issue,
        step: StepId(id),
        text: text.into(),
        owner,
        due: NaiveDate::from_ymd_opt(2026, 4, 30),
        horizon: Horizon::Medium,
    }
}

#[test]
fn a_lead_is_someone_on_the_roster_and_can_be_cleared() {
    let mut room = Room::new();
    let asha = room.person("Asha", None);
    let issue = room.issue("Falls");
    assert_eq!(
        room.refuse(Change::LeadAssigned {
            issue,
            lead: Some(ParticipantId(9))
        }),
        Rejection::UnknownParticipant(ParticipantId(9))
    );
    assert_eq!(
        room.refuse(Change::LeadAssigned {
            issue: IssueId(9),
            lead: Some(asha)
        }),
        Rejection::UnknownIssue(IssueId(9))
    );
    room.ok(Change::LeadAssigned {
        issue,
        lead: Some(asha),
    });
    assert_eq!(room.issue_of(issue).plan.lead, Some(asha));
    assert_eq!(
        room.refuse(Change::LeadAssigned {
            issue,
            lead: Some(asha)
        }),
        Rejection::NoChange
    );
    room.ok(Change::LeadAssigned { issue, lead: None });
    assert_eq!(room.issue_of(issue).plan.lead, None);
}

#[test]
fn supporters_are_added_once_and_removed_if_there() {
    let mut room = Room::new();
    let asha = room.person("Asha", None);
    let ben = room.person("Ben", None);
    let issue = room.issue("Falls");
    let support = |participant| Change::SupporterAdded { issue, participant };
    room.ok(support(asha));
    room.ok(support(ben));
    assert_eq!(
        room.refuse(support(asha)),
        Rejection::AlreadySupporter {
            name: "Asha".into()
        }
    );
    room.ok(Change::SupporterRemoved {
        issue,
        participant: asha,
    });
    assert_eq!(room.issue_of(issue).plan.supporters, vec![ben]);
    assert_eq!(
        room.refuse(Change::SupporterRemoved {
            issue,
            participant: asha
        }),
        Rejection::NotSupporter {
            name: "Asha".into()
        }
    );
    assert_eq!(
        room.refuse(support(ParticipantId(5))),
        Rejection::UnknownParticipant(ParticipantId(5))
    );
}

#[test]
fn a_supporter_who_takes_the_lead_stops_being_listed_as_a_supporter() {
    let mut room = Room::new();
    let asha = room.person("Asha", None);
    let ben = room.person("Ben", None);
    let issue = room.issue("Falls");
    room.ok(Change::SupporterAdded {
        issue,
        participant: asha,
    });
    room.ok(Change::SupporterAdded {
        issue,
        participant: ben,
    });
    room.ok(Change::LeadAssigned {
        issue,
        lead: Some(asha),
    });
    assert_eq!(room.issue_of(issue).plan.supporters, vec![ben]);
    assert_eq!(
        room.refuse(Change::SupporterAdded {
            issue,
            participant: asha
        }),
        Rejection::LeadsIt {
            name: "Asha".into()
        }
    );
    room.undo();
    assert_eq!(room.issue_of(issue).plan.lead, None);
    assert_eq!(room.issue_of(issue).plan.supporters, vec![asha, ben]);
    room.redo();
    assert_eq!(room.issue_of(issue).plan.lead, Some(asha));
    assert_eq!(room.issue_of(issue).plan.supporters, vec![ben]);
}

#[test]
fn next_steps_have_text_known_owners_and_unique_ids() {
    let mut room = Room::new();
    let asha = room.person("Asha", None);
    let a = room.issue("Falls");
    let b = room.issue("Carers");
    assert_eq!(
        room.refuse(step(a, 1, "  ", None)),
        Rejection::Empty { what: "next step" }
    );
    assert!(matches!(
        room.refuse(step(a, 1, &"s".repeat(MAX_TITLE + 1), None)),
        Rejection::TooLong {
            what: "next step",
            ..
        }
    ));
    assert_eq!(
        room.refuse(step(a, 1, "Call the falls team", Some(ParticipantId(4)))),
        Rejection::UnknownParticipant(ParticipantId(4))
    );
    room.ok(step(a, 1, "Call the falls team", Some(asha)));
    // A step id names one step across the whole session.
    assert_eq!(
        room.refuse(step(b, 1, "Survey carers", None)),
        Rejection::IdTaken {
            what: "next step",
            id: 1
        }
    );
    assert_eq!(room.s().next_step_id(), StepId(2));
    let s = &room.issue_of(a).plan.steps[&StepId(1)];
    assert_eq!(s.status, StepStatus::NotStarted);
    assert_eq!(s.owner, Some(asha));

    room.ok(Change::StepUpdated {
        issue: a,
        step: StepId(1),
        text: "Call the community falls team".into(),
        owner: None,
        due: None,
        horizon: Horizon::Short,
        status: StepStatus::UnderWay,
    });
    let s = &room.issue_of(a).plan.steps[&StepId(1)];
    assert_eq!(s.status, StepStatus::UnderWay);
    assert_eq!(s.due, None);
    let update_b = Change::StepUpdated {
        issue: b,
        step: StepId(1),
        text: "x".into(),
        owner: None,
        due: None,
        horizon: Horizon::Short,
        status: StepStatus::Done,
    };
    assert_eq!(
        room.refuse(update_b),
        Rejection::UnknownStep {
            issue: b,
            step: StepId(1)
        }
    );
    room.ok(Change::StepRemoved {
        issue: a,
        step: StepId(1),
    });
    assert!(room.issue_of(a).plan.steps.is_empty());
    assert_eq!(
        room.refuse(Change::StepRemoved {
            issue: a,
            step: StepId(1)
        }),
        Rejection::UnknownStep {
            issue: a,
            step: StepId(1)
        }
    );
}

#[test]
fn triage_is_set_changed_and_cleared() {
    let mut room = Room::new();
    let issue = room.issue("Falls");
    let set = |triage| Change::TriageSet { issue, triage };
    room.ok(set(Some(Triage::DoIt)));
    assert_eq!(room.refuse(set(Some(Triage::DoIt))), Rejection::NoChange);
    room.ok(set(Some(Triage::AnotherOpenSpace)));
    assert_eq!(
        room.issue_of(issue).plan.triage,
        Some(Triage::AnotherOpenSpace)
    );
    room.ok(set(None));
    assert_eq!(room.issue_of(issue).plan.triage, None);
}
