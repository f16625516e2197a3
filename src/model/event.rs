//! Every change to a session is an event. The log of events is the truth: the state is
//! whatever applying them in order gives, which is what makes replay and undo possible.

use super::ids::*;
use super::parts::{
    Group, Horizon, Link, Meeting, Milestone, Origin, Report, StepStatus, Triage, UsedIds,
};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// One entry of the log: when it happened, its place in the order, and what changed.
/// Written as one flat object, `seq`, `at`, then the change (see `tagged`).
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// 1, 2, 3 … with no gaps.
    pub seq: u64,
    /// Wall-clock time with the offset of the laptop that recorded it.
    pub at: DateTime<FixedOffset>,
    /// Marks the event as part of one step made of several events (written `"part_of": N`,
    /// N the `seq` of the step's first event, which carries the mark too). A step is
    /// undone, redone, replayed and logged as a whole. Version 2.
    pub part_of: Option<u64>,
    /// Where the change was first captured when it came in from a copy of the session by
    /// `convene merge` (written `"captured": {…}`: `from` is taken by `issues_merged`).
    /// Version 2.
    pub from: Option<Box<Captured>>,
    pub change: Change,
}

/// The copy a merged change was captured on, and its place in that copy's log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Captured {
    /// The copy's id (given by `convene copy`, or worked out from a plain copy's log).
    pub copy: String,
    /// What the room calls the copy: "Newsroom 2", or a plain copy's file name.
    pub label: String,
    /// The change's `seq` in the copy.
    pub seq: u64,
}

impl Event {
    /// An event that is a step of its own.
    pub fn new(seq: u64, at: DateTime<FixedOffset>, change: Change) -> Event {
        Event {
            seq,
            at,
            part_of: None,
            from: None,
            change,
        }
    }

    /// The seq of the step this event begins or continues, if it is part of a compound step
    /// after its first event.
    pub fn joins(&self) -> Option<u64> {
        self.part_of.filter(|&s| s != self.seq)
    }
}

/// The index of the first event of the step that holds `events[i]`: a step of several
/// events is undone, replayed, logged and merged whole.
pub fn step_start(events: &[Event], mut i: usize) -> usize {
    while i > 0 && events.get(i).is_some_and(|e| e.joins().is_some()) {
        i -= 1;
    }
    i
}

/// The first index from `n` on where a step begins (or the end of the log): where a step
/// that is under way at `n` ends.
pub fn step_end(events: &[Event], mut n: usize) -> usize {
    while events.get(n).is_some_and(|e| e.joins().is_some()) {
        n += 1;
    }
    n
}

/// What changed. Ids of new things are chosen by whoever records the event (from the
/// session's `next_*_id`), so the log says exactly which id each thing got.
///
/// Written as an object tagged `type` in snake_case (`{"type":"theme_set","theme":…}`).
/// The derive below (`remote = "Self"`) only builds each kind's fields; `tagged` puts the
/// tag in the object and implements `Serialize` and `Deserialize`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "snake_case", deny_unknown_fields)]
pub enum Change {
    /// Always the first event of a session.
    SessionCreated {
        theme: String,
    },
    ThemeSet {
        theme: String,
    },

    ParticipantAdded {
        participant: ParticipantId,
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        organisation: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        group: Option<Group>,
    },
    ParticipantUpdated {
        participant: ParticipantId,
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        organisation: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        group: Option<Group>,
    },
    ParticipantRemoved {
        participant: ParticipantId,
    },

    SpaceAdded {
        space: SpaceId,
        name: String,
    },
    SpaceRenamed {
        space: SpaceId,
        name: String,
    },
    /// Issues placed in the space become unplaced.
    SpaceRemoved {
        space: SpaceId,
    },

    SlotAdded {
        slot: SlotId,
        label: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        starts: Option<NaiveTime>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ends: Option<NaiveTime>,
    },
    SlotUpdated {
        slot: SlotId,
        label: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        starts: Option<NaiveTime>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ends: Option<NaiveTime>,
    },
    /// Issues placed in the slot become unplaced.
    SlotRemoved {
        slot: SlotId,
    },

    IssueRaised {
        issue: IssueId,
        title: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        convener: Option<ParticipantId>,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        description: String,
    },
    IssueEdited {
        issue: IssueId,
        title: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        convener: Option<ParticipantId>,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        description: String,
    },
    IssueDeleted {
        issue: IssueId,
    },
    /// `from` is folded into `into`: its report, votes, plan and placement carry over.
    IssuesMerged {
        from: IssueId,
        into: IssueId,
    },
    IssuePlaced {
        issue: IssueId,
        space: SpaceId,
        slot: SlotId,
    },
    IssueUnplaced {
        issue: IssueId,
    },
    /// Marks whether the breakout never took place.
    IssueCancelled {
        issue: IssueId,
        cancelled: bool,
    },
    ReportRecorded {
        issue: IssueId,
        report: Box<Report>,
    },

    RoundOpened {
        round: RoundId,
        dots_per_person: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_per_issue: Option<u32>,
        anonymous: bool,
        hidden: bool,
        ballot: Vec<IssueId>,
    },
    RoundClosed {
        round: RoundId,
    },
    RoundReopened {
        round: RoundId,
    },
    ResultsRevealed {
        round: RoundId,
    },
    /// A dot for an issue; `voter` is absent for tallies and in anonymous rounds.
    DotAdded {
        round: RoundId,
        issue: IssueId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        voter: Option<ParticipantId>,
    },
    DotRemoved {
        round: RoundId,
        issue: IssueId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        voter: Option<ParticipantId>,
    },

    /// An issue's dots counted off the wall, set in one go: `dots` is the issue's whole
    /// count in the round, named voters' dots included, so it can never be below those.
    /// Version 2.
    TallySet {
        round: RoundId,
        issue: IssueId,
        dots: u32,
    },

    LeadAssigned {
        issue: IssueId,
        #[serde(default)]
        lead: Option<ParticipantId>,
    },
    SupporterAdded {
        issue: IssueId,
        participant: ParticipantId,
    },
    SupporterRemoved {
        issue: IssueId,
        participant: ParticipantId,
    },
    StepAdded {
        issue: IssueId,
        step: StepId,
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner: Option<ParticipantId>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<NaiveDate>,
        horizon: Horizon,
    },
    StepUpdated {
        issue: IssueId,
        step: StepId,
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner: Option<ParticipantId>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<NaiveDate>,
        horizon: Horizon,
        status: StepStatus,
    },
    StepRemoved {
        issue: IssueId,
        step: StepId,
    },
    TriageSet {
        issue: IssueId,
        #[serde(default)]
        triage: Option<Triage>,
    },

    /// Opens a follow-up's founding step (only as event 2): the meeting it follows, the
    /// meetings before that, and this meeting's date. Version 2.
    FollowUpStarted {
        follows: Box<Link>,
        date: NaiveDate,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        earlier: Vec<Meeting>,
        /// The highest ids the programme had used, so a new issue, step or person here
        /// never takes a number that meant something else at an earlier meeting.
        #[serde(default, skip_serializing_if = "UsedIds::is_empty")]
        used: UsedIds,
    },
    /// A priority carried from the meeting before, with its id kept (founding step only).
    /// Version 2.
    PriorityCarried {
        issue: IssueId,
        from: Box<Origin>,
        title: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        description: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lead: Option<ParticipantId>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        supporters: Vec<ParticipantId>,
    },
    /// An open action carried from the meeting before, as it stood there, with its state
    /// at every earlier meeting (founding step only). Version 2.
    StepCarried {
        issue: IssueId,
        step: StepId,
        from: Box<Origin>,
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner: Option<ParticipantId>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<NaiveDate>,
        horizon: Horizon,
        status: StepStatus,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        history: Vec<Milestone>,
    },
    /// Progress on an action at this meeting: its status, a one-line note, its due date
    /// and owner as they now are. Version 2.
    ProgressRecorded {
        issue: IssueId,
        step: StepId,
        status: StepStatus,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<NaiveDate>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner: Option<ParticipantId>,
    },
    /// Someone on the roster is away for this meeting (or back). Version 2.
    AbsenceSet {
        participant: ParticipantId,
        absent: bool,
    },
    /// Made by `convene copy` as the first change of a copy for another laptop: names the
    /// copy, so that what is captured on it can say where it came from once merged back.
    /// It changes nothing the room sees and is not undone. Version 2.
    CopyMade {
        copy: String,
        label: String,
    },
    /// Opens the step in which `convene merge` brought in a copy's changes: that copy's
    /// changes up to its `seq` `through` are merged (or were conflicts), and `ids` says
    /// what its new things are called here. Version 2.
    CopyMerged {
        copy: String,
        label: String,
        through: u64,
        #[serde(default, skip_serializing_if = "IdMap::is_empty")]
        ids: Box<IdMap>,
    },
    /// How many minutes before a running slot ends the room is reminded to write its
    /// reports (0: never). Without this event, 10. Version 2.
    ReportReminderSet {
        minutes: u32,
    },

    /// Takes back the latest change not yet undone.
    Undo,
    /// Puts back the latest undone change, if nothing new happened since.
    Redo,
}

impl Change {
    /// The file version that introduced this kind of change: a file of an older version
    /// that holds it is refused rather than read as something it cannot be.
    pub fn since_version(&self) -> u32 {
        match self {
            // "Stuck" came with follow-ups; the kind itself is older.
            Change::StepUpdated {
                status: StepStatus::Stuck,
                ..
            } => 2,
            other => other.kind_of().since(),
        }
    }

    /// Only part of a follow-up's founding step (see `followup`).
    pub fn is_carried(&self) -> bool {
        matches!(
            self,
            Change::PriorityCarried { .. } | Change::StepCarried { .. }
        )
    }

    /// The snake_case name used as `type` in the file.
    pub fn kind(&self) -> &'static str {
        self.kind_of().name()
    }
}
