//! What every pane offers the app: handle a key, draw itself, and say which keys it has.
//! Panes never change the session themselves: they ask `Cx::record`, which goes through
//! the domain's rules and queues the event for saving.

use super::theme::Theme;
use crate::model::{Change, Event, Journal, Session};
use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyEvent, MouseEvent};
use ratatui::layout::Rect;
use std::path::PathBuf;

/// A notice at the foot of the screen: what just happened, or why it did not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// One key of a pane, for the help screen and the status bar: a row of the pane's key
/// table (`keys::Binding::key_help`), or a key of a form that reads typing itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyHelp {
    pub keys: &'static str,
    pub what: &'static str,
    /// Shown in the status bar too, not only in help.
    pub main: bool,
    /// The key changes the session (or opens a form that does): replay, being read-only,
    /// leaves it out of help and the status bar.
    pub edits: bool,
}

impl KeyHelp {
    pub const fn main(keys: &'static str, what: &'static str) -> KeyHelp {
        KeyHelp {
            keys,
            what,
            main: true,
            edits: false,
        }
    }
    pub const fn more(keys: &'static str, what: &'static str) -> KeyHelp {
        KeyHelp {
            keys,
            what,
            main: false,
            edits: false,
        }
    }
    /// Marks a key that changes the session.
    pub const fn edits(self) -> KeyHelp {
        KeyHelp {
            edits: true,
            ..self
        }
    }
}

/// Work a pane asks of the event loop because the UI never touches files itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Write every file of the proceedings into `dir` (anonymous versions too if asked).
    WriteProceedings { dir: PathBuf, anonymous: bool },
    /// Read the copy at `path` and work out what merging it in would bring.
    ReadCopy { path: PathBuf },
}

/// How a request went, handed back to the pane that asked.
pub type Outcome = Result<String, String>;

/// What a pane may do while handling input.
pub struct Cx<'a> {
    pub(super) journal: &'a mut Journal,
    pub(super) outbox: &'a mut Vec<Event>,
    pub(super) requests: &'a mut Vec<Request>,
    pub(super) notice: &'a mut Option<Notice>,
    pub now: DateTime<FixedOffset>,
    pub read_only: bool,
    /// The file's log is still being checked: the session is view-only until then.
    pub checking: bool,
    /// Set to ring the terminal bell once (e.g. a timer reaching zero).
    pub bell: &'a mut bool,
}

impl Cx<'_> {
    pub fn session(&self) -> &Session {
        &self.journal.session
    }

    /// Records a change through the domain. On refusal the reason becomes the notice and
    /// `false` is returned, so the pane can keep the user's input for another try.
    pub fn record(&mut self, change: Change) -> bool {
        if let Some(why) = self.view_only() {
            self.error(why);
            return false;
        }
        match self.journal.record(self.now, change) {
            Ok(event) => {
                self.outbox.push(event.clone());
                true
            }
            Err(why) => {
                self.error(capitalise(&why.to_string()));
                false
            }
        }
    }

    /// Why nothing can be changed now, if so.
    pub fn view_only(&self) -> Option<&'static str> {
        if self.read_only {
            Some("replay is read-only")
        } else if self.checking {
            Some(CHECKING)
        } else {
            None
        }
    }

    /// Records several changes as one step (one undo takes them all back), or none of
    /// them if any is refused.
    pub fn record_step(&mut self, changes: Vec<Change>) -> bool {
        if let Some(why) = self.view_only() {
            self.error(why);
            return false;
        }
        match self.journal.record_step(self.now, changes) {
            Ok(events) => {
                self.outbox.extend_from_slice(events);
                true
            }
            Err(why) => {
                self.error(capitalise(&why.to_string()));
                false
            }
        }
    }

    /// The session with its log, for working out a merge against it.
    pub fn journal(&self) -> &Journal {
        self.journal
    }

    /// Records a merge worked out against this very journal as one step (one undo takes
    /// it all back), saved like any change.
    pub fn record_merge(&mut self, merge: &crate::merge::Merge) -> bool {
        if self.read_only {
            self.error("replay is read-only");
            return false;
        }
        match crate::merge::record(self.journal, merge) {
            Ok(n) => {
                let start = self.journal.events.len() - n;
                self.outbox.extend_from_slice(&self.journal.events[start..]);
                true
            }
            Err(why) => {
                self.error(capitalise(&why.to_string()));
                false
            }
        }
    }

    /// Asks the event loop for work the UI may not do itself (writing files).
    pub fn request(&mut self, request: Request) {
        self.requests.push(request);
    }

    /// False (with a notice saying why) in replay, where nothing may change. Asked by the
    /// key tables (`keys::Keymap::press`) for every key marked as changing the session, so
    /// no editor opens only to refuse its work at the end.
    pub fn may_edit(&mut self) -> bool {
        if self.read_only {
            self.error("Replay is read-only: nothing can be changed here");
        }
        !self.read_only
    }

    /// The day the session began (its first event), for dates typed without a year.
    pub fn session_day(&self) -> chrono::NaiveDate {
        self.journal
            .events
            .first()
            .map_or(self.now.date_naive(), |e| e.at.date_naive())
    }

    pub fn info(&mut self, text: impl Into<String>) {
        *self.notice = Some(Notice {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        *self.notice = Some(Notice {
            text: text.into(),
            error: true,
        });
    }
}

/// Said when a key would change a session whose log is still being checked.
pub const CHECKING: &str = "Checking the file, a moment";

pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What a pane reads while drawing.
pub struct View<'a> {
    pub session: &'a Session,
    pub theme: &'a Theme,
    pub now: DateTime<FixedOffset>,
    /// Replay: draw no hint that invites an edit.
    pub read_only: bool,
}

/// Whether a pane used an input. Unused keys fall through to the app's global keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handled {
    Yes,
    No,
}

pub trait Pane {
    /// Handles a key press in normal use.
    fn key(&mut self, key: KeyEvent, cx: &mut Cx) -> Handled;

    /// Pasted text (bracketed paste), e.g. a long description.
    fn paste(&mut self, _text: &str, _cx: &mut Cx) -> Handled {
        Handled::No
    }

    /// A click or wheel inside the pane's body area (`area` is where it was last drawn).
    fn mouse(&mut self, _event: MouseEvent, _area: Rect, _cx: &mut Cx) -> Handled {
        Handled::No
    }

    /// Called on every turn of the event loop (several times a second), for clocks and
    /// timers. Returns true if the pane needs redrawing.
    fn tick(&mut self, _cx: &mut Cx) -> bool {
        false
    }

    /// True while the pane owns the keyboard (a form or editor is open): the app's
    /// one-letter keys then type letters instead.
    fn capturing(&self) -> bool {
        false
    }

    /// True while an open form or editor holds typed text that is not saved: `Esc` and
    /// quitting then ask before it is thrown away (the app asks, the same in every pane).
    fn unsaved(&self) -> bool {
        false
    }

    /// Closes the open form or editor without saving, once the user said so.
    fn discard(&mut self) {}

    /// Draws the pane's body. `&mut self` so the pane can keep its scroll position.
    fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View);

    /// Draws what the room must read in present mode, large and without chrome.
    fn render_present(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        self.render(area, buf, view);
    }

    /// The room's view of this pane has just come up (present mode, or this pane chosen
    /// while in it): a view that pages starts again from its first page.
    fn present_opened(&mut self) {}

    /// A key pressed while the room's view is showing, before `key` gets it: paging the
    /// present view, where a pane has pages.
    fn present_key(&mut self, _key: KeyEvent, _cx: &mut Cx) -> Handled {
        Handled::No
    }

    /// The pane's keys right now (they may depend on an open form).
    fn keys(&self) -> Vec<KeyHelp>;
}
