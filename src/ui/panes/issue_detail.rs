//! One issue in full: its description and its breakout report (who came, key points,
//! recommendations, follow-up), for reading aloud and for typing up the report after the
//! breakout. Opened from the Issues pane (and meant to open from the Agenda too); `e`
//! switches to the editor.

mod editor;
pub(super) mod keys;

pub use editor::Editor;

use crate::model::{IssueId, Session};
use crate::ui::keys::{Keymap, Nav, Press};
use crate::ui::pane::{Cx, KeyHelp, View};
use crate::ui::text;
use crate::ui::theme::Theme;
use crate::ui::widgets::wrap::wrap;
use keys::Action;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// What a key did in the detail, for the pane around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailOutcome {
    /// The detail used the key.
    Used,
    /// Not a key of the detail: the app's global keys may have it.
    Unused,
    /// The user is done with the detail.
    Close,
}

pub struct IssueDetail {
    pub issue: IssueId,
    scroll: u16,
    /// Lines the text took when last drawn, to stop scrolling past the end.
    height: u16,
    page: u16,
    editor: Option<Editor>,
    keymap: Keymap<Action>,
}

impl IssueDetail {
    pub fn new(issue: IssueId) -> IssueDetail {
        IssueDetail {
            issue,
            scroll: 0,
            height: 0,
            page: 10,
            editor: None,
            keymap: Keymap::default(),
        }
    }

    /// Opens straight into the editor (`e` on a list row).
    pub fn editing(issue: IssueId, session: &Session) -> IssueDetail {
        IssueDetail {
            editor: Editor::new(session, issue),
            ..IssueDetail::new(issue)
        }
    }

    pub fn capturing(&self) -> bool {
        self.editor.is_some()
    }

    pub fn unsaved(&self) -> bool {
        self.editor.as_ref().is_some_and(|e| e.dirty())
    }

    /// Closes the editor without saving, back to the issue as it is.
    pub fn discard(&mut self) {
        self.editor = None;
    }

    pub fn key(&mut self, key: KeyEvent, cx: &mut Cx) -> DetailOutcome {
        if let Some(editor) = &mut self.editor {
            if editor.key(key, cx) {
                self.editor = None;
            }
            return DetailOutcome::Used;
        }
        let exists = cx.session().issues.contains_key(&self.issue);
        let max = self.height.saturating_sub(self.page);
        // A deleted issue (an undo elsewhere) has nothing to edit: `e` is not its key then.
        let live = |action| action != Action::Edit || exists;
        let action = match self.keymap.press_when(&key, cx, live) {
            Press::Act(action) => action,
            Press::Refused => return DetailOutcome::Used,
            Press::Unbound => return DetailOutcome::Unused,
        };
        match action {
            Action::Close => return DetailOutcome::Close,
            Action::Edit => match Editor::new(cx.session(), self.issue) {
                Some(editor) => self.editor = Some(editor),
                None => cx.error(format!("Issue {} cannot be edited now", self.issue)),
            },
            Action::Scroll(nav) => {
                self.scroll = match nav {
                    Nav::Up => self.scroll.saturating_sub(1),
                    Nav::Down => (self.scroll + 1).min(max),
                    Nav::PageUp => self.scroll.saturating_sub(self.page),
                    Nav::PageDown => (self.scroll + self.page).min(max),
                    Nav::Home => 0,
                    Nav::End => max,
                }
            }
        }
        DetailOutcome::Used
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(editor) = &mut self.editor {
            editor.paste(text);
        }
    }

    pub fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        if let Some(editor) = &mut self.editor {
            editor.render(area, buf, view);
            return;
        }
        let t = view.theme;
        let inner = margin(area);
        let lines = detail_lines(view, self.issue, inner.width as usize);
        self.height = lines.len() as u16;
        self.page = inner.height.max(1);
        self.scroll = self.scroll.min(self.height.saturating_sub(self.page));
        Paragraph::new(lines)
            .style(t.base)
            .scroll((self.scroll, 0))
            .render(inner, buf);
        if self.scroll + self.page < self.height && inner.height > 0 {
            let more = "↓ more: PgDn";
            let w = text::width(more) as u16;
            let r = Rect {
                x: inner.x + inner.width.saturating_sub(w),
                y: inner.y + inner.height - 1,
                width: w.min(inner.width),
                height: 1,
            };
            Line::styled(more, t.accent).render(r, buf);
        }
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        if let Some(editor) = &self.editor {
            return editor.keys();
        }
        self.keymap.help()
    }
}

/// Space around text meant to be read from afar; long lines are hard to follow on a wall.
pub fn margin(area: Rect) -> Rect {
    let side = if area.width >= 120 {
        (area.width - 110) / 2
    } else {
        1
    }
    .min(area.width / 4);
    let top = if area.height >= 30 { 1 } else { 0 };
    Rect {
        x: area.x + side,
        y: area.y + top,
        width: area.width - 2 * side,
        height: area.height - top,
    }
}

/// The issue as text lines at `width` columns.
fn detail_lines<'a>(view: &View, id: IssueId, width: usize) -> Vec<Line<'a>> {
    let (session, t) = (view.session, view.theme);
    let Some(issue) = session.issues.get(&id) else {
        return vec![
            Line::styled(format!("Issue {id} is no longer on the wall."), t.warn),
            Line::styled("Esc goes back to the list.", t.dim),
        ];
    };
    let mut out = vec![Line::styled(format!("Issue {id}"), t.accent)];
    out.extend(
        wrap(&issue.title, width)
            .into_iter()
            .map(|l| Line::styled(l, t.title)),
    );
    if let Some(into) = issue.merged_into {
        out.push(Line::styled(
            format!("Merged into issue {into}; its report and dots are there now."),
            t.warn,
        ));
        return out;
    }
    let mut facts = vec![];
    if let Some(c) = issue.convener {
        facts.push(format!("Convened by {}", session.participant_name(c)));
    }
    facts.push(super::placement::placement_text(session, issue));
    if session.latest_round().is_some() {
        let dots = session.votes(id);
        facts.push(format!("{dots} dot{}", if dots == 1 { "" } else { "s" }));
    }
    if issue.cancelled {
        facts.push("did not take place".into());
    }
    out.extend(
        wrap(&facts.join(" · "), width)
            .into_iter()
            .map(|l| Line::styled(l, t.dim)),
    );
    out.push(Line::raw(""));
    section(&mut out, "Description", &issue.description, width, t);
    let r = &issue.report;
    out.push(Line::styled("Breakout report", t.accent));
    if r.is_empty() {
        let none = if view.read_only {
            "No report yet."
        } else {
            "No report yet: press e to write it."
        };
        out.push(Line::styled(none, t.dim));
        return out;
    }
    out.push(Line::from(vec![
        Span::styled("Attendees  ", t.title),
        Span::styled(r.attendance(), t.base),
    ]));
    if !r.attendee_names.is_empty() {
        let names = r.attendee_names.join(", ");
        out.extend(
            wrap(&names, width)
                .into_iter()
                .map(|l| Line::styled(l, t.dim)),
        );
    }
    out.push(Line::raw(""));
    section(&mut out, "Key points", &r.key_points, width, t);
    section(&mut out, "Recommendations", &r.recommendations, width, t);
    section(&mut out, "Follow-up", &r.follow_up, width, t);
    out
}

fn section<'a>(out: &mut Vec<Line<'a>>, heading: &str, body: &str, width: usize, t: &Theme) {
    out.push(Line::styled(heading.to_string(), t.title));
    if body.trim().is_empty() {
        out.push(Line::styled("—", t.dim));
    } else {
        out.extend(
            wrap(body, width.saturating_sub(2))
                .into_iter()
                .map(|l| Line::styled(format!("  {l}"), t.base)),
        );
    }
    out.push(Line::raw(""));
}
