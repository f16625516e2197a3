//! The app: which pane is showing, the keys every pane shares (switch pane, undo, redo,
//! help, present mode, quit), and the chrome around the panes. Keys become changes through
//! the panes and `Cx::record`; the screen is drawn from the session afterwards.

use super::keys::{Global, Keymap, QUIT_ANYWHERE};
use super::pane::{Cx, Handled, KeyHelp, Notice, Outcome, Pane, Request, View, capitalise};
use super::panes::{
    AgendaPane, ClosingPane, IssuesPane, LeadsPane, OpeningPane, ProgressPane, VotePane,
};
use super::theme::Theme;
use crate::model::describe::describe_step;
use crate::model::{Change, Event, Journal};
use crate::store::SaveState;
use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event as TermEvent, KeyCode, KeyEvent, KeyEventKind, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Below this the app asks for a larger window instead of drawing a broken screen.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaneId {
    Opening,
    Issues,
    Agenda,
    Vote,
    Leads,
    Closing,
    /// Only in a follow-up meeting.
    Progress,
}

impl PaneId {
    pub const ALL: [PaneId; 7] = [
        PaneId::Opening,
        PaneId::Issues,
        PaneId::Agenda,
        PaneId::Vote,
        PaneId::Leads,
        PaneId::Closing,
        PaneId::Progress,
    ];

    /// The panes a session has: a follow-up meeting adds Progress.
    pub fn shown(session: &crate::model::Session) -> &'static [PaneId] {
        if session.follow_up.is_some() {
            &PaneId::ALL
        } else {
            &PaneId::ALL[..6]
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            PaneId::Opening => "Opening",
            PaneId::Issues => "Issues",
            PaneId::Agenda => "Agenda",
            PaneId::Vote => "Vote",
            PaneId::Leads => "Leads",
            PaneId::Closing => "Closing",
            PaneId::Progress => "Progress",
        }
    }

    fn index(self) -> usize {
        PaneId::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// A question the app asks before typed text is thrown away: the same words in every
/// pane, whatever form or editor holds the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// `Esc` in a form holding typed text.
    Discard,
    /// `q` or `Ctrl-c` while a form holds typed text.
    Quit,
}

impl Ask {
    pub fn question(self) -> &'static str {
        match self {
            Ask::Discard => "Discard what you typed? y/n",
            Ask::Quit => "Discard what you typed and quit? y/n",
        }
    }
}

pub struct Panes {
    pub opening: OpeningPane,
    pub issues: IssuesPane,
    pub agenda: AgendaPane,
    pub vote: VotePane,
    pub leads: LeadsPane,
    pub closing: ClosingPane,
    pub progress: ProgressPane,
}

impl Panes {
    fn get(&mut self, id: PaneId) -> &mut dyn Pane {
        match id {
            PaneId::Opening => &mut self.opening,
            PaneId::Issues => &mut self.issues,
            PaneId::Agenda => &mut self.agenda,
            PaneId::Vote => &mut self.vote,
            PaneId::Leads => &mut self.leads,
            PaneId::Closing => &mut self.closing,
            PaneId::Progress => &mut self.progress,
        }
    }
}

pub struct App {
    pub journal: Journal,
    /// A short name for the session (its file name), shown in the status bar.
    pub name: String,
    pub pane: PaneId,
    pub panes: Panes,
    pub theme: Theme,
    pub notice: Option<Notice>,
    pub save_state: SaveState,
    pub present: bool,
    pub help: bool,
    /// How far help is scrolled, where it is too long for the screen.
    help_scroll: usize,
    pub read_only: bool,
    /// The file's log is still being checked (see `store::Opening`): view-only until then.
    pub checking: bool,
    pub quit: bool,
    /// The time used for new events and the clock; set by the event loop (or a test).
    pub now: DateTime<FixedOffset>,
    /// Events recorded since the loop last handed them to the saver.
    pub outbox: Vec<Event>,
    /// Work the panes asked of the event loop (writing the proceedings), in order.
    pub requests: Vec<Request>,
    /// A pane asked for the terminal bell; the event loop rings it and clears this.
    pub bell: bool,
    /// Keys of a mode wrapping the app (replay): listed first in help under this title,
    /// and their main ones shown in the status bar instead of the pane's.
    pub mode_keys: Option<(&'static str, Vec<KeyHelp>)>,
    /// Pane keys the wrapping mode takes for itself (replay's Space, +/-): left out of help.
    pub shadowed: &'static [&'static str],
    /// The keys every pane shares.
    global_keys: Keymap<Global>,
    /// Set when `q` was pressed while the last save had failed: a second `q` quits anyway.
    quit_armed: bool,
    /// Waiting for y or n before typed text is thrown away.
    pub asking: Option<Ask>,
    /// Where the pane body was last drawn, for mouse clicks.
    body: Rect,
    tabs: Rect,
}

impl App {
    pub fn new(journal: Journal, name: String, theme: Theme, now: DateTime<FixedOffset>) -> App {
        // A follow-up meeting is about the plan it carries: it opens on the review.
        let pane = match journal.session.follow_up {
            Some(_) => PaneId::Progress,
            None => PaneId::Opening,
        };
        App {
            journal,
            name,
            pane,
            panes: Panes {
                opening: OpeningPane::default(),
                issues: IssuesPane::default(),
                agenda: AgendaPane::default(),
                vote: VotePane::default(),
                leads: LeadsPane::default(),
                closing: ClosingPane::default(),
                progress: ProgressPane::default(),
            },
            theme,
            notice: None,
            save_state: SaveState::Saved,
            present: false,
            help: false,
            help_scroll: 0,
            read_only: false,
            checking: false,
            quit: false,
            now,
            outbox: vec![],
            requests: vec![],
            bell: false,
            mode_keys: None,
            shadowed: &[],
            global_keys: Keymap::default(),
            quit_armed: false,
            asking: None,
            body: Rect::default(),
            tabs: Rect::default(),
        }
    }

    fn cx(&mut self) -> (Cx<'_>, &mut Panes) {
        (
            Cx {
                journal: &mut self.journal,
                outbox: &mut self.outbox,
                requests: &mut self.requests,
                notice: &mut self.notice,
                now: self.now,
                read_only: self.read_only,
                checking: self.checking,
                bell: &mut self.bell,
            },
            &mut self.panes,
        )
    }

    /// Hands the outcome of a request back to the pane that asked, and says it below.
    pub fn finished(&mut self, request: &Request, outcome: Outcome) {
        match request {
            Request::WriteProceedings { .. } => self.panes.closing.finished(&outcome),
            // Only a copy that cannot be merged comes back here (see `App::work_done`).
            Request::ReadCopy { .. } => self.panes.closing.copy_refused(),
        }
        self.notice = Some(match outcome {
            Ok(text) => Notice { text, error: false },
            Err(text) => Notice { text, error: true },
        });
    }

    /// "Reports please: …" while the running slot nears its end with reports missing.
    pub fn reminder(&self) -> Option<String> {
        if self.read_only {
            return None;
        }
        let n = self
            .panes
            .agenda
            .reports_due(&self.journal.session, self.now)?;
        Some(format!(
            "Reports please: {n} session{} in this slot",
            if n == 1 { "" } else { "s" }
        ))
    }

    /// True while the current pane owns the keyboard (a form is open).
    pub fn capturing(&mut self) -> bool {
        self.panes.get(self.pane).capturing()
    }

    /// Lets every pane follow the clock. Returns true if something needs redrawing.
    pub fn tick(&mut self) -> bool {
        let (mut cx, panes) = self.cx();
        let mut changed = false;
        for id in PaneId::ALL {
            changed |= panes.get(id).tick(&mut cx);
        }
        changed
    }

    /// Handles one terminal event. Returns true if the screen should be redrawn.
    pub fn handle(&mut self, event: &TermEvent) -> bool {
        match event {
            TermEvent::Key(key) if key.kind == KeyEventKind::Press => {
                self.key(*key);
                true
            }
            TermEvent::Paste(text) => {
                let pane = self.pane;
                let (mut cx, panes) = self.cx();
                panes.get(pane).paste(text, &mut cx);
                true
            }
            TermEvent::Mouse(mouse) => self.mouse(*mouse),
            TermEvent::Resize(..) => true,
            _ => false,
        }
    }

    pub fn key(&mut self, key: KeyEvent) {
        let (pane, present) = (self.pane, self.present);
        self.key_inner(key);
        if self.present && (!present || self.pane != pane) {
            self.panes.get(self.pane).present_opened();
        }
    }

    fn key_inner(&mut self, key: KeyEvent) {
        if self.help {
            // Help that does not fit scrolls; any other key closes it.
            match key.code {
                KeyCode::Up | KeyCode::Char('k') => {
                    self.help_scroll = self.help_scroll.saturating_sub(1)
                }
                KeyCode::Down | KeyCode::Char('j') => self.help_scroll += 1,
                KeyCode::PageUp => self.help_scroll = self.help_scroll.saturating_sub(10),
                KeyCode::PageDown => self.help_scroll += 10,
                _ => self.help = false,
            }
            return;
        }
        if let Some(ask) = self.asking {
            self.answer(ask, key);
            return;
        }
        if QUIT_ANYWHERE.matches(&key) {
            self.request_quit();
            return;
        }
        let global = self.global_keys.find(&key).map(|(_, action)| action);
        let pane = self.pane;
        let present = self.present;
        let (mut cx, panes) = self.cx();
        let target = panes.get(pane);
        let capturing = target.capturing();
        if key.code == KeyCode::Esc && capturing && target.unsaved() {
            self.asking = Some(Ask::Discard);
            return;
        }
        if present && !capturing && target.present_key(key, &mut cx) == Handled::Yes {
            return;
        }
        if target.key(key, &mut cx) == Handled::Yes || capturing {
            if global != Some(Global::Quit) {
                self.quit_armed = false;
            }
            return;
        }
        // Undo and redo are not refused here like a pane's keys: they say why themselves
        // (the file is being checked, nothing to undo, replay is read-only).
        match global {
            Some(Global::Quit) => self.request_quit(),
            Some(Global::GoTo(n)) => {
                let shown = PaneId::shown(&self.journal.session);
                if let Some(id) = shown.get(n) {
                    self.pane = *id;
                }
            }
            Some(Global::Next) => self.cycle(1),
            Some(Global::Previous) => self.cycle(PaneId::shown(&self.journal.session).len() - 1),
            Some(Global::Help) => {
                self.help = true;
                self.help_scroll = 0;
            }
            Some(Global::Present) => self.present = !self.present,
            Some(Global::Undo) => self.undo_redo(Change::Undo),
            Some(Global::Redo) => self.undo_redo(Change::Redo),
            // Esc is the way back out of the room's view rather than a command of its own.
            None if key.code == KeyCode::Esc && self.present => self.present = false,
            None => {}
        }
    }

    fn cycle(&mut self, by: usize) {
        let shown = PaneId::shown(&self.journal.session);
        self.pane = shown[(self.pane.index() + by) % shown.len()];
    }

    fn undo_redo(&mut self, change: Change) {
        if self.checking {
            self.notice = Some(Notice {
                text: super::pane::CHECKING.into(),
                error: true,
            });
            return;
        }
        let undo = change == Change::Undo;
        let target = if undo {
            self.journal.session.undo_target()
        } else {
            self.journal.session.redo_target()
        };
        let Some(target) = target.map(<[Change]>::to_vec) else {
            self.notice = Some(Notice {
                text: if undo {
                    "Nothing to undo"
                } else {
                    "Nothing to redo"
                }
                .into(),
                error: true,
            });
            return;
        };
        // Describe the change as it reads in the session where it happens.
        let what = describe_step(&self.journal.session, &target);
        let (mut cx, _) = self.cx();
        if cx.record(change) {
            let verb = if undo { "Undone" } else { "Redone" };
            cx.info(format!("{verb}: {what}"));
        }
    }

    /// True when a form in any pane holds typed text that is not saved.
    pub fn unsaved(&mut self) -> bool {
        PaneId::ALL.iter().any(|&id| self.panes.get(id).unsaved())
    }

    fn answer(&mut self, ask: Ask, key: KeyEvent) {
        match key.code {
            KeyCode::Char('y' | 'Y') => {
                self.asking = None;
                match ask {
                    Ask::Discard => {
                        self.panes.get(self.pane).discard();
                        self.info("Discarded what you typed");
                    }
                    Ask::Quit => {
                        for id in PaneId::ALL {
                            self.panes.get(id).discard();
                        }
                        self.request_quit();
                    }
                }
            }
            KeyCode::Char('n' | 'N') | KeyCode::Esc => {
                self.asking = None;
                self.info("Kept what you typed");
            }
            // Anything else would be a guess: the question stays until y or n.
            _ => {}
        }
    }

    fn info(&mut self, text: &str) {
        self.notice = Some(Notice {
            text: text.into(),
            error: false,
        });
    }

    fn request_quit(&mut self) {
        if self.unsaved() {
            self.asking = Some(Ask::Quit);
            return;
        }
        if matches!(self.save_state, SaveState::Failed(_)) && !self.quit_armed {
            self.quit_armed = true;
            self.notice = Some(Notice {
                text: "Not saved! Fix the cause shown below, or press q again to quit and lose the unsaved changes".into(),
                error: true,
            });
            return;
        }
        self.quit = true;
    }

    fn mouse(&mut self, mouse: MouseEvent) -> bool {
        let inside = |r: Rect| {
            mouse.column >= r.x
                && mouse.column < r.x + r.width
                && mouse.row >= r.y
                && mouse.row < r.y + r.height
        };
        if let MouseEventKind::Down(_) = mouse.kind
            && inside(self.tabs)
        {
            // Tabs are drawn as equal-width cells, so the column says which was clicked.
            let shown = PaneId::shown(&self.journal.session);
            let cell = (self.tabs.width / shown.len() as u16).max(1);
            let n = ((mouse.column - self.tabs.x) / cell) as usize;
            if let Some(id) = shown.get(n) {
                self.pane = *id;
            }
            return true;
        }
        if inside(self.body) {
            let (pane, body) = (self.pane, self.body);
            let (mut cx, panes) = self.cx();
            return panes.get(pane).mouse(mouse, body, &mut cx) == Handled::Yes;
        }
        false
    }

    /// Draws the whole screen.
    pub fn render(&mut self, area: Rect, buf: &mut Buffer) {
        super::paint::style(buf, area, self.theme.base);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(area, buf, &self.theme);
            return;
        }
        let theme = self.theme;
        let reminder = self.reminder();
        let view = View {
            session: &self.journal.session,
            theme: &theme,
            now: self.now,
            read_only: self.read_only,
        };
        let pane = self.panes.get(self.pane);
        let mut keys = pane.keys();
        if self.read_only {
            // Replay lists only the keys that work there.
            keys.retain(|k| !k.edits);
        }
        keys.retain(|k| !self.shadowed.contains(&k.keys));
        let help_area = if self.present {
            // The room reads this screen, but a failed save must still catch the
            // facilitator's eye.
            let failed = match &self.save_state {
                SaveState::Failed(why) if !self.read_only => Some(why),
                _ => None,
            };
            let [shown, remind, alarm] = Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length(u16::from(reminder.is_some())),
                Constraint::Length(u16::from(failed.is_some())),
            ])
            .areas(area);
            pane.render_present(shown, buf, &view);
            if let Some(text) = &reminder {
                render_reminder(text, remind, buf, &theme);
            }
            if let Some(ask) = self.asking {
                let bottom = Rect {
                    y: area.y + area.height - 1,
                    height: 1,
                    ..area
                };
                render_question(ask, bottom, buf, &theme);
            }
            if let Some(why) = failed {
                let notice = Notice {
                    text: format!("NOT SAVED: {why} · f shows the status bar"),
                    error: true,
                };
                render_notice(Some(&notice), false, alarm, buf, &theme);
            }
            area
        } else {
            let [tabs, body, notice, status] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Fill(1),
                Constraint::Length(1),
                Constraint::Length(1),
            ])
            .areas(area);
            self.tabs = tabs;
            self.body = body;
            pane.render(body, buf, &view);
            render_tabs(
                self.pane,
                PaneId::shown(&self.journal.session),
                tabs,
                buf,
                &theme,
            );
            let unsaved = matches!(self.save_state, SaveState::Failed(_));
            match self.asking {
                Some(ask) => render_question(ask, notice, buf, &theme),
                None => render_notice(self.notice.as_ref(), unsaved, notice, buf, &theme),
            }
            let bar_keys = match &self.mode_keys {
                Some((_, mode)) => mode.as_slice(),
                None => keys.as_slice(),
            };
            self.render_status(bar_keys, reminder.as_deref(), status, buf);
            body
        };
        if self.help {
            super::help::render(
                super::help::Listed {
                    pane_title: self.pane.title(),
                    keys: &keys,
                    global: &self.global_keys.help(),
                    mode: self.mode_keys.as_ref(),
                    read_only: self.read_only,
                    panes: PaneId::shown(&self.journal.session).len(),
                },
                help_area,
                buf,
                &theme,
                &mut self.help_scroll,
            );
        }
    }

    fn render_status(
        &self,
        keys: &[KeyHelp],
        reminder: Option<&str>,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let t = &self.theme;
        buf.set_style(area, t.bar);
        let (save, save_style) = match &self.save_state {
            SaveState::Saved => ("✓ saved".to_string(), t.bar),
            SaveState::Saving => ("… saving".to_string(), t.bar),
            SaveState::Failed(why) => (format!("✗ NOT SAVED: {why}"), t.alarm),
        };
        let save = if self.read_only {
            "REPLAY (read-only)".to_string()
        } else if self.checking {
            "… checking the file".to_string()
        } else {
            save
        };
        let clock = self.now.format("%H:%M").to_string();
        let mut hints: Vec<String> = keys
            .iter()
            .filter(|k| k.main)
            .map(|k| format!("{} {}", k.keys, k.what))
            .collect();
        hints.push("? help".into());
        let right = format!(" {save} │ {clock} ");
        let right_w = super::text::width(&right) as u16;
        let pane = format!(" {} │ ", self.pane.title());
        let budget = area.width.saturating_sub(right_w) as usize;
        let left = if reminder.is_some() {
            // The reminder needs the room more than the theme does.
            format!(" {}", pane.trim_start())
        } else {
            let theme_w = (budget / 3).clamp(8, 40);
            let theme_text = super::text::fit(&self.journal.session.theme, theme_w);
            format!(" {theme_text} │{pane}")
        };
        let room = budget.saturating_sub(super::text::width(&left));
        // The reminder takes the place of the hints: it is what matters now.
        let line = match reminder {
            Some(text) => Line::from(vec![
                Span::styled(left, t.bar),
                Span::styled(super::text::fit(&format!(" ⏰ {text} "), room), t.alarm),
            ]),
            None => Line::from(vec![
                Span::styled(left, t.bar),
                Span::styled(super::text::fit(&hints.join("  "), room), t.bar),
            ]),
        };
        line.render(area, buf);
        let right_area = Rect {
            x: area.x + area.width.saturating_sub(right_w),
            width: right_w.min(area.width),
            ..area
        };
        Line::from(Span::styled(right, save_style)).render(right_area, buf);
    }
}

fn render_tabs(current: PaneId, shown: &[PaneId], area: Rect, buf: &mut Buffer, t: &Theme) {
    let cell = area.width / shown.len() as u16;
    for (n, id) in shown.iter().enumerate() {
        let x = area.x + cell * n as u16;
        let r = Rect {
            x,
            width: cell,
            ..area
        };
        let selected = *id == current;
        let label = if selected {
            format!("▶ {} {}", n + 1, id.title())
        } else {
            format!("  {} {}", n + 1, id.title())
        };
        let style = if selected { t.selected } else { t.dim };
        buf.set_style(r, style);
        Line::from(Span::styled(super::text::fit(&label, cell as usize), style)).render(r, buf);
    }
}

/// The reminder at the foot of the room's screen, centred in reverse video.
fn render_reminder(text: &str, area: Rect, buf: &mut Buffer, t: &Theme) {
    buf.set_style(area, t.selected);
    let text = super::text::fit(&format!("⏰ {text}"), area.width as usize);
    Line::styled(text, t.selected)
        .alignment(ratatui::layout::Alignment::Center)
        .render(area, buf);
}

/// The notice line. While saves fail, a change the room just made is not yet safe, so its
/// notice loses the tick and says so rather than contradict the status bar.
fn render_notice(notice: Option<&Notice>, unsaved: bool, area: Rect, buf: &mut Buffer, t: &Theme) {
    if let Some(n) = notice {
        let (style, mark, tail) = match (n.error, unsaved) {
            (true, _) => (t.alarm, "✗ ", ""),
            (false, true) => (t.warn, "• ", " (not saved yet)"),
            (false, false) => (t.accent, "✓ ", ""),
        };
        let text = super::text::fit(&format!(" {mark}{}{tail}", n.text), area.width as usize);
        buf.set_style(area, if n.error { t.alarm } else { t.base });
        Line::from(Span::styled(text, style)).render(area, buf);
    }
}

fn render_question(ask: Ask, area: Rect, buf: &mut Buffer, t: &Theme) {
    buf.set_style(area, t.alarm);
    let text = super::text::fit(&format!(" ? {}", ask.question()), area.width as usize);
    Line::from(Span::styled(text, t.alarm)).render(area, buf);
}

fn too_small(area: Rect, buf: &mut Buffer, t: &Theme) {
    let text = format!(
        "Make the window larger: at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{})",
        area.width, area.height
    );
    Paragraph::new(capitalise(&text))
        .style(t.warn)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
