//! The values a session is made of (people, spaces, slots, issues with their reports and
//! plans, and what a follow-up carries from earlier meetings), apart from the session that
//! holds them, so that events, undo and the rules can name them without the whole state.

use super::ids::*;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The kind of organisation or voice a participant brings, used to show whose priorities
/// are whose (are service users and carers heard, not only the biggest organisations?).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Council,
    Nhs,
    CareProvider,
    VoluntarySector,
    ServiceUser,
    Carer,
    Other,
}

impl Group {
    pub const ALL: [Group; 7] = [
        Group::Council,
        Group::Nhs,
        Group::CareProvider,
        Group::VoluntarySector,
        Group::ServiceUser,
        Group::Carer,
        Group::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Group::Council => "Council",
            Group::Nhs => "NHS",
            Group::CareProvider => "Care provider",
            Group::VoluntarySector => "Voluntary sector",
            Group::ServiceUser => "Service user",
            Group::Carer => "Carer",
            Group::Other => "Other",
        }
    }

    /// Accepts the label, the snake_case name or a few common spellings.
    pub fn parse(text: &str) -> Option<Group> {
        let key: String = text
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        Some(match key.as_str() {
            "council" | "localauthority" | "la" => Group::Council,
            "nhs" | "nhstrust" | "health" => Group::Nhs,
            "careprovider" | "provider" | "care" => Group::CareProvider,
            "voluntarysector" | "voluntary" | "vcs" | "vcse" | "charity" => Group::VoluntarySector,
            "serviceuser" | "user" | "resident" | "patient" => Group::ServiceUser,
            "carer" | "carers" => Group::Carer,
            "other" => Group::Other,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub id: ParticipantId,
    pub name: String,
    pub organisation: Option<String>,
    pub group: Option<Group>,
    /// Away for this meeting (a follow-up's roster is carried whole).
    pub absent: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Space {
    pub id: SpaceId,
    pub name: String,
}

/// Times of day are kept as "HH:MM" text: the agenda is about the day of the event,
/// whatever the time zone of the laptop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub id: SlotId,
    pub label: String,
    pub starts: Option<chrono::NaiveTime>,
    pub ends: Option<chrono::NaiveTime>,
}

/// Start and end of a label like "10:00-11:00" or "9:30 – 10:15"; None for "Morning".
pub fn times_in_label(label: &str) -> Option<(NaiveTime, NaiveTime)> {
    let (start, end) = label.split_once(['-', '–', '—'])?;
    let time = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").ok();
    Some((time(start)?, time(end)?))
}

/// A slot's times to show beside its label: "10:30–11:30", "from 10:30", "until 11:30", or
/// "" when it has none or its label already says them ("10:00-11:00" twice reads as a
/// mistake on the wall).
pub fn slot_times(label: &str, starts: Option<NaiveTime>, ends: Option<NaiveTime>) -> String {
    let hm = |t: NaiveTime| t.format("%H:%M").to_string();
    match (starts, ends) {
        (Some(s), Some(e)) if times_in_label(label) == Some((s, e)) => String::new(),
        (Some(s), Some(e)) => format!("{}–{}", hm(s), hm(e)),
        (Some(s), None) => format!("from {}", hm(s)),
        (None, Some(e)) => format!("until {}", hm(e)),
        (None, None) => String::new(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Placement {
    pub space: SpaceId,
    pub slot: SlotId,
}

/// A breakout report in the usual Open Space form. Multi-line fields hold one point per line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub attendees: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendee_names: Vec<String>,
    #[serde(default)]
    pub key_points: String,
    #[serde(default)]
    pub recommendations: String,
    #[serde(default)]
    pub follow_up: String,
}

impl Report {
    /// How many came, and how many of them are named, so a short list of names never
    /// reads as complete: "9 attended", "9 attended, 8 named", "9 attended, none named".
    pub fn attendance(&self) -> String {
        let named = self.attendee_names.len();
        match (self.attendees as usize, named) {
            (n, k) if k >= n => format!("{n} attended"),
            (n, 0) => format!("{n} attended, none named"),
            (n, k) => format!("{n} attended, {k} named"),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.attendees == 0
            && self.attendee_names.is_empty()
            && self.key_points.trim().is_empty()
            && self.recommendations.trim().is_empty()
            && self.follow_up.trim().is_empty()
    }

    /// Folds another group's report into this one when two issues are merged.
    pub fn absorb(&mut self, other: &Report, other_title: &str) {
        self.attendees = self.attendees.saturating_add(other.attendees);
        for name in &other.attendee_names {
            if !self.attendee_names.contains(name) {
                self.attendee_names.push(name.clone());
            }
        }
        let join = |mine: &mut String, theirs: &str| {
            if theirs.trim().is_empty() {
                return;
            }
            if !mine.is_empty() && !mine.ends_with('\n') {
                mine.push('\n');
            }
            mine.push_str(&format!("(from \"{other_title}\")\n{theirs}"));
        };
        join(&mut self.key_points, &other.key_points);
        join(&mut self.recommendations, &other.recommendations);
        join(&mut self.follow_up, &other.follow_up);
    }
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    #[default]
    Short,
    Medium,
    Long,
}

impl Horizon {
    pub const ALL: [Horizon; 3] = [Horizon::Short, Horizon::Medium, Horizon::Long];
    pub fn label(self) -> &'static str {
        match self {
            Horizon::Short => "short term",
            Horizon::Medium => "medium term",
            Horizon::Long => "long term",
        }
    }
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    #[default]
    NotStarted,
    UnderWay,
    Done,
    Dropped,
    /// Under way but blocked: what a follow-up meeting most needs to hear about. Version 2.
    Stuck,
}

impl StepStatus {
    pub const ALL: [StepStatus; 5] = [
        StepStatus::NotStarted,
        StepStatus::UnderWay,
        StepStatus::Stuck,
        StepStatus::Done,
        StepStatus::Dropped,
    ];
    pub fn label(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "not started",
            StepStatus::UnderWay => "under way",
            StepStatus::Stuck => "stuck",
            StepStatus::Done => "done",
            StepStatus::Dropped => "dropped",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextStep {
    pub id: StepId,
    pub text: String,
    pub owner: Option<ParticipantId>,
    pub due: Option<NaiveDate>,
    pub horizon: Horizon,
    pub status: StepStatus,
    /// Where a carried action came from.
    pub carried_from: Option<Origin>,
    /// A carried action's state at each earlier meeting, oldest first.
    pub history: Vec<Milestone>,
    /// The progress note recorded at this meeting.
    pub note: String,
}

/// What the room decided to do with a priority.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Triage {
    DoIt,
    ClarifyIt,
    AnotherOpenSpace,
}

impl Triage {
    pub const ALL: [Triage; 3] = [Triage::DoIt, Triage::ClarifyIt, Triage::AnotherOpenSpace];
    pub fn label(self) -> &'static str {
        match self {
            Triage::DoIt => "Do it",
            Triage::ClarifyIt => "Clarify it",
            Triage::AnotherOpenSpace => "Take it to another open space",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub lead: Option<ParticipantId>,
    pub supporters: Vec<ParticipantId>,
    pub steps: BTreeMap<StepId, NextStep>,
    pub triage: Option<Triage>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    pub id: IssueId,
    pub title: String,
    pub convener: Option<ParticipantId>,
    pub description: String,
    pub placement: Option<Placement>,
    pub report: Report,
    /// Set when this issue was folded into another; it then leaves the lists but keeps
    /// its number so references to it still make sense.
    pub merged_into: Option<IssueId>,
    /// The breakout never took place.
    pub cancelled: bool,
    pub plan: Plan,
    /// Where a priority carried into a follow-up came from.
    pub carried_from: Option<Origin>,
}

impl Issue {
    pub fn is_active(&self) -> bool {
        self.merged_into.is_none()
    }
}

/// How far a copy has been merged into this session, and what its new things are called.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergedCopy {
    pub label: String,
    pub through: u64,
    pub ids: IdMap,
}

/// The meeting a follow-up continues: enough to find its file again, even renamed or
/// moved, and to tell it from a copy that went on differently.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The earlier session's `id` (from its file header).
    pub session: String,
    /// Its last `seq` when the follow-up was made: the carried plan is its state there.
    pub seq: u64,
    /// Its file name then.
    pub file: String,
    pub theme: String,
    /// The date of that meeting.
    pub date: NaiveDate,
}

/// A meeting of the programme before the one a follow-up links to, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub session: String,
    pub file: String,
    pub theme: String,
    pub date: NaiveDate,
}

impl From<&Link> for Meeting {
    fn from(link: &Link) -> Meeting {
        Meeting {
            session: link.session.clone(),
            file: link.file.clone(),
            theme: link.theme.clone(),
            date: link.date,
        }
    }
}

/// What a follow-up session knows about its place in the programme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub follows: Link,
    /// The meetings before `follows`, oldest first (copied, so the chain reads from one file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<Meeting>,
    /// This meeting's date: exports print it, and actions due before it are overdue.
    pub date: NaiveDate,
}

impl FollowUp {
    /// Every earlier meeting, oldest first, ending with the one this follows.
    pub fn chain(&self) -> Vec<Meeting> {
        let mut all = self.earlier.clone();
        all.push(Meeting::from(&self.follows));
        all
    }
}

/// The highest ids used so far in a programme (0 for none).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsedIds {
    #[serde(default)]
    pub participants: u32,
    #[serde(default)]
    pub issues: u32,
    #[serde(default)]
    pub steps: u32,
}

impl UsedIds {
    pub fn is_empty(&self) -> bool {
        *self == UsedIds::default()
    }
}

/// Where a carried priority or action was in the meeting before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    pub session: String,
    pub issue: IssueId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<StepId>,
}

/// An action as it stood at the end of one earlier meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub date: NaiveDate,
    pub status: StepStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// The owner's name then (names, not ids: the roster of that meeting is not copied).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The progress note recorded at that meeting.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Longest progress note, in characters: one line read aloud.
pub const MAX_NOTE: usize = 500;
