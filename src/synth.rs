//! A realistic, deterministic session of any size, for benchmarks, tests and trying the app
//! at scale: a day of a borough's health and social care Open Space, from the opening to
//! the action plans, with the mistakes and second thoughts of a real room (edits, moves,
//! merges, undo). Every event goes through `Journal::record`, so the log is valid throughout.
//! The same parameters give the same log byte for byte: a seeded splitmix64 decides
//! everything and times are counted from a fixed morning, never read from the clock.

mod breakouts;
mod marketplace;
mod opening;
mod planning;
mod rng;
mod voting;
mod words;

use crate::model::*;
use chrono::{DateTime, Duration, FixedOffset, TimeZone};
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
        // Ids are small and dense, so a grid indexed by them beats hashing every cell.
        let width = s.slots.keys().next_back().map_or(0, |id| id.0 as usize + 1);
        let height = s
            .spaces
            .keys()
            .next_back()
            .map_or(0, |id| id.0 as usize + 1);
        let mut taken = vec![false; width * height];
        for p in s.active_issues().filter_map(|i| i.placement) {
            taken[p.space.0 as usize * width + p.slot.0 as usize] = true;
        }
        let free: Vec<Placement> = s
            .spaces
            .keys()
            .flat_map(|&space| s.slots.keys().map(move |&slot| Placement { space, slot }))
            .filter(|c| !taken[c.space.0 as usize * width + c.slot.0 as usize])
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
