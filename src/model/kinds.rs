//! The one table of kinds of change: each kind's name in the file, the family that owns
//! its rules, and the file version that added it. A new variant of `Change` does not
//! compile until it has a row here, and then not until every exhaustive `match` over
//! `Kind` or `Change` (apply, describe, merge, the fuzz model) has answered for it.

use super::event::Change;

/// The families kinds of change are grouped in: each owns how its changes apply and undo,
/// read in the log, merge, and which pane records them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// The session as a whole: its theme, its reminder, undo and redo.
    Session,
    People,
    Agenda,
    Issues,
    Voting,
    Plan,
    FollowUp,
    /// Copies for other laptops and their merging back.
    Merge,
}

macro_rules! kinds {
    ($($kind:ident => $name:literal, $family:ident, $since:literal;)*) => {
        /// A kind of change without its fields.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind {
            $($kind,)*
        }

        impl Kind {
            /// Every kind, in the order of the table.
            pub const ALL: &'static [Kind] = &[$(Kind::$kind,)*];

            /// The snake_case name used as `type` in the file.
            pub fn name(self) -> &'static str {
                match self {
                    $(Kind::$kind => $name,)*
                }
            }

            pub fn family(self) -> Family {
                match self {
                    $(Kind::$kind => Family::$family,)*
                }
            }

            /// The file version that added the kind.
            pub fn since(self) -> u32 {
                match self {
                    $(Kind::$kind => $since,)*
                }
            }
        }

        impl Change {
            pub fn kind_of(&self) -> Kind {
                match self {
                    $(Change::$kind { .. } => Kind::$kind,)*
                }
            }
        }
    };
}

kinds! {
    SessionCreated => "session_created", Session, 1;
    ThemeSet => "theme_set", Session, 1;
    ReportReminderSet => "report_reminder_set", Session, 2;
    Undo => "undo", Session, 1;
    Redo => "redo", Session, 1;

    ParticipantAdded => "participant_added", People, 1;
    ParticipantUpdated => "participant_updated", People, 1;
    ParticipantRemoved => "participant_removed", People, 1;

    SpaceAdded => "space_added", Agenda, 1;
    SpaceRenamed => "space_renamed", Agenda, 1;
    SpaceRemoved => "space_removed", Agenda, 1;
    SlotAdded => "slot_added", Agenda, 1;
    SlotUpdated => "slot_updated", Agenda, 1;
    SlotRemoved => "slot_removed", Agenda, 1;
    IssuePlaced => "issue_placed", Agenda, 1;
    IssueUnplaced => "issue_unplaced", Agenda, 1;

    IssueRaised => "issue_raised", Issues, 1;
    IssueEdited => "issue_edited", Issues, 1;
    IssueDeleted => "issue_deleted", Issues, 1;
    IssuesMerged => "issues_merged", Issues, 1;
    IssueCancelled => "issue_cancelled", Issues, 1;
    ReportRecorded => "report_recorded", Issues, 1;

    RoundOpened => "round_opened", Voting, 1;
    RoundClosed => "round_closed", Voting, 1;
    RoundReopened => "round_reopened", Voting, 1;
    ResultsRevealed => "results_revealed", Voting, 1;
    DotAdded => "dot_added", Voting, 1;
    DotRemoved => "dot_removed", Voting, 1;
    TallySet => "tally_set", Voting, 2;

    LeadAssigned => "lead_assigned", Plan, 1;
    SupporterAdded => "supporter_added", Plan, 1;
    SupporterRemoved => "supporter_removed", Plan, 1;
    StepAdded => "step_added", Plan, 1;
    StepUpdated => "step_updated", Plan, 1;
    StepRemoved => "step_removed", Plan, 1;
    TriageSet => "triage_set", Plan, 1;

    FollowUpStarted => "follow_up_started", FollowUp, 2;
    PriorityCarried => "priority_carried", FollowUp, 2;
    StepCarried => "step_carried", FollowUp, 2;
    ProgressRecorded => "progress_recorded", FollowUp, 2;
    AbsenceSet => "absence_set", FollowUp, 2;

    CopyMade => "copy_made", Merge, 2;
    CopyMerged => "copy_merged", Merge, 2;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_unique_and_snake_case() {
        let mut names: Vec<_> = Kind::ALL.iter().map(|k| k.name()).collect();
        assert!(
            names
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        );
        names.sort();
        let n = names.len();
        names.dedup();
        assert_eq!(names.len(), n);
    }

    #[test]
    fn the_schema_knows_every_kind() {
        let schema = include_str!("../../assets/session.schema.json");
        for kind in Kind::ALL {
            let name = kind.name();
            assert!(
                schema.contains(&format!("\"const\": \"{name}\"")),
                "{name} is not in the schema"
            );
        }
    }

    #[test]
    fn the_table_names_each_kind_as_the_file_does() {
        // What serde writes as `type` is the derive's snake_case; the table must agree.
        for (change, kind) in [
            (Change::Undo, Kind::Undo),
            (
                Change::TallySet {
                    round: crate::model::RoundId(1),
                    issue: crate::model::IssueId(2),
                    dots: 3,
                },
                Kind::TallySet,
            ),
        ] {
            let json = serde_json::to_value(&change).unwrap();
            assert_eq!(json["type"], kind.name());
            assert_eq!(change.kind_of(), kind);
        }
    }
}
