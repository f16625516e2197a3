//! Adding or changing one person: name, organisation (suggested from those already in the
//! room) and the group they speak for, chosen from a fixed list with ← →.

use crate::model::{Group, ParticipantId, Session, commands};
use crate::ui::pane::{Cx, KeyHelp, View};
use crate::ui::text;
use crate::ui::widgets::{Field, FieldKey};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

const NAME: usize = 0;
const ORGANISATION: usize = 1;
const GROUP: usize = 2;

pub struct PersonForm {
    /// Who is being changed; `None` while adding.
    pub editing: Option<ParticipantId>,
    name: Field,
    organisation: Field,
    /// Index into `[None] + Group::ALL`.
    group: usize,
    focus: usize,
}

pub enum FormOutcome {
    Stay,
    Close,
    Saved(ParticipantId),
}

fn group_choice(n: usize) -> Option<Group> {
    n.checked_sub(1).and_then(|i| Group::ALL.get(i).copied())
}

fn organisations(session: &Session) -> Vec<String> {
    let mut orgs: Vec<String> = session
        .participants
        .values()
        .filter_map(|p| p.organisation.clone())
        .collect();
    orgs.sort_by_key(|o| o.to_lowercase());
    orgs.dedup_by_key(|o| o.to_lowercase());
    orgs
}

impl PersonForm {
    /// True when a name or organisation was typed and not saved.
    pub fn edited(&self) -> bool {
        self.name.edited() || self.organisation.edited()
    }

    pub fn adding() -> PersonForm {
        PersonForm {
            editing: None,
            name: Field::new("Name"),
            organisation: Field::new("Organisation"),
            group: 0,
            focus: NAME,
        }
    }

    pub fn editing(session: &Session, id: ParticipantId) -> Option<PersonForm> {
        let p = session.participants.get(&id)?;
        Some(PersonForm {
            editing: Some(id),
            name: Field::new("Name").with_text(&p.name),
            organisation: Field::new("Organisation")
                .with_text(p.organisation.as_deref().unwrap_or("")),
            group: p
                .group
                .and_then(|g| Group::ALL.iter().position(|x| *x == g))
                .map_or(0, |i| i + 1),
            focus: NAME,
        })
    }

    pub fn key(&mut self, key: KeyEvent, cx: &mut Cx) -> FormOutcome {
        if self.focus == GROUP {
            let n = Group::ALL.len() + 1;
            match key.code {
                KeyCode::Right | KeyCode::Char(' ') => {
                    self.group = (self.group + 1) % n;
                    return FormOutcome::Stay;
                }
                KeyCode::Left => {
                    self.group = (self.group + n - 1) % n;
                    return FormOutcome::Stay;
                }
                _ => {}
            }
        } else {
            let field = if self.focus == NAME {
                &mut self.name
            } else {
                &mut self.organisation
            };
            if field.key(key) == FieldKey::Used {
                if self.focus == ORGANISATION {
                    let orgs = organisations(cx.session());
                    self.organisation.offer(orgs.iter().map(String::as_str));
                }
                return FormOutcome::Stay;
            }
        }
        match key.code {
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % 3,
            KeyCode::BackTab | KeyCode::Up => self.focus = (self.focus + 2) % 3,
            KeyCode::Esc => return FormOutcome::Close,
            KeyCode::Enter => return self.save(cx),
            _ => {}
        }
        FormOutcome::Stay
    }

    pub fn paste(&mut self, text: &str) {
        match self.focus {
            NAME => self.name.paste(text),
            ORGANISATION => self.organisation.paste(text),
            _ => {}
        }
    }

    fn save(&mut self, cx: &mut Cx) -> FormOutcome {
        let name = self.name.text().trim().to_string();
        let organisation =
            Some(self.organisation.value().trim().to_string()).filter(|o| !o.is_empty());
        let group = group_choice(self.group);
        let (change, id) = match self.editing {
            Some(id) => (commands::update_person(id, &name, organisation, group), id),
            None => commands::add_person(cx.session(), &name, organisation, group),
        };
        if !cx.record(change) {
            self.focus = NAME;
            return FormOutcome::Stay;
        }
        if self.editing.is_some() {
            cx.info(format!("Saved {name}"));
            return FormOutcome::Saved(id);
        }
        cx.info(format!(
            "Added {name}. Type the next name, or Esc to finish"
        ));
        // The next person often comes from the same organisation: keep it and the group.
        self.name.clear();
        self.organisation.saved();
        self.focus = NAME;
        FormOutcome::Saved(id)
    }

    pub fn height(&self) -> u16 {
        self.name.height(1) + self.organisation.height(1) + 2 + 3
    }

    pub fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = view.theme;
        buf.set_style(area, t.base);
        let title = if self.editing.is_some() {
            " Change participant "
        } else {
            " Add participants "
        };
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(t.accent)
            .title(title)
            .title_style(t.accent);
        let inner = block.inner(area);
        block.render(area, buf);
        let [name, org, group, hint] = Layout::vertical([
            Constraint::Length(self.name.height(1)),
            Constraint::Length(self.organisation.height(1)),
            Constraint::Length(2),
            Constraint::Length(1),
        ])
        .areas(inner);
        self.name.render(name, buf, t, self.focus == NAME);
        self.organisation
            .render(org, buf, t, self.focus == ORGANISATION);
        let focused = self.focus == GROUP;
        let label_style = if focused { t.accent } else { t.dim };
        let marker = if focused { "▶ " } else { "  " };
        Line::styled(format!("{marker}Group"), label_style)
            .render(Rect { height: 1, ..group }, buf);
        let chosen = group_choice(self.group).map_or("(none)", |g| g.label());
        let value_style = if focused { t.selected } else { t.base };
        let line = Line::from(vec![
            Span::styled("  ◀ ", label_style),
            Span::styled(format!(" {chosen} "), value_style),
            Span::styled(" ▶", label_style),
        ]);
        if group.height > 1 {
            line.render(
                Rect {
                    y: group.y + 1,
                    height: 1,
                    ..group
                },
                buf,
            );
        }
        let keys = if focused {
            "← → choose the group · Enter save · Tab next field · Esc done"
        } else {
            "Enter save · Tab next field · Esc done"
        };
        Line::styled(text::fit(keys, hint.width as usize), t.dim).render(hint, buf);
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        vec![
            KeyHelp::main("Enter", "save"),
            KeyHelp::main("Tab", "next field"),
            KeyHelp::main("← →", "choose the group"),
            KeyHelp::main("Esc", "done"),
        ]
    }
}
