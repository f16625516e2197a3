//! Translating a copy's changes into the main session: new ids for what it created, the
//! roster's rule for people, and a verdict wherever both sides changed the same thing.

use super::Copy;
use super::ids::{IdMut, Key, Role, keys, visit_ids};
use super::net::{Item, net};
use super::summary::{Conflict, Counts, Fate, Outcome};
use crate::model::describe::describe_step;
use crate::model::*;
use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use std::collections::BTreeMap;

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

/// Every text a change carries, for a conflict that keeps it nowhere else.
fn texts_of(change: &Change) -> String {
    use Change::*;
    let parts: Vec<&str> = match change {
        ThemeSet { theme } | SessionCreated { theme } => vec![theme],
        ParticipantAdded {
            name, organisation, ..
        }
        | ParticipantUpdated {
            name, organisation, ..
        } => vec![name.as_str(), organisation.as_deref().unwrap_or("")],
        SpaceAdded { name, .. } | SpaceRenamed { name, .. } => vec![name],
        SlotAdded { label, .. } | SlotUpdated { label, .. } => vec![label],
        IssueRaised {
            title, description, ..
        }
        | IssueEdited {
            title, description, ..
        } => vec![title, description],
        ReportRecorded { report, .. } => {
            let mut v: Vec<&str> = report.attendee_names.iter().map(String::as_str).collect();
            v.extend([
                report.key_points.as_str(),
                report.recommendations.as_str(),
                report.follow_up.as_str(),
            ]);
            v
        }
        StepAdded { text, .. } | StepUpdated { text, .. } => vec![text],
        // Left out so far (the issue on merging says why a progress note should not be).
        ProgressRecorded { .. } => vec![],
        ParticipantRemoved { .. }
        | ReportReminderSet { .. }
        | SpaceRemoved { .. }
        | SlotRemoved { .. }
        | IssueDeleted { .. }
        | IssuesMerged { .. }
        | IssuePlaced { .. }
        | IssueUnplaced { .. }
        | IssueCancelled { .. }
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
        | Redo => vec![],
    };
    parts
        .into_iter()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

const ALSO: &str = "\n\nAlso captured on ";

/// A text as its own part and the parts appended from other copies, by label.
fn blocks(text: &str) -> (String, Vec<(String, String)>) {
    // A text that was empty on the winning side starts with a heading.
    let text = match text.strip_prefix(&ALSO[2..]) {
        Some(_) => format!("\n\n{text}"),
        None => text.to_string(),
    };
    let mut parts = text.split(ALSO);
    let head = parts.next().unwrap_or_default().to_string();
    let mut out = Vec::new();
    for part in parts {
        match part.split_once(":\n") {
            Some((label, body)) => out.push((label.to_string(), body.to_string())),
            None => out.push((String::new(), part.to_string())),
        }
    }
    (head, out)
}

/// Appends the losing side's text under a heading that says where it was captured. The
/// appended parts go in the order of their labels, so that copies merged in any order
/// read the same.
fn join_text(winner: &str, loser: &str, label: &str) -> String {
    let (head, mut parts) = blocks(winner.trim_end());
    let (theirs, more) = blocks(loser.trim());
    for (l, body) in std::iter::once((label.to_string(), theirs)).chain(more) {
        let body = body.trim().to_string();
        if body.is_empty() || head.trim() == body || parts.iter().any(|(_, b)| b.trim() == body) {
            continue;
        }
        parts.push((l, body));
    }
    parts.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = head.trim_end().to_string();
    for (l, body) in parts {
        if out.is_empty() {
            out = format!("Also captured on {l}:\n{body}");
        } else {
            out.push_str(&format!("{ALSO}{l}:\n{body}"));
        }
    }
    out
}

fn join_reports(winner: &Report, loser: &Report, label: &str) -> Report {
    let mut names = winner.attendee_names.clone();
    for n in &loser.attendee_names {
        if !names.iter().any(|m| m.trim() == n.trim()) {
            names.push(n.clone());
        }
    }
    Report {
        attendees: winner.attendees.max(loser.attendees),
        attendee_names: names,
        key_points: join_text(&winner.key_points, &loser.key_points, label),
        recommendations: join_text(&winner.recommendations, &loser.recommendations, label),
        follow_up: join_text(&winner.follow_up, &loser.follow_up, label),
    }
}

/// An issue's title, convener and description, as one text conflict.
type IssueText = (String, Option<ParticipantId>, String);

fn join_issue_text(winner: &IssueText, loser: &IssueText, label: &str) -> IssueText {
    let mut lost = String::new();
    if loser.0.trim() != winner.0.trim() {
        lost.push_str(&format!("\u{201c}{}\u{201d}", loser.0.trim()));
    }
    if !loser.2.trim().is_empty() {
        if !lost.is_empty() {
            lost.push('\n');
        }
        lost.push_str(loser.2.trim());
    }
    (
        winner.0.clone(),
        winner.1,
        join_text(&winner.2, &lost, label),
    )
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
            IdMut::Step(s) => look(&m.steps, b.step, &mut s.0),
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
            IdMut::Step(x) => (&mut m.steps, used.step, &mut x.0),
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

    /// A person, space or slot added on the copy that is already here by the roster's
    /// rule for names is the same one.
    fn matched(&mut self, cx: &mut Cx, item: &Item) -> bool {
        match &item.change {
            Change::ParticipantAdded {
                participant,
                name,
                organisation,
                group,
            } => {
                let Some(same) = self
                    .session
                    .participants
                    .values()
                    .find(|p| same_name(p.name.trim(), name.trim()))
                    .cloned()
                else {
                    return false;
                };
                cx.map.participants.insert(participant.0, same.id.0);
                let org = organisation.clone().filter(|o| !o.trim().is_empty());
                let details = |name: &str| Change::ParticipantUpdated {
                    participant: same.id,
                    name: name.to_string(),
                    organisation: org.clone().or(same.organisation.clone()),
                    group: group.or(same.group),
                };
                if self.would_change(item.at, &details(&same.name)) == Some(false) {
                    self.already(cx, item, &details(&same.name));
                    return true;
                }
                let what = format!("{} added on both with other details", quote(name.trim()));
                match self.verdict(cx, Key::Details(same.id), item.at) {
                    Verdict::Free => {
                        self.emit_or_conflict(cx, item, details(&same.name));
                    }
                    Verdict::Win(loser) => {
                        let theirs = Change::ParticipantUpdated {
                            participant: same.id,
                            name: name.trim().to_string(),
                            organisation: org.clone(),
                            group: *group,
                        };
                        if self.emit_or_conflict(cx, item, theirs) {
                            let kept =
                                format!("{}'s kept (captured earlier than {loser}'s)", cx.label);
                            cx.conflicts.push(Conflict {
                                seq: item.seq,
                                what,
                                kept,
                                lost: String::new(),
                            });
                        }
                    }
                    Verdict::Keep(owner) => {
                        let kept = format!("{owner}'s details kept");
                        self.conflict(cx, item, what, kept, org.unwrap_or_default());
                    }
                }
                true
            }
            Change::SpaceAdded { space, name } => {
                let Some(same) = self
                    .session
                    .spaces
                    .values()
                    .find(|s| same_name(s.name.trim(), name.trim()))
                else {
                    return false;
                };
                let key = Change::SpaceRemoved { space: same.id };
                cx.map.spaces.insert(space.0, same.id.0);
                self.already(cx, item, &key);
                true
            }
            Change::SlotAdded { slot, label, .. } => {
                let Some(same) = self
                    .session
                    .slots
                    .values()
                    .find(|s| same_name(s.label.trim(), label.trim()))
                else {
                    return false;
                };
                let key = Change::SlotRemoved { slot: same.id };
                cx.map.slots.insert(slot.0, same.id.0);
                self.already(cx, item, &key);
                true
            }
            Change::SessionCreated { .. }
            | Change::ParticipantUpdated { .. }
            | Change::SpaceRemoved { .. }
            | Change::SlotRemoved { .. }
            | Change::ThemeSet { .. }
            | Change::ReportReminderSet { .. }
            | Change::Undo
            | Change::Redo
            | Change::ParticipantRemoved { .. }
            | Change::SpaceRenamed { .. }
            | Change::SlotUpdated { .. }
            | Change::IssuePlaced { .. }
            | Change::IssueUnplaced { .. }
            | Change::IssueRaised { .. }
            | Change::IssueEdited { .. }
            | Change::IssueDeleted { .. }
            | Change::IssuesMerged { .. }
            | Change::IssueCancelled { .. }
            | Change::ReportRecorded { .. }
            | Change::RoundOpened { .. }
            | Change::RoundClosed { .. }
            | Change::RoundReopened { .. }
            | Change::ResultsRevealed { .. }
            | Change::DotAdded { .. }
            | Change::DotRemoved { .. }
            | Change::TallySet { .. }
            | Change::LeadAssigned { .. }
            | Change::SupporterAdded { .. }
            | Change::SupporterRemoved { .. }
            | Change::StepAdded { .. }
            | Change::StepUpdated { .. }
            | Change::StepRemoved { .. }
            | Change::TriageSet { .. }
            | Change::FollowUpStarted { .. }
            | Change::PriorityCarried { .. }
            | Change::StepCarried { .. }
            | Change::ProgressRecorded { .. }
            | Change::AbsenceSet { .. }
            | Change::CopyMade { .. }
            | Change::CopyMerged { .. } => false,
        }
    }

    /// The verdict for each kind of change, once its ids are this session's.
    fn settle(&mut self, cx: &mut Cx, item: &Item, change: Change, what: String) {
        use Change::*;
        match &change {
            // Never part of a copy's net changes (see `net`), and nothing to bring in.
            // A follow-up's founding step comes before any copy of it, so it is there too.
            SessionCreated { .. }
            | Undo
            | Redo
            | CopyMade { .. }
            | CopyMerged { .. }
            | FollowUpStarted { .. }
            | PriorityCarried { .. }
            | StepCarried { .. } => {
                cx.fates.push((item.seq, Fate::AlreadyThere));
            }
            ParticipantAdded { .. }
            | SpaceAdded { .. }
            | SlotAdded { .. }
            | IssueRaised { .. }
            | IssuesMerged { .. }
            | RoundOpened { .. }
            | RoundClosed { .. }
            | RoundReopened { .. }
            | ResultsRevealed { .. }
            | DotAdded { .. }
            | DotRemoved { .. }
            | SupporterAdded { .. }
            | SupporterRemoved { .. }
            | StepAdded { .. } => {
                self.emit_or_conflict(cx, item, change);
            }
            ThemeSet { .. }
            | ReportReminderSet { .. }
            | TallySet { .. }
            | ParticipantUpdated { .. }
            | SpaceRenamed { .. }
            | SlotUpdated { .. }
            | IssueUnplaced { .. }
            | IssueCancelled { .. }
            | LeadAssigned { .. }
            | StepUpdated { .. }
            | ProgressRecorded { .. }
            | AbsenceSet { .. }
            | TriageSet { .. } => self.scalar(cx, item, change, what),
            ParticipantRemoved { .. } | IssueDeleted { .. } | StepRemoved { .. } => {
                self.removal(cx, item, change, what)
            }
            SpaceRemoved { space } => {
                let used = self
                    .session
                    .active_issues()
                    .any(|i| i.placement.is_some_and(|p| p.space == *space));
                if used {
                    let kept = "MAIN kept it: issues are placed there".to_string();
                    self.conflict(cx, item, what, kept, String::new());
                } else {
                    self.removal(cx, item, change, what);
                }
            }
            SlotRemoved { slot } => {
                let used = self
                    .session
                    .active_issues()
                    .any(|i| i.placement.is_some_and(|p| p.slot == *slot));
                if used {
                    let kept = "MAIN kept it: issues are placed in it".to_string();
                    self.conflict(cx, item, what, kept, String::new());
                } else {
                    self.removal(cx, item, change, what);
                }
            }
            IssuePlaced { .. } => self.place(cx, item, change, what),
            ReportRecorded { .. } => self.report(cx, item, change),
            IssueEdited { .. } => self.issue_text(cx, item, change, what),
        }
    }

    /// One value that either side may set: the main side's stands, between copies the
    /// earlier one.
    fn scalar(&mut self, cx: &mut Cx, item: &Item, change: Change, what: String) {
        let key = keys(&change)
            .into_iter()
            .find(|k| !matches!(k, Key::Issue(_)))
            .expect("every scalar change sets a key of its own");
        match self.verdict(cx, key, item.at) {
            Verdict::Free => {
                self.emit_or_conflict(cx, item, change);
            }
            Verdict::Win(loser) => {
                if self.would_change(item.at, &change) == Some(false) {
                    self.already(cx, item, &change);
                } else if self.emit_or_conflict(cx, item, change) {
                    cx.conflicts.push(Conflict {
                        seq: item.seq,
                        what: changed_both(&what),
                        kept: format!("{} kept (captured earlier than {loser}'s)", cx.label),
                        lost: String::new(),
                    });
                }
            }
            Verdict::Keep(owner) => match self.would_change(item.at, &change) {
                Some(false) => self.already(cx, item, &change),
                Some(true) => {
                    let lost = texts_of(&item.change);
                    self.conflict(cx, item, changed_both(&what), format!("{owner} kept"), lost);
                }
                None => {
                    self.emit_or_conflict(cx, item, change);
                }
            },
        }
    }

    /// Taking something away holds only if nobody else touched it since the parting:
    /// for an issue, nor any issue folded into it, which goes with it.
    fn removal(&mut self, cx: &mut Cx, item: &Item, change: Change, what: String) {
        let mut gone = keys(&change);
        gone.truncate(1);
        if let Change::IssueDeleted { issue } = change {
            let mut next = 0;
            let mut ids = vec![issue];
            while let Some(&target) = ids.get(next) {
                let folded = self.session.issues.values();
                ids.extend(
                    folded
                        .filter(|i| i.merged_into == Some(target))
                        .map(|i| i.id),
                );
                next += 1;
            }
            gone = ids.into_iter().map(Key::Issue).collect();
        }
        for key in gone {
            if let Verdict::Keep(owner) | Verdict::Win(owner) = self.verdict(cx, key, item.at) {
                let kept = format!("kept, since {owner} changed it meanwhile");
                self.conflict(cx, item, what, kept, String::new());
                return;
            }
        }
        self.emit_or_conflict(cx, item, change);
    }

    fn place(&mut self, cx: &mut Cx, item: &Item, change: Change, what: String) {
        let Change::IssuePlaced { issue, space, slot } = change else {
            return;
        };
        let here = Placement { space, slot };
        let current = self.session.issues.get(&issue).and_then(|i| i.placement);
        if current == Some(here) {
            self.already(cx, item, &change);
            return;
        }
        if let Verdict::Keep(owner) = self.verdict(cx, Key::Placement(issue), item.at) {
            let kept = format!("{owner}'s placement kept");
            self.conflict(cx, item, changed_both(&what), kept, String::new());
            return;
        }
        let occupant = self.session.issue_at(here).map(|i| (i.id, i.title.clone()));
        let Some((other, title)) = occupant else {
            self.emit_or_conflict(cx, item, change);
            return;
        };
        let what = format!("{what}: the cell was filled on both");
        match self.verdict(cx, Key::Cell(here), item.at) {
            Verdict::Win(loser) => {
                // The later move of the other issue into this cell gives way: it goes back
                // where this copy has it, if that is free, else off the wall.
                let back = self
                    .where_theirs(cx, other)
                    .filter(|p| *p != here && self.session.issue_at(*p).is_none());
                let unplace = match back {
                    Some(p) => Change::IssuePlaced {
                        issue: other,
                        space: p.space,
                        slot: p.slot,
                    },
                    None => Change::IssueUnplaced { issue: other },
                };
                if self.emit(cx, item, unplace).is_ok() && self.emit_or_conflict(cx, item, change) {
                    cx.conflicts.push(Conflict {
                        seq: item.seq,
                        what,
                        kept: format!(
                            "{}'s kept (captured earlier); {loser}'s issue {other} {} moved back",
                            cx.label,
                            quote(&title)
                        ),
                        lost: String::new(),
                    });
                }
            }
            Verdict::Keep(owner) => {
                let kept = format!("{owner}'s issue {other} {} kept there", quote(&title));
                self.conflict(cx, item, what, kept, String::new());
            }
            Verdict::Free => {
                let kept = format!("MAIN's issue {other} {} kept there", quote(&title));
                self.conflict(cx, item, what, kept, String::new());
            }
        }
    }

    /// Where the copy has an issue of this session, in this session's ids.
    fn where_theirs(&self, cx: &Cx, issue: IssueId) -> Option<Placement> {
        let back = |map: &BTreeMap<u32, u32>, shared: u32, id: u32| {
            map.iter()
                .find(|(_, n)| **n == id)
                .map(|(o, _)| *o)
                .or((id <= shared).then_some(id))
        };
        let (m, b) = (&cx.map, &cx.before);
        let theirs = IssueId(back(&m.issues, b.issue, issue.0)?);
        let place = cx.theirs.issues.get(&theirs)?.placement?;
        let forward = |map: &BTreeMap<u32, u32>, shared: u32, id: u32| {
            map.get(&id).copied().or((id <= shared).then_some(id))
        };
        Some(Placement {
            space: SpaceId(forward(&m.spaces, b.space, place.space.0)?),
            slot: SlotId(forward(&m.slots, b.slot, place.slot.0)?),
        })
    }

    /// Settles a text (`key`, of `issue`) that MAIN and the copy both edited: the first
    /// time, the verdict says whose stands first, `note` says what the conflict list reads
    /// (given that and the other side's label) and the settlement is kept for the copy's
    /// later edits of the same text; `None` where `theirs` was simply brought in (or found
    /// already there), with nothing to join.
    #[allow(clippy::too_many_arguments)]
    fn settle_both<T: Clone>(
        &mut self,
        cx: &mut Cx,
        item: &Item,
        (key, issue): (Key, IssueId),
        kept: fn(&mut Cx) -> &mut BTreeMap<IssueId, Resolution<T>>,
        current: T,
        theirs: Change,
        note: impl FnOnce(bool, &str) -> (String, String),
    ) -> Option<Resolution<T>> {
        if let Some(r) = kept(cx).get(&issue) {
            return Some(r.clone());
        }
        let verdict = self.verdict(cx, key, item.at);
        if let Verdict::Free = verdict {
            self.emit_or_conflict(cx, item, theirs);
            return None;
        }
        match self.would_change(item.at, &theirs) {
            Some(false) => {
                self.already(cx, item, &theirs);
                return None;
            }
            Some(true) => {}
            None => {
                self.emit_or_conflict(cx, item, theirs);
                return None;
            }
        }
        let (main_first, kept_label) = match verdict {
            Verdict::Keep(owner) => (true, owner),
            Verdict::Win(loser) => (false, loser),
            Verdict::Free => unreachable!("handled above"),
        };
        let (what, said) = note(main_first, &kept_label);
        cx.conflicts.push(Conflict {
            seq: item.seq,
            what,
            kept: said,
            lost: String::new(),
        });
        let r = Resolution {
            main_first,
            kept: current,
            kept_label,
        };
        kept(cx).insert(issue, r.clone());
        Some(r)
    }

    fn report(&mut self, cx: &mut Cx, item: &Item, change: Change) {
        let Change::ReportRecorded { issue, report } = change else {
            return;
        };
        let Some(current) = self
            .session
            .issues
            .get(&issue)
            .filter(|i| i.is_active())
            .map(|i| i.report.clone())
        else {
            self.emit_or_conflict(cx, item, Change::ReportRecorded { issue, report });
            return;
        };
        let label = cx.label.clone();
        let theirs = Change::ReportRecorded {
            issue,
            report: report.clone(),
        };
        let note = |main_first: bool, kept_label: &str| {
            let kept = if main_first {
                format!("{kept_label} kept, {label}'s text appended")
            } else {
                format!("{label}'s kept (captured earlier), {kept_label}'s text appended")
            };
            (format!("report of issue {issue} edited on both"), kept)
        };
        let key = (Key::Report(issue), issue);
        let Some(resolution) =
            self.settle_both(cx, item, key, |cx| &mut cx.reports, current, theirs, note)
        else {
            return;
        };
        let joined = if resolution.main_first {
            join_reports(&resolution.kept, &report, &label)
        } else {
            join_reports(&report, &resolution.kept, &resolution.kept_label)
        };
        self.emit_or_conflict(
            cx,
            item,
            Change::ReportRecorded {
                issue,
                report: Box::new(joined),
            },
        );
    }

    fn issue_text(&mut self, cx: &mut Cx, item: &Item, change: Change, what: String) {
        let Change::IssueEdited {
            issue,
            title,
            convener,
            description,
        } = change
        else {
            return;
        };
        let theirs: IssueText = (title, convener, description);
        let edit = |t: IssueText| Change::IssueEdited {
            issue,
            title: t.0,
            convener: t.1,
            description: t.2,
        };
        let Some(current) = self
            .session
            .issues
            .get(&issue)
            .filter(|i| i.is_active())
            .map(|i| (i.title.clone(), i.convener, i.description.clone()))
        else {
            self.emit_or_conflict(cx, item, edit(theirs));
            return;
        };
        let label = cx.label.clone();
        let note = |main_first: bool, kept_label: &str| {
            let kept = if main_first {
                format!("{kept_label}'s kept, {label}'s text appended to the description")
            } else {
                format!(
                    "{label}'s kept (captured earlier), {kept_label}'s text appended to the \
                     description"
                )
            };
            (changed_both(&what), kept)
        };
        let key = (Key::IssueText(issue), issue);
        let probe = edit(theirs.clone());
        let Some(resolution) =
            self.settle_both(cx, item, key, |cx| &mut cx.texts, current, probe, note)
        else {
            return;
        };
        let joined = if resolution.main_first {
            join_issue_text(&resolution.kept, &theirs, &label)
        } else {
            join_issue_text(&theirs, &resolution.kept, &resolution.kept_label)
        };
        self.emit_or_conflict(cx, item, edit(joined));
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

fn quote(text: &str) -> String {
    format!("\u{201c}{text}\u{201d}")
}
