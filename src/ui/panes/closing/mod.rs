//! The Closing pane: what the room achieved, in figures big enough to read from the back,
//! the next steps by horizon, the breakouts that took place without a report (Enter opens
//! one to write it), and the proceedings: `x` asks the event loop to write every format
//! into a folder beside the session file (the UI never writes files itself). `M` merges a
//! copy captured on another laptop in, as one undo step.

mod draw;
pub(super) mod keys;
mod present;
mod summary;

pub use summary::{DayFigures, HorizonSummary, missing_reports};

use crate::export::folder as proceedings;
use crate::model::Session;
use crate::service::merge::DryRun;
use crate::ui::derived::Derived;
use crate::ui::keys::{Keymap, Press};
use crate::ui::merge_copy::{MergeCopy, Next};
use crate::ui::pane::{Cx, Handled, KeyHelp, Outcome, Pane, Request, View};
use crate::ui::panes::issue_detail::Editor;
use crate::ui::widgets::{Field, FieldKey};
use chrono::Timelike;
use keys::Action;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use std::path::PathBuf;

#[derive(Default)]
pub struct ClosingPane {
    /// The session's file: the proceedings go into a folder beside it.
    pub file: Option<PathBuf>,
    /// Set by `convene demo`, whose own folder is deleted on exit: the proceedings then go
    /// where the user says, starting from this suggestion.
    pub keep_at: Option<PathBuf>,
    /// The chosen breakout without a report, by its place in the list.
    pick: usize,
    offset: usize,
    /// A report being written from here.
    editor: Option<Editor>,
    /// Where to write (the demo), with whether the anonymous versions go too.
    location: Option<(Field, bool)>,
    /// What the last writing of the proceedings gave, for the foot of the pane.
    last: Option<Outcome>,
    /// A copy from another laptop being merged in (`M`).
    merging: Option<MergeCopy>,
    day: Derived<(), present::Day>,
    keymap: Keymap<Action>,
}

impl ClosingPane {
    fn day(&mut self, session: &Session) -> std::rc::Rc<present::Day> {
        self.day.get(session, (), || present::Day::of(session))
    }

    /// Where the proceedings go without asking: beside the session file.
    pub fn folder(&self) -> Option<PathBuf> {
        self.file.as_deref().map(proceedings::folder_for)
    }

    /// The event loop reports how the writing went.
    pub fn finished(&mut self, outcome: &Outcome) {
        self.last = Some(outcome.clone());
    }

    fn write(&mut self, anonymous: bool, cx: &mut Cx) {
        if let Some(suggested) = &self.keep_at {
            let field = Field::new("Write the proceedings into this folder")
                .with_text(&suggested.to_string_lossy());
            self.location = Some((field, anonymous));
            return;
        }
        match self.folder() {
            Some(dir) => cx.request(Request::WriteProceedings { dir, anonymous }),
            None => cx.error("This session has no file to write the proceedings beside"),
        }
    }

    fn location_key(&mut self, key: KeyEvent, cx: &mut Cx) {
        let Some((field, anonymous)) = self.location.as_mut() else {
            return;
        };
        if field.key(key) == FieldKey::Used {
            return;
        }
        match key.code {
            KeyCode::Esc => self.location = None,
            KeyCode::Enter => {
                let typed = field.text();
                let typed = typed.trim();
                if typed.is_empty() {
                    cx.error("Type a folder, e.g. ./proceedings");
                    return;
                }
                let dir = expand_home(typed);
                let anonymous = *anonymous;
                self.location = None;
                cx.request(Request::WriteProceedings { dir, anonymous });
            }
            _ => {}
        }
    }

    fn merge_key(&mut self, key: KeyEvent, cx: &mut Cx) {
        let Some(flow) = self.merging.as_mut() else {
            return;
        };
        // A bare name is looked for beside the session's own file.
        let sessions = self
            .file
            .as_ref()
            .and_then(|f| f.parent())
            .map(PathBuf::from)
            .unwrap_or_default();
        match flow.key(key, cx.journal(), &sessions) {
            Next::Stay => {}
            Next::Cancelled => {
                self.merging = None;
                cx.info("Nothing was merged");
            }
            Next::Refused(why) => {
                self.merging = None;
                cx.error(why);
            }
            Next::Read(path) => cx.request(Request::ReadCopy { path }),
            Next::Merge { file, merge } => {
                self.merging = None;
                if cx.record_merge(&merge) {
                    cx.info(format!(
                        "Merged {} changes from {file} as one step (u undoes it)",
                        merge.summary.merged()
                    ));
                }
            }
        }
    }

    /// The event loop hands back what the copy being merged would bring in.
    pub fn copy_read(&mut self, dry: DryRun) {
        if let Some(flow) = self.merging.as_mut() {
            flow.read(dry);
        }
    }

    /// The copy being merged cannot be (the notice says why): the flow closes.
    pub fn copy_refused(&mut self) {
        if matches!(self.merging, Some(MergeCopy::Reading { .. })) {
            self.merging = None;
        }
    }

    fn missing(cx: &Cx) -> Vec<crate::model::IssueId> {
        let t = cx.now.time().with_nanosecond(0).unwrap_or(cx.now.time());
        missing_reports(cx.session(), t)
    }
}

/// "~/x" as the home folder's x, as a shell would read it.
fn expand_home(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(typed),
    }
}

impl Pane for ClosingPane {
    fn key(&mut self, key: KeyEvent, cx: &mut Cx) -> Handled {
        if let Some(editor) = self.editor.as_mut() {
            if editor.key(key, cx) {
                self.editor = None;
            }
            return Handled::Yes;
        }
        if self.location.is_some() {
            self.location_key(key, cx);
            return Handled::Yes;
        }
        if self.merging.is_some() {
            self.merge_key(key, cx);
            return Handled::Yes;
        }
        let missing = Self::missing(cx);
        self.pick = self.pick.min(missing.len().saturating_sub(1));
        // With every report in, Enter says so, in replay too: there is nothing to refuse.
        if let Some((_, Action::WriteReport)) = self.keymap.find(&key)
            && missing.is_empty()
        {
            cx.info("Every breakout that took place has its report");
            return Handled::Yes;
        }
        let action = match self.keymap.press(&key, cx) {
            Press::Act(action) => action,
            Press::Refused => return Handled::Yes,
            Press::Unbound => return Handled::No,
        };
        match action {
            Action::Write(anonymous) => self.write(anonymous, cx),
            Action::MergeCopy => self.merging = Some(MergeCopy::start()),
            Action::Pick(true) => self.pick = (self.pick + 1).min(missing.len().saturating_sub(1)),
            Action::Pick(false) => self.pick = self.pick.saturating_sub(1),
            Action::WriteReport => {
                if let Some(&issue) = missing.get(self.pick) {
                    self.editor = Editor::new(cx.session(), issue).map(Editor::on_report);
                }
            }
            // The app's key: the pane only lists it.
            Action::Present => return Handled::No,
        }
        Handled::Yes
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Handled {
        if let Some(editor) = self.editor.as_mut() {
            editor.paste(text);
        } else if let Some((field, _)) = self.location.as_mut() {
            field.paste(text);
        } else if let Some(flow) = self.merging.as_mut() {
            flow.paste(text);
        } else {
            return Handled::No;
        }
        Handled::Yes
    }

    fn capturing(&self) -> bool {
        self.editor.is_some() || self.location.is_some() || self.merging.is_some()
    }

    fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        if let Some(editor) = self.editor.as_mut() {
            editor.render(area, buf, view);
            return;
        }
        // A follow-up adds its accountability summary above the day's figures.
        buf.set_style(area, view.theme.base);
        let area = super::closing_follow_up::draw(area, buf, view.session, view.theme);
        let day = self.day(view.session);
        draw::render(self, &day.summary, area, buf, view);
        if let Some(flow) = self.merging.as_mut() {
            flow.render(area, buf, view.theme);
        }
    }

    fn render_present(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        buf.set_style(area, view.theme.base);
        let area = super::closing_follow_up::draw(area, buf, view.session, view.theme);
        let day = self.day(view.session);
        present::render(&day, area, buf, view);
    }

    fn keys(&self) -> Vec<KeyHelp> {
        if let Some(editor) = &self.editor {
            return editor.keys();
        }
        if self.location.is_some() {
            return vec![
                KeyHelp::main("Enter", "write the proceedings there"),
                KeyHelp::main("Esc", "cancel"),
            ];
        }
        self.keymap.help()
    }
}
