//! The net effect of one side's changes since the two logs parted: the steps still in
//! force, in the order they were made. A step undone (and not redone) leaves no trace; a
//! redone one counts once, where it was first made. An undo that reaches back before the
//! parting takes back something both sides share: it is noted rather than carried over.

use crate::model::{Captured, Change, Event, Session, UNDO_DEPTH, apply};
use chrono::{DateTime, FixedOffset};
use std::collections::VecDeque;

/// One change as it was captured.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub seq: u64,
    pub at: DateTime<FixedOffset>,
    pub from: Option<Box<Captured>>,
    pub change: Change,
}

/// A step in force: its changes, as captured.
#[derive(Clone, Debug, PartialEq)]
pub struct UndoStep {
    pub items: Vec<Item>,
}

/// An undo of something made before the logs parted.
#[derive(Clone, Debug, PartialEq)]
pub struct UndoneBefore {
    pub seq: u64,
    pub at: DateTime<FixedOffset>,
    pub changes: Vec<Change>,
    /// Texts the undo brought back on that side, which the main side does not get.
    pub restored: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Net {
    pub steps: Vec<UndoStep>,
    pub undone_before: Vec<UndoneBefore>,
}

/// Where an entry of the undo or redo list came from.
#[derive(Clone, Copy)]
enum Origin {
    Before,
    /// Made before the parting and undone after it: the n-th note.
    UndoneBefore(usize),
    /// The n-th step made after the parting.
    After(usize),
}

/// The texts an event brings into the session.
fn restored(state: &Session, event: &Event) -> Vec<String> {
    let mut after = state.clone();
    if apply(&mut after, event).is_err() {
        return Vec::new();
    }
    let before: std::collections::BTreeSet<String> = super::texts(state).into_iter().collect();
    super::texts(&after)
        .into_iter()
        .filter(|t| !before.contains(t))
        .collect()
}

/// The net effect of `events`, applied one after another to `start`.
pub fn net(start: &Session, events: &[Event]) -> Net {
    let mut state = start.clone();
    let (undo_depth, redo_depth) = state.history.depths();
    let mut undo: VecDeque<Origin> = std::iter::repeat_n(Origin::Before, undo_depth).collect();
    let mut redo: Vec<Origin> = vec![Origin::Before; redo_depth];
    let mut steps: Vec<(UndoStep, bool)> = Vec::new();
    let mut notes: Vec<(UndoneBefore, bool)> = Vec::new();
    let push = |undo: &mut VecDeque<Origin>, origin| {
        if undo.len() == UNDO_DEPTH {
            undo.pop_front();
        }
        undo.push_back(origin);
    };
    for event in events {
        let item = |change: Change| Item {
            seq: event.seq,
            at: event.at,
            from: event.from.clone(),
            change,
        };
        match &event.change {
            Change::Undo => {
                let target = state.undo_target().map(<[Change]>::to_vec);
                match undo.pop_back() {
                    Some(Origin::After(n)) => {
                        steps[n].1 = false;
                        redo.push(Origin::After(n));
                    }
                    Some(Origin::Before | Origin::UndoneBefore(_)) => {
                        notes.push((
                            UndoneBefore {
                                seq: event.seq,
                                at: event.at,
                                changes: target.unwrap_or_default(),
                                restored: restored(&state, event),
                            },
                            true,
                        ));
                        redo.push(Origin::UndoneBefore(notes.len() - 1));
                    }
                    None => {}
                }
            }
            Change::Redo => {
                let target = state.redo_target().map(<[Change]>::to_vec);
                match redo.pop() {
                    Some(Origin::After(n)) => {
                        steps[n].1 = true;
                        push(&mut undo, Origin::After(n));
                    }
                    Some(Origin::UndoneBefore(n)) => {
                        notes[n].1 = false;
                        push(&mut undo, Origin::Before);
                    }
                    Some(Origin::Before) => {
                        let items = target.unwrap_or_default().into_iter().map(item).collect();
                        steps.push((UndoStep { items }, true));
                        push(&mut undo, Origin::After(steps.len() - 1));
                    }
                    None => {}
                }
            }
            // Naming a copy is not a change of the session and is never undone.
            Change::CopyMade { .. } => {}
            change if event.joins().is_some() => {
                if let Some((step, _)) = steps.last_mut() {
                    step.items.push(item(change.clone()));
                }
            }
            change => {
                steps.push((
                    UndoStep {
                        items: vec![item(change.clone())],
                    },
                    true,
                ));
                push(&mut undo, Origin::After(steps.len() - 1));
                redo.clear();
            }
        }
        // The log was read and checked already; a refusal here cannot happen.
        let _ = apply(&mut state, event);
    }
    Net {
        steps: steps
            .into_iter()
            .filter_map(|(s, live)| live.then_some(s))
            .collect(),
        undone_before: notes
            .into_iter()
            .filter_map(|(n, live)| live.then_some(n))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IssueId, Journal};

    fn at() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-05-01T10:00:00+01:00").unwrap()
    }

    fn raise(j: &mut Journal, title: &str) {
        let issue = j.session.next_issue_id();
        j.record(
            at(),
            Change::IssueRaised {
                issue,
                title: title.into(),
                convener: None,
                description: String::new(),
            },
        )
        .unwrap();
    }

    fn titles(net: &Net) -> Vec<String> {
        net.steps
            .iter()
            .flat_map(|s| &s.items)
            .map(|i| match &i.change {
                Change::IssueRaised { title, .. } => title.clone(),
                other => other.kind().to_string(),
            })
            .collect()
    }

    #[test]
    fn undone_steps_leave_no_trace_and_redone_ones_count_once() {
        let mut j = Journal::create(at(), "T").unwrap();
        raise(&mut j, "before");
        j.record(at(), Change::Undo).unwrap();
        let fork = j.clone();
        raise(&mut j, "a");
        raise(&mut j, "b");
        j.record(at(), Change::Undo).unwrap();
        j.record(at(), Change::Undo).unwrap();
        j.record(at(), Change::Redo).unwrap();
        let n = net(&fork.session, &j.events[fork.events.len()..]);
        assert_eq!(titles(&n), ["a"]);
        assert!(n.undone_before.is_empty());
    }

    #[test]
    fn an_undo_reaching_before_the_parting_is_noted_and_a_redo_there_is_a_change() {
        let mut j = Journal::create(at(), "T").unwrap();
        raise(&mut j, "shared");
        raise(&mut j, "undone before");
        j.record(at(), Change::Undo).unwrap();
        let fork = j.clone();
        j.record(at(), Change::Redo).unwrap();
        j.record(at(), Change::Undo).unwrap();
        j.record(at(), Change::Undo).unwrap();
        let n = net(&fork.session, &j.events[fork.events.len()..]);
        assert!(n.steps.is_empty());
        assert_eq!(n.undone_before.len(), 1);
        assert!(matches!(
            n.undone_before[0].changes[0],
            Change::IssueRaised {
                issue: IssueId(1),
                ..
            }
        ));
        j.record(at(), Change::Redo).unwrap();
        j.record(at(), Change::Redo).unwrap();
        let n = net(&fork.session, &j.events[fork.events.len()..]);
        assert_eq!(titles(&n), ["undone before"]);
        assert!(n.undone_before.is_empty());
    }

    #[test]
    fn a_step_of_several_changes_stays_together() {
        let mut j = Journal::create(at(), "T").unwrap();
        let fork = j.clone();
        let raise = |n: u32| Change::IssueRaised {
            issue: IssueId(n),
            title: format!("i{n}"),
            convener: None,
            description: String::new(),
        };
        j.record_step(at(), vec![raise(1), raise(2)]).unwrap();
        let n = net(&fork.session, &j.events[fork.events.len()..]);
        assert_eq!(n.steps.len(), 1);
        assert_eq!(n.steps[0].items.len(), 2);
    }
}
