//! Work the screens ask for that touches files: reading a copy to merge, merging into a
//! session's file, starting a follow-up, writing the proceedings, and the picker's opening,
//! creating, trashing and listing of sessions. `service` and `store` do it, on a
//! thread of its own, so keys are answered meanwhile; how far it is and what it gave come
//! back on the input channel. The screens never write files: the worker does.

use super::App;
use super::pane::{Notice, Outcome, Request};
use crate::merge::Merge;
use crate::model::Journal;
use crate::service::merge::DryRun;
use crate::service::{self, Progress};
use crate::store::{self, Listed, Opened, SaveState, Unreadable};
use chrono::{DateTime, FixedOffset};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::thread::JoinHandle;

/// One piece of work, with everything it needs taken along.
pub enum Job {
    /// Write the proceedings of `file` into `dir`, once `saved` says how the file stands.
    WriteProceedings {
        request: Request,
        file: Option<PathBuf>,
        saved: SaveState,
        dir: PathBuf,
        anonymous: bool,
    },
    /// Read a copy and work out what it would bring into `main`.
    ReadCopy {
        request: Request,
        path: PathBuf,
        main: Box<Journal>,
    },
    /// Record a merge into a session held open and save it, its previous version kept.
    MergeInto {
        data_dir: PathBuf,
        opened: Box<Opened>,
        merge: Box<Merge>,
        file: String,
        now: DateTime<FixedOffset>,
    },
    /// Start today's follow-up meeting of the session in `earlier`.
    FollowUp {
        data_dir: PathBuf,
        earlier: PathBuf,
        now: DateTime<FixedOffset>,
    },
    /// Open (lock and load) the session in `path`, to work on it (`Done::Opened`) or to
    /// merge a copy into it first (`Done::HeldOpen`).
    Open { path: PathBuf, to_merge: bool },
    /// Give a new session its file in the data directory and open it.
    Create {
        data_dir: PathBuf,
        journal: Box<Journal>,
        now: DateTime<FixedOffset>,
    },
    /// Move a session's file to the trash (`what` names it in what is said), then list the
    /// sessions again.
    Trash {
        data_dir: PathBuf,
        path: PathBuf,
        what: String,
    },
    /// List the sessions in the data directory.
    List { data_dir: PathBuf },
}

/// The sessions folder as listed (readable sessions, unreadable files), or why it could not
/// be read.
pub type Listing = Result<(Vec<Listed>, Vec<Unreadable>), String>;

/// What a piece of work gave.
pub enum Done {
    /// How a request of the app went, for the pane that asked.
    Finished(Request, Outcome),
    /// What a copy would bring in.
    CopyRead(Box<DryRun>),
    /// A session to open (merged into, or the new follow-up) with what to say about it;
    /// or why there is none.
    Opened(Result<(Box<Opened>, Option<String>), String>),
    /// A session held open (locked) to merge a copy into, or why it cannot be opened.
    HeldOpen(Result<Box<Opened>, String>),
    /// What trashing a session did, and the sessions folder after it.
    Trashed(Result<String, String>, Box<Listing>),
    /// The sessions folder, listed again.
    Listed(Box<Listing>),
}

impl Job {
    /// The work for a request of the app's panes, against the app as it is now.
    pub fn for_request(app: &App, request: Request, saved: SaveState) -> Job {
        match request {
            Request::WriteProceedings { ref dir, anonymous } => Job::WriteProceedings {
                dir: dir.clone(),
                anonymous,
                file: app.panes.closing.file.clone(),
                saved,
                request,
            },
            Request::ReadCopy { ref path } => Job::ReadCopy {
                path: path.clone(),
                main: Box::new(app.journal.clone()),
                request,
            },
        }
    }

    /// Whether it writes files: those are waited for before the app exits; what only
    /// reads ends with the process.
    fn writes(&self) -> bool {
        !matches!(self, Job::ReadCopy { .. } | Job::List { .. })
    }

    /// Does the work here, telling `report` how far a large file is.
    pub fn run(self, report: &mut dyn FnMut(&Progress)) -> Done {
        match self {
            Job::WriteProceedings {
                request,
                file,
                saved,
                dir,
                anonymous,
            } => {
                let outcome = service::proceedings::write(file.as_deref(), &saved, &dir, anonymous);
                Done::Finished(request, outcome)
            }
            Job::ReadCopy {
                request,
                path,
                main,
            } => match service::merge::dry_run(&main, &path, report) {
                Ok(dry) => Done::CopyRead(Box::new(dry)),
                Err(why) => Done::Finished(request, Err(why)),
            },
            Job::MergeInto {
                data_dir,
                mut opened,
                merge,
                file,
                now,
            } => Done::Opened(
                match service::merge::into_file(&data_dir, &mut opened, &merge, now) {
                    Ok(_) => {
                        let said = format!("Merged {} changes from {file}", merge.summary.merged());
                        Ok((opened, Some(said)))
                    }
                    Err(e @ service::merge::IntoFileError::Refused(_)) => {
                        Err(super::pane::capitalise(&e.to_string()))
                    }
                    Err(e) => Err(e.to_string()),
                },
            ),
            Job::FollowUp {
                data_dir,
                earlier,
                now,
            } => Done::Opened(follow_up(&data_dir, &earlier, now, report)),
            Job::Open { path, to_merge } => {
                let opened = store::open(&path).map(Box::new).map_err(|e| e.to_string());
                if to_merge {
                    Done::HeldOpen(opened)
                } else {
                    Done::Opened(opened.map(|o| (o, None)))
                }
            }
            Job::Create {
                data_dir,
                journal,
                now,
            } => Done::Opened(
                store::create(&data_dir, *journal, now)
                    .map(|o| (Box::new(o), None))
                    .map_err(|e| e.to_string()),
            ),
            Job::Trash {
                data_dir,
                path,
                what,
            } => {
                let said = store::trash(&data_dir, &path)
                    .map(|to| format!("Moved {what} to the trash: {}", to.display()))
                    .map_err(|e| e.to_string());
                Done::Trashed(said, Box::new(list(&data_dir)))
            }
            Job::List { data_dir } => Done::Listed(Box::new(list(&data_dir))),
        }
    }
}

/// The sessions in `data_dir`, as the picker shows them.
pub fn list(data_dir: &Path) -> Listing {
    let sessions = store::sessions_dir(data_dir);
    store::list(&sessions).map_err(|e| format!("Cannot read {}: {e}", sessions.display()))
}

fn follow_up(
    data_dir: &Path,
    earlier: &Path,
    now: DateTime<FixedOffset>,
    report: &mut dyn FnMut(&Progress),
) -> Result<(Box<Opened>, Option<String>), String> {
    use service::follow_up::{self, Meeting};
    let loaded = follow_up::read_earlier(earlier, report).map_err(|e| e.to_string())?;
    let meeting = Meeting {
        now,
        date: now.date_naive(),
        theme: None,
        agenda: false,
    };
    let journal = follow_up::journal(&loaded, earlier, &meeting)
        .map_err(|why| super::pane::capitalise(&why.to_string()))?;
    let opened = crate::store::create(data_dir, journal, now).map_err(|e| e.to_string())?;
    Ok((Box::new(opened), None))
}

/// What a worker says while it works and when it is done.
pub enum News {
    Progress(String),
    Done(Done),
}

/// The workers started by one loop.
#[derive(Default)]
pub struct Workers {
    writing: Vec<JoinHandle<()>>,
}

impl Workers {
    /// Starts `job` on a thread of its own; its progress and result are sent to `tx`
    /// (the loop's input channel, which knows how to carry them).
    pub fn start<T: From<News> + Send + 'static>(&mut self, job: Job, tx: Sender<T>) {
        let writes = job.writes();
        let handle = std::thread::Builder::new()
            .name("convene-work".into())
            .spawn(move || {
                let progress = tx.clone();
                let done = job.run(&mut |p| {
                    let _ = progress.send(News::Progress(p.to_string()).into());
                });
                let _ = tx.send(News::Done(done).into());
            })
            .expect("a worker thread starts");
        self.writing.retain(|h| !h.is_finished());
        if writes {
            self.writing.push(handle);
        }
    }

    /// Waits for the work that writes files, so that none is cut off half way.
    pub fn finish(self) {
        for handle in self.writing {
            let _ = handle.join();
        }
    }
}

impl App {
    /// Takes in what a worker gave, for the pane that asked.
    pub fn work_done(&mut self, done: Done) {
        let progressed = std::mem::take(&mut self.progress_shown);
        match done {
            Done::Finished(request, outcome) => self.finished(&request, outcome),
            Done::CopyRead(dry) => {
                // The progress of the reading is over: the summary replaces it. A notice
                // from before (a copy that could not be read) stays, as it always did.
                if progressed {
                    self.notice = None;
                }
                self.panes.closing.copy_read(*dry);
            }
            // Only the picker starts work on whole sessions.
            Done::Opened(_) | Done::HeldOpen(_) | Done::Trashed(..) | Done::Listed(_) => {}
        }
    }

    /// Says how far the work is, in the notice line.
    pub fn progress(&mut self, text: String) {
        self.notice = Some(Notice { text, error: false });
        self.progress_shown = true;
    }
}

/// Does the work the panes asked for in line, handing each outcome back to the app: what
/// the event loop does on workers, for tests that drive the app directly. `saved` is how
/// the session's file stands.
pub fn perform(app: &mut App, saved: &SaveState) {
    for request in std::mem::take(&mut app.requests) {
        let done = Job::for_request(app, request, saved.clone()).run(&mut |_| {});
        app.work_done(done);
    }
}

#[cfg(test)]
mod tests {
    use super::super::input::{Input, Inputs};
    use super::super::testkit::{press, screen, type_text};
    use super::super::{PaneId, Theme};
    use super::*;
    use ratatui::crossterm::event::KeyCode;
    use std::time::Duration;

    /// What the workers send, until the work is done.
    fn done(inputs: &mut Inputs, app: &mut App) -> Done {
        loop {
            match inputs.next(Duration::from_secs(20)) {
                Some(Input::Progress(text)) => app.progress(text),
                Some(Input::Done(done)) => return done,
                Some(_) => {}
                None => panic!("the worker said nothing"),
            }
        }
    }

    fn start(app: &mut App, inputs: &Inputs, workers: &mut Workers) {
        for request in std::mem::take(&mut app.requests) {
            let job = Job::for_request(app, request, SaveState::Saved);
            workers.start(job, inputs.sender());
        }
    }

    /// A copy being read takes no key's time: while the worker waits for the copy (a named
    /// pipe that gives nothing until the test writes it), keys are answered at once.
    #[test]
    fn keys_are_answered_while_a_copy_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let sessions = dir.path().join("sessions");
        std::fs::create_dir_all(&sessions).unwrap();
        let pipe = dir.path().join("newsroom.json");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status();
        assert!(made.unwrap().success(), "mkfifo makes the pipe");
        let mut app = App::new(
            crate::demo::build(),
            "demo".into(),
            Theme::projector(),
            crate::demo::saved_at(),
        );
        app.pane = PaneId::Closing;
        app.panes.closing.file = Some(sessions.join("demo.json"));
        let mut inputs = Inputs::without_keys();
        let mut workers = Workers::default();

        press(&mut app, KeyCode::Char('M'));
        type_text(&mut app, pipe.to_str().unwrap());
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.requests.len(), 1, "the pane only asks");
        start(&mut app, &inputs, &mut workers);
        let drawn = screen(&mut app, 100, 30);
        assert!(drawn.contains("Reading newsroom.json"), "{drawn}");

        // The worker is blocked on the pipe; the screen still answers.
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.notice.as_ref().unwrap().text, "Nothing was merged");
        press(&mut app, KeyCode::Char('1'));
        assert_eq!(app.pane, PaneId::Opening);
        let drawn = screen(&mut app, 100, 30);
        assert!(!drawn.contains("Reading newsroom.json"), "{drawn}");

        // The copy comes; what it would have brought is dropped: nobody waits for it now.
        let writer = std::thread::spawn({
            let pipe = pipe.clone();
            move || std::fs::write(pipe, crate::demo::file_bytes()).unwrap()
        });
        let late = done(&mut inputs, &mut app);
        writer.join().unwrap();
        assert!(matches!(late, Done::CopyRead(_)));
        let events = app.journal.events.len();
        app.work_done(late);
        assert_eq!(app.journal.events.len(), events);
        assert!(app.outbox.is_empty());

        // Asked again, the summary comes back on the channel and is shown.
        let copy = dir.path().join("copy.json");
        std::fs::write(&copy, crate::demo::file_bytes()).unwrap();
        app.pane = PaneId::Closing;
        press(&mut app, KeyCode::Char('M'));
        type_text(&mut app, copy.to_str().unwrap());
        press(&mut app, KeyCode::Enter);
        start(&mut app, &inputs, &mut workers);
        let summary = done(&mut inputs, &mut app);
        app.work_done(summary);
        let drawn = screen(&mut app, 100, 30);
        assert!(drawn.contains("Nothing to merge"), "{drawn}");
        workers.finish();
    }

    /// A copy read without progress (a small one) leaves the notice as it was, like the
    /// refusal of a name that was no copy; a read that showed progress replaces it.
    #[test]
    fn a_summary_replaces_only_the_progress_notice() {
        let dir = tempfile::tempdir().unwrap();
        let sessions = dir.path().join("sessions");
        std::fs::create_dir_all(&sessions).unwrap();
        let copy = dir.path().join("copy.json");
        std::fs::write(&copy, crate::demo::file_bytes()).unwrap();
        let mut app = App::new(
            crate::demo::build(),
            "demo".into(),
            Theme::projector(),
            crate::demo::saved_at(),
        );
        app.pane = PaneId::Closing;
        app.panes.closing.file = Some(sessions.join("demo.json"));
        let ask = |app: &mut App, typed: &str| {
            press(app, KeyCode::Char('M'));
            type_text(app, typed);
            press(app, KeyCode::Enter);
            perform(app, &SaveState::Saved);
        };

        ask(&mut app, dir.path().join("nosuchname").to_str().unwrap());
        let refused = app.notice.clone().expect("the refusal is said");
        assert!(refused.error, "{refused:?}");
        ask(&mut app, copy.to_str().unwrap());
        assert_eq!(app.notice.as_ref(), Some(&refused));
        assert!(screen(&mut app, 100, 30).contains("Nothing to merge"));

        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('M'));
        type_text(&mut app, copy.to_str().unwrap());
        press(&mut app, KeyCode::Enter);
        app.progress("Reading copy.json: 50% of 20 MB".into());
        perform(&mut app, &SaveState::Saved);
        assert_eq!(app.notice, None);
    }
}
