//! Follow-up meetings: carrying the open plan, progress on it, and what is overdue.

use super::*;
use crate::model::followup::{Earlier, carry, disagreements, is_overdue, tally};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn step(
    issue: IssueId,
    id: u32,
    text: &str,
    owner: Option<ParticipantId>,
    due: NaiveDate,
) -> Change {
    Change::StepAdded {
        issue,
        step: StepId(id),
        text: text.into(),
        owner,
        due: Some(due),
        horizon: Horizon::Short,
    }
}

fn set_status(room: &mut Room, issue: IssueId, id: u32, status: StepStatus) {
    let s = room.issue_of(issue).plan.steps[&StepId(id)].clone();
    room.ok(Change::StepUpdated {
        issue,
        step: StepId(id),
        text: s.text,
        owner: s.owner,
        due: s.due,
        horizon: s.horizon,
        status,
    });
}

/// The day: issue 1 led by Asha with four steps (one done, one dropped), issue 2 with no
/// lead but an open step, issue 3 with neither.
fn day() -> Room {
    let mut room = Room::new();
    let asha = room.person("Asha", Some(Group::Nhs));
    let ben = room.person("Ben", None);
    let falls = room.issue("Falls at home");
    let carers = room.issue("Carers' breaks");
    room.issue("Parking");
    room.ok(Change::LeadAssigned {
        issue: falls,
        lead: Some(asha),
    });
    room.ok(Change::SupporterAdded {
        issue: falls,
        participant: ben,
    });
    room.ok(step(
        falls,
        1,
        "Pilot on two wards",
        Some(asha),
        d(2026, 4, 1),
    ));
    room.ok(step(falls, 2, "Write to GPs", Some(ben), d(2026, 3, 20)));
    room.ok(step(falls, 3, "Leaflet", None, d(2026, 3, 30)));
    room.ok(step(falls, 4, "Survey", None, d(2026, 3, 30)));
    room.ok(step(
        carers,
        5,
        "Map respite beds",
        Some(ben),
        d(2026, 5, 1),
    ));
    set_status(&mut room, falls, 3, StepStatus::Done);
    set_status(&mut room, falls, 4, StepStatus::Dropped);
    room
}

/// A follow-up of `earlier` on `date`, its founding step recorded as `convene follow-up` does.
fn follow(earlier: &Session, id: &str, on: NaiveDate, from: NaiveDate) -> Room {
    let earlier = Earlier {
        session: earlier,
        id,
        seq: earlier.last_seq,
        file: "earlier.json",
        date: from,
    };
    let mut j = Journal::create(at(0), "Three months on").unwrap();
    j.record_step(at(1), carry(&earlier, on, false)).unwrap();
    Room { j }
}

#[test]
fn only_open_actions_and_led_priorities_are_carried_with_their_ids() {
    let day = day();
    let next = follow(day.s(), "day-1", d(2026, 6, 10), d(2026, 3, 12));
    let s = next.s();
    let ids: Vec<_> = s.issues.keys().copied().collect();
    assert_eq!(
        ids,
        [IssueId(1), IssueId(2)],
        "issue 3 has no lead and no step"
    );
    let falls = &s.issues[&IssueId(1)];
    assert_eq!(falls.plan.lead, Some(ParticipantId(1)));
    assert_eq!(falls.plan.supporters, [ParticipantId(2)]);
    assert_eq!(falls.carried_from.as_ref().unwrap().session, "day-1");
    let steps: Vec<_> = falls.plan.steps.keys().map(|s| s.0).collect();
    assert_eq!(steps, [1, 2], "done and dropped steps stay behind");
    let carers = &s.issues[&IssueId(2)];
    assert_eq!(carers.plan.lead, None);
    assert!(carers.plan.steps.contains_key(&StepId(5)));
    let pilot = &falls.plan.steps[&StepId(1)];
    assert_eq!(pilot.owner, Some(ParticipantId(1)));
    assert_eq!(pilot.due, Some(d(2026, 4, 1)));
    let origin = pilot.carried_from.as_ref().unwrap();
    assert_eq!((origin.issue, origin.step), (IssueId(1), Some(StepId(1))));
    assert_eq!(pilot.history.len(), 1);
    assert_eq!(pilot.history[0].date, d(2026, 3, 12));
    assert_eq!(pilot.history[0].owner.as_deref(), Some("Asha"));
    assert_eq!(s.participants.len(), 2);
    assert_eq!(s.meeting_date(), Some(d(2026, 6, 10)));
    // New ids follow on from every id the day used, carried or not: a new issue here
    // never takes the number issue 3 had.
    assert_eq!(s.next_step_id(), StepId(6));
    assert_eq!(s.next_issue_id(), IssueId(4));
    assert!(disagreements(s, day.s()).is_empty());
}

#[test]
fn a_chain_of_three_carries_the_latest_state_and_its_history() {
    let day = day();
    let mut second = follow(day.s(), "day-1", d(2026, 6, 10), d(2026, 3, 12));
    second.ok(Change::ProgressRecorded {
        issue: IssueId(1),
        step: StepId(1),
        status: StepStatus::UnderWay,
        note: "pilot running on two wards since January".into(),
        due: Some(d(2026, 9, 1)),
        owner: Some(ParticipantId(1)),
    });
    second.ok(Change::ProgressRecorded {
        issue: IssueId(1),
        step: StepId(2),
        status: StepStatus::Done,
        note: "sent in April".into(),
        due: Some(d(2026, 3, 20)),
        owner: Some(ParticipantId(2)),
    });
    second.ok(step(
        IssueId(2),
        6,
        "Ask the carers' forum",
        None,
        d(2026, 7, 1),
    ));
    let third = follow(second.s(), "second-1", d(2026, 9, 20), d(2026, 6, 10));
    let s = third.s();
    let falls = &s.issues[&IssueId(1)];
    let steps: Vec<_> = falls.plan.steps.keys().map(|s| s.0).collect();
    assert_eq!(
        steps,
        [1],
        "the step done at the second meeting is not carried"
    );
    let pilot = &falls.plan.steps[&StepId(1)];
    assert_eq!(pilot.status, StepStatus::UnderWay);
    assert_eq!(pilot.due, Some(d(2026, 9, 1)));
    assert_eq!(
        pilot.note, "",
        "notes belong to the meeting they were made at"
    );
    let dates: Vec<_> = pilot.history.iter().map(|m| m.date).collect();
    assert_eq!(dates, [d(2026, 3, 12), d(2026, 6, 10)]);
    assert_eq!(pilot.history[0].status, StepStatus::NotStarted);
    assert_eq!(pilot.history[1].status, StepStatus::UnderWay);
    assert_eq!(
        pilot.history[1].note,
        "pilot running on two wards since January"
    );
    // A step added at the second meeting is carried with the one meeting it has seen.
    let new = &s.issues[&IssueId(2)].plan.steps[&StepId(6)];
    assert_eq!(new.history.len(), 1);
    let chain = s.follow_up.as_ref().unwrap().chain();
    let sessions: Vec<_> = chain.iter().map(|m| m.session.as_str()).collect();
    assert_eq!(sessions, ["day-1", "second-1"]);
    assert!(disagreements(s, second.s()).is_empty());
}

#[test]
fn overdue_is_judged_against_the_meeting_date() {
    let day = day();
    let next = follow(day.s(), "day-1", d(2026, 3, 25), d(2026, 3, 12));
    let falls = &next.s().issues[&IssueId(1)];
    let meeting = next.s().meeting_date().unwrap();
    // Due 20 March, meeting 25 March: overdue. Due 1 April: not yet.
    assert!(is_overdue(&falls.plan.steps[&StepId(2)], meeting));
    assert!(!is_overdue(&falls.plan.steps[&StepId(1)], meeting));
    // Due on the meeting's day itself is not overdue yet.
    assert!(!is_overdue(&falls.plan.steps[&StepId(2)], d(2026, 3, 20)));
    let later = follow(day.s(), "day-1", d(2026, 6, 1), d(2026, 3, 12));
    let (all, _) = tally(later.s(), later.s().meeting_date().unwrap(), true);
    assert_eq!((all.actions, all.overdue), (3, 3));
    let mut done = later;
    done.ok(Change::ProgressRecorded {
        issue: IssueId(1),
        step: StepId(2),
        status: StepStatus::Done,
        note: String::new(),
        due: Some(d(2026, 3, 20)),
        owner: Some(ParticipantId(2)),
    });
    let (all, by) = tally(done.s(), d(2026, 6, 1), true);
    assert_eq!(
        (all.done, all.overdue),
        (1, 2),
        "a done action is never overdue"
    );
    assert_eq!(by[0].actions, 3);
}

#[test]
fn progress_updates_undo_one_at_a_time_and_the_carry_cannot_be_undone() {
    let day = day();
    let mut next = follow(day.s(), "day-1", d(2026, 6, 10), d(2026, 3, 12));
    let carried = next.s().clone();
    assert!(
        next.s().undo_target().is_none(),
        "the founding step is not undoable"
    );
    let update = |status, note: &str| Change::ProgressRecorded {
        issue: IssueId(1),
        step: StepId(1),
        status,
        note: note.into(),
        due: Some(d(2026, 4, 1)),
        owner: Some(ParticipantId(1)),
    };
    next.ok(update(StepStatus::Stuck, "waiting for\nestates"));
    let step = &next.issue_of(IssueId(1)).plan.steps[&StepId(1)];
    assert_eq!(step.note, "waiting for estates", "a note is one line");
    let stuck = next.s().clone();
    next.ok(update(StepStatus::Done, "opened in May"));
    next.undo();
    assert_eq!(next.s().issues, stuck.issues);
    next.undo();
    assert_eq!(next.s().issues, carried.issues);
    assert_eq!(next.refuse(Change::Undo), Rejection::NothingToUndo);
    next.redo();
    assert_eq!(next.s().issues, stuck.issues);
    assert_eq!(
        next.refuse(update(StepStatus::Stuck, "waiting for estates")),
        Rejection::NoChange
    );
}

#[test]
fn absence_is_for_this_meeting_and_undoable() {
    let day = day();
    let mut next = follow(day.s(), "day-1", d(2026, 6, 10), d(2026, 3, 12));
    let ben = ParticipantId(2);
    next.ok(Change::AbsenceSet {
        participant: ben,
        absent: true,
    });
    assert!(next.s().participants[&ben].absent);
    // Renaming someone keeps them away.
    next.ok(Change::ParticipantUpdated {
        participant: ben,
        name: "Ben Ade".into(),
        organisation: None,
        group: None,
    });
    assert!(next.s().participants[&ben].absent);
    next.undo();
    next.undo();
    assert!(!next.s().participants[&ben].absent);
    assert_eq!(
        next.refuse(Change::AbsenceSet {
            participant: ben,
            absent: false
        }),
        Rejection::NoChange
    );
}

#[test]
fn the_link_comes_first_and_carried_items_only_with_it() {
    let day = day();
    let mut room = day;
    let earlier = Earlier {
        session: &Session::default(),
        id: "x",
        seq: 1,
        file: "x.json",
        date: d(2026, 3, 12),
    };
    let changes = carry(&earlier, d(2026, 6, 1), false);
    assert_eq!(room.refuse(changes[0].clone()), Rejection::FollowUpLate);
    let carried = Change::PriorityCarried {
        issue: IssueId(9),
        from: Box::new(crate::model::followup::Origin {
            session: "x".into(),
            issue: IssueId(9),
            step: None,
        }),
        title: "Sneaked in".into(),
        description: String::new(),
        lead: None,
        supporters: vec![],
    };
    assert_eq!(room.refuse(carried), Rejection::NotFounding);
    let mut fresh = Journal::create(at(0), "Later").unwrap();
    let before = fresh.clone();
    let backwards = carry(&earlier, d(2026, 1, 1), false);
    assert!(matches!(
        fresh.record_step(at(1), backwards),
        Err(Rejection::FollowUpBefore { .. })
    ));
    assert_eq!(fresh, before);
}

#[test]
fn a_refused_carry_leaves_nothing_behind() {
    let day = day();
    let earlier = Earlier {
        session: day.s(),
        id: "day-1",
        seq: day.s().last_seq,
        file: "day.json",
        date: d(2026, 3, 12),
    };
    let mut changes = carry(&earlier, d(2026, 6, 1), false);
    // A hand-made step that carries one priority twice.
    let twice = changes
        .iter()
        .find(|c| matches!(c, Change::PriorityCarried { .. }))
        .unwrap()
        .clone();
    changes.push(twice);
    let mut j = Journal::create(at(0), "Later").unwrap();
    let before = j.clone();
    assert!(j.record_step(at(1), changes).is_err());
    assert_eq!(j, before);
}

#[test]
fn stuck_is_a_version_2_status() {
    let change = Change::StepUpdated {
        issue: IssueId(1),
        step: StepId(1),
        text: "x".into(),
        owner: None,
        due: None,
        horizon: Horizon::Short,
        status: StepStatus::Stuck,
    };
    assert_eq!(change.since_version(), 2);
    let mut day = day();
    set_status(&mut day, IssueId(1), 1, StepStatus::Stuck);
    assert_eq!(
        day.issue_of(IssueId(1)).plan.steps[&StepId(1)].status,
        StepStatus::Stuck
    );
}
