//! Issues: raised, edited, reported on, merged, deleted, marked as not having met.

use super::{Person, naming};
use crate::model::event::Change;
use crate::model::ids::{IssueId, ParticipantId};
use crate::model::session::{Report, Session};

/// A new issue raised by `convener`, who joins the roster with it if new; also says who
/// convenes it.
pub fn raise_issue(
    session: &Session,
    title: &str,
    convener: &Person,
    description: &str,
) -> (Vec<Change>, Option<ParticipantId>) {
    let issue = session.next_issue_id();
    naming(session, convener, |convener| Change::IssueRaised {
        issue,
        title: title.to_string(),
        convener,
        description: description.to_string(),
    })
}

/// An issue's title, convener and description as now typed; a new convener joins the
/// roster in the same step.
pub fn edit_issue(
    session: &Session,
    issue: IssueId,
    title: &str,
    convener: &Person,
    description: &str,
) -> Vec<Change> {
    naming(session, convener, |convener| Change::IssueEdited {
        issue,
        title: title.to_string(),
        convener,
        description: description.to_string(),
    })
    .0
}

/// A breakout's report. Names of people on the roster take its spelling; anyone else is
/// kept as written and does not join the roster: a report records who came, not who is
/// registered.
pub fn record_report(session: &Session, issue: IssueId, mut report: Report) -> Change {
    for name in &mut report.attendee_names {
        if let Some(id) = session.find_participant(name) {
            *name = session.participant_name(id).to_string();
        }
    }
    Change::ReportRecorded {
        issue,
        report: Box::new(report),
    }
}

pub fn delete_issue(issue: IssueId) -> Change {
    Change::IssueDeleted { issue }
}

/// Marks an issue as having not taken place (or as having taken place after all).
pub fn mark_cancelled(issue: IssueId, cancelled: bool) -> Change {
    Change::IssueCancelled { issue, cancelled }
}

/// Folding issue `from` into `into`. Where both have a lead of their own, `from`'s lead
/// stays on as a supporter of `into`, in the same step, rather than drop out of the plan
/// unsaid; the second value names them so the notice can say so.
pub fn merge_issues(
    session: &Session,
    from: IssueId,
    into: IssueId,
) -> (Vec<Change>, Option<ParticipantId>) {
    let lead_of = |id| session.issues.get(&id).and_then(|i| i.plan.lead);
    let supports = |id, who| {
        let plan = session.issues.get(&id).map(|i| &i.plan.supporters);
        plan.is_some_and(|s: &Vec<_>| s.contains(&who))
    };
    let kept_on = match (lead_of(from), lead_of(into)) {
        (Some(theirs), Some(ours)) if theirs != ours && !supports(into, theirs) => Some(theirs),
        (Some(_) | None, Some(_) | None) => None,
    };
    let mut changes = vec![Change::IssuesMerged { from, into }];
    if let Some(person) = kept_on {
        changes.push(Change::SupporterAdded {
            issue: into,
            participant: person,
        });
    }
    (changes, kept_on)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::Room;

    #[test]
    fn a_report_spells_names_on_the_roster_as_the_roster_does() {
        let mut room = Room::new();
        room.person("Amira Patel", None);
        let issue = room.issue("Transport");
        let report = Report {
            attendees: 2,
            attendee_names: vec!["amira PATEL".into(), "Sam hale".into()],
            ..Report::default()
        };
        let Change::ReportRecorded { report, .. } = record_report(room.s(), issue, report) else {
            panic!("a report");
        };
        assert_eq!(report.attendee_names, ["Amira Patel", "Sam hale"]);
        assert_eq!(room.s().participants.len(), 1);
    }

    #[test]
    fn a_merged_issues_lead_stays_on_as_a_supporter() {
        let mut room = Room::new();
        let (owen, ami) = (room.person("Owen", None), room.person("Ami", None));
        let (from, into) = (room.issue("From"), room.issue("Into"));
        room.ok(Change::LeadAssigned {
            issue: from,
            lead: Some(owen),
        });
        let (changes, kept) = merge_issues(room.s(), from, into);
        assert_eq!((changes.len(), kept), (1, None), "no lead to keep beside");
        room.ok(Change::LeadAssigned {
            issue: into,
            lead: Some(ami),
        });
        let (changes, kept) = merge_issues(room.s(), from, into);
        assert_eq!(kept, Some(owen));
        room.j
            .record_step(crate::model::tests::at(9), changes)
            .unwrap();
        assert!(room.s().issues[&into].plan.supporters.contains(&owen));
    }
}
