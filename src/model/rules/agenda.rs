//! The agenda family: spaces, time slots and which issue meets where and when.

use super::super::history::{IssuePart, Patch};
use super::super::ids::*;
use super::super::rejection::*;
use super::super::session::*;
use super::super::validate::*;
use chrono::NaiveTime;

pub(super) fn set_space(
    session: &mut Session,
    adding: bool,
    space: &SpaceId,
    name: &str,
) -> Result<Vec<Patch>, Rejection> {
    if adding && session.spaces.contains_key(space) {
        return Err(Rejection::IdTaken {
            what: "space",
            id: space.0,
        });
    }
    if !adding && !session.spaces.contains_key(space) {
        return Err(Rejection::UnknownSpace(*space));
    }
    let name = checked(name, "space name", MAX_NAME)?;
    unique_name(
        session.spaces.values().map(|s| (s.id.0, s.name.as_str())),
        space.0,
        &name,
        "a space",
    )?;
    let old = session.spaces.insert(*space, Space { id: *space, name });
    session.next.space = session.next.space.max(space.0);
    Ok(vec![Patch::Space(*space, old)])
}

pub(super) fn remove_space(
    session: &mut Session,
    space: &SpaceId,
) -> Result<Vec<Patch>, Rejection> {
    if !session.spaces.contains_key(space) {
        return Err(Rejection::UnknownSpace(*space));
    }
    let mut patches = unplace_where(session, |p| p.space == *space);
    patches.push(Patch::Space(*space, session.spaces.remove(space)));
    Ok(patches)
}

pub(super) fn set_slot(
    session: &mut Session,
    adding: bool,
    slot: &SlotId,
    label: &str,
    starts: &Option<NaiveTime>,
    ends: &Option<NaiveTime>,
) -> Result<Vec<Patch>, Rejection> {
    if adding && session.slots.contains_key(slot) {
        return Err(Rejection::IdTaken {
            what: "slot",
            id: slot.0,
        });
    }
    if !adding && !session.slots.contains_key(slot) {
        return Err(Rejection::UnknownSlot(*slot));
    }
    let label = checked(label, "slot label", MAX_NAME)?;
    if let (Some(s), Some(e)) = (starts, ends)
        && e <= s
    {
        return Err(Rejection::EndsBeforeStart);
    }
    unique_name(
        session.slots.values().map(|s| (s.id.0, s.label.as_str())),
        slot.0,
        &label,
        "a slot",
    )?;
    let new = Slot {
        id: *slot,
        label,
        starts: *starts,
        ends: *ends,
    };
    let old = session.slots.insert(*slot, new);
    session.next.slot = session.next.slot.max(slot.0);
    Ok(vec![Patch::Slot(*slot, old)])
}

pub(super) fn remove_slot(session: &mut Session, slot: &SlotId) -> Result<Vec<Patch>, Rejection> {
    if !session.slots.contains_key(slot) {
        return Err(Rejection::UnknownSlot(*slot));
    }
    let mut patches = unplace_where(session, |p| p.slot == *slot);
    patches.push(Patch::Slot(*slot, session.slots.remove(slot)));
    Ok(patches)
}

pub(super) fn place(
    session: &mut Session,
    id: &IssueId,
    space: &SpaceId,
    slot: &SlotId,
) -> Result<Vec<Patch>, Rejection> {
    let it = issue(session, *id)?;
    if !session.spaces.contains_key(space) {
        return Err(Rejection::UnknownSpace(*space));
    }
    if !session.slots.contains_key(slot) {
        return Err(Rejection::UnknownSlot(*slot));
    }
    let place = Placement {
        space: *space,
        slot: *slot,
    };
    if it.placement == Some(place) {
        return Err(Rejection::NoChange);
    }
    if let Some(other) = session.issue_at(place) {
        return Err(Rejection::CellTaken {
            by: other.id,
            title: other.title.clone(),
        });
    }
    let it = session.issues.get_mut(id).expect("checked");
    let old = it.placement.replace(place);
    Ok(vec![Patch::Field(*id, IssuePart::Placement(old))])
}

pub(super) fn unplace(session: &mut Session, id: &IssueId) -> Result<Vec<Patch>, Rejection> {
    if issue(session, *id)?.placement.is_none() {
        return Err(Rejection::NoChange);
    }
    let old = session
        .issues
        .get_mut(id)
        .expect("checked")
        .placement
        .take();
    Ok(vec![Patch::Field(*id, IssuePart::Placement(old))])
}

fn unplace_where(session: &mut Session, hit: impl Fn(&Placement) -> bool) -> Vec<Patch> {
    let mut patches = vec![];
    for issue in session.issues.values_mut() {
        if issue.placement.as_ref().is_some_and(&hit) {
            patches.push(Patch::Issue(issue.id, Some(Box::new(issue.clone()))));
            issue.placement = None;
        }
    }
    patches
}
