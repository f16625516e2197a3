//! The countdown for the breakout under way. It lives in the screen only (not in the event
//! log): a timer is a tool of the moment, not part of what the room decided.

use chrono::{DateTime, FixedOffset};

/// Length of a breakout when no running slot says otherwise.
pub const DEFAULT_SECONDS: i64 = 45 * 60;
/// What `+` and `-` add and take.
pub const STEP_SECONDS: i64 = 5 * 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Never started or reset: shows what a start would count down from.
    Ready,
    Paused {
        left: i64,
    },
    Running {
        since: DateTime<FixedOffset>,
        left: i64,
    },
    /// Reached zero; stays until reset, restarted or given more time.
    Up,
}

/// What the timer shows, for drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Ready,
    Paused,
    Running,
    Up,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timer {
    state: State,
}

impl Default for Timer {
    fn default() -> Timer {
        Timer {
            state: State::Ready,
        }
    }
}

impl Timer {
    /// Seconds left at `now`; `fresh` is what a reset would give (the running slot's
    /// remaining time or the default), shown while the timer is ready.
    pub fn left(&self, now: DateTime<FixedOffset>, fresh: i64) -> i64 {
        match self.state {
            State::Ready => fresh,
            State::Paused { left } => left,
            State::Running { since, left } => (left - (now - since).num_seconds()).max(0),
            State::Up => 0,
        }
    }

    pub fn phase(&self) -> Phase {
        match self.state {
            State::Ready => Phase::Ready,
            State::Paused { .. } => Phase::Paused,
            State::Running { .. } => Phase::Running,
            State::Up => Phase::Up,
        }
    }

    /// Starts, or pauses a running timer. Once time is up, starts afresh.
    pub fn toggle(&mut self, now: DateTime<FixedOffset>, fresh: i64) {
        self.state = match self.state {
            State::Running { .. } => State::Paused {
                left: self.left(now, fresh),
            },
            State::Up => State::Running {
                since: now,
                left: fresh,
            },
            _ => State::Running {
                since: now,
                left: self.left(now, fresh),
            },
        };
    }

    pub fn reset(&mut self) {
        self.state = State::Ready;
    }

    /// Adds (or with a negative `by`, takes) time; never below zero. More time after it
    /// was up counts down again at once: the group asked for five more minutes.
    pub fn adjust(&mut self, now: DateTime<FixedOffset>, by: i64, fresh: i64) {
        let left = (self.left(now, fresh) + by).max(0);
        self.state = match self.state {
            State::Ready | State::Paused { .. } => State::Paused { left },
            State::Running { .. } => State::Running { since: now, left },
            State::Up if left > 0 => State::Running { since: now, left },
            State::Up => State::Up,
        };
    }

    /// Follows the clock. True when the timer has just reached zero (ring once).
    pub fn tick(&mut self, now: DateTime<FixedOffset>) -> bool {
        if matches!(self.state, State::Running { .. }) && self.left(now, 0) == 0 {
            self.state = State::Up;
            return true;
        }
        false
    }
}

/// "05:00", "125:00": minutes can pass an hour, which reads better than "2:05:00" here.
pub fn clock_text(seconds: i64) -> String {
    let s = seconds.max(0);
    format!("{:02}:{:02}", s / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    fn t0() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2025-03-14T10:00:00+00:00").unwrap()
    }

    #[test]
    fn counts_down_pauses_and_rings_once() {
        let mut timer = Timer::default();
        let now = t0();
        assert_eq!(timer.left(now, 600), 600);
        timer.toggle(now, 600);
        assert_eq!(timer.phase(), Phase::Running);
        let later = now + TimeDelta::seconds(90);
        assert_eq!(timer.left(later, 600), 510);
        timer.toggle(later, 600);
        assert_eq!(timer.phase(), Phase::Paused);
        assert_eq!(timer.left(later + TimeDelta::hours(1), 600), 510);
        timer.adjust(later, -STEP_SECONDS, 600);
        assert_eq!(timer.left(later, 600), 210);
        timer.toggle(later, 600);
        assert!(!timer.tick(later + TimeDelta::seconds(209)));
        assert!(timer.tick(later + TimeDelta::seconds(210)));
        assert!(!timer.tick(later + TimeDelta::seconds(211)), "rings once");
        assert_eq!(timer.phase(), Phase::Up);
        timer.adjust(later, STEP_SECONDS, 600);
        assert_eq!(timer.phase(), Phase::Running);
        assert_eq!(timer.left(later, 600), 300);
        timer.reset();
        assert_eq!(timer.left(later, 42), 42);
    }

    #[test]
    fn never_below_zero() {
        let mut timer = Timer::default();
        timer.adjust(t0(), -10 * STEP_SECONDS, 600);
        assert_eq!(timer.left(t0(), 600), 0);
        assert_eq!(clock_text(0), "00:00");
        assert_eq!(clock_text(7500), "125:00");
    }
}
