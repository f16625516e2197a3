//! Building a replay a piece of the log at a time, so that the screen can show the start of
//! a long log while the rest is still being read: each event is applied once, checking it
//! as a load would, and the checkpoints are laid down on the way.

use super::marks::{Finder, Mark};
use crate::model::{BadEvent, Event, Session, apply};

/// Fewest events between two checkpoints. Fewer means faster seeks and more memory; the
/// interval grows with the log so that any log keeps about `CHECKPOINTS` copies of the
/// state: memory stays a fixed multiple of the state, whatever the length of the day
/// (a seek in a log of a million events applies at most some 20,000, a few milliseconds).
pub const MIN_EVERY: usize = 256;
pub const CHECKPOINTS: usize = 50;

/// What a piece of the log adds to a replay: its events (whole steps only, each applied and
/// accepted), the checkpoints laid among them, and the phase marks they begin.
#[derive(Debug)]
pub struct Part {
    pub(super) events: Vec<Event>,
    /// The distance between checkpoints when these were laid.
    pub(super) every: usize,
    pub(super) checkpoints: Vec<Session>,
    pub(super) marks: Vec<Mark>,
}

impl Part {
    /// How many events it adds.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }
}

/// Applies a log piece by piece, handing on what a replay needs of each.
#[derive(Debug)]
pub struct Builder {
    state: Session,
    applied: usize,
    every: usize,
    /// How many checkpoints the replay holds once it has every part handed on so far.
    laid: usize,
    /// Applied but held back: a step that may go on in the next piece.
    held: Vec<Event>,
    /// Events handed on so far.
    handed: usize,
    marks: Finder,
}

impl Builder {
    /// For a log of about `expected` events (a guess while the log is still being read):
    /// a checkpoint every `expected / CHECKPOINTS` events.
    pub fn new(expected: usize) -> Builder {
        Builder::with_every((expected / CHECKPOINTS).max(MIN_EVERY))
    }

    /// Starts with a chosen distance between checkpoints. A log longer than foreseen
    /// doubles it whenever the checkpoints number more than twice `CHECKPOINTS`, dropping
    /// every other one, so memory stays bounded whatever the guess.
    pub fn with_every(every: usize) -> Builder {
        Builder {
            state: Session::default(),
            applied: 0,
            every: every.max(1),
            laid: 0,
            held: vec![],
            handed: 0,
            marks: Finder::default(),
        }
    }

    /// Applies the next events of the log, in order. The part it returns holds the events
    /// now known to be whole steps: the last step of a piece may go on in the next one, so
    /// it waits for it (or for `finish`). On a refusal nothing of this piece is handed on,
    /// and the builder must not be given more.
    pub fn add(&mut self, events: Vec<Event>) -> Result<Part, BadEvent> {
        let mut checkpoints = vec![];
        if self.laid == 0 {
            checkpoints.push(self.state.clone());
        }
        for event in &events {
            apply(&mut self.state, event).map_err(|why| BadEvent {
                seq: event.seq,
                kind: event.change.kind(),
                why,
            })?;
            self.applied += 1;
            if self.applied.is_multiple_of(self.every) {
                checkpoints.push(self.state.clone());
            }
        }
        let mut ready = std::mem::take(&mut self.held);
        if ready.is_empty() {
            ready = events;
        } else {
            ready.extend(events);
        }
        if ready.last().is_some_and(|e| e.part_of.is_some()) {
            let start = crate::model::step_start(&ready, ready.len() - 1);
            self.held = ready.split_off(start);
        }
        self.laid += checkpoints.len();
        let part = self.part(ready, checkpoints);
        if self.laid > 2 * CHECKPOINTS {
            // The replay keeps the even ones, which lie at multiples of the new distance.
            self.every *= 2;
            self.laid = self.laid.div_ceil(2);
        }
        Ok(part)
    }

    /// The end of the log: the step held back, if any, is whole.
    pub fn finish(mut self) -> Part {
        let held = std::mem::take(&mut self.held);
        self.part(held, vec![])
    }

    fn part(&mut self, events: Vec<Event>, checkpoints: Vec<Session>) -> Part {
        let marks = self.marks.scan(&events, self.handed);
        self.handed += events.len();
        Part {
            events,
            every: self.every,
            checkpoints,
            marks,
        }
    }
}
