//! A progress line on standard error for work that takes longer than a second (a CSV of a
//! million rows), so a long import is visibly working rather than hung. Quick work prints
//! nothing, and the line is cleared when the work is done.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Quiet until the work has taken this long, then updated at most this often.
const AFTER: Duration = Duration::from_secs(1);

pub struct Progress {
    what: String,
    started: Instant,
    last: Option<Instant>,
    terminal: bool,
}

impl Progress {
    /// `what` names the work ("reading issues.csv"), already safe for the terminal.
    pub fn new(what: String) -> Progress {
        Progress {
            what,
            started: Instant::now(),
            last: None,
            terminal: std::io::stderr().is_terminal(),
        }
    }

    /// Reports `done` of `total` if a second has passed since the start and the last report.
    pub fn report(&mut self, stage: &str, done: u64, total: u64) {
        let now = Instant::now();
        if now.duration_since(self.started) < AFTER
            || self.last.is_some_and(|l| now.duration_since(l) < AFTER)
        {
            return;
        }
        self.last = Some(now);
        let percent = (done.saturating_mul(100))
            .checked_div(total)
            .unwrap_or(100)
            .min(100);
        let line = format!("{}: {stage} {percent}%", self.what);
        let mut err = std::io::stderr().lock();
        let _ = if self.terminal {
            write!(err, "\r\x1b[2K{line}")
        } else {
            writeln!(err, "{line}")
        };
        let _ = err.flush();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if self.terminal && self.last.is_some() {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}
