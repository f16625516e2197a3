//! One handler for SIGINT, SIGTERM and SIGHUP, for the command line and the app alike.
//!
//! While the app holds the terminal, a signal asks it to stop: the loop sees the request,
//! the terminal is restored and every recorded change is saved before the process exits,
//! so a laptop shutting down (SIGTERM) or a closed terminal window (SIGHUP) loses nothing.
//! A second signal while stopping, or any signal to a command that does not hold the
//! terminal, ends the process at once, after removing the temporary files of writes in
//! progress (a save killed outright leaves none anyway: its temporary has no name until it
//! is complete, see `store::write_atomic`).

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// The signal that asked the app to stop, 0 if none.
static STOP: AtomicI32 = AtomicI32::new(0);
/// Whether the app holds the terminal (and so stops by itself when asked).
static INTERACTIVE: AtomicBool = AtomicBool::new(false);
/// Files being written now, each with how its temporaries are removed; a signal removes them.
static WRITING: Mutex<Vec<(PathBuf, Cleanup)>> = Mutex::new(Vec::new());
/// Wakes the app's loop when a signal asks it to stop (it sleeps until something comes).
static WAKE: Mutex<Option<Wake>> = Mutex::new(None);

pub type Wake = Box<dyn Fn() + Send>;

/// Removes what an interrupted write of a file left beside it. The writer passes it in,
/// since only the writer knows how its temporaries are named (and signals sit below it).
pub type Cleanup = fn(&Path);

/// How often the signal thread looks for a signal.
const LOOK: std::time::Duration = std::time::Duration::from_millis(50);
/// How long the app has to stop by itself once asked. A closed terminal can leave it
/// waiting on input that never comes (crossterm's poll spins on a hung-up tty); every
/// recorded change has long been saved by then, so the process then ends as a command would.
const GRACE: std::time::Duration = std::time::Duration::from_secs(3);

/// The signal that arrived last and is not yet handled, 0 if none: set in the handler.
static PENDING: std::sync::LazyLock<Arc<AtomicUsize>> =
    std::sync::LazyLock::new(|| Arc::new(AtomicUsize::new(0)));

/// Installs the handler; call once, first thing in `main`. The handler itself only notes
/// the signal; a thread looks every 50 ms and does the rest. (No wake-up pipe: signal-hook
/// probes its pipe with `sendto` and its iterator uses a socket pair, which the offline test
/// rightly counts as network calls; a short sleep costs nothing.)
pub fn install() -> std::io::Result<()> {
    for signal in [SIGINT, SIGTERM, SIGHUP] {
        signal_hook::flag::register_usize(signal, PENDING.clone(), signal as usize)?;
    }
    std::thread::Builder::new()
        .name("convene-signals".into())
        .spawn(move || {
            let mut asked: Option<std::time::Instant> = None;
            loop {
                std::thread::sleep(LOOK);
                if let Some(when) = asked
                    && INTERACTIVE.load(Ordering::SeqCst)
                    && when.elapsed() > GRACE
                {
                    exit_now(STOP.load(Ordering::SeqCst));
                }
                let signal = PENDING.swap(0, Ordering::SeqCst) as i32;
                if signal == 0 {
                    continue;
                }
                if INTERACTIVE.load(Ordering::SeqCst)
                    && STOP
                        .compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst)
                        .is_ok()
                {
                    asked = Some(std::time::Instant::now());
                    if let Ok(wake) = WAKE.lock()
                        && let Some(wake) = wake.as_ref()
                    {
                        wake();
                    }
                    continue;
                }
                exit_now(signal);
            }
        })?;
    Ok(())
}

fn exit_now(signal: i32) -> ! {
    let writing = WRITING.lock().map(|w| w.clone()).unwrap_or_default();
    for (target, cleanup) in &writing {
        cleanup(target);
    }
    if INTERACTIVE.load(Ordering::SeqCst) {
        ratatui::restore();
    }
    std::process::exit(128 + signal);
}

/// The signal that asked the app to stop, if one did.
/// Who to wake when a signal asks the app to stop; `None` when no loop waits any more.
pub fn wake_on_stop(wake: Option<Wake>) {
    if let Ok(mut slot) = WAKE.lock() {
        *slot = wake;
    }
}

pub fn stop_requested() -> Option<i32> {
    match STOP.load(Ordering::SeqCst) {
        0 => None,
        signal => Some(signal),
    }
}

/// Held while the app owns the terminal: signals then ask it to stop instead of ending it.
pub struct Interactive(());

impl Interactive {
    pub fn start() -> Interactive {
        INTERACTIVE.store(true, Ordering::SeqCst);
        Interactive(())
    }
}

impl Drop for Interactive {
    fn drop(&mut self) {
        INTERACTIVE.store(false, Ordering::SeqCst);
    }
}

/// Held while `target` is written, so that a signal removes its temporary.
pub struct Writing(PathBuf);

impl Writing {
    pub fn start(target: &Path, cleanup: Cleanup) -> Writing {
        if let Ok(mut w) = WRITING.lock() {
            w.push((target.to_path_buf(), cleanup));
        }
        Writing(target.to_path_buf())
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        if let Ok(mut w) = WRITING.lock()
            && let Some(at) = w.iter().position(|(p, _)| *p == self.0)
        {
            w.swap_remove(at);
        }
    }
}
