//! Bringing back what was captured on copies of a session (other laptops, a USB stick).
//! Pure: it reads two logs and says which changes to append to the main one, as one step;
//! the command line and the app record them and write the file.
//!
//! Where the logs part is found by comparing them event by event. Each change the copy
//! made after that point (its net effect: what it undid is left out) is translated into
//! the main session's ids and checked against what the main side did meanwhile. Where the
//! two cannot both hold, the main side's version wins over a copy's; between two copies,
//! the change captured earlier wins (then the copy's label). Nothing is lost silently: the
//! losing text is appended where it belongs ("Also captured on Newsroom 2:") and every
//! conflict is listed in the summary.

mod ids;
mod net;
mod summary;
mod translate;

#[cfg(test)]
mod tests;

pub use ids::{IdMut, Key, Role, keys, visit_ids};
pub use net::{Item, Net, net};
pub use summary::{Conflict, Counts, Fate, MergeSummary, Outcome};

use crate::model::{Event, Journal, Stamped};
use chrono::{DateTime, FixedOffset};

/// A copy to bring in: its log, and what to call it if the log does not say
/// (`convene copy` names a copy; a plain copy goes by its file name).
pub struct Copy<'a> {
    pub journal: &'a Journal,
    /// The file name, for the summary and as the label of a plain copy.
    pub file: String,
}

/// What a merge would append, and what it says about each copy.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    /// The changes to record as one step, each with its original time and provenance.
    pub changes: Vec<Stamped>,
    pub summary: MergeSummary,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error(
        "{file} is not a copy of this session: the two logs do not share a beginning. \
         Nothing was merged."
    )]
    Unrelated { file: String },
}

/// Works out the merge of `copies` into `main`: nothing is changed, the result is what to
/// record. Copies are taken in the order of their labels, so naming them in another order
/// gives the same bytes.
pub fn merge(main: &Journal, copies: &[Copy<'_>]) -> Result<Merge, MergeError> {
    let mut order: Vec<(String, String, usize)> = Vec::new();
    for (n, copy) in copies.iter().enumerate() {
        let fork = fork_point(&main.events, &copy.journal.events).ok_or_else(|| {
            MergeError::Unrelated {
                file: copy.file.clone(),
            }
        })?;
        let (id, label) = translate::name(copy, fork);
        order.push((label, id, n));
    }
    order.sort();
    let journals: Vec<&Journal> = std::iter::once(main)
        .chain(copies.iter().map(|c| c.journal))
        .collect();
    let at = latest(&journals).unwrap_or_default();
    let mut target = translate::Target::new(main, at);
    let mut reports = Vec::new();
    for (label, id, n) in order {
        let copy = &copies[n];
        let fork = fork_point(&main.events, &copy.journal.events).expect("checked above");
        let outcome = target.bring_in(main, copy, fork, id, label.clone());
        reports.push(summary::CopySummary {
            file: copy.file.clone(),
            label,
            outcome,
        });
    }
    Ok(Merge {
        changes: target.finish(),
        summary: MergeSummary { copies: reports },
    })
}

/// Records a merge into the journal as one step. The changes were checked against this
/// very journal, so a refusal means the journal changed since: nothing is recorded then.
pub fn record(journal: &mut Journal, merge: &Merge) -> Result<usize, crate::model::Rejection> {
    if merge.changes.is_empty() {
        return Ok(0);
    }
    journal
        .record_stamped(merge.changes.clone())
        .map(<[Event]>::len)
}

/// How many events the two logs share from the start, or None if they do not share the
/// first. The point never falls inside a step of several events.
pub fn fork_point(main: &[Event], other: &[Event]) -> Option<usize> {
    if main.first()? != other.first()? {
        return None;
    }
    let mut fork = main.iter().zip(other).take_while(|(a, b)| a == b).count();
    // A step is written whole, so two logs that share a step's first event share all of
    // it; this only guards against a hand-made file.
    while fork > 1
        && [main.get(fork), other.get(fork)]
            .into_iter()
            .flatten()
            .any(|e| e.joins().is_some())
    {
        fork -= 1;
    }
    Some(fork)
}

/// The latest time among the logs: what the merge step is stamped with, so that the same
/// files always merge to the same bytes.
pub fn latest(journals: &[&Journal]) -> Option<DateTime<FixedOffset>> {
    journals
        .iter()
        .flat_map(|j| j.events.iter().map(|e| e.at))
        .max_by_key(|at| at.to_utc())
}

/// Every text the session holds, trimmed: names, titles, descriptions, reports, next steps.
pub fn texts(s: &crate::model::Session) -> Vec<String> {
    let mut out = vec![s.theme.clone()];
    for p in s.participants.values() {
        out.push(p.name.clone());
        out.extend(p.organisation.clone());
    }
    out.extend(s.spaces.values().map(|x| x.name.clone()));
    out.extend(s.slots.values().map(|x| x.label.clone()));
    for i in s.issues.values() {
        out.extend([i.title.clone(), i.description.clone()]);
        out.extend(i.report.attendee_names.iter().cloned());
        out.extend([
            i.report.key_points.clone(),
            i.report.recommendations.clone(),
            i.report.follow_up.clone(),
        ]);
        out.extend(i.plan.steps.values().map(|s| s.text.clone()));
    }
    out.into_iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}
