//! What a change creates, refers to and touches, kind by kind. Both functions match every
//! kind without a wildcard, so a new kind of change cannot be merged until it says here
//! what its ids are and what it changes.

use crate::model::*;

/// Whether a change brings an id into being or names something that already exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Creates,
    Refers,
}

/// One id inside a change, open to being renumbered.
pub enum IdMut<'a> {
    Participant(&'a mut ParticipantId),
    Space(&'a mut SpaceId),
    Slot(&'a mut SlotId),
    Issue(&'a mut IssueId),
    Round(&'a mut RoundId),
    NextStep(&'a mut StepId),
}

/// Calls `f` with every id in the change, saying whether the change creates it.
pub fn visit_ids(change: &mut Change, f: &mut dyn FnMut(Role, IdMut<'_>)) {
    use Change::*;
    use IdMut as I;
    use Role::*;
    let person = |f: &mut dyn FnMut(Role, IdMut<'_>), p: &mut Option<ParticipantId>| {
        if let Some(p) = p {
            f(Refers, I::Participant(p));
        }
    };
    match change {
        SessionCreated { .. }
        | ThemeSet { .. }
        | ReportReminderSet { .. }
        | CopyMade { .. }
        | CopyMerged { .. } => {}
        Undo | Redo => {}
        ParticipantAdded { participant, .. } => f(Creates, I::Participant(participant)),
        ParticipantUpdated { participant, .. } | ParticipantRemoved { participant } => {
            f(Refers, I::Participant(participant))
        }
        SpaceAdded { space, .. } => f(Creates, I::Space(space)),
        SpaceRenamed { space, .. } | SpaceRemoved { space } => f(Refers, I::Space(space)),
        SlotAdded { slot, .. } => f(Creates, I::Slot(slot)),
        SlotUpdated { slot, .. } | SlotRemoved { slot } => f(Refers, I::Slot(slot)),
        IssueRaised {
            issue, convener, ..
        } => {
            f(Creates, I::Issue(issue));
            person(f, convener);
        }
        IssueEdited {
            issue, convener, ..
        } => {
            f(Refers, I::Issue(issue));
            person(f, convener);
        }
        IssueDeleted { issue }
        | IssueUnplaced { issue }
        | IssueCancelled { issue, .. }
        | ReportRecorded { issue, .. }
        | TriageSet { issue, .. } => f(Refers, I::Issue(issue)),
        IssuesMerged { from, into } => {
            f(Refers, I::Issue(from));
            f(Refers, I::Issue(into));
        }
        IssuePlaced { issue, space, slot } => {
            f(Refers, I::Issue(issue));
            f(Refers, I::Space(space));
            f(Refers, I::Slot(slot));
        }
        RoundOpened { round, ballot, .. } => {
            f(Creates, I::Round(round));
            for issue in ballot {
                f(Refers, I::Issue(issue));
            }
        }
        RoundClosed { round } | RoundReopened { round } | ResultsRevealed { round } => {
            f(Refers, I::Round(round))
        }
        TallySet { round, issue, .. } => {
            f(Refers, I::Round(round));
            f(Refers, I::Issue(issue));
        }
        DotAdded {
            round,
            issue,
            voter,
        }
        | DotRemoved {
            round,
            issue,
            voter,
        } => {
            f(Refers, I::Round(round));
            f(Refers, I::Issue(issue));
            person(f, voter);
        }
        LeadAssigned { issue, lead } => {
            f(Refers, I::Issue(issue));
            person(f, lead);
        }
        SupporterAdded { issue, participant } | SupporterRemoved { issue, participant } => {
            f(Refers, I::Issue(issue));
            f(Refers, I::Participant(participant));
        }
        StepAdded {
            issue, step, owner, ..
        } => {
            f(Refers, I::Issue(issue));
            f(Creates, I::NextStep(step));
            person(f, owner);
        }
        StepUpdated {
            issue, step, owner, ..
        } => {
            f(Refers, I::Issue(issue));
            f(Refers, I::NextStep(step));
            person(f, owner);
        }
        StepRemoved { issue, step } => {
            f(Refers, I::Issue(issue));
            f(Refers, I::NextStep(step));
        }
        // A follow-up's founding step comes before any copy of it is made, so a copy never
        // brings it in; its ids are those of the meeting before, kept as they were.
        FollowUpStarted { .. } => {}
        PriorityCarried {
            issue,
            lead,
            supporters,
            ..
        } => {
            f(Creates, I::Issue(issue));
            person(f, lead);
            for p in supporters {
                f(Refers, I::Participant(p));
            }
        }
        StepCarried {
            issue, step, owner, ..
        } => {
            f(Refers, I::Issue(issue));
            f(Creates, I::NextStep(step));
            person(f, owner);
        }
        ProgressRecorded {
            issue, step, owner, ..
        } => {
            f(Refers, I::Issue(issue));
            f(Refers, I::NextStep(step));
            person(f, owner);
        }
        AbsenceSet { participant, .. } => f(Refers, I::Participant(participant)),
    }
}

/// Something two laptops can both change, so that their changes can meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    Theme,
    /// How long before a slot ends reports are asked for.
    ReportReminder,
    Person(ParticipantId),
    /// A person's organisation and group, which a copy may fill in for someone added
    /// without them.
    Details(ParticipantId),
    Space(SpaceId),
    Slot(SlotId),
    /// Anything about the issue at all (deleting it would take that away).
    Issue(IssueId),
    IssueText(IssueId),
    Placement(IssueId),
    Cell(Placement),
    Cancelled(IssueId),
    Report(IssueId),
    Lead(IssueId),
    Triage(IssueId),
    NextStep(StepId),
    /// An issue's dots counted off the wall in a round, set in one go.
    Tally(RoundId, IssueId),
}

/// What the change sets, in the ids it carries.
pub fn keys(change: &Change) -> Vec<Key> {
    use Change::*;
    use Key as K;
    match change {
        SessionCreated { .. } | CopyMade { .. } | CopyMerged { .. } | Undo | Redo => vec![],
        ThemeSet { .. } => vec![K::Theme],
        ReportReminderSet { .. } => vec![K::ReportReminder],
        ParticipantAdded {
            participant,
            organisation,
            group,
            ..
        } => {
            let mut keys = vec![K::Person(*participant)];
            if organisation.is_some() || group.is_some() {
                keys.push(K::Details(*participant));
            }
            keys
        }
        ParticipantUpdated { participant, .. } => {
            vec![K::Person(*participant), K::Details(*participant)]
        }
        ParticipantRemoved { participant } => vec![K::Person(*participant)],
        SpaceAdded { space, .. } | SpaceRenamed { space, .. } | SpaceRemoved { space } => {
            vec![K::Space(*space)]
        }
        SlotAdded { slot, .. } | SlotUpdated { slot, .. } | SlotRemoved { slot } => {
            vec![K::Slot(*slot)]
        }
        IssueRaised { issue, .. } | IssueEdited { issue, .. } => {
            vec![K::Issue(*issue), K::IssueText(*issue)]
        }
        IssueDeleted { issue } => vec![K::Issue(*issue)],
        IssuesMerged { from, into } => vec![
            K::Issue(*from),
            K::Issue(*into),
            K::Report(*into),
            K::Placement(*from),
        ],
        IssuePlaced { issue, space, slot } => vec![
            K::Issue(*issue),
            K::Placement(*issue),
            K::Cell(Placement {
                space: *space,
                slot: *slot,
            }),
        ],
        IssueUnplaced { issue } => vec![K::Issue(*issue), K::Placement(*issue)],
        IssueCancelled { issue, .. } => vec![K::Issue(*issue), K::Cancelled(*issue)],
        ReportRecorded { issue, .. } => vec![K::Issue(*issue), K::Report(*issue)],
        RoundOpened { ballot, .. } => ballot.iter().map(|i| K::Issue(*i)).collect(),
        RoundClosed { .. } | RoundReopened { .. } | ResultsRevealed { .. } => vec![],
        DotAdded { issue, .. } | DotRemoved { issue, .. } => vec![K::Issue(*issue)],
        TallySet { round, issue, .. } => vec![K::Issue(*issue), K::Tally(*round, *issue)],
        LeadAssigned { issue, .. } => vec![K::Issue(*issue), K::Lead(*issue)],
        SupporterAdded { issue, .. } | SupporterRemoved { issue, .. } => vec![K::Issue(*issue)],
        StepAdded { issue, step, .. }
        | StepUpdated { issue, step, .. }
        | StepRemoved { issue, step } => vec![K::Issue(*issue), K::NextStep(*step)],
        TriageSet { issue, .. } => vec![K::Issue(*issue), K::Triage(*issue)],
        FollowUpStarted { .. } | PriorityCarried { .. } | StepCarried { .. } => vec![],
        ProgressRecorded { issue, step, .. } => vec![K::Issue(*issue), K::NextStep(*step)],
        AbsenceSet { participant, .. } => vec![K::Details(*participant)],
    }
}
