//! The one channel the event loop waits on. Keys are read on a thread of their own, and
//! everything else that can change the screen (the saver's news, the check of an opened
//! file, work finished on a worker, the parts of a replay's log read behind its first
//! frame, and later the room page's requests) is sent here too,
//! so the loop sleeps until the clock's next tick or until any of them arrives, and answers
//! it within a frame. Nothing polls: the key reader sleeps until the terminal has input.
//!
//! The reader reads one key at a time and the next only once the loop asks for more input
//! after handling it. The loop stops asking after the key that quits, so whatever is typed
//! after it (the next shell command, typed ahead) stays in the terminal for the shell, as
//! when the loop read the terminal itself.

use super::work::{Done, News};
use crate::replay::behind::Built;
use crate::store::{Behind, LoadError};
use ratatui::crossterm::event::{self, Event};
use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::time::{Duration, Instant};

/// What can wake the event loop. A new source is one more variant here and one more arm
/// in each loop's `match`.
pub enum Input {
    /// A key, a paste, a click or a resize.
    Terminal(Event),
    /// The terminal cannot be read: the app ends with this error.
    TerminalFailed(std::io::Error),
    /// A signal asked the app to stop (see `signals`).
    Stop,
    /// The saver has news: `Saver::state` says what.
    Saver,
    /// The check of an opened file's log is done (`None`: it stopped without a verdict).
    Checked(Option<Box<Result<Behind, LoadError>>>),
    /// How far work on a worker is, for the notice line.
    Progress(String),
    /// Work finished on a worker.
    Done(Done),
    /// A part of a replay's log, read behind its first frame, or the verdict on the whole.
    Replay(Built),
}

impl From<News> for Input {
    fn from(news: News) -> Input {
        match news {
            News::Progress(text) => Input::Progress(text),
            News::Done(done) => Input::Done(done),
        }
    }
}

/// The channel, with the key reader on it for as long as it lives.
pub struct Inputs {
    tx: Sender<Input>,
    rx: Receiver<Input>,
    /// Inputs taken while waiting for a particular one, still to be handled, in order.
    held: VecDeque<Input>,
    keys: Option<KeyReader>,
    /// A key was handed out and the reader waits to be told to read the next.
    owed: bool,
}

impl Inputs {
    /// A channel with the terminal's input on it. Keys are read only while this lives: the
    /// reader stops when it is dropped, so a key typed after the app has gone reaches the
    /// shell, not us.
    pub fn with_keys() -> Inputs {
        let mut inputs = Inputs::without_keys();
        inputs.keys = Some(KeyReader::start(inputs.tx.clone()));
        let tx = inputs.tx.clone();
        crate::signals::wake_on_stop(Some(Box::new(move || {
            let _ = tx.send(Input::Stop);
        })));
        inputs
    }

    /// A channel for other senders only (tests drive the app with keys of their own).
    pub fn without_keys() -> Inputs {
        let (tx, rx) = mpsc::channel();
        Inputs {
            tx,
            rx,
            held: VecDeque::new(),
            keys: None,
            owed: false,
        }
    }

    /// Where a thread sends what should wake the loop.
    pub fn sender(&self) -> Sender<Input> {
        self.tx.clone()
    }

    /// The next input, waiting at most `wait` for one. Asking means the key handed out
    /// before was handled and the app goes on.
    pub fn next(&mut self, wait: Duration) -> Option<Input> {
        self.release();
        let input = match self.held.pop_front() {
            Some(input) => Some(input),
            // Never disconnected: `self.tx` is a sender.
            None => self.rx.recv_timeout(wait).ok(),
        };
        self.hand_out(input)
    }

    /// An input already waiting, if any. After a key with more typed behind it (a paste,
    /// a fast typist), the next key is waited for a moment, so they cost one frame.
    pub fn ready(&mut self) -> Option<Input> {
        let more = self.release();
        let input = match self.held.pop_front() {
            Some(input) => Some(input),
            None if more => self.rx.recv_timeout(MORE).ok(),
            None => self.rx.try_recv().ok(),
        };
        self.hand_out(input)
    }

    /// Lets the reader read the next key, if it waits; true if the terminal had more.
    fn release(&mut self) -> bool {
        let Some(keys) = &self.keys else {
            return false;
        };
        if !std::mem::take(&mut self.owed) {
            return false;
        }
        let more = keys.more.load(Ordering::SeqCst);
        let _ = keys.go.send(());
        more
    }

    fn hand_out(&mut self, input: Option<Input>) -> Option<Input> {
        if matches!(input, Some(Input::Terminal(_))) && self.keys.is_some() {
            self.owed = true;
        }
        input
    }

    /// Waits at most `limit` for the input `wanted` picks out; the others that come
    /// meanwhile are kept, in order, for `next`.
    pub fn wait_for(&mut self, limit: Duration, wanted: impl Fn(&Input) -> bool) -> Option<Input> {
        if let Some(at) = self.held.iter().position(&wanted) {
            return self.held.remove(at);
        }
        let end = Instant::now() + limit;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            let input = self.rx.recv_timeout(left).ok()?;
            if wanted(&input) {
                return Some(input);
            }
            self.held.push_back(input);
        }
    }
}

/// How long a key with more typed behind it waits for the next, so a paste is one frame.
const MORE: Duration = Duration::from_millis(5);

/// How long the key reader sleeps in the terminal's poll at a time: only to notice, now and
/// then, that it should stop while no one types (it never needs to: the app exits).
const IDLE: Duration = Duration::from_secs(3600);

/// The thread that reads the terminal.
struct KeyReader {
    stop: Arc<AtomicBool>,
    /// Set by the reader when the terminal had more input after the key it sent last.
    more: Arc<AtomicBool>,
    /// Tells the reader to read the next key.
    go: SyncSender<()>,
}

impl KeyReader {
    fn start(tx: Sender<Input>) -> KeyReader {
        let stop = Arc::new(AtomicBool::new(false));
        let more = Arc::new(AtomicBool::new(false));
        let (go, next) = mpsc::sync_channel(1);
        let (stopping, more_behind) = (stop.clone(), more.clone());
        std::thread::Builder::new()
            .name("convene-keys".into())
            .spawn(move || read_keys(&stopping, &more_behind, &next, &tx))
            .expect("the key reader starts");
        KeyReader { stop, more, go }
    }
}

fn read_keys(stop: &AtomicBool, more: &AtomicBool, next: &Receiver<()>, tx: &Sender<Input>) {
    loop {
        let input = match event::poll(IDLE) {
            Ok(false) if stop.load(Ordering::SeqCst) => return,
            Ok(false) => continue,
            // A key that came as the app stops is left for whoever reads the terminal next.
            Ok(true) if stop.load(Ordering::SeqCst) => return,
            Ok(true) => match event::read() {
                Ok(event) => {
                    more.store(
                        event::poll(Duration::ZERO).unwrap_or(false),
                        Ordering::SeqCst,
                    );
                    Input::Terminal(event)
                }
                Err(e) => Input::TerminalFailed(e),
            },
            Err(e) => Input::TerminalFailed(e),
        };
        let failed = matches!(input, Input::TerminalFailed(_));
        if tx.send(input).is_err() || failed {
            return;
        }
        // The next key is read once the loop has handled this one and asks for more.
        if next.recv().is_err() || stop.load(Ordering::SeqCst) {
            return;
        }
    }
}

impl Drop for KeyReader {
    fn drop(&mut self) {
        // The reader is not waited for: it sleeps until the terminal has input, and it
        // reads nothing more once stopped (the process ends with it).
        self.stop.store(true, Ordering::SeqCst);
        crate::signals::wake_on_stop(None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What comes while the loop waits for one input is handled after it, in order.
    #[test]
    fn inputs_passed_over_while_waiting_come_next_in_order() {
        let mut inputs = Inputs::without_keys();
        let tx = inputs.sender();
        tx.send(Input::Progress("one".into())).unwrap();
        tx.send(Input::Saver).unwrap();
        tx.send(Input::Progress("two".into())).unwrap();
        tx.send(Input::Checked(None)).unwrap();
        let got = inputs.wait_for(Duration::from_secs(5), |i| matches!(i, Input::Checked(_)));
        assert!(matches!(got, Some(Input::Checked(None))));
        let order: Vec<String> = std::iter::from_fn(|| inputs.ready())
            .map(|i| match i {
                Input::Progress(text) => text,
                Input::Saver => "saver".into(),
                _ => "other".into(),
            })
            .collect();
        assert_eq!(order, ["one", "saver", "two"]);
        assert!(
            inputs.next(Duration::from_millis(10)).is_none(),
            "nothing else came"
        );
        assert!(
            inputs
                .wait_for(Duration::from_millis(10), |_| true)
                .is_none(),
            "waiting gives up in time"
        );
    }
}
