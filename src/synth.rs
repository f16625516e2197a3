//! A realistic, deterministic session of any size, for benchmarks, tests and trying the app
//! at scale: a day of a borough's health and social care Open Space, from the opening to
//! the action plans, with the mistakes and second thoughts of a real room (edits, moves,
//! merges, undo). Every event goes through `Journal::record`, so the log is valid throughout.
//! The same parameters give the same log byte for byte: a seeded splitmix64 decides
//! everything and times are counted from a fixed morning, never read from the clock.

mod rng;
mod words;

use crate::model::*;
use chrono::{DateTime, Days, Duration, FixedOffset, Months, NaiveDate, NaiveTime, TimeZone};
use rng::{Rng, mix};
use std::collections::{BTreeMap, HashSet};
use words::*;

/// The size of the session to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SynthParams {
    pub participants: u32,
    pub issues: u32,
    /// Exactly this many events are written.
    pub events: u32,
    pub seed: u64,
}

/// When each phase of the day begins, in minutes after 09:00, and when the day ends:
/// opening, marketplace, breakouts (the agenda's slots run to about 16:00), convergence,
/// action planning, 17:00.
const SCHEDULE: [u64; 6] = [0, 30, 75, 420, 450, 480];

/// Share of the events beyond the day's plan (the churn) given to each phase, in percent.
const CHURN_SHARES: [usize; 5] = [5, 25, 35, 20, 15];

/// When the generated workshop starts: 09:00 on a fixed day, so output never depends on
/// when it was generated.
pub fn start() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .expect("UTC is an offset")
        .with_ymd_and_hms(2026, 3, 12, 9, 0, 0)
        .single()
        .expect("a real time")
}

/// A session id (a version 4 UUID) made from the seed rather than from the system's
/// randomness, so the whole file is reproducible.
pub fn session_id(seed: u64) -> String {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&mix(seed ^ 0x5EED_0001).to_le_bytes());
    bytes[8..].copy_from_slice(&mix(seed ^ 0x5EED_0002).to_le_bytes());
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// Makes a session of the given size with exactly `events` events (none if `events` is 0).
/// When the events are too few for the people and issues asked for, the room is scaled
/// down so the day still runs from opening to action plans; when they are more, the gap is
/// filled with the churn of a real day (edits, moves, changed votes, undo and redo).
pub fn generate(p: &SynthParams) -> Journal {
    let target = p.events as usize;
    let mut g = Gen::new(p);
    if target == 0 {
        return g.j;
    }
    g.opening();
    g.marketplace();
    g.breakouts();
    g.voting();
    g.planning();
    g.churn_until(target, Gen::planning_churn);
    debug_assert_eq!(g.j.events.len(), target);
    g.j
}

/// How big each part of the day is.
#[derive(Clone, Copy, Debug)]
struct Plan {
    participants: usize,
    issues: usize,
    spaces: usize,
    slots: usize,
    placements: usize,
    merges: usize,
    deletes: usize,
    cancels: usize,
    priorities: usize,
}

impl Plan {
    fn new(participants: usize, issues: usize) -> Plan {
        let slots = (issues / 8).clamp(3, 6);
        let spaces = issues.div_ceil(slots).clamp(2, 40);
        let at_least =
            |min: usize, n: usize, per: usize| if n >= min { (n / per).max(1) } else { 0 };
        let merges = at_least(3, issues, 25);
        let deletes = at_least(4, issues, 40);
        Plan {
            participants,
            issues,
            spaces,
            slots,
            placements: (issues * 85 / 100).min(spaces * slots),
            merges,
            deletes,
            cancels: at_least(5, issues, 30),
            priorities: (issues / 4).clamp(1, 12).min(issues - merges - deletes),
        }
    }

    /// Events of each phase before any churn. An estimate: the phases stop at the marks
    /// computed from it, and the last one fills up to the exact count.
    fn phases(&self) -> [usize; 5] {
        let (p, i) = (self.participants, self.issues);
        let early = p * 9 / 10;
        let opening = 2 + self.spaces + 2 + self.slots + 2 + early + 2 + p / 12;
        let marketplace =
            p - early + i + i / 5 + self.placements * 9 / 8 + 1 + self.merges + self.deletes + 4;
        let breakouts = 2 + self.slots + self.cancels + 1 + self.placements * 8 / 10;
        let voting = if i > 0 {
            12 + p * 3 + p * 2 * 8 / 10
        } else {
            0
        };
        let planning = self.priorities * 7 + 6;
        [opening, marketplace, breakouts, voting, planning]
    }

    fn total(&self) -> usize {
        self.phases().iter().sum()
    }
}

/// Picks issues in proportion to how much they appeal to the room, so rankings have clear
/// winners, a long tail and the occasional tie.
struct Weights {
    issues: Vec<IssueId>,
    cumulative: Vec<u64>,
}

impl Weights {
    fn new(issues: &[IssueId], appeal: &BTreeMap<IssueId, u32>) -> Weights {
        let mut sum = 0;
        let cumulative = issues
            .iter()
            .map(|i| {
                sum += appeal.get(i).copied().unwrap_or(1) as u64;
                sum
            })
            .collect();
        Weights {
            issues: issues.to_vec(),
            cumulative,
        }
    }

    fn pick(&self, rng: &mut Rng) -> Option<IssueId> {
        let total = *self.cumulative.last()?;
        let x = rng.next_u64() % total;
        let at = self.cumulative.partition_point(|&c| c <= x);
        self.issues.get(at).copied()
    }
}

struct Gen {
    rng: Rng,
    seed: u64,
    j: Journal,
    target: usize,
    plan: Plan,
    /// Where each phase hands over to the next, in events.
    marks: [usize; 5],
    names: HashSet<String>,
    people: Vec<ParticipantId>,
    spare_space: Option<SpaceId>,
    spare_slot: Option<SlotId>,
    /// Every issue raised, in order; some may since have been merged or deleted.
    issues: Vec<IssueId>,
    topics: Vec<usize>,
    topic: BTreeMap<IssueId, usize>,
    appeal: BTreeMap<IssueId, u32>,
    voters: Vec<ParticipantId>,
    priorities: Vec<IssueId>,
    theme: usize,
}

impl Gen {
    fn new(p: &SynthParams) -> Gen {
        let target = p.events as usize;
        let mut plan = Plan::new(p.participants as usize, p.issues as usize);
        while plan.total() > target && (plan.participants > 1 || plan.issues > 1) {
            plan = Plan::new(plan.participants * 4 / 5, plan.issues * 4 / 5);
        }
        let base = plan.phases();
        let churn = target.saturating_sub(plan.total());
        let mut marks = [0; 5];
        let mut sum = 0;
        for k in 0..5 {
            sum += base[k] + churn * CHURN_SHARES[k] / 100;
            marks[k] = sum.min(target);
        }
        let mut rng = Rng::new(p.seed);
        let mut topics: Vec<usize> = (0..TOPICS.len()).collect();
        rng.shuffle(&mut topics);
        Gen {
            rng,
            seed: p.seed,
            j: Journal::default(),
            target,
            plan,
            marks,
            names: HashSet::new(),
            people: vec![],
            spare_space: None,
            spare_slot: None,
            issues: vec![],
            topics,
            topic: BTreeMap::new(),
            appeal: BTreeMap::new(),
            voters: vec![],
            priorities: vec![],
            theme: (p.seed % THEMES.len() as u64) as usize,
        }
    }

    fn s(&self) -> &Session {
        &self.j.session
    }

    fn full(&self) -> bool {
        self.j.events.len() >= self.target
    }

    /// When the next event happens: the events planned for each phase share its part of
    /// the schedule evenly, and each gets a seeded jitter within its share, so times never
    /// go backwards.
    fn at(&self) -> DateTime<FixedOffset> {
        let n = self.j.events.len() as u64;
        let bounds = [
            0,
            self.marks[0],
            self.marks[1],
            self.marks[2],
            self.marks[3],
            self.target,
        ]
        .map(|b| b as u64);
        let phase = (0..5).find(|&k| n < bounds[k + 1]).unwrap_or(4);
        let span = (SCHEDULE[phase + 1] - SCHEDULE[phase]) * 60_000;
        let count = bounds[phase + 1].saturating_sub(bounds[phase]).max(1);
        let into = n.saturating_sub(bounds[phase]).min(count - 1);
        let share = (span / count).max(1);
        let jitter = match n {
            0 => 0,
            _ => mix(self.seed ^ n.wrapping_mul(0x2545_F491_4F6C_DD1D)) % share,
        };
        let mut ms = SCHEDULE[phase] * 60_000 + into * span / count + jitter;
        if share >= 2000 {
            ms -= ms % 1000;
        }
        start() + Duration::milliseconds(ms as i64)
    }

    /// Records a change if there is room left; false if full or refused.
    fn record(&mut self, change: Change) -> bool {
        if self.full() {
            return false;
        }
        let at = self.at();
        self.j.record(at, change).is_ok()
    }

    /// Repeats `step` until the log reaches `mark`, with an undo and redo now and then.
    /// A step that finds nothing to do is retried; if that keeps happening the facilitator
    /// polishes the theme, which is always allowed, so this always ends.
    fn churn_until(&mut self, mark: usize, mut step: impl FnMut(&mut Gen)) {
        let mark = mark.min(self.target);
        let mut idle = 0;
        while self.j.events.len() < mark {
            let before = self.j.events.len();
            if self.rng.chance(3) {
                self.undo_redo();
            } else {
                step(self);
            }
            if self.j.events.len() == before {
                idle += 1;
                if idle >= 8 {
                    self.rephrase_theme();
                    idle = 0;
                }
            } else {
                idle = 0;
            }
        }
    }

    fn undo_redo(&mut self) {
        let twice = self.rng.chance(25);
        let mut undone = 0;
        for _ in 0..(1 + twice as usize) {
            if self.s().undo_target().is_some() && self.record(Change::Undo) {
                undone += 1;
            }
        }
        for _ in 0..undone {
            self.record(Change::Redo);
        }
    }

    fn rephrase_theme(&mut self) {
        let (short, long) = THEMES[self.theme];
        let theme = if self.s().theme == long { short } else { long };
        self.record(Change::ThemeSet {
            theme: theme.into(),
        });
    }

    // ----- choosing things that exist now (an undo may have taken any of them back) -----

    fn person(&mut self) -> Option<ParticipantId> {
        for _ in 0..8 {
            let id = *self.rng.pick(&self.people)?;
            if self.s().participants.contains_key(&id) {
                return Some(id);
            }
        }
        None
    }

    fn active_issue(&mut self) -> Option<IssueId> {
        for _ in 0..12 {
            let id = *self.rng.pick(&self.issues)?;
            if self.s().issues.get(&id).is_some_and(|i| i.is_active()) {
                return Some(id);
            }
        }
        None
    }

    fn placed_issue(&mut self) -> Option<IssueId> {
        for _ in 0..12 {
            let id = self.active_issue()?;
            if self.s().issues[&id].placement.is_some() {
                return Some(id);
            }
        }
        None
    }

    fn free_cell(&mut self) -> Option<Placement> {
        let s = self.s();
        let taken: HashSet<Placement> = s.active_issues().filter_map(|i| i.placement).collect();
        let free: Vec<Placement> = s
            .spaces
            .keys()
            .flat_map(|&space| s.slots.keys().map(move |&slot| Placement { space, slot }))
            .filter(|c| !taken.contains(c))
            .collect();
        self.rng.pick(&free).copied()
    }

    fn priority(&mut self) -> Option<IssueId> {
        for _ in 0..8 {
            let id = *self.rng.pick(&self.priorities)?;
            if self.s().issues.get(&id).is_some_and(|i| i.is_active()) {
                return Some(id);
            }
        }
        None
    }

    // ----- the opening -----

    fn opening(&mut self) {
        let (theme, _) = THEMES[self.theme];
        self.record(Change::SessionCreated {
            theme: theme.into(),
        });
        self.rephrase_theme();
        for k in 0..self.plan.spaces {
            let name = match SPACES.get(k) {
                Some(name) => name.to_string(),
                None => format!("Room {}", k + 1 - SPACES.len()),
            };
            self.add_space(name);
        }
        self.spare_space = self.add_space("Overflow corner".into());
        let renamed = self.s().spaces.values().nth(1).cloned();
        if let Some(space) = renamed {
            self.record(Change::SpaceRenamed {
                space: space.id,
                name: format!("{} (step-free)", space.name),
            });
        }
        let count = self.plan.slots;
        for k in 0..count {
            let (starts, ends) = slot_times(k, count);
            self.add_slot(starts, ends);
        }
        let spare = self.s().next_slot_id();
        if self.record(Change::SlotAdded {
            slot: spare,
            label: "Extra slot if needed".into(),
            starts: None,
            ends: None,
        }) {
            self.spare_slot = Some(spare);
        }
        // The first breakout starts a quarter of an hour late: the opening overran.
        if let Some(first) = self.s().slots.values().next().cloned()
            && let (Some(starts), Some(ends)) = (first.starts, first.ends)
        {
            let starts = starts + Duration::minutes(15);
            self.record(Change::SlotUpdated {
                slot: first.id,
                label: slot_label(starts, ends),
                starts: Some(starts),
                ends: Some(ends),
            });
        }
        for _ in 0..self.plan.participants * 9 / 10 {
            self.add_person();
        }
        // Someone signs in and leaves before the marketplace.
        if self.plan.participants > 0
            && let Some(id) = self.add_person()
            && self.record(Change::ParticipantRemoved { participant: id })
        {
            self.people.retain(|p| *p != id);
        }
        for _ in 0..self.plan.participants / 12 {
            self.update_person();
        }
        self.churn_until(self.marks[0], Gen::update_person);
    }

    fn add_space(&mut self, name: String) -> Option<SpaceId> {
        let id = self.s().next_space_id();
        self.record(Change::SpaceAdded { space: id, name })
            .then_some(id)
    }

    fn add_slot(&mut self, starts: NaiveTime, ends: NaiveTime) -> Option<SlotId> {
        let id = self.s().next_slot_id();
        self.record(Change::SlotAdded {
            slot: id,
            label: slot_label(starts, ends),
            starts: Some(starts),
            ends: Some(ends),
        })
        .then_some(id)
    }

    fn add_person(&mut self) -> Option<ParticipantId> {
        let name = self.fresh_name();
        let group = self.group();
        let organisation = self.organisation(group);
        let id = self.s().next_participant_id();
        let ok = self.record(Change::ParticipantAdded {
            participant: id,
            name: name.clone(),
            organisation,
            group,
        });
        self.names.insert(name.to_lowercase());
        ok.then(|| {
            self.people.push(id);
            id
        })
    }

    fn fresh_name(&mut self) -> String {
        let mut attempt = 0;
        loop {
            let first = self.rng.pick(&FIRST_NAMES).expect("names");
            let last = self.rng.pick(&SURNAMES).expect("names");
            let name = match attempt {
                0..6 => format!("{first} {last}"),
                6..12 => {
                    let initial = (b'A' + self.rng.below(26) as u8) as char;
                    format!("{first} {initial}. {last}")
                }
                n => format!("{first} {last} {n}"),
            };
            if !self.names.contains(&name.to_lowercase()) {
                return name;
            }
            attempt += 1;
        }
    }

    fn group(&mut self) -> Option<Group> {
        let mut roll = self.rng.below(100) as u32;
        for (group, share) in GROUP_SHARES {
            if roll < share {
                return Some(group);
            }
            roll -= share;
        }
        None
    }

    fn organisation(&mut self, group: Option<Group>) -> Option<String> {
        match group {
            Some(Group::ServiceUser | Group::Carer) if self.rng.chance(60) => None,
            Some(g) => self.rng.pick(organisations(g)).map(|o| o.to_string()),
            None => None,
        }
    }

    /// Someone's organisation or group corrected at the registration desk.
    fn update_person(&mut self) {
        let Some(id) = self.person() else { return };
        let who = self.s().participants[&id].clone();
        let group = if self.rng.chance(30) {
            self.group()
        } else {
            who.group
        };
        let organisation = self.organisation(group);
        self.record(Change::ParticipantUpdated {
            participant: id,
            name: who.name,
            organisation,
            group,
        });
    }

    // ----- the marketplace -----

    fn marketplace(&mut self) {
        let late = self.plan.participants - self.plan.participants * 9 / 10;
        let count = self.plan.issues;
        let mut arrived = 0;
        let mut placed = 0;
        for k in 0..count {
            if arrived < late && k * late / count > arrived {
                self.add_person();
                arrived += 1;
            }
            let Some(id) = self.raise(k) else { continue };
            if placed < self.plan.placements
                && let Some(cell) = self.free_cell()
                && self.record(Change::IssuePlaced {
                    issue: id,
                    space: cell.space,
                    slot: cell.slot,
                })
            {
                placed += 1;
            }
            if self.rng.chance(20) {
                self.edit_issue();
            }
        }
        for _ in arrived..late {
            self.add_person();
        }
        for _ in 0..self.plan.placements / 8 {
            self.move_issue();
        }
        if let Some(id) = self.placed_issue() {
            self.record(Change::IssueUnplaced { issue: id });
        }
        // The wrong sheet taken off the wall, and put straight back.
        if self.plan.deletes > 0
            && let Some(id) = self.active_issue()
            && self.record(Change::IssueDeleted { issue: id })
        {
            self.record(Change::Undo);
        }
        for _ in 0..self.plan.merges {
            self.merge_pair();
        }
        for _ in 0..self.plan.deletes {
            if let Some(id) = self.active_issue() {
                self.record(Change::IssueDeleted { issue: id });
            }
        }
        self.mistaken_edit();
        self.churn_until(self.marks[1], |g| match g.rng.below(100) {
            0..50 => g.edit_issue(),
            50..85 => g.move_issue(),
            _ => g.mistaken_edit(),
        });
    }

    fn raise(&mut self, k: usize) -> Option<IssueId> {
        let topic = self.topics[k % TOPICS.len()];
        let round = k / TOPICS.len();
        let title = match round {
            0 => TOPICS[topic].to_string(),
            n => format!(
                "{}: {}",
                TOPICS[topic],
                ANGLES[(n - 1 + self.seed as usize) % ANGLES.len()]
            ),
        };
        let convener = if self.rng.chance(85) {
            self.person()
        } else {
            None
        };
        let description = if self.rng.chance(70) {
            self.description(topic)
        } else {
            String::new()
        };
        let id = self.s().next_issue_id();
        if !self.record(Change::IssueRaised {
            issue: id,
            title,
            convener,
            description,
        }) {
            return None;
        }
        let appeal = self.rng.between(1, 10);
        self.issues.push(id);
        self.topic.insert(id, topic);
        self.appeal.insert(id, appeal * appeal);
        Some(id)
    }

    fn description(&mut self, topic: usize) -> String {
        let reason = self.rng.pick(&REASONS).expect("reasons");
        let opener = self
            .rng
            .pick(&[
                "We need to talk about",
                "I would like us to look at",
                "Can we get practical about",
                "Let's share what we know about",
            ])
            .expect("openers");
        format!("{opener} {} because {reason}.", lower_first(TOPICS[topic]))
    }

    /// A title sharpened or a description rewritten.
    fn edit_issue(&mut self) {
        let Some(id) = self.active_issue() else {
            return;
        };
        let issue = self.s().issues[&id].clone();
        let topic = self.topic.get(&id).copied().unwrap_or(0);
        let title = if self.rng.chance(50) {
            let angle = self.rng.pick(&ANGLES).expect("angles");
            format!("{}: {angle}", TOPICS[topic])
        } else {
            issue.title.clone()
        };
        let description = self.description(topic);
        self.record(Change::IssueEdited {
            issue: id,
            title,
            convener: issue.convener,
            description,
        });
    }

    /// An edit the facilitator takes straight back.
    fn mistaken_edit(&mut self) {
        let before = self.j.events.len();
        self.edit_issue();
        if self.j.events.len() > before {
            self.record(Change::Undo);
        }
    }

    fn move_issue(&mut self) {
        let Some(id) = self.placed_issue() else {
            return;
        };
        let Some(cell) = self.free_cell() else { return };
        self.record(Change::IssuePlaced {
            issue: id,
            space: cell.space,
            slot: cell.slot,
        });
    }

    /// Two sheets about the same thing become one, preferably on the same topic.
    fn merge_pair(&mut self) {
        let Some(from) = self.active_issue() else {
            return;
        };
        let topic = self.topic.get(&from).copied();
        let same: Vec<IssueId> = self
            .issues
            .iter()
            .copied()
            .filter(|i| *i != from && self.topic.get(i).copied() == topic)
            .filter(|i| self.s().issues.get(i).is_some_and(|x| x.is_active()))
            .collect();
        let into = match self.rng.pick(&same) {
            Some(i) => *i,
            None => match self.active_issue() {
                Some(i) if i != from => i,
                _ => return,
            },
        };
        self.record(Change::IssuesMerged { from, into });
    }

    // ----- the breakouts -----

    fn breakouts(&mut self) {
        // The overflow corner is needed for lunch, and nobody wants the extra slot.
        let mut displaced = vec![];
        if let Some(space) = self.spare_space {
            displaced.extend(self.placed_where(|p| p.space == space));
            self.record(Change::SpaceRemoved { space });
        }
        if let Some(slot) = self.spare_slot {
            displaced.extend(self.placed_where(|p| p.slot == slot));
            self.record(Change::SlotRemoved { slot });
        }
        for id in displaced {
            if let Some(cell) = self.free_cell() {
                self.record(Change::IssuePlaced {
                    issue: id,
                    space: cell.space,
                    slot: cell.slot,
                });
            }
        }
        let mut cancelled = vec![];
        for _ in 0..self.plan.cancels {
            if let Some(id) = self.placed_issue()
                && self.record(Change::IssueCancelled {
                    issue: id,
                    cancelled: true,
                })
            {
                cancelled.push(id);
            }
        }
        // One group met after all, in the corridor.
        if cancelled.len() >= 2 {
            self.record(Change::IssueCancelled {
                issue: cancelled[0],
                cancelled: false,
            });
        }
        let met: Vec<IssueId> = self
            .s()
            .active_issues()
            .filter(|i| i.placement.is_some() && !i.cancelled)
            .map(|i| i.id)
            .collect();
        for id in met {
            if self.rng.chance(85) {
                self.report(id);
            }
        }
        self.churn_until(self.marks[2], |g| match g.rng.below(100) {
            0..50 => {
                if let Some(id) = g.placed_issue() {
                    g.report(id);
                }
            }
            50..80 => g.edit_issue(),
            _ => g.move_issue(),
        });
    }

    fn placed_where(&self, hit: impl Fn(&Placement) -> bool) -> Vec<IssueId> {
        self.s()
            .active_issues()
            .filter(|i| i.placement.as_ref().is_some_and(&hit))
            .map(|i| i.id)
            .collect()
    }

    fn report(&mut self, id: IssueId) {
        let mut names = vec![];
        for _ in 0..self.rng.below(6) {
            if let Some(p) = self.person() {
                let name = self.s().participant_name(p).to_string();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        let report = Report {
            attendees: self.rng.between(3, 25),
            attendee_names: names,
            key_points: self.lines(&KEY_POINTS, 2, 4),
            recommendations: self.lines(&RECOMMENDATIONS, 1, 3),
            follow_up: self.lines(&FOLLOW_UPS, 0, 2),
        };
        self.record(Change::ReportRecorded { issue: id, report });
    }

    fn lines(&mut self, from: &[&str], min: u32, max: u32) -> String {
        let mut picked: Vec<&str> = vec![];
        for _ in 0..self.rng.between(min, max) {
            let line = *self.rng.pick(from).expect("lines");
            if !picked.contains(&line) {
                picked.push(line);
            }
        }
        picked.join("\n")
    }

    // ----- convergence: two rounds of dots -----

    fn voting(&mut self) {
        let ballot: Vec<IssueId> = self.s().active_issues().map(|i| i.id).collect();
        if ballot.is_empty() {
            return;
        }
        let first = self.s().next_round_id();
        let max_per_issue = self.rng.chance(50).then_some(2);
        if !self.record(Change::RoundOpened {
            round: first,
            dots_per_person: 3,
            max_per_issue,
            anonymous: false,
            hidden: true,
            ballot: ballot.clone(),
        }) {
            return;
        }
        let weights = Weights::new(&ballot, &self.appeal);
        let mut people = self.people.clone();
        self.rng.shuffle(&mut people);
        let named = people.len() * 6 / 10;
        for &voter in &people[..named] {
            for _ in 0..self.rng.between(2, 3) {
                self.named_dot(first, voter, &weights);
            }
            self.voters.push(voter);
        }
        // Paper dots from those who queued at the wall instead.
        for _ in 0..(people.len() - named) * 3 * 85 / 100 {
            self.tally_dot(first, &weights);
        }
        for _ in 0..named / 10 {
            self.move_dot(first, &weights);
        }
        let second_round = 12 + self.people.len() * 2 * 8 / 10;
        let mark = self.marks[3].saturating_sub(second_round);
        self.churn_until(mark, |g| match g.rng.below(100) {
            0..60 => g.move_dot(first, &weights),
            60..80 => g.tally_dot(first, &weights),
            _ => g.untally_dot(first, &weights),
        });
        self.record(Change::ResultsRevealed { round: first });
        self.record(Change::RoundClosed { round: first });

        // A shorter, anonymous round on the front runners.
        let top = self
            .s()
            .rounds
            .get(&first)
            .map_or(vec![], |r| r.top((ballot.len() / 4).clamp(3, 10)));
        let ballot = if top.is_empty() {
            ballot[..ballot.len().min(3)].to_vec()
        } else {
            top
        };
        let second = self.s().next_round_id();
        if !self.record(Change::RoundOpened {
            round: second,
            dots_per_person: 2,
            max_per_issue: None,
            anonymous: true,
            hidden: false,
            ballot: ballot.clone(),
        }) {
            return;
        }
        let weights = Weights::new(&ballot, &self.appeal);
        for _ in 0..self.people.len() * 2 * 8 / 10 {
            self.tally_dot(second, &weights);
        }
        self.record(Change::RoundClosed { round: second });
        // Two latecomers ask to vote: reopened for them.
        self.record(Change::RoundReopened { round: second });
        for _ in 0..self.rng.between(1, 4) {
            self.tally_dot(second, &weights);
        }
        self.untally_dot(second, &weights);
        self.record(Change::RoundClosed { round: second });
    }

    fn named_dot(&mut self, round: RoundId, voter: ParticipantId, weights: &Weights) {
        for _ in 0..6 {
            let Some(issue) = weights.pick(&mut self.rng) else {
                return;
            };
            let Some(r) = self.s().rounds.get(&round) else {
                return;
            };
            if r.spent_by(voter) >= r.dots_per_person {
                return;
            }
            if r.max_per_issue.is_some_and(|m| r.given(voter, issue) >= m) {
                continue;
            }
            self.record(Change::DotAdded {
                round,
                issue,
                voter: Some(voter),
            });
            return;
        }
    }

    fn tally_dot(&mut self, round: RoundId, weights: &Weights) {
        if let Some(issue) = weights.pick(&mut self.rng) {
            self.record(Change::DotAdded {
                round,
                issue,
                voter: None,
            });
        }
    }

    /// A paper dot counted twice, taken off again.
    fn untally_dot(&mut self, round: RoundId, weights: &Weights) {
        for _ in 0..6 {
            let Some(issue) = weights.pick(&mut self.rng) else {
                return;
            };
            let counted = self
                .s()
                .rounds
                .get(&round)
                .is_some_and(|r| r.tallies.get(&issue).is_some_and(|n| *n > 0));
            if counted {
                self.record(Change::DotRemoved {
                    round,
                    issue,
                    voter: None,
                });
                return;
            }
        }
    }

    /// Someone changes their mind: one of their dots goes to another issue.
    fn move_dot(&mut self, round: RoundId, weights: &Weights) {
        let Some(&voter) = self.rng.pick(&self.voters) else {
            return;
        };
        let given: Vec<IssueId> = match self.s().rounds.get(&round) {
            Some(r) => r
                .ballots
                .get(&voter)
                .map_or(vec![], |b| b.keys().copied().collect()),
            None => return,
        };
        let Some(&issue) = self.rng.pick(&given) else {
            return self.named_dot(round, voter, weights);
        };
        if self.record(Change::DotRemoved {
            round,
            issue,
            voter: Some(voter),
        }) {
            self.named_dot(round, voter, weights);
        }
    }

    // ----- action planning -----

    fn planning(&mut self) {
        let mut priorities: Vec<IssueId> = self
            .s()
            .latest_round()
            .map_or(vec![], |r| r.top(self.plan.priorities));
        priorities.truncate(self.plan.priorities + 2);
        if priorities.is_empty() {
            priorities = self
                .s()
                .active_issues()
                .take(self.plan.priorities)
                .map(|i| i.id)
                .collect();
        }
        self.priorities = priorities.clone();
        // Someone keen volunteers for more than their share, which the Leads pane flags.
        let keen = self.person();
        for &id in &priorities {
            let convener = self.s().issues.get(&id).and_then(|i| i.convener);
            let lead = match convener {
                Some(c) if self.rng.chance(60) => Some(c),
                _ if self.rng.chance(20) => keen,
                _ => self.person(),
            };
            if let Some(lead) = lead {
                self.record(Change::LeadAssigned {
                    issue: id,
                    lead: Some(lead),
                });
            }
            for _ in 0..self.rng.between(1, 3) {
                self.support(id);
            }
            for _ in 0..self.rng.between(1, 3) {
                self.add_step(id);
            }
            let triage = match self.rng.below(100) {
                0..60 => Triage::DoIt,
                60..85 => Triage::ClarifyIt,
                _ => Triage::AnotherOpenSpace,
            };
            self.record(Change::TriageSet {
                issue: id,
                triage: Some(triage),
            });
        }
        if let (Some(&id), Some(other)) = (priorities.get(1), self.person()) {
            self.record(Change::LeadAssigned {
                issue: id,
                lead: Some(other),
            });
        }
        self.drop_supporter();
        for _ in 0..priorities.len() {
            self.update_step();
        }
        self.remove_step();
        if let Some(&id) = priorities.first() {
            self.record(Change::TriageSet {
                issue: id,
                triage: Some(Triage::ClarifyIt),
            });
        }
    }

    fn planning_churn(&mut self) {
        match self.rng.below(100) {
            0..40 => self.update_step(),
            40..65 => {
                // Supporters come and go, but a plan keeps a handful.
                let Some(id) = self.priority() else { return };
                if self.s().issues[&id].plan.supporters.len() < 5 && self.rng.chance(55) {
                    self.support(id);
                } else {
                    self.drop_supporter_from(id);
                }
            }
            65..80 => self.edit_issue(),
            80..88 => {
                if let Some(id) = self.placed_issue() {
                    self.report(id);
                }
            }
            88..95 => {
                if let Some(id) = self.priority() {
                    self.add_step(id);
                }
            }
            _ => self.update_person(),
        }
    }

    fn support(&mut self, id: IssueId) {
        let Some(who) = self.person() else { return };
        let plan = &self.s().issues[&id].plan;
        if plan.lead != Some(who) && !plan.supporters.contains(&who) {
            self.record(Change::SupporterAdded {
                issue: id,
                participant: who,
            });
        }
    }

    fn drop_supporter(&mut self) {
        if let Some(id) = self.priority() {
            self.drop_supporter_from(id);
        }
    }

    fn drop_supporter_from(&mut self, id: IssueId) {
        let supporters = self.s().issues[&id].plan.supporters.clone();
        if let Some(&who) = self.rng.pick(&supporters) {
            self.record(Change::SupporterRemoved {
                issue: id,
                participant: who,
            });
        }
    }

    fn add_step(&mut self, id: IssueId) {
        let plan = self.s().issues[&id].plan.clone();
        let mut owners: Vec<Option<ParticipantId>> = vec![plan.lead, None];
        owners.extend(plan.supporters.iter().map(|s| Some(*s)));
        let owner = *self.rng.pick(&owners).expect("owners");
        let topic = self.topic.get(&id).copied().unwrap_or(0);
        let text = format!(
            "{} on {}",
            self.rng.pick(&STEPS).expect("steps"),
            lower_first(TOPICS[topic])
        );
        let horizon = match self.rng.below(100) {
            0..50 => Horizon::Short,
            50..85 => Horizon::Medium,
            _ => Horizon::Long,
        };
        let due = self.due(horizon);
        let step = self.s().next_step_id();
        self.record(Change::StepAdded {
            issue: id,
            step,
            text,
            owner,
            due,
            horizon,
        });
    }

    /// A due date that fits the horizon, counted from the day of the workshop.
    fn due(&mut self, horizon: Horizon) -> Option<NaiveDate> {
        let day = start().date_naive();
        match horizon {
            Horizon::Short => day.checked_add_days(Days::new(self.rng.between(7, 42) as u64)),
            Horizon::Medium => day.checked_add_months(Months::new(self.rng.between(2, 6))),
            Horizon::Long if self.rng.chance(30) => None,
            Horizon::Long => day.checked_add_months(Months::new(self.rng.between(6, 12))),
        }
    }

    fn pick_step(&mut self) -> Option<(IssueId, Step)> {
        let id = self.priority()?;
        let steps: Vec<Step> = self.s().issues[&id].plan.steps.values().cloned().collect();
        self.rng.pick(&steps).map(|s| (id, s.clone()))
    }

    /// Progress on a next step, or a new date for it.
    fn update_step(&mut self) {
        let Some((id, step)) = self.pick_step() else {
            return;
        };
        let status = match (step.status, self.rng.below(100)) {
            (_, 0..8) => StepStatus::Dropped,
            (StepStatus::NotStarted, _) => StepStatus::UnderWay,
            (StepStatus::UnderWay, 8..60) => StepStatus::Done,
            (StepStatus::Dropped, _) => StepStatus::NotStarted,
            (s, _) => s,
        };
        let mut due = match step.due {
            Some(d) if self.rng.chance(30) => d.checked_add_days(Days::new(14)),
            d => d,
        };
        if status == step.status && due == step.due {
            // Finished or stuck: what changes is when it is expected.
            due = step
                .due
                .and_then(|d| d.checked_add_days(Days::new(7)))
                .or_else(|| self.due(step.horizon));
        }
        self.record(Change::StepUpdated {
            issue: id,
            step: step.id,
            text: step.text,
            owner: step.owner,
            due,
            horizon: step.horizon,
            status,
        });
    }

    fn remove_step(&mut self) {
        if let Some((id, step)) = self.pick_step() {
            self.record(Change::StepRemoved {
                issue: id,
                step: step.id,
            });
        }
    }
}

fn slot_times(k: usize, count: usize) -> (NaiveTime, NaiveTime) {
    let len = if count <= 5 { 60 } else { 45 };
    // Lunch is an hour after the second slot.
    let lunch = if k >= 2 { 60 } else { 0 };
    let starts = 10 * 60 + k * len + lunch;
    let time = |m: usize| NaiveTime::from_hms_opt((m / 60) as u32, (m % 60) as u32, 0);
    (
        time(starts).expect("slots end before midnight"),
        time(starts + len).expect("slots end before midnight"),
    )
}

fn slot_label(starts: NaiveTime, ends: NaiveTime) -> String {
    format!("{}–{}", starts.format("%H:%M"), ends.format("%H:%M"))
}

/// "Discharge delays" → "discharge delays", but "GPs and …" stays as it is.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => a
            .to_lowercase()
            .chain(text[a.len_utf8()..].chars())
            .collect(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests;
