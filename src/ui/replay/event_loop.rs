//! The replay screen's event loop, apart from the screen so that the screen can be driven
//! by tests without a terminal. It waits on the one input channel: keys, and the parts of
//! a log still being read (`reading::forward`), so nothing is looked for each frame.

use super::ReplayScreen;
use super::reading::forward;
use crate::ui::input::{Input, Inputs};
use std::time::{Duration, Instant};

/// While playing, the next frame comes this soon; while paused, only an input wakes the
/// loop. Parts of the log being read are taken in as soon as they come (each is held twice
/// until then), but the count of events read is redrawn only a few times a second.
const FRAME: Duration = Duration::from_millis(16);
const PROGRESS: Duration = Duration::from_millis(100);
const IDLE: Duration = Duration::from_millis(500);

/// Runs a replay until the user quits. Nothing is written anywhere. A file refused after
/// the screen opened is an error once the screen is closed, as if it had been refused
/// before.
pub fn run(mut screen: ReplayScreen) -> anyhow::Result<()> {
    crate::ui::with_terminal(|terminal| {
        let mut inputs = Inputs::with_keys();
        if let Some(behind) = screen.take_behind() {
            forward(behind, inputs.sender());
        }
        let mut dirty = true;
        let mut last = Instant::now();
        // When the count of events read was last drawn, and whether parts came since.
        let mut progress = Instant::now();
        let mut unshown = false;
        while !screen.app.quit && crate::signals::stop_requested().is_none() {
            if unshown && progress.elapsed() >= PROGRESS {
                dirty = true;
                unshown = false;
                progress = Instant::now();
            }
            let now = Instant::now();
            dirty |= screen.advance(now - last);
            last = now;
            if dirty {
                terminal.draw(|frame| screen.render(frame.area(), frame.buffer_mut()))?;
                dirty = false;
                if crate::ui::exit_after_first_frame() {
                    break;
                }
            }
            let wait = if screen.playback.playing() {
                FRAME
            } else if unshown {
                PROGRESS.saturating_sub(progress.elapsed())
            } else {
                IDLE
            };
            let mut next = inputs.next(wait);
            while let Some(input) = next {
                match input {
                    Input::Terminal(event) => dirty |= screen.handle(&event),
                    Input::TerminalFailed(e) => return Err(e.into()),
                    Input::Replay(built) => {
                        // The last part and the verdict are drawn at once; the parts
                        // before them a few times a second.
                        if screen.built(built) {
                            if !screen.is_reading() {
                                dirty = true;
                            }
                            unshown = screen.is_reading();
                        }
                    }
                    // Replay writes nothing and starts no work: only keys and the log come.
                    Input::Stop
                    | Input::Saver
                    | Input::Checked(_)
                    | Input::Progress(_)
                    | Input::Done(_) => {}
                }
                if screen.app.quit {
                    break;
                }
                next = inputs.ready();
            }
        }
        Ok(())
    })?;
    match screen.refused {
        Some(e) => Err(e.into()),
        None => Ok(()),
    }
}
