//! The agenda wall: spaces, slots, and which issue meets where and when.

use crate::model::event::Change;
use crate::model::ids::{IssueId, SlotId, SpaceId};
use crate::model::session::{Placement, Session, slot_times, times_in_label};
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

/// Which parts of a slot the person changed in its form, rather than left as they were.
#[derive(Clone, Copy, Debug)]
pub struct SlotEdits {
    pub label: bool,
    pub times: bool,
}

/// A slot's label and times as typed, kept in step. A label that is times
/// ("14:45-15:45") and the slot's times never disagree, as `add_labelled_slot` keeps them,
/// so the wall and "● now" agree: a label that is times gives a slot without times its
/// times, or new times if only the label was changed; times changed under an unchanged
/// label that is times give it a new label. Both changed and disagreeing: the times as
/// they read, for the person to make them agree. An empty label becomes the times.
pub fn slot_in_step(
    label: &str,
    starts: Option<NaiveTime>,
    ends: Option<NaiveTime>,
    edits: SlotEdits,
) -> Result<(String, Option<NaiveTime>, Option<NaiveTime>), String> {
    let (mut label, mut starts, mut ends) = (label.to_string(), starts, ends);
    if let Some((from, to)) = times_in_label(&label)
        && (starts, ends) != (Some(from), Some(to))
    {
        if (starts, ends) == (None, None) || (edits.label && !edits.times) {
            (starts, ends) = (Some(from), Some(to));
        } else if !edits.label {
            label = slot_times("", starts, ends);
        } else {
            return Err(slot_times("", starts, ends));
        }
    }
    if label.is_empty() {
        // A slot named by its times reads well on the wall: "10:00–10:45".
        label = slot_times("", starts, ends);
    }
    Ok((label, starts, ends))
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
    fn a_slots_label_and_times_are_kept_in_step() {
        let hm = |t| NaiveTime::parse_from_str(t, "%H:%M").ok();
        let edits = |label, times| SlotEdits { label, times };
        let (ten, eleven) = (hm("10:00"), hm("11:00"));
        let said = |label, s, e, ed| slot_in_step(label, s, e, ed);
        // No times yet: the label gives them.
        assert_eq!(
            said("10:00-11:00", None, None, edits(true, true)),
            Ok(("10:00-11:00".into(), ten, eleven))
        );
        // Only the label changed: its times win.
        assert_eq!(
            said("10:00-11:00", hm("09:00"), ten, edits(true, false)),
            Ok(("10:00-11:00".into(), ten, eleven))
        );
        // Only the times changed: the label follows them.
        assert_eq!(
            said("10:00-11:00", hm("09:00"), ten, edits(false, true)),
            Ok(("09:00–10:00".into(), hm("09:00"), ten))
        );
        // Both changed and they disagree: the times as they read, to make them agree.
        assert_eq!(
            said("10:00-11:00", hm("09:00"), ten, edits(true, true)),
            Err("09:00–10:00".into())
        );
        // An empty label is the times; a label that is not times keeps its own.
        assert_eq!(
            said("", ten, eleven, edits(true, true)),
            Ok(("10:00–11:00".into(), ten, eleven))
        );
        assert_eq!(
            said("Morning", ten, None, edits(true, true)),
            Ok(("Morning".into(), ten, None))
        );
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
