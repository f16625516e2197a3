//! The app: which pane is showing and what every pane shares. This module holds the state
//! and hands events out; the keys every pane shares (`global`), the question before typed
//! text is lost (`ask`), and the chrome drawn around the panes (`draw`, `status`) each
//! have a module of their own. Keys become changes through the panes and `Cx::record`;
//! the screen is drawn from the session afterwards.

mod ask;
mod draw;
mod global;
mod status;

pub use ask::Ask;

use super::keys::{Global, Keymap};
use super::pane::{Cx, KeyHelp, Notice, Outcome, Pane, Request};
use super::panes::{
    AgendaPane, ClosingPane, IssuesPane, LeadsPane, OpeningPane, ProgressPane, VotePane,
};
use super::theme::Theme;
use crate::model::{Event, Journal};
use crate::store::SaveState;
use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::{Event as TermEvent, KeyEventKind};
use ratatui::layout::Rect;

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
    /// The notice says how far work on a worker is: the work's result replaces it.
    pub(super) progress_shown: bool,
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
            progress_shown: false,
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

    /// True when a form in any pane holds typed text that is not saved.
    pub fn unsaved(&mut self) -> bool {
        PaneId::ALL.iter().any(|&id| self.panes.get(id).unsaved())
    }
}
