//! Which pane shows a change: replay moves there as it reaches each change (a vote on Vote,
//! a placement on Agenda) unless the viewer picked a pane themselves.

use crate::model::Change;
use crate::ui::PaneId;

/// The pane where a change is made and seen; `None` for undo and redo, which belong to
/// whatever they take back, and for naming or merging a copy, which belong to the changes
/// they bring.
pub fn pane_of(change: &Change) -> Option<PaneId> {
    use Change::*;
    Some(match change {
        SessionCreated { .. }
        | ThemeSet { .. }
        | ParticipantAdded { .. }
        | ParticipantUpdated { .. }
        | ParticipantRemoved { .. } => PaneId::Opening,
        IssueRaised { .. }
        | IssueEdited { .. }
        | IssueDeleted { .. }
        | IssuesMerged { .. }
        | ReportRecorded { .. } => PaneId::Issues,
        SpaceAdded { .. }
        | SpaceRenamed { .. }
        | SpaceRemoved { .. }
        | SlotAdded { .. }
        | SlotUpdated { .. }
        | SlotRemoved { .. }
        | IssuePlaced { .. }
        | IssueUnplaced { .. }
        | IssueCancelled { .. }
        | ReportReminderSet { .. } => PaneId::Agenda,
        RoundOpened { .. }
        | RoundClosed { .. }
        | RoundReopened { .. }
        | ResultsRevealed { .. }
        | DotAdded { .. }
        | DotRemoved { .. }
        | TallySet { .. } => PaneId::Vote,
        LeadAssigned { .. }
        | SupporterAdded { .. }
        | SupporterRemoved { .. }
        | StepAdded { .. }
        | StepUpdated { .. }
        | StepRemoved { .. }
        | TriageSet { .. } => PaneId::Leads,
        FollowUpStarted { .. }
        | PriorityCarried { .. }
        | StepCarried { .. }
        | ProgressRecorded { .. } => PaneId::Progress,
        AbsenceSet { .. } => PaneId::Opening,
        Undo | Redo | CopyMade { .. } | CopyMerged { .. } => return None,
    })
}
