//! What the replay screen does while its log is still being read behind it: it takes in
//! each part as it comes, says what waits for the whole log, and keeps a refusal found part
//! way to say on screen and again when the viewer quits.

use super::ReplayScreen;
use super::timeline::thousands;
use crate::replay::behind::Built;
use crate::store::LoadError;
use std::sync::mpsc::TryRecvError;

impl ReplayScreen {
    /// Takes in what has been built of the log since the last call. Returns true if the
    /// screen should be redrawn.
    pub fn take_built(&mut self) -> bool {
        let Some(behind) = &self.behind else {
            return false;
        };
        let mut changed = false;
        loop {
            match behind.try_recv() {
                Ok(Built::Part(part)) => {
                    self.replay.absorb(part);
                    changed = true;
                }
                Err(TryRecvError::Empty) => return changed,
                Ok(Built::Done(verdict)) => {
                    self.finished(verdict);
                    return true;
                }
                // Not without a verdict (see `behind::read`); nothing more will come.
                Err(TryRecvError::Disconnected) => {
                    self.finished(Ok(()));
                    return true;
                }
            }
        }
    }

    fn finished(&mut self, verdict: Result<(), LoadError>) {
        self.behind = None;
        self.replay.completed();
        match verdict {
            Ok(()) if self.waited => self.info(format!(
                "The whole log is read ({} events): End, g and the marks work now",
                thousands(self.replay.len())
            )),
            Ok(()) => {}
            Err(e) => {
                self.refuse(format!(
                    "Replay goes no further than event {}: the rest of this file is refused \
                     (q quits and says why)",
                    thousands(self.replay.len())
                ));
                self.refused = Some(e);
            }
        }
    }

    /// True while the log is still being read.
    pub fn is_reading(&self) -> bool {
        self.behind.is_some()
    }

    /// Why the file was refused after the screen opened, if it was.
    pub fn refused(&self) -> Option<&LoadError> {
        self.refused.as_ref()
    }

    /// Says that something needs more of the log than is read yet. (How much is read is on
    /// the timeline, which keeps counting; a count here would stand still.)
    pub(super) fn a_moment(&mut self, what: &str) {
        self.waited = true;
        self.info(format!("{what}: a moment"));
    }

    /// Says that there is nothing after the cursor.
    pub(super) fn at_the_end(&mut self) {
        if self.refused.is_some() {
            self.refuse(
                "Replay stops here: the rest of this file is refused (q quits and says why)",
            );
        } else {
            self.info("This is the last event");
        }
    }
}
