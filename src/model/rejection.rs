//! Why an event was refused, in words a facilitator can read on the screen.

use super::ids::*;
use thiserror::Error;

/// Longest participant name, organisation, space name or slot label, in characters.
pub const MAX_NAME: usize = 200;
/// Longest issue title and next-step text.
pub const MAX_TITLE: usize = 500;
/// Longest theme.
pub const MAX_THEME: usize = 500;
/// Longest description or report field.
pub const MAX_TEXT: usize = 100_000;
/// Most dots one person may be given in a round.
pub const MAX_DOTS: u32 = 100;
/// Longest lead time of the report reminder, in minutes (a long breakout's whole length).
pub const MAX_REMINDER_MINUTES: u32 = 240;
/// Most dots one issue may be counted at in one go.
pub const MAX_TALLY: u32 = 100_000;
/// Most attendees a report may count.
pub const MAX_ATTENDEES: u32 = 100_000;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Rejection {
    #[error("expected event {expected}, got event {got}")]
    OutOfOrder { expected: u64, got: u64 },
    #[error("a session must start with session_created")]
    NotStarted,
    #[error("this event claims to be part of step {step}, which is not the step just before it")]
    StepBroken { step: u64 },
    #[error("the first event, undo, redo and naming a copy cannot be part of a step")]
    NotInStep,
    #[error("the session was already created")]
    AlreadyStarted,
    #[error("the {what} cannot be empty")]
    Empty { what: &'static str },
    #[error("the {what} is too long ({len} characters; at most {max})")]
    TooLong {
        what: &'static str,
        len: usize,
        max: usize,
    },
    #[error("there is already {what} called \"{name}\"")]
    Duplicate { what: &'static str, name: String },
    #[error("there is no participant {0}")]
    UnknownParticipant(ParticipantId),
    #[error("there is no space {0}")]
    UnknownSpace(SpaceId),
    #[error("there is no slot {0}")]
    UnknownSlot(SlotId),
    #[error("there is no issue {0}")]
    UnknownIssue(IssueId),
    #[error("there is no voting round {0}")]
    UnknownRound(RoundId),
    #[error("issue {issue} has no next step {step}")]
    UnknownStep { issue: IssueId, step: StepId },
    #[error("{}", id_taken(.what, *.id))]
    IdTaken { what: &'static str, id: u32 },
    #[error("issue {0} was merged into issue {1}")]
    Merged(IssueId, IssueId),
    #[error("{name} cannot be removed: {role}")]
    ParticipantInUse { name: String, role: String },
    #[error("that cell already holds issue {by}: \"{title}\"")]
    CellTaken { by: IssueId, title: String },
    #[error("an issue cannot be merged into itself")]
    MergeIntoSelf,
    #[error("the end time must be after the start time")]
    EndsBeforeStart,
    #[error("dots per person must be between 1 and {MAX_DOTS}")]
    BadDots,
    #[error("the per-issue maximum must be between 1 and the dots per person")]
    BadMaximum,
    #[error("the ballot has no issues")]
    EmptyBallot,
    #[error("issue {0} is on the ballot twice")]
    DuplicateOnBallot(IssueId),
    #[error("round {0} is closed")]
    RoundClosed(RoundId),
    #[error("round {0} is already open")]
    RoundOpen(RoundId),
    #[error("round {0} shows its results already")]
    AlreadyVisible(RoundId),
    #[error("issue {issue} is not on the ballot of round {round}")]
    NotOnBallot { round: RoundId, issue: IssueId },
    #[error("round {0} is anonymous: dots are counted, not named")]
    AnonymousRound(RoundId),
    #[error("{name} has used all {budget} dots")]
    OverBudget { name: String, budget: u32 },
    #[error("{name} has given issue {issue} the most dots allowed ({max})")]
    OverIssueLimit {
        name: String,
        issue: IssueId,
        max: u32,
    },
    #[error("issue {issue} already has {named} dots from named voters: the count cannot be lower")]
    BelowNamed { issue: IssueId, named: u32 },
    #[error("at most {MAX_TALLY} dots can be counted for one issue")]
    TooManyDots,
    #[error("there is no dot to take away")]
    NoDot,
    #[error("the report reminder comes at most {MAX_REMINDER_MINUTES} minutes before a slot ends")]
    BadReminder,
    #[error("at most {MAX_ATTENDEES} attendees")]
    TooManyAttendees,
    #[error("{name} already supports this issue")]
    AlreadySupporter { name: String },
    #[error("{name} leads this issue")]
    LeadsIt { name: String },
    #[error("{name} does not support this issue")]
    NotSupporter { name: String },
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("nothing to redo")]
    NothingToRedo,
    #[error("nothing changes")]
    NoChange,
    #[error("a follow-up link can only come right after the session is created")]
    FollowUpLate,
    #[error("carried items only come with the follow-up link, in the first step")]
    NotFounding,
    #[error("the meeting's date ({date}) is before the meeting it follows ({follows})")]
    FollowUpBefore {
        date: chrono::NaiveDate,
        follows: chrono::NaiveDate,
    },
    #[error("{name} is listed twice as a supporter")]
    SupporterTwice { name: String },
}

/// A taken id, saying why when it is because numbers have run out: a file holding the
/// largest id leaves no next one, and "already exists" alone would be a riddle.
fn id_taken(what: &str, id: u32) -> String {
    if id == u32::MAX {
        format!(
            "no more {what}s can be added: this session already uses {what} number {id}, \
             the largest there can be"
        )
    } else {
        format!("{what} {id} already exists")
    }
}
