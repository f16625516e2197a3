//! The terminal app. `run` owns the terminal and the loop, which waits on one input channel
//! (`input`); everything it draws comes from `App`, which can also be driven directly by
//! tests on a `TestBackend`. Work on files runs on workers (`work`).

pub mod app;
mod derived;
mod help;
pub mod input;
pub mod keys;
pub mod merge_copy;
pub mod paint;
pub mod pane;
pub mod panes;
pub mod picker;
pub mod replay;
pub mod testkit;
pub mod text;
pub mod theme;
pub mod widgets;
pub mod work;

pub use app::{App, PaneId};
pub use theme::Theme;
pub use work::perform;

use crate::model::Journal;
use crate::store::{Behind, LoadError, Meta, Opened, Opening, SaveState, Saver, SessionLock};
use chrono::{DateTime, FixedOffset, Local};
use input::{Input, Inputs};
use pane::{Notice, Request};
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};
use work::{Job, Workers};

/// Runs the app on an opened session until the user quits. Every change is handed to the
/// saver as it happens; on return everything has been written, or the error says why not.
/// `keep_proceedings_at` is for the demo, whose folder goes when it closes: the proceedings
/// are then written where the user says, starting from that suggestion.
pub fn run(
    opened: Opened,
    theme: Theme,
    keep_proceedings_at: Option<PathBuf>,
) -> anyhow::Result<()> {
    let saver = Saver::start(opened.lock, opened.meta.clone(), &opened.journal);
    let mut app = App::new(opened.journal, name_of(&opened.path), theme, now());
    app.panes.closing.file = Some(opened.path.clone());
    app.panes.closing.keep_at = keep_proceedings_at;
    let mut file = File {
        saver: Some(saver),
        behind: None,
        checking: false,
        lock: None,
        path: opened.path,
        meta: opened.meta,
    };
    let result = with_terminal(|terminal| event_loop(terminal, &mut app, &mut file));
    finish(file, result)
}

/// As `run`, on a session whose log is still being checked: the first frame is drawn from
/// its snapshot and the session stays view-only until the check is done. If the log
/// disagrees with the snapshot, the log is the truth: the app switches to it and says so.
pub fn run_opening(opening: Opening, theme: Theme) -> anyhow::Result<()> {
    let crate::store::Preview { meta, state, .. } = opening.preview;
    // The snapshot as read is not kept for the life of the app: the session made from it is
    // all the first frames need.
    let journal = Journal {
        session: state.to_session(),
        events: Vec::new(),
    };
    drop(state);
    let mut app = App::new(journal, name_of(&opening.path), theme, now());
    app.checking = true;
    app.panes.closing.file = Some(opening.path.clone());
    let mut file = File {
        saver: None,
        behind: Some(opening.behind),
        checking: true,
        lock: Some(opening.lock),
        path: opening.path,
        meta,
    };
    let result = with_terminal(|terminal| event_loop(terminal, &mut app, &mut file));
    finish(file, result)
}

fn name_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// The session's file as the event loop sees it: the saver, once there is one (it holds the
/// lock from then on), and the check of the log while it runs.
struct File {
    saver: Option<Saver>,
    /// The check of the log, until the loop hands it to a thread that waits for it.
    behind: Option<Receiver<Result<Behind, LoadError>>>,
    /// The log is being checked: its verdict comes as `Input::Checked`.
    checking: bool,
    /// The lock, until the saver takes it.
    lock: Option<SessionLock>,
    path: PathBuf,
    meta: Meta,
}

impl File {
    /// Sends the saver's news and the check's verdict to the loop's channel.
    fn wake(&mut self, tx: &Sender<Input>) {
        if let Some(saver) = &mut self.saver {
            let tx = tx.clone();
            saver.wake(move || {
                let _ = tx.send(Input::Saver);
            });
        }
        if let Some(behind) = self.behind.take() {
            let tx = tx.clone();
            std::thread::Builder::new()
                .name("convene-check".into())
                .spawn(move || {
                    let _ = tx.send(Input::Checked(behind.recv().ok().map(Box::new)));
                })
                .expect("the check's messenger starts");
        }
    }

    /// Takes in the check of the log. A log that cannot be read ends the app with its error.
    fn checked(
        &mut self,
        app: &mut App,
        verdict: Option<Box<Result<Behind, LoadError>>>,
        tx: &Sender<Input>,
    ) -> anyhow::Result<()> {
        self.checking = false;
        let Some(result) = verdict else {
            anyhow::bail!("{}: the check of the file stopped", self.path.display())
        };
        let Behind { checked, log } = (*result)?;
        let journal = checked.loaded.journal;
        let Some(lock) = self.lock.take() else {
            anyhow::bail!("{}: the session's lock was lost", self.path.display())
        };
        self.saver = Some(Saver::start_with(
            lock,
            self.meta.clone(),
            journal.session.clone(),
            log,
        ));
        self.wake(tx);
        app.journal = journal;
        app.checking = false;
        if let Some(difference) = checked.snapshot_differs {
            app.notice = Some(Notice {
                text: format!(
                    "Showing the log, the record: the file's snapshot disagreed with it ({})",
                    crate::model::describe::printable(&difference)
                ),
                error: true,
            });
        }
        Ok(())
    }
}

/// Stops the saver (writing what is pending, then letting the lock go).
fn finish(file: File, result: anyhow::Result<()>) -> anyhow::Result<()> {
    let last = file.saver.map(Saver::finish);
    drop(file.lock);
    result?;
    match last {
        Some(crate::store::SaveState::Failed(why)) => anyhow::bail!(
            "the last changes could not be saved to {}: {why}",
            file.path.display()
        ),
        _ => Ok(()),
    }
}

/// Sets the terminal up, runs `f`, and restores the terminal whatever `f` returns.
/// (`ratatui::try_init` also installs a panic hook that restores it on a panic.)
pub fn with_terminal<T>(
    f: impl FnOnce(&mut ratatui::DefaultTerminal) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the app needs a terminal; for scripts use the subcommands (see `convene --help`)"
        );
    }
    let _interactive = crate::signals::Interactive::start();
    let mut terminal =
        ratatui::try_init().map_err(|e| anyhow::anyhow!("cannot set up the terminal: {e}"))?;
    let _ = execute!(std::io::stdout(), EnableBracketedPaste, EnableMouseCapture);
    let result = f(&mut terminal);
    let _ = execute!(
        std::io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture
    );
    ratatui::restore();
    result
}

/// Hidden, for the benches: when the app quits by itself after a frame, read once rather
/// than on every frame.
fn exit_after() -> Option<&'static str> {
    static EXIT: std::sync::OnceLock<Option<&'static str>> = std::sync::OnceLock::new();
    *EXIT.get_or_init(
        || match std::env::var_os("CONVENE_EXIT_AFTER_FIRST_FRAME")?.to_str()? {
            "1" => Some("1"),
            "checked" => Some("checked"),
            _ => None,
        },
    )
}

/// `CONVENE_EXIT_AFTER_FIRST_FRAME=1` (benches/startup.sh) quits, saving as usual, as soon
/// as the first frame is drawn, so start to first frame can be timed as a whole process
/// and peak memory read with a session open.
pub(crate) fn exit_after_first_frame() -> bool {
    exit_after() == Some("1")
}

/// `CONVENE_EXIT_AFTER_FIRST_FRAME=checked` (benches/scaling.sh) quits after the first
/// frame drawn once the log is checked behind it, when the session can be changed.
fn exit_once_checked() -> bool {
    exit_after() == Some("checked")
}

/// While the log is being checked, how long a key waits for it before being handled
/// view-only (a realistic file is checked by then).
const KEY_WAITS_FOR_CHECK: Duration = Duration::from_millis(300);

/// How long writing the proceedings waits for the changes before it to reach the disk.
const SETTLE: Duration = Duration::from_secs(10);

/// How often the clock and a running timer are looked at when nothing else happens. A
/// timer started part way through a second turns over then, not with the clock.
const TICK: Duration = Duration::from_millis(250);

/// How long the loop may sleep: until the clock's next tick, a whole second on the clock
/// being one of them.
fn until_next_tick(now: DateTime<FixedOffset>) -> Duration {
    let into = u64::from(now.timestamp_subsec_millis()).min(999);
    Duration::from_millis(1000 - into).min(TICK)
}

/// What the loop holds besides the app and the file: its channel, its workers, and the
/// proceedings waiting for the saver to catch up, each with when it was asked for.
struct Loop {
    inputs: Inputs,
    workers: Workers,
    settling: Vec<(Request, Instant)>,
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    file: &mut File,
) -> anyhow::Result<()> {
    let mut l = Loop {
        inputs: Inputs::with_keys(),
        workers: Workers::default(),
        settling: Vec::new(),
    };
    file.wake(&l.inputs.sender());
    let result = run_loop(terminal, app, file, &mut l);
    // The keys stop being read before the terminal is given back.
    drop(l.inputs);
    l.workers.finish();
    result
}

fn run_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    file: &mut File,
    l: &mut Loop,
) -> anyhow::Result<()> {
    let mut dirty = true;
    let mut last_second = String::new();
    while !app.quit && crate::signals::stop_requested().is_none() {
        app.now = Local::now().fixed_offset();
        let second = app.now.format("%H:%M:%S").to_string();
        if second != last_second {
            last_second = second;
            dirty = true;
        }
        if let Some(saver) = &mut file.saver {
            let state = saver.state().clone();
            if state != app.save_state {
                app.save_state = state;
                dirty = true;
            }
        }
        dirty |= app.tick();
        if std::mem::take(&mut app.bell) {
            use std::io::Write;
            let mut out = std::io::stdout();
            let _ = out.write_all(b"\x07");
            let _ = out.flush();
        }
        hand_over(app, file);
        start_settled(app, file, l);
        if dirty {
            terminal.draw(|frame| app.render(frame.area(), frame.buffer_mut()))?;
            dirty = false;
            if exit_after_first_frame() || (exit_once_checked() && !file.checking) {
                break;
            }
        }
        let Some(first) = l.inputs.next(until_next_tick(app.now)) else {
            continue;
        };
        // A key that may change the session gives the check a moment to finish first.
        if file.checking && matches!(first, Input::Terminal(_)) {
            let tx = l.inputs.sender();
            if let Some(Input::Checked(verdict)) = l
                .inputs
                .wait_for(KEY_WAITS_FOR_CHECK, |i| matches!(i, Input::Checked(_)))
            {
                file.checked(app, verdict, &tx)?;
                dirty = true;
            }
        }
        // Take every input already queued before drawing again, so a fast typist or a
        // paste costs one frame, not one per key.
        let mut next = Some(first);
        while let Some(input) = next {
            dirty |= take(input, app, file, l)?;
            if app.quit {
                break;
            }
            next = l.inputs.ready();
        }
    }
    Ok(())
}

/// Handles one input. Returns true if the screen should be redrawn.
fn take(input: Input, app: &mut App, file: &mut File, l: &mut Loop) -> anyhow::Result<bool> {
    Ok(match input {
        Input::Terminal(event) => {
            let dirty = app.handle(&event);
            hand_over(app, file);
            start_requests(app, file, l);
            dirty
        }
        Input::TerminalFailed(e) => return Err(e.into()),
        // The loop looks for the stop itself; this only woke it.
        Input::Stop => false,
        // Read at the top of the loop, with whatever it lets start.
        Input::Saver => false,
        // Only the replay screen reads a log behind it.
        Input::Replay(_) => false,
        Input::Checked(verdict) => {
            file.checked(app, verdict, &l.inputs.sender())?;
            true
        }
        Input::Progress(text) => {
            app.progress(text);
            true
        }
        Input::Done(done) => {
            app.work_done(done);
            true
        }
    })
}

/// Starts the work the panes asked for. The proceedings are written from the session file
/// as saved, so they are exactly the bytes `convene export` gives: they wait for the saver
/// to catch up first (`start_settled`).
fn start_requests(app: &mut App, file: &mut File, l: &mut Loop) {
    for request in std::mem::take(&mut app.requests) {
        match request {
            Request::WriteProceedings { .. } => {
                app.progress("Writing the proceedings…".into());
                l.settling.push((request, Instant::now()));
            }
            Request::ReadCopy { .. } => {
                let job = Job::for_request(app, request, SaveState::Saved);
                l.workers.start(job, l.inputs.sender());
            }
        }
    }
    start_settled(app, file, l);
}

/// Starts writing the proceedings asked for once the saver has caught up or failed, or
/// has kept them waiting too long (they then say it is still saving).
fn start_settled(app: &mut App, file: &mut File, l: &mut Loop) {
    if l.settling.is_empty() {
        return;
    }
    let saved = match &mut file.saver {
        Some(saver) => saver.state().clone(),
        // Nothing can have changed while the log is checked.
        None => SaveState::Saved,
    };
    let waiting = std::mem::take(&mut l.settling);
    for (request, asked) in waiting {
        if saved == SaveState::Saving && asked.elapsed() < SETTLE {
            l.settling.push((request, asked));
        } else {
            let job = Job::for_request(app, request, saved.clone());
            l.workers.start(job, l.inputs.sender());
        }
    }
}

/// Gives the saver what the app recorded.
fn hand_over(app: &mut App, file: &mut File) {
    if let Some(saver) = &mut file.saver {
        for e in app.outbox.drain(..) {
            saver.push(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testkit::{press, screen, type_text};
    use super::*;
    use ratatui::crossterm::event::KeyCode;

    /// Opening draws from the snapshot while the log is checked: the screen is the
    /// session's, nothing can change it, and each attempt says why.
    #[test]
    fn while_the_log_is_checked_the_session_is_view_only() {
        let journal = crate::demo::build();
        let view = crate::store::StateView::of(&journal.session);
        let preview = Journal {
            session: view.to_session(),
            events: Vec::new(),
        };
        let at = crate::demo::saved_at();
        let mut app = App::new(preview, "demo".into(), Theme::projector(), at);
        app.checking = true;
        let drawn = screen(&mut app, 100, 30);
        assert!(drawn.contains("checking the file"), "{drawn}");
        assert!(drawn.contains("How do we"), "{drawn}");
        press(&mut app, KeyCode::Char('u'));
        assert_eq!(app.notice.as_ref().unwrap().text, pane::CHECKING);
        press(&mut app, KeyCode::Char('2'));
        press(&mut app, KeyCode::Char('a'));
        type_text(&mut app, "Late issue");
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.notice.as_ref().unwrap().text, pane::CHECKING);
        assert!(app.outbox.is_empty());
        assert!(app.journal.events.is_empty());
        // The check is done: the session rebuilt from the log takes over and changes go in.
        app.journal = journal;
        app.checking = false;
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.outbox.len(), 1, "{:?}", app.notice);
        let drawn = screen(&mut app, 100, 30);
        assert!(!drawn.contains("checking the file"), "{drawn}");
    }

    /// A closed round where issue `first` got the most dots, in as many events whichever
    /// issue it is: two such sessions differ only in what they show, not in `last_seq`.
    fn voted(first: u32) -> Journal {
        use crate::model::{Change, IssueId, RoundId};
        let at = crate::synth::start();
        let mut journal = Journal::create(at, "Theme").unwrap();
        for title in ["Alpha", "Beta"] {
            let issue = journal.session.next_issue_id();
            let change = Change::IssueRaised {
                issue,
                title: title.into(),
                convener: None,
                description: String::new(),
            };
            journal.record(at, change).unwrap();
        }
        let round = RoundId(1);
        let steps = [
            Change::RoundOpened {
                round,
                dots_per_person: 3,
                max_per_issue: None,
                anonymous: true,
                hidden: false,
                ballot: vec![IssueId(1), IssueId(2)],
            },
            Change::TallySet {
                round,
                issue: IssueId(first),
                dots: 5,
            },
            Change::RoundClosed { round },
        ];
        for change in steps {
            journal.record(at, change).unwrap();
        }
        journal
    }

    /// The check of an opened file can swap in the session rebuilt from the log, with the
    /// same `last_seq` as the snapshot's: what the panes keep from the old one must go.
    #[test]
    fn a_session_swapped_in_is_drawn_afresh_even_at_the_same_seq() {
        let (before, after) = (voted(1), voted(2));
        assert_eq!(before.session.last_seq, after.session.last_seq);
        let at = crate::synth::start();
        let mut app = App::new(before, "swap".into(), Theme::projector(), at);
        let first_row = |drawn: &str, rank: &str| {
            drawn
                .lines()
                .find(|l| l.contains(rank) && (l.contains("Alpha") || l.contains("Beta")))
                .map(|l| if l.contains("Alpha") { "Alpha" } else { "Beta" })
        };
        app.pane = PaneId::Leads;
        let leads = screen(&mut app, 120, 30);
        assert_eq!(first_row(&leads, "   1  #"), Some("Alpha"), "{leads}");
        app.pane = PaneId::Vote;
        let vote = screen(&mut app, 120, 30);
        assert!(vote.find("Alpha") < vote.find("Beta"), "{vote}");
        app.journal = after;
        let vote = screen(&mut app, 120, 30);
        assert!(vote.find("Beta") < vote.find("Alpha"), "{vote}");
        app.pane = PaneId::Leads;
        let leads = screen(&mut app, 120, 30);
        assert_eq!(first_row(&leads, "   1  #"), Some("Beta"), "{leads}");
    }
}
