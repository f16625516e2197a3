//! The session picker, shown by `convene` with no arguments: the sessions in the data
//! directory, newest first, filtered as you type; `n` starts one, Enter opens one, `d`
//! moves one to the trash after asking, `M` merges a copy into one and opens it, `f` starts
//! its follow-up meeting. It touches no file on a key: opening, creating, trashing,
//! listing again, merging and following up run on a worker (`ui::work`), and the picker
//! says what it is doing until their result comes back on the input channel.

mod draw;

use super::app::Ask;
use super::input::{Input, Inputs};
use super::merge_copy::{MergeCopy, Next};
use super::pane::{Notice, Request, capitalise};
use super::theme::Theme;
use super::widgets::scroll::Scroll;
use super::widgets::{Field, FieldKey};
use super::work::{Done, Job, Listing, Workers};
use crate::model::Journal;
use crate::store::{self, Listed, Opened, Unreadable};
use chrono::{DateTime, FixedOffset, Local};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::layout::Rect;
use std::path::{Path, PathBuf};

enum Mode {
    Browse,
    Filter,
    NewTheme(Box<Field>),
    ConfirmDelete(PathBuf),
    /// Merging a copy into the selected session, which is held open (locked) meanwhile.
    Merge(Box<Opened>, MergeCopy),
    /// Waiting for a worker: what it is doing, and what comes back if it fails (the form
    /// with the typed theme, so a session that could not be created loses nothing typed).
    Working(String, Box<Mode>),
}

/// One row: a readable session, or a file that could not be read (shown, not hidden).
enum Row<'a> {
    Session(&'a Listed),
    Unreadable(&'a Unreadable),
}

impl Row<'_> {
    fn file(&self) -> &Path {
        match self {
            Row::Session(s) => &s.file,
            Row::Unreadable(u) => &u.file,
        }
    }
    fn title(&self) -> String {
        match self {
            Row::Session(s) => s.theme.clone(),
            Row::Unreadable(u) => file_name(&u.file),
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub struct Picker {
    data_dir: PathBuf,
    sessions: Vec<Listed>,
    unreadable: Vec<Unreadable>,
    filter: Field,
    mode: Mode,
    scroll: Scroll,
    rows: Rect,
    pub theme: Theme,
    pub now: DateTime<FixedOffset>,
    pub notice: Option<Notice>,
    /// The session to open, once one was chosen or created.
    pub chosen: Option<Opened>,
    pub quit: bool,
    /// Waiting for y or n before a typed theme is thrown away (the app's question).
    asking: Option<Ask>,
    /// Work to start on a worker, in order; what it gives comes back through `finished`.
    pub jobs: Vec<Job>,
}

impl Picker {
    pub fn new(data_dir: &Path, theme: Theme, now: DateTime<FixedOffset>) -> Picker {
        let mut picker = Picker {
            data_dir: data_dir.to_path_buf(),
            sessions: vec![],
            unreadable: vec![],
            filter: Field::new("Filter"),
            mode: Mode::Browse,
            scroll: Scroll::default(),
            rows: Rect::default(),
            theme,
            now,
            notice: None,
            chosen: None,
            quit: false,
            asking: None,
            jobs: vec![],
        };
        picker.reload();
        picker
    }

    /// Reads the sessions folder again, here: for the first frame, before any key.
    pub fn reload(&mut self) {
        let listing = super::work::list(&self.data_dir);
        self.listed(listing);
    }

    fn listed(&mut self, listing: Listing) {
        match listing {
            Ok((good, bad)) => {
                self.sessions = good;
                self.unreadable = bad;
            }
            Err(e) => self.error(e),
        }
    }

    /// Hands `job` to a worker and says what it is doing until it is done.
    fn work(&mut self, what: String, job: Job) {
        self.info(format!("{what}…"));
        self.mode = Mode::Working(what, Box::new(Mode::Browse));
        self.jobs.push(job);
    }

    /// Says how far a worker is, in the notice line.
    pub fn progress(&mut self, text: String) {
        self.info(text);
    }

    fn error(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: true,
        });
    }

    fn info(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: false,
        });
    }

    /// The rows shown after the filter, newest first, unreadable files last.
    fn shown(&self) -> Vec<Row<'_>> {
        let needle = self.filter.text().trim().to_lowercase();
        let hit = |title: &str, file: &Path| {
            needle.is_empty()
                || title.to_lowercase().contains(&needle)
                || file_name(file).to_lowercase().contains(&needle)
        };
        self.sessions
            .iter()
            .filter(|s| hit(&s.theme, &s.file))
            .map(Row::Session)
            .chain(
                self.unreadable
                    .iter()
                    .filter(|u| hit("", &u.file))
                    .map(Row::Unreadable),
            )
            .collect()
    }

    /// Paths of the rows shown, for tests and for acting on the selection.
    pub fn shown_files(&self) -> Vec<PathBuf> {
        self.shown()
            .iter()
            .map(|r| r.file().to_path_buf())
            .collect()
    }

    pub fn handle(&mut self, event: &Event) {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.key(*key),
            Event::Paste(text) => match &mut self.mode {
                Mode::NewTheme(field) => field.paste(text),
                Mode::Merge(_, flow) => flow.paste(text),
                Mode::Filter => self.filter.paste(text),
                _ => {}
            },
            Event::Mouse(m) => {
                let len = self.shown().len();
                let r = self.rows;
                match m.kind {
                    MouseEventKind::ScrollDown => self.scroll.wheel(true, len, r.height as usize),
                    MouseEventKind::ScrollUp => self.scroll.wheel(false, len, r.height as usize),
                    MouseEventKind::Down(MouseButton::Left)
                        if m.row >= r.y && m.row < r.y + r.height =>
                    {
                        let n = self.scroll.offset + (m.row - r.y) as usize;
                        if n < len {
                            self.scroll.selected = n;
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }

    fn key(&mut self, key: KeyEvent) {
        let typed = matches!(&self.mode, Mode::NewTheme(field) if !field.is_empty());
        if let Some(ask) = self.asking {
            match key.code {
                KeyCode::Char('y' | 'Y') => {
                    self.asking = None;
                    self.mode = Mode::Browse;
                    self.quit = ask == Ask::Quit;
                }
                KeyCode::Char('n' | 'N') | KeyCode::Esc => {
                    self.asking = None;
                    self.info("Kept what you typed");
                }
                _ => {}
            }
            return;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            if typed {
                self.asking = Some(Ask::Quit);
            } else {
                self.quit = true;
            }
            return;
        }
        if typed && key.code == KeyCode::Esc {
            self.asking = Some(Ask::Discard);
            return;
        }
        match &mut self.mode {
            Mode::Working(what, _) => {
                let what = what.clone();
                self.info(format!("{what}: a moment, please"));
            }
            Mode::Merge(opened, flow) => {
                let sessions = store::sessions_dir(&self.data_dir);
                match flow.key(key, &opened.journal, &sessions) {
                    Next::Stay => {}
                    Next::Cancelled => {
                        self.mode = Mode::Browse;
                        self.info("Nothing was merged");
                    }
                    Next::Refused(why) => {
                        self.mode = Mode::Browse;
                        self.error(why);
                    }
                    Next::Read(path) => {
                        let main = Box::new(opened.journal.clone());
                        let request = Request::ReadCopy { path: path.clone() };
                        self.jobs.push(Job::ReadCopy {
                            request,
                            path,
                            main,
                        });
                    }
                    Next::Merge { file, merge } => {
                        let working = format!("Merging {file} in");
                        self.info(format!("{working}…"));
                        let working = Mode::Working(working, Box::new(Mode::Browse));
                        let Mode::Merge(opened, _) = std::mem::replace(&mut self.mode, working)
                        else {
                            unreachable!("matched above")
                        };
                        self.jobs.push(Job::MergeInto {
                            data_dir: self.data_dir.clone(),
                            opened,
                            merge,
                            file,
                            now: self.now,
                        });
                    }
                }
            }
            Mode::ConfirmDelete(path) => {
                let path = path.clone();
                self.mode = Mode::Browse;
                if matches!(key.code, KeyCode::Char('y' | 'Y')) {
                    self.trash(path);
                } else {
                    self.info("Kept it");
                }
            }
            Mode::NewTheme(field) => {
                if field.key(key) == FieldKey::Used {
                    return;
                }
                match key.code {
                    KeyCode::Esc => self.mode = Mode::Browse,
                    KeyCode::Enter => {
                        let theme = field.text();
                        self.create(theme);
                    }
                    _ => {}
                }
            }
            Mode::Filter => match key.code {
                KeyCode::Esc => {
                    self.filter.clear();
                    self.mode = Mode::Browse;
                }
                KeyCode::Enter | KeyCode::Down | KeyCode::Tab => self.mode = Mode::Browse,
                _ => {
                    self.filter.key(key);
                    self.scroll = Scroll::default();
                }
            },
            Mode::Browse => self.browse_key(key),
        }
    }

    fn browse_key(&mut self, key: KeyEvent) {
        let len = self.shown().len();
        if self.scroll.key(key.code, len, self.rows.height as usize) {
            return;
        }
        let selected = self.shown().get(self.scroll.selected).map(|r| match r {
            Row::Session(s) => (s.file.clone(), Some(s.theme.clone())),
            Row::Unreadable(u) => (u.file.clone(), None),
        });
        match key.code {
            KeyCode::Char('q') => self.quit = true,
            KeyCode::Esc if !self.filter.is_empty() => self.filter.clear(),
            KeyCode::Esc => self.quit = true,
            KeyCode::Char('/') => self.mode = Mode::Filter,
            KeyCode::Char('n') => {
                self.mode =
                    Mode::NewTheme(Box::new(Field::new("Theme: the question the day is about")))
            }
            KeyCode::Char('r') => self.jobs.push(Job::List {
                data_dir: self.data_dir.clone(),
            }),
            KeyCode::Enter | KeyCode::Char('d' | 'M') if selected.is_none() => {
                self.error("No session here yet: press n to start one")
            }
            KeyCode::Enter => {
                let (path, _) = selected.expect("checked");
                let what = format!("Opening {}", file_name(&path));
                self.work(
                    what,
                    Job::Open {
                        path,
                        to_merge: false,
                    },
                );
            }
            KeyCode::Char('f') => match selected {
                Some((file, Some(_))) => self.follow_up(&file),
                Some((_, None)) => {
                    self.error("That file cannot be read, so it cannot be followed up")
                }
                None => self.error("No session here yet: press n to start one"),
            },
            KeyCode::Char('d') => self.mode = Mode::ConfirmDelete(selected.expect("checked").0),
            KeyCode::Char('M') => {
                let (path, _) = selected.expect("checked");
                let what = format!("Opening {} to merge into", file_name(&path));
                self.work(
                    what,
                    Job::Open {
                        path,
                        to_merge: true,
                    },
                );
            }
            _ => {}
        }
    }

    /// Starts today's follow-up meeting of a session and opens it (the earlier file is only
    /// read). `convene follow-up --date` sets another date.
    fn follow_up(&mut self, file: &Path) {
        let job = Job::FollowUp {
            data_dir: self.data_dir.clone(),
            earlier: file.to_path_buf(),
            now: self.now,
        };
        self.work("Starting the follow-up meeting".into(), job);
    }

    /// Takes in what a worker gave.
    pub fn finished(&mut self, done: Done) {
        match done {
            Done::CopyRead(dry) => {
                if let Mode::Merge(_, flow) = &mut self.mode {
                    flow.read(*dry);
                }
            }
            Done::Finished(_, Ok(text)) => self.info(text),
            // A copy that cannot be read, unless the person has stopped waiting for it.
            Done::Finished(_, Err(why)) => {
                if matches!(self.mode, Mode::Merge(_, MergeCopy::Reading { .. })) {
                    self.mode = Mode::Browse;
                    self.error(why);
                }
            }
            Done::Opened(Err(why)) | Done::HeldOpen(Err(why)) => {
                self.stop_working();
                self.error(why);
            }
            Done::Opened(Ok((opened, said))) => {
                self.mode = Mode::Browse;
                if let Some(said) = said {
                    self.info(said);
                }
                self.chosen = Some(*opened);
            }
            Done::HeldOpen(Ok(opened)) => {
                self.notice = None;
                self.mode = Mode::Merge(opened, MergeCopy::start());
            }
            Done::Trashed(said, listing) => {
                self.mode = Mode::Browse;
                match said {
                    Ok(text) => self.info(text),
                    Err(why) => self.error(why),
                }
                self.listed(*listing);
            }
            Done::Listed(listing) => {
                self.listed(*listing);
                self.info("Reloaded");
            }
        }
    }

    /// Goes back to what was shown before the work that failed.
    fn stop_working(&mut self) {
        self.mode = match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Working(_, before) => *before,
            other => other,
        };
    }

    /// The theme is checked here, at once; the file is made on a worker. The form stays
    /// behind the work, with what was typed, in case the file cannot be made.
    fn create(&mut self, theme: String) {
        let journal = match Journal::create(self.now, &theme) {
            Ok(journal) => journal,
            Err(why) => return self.error(capitalise(&why.to_string())),
        };
        let form = std::mem::replace(&mut self.mode, Mode::Browse);
        self.work(
            format!("Creating “{theme}”"),
            Job::Create {
                data_dir: self.data_dir.clone(),
                journal: Box::new(journal),
                now: self.now,
            },
        );
        if let Mode::Working(_, before) = &mut self.mode {
            **before = form;
        }
    }

    fn trash(&mut self, path: PathBuf) {
        let what = self
            .sessions
            .iter()
            .find(|s| s.file == path)
            .map_or_else(|| file_name(&path), |s| format!("“{}”", s.theme));
        let job = Job::Trash {
            data_dir: self.data_dir.clone(),
            path,
            what: what.clone(),
        };
        self.work(format!("Moving {what} to the trash"), job);
    }
}

/// Runs the picker until a session is chosen (returned) or the user quits (`None`).
pub fn run(data_dir: &Path, theme: Theme) -> anyhow::Result<Option<Opened>> {
    let mut picker = Picker::new(data_dir, theme, Local::now().fixed_offset());
    let mut workers = Workers::default();
    let shown = super::with_terminal(|terminal| {
        let mut inputs = Inputs::with_keys();
        while picker.chosen.is_none() && !picker.quit {
            if crate::signals::stop_requested().is_some() {
                return Ok(());
            }
            for job in std::mem::take(&mut picker.jobs) {
                workers.start(job, inputs.sender());
            }
            picker.now = Local::now().fixed_offset();
            terminal.draw(|frame| picker.render(frame.area(), frame.buffer_mut()))?;
            // Nothing on the picker moves by itself: only an input wakes it.
            match inputs.next(IDLE) {
                Some(Input::Terminal(event)) => picker.handle(&event),
                Some(Input::TerminalFailed(e)) => return Err(e.into()),
                Some(Input::Progress(text)) => picker.progress(text),
                Some(Input::Done(done)) => picker.finished(done),
                Some(Input::Stop | Input::Saver | Input::Checked(_) | Input::Replay(_)) | None => {}
            }
        }
        Ok(())
    });
    // A merge being written is finished before its session is let go.
    workers.finish();
    shown?;
    Ok(picker.chosen)
}

/// How long the picker sleeps when nothing comes; it has no clock to redraw.
const IDLE: std::time::Duration = std::time::Duration::from_secs(1);
