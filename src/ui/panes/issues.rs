//! The marketplace: every issue raised, with its number, convener, place on the agenda and
//! dots. Issues are added in a row as people queue up, opened for their report, merged when
//! two are the same, deleted (undoably) and filtered as the facilitator types.

mod add_form;
pub(super) mod keys;
mod merge;
mod present;

use super::issue_detail::{DetailOutcome, IssueDetail};
use super::placement::placement_text;
use crate::model::commands;
use crate::model::{Issue, IssueId, Session};
use crate::ui::keys::{Keymap, Press};
use crate::ui::paint;
use crate::ui::pane::{Cx, Handled, KeyHelp, Pane, View};
use crate::ui::text;
use crate::ui::widgets::Field;
use crate::ui::widgets::scroll::Scroll;
use crate::ui::widgets::wrap::{cell, cell_right};
use add_form::{AddForm, AddOutcome};
use keys::Action;
use merge::{MergeOutcome, MergePicker};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

enum Mode {
    List,
    Add(Box<AddForm>),
    Detail(Box<IssueDetail>),
    Merge(Box<MergePicker>),
}

pub struct IssuesPane {
    mode: Mode,
    scroll: Scroll,
    /// The selected issue, so the selection follows it when the list changes around it.
    selected: Option<IssueId>,
    filter: Field,
    /// True while the filter is being typed.
    filtering: bool,
    /// Where rows were last drawn and how tall each is, for clicks and paging.
    rows: Rect,
    row_height: u16,
    keymap: Keymap<Action>,
}

impl Default for IssuesPane {
    fn default() -> Self {
        IssuesPane {
            mode: Mode::List,
            scroll: Scroll::default(),
            selected: None,
            filter: Field::new("Filter"),
            filtering: false,
            rows: Rect::default(),
            row_height: 1,
            keymap: Keymap::default(),
        }
    }
}

/// Whether an issue matches a filter (lower case) by its number, title, convener or
/// description.
fn matches(session: &Session, issue: &Issue, needle: &str) -> bool {
    needle.is_empty()
        || issue.id.0.to_string() == needle.trim_start_matches('#')
        || issue.title.to_lowercase().contains(needle)
        || issue
            .convener
            .is_some_and(|c| session.participant_name(c).to_lowercase().contains(needle))
        || issue.description.to_lowercase().contains(needle)
}

impl IssuesPane {
    /// The issues shown, in number order, after the filter.
    fn shown(&self, session: &Session) -> Vec<IssueId> {
        let needle = self.filter.text().trim().to_lowercase();
        session
            .active_issues()
            .filter(|i| matches(session, i, &needle))
            .map(|i| i.id)
            .collect()
    }

    /// Puts the selection back on the selected issue after the list changed.
    fn sync(&mut self, shown: &[IssueId]) {
        if let Some(pos) = self
            .selected
            .and_then(|id| shown.iter().position(|s| *s == id))
        {
            self.scroll.selected = pos;
        }
        self.scroll.selected = self.scroll.selected.min(shown.len().saturating_sub(1));
        self.selected = shown.get(self.scroll.selected).copied();
    }

    fn page(&self) -> usize {
        (self.rows.height / self.row_height.max(1)).max(1) as usize
    }

    fn list_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Handled {
        let shown = self.shown(cx.session());
        self.sync(&shown);
        // With no filter to clear, Esc is the app's (leaving present mode).
        let filtered = !self.filter.is_empty();
        let live = |action| action != Action::ClearFilter || filtered;
        let action = match self.keymap.press_when(&key, cx, live) {
            Press::Act(action) => action,
            Press::Refused => return Handled::Yes,
            Press::Unbound => return Handled::No,
        };
        let current = self.selected;
        match action {
            Action::Move(nav) => {
                self.scroll.key(nav.code(), shown.len(), self.page());
                self.selected = shown.get(self.scroll.selected).copied();
            }
            Action::Add => {
                self.filter.clear();
                self.mode = Mode::Add(Box::default());
            }
            Action::Filter => self.filtering = true,
            Action::ClearFilter => {
                self.filter.clear();
                cx.info("Filter cleared");
            }
            Action::Open | Action::Edit | Action::Delete | Action::Merge if current.is_none() => {
                cx.error("No issue selected: press a to add one");
            }
            Action::Open => {
                self.mode = Mode::Detail(Box::new(IssueDetail::new(current.expect("some"))))
            }
            Action::Edit => {
                self.mode = Mode::Detail(Box::new(IssueDetail::editing(
                    current.expect("some"),
                    cx.session(),
                )))
            }
            Action::Merge => {
                self.mode = Mode::Merge(Box::new(MergePicker::new(current.expect("some"))))
            }
            Action::Delete => {
                let id = current.expect("some");
                let title = cx.session().issues.get(&id).map(|i| i.title.clone());
                if cx.record(commands::delete_issue(id)) {
                    let title = text::fit(&title.unwrap_or_default(), 40);
                    cx.info(format!("Deleted issue {id} “{title}”. Press u to undo"));
                    self.selected = None;
                }
            }
        }
        Handled::Yes
    }

    fn filter_key(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Esc => {
                self.filter.clear();
                self.filtering = false;
            }
            KeyCode::Enter | KeyCode::Down | KeyCode::Tab => self.filtering = false,
            _ => {
                self.filter.key(key);
                self.scroll = Scroll::default();
                self.selected = None;
            }
        }
    }

    fn render_list(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = view.theme;
        let s = view.session;
        let footer_h = if self.filtering { 4 } else { 1 };
        let area = Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(2),
            ..area
        };
        if area.height < footer_h + 2 {
            return;
        }
        let shown = self.shown(s);
        self.sync(&shown);
        let cols = Columns::new(area.width, s);
        // On a very wide screen the table is centred rather than stretched.
        let spare = (area.width as usize).saturating_sub(cols.fixed + cols.title) as u16 / 2;
        let area = Rect {
            x: area.x + spare,
            width: area.width - 2 * spare,
            ..area
        };
        Line::styled(cols.header(), t.dim).render(Rect { height: 1, ..area }, buf);
        let list = Rect {
            y: area.y + 1,
            height: area.height - 1 - footer_h,
            ..area
        };
        self.row_height = if list.height >= 36 { 2 } else { 1 };
        self.rows = list;
        if shown.is_empty() {
            let text = if s.active_issues().next().is_none() && view.read_only {
                "No issues yet.".to_string()
            } else if s.active_issues().next().is_none() {
                "No issues yet. Press a to add the first one.".to_string()
            } else {
                format!(
                    "No issue matches “{}”. Esc clears the filter.",
                    self.filter.text()
                )
            };
            Line::styled(text::fit(&text, list.width as usize), t.accent)
                .render(Rect { height: 1, ..list }, buf);
        }
        let range = self.scroll.fit(shown.len(), self.page());
        for (row, n) in range.clone().enumerate() {
            let Some(issue) = s.issues.get(&shown[n]) else {
                continue;
            };
            let y = list.y + row as u16 * self.row_height;
            let selected = n == self.scroll.selected;
            let style = if selected { t.selected } else { t.base };
            let r = Rect {
                y,
                height: 1,
                ..list
            };
            paint::style(buf, r, style);
            paint::line(&Line::styled(cols.row(s, issue, selected), style), r, buf);
        }
        let footer = Rect {
            y: area.y + area.height - footer_h,
            height: footer_h,
            ..area
        };
        if self.filtering {
            self.filter.render(footer, buf, t, true);
            return;
        }
        let total = s.active_issues().count();
        let placed = s.active_issues().filter(|i| i.placement.is_some()).count();
        let mut spans = vec![Span::styled(
            format!(
                "{total} issue{} · {placed} placed",
                if total == 1 { "" } else { "s" }
            ),
            t.dim,
        )];
        if !self.filter.is_empty() {
            spans.push(Span::styled(
                format!(
                    "   Filter “{}”: {} shown · Esc clears",
                    text::clean(&self.filter.text()),
                    shown.len()
                ),
                t.accent,
            ));
        }
        if range.end < shown.len() || range.start > 0 {
            spans.push(Span::styled(
                format!(
                    "   rows {}–{} of {}",
                    range.start + 1,
                    range.end,
                    shown.len()
                ),
                t.dim,
            ));
        }
        Line::from(spans).render(footer, buf);
    }
}

/// The widest the title column gets.
const MAX_TITLE_COLUMN: usize = 90;

/// Column widths for the list at a given width.
struct Columns {
    /// Columns taken by everything but the title.
    fixed: usize,
    number: usize,
    title: usize,
    convener: usize,
    place: usize,
    votes: usize,
}

impl Columns {
    fn new(width: u16, session: &Session) -> Columns {
        let width = width as usize;
        let number = session
            .issues
            .keys()
            .next_back()
            .map_or(1, |id| id.0.to_string().len())
            .max(2);
        let votes = if session.latest_round().is_some() {
            5
        } else {
            0
        };
        let (convener, place) = match width {
            0..70 => (14, 0),
            70..120 => (14, 16),
            _ => (26, 30),
        };
        // Marker, number, title and convener, each column followed by two spaces.
        let fixed =
            2 + number + 2 + 2 + convener + 2 + if place > 0 { place + 2 } else { 0 } + votes;
        Columns {
            number,
            // Long lines are hard to follow across a wall: the title column stops growing.
            title: width.saturating_sub(fixed).clamp(8, MAX_TITLE_COLUMN),
            fixed,
            convener,
            place,
            votes,
        }
    }

    fn header(&self) -> String {
        let mut out = format!(
            "  {}  {}  {}  ",
            cell_right("#", self.number),
            cell("Title", self.title),
            cell("Convener", self.convener)
        );
        if self.place > 0 {
            out.push_str(&cell("Where", self.place));
            out.push_str("  ");
        }
        if self.votes > 0 {
            out.push_str(&cell_right("Dots", self.votes));
        }
        out
    }

    fn row(&self, s: &Session, issue: &Issue, selected: bool) -> String {
        let mark = if selected { "▶ " } else { "  " };
        let convener = issue.convener.map_or("", |c| s.participant_name(c));
        let mut out = format!(
            "{mark}{}  {}  {}  ",
            cell_right(&issue.id.to_string(), self.number),
            cell(&issue.title, self.title),
            cell(convener, self.convener)
        );
        if self.place > 0 {
            let place = if issue.cancelled {
                "did not take place".to_string()
            } else if issue.placement.is_some() {
                placement_text(s, issue)
            } else {
                "—".to_string()
            };
            out.push_str(&cell(&place, self.place));
            out.push_str("  ");
        }
        if self.votes > 0 {
            out.push_str(&cell_right(&s.votes(issue.id).to_string(), self.votes));
        }
        out
    }
}

impl Pane for IssuesPane {
    fn key(&mut self, key: KeyEvent, cx: &mut Cx) -> Handled {
        match &mut self.mode {
            Mode::List if self.filtering => {
                self.filter_key(key);
                Handled::Yes
            }
            Mode::List => self.list_key(key, cx),
            Mode::Add(form) => {
                match form.key(key, cx) {
                    AddOutcome::Stay => {}
                    AddOutcome::Close => self.mode = Mode::List,
                    AddOutcome::Added(id) => self.selected = Some(id),
                }
                Handled::Yes
            }
            Mode::Detail(detail) => match detail.key(key, cx) {
                DetailOutcome::Used => Handled::Yes,
                DetailOutcome::Unused => Handled::No,
                DetailOutcome::Close => {
                    self.mode = Mode::List;
                    Handled::Yes
                }
            },
            Mode::Merge(picker) => {
                match picker.key(key, cx) {
                    MergeOutcome::Stay => {}
                    MergeOutcome::Close => self.mode = Mode::List,
                    MergeOutcome::Merged(into) => {
                        self.selected = Some(into);
                        self.mode = Mode::List;
                    }
                }
                Handled::Yes
            }
        }
    }

    fn paste(&mut self, text: &str, cx: &mut Cx) -> Handled {
        match &mut self.mode {
            Mode::Add(form) => form.paste(text, cx),
            Mode::Detail(detail) => detail.paste(text),
            Mode::Merge(picker) => picker.paste(text),
            Mode::List if self.filtering => self.filter.paste(text),
            Mode::List => return Handled::No,
        }
        Handled::Yes
    }

    fn mouse(&mut self, event: MouseEvent, _area: Rect, cx: &mut Cx) -> Handled {
        if !matches!(self.mode, Mode::List | Mode::Add(_)) {
            return Handled::No;
        }
        let shown = self.shown(cx.session());
        self.sync(&shown);
        let r = self.rows;
        match event.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = event.kind == MouseEventKind::ScrollDown;
                self.scroll.wheel(down, shown.len(), self.page());
            }
            MouseEventKind::Down(MouseButton::Left)
                if event.row >= r.y
                    && event.row < r.y + r.height
                    && event.column >= r.x
                    && event.column < r.x + r.width =>
            {
                let n = self.scroll.offset + ((event.row - r.y) / self.row_height.max(1)) as usize;
                if n >= shown.len() {
                    return Handled::No;
                }
                self.scroll.selected = n;
            }
            _ => return Handled::No,
        }
        self.selected = shown.get(self.scroll.selected).copied();
        Handled::Yes
    }

    fn capturing(&self) -> bool {
        match &self.mode {
            Mode::List => self.filtering,
            Mode::Add(_) | Mode::Merge(_) => true,
            Mode::Detail(d) => d.capturing(),
        }
    }

    fn unsaved(&self) -> bool {
        match &self.mode {
            Mode::Add(form) => form.edited(),
            Mode::Detail(d) => d.unsaved(),
            Mode::List | Mode::Merge(_) => false,
        }
    }

    fn discard(&mut self) {
        match &mut self.mode {
            Mode::Add(_) => self.mode = Mode::List,
            Mode::Detail(d) => d.discard(),
            Mode::List | Mode::Merge(_) => {}
        }
    }

    fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        buf.set_style(area, view.theme.base);
        match &mut self.mode {
            Mode::Detail(detail) => detail.render(area, buf, view),
            Mode::Add(form) => {
                let h = form.height().min(area.height.saturating_sub(4));
                let list = Rect {
                    height: area.height - h,
                    ..area
                };
                let form_area = Rect {
                    y: area.y + area.height - h,
                    height: h,
                    ..area
                };
                self.render_list(list, buf, view);
                if let Mode::Add(form) = &mut self.mode {
                    form.render(form_area, buf, view);
                }
            }
            Mode::List => self.render_list(area, buf, view),
            Mode::Merge(_) => {
                self.render_list(area, buf, view);
                if let Mode::Merge(picker) = &mut self.mode {
                    picker.render(area, buf, view);
                }
            }
        }
    }

    fn render_present(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        let shown = self.shown(view.session);
        self.sync(&shown);
        present::render(self.selected, area, buf, view);
    }

    fn keys(&self) -> Vec<KeyHelp> {
        match &self.mode {
            Mode::Add(form) => form.keys(),
            Mode::Detail(d) => d.keys(),
            Mode::Merge(m) => m.keys(),
            Mode::List if self.filtering => vec![
                KeyHelp::main("type", "filter by number, title, convener or description"),
                KeyHelp::main("Enter", "keep the filter"),
                KeyHelp::main("Esc", "clear it"),
            ],
            Mode::List => self.keymap.help(),
        }
    }
}
