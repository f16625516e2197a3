//! What the replay screen does while its log is still being read behind it: it takes in
//! each part as it comes, says what waits for the whole log, and keeps a refusal found part
//! way to say on screen and again when the viewer quits.

use super::ReplayScreen;
use super::timeline::thousands;
use crate::replay::behind::Built;
use crate::store::LoadError;
use crate::ui::input::Input;
use std::sync::mpsc::{Receiver, Sender};

impl ReplayScreen {
    /// The channel the rest of the log comes on, for the event loop to hand to `forward`;
    /// `None` once taken, or if the whole log was there when the screen opened.
    pub fn take_behind(&mut self) -> Option<Receiver<Built>> {
        self.behind.take()
    }

    /// Takes in one thing the building thread handed on. Returns true if the screen should
    /// be redrawn.
    pub fn built(&mut self, built: Built) -> bool {
        if !self.reading {
            return false;
        }
        match built {
            Built::Part(part) => self.replay.absorb(part),
            Built::Done(verdict) => self.finished(verdict),
        }
        true
    }

    fn finished(&mut self, verdict: Result<(), LoadError>) {
        self.reading = false;
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
        self.reading
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

/// Passes what the building thread hands on to the event loop's input channel, so the loop
/// sleeps until a part comes rather than looking for one each frame. Ends when the log is
/// read or the loop has gone (which stops the building thread in turn).
pub fn forward(behind: Receiver<Built>, tx: Sender<Input>) {
    std::thread::Builder::new()
        .name("convene-replay-news".into())
        .spawn(move || {
            for built in behind {
                let done = matches!(built, Built::Done(_));
                if tx.send(Input::Replay(built)).is_err() || done {
                    return;
                }
            }
            // Not without a verdict (see `behind::read`); nothing more will come.
            let _ = tx.send(Input::Replay(Built::Done(Ok(()))));
        })
        .expect("the replay's messenger starts");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::input::Inputs;
    use std::time::Duration;

    /// What the building thread sends reaches the loop's channel, up to its verdict; a
    /// thread that ended without one is taken as the end of the log.
    #[test]
    fn the_log_read_behind_comes_on_the_input_channel() {
        let mut inputs = Inputs::without_keys();
        let verdict = |inputs: &mut Inputs| match inputs.next(Duration::from_secs(20)) {
            Some(Input::Replay(Built::Done(verdict))) => verdict.is_ok(),
            _ => panic!("a verdict comes"),
        };
        let (tx, rx) = std::sync::mpsc::channel();
        forward(rx, inputs.sender());
        tx.send(Built::Done(Ok(()))).unwrap();
        assert!(verdict(&mut inputs));

        let (tx, rx) = std::sync::mpsc::channel::<Built>();
        forward(rx, inputs.sender());
        drop(tx);
        assert!(verdict(&mut inputs));
        assert!(
            inputs.next(Duration::from_millis(50)).is_none(),
            "and no more"
        );
    }
}
