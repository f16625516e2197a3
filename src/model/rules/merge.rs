//! The merge family: how far each copy from another laptop has been merged in.

use super::super::history::Patch;
use super::super::ids::IdMap;
use super::super::rejection::*;
use super::super::session::*;
use super::super::validate::*;

pub(super) fn record_copy(
    session: &mut Session,
    copy: &str,
    label: &str,
    through: &u64,
    ids: &IdMap,
) -> Result<Vec<Patch>, Rejection> {
    let copy = checked(copy, "copy id", MAX_NAME)?;
    let label = checked(label, "copy label", MAX_NAME)?;
    let new = MergedCopy {
        label,
        through: *through,
        ids: ids.clone(),
    };
    let old = session.copies.insert(copy.clone(), new);
    Ok(vec![Patch::Copy(copy, old)])
}
