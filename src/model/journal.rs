//! A session together with the log that made it. Recording a change checks it against the
//! rules, stamps it with the next `seq`, and only then adds it to the log.

use super::apply::apply;
use super::event::{Captured, Change, Event};
use super::rejection::Rejection;
use super::session::Session;
use chrono::{DateTime, FixedOffset};

/// A change with the time and provenance its event is to carry.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamped {
    pub at: DateTime<FixedOffset>,
    pub from: Option<Box<Captured>>,
    pub change: Change,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Journal {
    pub session: Session,
    pub events: Vec<Event>,
}

/// An event from a log that the rules refuse: where it is and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("event {seq} ({kind}): {why}")]
pub struct BadEvent {
    pub seq: u64,
    pub kind: &'static str,
    pub why: Rejection,
}

impl Journal {
    /// Starts a session: the log's first event names its theme.
    pub fn create(at: DateTime<FixedOffset>, theme: &str) -> Result<Journal, Rejection> {
        let mut journal = Journal::default();
        journal.record(
            at,
            Change::SessionCreated {
                theme: theme.to_string(),
            },
        )?;
        Ok(journal)
    }

    /// Rebuilds the session from a log, refusing the first event the rules refuse.
    pub fn rebuild(events: Vec<Event>) -> Result<Journal, BadEvent> {
        let mut rebuild = Rebuild::with_capacity(0);
        rebuild.extend(events);
        rebuild.finish()
    }

    /// Applies a change and, if the rules accept it, appends it to the log.
    pub fn record(
        &mut self,
        at: DateTime<FixedOffset>,
        change: Change,
    ) -> Result<&Event, Rejection> {
        let event = Event::new(self.session.last_seq + 1, at, change);
        apply(&mut self.session, &event)?;
        self.events.push(event);
        Ok(self.events.last().expect("just pushed"))
    }

    /// Records several changes as one step: one undo takes them all back, replay and the
    /// log show them as one. Either every change is accepted and recorded, or none is and
    /// the session is exactly as it was. A single change is recorded as an ordinary event.
    pub fn record_step(
        &mut self,
        at: DateTime<FixedOffset>,
        changes: Vec<Change>,
    ) -> Result<&[Event], Rejection> {
        let first = self.session.last_seq + 1;
        if changes.len() < 2 {
            if let Some(change) = changes.into_iter().next() {
                self.record(at, change)?;
            }
            return Ok(&self.events[(first - 1) as usize..]);
        }
        let stamped = changes
            .into_iter()
            .map(|change| Stamped {
                at,
                from: None,
                change,
            })
            .collect();
        self.record_stamped(stamped)
    }

    /// Records changes that each keep their own time and provenance (a merge brings in
    /// changes captured elsewhere, earlier) as one step, all or none, like `record_step`.
    pub fn record_stamped(&mut self, changes: Vec<Stamped>) -> Result<&[Event], Rejection> {
        let first = self.session.last_seq + 1;
        let part_of = (changes.len() > 1).then_some(first);
        let saved = self.session.begin_step();
        // A follow-up's founding step is not on the undo stack, so its own partial changes
        // cannot be reverted from there; it comes first, when a copy costs nothing.
        let founding = matches!(
            changes.first(),
            Some(Stamped {
                change: Change::FollowUpStarted { .. },
                ..
            })
        )
        .then(|| self.session.clone());
        let start = self.events.len();
        for (n, Stamped { at, from, change }) in changes.into_iter().enumerate() {
            let event = Event {
                seq: first + n as u64,
                at,
                part_of,
                from,
                change,
            };
            if let Err(why) = apply(&mut self.session, &event) {
                match founding {
                    Some(before) => self.session = before,
                    None => self.session.abandon_step(saved),
                }
                self.events.truncate(start);
                return Err(why);
            }
            self.events.push(event);
        }
        Ok(&self.events[start..])
    }
}

/// Rebuilds a session from its log a piece at a time, so that loading can apply one piece
/// while the next is still being read. Stops applying at the first event the rules refuse
/// (and keeps the rest of the log, unapplied, to say so at the end).
pub struct Rebuild {
    journal: Journal,
    refused: Option<BadEvent>,
    /// Whether the events are kept once applied (a check only needs the state they give).
    keep: bool,
    applied: usize,
}

impl Rebuild {
    /// Starts from nothing, with room for `events` events.
    pub fn with_capacity(events: usize) -> Rebuild {
        Rebuild {
            journal: Journal {
                session: Session::default(),
                events: Vec::with_capacity(events),
            },
            refused: None,
            keep: true,
            applied: 0,
        }
    }

    /// Starts from nothing, dropping each piece once applied: the journal it finishes with
    /// has the state but no events (`applied` says how many there were).
    pub fn forgetting() -> Rebuild {
        Rebuild {
            keep: false,
            ..Rebuild::with_capacity(0)
        }
    }

    /// How many events were handed over so far.
    pub fn applied(&self) -> usize {
        self.applied
    }

    /// Applies the next events of the log, in order.
    pub fn extend(&mut self, events: Vec<Event>) {
        if self.refused.is_none() {
            for event in &events {
                if let Err(why) = apply(&mut self.journal.session, event) {
                    self.refused = Some(BadEvent {
                        seq: event.seq,
                        kind: event.change.kind(),
                        why,
                    });
                    break;
                }
            }
        }
        self.applied += events.len();
        if !self.keep {
            return;
        }
        if self.journal.events.capacity() == 0 {
            self.journal.events = events;
        } else {
            self.journal.events.extend(events);
        }
    }

    /// The session and its log, or the first event the rules refused.
    pub fn finish(self) -> Result<Journal, BadEvent> {
        match self.refused {
            Some(bad) => Err(bad),
            None => Ok(self.journal),
        }
    }
}
