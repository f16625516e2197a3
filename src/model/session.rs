//! The state of one Open Space session: what the room has said and decided so far.
//! It is only ever changed by `apply`, so it can always be rebuilt from the event log.

use super::history::{History, Patch, restore};
use super::ids::*;
pub use super::parts::*;
pub use super::round::{Ranked, Round};
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, Debug, Default)]
pub struct Session {
    pub theme: String,
    /// Set in a follow-up meeting: what it follows and its date.
    pub follow_up: Option<FollowUp>,
    pub participants: BTreeMap<ParticipantId, Participant>,
    pub spaces: BTreeMap<SpaceId, Space>,
    pub slots: BTreeMap<SlotId, Slot>,
    pub issues: BTreeMap<IssueId, Issue>,
    pub rounds: BTreeMap<RoundId, Round>,
    /// Minutes before a running slot ends that reports are asked for, if the facilitator
    /// changed it (`report_reminder_minutes` gives the default otherwise).
    pub report_reminder: Option<u32>,
    /// The seq of the last event applied; the next must be one more.
    pub last_seq: u64,
    /// The step mark of the last event applied, so that only the events right after a
    /// step's first one can join it.
    pub(crate) last_step: Option<u64>,
    pub(crate) next: Counters,
    pub(crate) history: History,
    /// Which active issue sits in each cell of the agenda wall: derived from `issues`, kept
    /// by `apply` and undo, so that placing an issue (and drawing the wall) does not scan
    /// every issue.
    pub(crate) cells: BTreeMap<Placement, IssueId>,
    /// Who has each name, lowercased: derived from `participants` and kept with it (see
    /// `set_participant`), so that adding someone to a roster of 100,000, or finding a
    /// convener by name, costs one lookup instead of a comparison with everyone.
    pub(crate) names: HashMap<String, ParticipantId>,
    /// Copies of this session merged into it, by copy id (see `Change::CopyMerged`).
    pub(crate) copies: BTreeMap<String, MergedCopy>,
    /// What this file is, if it is a copy made for another laptop (`Change::CopyMade`):
    /// its copy id and label.
    pub copy: Option<(String, String)>,
    /// Which session value this is, so that what a screen derives from it is kept until
    /// it changes (see `Session::revision`).
    pub(crate) instance: Instance,
}

/// A number no other session value has: a session made or cloned gets a fresh one, and
/// keeps it while events are applied to it. A session swapped in for another (the log
/// rebuilt after the file's snapshot disagreed with it, replay's state lent to the app)
/// is therefore told apart even when it has the same `last_seq`.
#[derive(Debug)]
pub(crate) struct Instance(u64);

impl Instance {
    fn fresh() -> Instance {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(0);
        Instance(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

impl Default for Instance {
    fn default() -> Instance {
        Instance::fresh()
    }
}

impl Clone for Instance {
    /// A copy goes its own way from here, so it is another value.
    fn clone(&self) -> Instance {
        Instance::fresh()
    }
}

/// Which state of which session value a screen shows: it moves on every change (undo and
/// redo are events too, so `last_seq` moves) and when one session is replaced by another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Revision {
    instance: u64,
    seq: u64,
}

/// Ids are never reused, even after an undo, so an id in the log always means one thing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Counters {
    pub participant: u32,
    pub space: u32,
    pub slot: u32,
    pub issue: u32,
    pub round: u32,
    pub step: u32,
}

impl PartialEq for Session {
    /// Two sessions are equal when the room would see the same thing; the undo history
    /// is compared too, since it decides what the next undo does.
    fn eq(&self, other: &Self) -> bool {
        self.theme == other.theme
            && self.follow_up == other.follow_up
            && self.participants == other.participants
            && self.spaces == other.spaces
            && self.slots == other.slots
            && self.issues == other.issues
            && self.rounds == other.rounds
            && self.report_reminder == other.report_reminder
            && self.last_seq == other.last_seq
            && self.last_step == other.last_step
            && self.next == other.next
            && self.history == other.history
            && self.copies == other.copies
            && self.copy == other.copy
    }
}

/// The report reminder's lead time when the session does not say otherwise.
pub const DEFAULT_REMINDER_MINUTES: u32 = 10;

impl Session {
    /// Which state of which session value this is: equal only for the same value at the
    /// same change, so what is derived from a session can be kept until this moves.
    pub fn revision(&self) -> Revision {
        Revision {
            instance: self.instance.0,
            seq: self.last_seq,
        }
    }

    /// Minutes before a running slot ends that the room is asked for its reports (0: never).
    pub fn report_reminder_minutes(&self) -> u32 {
        self.report_reminder.unwrap_or(DEFAULT_REMINDER_MINUTES)
    }

    // A file may hold an id of u32::MAX; the next id then stays there and recording it is
    // refused as taken, instead of overflowing.
    pub fn next_participant_id(&self) -> ParticipantId {
        ParticipantId(self.next.participant.saturating_add(1))
    }
    pub fn next_space_id(&self) -> SpaceId {
        SpaceId(self.next.space.saturating_add(1))
    }
    pub fn next_slot_id(&self) -> SlotId {
        SlotId(self.next.slot.saturating_add(1))
    }
    pub fn next_issue_id(&self) -> IssueId {
        IssueId(self.next.issue.saturating_add(1))
    }
    pub fn next_round_id(&self) -> RoundId {
        RoundId(self.next.round.saturating_add(1))
    }
    pub fn next_step_id(&self) -> StepId {
        StepId(self.next.step.saturating_add(1))
    }

    /// How far the copy with this id has been merged in, if at all.
    pub fn merged_copy(&self, copy: &str) -> Option<&MergedCopy> {
        self.copies.get(copy)
    }

    /// Issues still on the wall (merged ones are folded into others).
    pub fn active_issues(&self) -> impl Iterator<Item = &Issue> {
        self.issues.values().filter(|i| i.is_active())
    }

    pub fn participant_name(&self, id: ParticipantId) -> &str {
        self.participants
            .get(&id)
            .map_or("(unknown)", |p| p.name.as_str())
    }

    /// Finds someone by name, ignoring case and surrounding spaces.
    pub fn find_participant(&self, name: &str) -> Option<ParticipantId> {
        self.names.get(&name.trim().to_lowercase()).copied()
    }

    /// Puts `person` in the roster under `id` (or takes `id` out, for None), keeping the
    /// index of names in step; returns who was there before. The only way the roster changes.
    pub(crate) fn set_participant(
        &mut self,
        id: ParticipantId,
        person: Option<Participant>,
    ) -> Option<Participant> {
        if let Some(p) = &person {
            self.names.insert(p.name.to_lowercase(), id);
        }
        let old = match person {
            Some(p) => self.participants.insert(id, p),
            None => self.participants.remove(&id),
        };
        if let Some(old) = &old {
            let key = old.name.to_lowercase();
            let now = self.participants.get(&id).map(|p| p.name.to_lowercase());
            if self.names.get(&key) == Some(&id) && now.as_ref() != Some(&key) {
                self.names.remove(&key);
            }
        }
        old
    }

    pub fn latest_round(&self) -> Option<&Round> {
        self.rounds.values().next_back()
    }

    /// The issue's dots in the latest round, 0 if there is none.
    pub fn votes(&self, issue: IssueId) -> u32 {
        self.latest_round().map_or(0, |r| r.total(issue))
    }

    pub fn issue_at(&self, place: Placement) -> Option<&Issue> {
        self.cells.get(&place).and_then(|id| self.issues.get(id))
    }

    /// Brings `cells` up to date for one issue whose placement was `before` and has just
    /// been changed (or restored, added or removed).
    pub(crate) fn sync_cell(&mut self, id: IssueId, before: Option<Placement>) {
        if let Some(old) = before
            && self.cells.get(&old) == Some(&id)
        {
            self.cells.remove(&old);
        }
        if let Some(issue) = self.issues.get(&id)
            && issue.is_active()
            && let Some(place) = issue.placement
        {
            self.cells.insert(place, id);
        }
    }

    /// Slots in the order of the day: by start time where known, then as added.
    pub fn slots_in_order(&self) -> Vec<&Slot> {
        let mut slots: Vec<&Slot> = self.slots.values().collect();
        slots.sort_by_key(|s| (s.starts.is_none(), s.starts, s.id));
        slots
    }

    /// Organisations represented, counted once each whatever their spelling of case.
    pub fn organisation_count(&self) -> usize {
        let mut orgs: Vec<String> = self
            .participants
            .values()
            .filter_map(|p| p.organisation.as_ref())
            .map(|o| o.trim().to_lowercase())
            .filter(|o| !o.is_empty())
            .collect();
        orgs.sort();
        orgs.dedup();
        orgs.len()
    }

    /// What the next `undo` would take back, if anything: one change, or every change of
    /// a compound step.
    pub fn undo_target(&self) -> Option<&[super::event::Change]> {
        self.history.undo_target()
    }

    /// What the next `redo` would put back, if anything.
    pub fn redo_target(&self) -> Option<&[super::event::Change]> {
        self.history.redo_target()
    }

    /// What a compound step needs to be taken back if one of its changes is refused: the
    /// history (a step's first change clears the redo list and may push the oldest undo
    /// out) and the counters. Cheaper than a copy of the session.
    pub(crate) fn begin_step(&self) -> StepStart {
        StepStart {
            history: self.history.clone(),
            last_seq: self.last_seq,
            last_step: self.last_step,
            next: self.next,
        }
    }

    /// Takes back the changes of a step that was refused part way.
    pub(crate) fn abandon_step(&mut self, start: StepStart) {
        if self.last_seq != start.last_seq
            && let Some(entry) = self.history.take_undo()
        {
            revert(self, entry.patches);
        }
        self.history = start.history;
        self.last_seq = start.last_seq;
        self.last_step = start.last_step;
        self.next = start.next;
    }
}

/// See `Session::begin_step`.
pub(crate) struct StepStart {
    history: History,
    last_seq: u64,
    last_step: Option<u64>,
    next: Counters,
}

/// Puts back the prior values, latest first.
pub(crate) fn revert(session: &mut Session, patches: Vec<Patch>) {
    for patch in patches.into_iter().rev() {
        match patch {
            Patch::Theme(theme) => session.theme = theme,
            Patch::ReportReminder(minutes) => session.report_reminder = minutes,
            Patch::Participant(id, value) => {
                session.set_participant(id, value);
            }
            Patch::Space(id, value) => restore(&mut session.spaces, id, value),
            Patch::Slot(id, value) => restore(&mut session.slots, id, value),
            Patch::Issue(id, value) => {
                let before = session.issues.get(&id).and_then(|i| i.placement);
                restore(&mut session.issues, id, value.map(|b| *b));
                session.sync_cell(id, before);
            }
            Patch::Field(id, field) => {
                if let Some(issue) = session.issues.get_mut(&id) {
                    let before = issue.placement;
                    field.restore(issue);
                    session.sync_cell(id, before);
                }
            }
            Patch::Round(id, value) => restore(&mut session.rounds, id, value.map(|b| *b)),
            Patch::Copy(id, value) => restore(&mut session.copies, id, value),
            Patch::Dot {
                round,
                issue,
                voter,
                added,
            } => {
                if let Some(round) = session.rounds.get_mut(&round) {
                    if added {
                        round.take_dot(issue, voter);
                    } else {
                        round.give_dot(issue, voter);
                    }
                }
            }
            Patch::Tally {
                round,
                issue,
                tally,
            } => {
                if let Some(round) = session.rounds.get_mut(&round) {
                    round.set_tally(issue, tally);
                }
            }
        }
    }
}
