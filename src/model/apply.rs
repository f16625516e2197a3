//! The one function that changes a session: `apply`. It checks an event against the rules
//! first and changes nothing if it is refused, so a rejected event leaves no trace.

use super::event::{Change, Event};
use super::history::{IssuePart, Patch};
use super::rejection::*;
use super::rules::change_state;
use super::session::revert;
use super::session::*;
use super::validate::checked;

/// Applies one event. On `Err` the session is exactly as it was.
pub fn apply(session: &mut Session, event: &Event) -> Result<(), Rejection> {
    let expected = session.last_seq + 1;
    if event.seq != expected {
        return Err(Rejection::OutOfOrder {
            expected,
            got: event.seq,
        });
    }
    let first = session.last_seq == 0;
    let joins = event.joins();
    if let Some(step) = event.part_of {
        let continues = session.last_step == Some(step) && session.last_seq >= step;
        if step > event.seq || (joins.is_some() && !continues) {
            return Err(Rejection::StepBroken { step });
        }
        if matches!(
            event.change,
            Change::Undo | Change::Redo | Change::CopyMade { .. }
        ) || first
        {
            return Err(Rejection::NotInStep);
        }
    }
    match (&event.change, first) {
        (Change::SessionCreated { theme }, true) => {
            session.theme = checked(theme, "theme", MAX_THEME)?;
        }
        (Change::SessionCreated { .. }, false) => return Err(Rejection::AlreadyStarted),
        (_, true) => return Err(Rejection::NotStarted),
        // Naming a copy changes nothing the room sees, so there is nothing to undo.
        (Change::CopyMade { copy, label }, _) => {
            let copy = checked(copy, "copy id", MAX_NAME)?;
            let label = checked(label, "copy label", MAX_NAME)?;
            session.copy = Some((copy, label));
        }
        (Change::Undo, _) => {
            let entry = session
                .history
                .take_undo()
                .ok_or(Rejection::NothingToUndo)?;
            revert(session, entry.patches);
            session.history.push_redo(entry.changes);
        }
        (Change::Redo, _) => {
            let changes = session
                .history
                .take_redo()
                .ok_or(Rejection::NothingToRedo)?;
            // The state is exactly as it was when this step was first applied, so it
            // applies again; if it somehow did not, the redo is refused and kept.
            let mut patches = Vec::new();
            for change in &changes {
                match change_state(session, change) {
                    Ok(more) => {
                        sync_cells(session, &more);
                        patches.extend(more);
                    }
                    Err(why) => {
                        revert(session, patches);
                        session.history.push_redo(changes);
                        return Err(why);
                    }
                }
            }
            session.history.push_redone(changes, patches);
        }
        (change, false) => {
            let founding = super::rules::founding(session, event)?;
            let patches = change_state(session, change)?;
            sync_cells(session, &patches);
            if founding {
                // A follow-up's founding step is where it starts, like a theme at creation:
                // it is not on the undo stack.
            } else if joins.is_some() {
                session.history.extend_last(change.clone(), patches);
            } else {
                session.history.record(change.clone(), patches);
            }
        }
    }
    session.last_seq = event.seq;
    session.last_step = event.part_of;
    Ok(())
}

/// Every change to an issue's placement comes with a patch holding the placement (or the
/// whole issue) as it was.
fn sync_cells(session: &mut Session, patches: &[Patch]) {
    for patch in patches {
        match patch {
            Patch::Issue(id, before) => {
                session.sync_cell(*id, before.as_ref().and_then(|i| i.placement));
            }
            Patch::Field(id, IssuePart::Placement(before)) => session.sync_cell(*id, *before),
            _ => {}
        }
    }
}
