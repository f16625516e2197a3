//! Playing the log back in time: events appear as far apart as they happened, divided by
//! the speed, except that long idle stretches (lunch, a breakout) are cut short so nobody
//! watches an unchanging screen. Kept pure: the caller says how much wall time passed.

use crate::model::Event;
use std::time::Duration;

/// The speeds offered, slowest first.
pub const SPEEDS: [u32; 9] = [1, 2, 4, 8, 16, 32, 64, 128, 256];

/// The longest wait between two events, in session time: a longer gap plays as this long.
pub const IDLE_GAP: Duration = Duration::from_secs(10);

/// The wait before the event after position `pos` appears, in session time.
pub fn gap(events: &[Event], pos: usize) -> Duration {
    if pos == 0 || pos >= events.len() {
        return Duration::ZERO;
    }
    // A clock that stepped back counts as no wait at all.
    (events[pos].at - events[pos - 1].at)
        .to_std()
        .unwrap_or(Duration::ZERO)
        .min(IDLE_GAP)
}

/// What is due after some wall time at some speed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    /// Events to advance.
    pub steps: usize,
    /// The wall time those steps account for; the rest carries over to the next call.
    pub spent: Duration,
}

/// How many events to advance from position `pos`, given the speed and the wall time
/// elapsed since the last step.
pub fn due(events: &[Event], pos: usize, speed: u32, elapsed: Duration) -> Due {
    let speed = speed.max(1);
    let budget = elapsed.saturating_mul(speed);
    let mut used = Duration::ZERO;
    let mut steps = 0;
    while pos + steps < events.len() {
        let wait = gap(events, pos + steps);
        if used + wait > budget {
            break;
        }
        used += wait;
        steps += 1;
    }
    Due {
        steps,
        spent: used / speed,
    }
}

/// Play or pause, the speed, and the wall time carried since the last step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Playback {
    speed: usize,
    playing: bool,
    since_step: Duration,
}

impl Default for Playback {
    fn default() -> Self {
        Playback {
            speed: 0,
            playing: false,
            since_step: Duration::ZERO,
        }
    }
}

impl Playback {
    pub fn speed(&self) -> u32 {
        SPEEDS[self.speed]
    }

    pub fn playing(&self) -> bool {
        self.playing
    }

    /// Doubles the speed; false if already the fastest.
    pub fn faster(&mut self) -> bool {
        let up = self.speed + 1 < SPEEDS.len();
        if up {
            self.speed += 1;
        }
        up
    }

    /// Halves the speed; false if already the slowest.
    pub fn slower(&mut self) -> bool {
        let down = self.speed > 0;
        if down {
            self.speed -= 1;
        }
        down
    }

    pub fn play(&mut self) {
        self.playing = true;
        self.since_step = Duration::ZERO;
    }

    pub fn pause(&mut self) {
        self.playing = false;
        self.since_step = Duration::ZERO;
    }

    /// After a move by hand the next event is due a full gap later.
    pub fn restart_wait(&mut self) {
        self.since_step = Duration::ZERO;
    }

    /// Lets `elapsed` wall time pass while at `pos`: returns how many events to advance,
    /// and pauses on reaching the end of the log. A log still being read (`complete` false)
    /// has no end yet: play waits at the last event read, and the next one is due a full
    /// gap after it comes.
    pub fn advance(
        &mut self,
        events: &[Event],
        complete: bool,
        pos: usize,
        elapsed: Duration,
    ) -> usize {
        if !self.playing {
            return 0;
        }
        self.since_step = self.since_step.saturating_add(elapsed);
        let d = due(events, pos, self.speed(), self.since_step);
        self.since_step -= d.spent;
        if pos + d.steps >= events.len() {
            if complete {
                self.pause();
            } else {
                self.since_step = Duration::ZERO;
            }
        }
        d.steps
    }
}
