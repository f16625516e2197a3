//! The marketplace form: a title and a convener, saved with Enter and at once ready for the
//! next person in the queue. A convener not yet on the roster joins it only on a second
//! Enter, in one step with the issue.

use crate::model::commands;
use crate::model::{IssueId, MAX_TITLE};
use crate::ui::pane::{Cx, KeyHelp, View};
use crate::ui::panes::people;
use crate::ui::widgets::{Field, FieldKey};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Widget};

pub struct AddForm {
    title: Field,
    convener: Field,
    on_convener: bool,
    /// A new convener's name already questioned once.
    pending: Option<String>,
}

/// What the form asks of the pane holding it.
pub enum AddOutcome {
    Stay,
    Close,
    Added(IssueId),
}

impl Default for AddForm {
    fn default() -> Self {
        AddForm {
            title: Field::new("Title"),
            convener: Field::new("Convener"),
            on_convener: false,
            pending: None,
        }
    }
}

impl AddForm {
    /// True when a title or convener was typed and not saved yet.
    pub fn edited(&self) -> bool {
        self.title.edited() || self.convener.edited()
    }

    pub fn key(&mut self, key: KeyEvent, cx: &mut Cx) -> AddOutcome {
        let field = if self.on_convener {
            &mut self.convener
        } else {
            &mut self.title
        };
        if field.key(key) == FieldKey::Used {
            if self.on_convener {
                self.convener.offer(people::names(cx.session()));
            }
            return AddOutcome::Stay;
        }
        match key.code {
            KeyCode::Tab | KeyCode::BackTab | KeyCode::Up | KeyCode::Down => {
                self.on_convener = !self.on_convener;
                AddOutcome::Stay
            }
            KeyCode::Esc => AddOutcome::Close,
            KeyCode::Enter => self.save(cx),
            _ => AddOutcome::Stay,
        }
    }

    pub fn paste(&mut self, text: &str, cx: &mut Cx) {
        if self.on_convener {
            self.convener.paste(text);
            self.convener.offer(people::names(cx.session()));
        } else {
            self.title.paste(text);
        }
    }

    fn save(&mut self, cx: &mut Cx) -> AddOutcome {
        let title = self.title.text();
        let title = title.trim();
        if title.is_empty() {
            cx.error("Type the issue's title first");
            self.on_convener = false;
            return AddOutcome::Stay;
        }
        // Checked here too so a refused title does not leave a new convener behind.
        let len = title.chars().count();
        if len > MAX_TITLE {
            cx.error(format!(
                "The title is too long ({len} characters; at most {MAX_TITLE})"
            ));
            return AddOutcome::Stay;
        }
        let Some(who) = people::resolve(cx, &mut self.convener, &mut self.pending, None) else {
            self.on_convener = true;
            return AddOutcome::Stay;
        };
        let id = cx.session().next_issue_id();
        let raised = commands::raise_issue(cx.session(), title, &who, "");
        let Some(convener) = people::record_naming(cx, raised) else {
            return AddOutcome::Stay;
        };
        let by = match convener {
            None => String::new(),
            Some(p) => format!(
                ", convened by {}{}",
                cx.session().participant_name(p),
                people::joined(&who)
            ),
        };
        cx.info(format!(
            "Added issue {id}{by}. Type the next one, or Esc to finish"
        ));
        self.title.clear();
        self.convener.clear();
        self.convener.forget_offers();
        self.convener.set_note(None);
        self.pending = None;
        self.on_convener = false;
        AddOutcome::Added(id)
    }

    /// Rows the form wants.
    pub fn height(&self) -> u16 {
        self.title.height(1).max(self.convener.height(1)) + 3
    }

    /// Title and convener side by side, so the list above keeps most of the screen.
    pub fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = view.theme;
        buf.set_style(area, t.base);
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(t.accent)
            .title(" New issue ")
            .title_style(t.accent);
        let inner = block.inner(area);
        block.render(area, buf);
        let [fields, hint] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
        let [a, b] = Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)])
            .spacing(2)
            .areas(fields);
        self.title
            .render(Rect { height: 4, ..a }, buf, t, !self.on_convener);
        self.convener.render(b, buf, t, self.on_convener);
        let text = if self.on_convener && !self.convener.completions().is_empty() {
            "↓ choose a name · → take the first · Enter save · Tab title · Esc done"
        } else {
            "Enter save · Tab next field · Esc done"
        };
        Line::styled(crate::ui::text::fit(text, hint.width as usize), t.dim).render(hint, buf);
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        vec![
            KeyHelp::main("Enter", "save and start the next"),
            KeyHelp::main("Tab", "title / convener"),
            KeyHelp::more("↓ / →", "choose a suggested name"),
            KeyHelp::more(
                "Enter twice",
                "a convener not on the roster joins it (the first Enter only asks)",
            ),
            KeyHelp::main("Esc", "done"),
            KeyHelp::more("Esc on typed text", "asks before throwing it away"),
        ]
    }
}
