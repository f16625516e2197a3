//! The session picker, shown by `convene` with no arguments: the sessions in the data
//! directory, newest first, filtered as you type; `n` starts one, Enter opens one, `d`
//! moves one to the trash after asking, `M` merges a copy into one and opens it, `f` starts
//! its follow-up meeting. It writes nothing itself: opening, creating and trashing go
//! through the store, merging and following up run on a worker (`ui::work`).

use super::app::{Ask, MIN_HEIGHT, MIN_WIDTH};
use super::input::{Input, Inputs};
use super::merge_copy::{MergeCopy, Step};
use super::pane::{Notice, Request, capitalise};
use super::text;
use super::theme::Theme;
use super::widgets::scroll::Scroll;
use super::widgets::wrap::{cell, cell_right};
use super::widgets::{Field, FieldKey, popup};
use super::work::{Done, Job, Workers};
use crate::model::Journal;
use crate::store::{self, Opened, Summary, Unreadable};
use chrono::{DateTime, FixedOffset, Local};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use std::path::{Path, PathBuf};

enum Mode {
    Browse,
    Filter,
    NewTheme(Box<Field>),
    ConfirmDelete(PathBuf),
    /// Merging a copy into the selected session, which is held open (locked) meanwhile.
    Merge(Box<Opened>, MergeCopy),
    /// Waiting for a worker (merging, starting a follow-up): what it is doing.
    Working(String),
}

/// One row: a readable session, or a file that could not be read (shown, not hidden).
enum Row<'a> {
    Session(&'a Summary),
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
    sessions: Vec<Summary>,
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

    /// Reads the sessions folder again.
    pub fn reload(&mut self) {
        match store::list(&store::sessions_dir(&self.data_dir)) {
            Ok((good, bad)) => {
                self.sessions = good;
                self.unreadable = bad;
            }
            Err(e) => self.error(format!(
                "Cannot read {}: {e}",
                store::sessions_dir(&self.data_dir).display()
            )),
        }
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
            Mode::Working(what) => {
                let what = what.clone();
                self.info(format!("{what}: a moment, please"));
            }
            Mode::Merge(opened, flow) => {
                let sessions = store::sessions_dir(&self.data_dir);
                match flow.key(key, &opened.journal, &sessions) {
                    Step::Stay => {}
                    Step::Cancelled => {
                        self.mode = Mode::Browse;
                        self.info("Nothing was merged");
                    }
                    Step::Refused(why) => {
                        self.mode = Mode::Browse;
                        self.error(why);
                    }
                    Step::Read(path) => {
                        let main = Box::new(opened.journal.clone());
                        let request = Request::ReadCopy { path: path.clone() };
                        self.jobs.push(Job::ReadCopy {
                            request,
                            path,
                            main,
                        });
                    }
                    Step::Merge { file, merge } => {
                        let working = format!("Merging {file} in");
                        self.info(format!("{working}…"));
                        let Mode::Merge(opened, _) =
                            std::mem::replace(&mut self.mode, Mode::Working(working))
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
                    self.trash(&path);
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
                        self.create(&theme);
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
            KeyCode::Char('r') => {
                self.reload();
                self.info("Reloaded");
            }
            KeyCode::Enter | KeyCode::Char('d' | 'M') if selected.is_none() => {
                self.error("No session here yet: press n to start one")
            }
            KeyCode::Enter => {
                let (file, _) = selected.expect("checked");
                match store::open(&file) {
                    Ok(opened) => self.chosen = Some(opened),
                    Err(e) => self.error(e.to_string()),
                }
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
                let (file, _) = selected.expect("checked");
                match store::open(&file) {
                    Ok(opened) => self.mode = Mode::Merge(Box::new(opened), MergeCopy::start()),
                    Err(e) => self.error(e.to_string()),
                }
            }
            _ => {}
        }
    }

    /// Starts today's follow-up meeting of a session and opens it (the earlier file is only
    /// read). `convene follow-up --date` sets another date.
    fn follow_up(&mut self, file: &Path) {
        self.mode = Mode::Working("Starting the follow-up meeting".into());
        self.info("Starting the follow-up meeting…");
        self.jobs.push(Job::FollowUp {
            data_dir: self.data_dir.clone(),
            earlier: file.to_path_buf(),
            now: self.now,
        });
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
            Done::Finished(_, Err(why)) | Done::Opened(Err(why)) => {
                self.mode = Mode::Browse;
                self.error(why);
            }
            Done::Opened(Ok((opened, said))) => {
                self.mode = Mode::Browse;
                if let Some(said) = said {
                    self.info(said);
                }
                self.chosen = Some(*opened);
            }
        }
    }

    fn create(&mut self, theme: &str) {
        let journal = match Journal::create(self.now, theme) {
            Ok(journal) => journal,
            Err(why) => return self.error(capitalise(&why.to_string())),
        };
        match store::create(&self.data_dir, journal, self.now) {
            Ok(opened) => self.chosen = Some(opened),
            Err(e) => self.error(e.to_string()),
        }
    }

    fn trash(&mut self, path: &Path) {
        match store::trash(&self.data_dir, path) {
            Ok(to) => {
                let what = self
                    .sessions
                    .iter()
                    .find(|s| s.file == path)
                    .map_or_else(|| file_name(path), |s| format!("“{}”", s.theme));
                self.info(format!("Moved {what} to the trash: {}", to.display()));
            }
            Err(e) => self.error(e.to_string()),
        }
        self.reload();
    }

    pub fn render(&mut self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        buf.set_style(area, t.base);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let text = format!(
                "Make the window larger: at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{})",
                area.width, area.height
            );
            Paragraph::new(text)
                .style(t.warn)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let inner = Rect {
            x: area.x + 2,
            width: area.width - 4,
            ..area
        };
        let w = inner.width as usize;
        let footer_h: u16 = if matches!(self.mode, Mode::Filter) {
            4
        } else {
            1
        };
        let top = if area.height >= 36 { 2 } else { 1 };
        let count = self.sessions.len();
        let heading = format!(
            "Convene · {count} session{} · newest first",
            if count == 1 { "" } else { "s" }
        );
        Line::styled(text::fit(&heading, w), t.accent).render(
            Rect {
                y: inner.y + top - 1,
                height: 1,
                ..inner
            },
            buf,
        );
        let wide = w >= 120;
        let (date_w, date_format, counts_w) = if wide {
            (21, "%a %d %b %Y %H:%M", 36)
        } else {
            (16, "%Y-%m-%d %H:%M", 22)
        };
        let theme_w = w.saturating_sub(2 + date_w + 2 + counts_w + 2);
        let header = format!(
            "  {}  {}  {}",
            cell("Theme", theme_w),
            cell("Last saved", date_w),
            cell_right("Size", counts_w)
        );
        Line::styled(header, t.dim).render(
            Rect {
                y: inner.y + top,
                height: 1,
                ..inner
            },
            buf,
        );
        let bottom = inner.y + inner.height - 2 - footer_h;
        let list = Rect {
            y: inner.y + top + 1,
            height: bottom.saturating_sub(inner.y + top + 1),
            ..inner
        };
        let row_h: u16 = if list.height >= 30 { 2 } else { 1 };
        let shown = self.shown();
        let mut scroll = self.scroll;
        let page = (list.height / row_h).max(1) as usize;
        let range = scroll.fit(shown.len(), page);
        if shown.is_empty() {
            let text = if self.sessions.is_empty() && self.unreadable.is_empty() {
                "No sessions yet. Press n to start one.".to_string()
            } else {
                format!(
                    "No session matches “{}”. Esc clears the filter.",
                    self.filter.text()
                )
            };
            Line::styled(text::fit(&text, w), t.accent).render(Rect { height: 1, ..list }, buf);
        }
        for (row, n) in range.enumerate() {
            let r = Rect {
                y: list.y + row as u16 * row_h,
                height: 1,
                ..list
            };
            let selected = n == scroll.selected;
            let mark = if selected { "▶ " } else { "  " };
            let line = match &shown[n] {
                Row::Session(s) => {
                    let mut counts = format!(
                        "{} · {}",
                        plural(s.participants, "person", "people"),
                        plural(s.issues, "issue", "issues")
                    );
                    if wide {
                        counts.push_str(&format!(" · {}", plural(s.leads, "lead", "leads")));
                    }
                    format!(
                        "{mark}{}  {}  {}",
                        cell(&s.theme, theme_w),
                        cell(&s.saved_at.format(date_format).to_string(), date_w),
                        cell_right(&counts, counts_w)
                    )
                }
                Row::Unreadable(u) => format!(
                    "{mark}{}  {}",
                    cell(&shown[n].title(), theme_w),
                    cell(
                        &format!("cannot read: {}", u.reason),
                        w.saturating_sub(4 + theme_w)
                    )
                ),
            };
            let style = match (&shown[n], selected) {
                (_, true) => t.selected,
                (Row::Unreadable(_), false) => t.dim,
                _ => t.base,
            };
            buf.set_style(r, style);
            Line::styled(line, style).render(r, buf);
        }
        drop(shown);
        self.scroll = scroll;
        self.rows = Rect {
            height: page as u16 * row_h,
            ..list
        };
        self.render_footer(inner, footer_h, buf);
        if let Mode::ConfirmDelete(path) = &self.mode {
            let name = self
                .sessions
                .iter()
                .find(|s| &s.file == path)
                .map_or_else(|| file_name(path), |s| s.theme.clone());
            let r = popup::centred(area, 64, 6);
            let inside = popup::frame(r, buf, &t, "Move to the trash?");
            let lines = vec![
                Line::styled(
                    text::fit(&format!("“{name}”"), inside.width as usize),
                    t.title,
                ),
                Line::styled("goes to the trash folder in the data directory.", t.base),
                Line::styled("y move it · any other key keeps it", t.accent),
            ];
            Paragraph::new(lines).render(inside, buf);
        }
        if let Mode::Merge(_, flow) = &mut self.mode {
            flow.render(area, buf, &t);
        }
        if let Mode::NewTheme(field) = &mut self.mode {
            let r = popup::centred(area, (area.width * 4 / 5).max(60), 7);
            let inside = popup::frame(r, buf, &t, "New session");
            field.render(
                Rect {
                    height: 4,
                    ..inside
                },
                buf,
                &t,
                true,
            );
            let (hint, style) = match self.asking {
                Some(ask) => (ask.question(), t.alarm),
                None => ("Enter create and open · Esc cancel", t.dim),
            };
            Line::styled(hint, style).render(
                Rect {
                    y: inside.y + inside.height.saturating_sub(1),
                    height: 1,
                    ..inside
                },
                buf,
            );
        }
    }

    fn render_footer(&mut self, inner: Rect, footer_h: u16, buf: &mut Buffer) {
        let t = self.theme;
        let w = inner.width as usize;
        let y = inner.y + inner.height - 2 - footer_h;
        let footer = Rect {
            y,
            height: footer_h,
            ..inner
        };
        if matches!(self.mode, Mode::Filter) {
            self.filter.render(footer, buf, &t, true);
        } else if !self.filter.is_empty() {
            let text = format!("Filter “{}” · Esc clears", text::clean(&self.filter.text()));
            Line::styled(text::fit(&text, w), t.accent).render(footer, buf);
        }
        let notice = Rect {
            y: y + footer_h,
            height: 1,
            ..inner
        };
        if let Some(n) = &self.notice {
            let (style, mark) = if n.error {
                (t.alarm, "✗ ")
            } else {
                (t.accent, "✓ ")
            };
            Line::styled(text::fit(&format!("{mark}{}", n.text), w), style).render(notice, buf);
        }
        let keys = Rect {
            y: y + footer_h + 1,
            height: 1,
            ..inner
        };
        let hint = match self.mode {
            Mode::Filter => "type to filter · Enter keep · Esc clear",
            _ => "Enter open · n new · f follow-up · M merge in · d trash · / filter · q quit",
        };
        Line::from(Span::styled(text::fit(hint, w), t.dim)).render(keys, buf);
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
                Some(Input::Progress(text)) => picker.info(text),
                Some(Input::Done(done)) => picker.finished(done),
                Some(Input::Stop | Input::Saver | Input::Checked(_)) | None => {}
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
