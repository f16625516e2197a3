//! Translating a copy's changes into the main session: new ids for what it created, the
//! roster's rule for people, and a verdict wherever both sides changed the same thing.

mod settle;
mod texts;

use super::Copy;
use super::ids::{IdMut, Key, Role, keys, visit_ids};
use super::net::{Item, net};
use super::summary::{Conflict, Counts, Fate, Outcome};
use crate::model::describe::describe_step;
use crate::model::*;
use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use std::collections::BTreeMap;
use texts::*;

/// The copy's id and label: named by `convene copy` (its `copy_made` after the parting),
/// else by its file name, with an id worked out from its first change of its own, which
/// stays the same however often the copy is merged and however it is renamed.
pub(super) fn name(copy: &Copy<'_>, fork: usize) -> (String, String) {
    let tail = &copy.journal.events[fork..];
    let made = tail.iter().rev().find_map(|e| {
        if let Change::CopyMade { copy, label } = &e.change {
            Some((copy.clone(), label.clone()))
        } else {
            None
        }
    });
    if let Some(named) = made {
        return named;
    }
    let label = copy
        .file
        .strip_suffix(".json")
        .unwrap_or(&copy.file)
        .to_string();
    let id = match tail.first() {
        Some(e) => format!(
            "{}@{}",
            e.seq,
            e.at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
        ),
        None => "unchanged".to_string(),
    };
    (id, label)
}

/// Who made the version of something that the main session holds now.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Owner {
    Main,
    Copy {
        at: DateTime<Utc>,
        label: String,
        copy: String,
    },
}

/// What to do with a copy's change to something the main side may have changed too.
enum Verdict {
    /// Nobody else changed it since the parting (or this same copy did, merged before).
    Free,
    /// The main session's version stands; the argument is whose it is.
    Keep(String),
    /// This copy's change was captured earlier than the copy's whose version is there.
    Win(String),
}

/// A conflict on a text resolved once in this merge, so that the copy's later edits of
/// the same text keep the same winner and loser.
#[derive(Clone)]
struct Resolution<T> {
    main_first: bool,
    kept: T,
    kept_label: String,
}

/// The session the merge builds on: the main one with the changes brought in so far.
pub(super) struct Target {
    session: Session,
    first: u64,
    pending: Vec<Stamped>,
    markers: Vec<(usize, Stamped)>,
    at: DateTime<FixedOffset>,
}

/// One copy being brought in.
struct Cx {
    id: String,
    label: String,
    map: IdMap,
    /// Ids at the parting: anything up to these was there on both sides.
    before: Counters,
    /// The copy as it was just before the change being translated.
    theirs: Session,
    owners: BTreeMap<Key, Owner>,
    reports: BTreeMap<IssueId, Resolution<Report>>,
    texts: BTreeMap<IssueId, Resolution<(String, Option<ParticipantId>, String)>>,
    counts: Counts,
    conflicts: Vec<Conflict>,
    fates: Vec<(u64, Fate)>,
}

/// Ids the main session and the copy had in common.
#[derive(Clone, Copy)]
struct Counters {
    participant: u32,
    space: u32,
    slot: u32,
    issue: u32,
    round: u32,
    step: u32,
}

fn owner_of(item_from: Option<&Captured>, at: DateTime<FixedOffset>) -> Owner {
    match item_from {
        None => Owner::Main,
        Some(c) => Owner::Copy {
            at: at.to_utc(),
            label: c.label.clone(),
            copy: c.copy.clone(),
        },
    }
}

/// The main side's version stands for good once it changed something itself; between
/// copies, the earliest captured change holds it.
fn claim(owners: &mut BTreeMap<Key, Owner>, key: Key, owner: Owner) {
    let replace = match (owners.get(&key), &owner) {
        (None, _) => true,
        (Some(Owner::Main), _) => false,
        (Some(_), Owner::Main) => true,
        (
            Some(Owner::Copy { at, label, .. }),
            Owner::Copy {
                at: a, label: l, ..
            },
        ) => (a, l) < (at, label),
    };
    if replace {
        owners.insert(key, owner);
    }
}

/// Whether two sessions show the room the same thing.
fn same_content(a: &Session, b: &Session) -> bool {
    a.theme == b.theme
        && a.report_reminder == b.report_reminder
        && a.participants == b.participants
        && a.spaces == b.spaces
        && a.slots == b.slots
        && a.issues == b.issues
        && a.rounds == b.rounds
}

fn changed_both(what: &str) -> String {
    format!("{what} changed on both")
}

impl Target {
    pub(super) fn new(main: &Journal, at: DateTime<FixedOffset>) -> Target {
        Target {
            session: main.session.clone(),
            first: main.session.last_seq + 1,
            pending: Vec::new(),
            markers: Vec::new(),
            at,
        }
    }

    /// The changes to record, each copy's opened by its marker.
    pub(super) fn finish(self) -> Vec<Stamped> {
        let mut out = self.pending;
        for (at, marker) in self.markers.into_iter().rev() {
            out.insert(at, marker);
        }
        out
    }

    fn apply_here(&mut self, at: DateTime<FixedOffset>, change: &Change) -> Result<(), Rejection> {
        let event = Event {
            seq: self.session.last_seq + 1,
            at,
            part_of: Some(self.first),
            from: None,
            change: change.clone(),
        };
        apply(&mut self.session, &event)
    }

    /// Brings in one copy whose log parts from the main one after `fork` events.
    pub(super) fn bring_in(
        &mut self,
        main: &Journal,
        copy: &Copy<'_>,
        fork: usize,
        id: String,
        label: String,
    ) -> Outcome {
        let other = copy.journal;
        let tail = &other.events[fork..];
        let before = self.session.merged_copy(&id).cloned();
        let through = before.as_ref().map_or(0, |b| b.through);
        let last = other.events.last().map_or(0, |e| e.seq);
        let own = tail
            .iter()
            .any(|e| !matches!(e.change, Change::CopyMade { .. }));
        if !own || last <= through {
            return Outcome::NothingNew {
                merged_before: before.is_some(),
            };
        }
        let start = match Journal::rebuild(other.events[..fork].to_vec()) {
            Ok(j) => j.session,
            Err(_) => Session::default(),
        };
        let theirs = net(&start, tail);
        let mine = net(&start, &main.events[fork..]);
        let mut owners = BTreeMap::new();
        for item in mine.steps.iter().flat_map(|s| &s.items) {
            for key in keys(&item.change) {
                claim(&mut owners, key, owner_of(item.from.as_deref(), item.at));
            }
        }
        // An undo on the main side of something both sides had is the main side's change.
        for undone in &mine.undone_before {
            for key in undone.changes.iter().flat_map(keys) {
                claim(&mut owners, key, Owner::Main);
            }
        }
        for stamped in &self.pending {
            for key in keys(&stamped.change) {
                claim(
                    &mut owners,
                    key,
                    owner_of(stamped.from.as_deref(), stamped.at),
                );
            }
        }
        let next = &start.next;
        let mut cx = Cx {
            id,
            label,
            map: before.map(|b| b.ids).unwrap_or_default(),
            before: Counters {
                participant: next.participant,
                space: next.space,
                slot: next.slot,
                issue: next.issue,
                round: next.round,
                step: next.step,
            },
            theirs: start,
            owners,
            reports: BTreeMap::new(),
            texts: BTreeMap::new(),
            counts: Counts::default(),
            conflicts: Vec::new(),
            fates: Vec::new(),
        };
        let mark = self.pending.len();
        for step in &theirs.steps {
            let merged_before = step.items.first().is_some_and(|i| i.seq <= through);
            for item in &step.items {
                if !merged_before {
                    self.translate(&mut cx, item);
                }
                let event = Event {
                    seq: cx.theirs.last_seq + 1,
                    at: item.at,
                    part_of: None,
                    from: None,
                    change: item.change.clone(),
                };
                let _ = apply(&mut cx.theirs, &event);
            }
        }
        for undone in theirs.undone_before.iter().filter(|u| u.seq > through) {
            cx.conflicts.push(Conflict {
                seq: undone.seq,
                what: format!(
                    "undone on {}: {}",
                    cx.label,
                    describe_step(&cx.theirs, &undone.changes)
                ),
                kept: "MAIN kept it, since it was made before the copy".to_string(),
                lost: undone.restored.join("\n"),
            });
        }
        let marker = Change::CopyMerged {
            copy: cx.id.clone(),
            label: cx.label.clone(),
            through: last,
            ids: Box::new(cx.map.clone()),
        };
        if self.apply_here(self.at, &marker).is_ok() {
            self.markers.push((
                mark,
                Stamped {
                    at: self.at,
                    from: None,
                    change: marker,
                },
            ));
        }
        Outcome::Merged {
            counts: cx.counts,
            conflicts: cx.conflicts,
            fates: cx.fates,
        }
    }

    /// The id `id` of the copy names here, if the thing came across.
    fn resolve(&self, cx: &Cx, id: &mut IdMut<'_>) -> bool {
        fn look(map: &BTreeMap<u32, u32>, shared: u32, v: &mut u32) -> bool {
            if let Some(n) = map.get(v) {
                *v = *n;
                true
            } else {
                *v <= shared
            }
        }
        let (m, b) = (&cx.map, &cx.before);
        match id {
            IdMut::Participant(p) => look(&m.participants, b.participant, &mut p.0),
            IdMut::Space(s) => look(&m.spaces, b.space, &mut s.0),
            IdMut::Slot(s) => look(&m.slots, b.slot, &mut s.0),
            IdMut::Issue(i) => look(&m.issues, b.issue, &mut i.0),
            IdMut::Round(r) => look(&m.rounds, b.round, &mut r.0),
            IdMut::NextStep(s) => look(&m.steps, b.step, &mut s.0),
        }
    }

    /// Gives a thing created on the copy the next id here and remembers it.
    fn fresh(&self, cx: &mut Cx, id: IdMut<'_>) {
        let (m, used) = (&mut cx.map, &self.session.next);
        let (map, last, v) = match id {
            IdMut::Participant(p) => (&mut m.participants, used.participant, &mut p.0),
            IdMut::Space(x) => (&mut m.spaces, used.space, &mut x.0),
            IdMut::Slot(x) => (&mut m.slots, used.slot, &mut x.0),
            IdMut::Issue(x) => (&mut m.issues, used.issue, &mut x.0),
            IdMut::Round(x) => (&mut m.rounds, used.round, &mut x.0),
            IdMut::NextStep(x) => (&mut m.steps, used.step, &mut x.0),
        };
        let n = last.saturating_add(1);
        map.insert(*v, n);
        *v = n;
    }

    fn verdict(&self, cx: &Cx, key: Key, at: DateTime<FixedOffset>) -> Verdict {
        match cx.owners.get(&key) {
            None => Verdict::Free,
            Some(Owner::Copy { copy, .. }) if *copy == cx.id => Verdict::Free,
            Some(Owner::Main) => Verdict::Keep("MAIN".to_string()),
            Some(Owner::Copy { at: t, label, .. }) => {
                if (at.to_utc(), &cx.label) < (*t, label) {
                    Verdict::Win(label.clone())
                } else {
                    Verdict::Keep(label.clone())
                }
            }
        }
    }

    fn describe(&self, cx: &Cx, item: &Item) -> String {
        describe_step(&cx.theirs, std::slice::from_ref(&item.change))
    }

    fn conflict(&self, cx: &mut Cx, item: &Item, what: String, kept: String, lost: String) {
        cx.conflicts.push(Conflict {
            seq: item.seq,
            what,
            kept,
            lost,
        });
        cx.fates.push((item.seq, Fate::Conflict));
    }

    /// The main session already says what the change says. The copy captured it too, and
    /// perhaps earlier: that counts when a later change of a third copy meets it.
    fn already(&self, cx: &mut Cx, item: &Item, change: &Change) {
        let owner = Owner::Copy {
            at: item.at.to_utc(),
            label: cx.label.clone(),
            copy: cx.id.clone(),
        };
        for key in keys(change) {
            claim(&mut cx.owners, key, owner.clone());
        }
        cx.fates.push((item.seq, Fate::AlreadyThere));
    }

    /// Records a translated change here; a refusal that only means "already so" is not a
    /// conflict.
    fn emit(&mut self, cx: &mut Cx, item: &Item, change: Change) -> Result<(), Rejection> {
        let from = item.from.clone().unwrap_or_else(|| {
            Box::new(Captured {
                copy: cx.id.clone(),
                label: cx.label.clone(),
                seq: item.seq,
            })
        });
        self.apply_here(item.at, &change)?;
        for key in keys(&change) {
            claim(&mut cx.owners, key, owner_of(Some(&from), item.at));
        }
        cx.counts.add(&change);
        self.pending.push(Stamped {
            at: item.at,
            from: Some(from),
            change,
        });
        Ok(())
    }

    /// Records the change, or says why it cannot hold.
    fn emit_or_conflict(&mut self, cx: &mut Cx, item: &Item, change: Change) -> bool {
        let redundant = |why: &Rejection| {
            use Change::*;
            matches!(
                (why, &change),
                (Rejection::NoChange, _)
                    | (Rejection::RoundClosed(_), RoundClosed { .. })
                    | (Rejection::RoundOpen(_), RoundReopened { .. })
                    | (Rejection::AlreadyVisible(_), ResultsRevealed { .. })
                    | (Rejection::AlreadySupporter { .. }, SupporterAdded { .. })
                    | (Rejection::NotSupporter { .. }, SupporterRemoved { .. })
            )
        };
        match self.emit(cx, item, change.clone()) {
            Ok(()) => {
                cx.fates.push((item.seq, Fate::Merged));
                true
            }
            Err(why) if redundant(&why) => {
                self.already(cx, item, &change);
                false
            }
            Err(why) => {
                let what = self.describe(cx, item);
                let lost = texts_of(&item.change);
                self.conflict(cx, item, what, format!("not merged: {why}"), lost);
                false
            }
        }
    }

    /// Whether recording the change here would change what the room sees; None if it
    /// would be refused.
    fn would_change(&self, at: DateTime<FixedOffset>, change: &Change) -> Option<bool> {
        let mut probe = self.session.clone();
        let event = Event {
            seq: probe.last_seq + 1,
            at,
            part_of: Some(self.first),
            from: None,
            change: change.clone(),
        };
        apply(&mut probe, &event).ok()?;
        Some(!same_content(&probe, &self.session))
    }

    fn translate(&mut self, cx: &mut Cx, item: &Item) {
        if self.matched(cx, item) {
            return;
        }
        let mut change = item.change.clone();
        let mut missing = Vec::new();
        let mut missing_person = false;
        visit_ids(&mut change, &mut |role, mut id| match role {
            Role::Creates => self.fresh(cx, id),
            Role::Refers => {
                if !self.resolve(cx, &mut id) {
                    match id {
                        IdMut::Participant(_) => missing_person = true,
                        _ => missing.push(()),
                    }
                }
            }
        });
        let what = self.describe(cx, item);
        if !missing.is_empty() {
            let lost = texts_of(&item.change);
            self.conflict(
                cx,
                item,
                what,
                "not merged: what it is about did not come across".into(),
                lost,
            );
            return;
        }
        if missing_person || self.names_someone_gone(&change) {
            if !drop_people(&mut change) {
                let lost = texts_of(&item.change);
                self.conflict(
                    cx,
                    item,
                    what,
                    "not merged: the person it names is not on MAIN's roster".into(),
                    lost,
                );
                return;
            }
            cx.conflicts.push(Conflict {
                seq: item.seq,
                what: what.clone(),
                kept: "merged without the person it names, who is not on MAIN's roster".into(),
                lost: String::new(),
            });
        }
        self.settle(cx, item, change, what);
    }

    /// Whether the change names a person this session no longer has.
    fn names_someone_gone(&self, change: &Change) -> bool {
        let mut gone = false;
        let mut probe = change.clone();
        visit_ids(&mut probe, &mut |_, id| {
            if let IdMut::Participant(p) = id
                && !self.session.participants.contains_key(p)
            {
                gone = true;
            }
        });
        gone && !matches!(change, Change::ParticipantAdded { .. })
    }
}

/// Leaves out the people a change names where it can do without them (a convener, an
/// owner); false if the change is about the person.
fn drop_people(change: &mut Change) -> bool {
    use Change::*;
    match change {
        IssueRaised { convener, .. } | IssueEdited { convener, .. } => {
            *convener = None;
            true
        }
        StepAdded { owner, .. } | StepUpdated { owner, .. } => {
            *owner = None;
            true
        }
        // A progress note's owner is kept so far (the issue on merging says why not).
        ProgressRecorded { .. } => false,
        SessionCreated { .. }
        | ThemeSet { .. }
        | ReportReminderSet { .. }
        | ParticipantAdded { .. }
        | ParticipantUpdated { .. }
        | ParticipantRemoved { .. }
        | SpaceAdded { .. }
        | SpaceRenamed { .. }
        | SpaceRemoved { .. }
        | SlotAdded { .. }
        | SlotUpdated { .. }
        | SlotRemoved { .. }
        | IssueDeleted { .. }
        | IssuesMerged { .. }
        | IssuePlaced { .. }
        | IssueUnplaced { .. }
        | IssueCancelled { .. }
        | ReportRecorded { .. }
        | RoundOpened { .. }
        | RoundClosed { .. }
        | RoundReopened { .. }
        | ResultsRevealed { .. }
        | DotAdded { .. }
        | DotRemoved { .. }
        | TallySet { .. }
        | LeadAssigned { .. }
        | SupporterAdded { .. }
        | SupporterRemoved { .. }
        | StepRemoved { .. }
        | TriageSet { .. }
        | FollowUpStarted { .. }
        | PriorityCarried { .. }
        | StepCarried { .. }
        | AbsenceSet { .. }
        | CopyMade { .. }
        | CopyMerged { .. }
        | Undo
        | Redo => false,
    }
}
