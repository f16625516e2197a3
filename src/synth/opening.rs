//! The opening: the theme, the agenda wall's spaces and slots, and people arriving.

use super::Gen;
use super::words::*;
use crate::model::*;
use chrono::{Duration, NaiveTime};

impl Gen {
    pub(super) fn opening(&mut self) {
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

    pub(super) fn add_space(&mut self, name: String) -> Option<SpaceId> {
        let id = self.s().next_space_id();
        self.record(Change::SpaceAdded { space: id, name })
            .then_some(id)
    }

    pub(super) fn add_slot(&mut self, starts: NaiveTime, ends: NaiveTime) -> Option<SlotId> {
        let id = self.s().next_slot_id();
        self.record(Change::SlotAdded {
            slot: id,
            label: slot_label(starts, ends),
            starts: Some(starts),
            ends: Some(ends),
        })
        .then_some(id)
    }

    pub(super) fn add_person(&mut self) -> Option<ParticipantId> {
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

    pub(super) fn fresh_name(&mut self) -> String {
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

    pub(super) fn group(&mut self) -> Option<Group> {
        let mut roll = self.rng.below(100) as u32;
        for (group, share) in GROUP_SHARES {
            if roll < share {
                return Some(group);
            }
            roll -= share;
        }
        None
    }

    pub(super) fn organisation(&mut self, group: Option<Group>) -> Option<String> {
        match group {
            Some(Group::ServiceUser | Group::Carer) if self.rng.chance(60) => None,
            Some(g) => self.rng.pick(organisations(g)).map(|o| o.to_string()),
            None => None,
        }
    }

    /// Someone's organisation or group corrected at the registration desk.
    pub(super) fn update_person(&mut self) {
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
