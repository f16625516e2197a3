//! The agenda wall: spaces, slots, and which issue meets where and when.

use crate::model::event::Change;
use crate::model::ids::{IssueId, SlotId, SpaceId};
use crate::model::session::{Placement, Session, times_in_label};
use chrono::NaiveTime;

/// A space added after the others, under the next free id.
pub fn add_space(session: &Session, name: &str) -> (Change, SpaceId) {
    let space = session.next_space_id();
    let name = name.to_string();
    (Change::SpaceAdded { space, name }, space)
}

pub fn rename_space(space: SpaceId, name: &str) -> Change {
    let name = name.to_string();
    Change::SpaceRenamed { space, name }
}

/// Its issues go back to the unplaced list: the domain does that, and undo restores.
pub fn remove_space(space: SpaceId) -> Change {
    Change::SpaceRemoved { space }
}

/// A slot added, under the next free id.
pub fn add_slot(
    session: &Session,
    label: &str,
    starts: Option<NaiveTime>,
    ends: Option<NaiveTime>,
) -> (Change, SlotId) {
    let slot = session.next_slot_id();
    let label = label.to_string();
    let change = Change::SlotAdded {
        slot,
        label,
        starts,
        ends,
    };
    (change, slot)
}

/// A slot named only by its label: a label that reads as times ("14:45-15:45") gives the
/// slot those times, so the wall and "● now" never disagree.
pub fn add_labelled_slot(session: &Session, label: &str) -> Change {
    let (starts, ends) = times_in_label(label).unzip();
    add_slot(session, label, starts, ends).0
}

pub fn update_slot(
    slot: SlotId,
    label: &str,
    starts: Option<NaiveTime>,
    ends: Option<NaiveTime>,
) -> Change {
    let label = label.to_string();
    Change::SlotUpdated {
        slot,
        label,
        starts,
        ends,
    }
}

/// Its issues go back to the unplaced list: the domain does that, and undo restores.
pub fn remove_slot(slot: SlotId) -> Change {
    Change::SlotRemoved { slot }
}

/// Places an issue in a cell, or moves it there; a taken cell is the domain's to refuse.
pub fn place(issue: IssueId, at: Placement) -> Change {
    let Placement { space, slot } = at;
    Change::IssuePlaced { issue, space, slot }
}

pub fn unplace(issue: IssueId) -> Change {
    Change::IssueUnplaced { issue }
}

/// Issues `a` and `b` trade cells, as one step. `a` leaves its cell first so that `b`
/// can take it: one issue per cell holds at every change. Nothing unless both are placed.
pub fn swap_places(session: &Session, a: IssueId, b: IssueId) -> Option<Vec<Change>> {
    let cell = |id| session.issues.get(&id).and_then(|i| i.placement);
    let (from, to) = (cell(a)?, cell(b)?);
    Some(vec![unplace(a), place(b, from), place(a, to)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::Room;

    #[test]
    fn a_label_that_reads_as_times_gives_the_slot_its_times() {
        let room = Room::new();
        let Change::SlotAdded { starts, ends, .. } = add_labelled_slot(room.s(), "14:45-15:45")
        else {
            panic!("a slot is added");
        };
        let hm = |t| NaiveTime::parse_from_str(t, "%H:%M").ok();
        assert_eq!((starts, ends), (hm("14:45"), hm("15:45")));
        let Change::SlotAdded { starts, ends, .. } = add_labelled_slot(room.s(), "Morning") else {
            panic!("a slot is added");
        };
        assert_eq!((starts, ends), (None, None));
    }

    #[test]
    fn two_placed_issues_trade_cells_in_one_step() {
        let mut room = Room::new();
        let (hall, garden) = (room.space("Hall"), room.space("Garden"));
        let slot = room.slot("10:00");
        let (one, two, three) = (room.issue("One"), room.issue("Two"), room.issue("Three"));
        room.place(one, hall, slot);
        room.place(two, garden, slot);
        assert_eq!(swap_places(room.s(), one, three), None);
        let swap = swap_places(room.s(), one, two).expect("both are placed");
        room.j
            .record_step(crate::model::tests::at(9), swap)
            .unwrap();
        let at = |id| room.s().issues[&id].placement.map(|p| p.space);
        assert_eq!((at(one), at(two)), (Some(garden), Some(hall)));
    }
}
