//! Replay: the session as it was after any number of its events, for watching the day
//! unfold again. Seeking must be instant even in a long log, so the state is kept at
//! regular checkpoints and a seek applies events forward from the nearest one; a step
//! forward applies a single event. A long log is built a piece at a time (see `build`) while
//! the screen already shows its start; a replay knows how far it is built and never goes
//! past that. Pure: no terminal, no files (`behind` reads a file on threads of its own).

pub mod behind;
pub mod build;
mod marks;
pub mod playback;

pub use build::{Builder, Part};
pub use marks::{Mark, Phase};
pub use playback::{Playback, SPEEDS};

use crate::model::describe::describe;
use crate::model::{BadEvent, Event, Session, apply};
use chrono::{NaiveDateTime, NaiveTime};

/// A cursor over a session's log, or over as much of it as is built so far.
pub struct Replayer {
    events: Vec<Event>,
    every: usize,
    /// `checkpoints[i]` is the state after the first `i * every` events.
    checkpoints: Vec<Session>,
    /// The state after the first `pos` events, unless lent out.
    state: Session,
    pos: usize,
    /// The state is with a reader (see `lend`); `state` holds whatever it gave in exchange.
    lent: bool,
    marks: Vec<Mark>,
    /// The current event (the `pos`-th) in plain words, named as things were just before it.
    caption: String,
    /// No more events will come: the whole log is built (or the rest of it was refused).
    complete: bool,
}

impl Replayer {
    /// Walks the log once to lay down checkpoints, then stands before the first event.
    /// Refuses a log the rules refuse (a loaded file has already passed that check).
    pub fn new(events: Vec<Event>) -> Result<Replayer, BadEvent> {
        Replayer::whole(Builder::new(events.len()), events)
    }

    /// As `new`, with a chosen distance between checkpoints (tests use small ones to
    /// cross many checkpoints in a short log).
    pub fn with_checkpoint_every(events: Vec<Event>, every: usize) -> Result<Replayer, BadEvent> {
        Replayer::whole(Builder::with_every(every), events)
    }

    fn whole(mut builder: Builder, events: Vec<Event>) -> Result<Replayer, BadEvent> {
        let part = builder.add(events)?;
        let mut replay = Replayer::building();
        replay.absorb(part);
        replay.absorb(builder.finish());
        replay.completed();
        Ok(replay)
    }

    /// A replay of nothing yet, to be given the log a part at a time (see `Builder`) and
    /// told when it is complete.
    pub fn building() -> Replayer {
        Replayer {
            events: vec![],
            every: 1,
            checkpoints: vec![],
            state: Session::default(),
            pos: 0,
            lent: false,
            marks: vec![],
            caption: String::new(),
            complete: false,
        }
    }

    /// Takes in the next part of the log. The cursor stays where it is.
    pub fn absorb(&mut self, part: Part) {
        debug_assert!(!self.complete, "nothing comes after the end");
        if self.checkpoints.is_empty() {
            self.every = part.every;
        }
        // The builder doubled the distance: keep the checkpoints at multiples of the new one.
        while self.every < part.every {
            let mut i = 0;
            self.checkpoints.retain(|_| {
                i += 1;
                i % 2 == 1
            });
            self.every *= 2;
        }
        debug_assert_eq!(self.every, part.every, "the distance only ever doubles");
        self.checkpoints.extend(part.checkpoints);
        if self.events.is_empty() {
            self.events = part.events;
        } else {
            self.events.extend(part.events);
        }
        self.marks.extend(part.marks);
    }

    /// No more parts will come: what is built is the whole replay.
    pub fn completed(&mut self) {
        self.complete = true;
    }

    /// Whether the whole log is built; until then, `len` is how far it is.
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// How many events the log holds (built so far, while it is being built).
    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// How many events have been applied: 0 before the first, `len()` at the end.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The position of the first event, where replay opens.
    pub fn first(&self) -> usize {
        self.len().min(1)
    }

    /// The session as it was after the first `position()` events (not while lent).
    pub fn state(&self) -> &Session {
        debug_assert!(!self.lent, "the state is lent out");
        &self.state
    }

    /// Hands the state at the cursor to a reader that keeps its own session (the app draws
    /// from one), by swapping it with `into`: a copy of a large session costs more than a
    /// seek. The reader must not change it, and gives it back with `take_back` before the
    /// next move; a move without it starts again from a checkpoint.
    pub fn lend(&mut self, into: &mut Session) {
        if !self.lent {
            std::mem::swap(&mut self.state, into);
            self.lent = true;
        }
    }

    /// Takes back the state lent with `lend`.
    pub fn take_back(&mut self, from: &mut Session) {
        if self.lent {
            std::mem::swap(&mut self.state, from);
            self.lent = false;
            debug_assert_eq!(
                self.state.last_seq, self.pos as u64,
                "a different session came back"
            );
        }
    }

    /// The event just applied (the one the caption names).
    pub fn event(&self) -> Option<&Event> {
        self.pos.checked_sub(1).and_then(|i| self.events.get(i))
    }

    /// The current event in plain words; empty before the first.
    pub fn caption(&self) -> &str {
        &self.caption
    }

    /// Events between two checkpoints: the most a seek ever applies.
    pub fn checkpoint_every(&self) -> usize {
        self.every
    }

    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// Moves to just after the first `n` events (clamped to the log), or to the end of the
    /// step that holds the `n`-th: a step of several events is never shown half made.
    pub fn seek(&mut self, n: usize) {
        let n = self.step_end(n.min(self.len()));
        if self.lent {
            // Never given back: what `state` holds is no position at all, so start again
            // from a checkpoint.
            self.lent = false;
            self.pos = usize::MAX;
        }
        if n == self.pos {
            return;
        }
        if n == 0 {
            self.state = Session::default();
            self.pos = 0;
            self.caption.clear();
            return;
        }
        // Go to just before the step that ends here, so the caption can name things as
        // they were.
        let before = self.step_start(n - 1);
        let base = before / self.every * self.every;
        if before < self.pos || base > self.pos {
            self.state = self.checkpoints[base / self.every].clone();
            self.pos = base;
        }
        while self.pos < before {
            self.apply_next();
        }
        let first = &self.events[before];
        if let crate::model::Change::FollowUpStarted { .. } = first.change {
            // The founding step of a follow-up (roster and plan) is summed up in one line.
            let changes: Vec<_> = self.events[before..n]
                .iter()
                .map(|e| e.change.clone())
                .collect();
            self.caption = crate::model::describe::describe_step(&self.state, &changes);
            while self.pos < n {
                self.apply_next();
            }
            return;
        }
        self.caption = describe(&self.state, first);
        self.apply_next();
        let mut more = 0;
        while self.pos < n {
            if more < 2 {
                let next = describe(&self.state, &self.events[self.pos]);
                self.caption.push_str("; ");
                self.caption.push_str(&next);
            }
            more += 1;
            self.apply_next();
        }
        if more > 2 {
            self.caption
                .push_str(&format!("; and {} more changes", more - 2));
        }
    }

    /// The position at the end of the step that the position `n` is in.
    fn step_end(&self, n: usize) -> usize {
        crate::model::step_end(&self.events, n)
    }

    /// The index of the first event of the step that holds the event at index `i`.
    fn step_start(&self, i: usize) -> usize {
        crate::model::step_start(&self.events, i)
    }

    fn apply_next(&mut self) {
        let event = &self.events[self.pos];
        // The builder applied this very log from the same states before handing it on, so
        // it cannot be refused here.
        apply(&mut self.state, event).expect("the log was checked when the replay was built");
        self.pos += 1;
    }

    /// One event forward; false at the end.
    pub fn step_forward(&mut self) -> bool {
        if self.pos >= self.len() {
            return false;
        }
        self.seek(self.pos + 1);
        true
    }

    /// One event (or step of several) back, but not before the first; false if already
    /// there.
    pub fn step_back(&mut self) -> bool {
        if self.pos <= self.first() {
            return false;
        }
        let start = self.step_start(self.pos - 1);
        self.seek(start.max(self.first()));
        true
    }

    /// The first phase mark after the cursor.
    pub fn next_mark(&self) -> Option<&Mark> {
        self.marks.iter().find(|m| m.position > self.pos)
    }

    /// The last phase mark before the cursor.
    pub fn prev_mark(&self) -> Option<&Mark> {
        self.marks.iter().rev().find(|m| m.position < self.pos)
    }

    /// Time of day (on the recording laptop's clock) of the event at position `n` (1-based).
    pub fn time_of(&self, n: usize) -> Option<NaiveTime> {
        let i = n.checked_sub(1)?;
        self.events.get(i).map(|e| e.at.naive_local().time())
    }

    /// The position of the last event at or before `time` on the day of the current event
    /// (the first event's day before the first). None if nothing had happened by then.
    pub fn seek_time(&self, time: NaiveTime) -> Option<usize> {
        let day = self
            .event()
            .or(self.events.first())?
            .at
            .naive_local()
            .date();
        self.last_at_or_before(NaiveDateTime::new(day, time))
    }

    /// The position of the last event whose local time is at or before `when`.
    pub fn last_at_or_before(&self, when: NaiveDateTime) -> Option<usize> {
        // A scan from the end rather than a binary search: a laptop's clock can step back,
        // and the log keeps its order regardless.
        self.events
            .iter()
            .rposition(|e| e.at.naive_local() <= when)
            .map(|i| i + 1)
    }
}

#[cfg(test)]
mod tests;
