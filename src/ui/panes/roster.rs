//! The participants roster, opened from the Opening pane: who is in the room, their
//! organisation and the group they speak for. People are added one after another, changed,
//! removed (the domain refuses while they convene or lead something), or read from a file.

mod form;
pub(super) mod keys;

use crate::model::{ParticipantId, Session, commands};
use crate::ui::keys::{Keymap, Press};
use crate::ui::pane::{Cx, KeyHelp, View};
use crate::ui::text;
use crate::ui::widgets::scroll::Scroll;
use crate::ui::widgets::wrap::cell;
use crate::ui::widgets::{Field, FieldKey};
use form::{FormOutcome, PersonForm};
use keys::Action;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use std::path::PathBuf;

enum Mode {
    List,
    Form(Box<PersonForm>),
    Import(Box<Field>),
}

pub struct Roster {
    mode: Mode,
    scroll: Scroll,
    selected: Option<ParticipantId>,
    rows: Rect,
    keymap: Keymap<Action>,
}

/// What the roster asks of the Opening pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RosterOutcome {
    Used,
    Unused,
    Close,
}

impl Default for Roster {
    fn default() -> Self {
        Roster {
            mode: Mode::List,
            scroll: Scroll::default(),
            selected: None,
            rows: Rect::default(),
            keymap: Keymap::default(),
        }
    }
}

/// What an import did, for the notice.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub added: usize,
    pub duplicates: Vec<String>,
    pub refused: Vec<String>,
    pub unknown_groups: usize,
}

impl Imported {
    pub fn notice(&self, file: &str) -> String {
        let mut text = format!(
            "Added {} participant{} from {file}",
            self.added,
            if self.added == 1 { "" } else { "s" }
        );
        if !self.duplicates.is_empty() {
            text.push_str(&format!(
                "; skipped {} already on the roster: {}",
                self.duplicates.len(),
                self.duplicates.join(", ")
            ));
        }
        if !self.refused.is_empty() {
            text.push_str(&format!("; refused: {}", self.refused.join("; ")));
        }
        if self.unknown_groups > 0 {
            text.push_str(&format!(
                "; {} unknown group{} left empty",
                self.unknown_groups,
                if self.unknown_groups == 1 { "" } else { "s" }
            ));
        }
        text
    }
}

/// Adds everyone in a names file's text who is not on the roster yet.
pub fn import(text: &str, cx: &mut Cx) -> Imported {
    let mut report = Imported::default();
    if let Some(why) = cx.view_only() {
        cx.error(why);
        return report;
    }
    let people = match crate::sheet::parse_names(text).and_then(crate::sheet::at_most) {
        Ok(people) => people,
        Err(why) => {
            report.refused.push(why.to_string());
            return report;
        }
    };
    for entry in people {
        if cx.session().find_participant(&entry.name).is_some() {
            report.duplicates.push(entry.name);
            continue;
        }
        report.unknown_groups += entry.unknown_group.is_some() as usize;
        let (change, _) =
            commands::add_person(cx.session(), &entry.name, entry.organisation, entry.group);
        // Refusals are collected for one notice rather than shown one by one.
        match cx.journal.record(cx.now, change) {
            Ok(event) => {
                cx.outbox.push(event.clone());
                report.added += 1;
            }
            Err(why) => report
                .refused
                .push(format!("{}: {why}", text::fit(&entry.name, 30))),
        }
    }
    report
}

fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

impl Roster {
    fn people(session: &Session) -> Vec<ParticipantId> {
        let mut people: Vec<(&str, ParticipantId)> = session
            .participants
            .values()
            .map(|p| (p.name.as_str(), p.id))
            .collect();
        people.sort_by_key(|(name, id)| (name.to_lowercase(), *id));
        people.into_iter().map(|(_, id)| id).collect()
    }

    fn sync(&mut self, people: &[ParticipantId]) {
        if let Some(pos) = self
            .selected
            .and_then(|id| people.iter().position(|p| *p == id))
        {
            self.scroll.selected = pos;
        }
        self.scroll.selected = self.scroll.selected.min(people.len().saturating_sub(1));
        self.selected = people.get(self.scroll.selected).copied();
    }

    pub fn capturing(&self) -> bool {
        !matches!(self.mode, Mode::List)
    }

    pub fn unsaved(&self) -> bool {
        match &self.mode {
            Mode::List => false,
            Mode::Form(form) => form.edited(),
            Mode::Import(path) => path.edited(),
        }
    }

    pub fn discard(&mut self) {
        self.mode = Mode::List;
    }

    pub fn key(&mut self, key: KeyEvent, cx: &mut Cx) -> RosterOutcome {
        match &mut self.mode {
            Mode::Form(form) => {
                match form.key(key, cx) {
                    FormOutcome::Stay => {}
                    FormOutcome::Close => self.mode = Mode::List,
                    FormOutcome::Saved(id) => {
                        self.selected = Some(id);
                        if form.editing.is_some() {
                            self.mode = Mode::List;
                        }
                    }
                }
                return RosterOutcome::Used;
            }
            Mode::Import(path) => {
                if path.key(key) == FieldKey::Used {
                    return RosterOutcome::Used;
                }
                match key.code {
                    KeyCode::Esc => self.mode = Mode::List,
                    KeyCode::Enter => {
                        let typed = path.text().trim().to_string();
                        if typed.is_empty() {
                            cx.error("Type the path of a names file");
                            return RosterOutcome::Used;
                        }
                        // A FIFO or a huge file must not freeze the room's screen.
                        let read = crate::sheet::read_file(&expand_home(&typed)).and_then(|b| {
                            String::from_utf8(b)
                                .map_err(|_| std::io::Error::other("not UTF-8 text"))
                        });
                        match read {
                            Ok(content) => {
                                let report = import(&content, cx);
                                let name = std::path::Path::new(&typed)
                                    .file_name()
                                    .map_or(typed.clone(), |n| n.to_string_lossy().into_owned());
                                let notice = report.notice(&name);
                                if report.added == 0 && !report.refused.is_empty() {
                                    cx.error(notice);
                                } else {
                                    cx.info(notice);
                                }
                                self.mode = Mode::List;
                            }
                            Err(e) => cx.error(format!("Cannot read {typed}: {e}")),
                        }
                    }
                    _ => {}
                }
                return RosterOutcome::Used;
            }
            Mode::List => {}
        }
        let people = Self::people(cx.session());
        self.sync(&people);
        let page = self.rows.height.max(1) as usize;
        let action = match self.keymap.press(&key, cx) {
            Press::Act(action) => action,
            Press::Refused => return RosterOutcome::Used,
            Press::Unbound => return RosterOutcome::Unused,
        };
        match action {
            Action::Move(nav) => {
                self.scroll.key(nav.code(), people.len(), page);
                self.selected = people.get(self.scroll.selected).copied();
            }
            Action::Back => return RosterOutcome::Close,
            Action::Add => self.mode = Mode::Form(Box::new(PersonForm::adding())),
            Action::Import => {
                self.mode = Mode::Import(Box::new(Field::new(
                    "Names file (one name per line, or CSV: name,organisation,group)",
                )))
            }
            Action::Change | Action::Remove if self.selected.is_none() => {
                cx.error("Nobody on the roster yet: press a to add people, i to import a file")
            }
            Action::Change => {
                let id = self.selected.expect("checked");
                if let Some(form) = PersonForm::editing(cx.session(), id) {
                    self.mode = Mode::Form(Box::new(form));
                }
            }
            Action::Away if cx.session().follow_up.is_none() => {
                cx.error("Marking someone away is for follow-up meetings")
            }
            Action::Away if self.selected.is_none() => cx.error("Nobody on the roster yet"),
            Action::Away => {
                let id = self.selected.expect("checked");
                let who = &cx.session().participants[&id];
                let (name, absent) = (who.name.clone(), !who.absent);
                if cx.record(commands::set_away(id, absent)) {
                    cx.info(match absent {
                        true => format!("{name} is away for this meeting · u undoes"),
                        false => format!("{name} is here after all"),
                    });
                }
            }
            Action::Remove => {
                let id = self.selected.expect("checked");
                let name = cx.session().participant_name(id).to_string();
                if cx.record(commands::remove_person(id)) {
                    cx.info(format!("Removed {name} from the roster. Press u to undo"));
                    self.selected = None;
                }
            }
        }
        RosterOutcome::Used
    }

    pub fn paste(&mut self, text: &str) {
        match &mut self.mode {
            Mode::Form(form) => form.paste(text),
            Mode::Import(path) => path.paste(text),
            Mode::List => {}
        }
    }

    pub fn mouse(&mut self, event: MouseEvent, session: &Session) -> bool {
        if !matches!(self.mode, Mode::List) {
            return false;
        }
        let people = Self::people(session);
        self.sync(&people);
        let r = self.rows;
        match event.kind {
            MouseEventKind::ScrollDown => self.scroll.wheel(true, people.len(), r.height as usize),
            MouseEventKind::ScrollUp => self.scroll.wheel(false, people.len(), r.height as usize),
            MouseEventKind::Down(MouseButton::Left)
                if event.row >= r.y && event.row < r.y + r.height =>
            {
                let n = self.scroll.offset + (event.row - r.y) as usize;
                if n >= people.len() {
                    return false;
                }
                self.scroll.selected = n;
            }
            _ => return false,
        }
        self.selected = people.get(self.scroll.selected).copied();
        true
    }

    pub fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = view.theme;
        let s = view.session;
        buf.set_style(area, t.base);
        let area = Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(2),
            ..area
        };
        let form_h = match &self.mode {
            Mode::Form(form) => form.height(),
            Mode::Import(_) => 6,
            Mode::List => 1,
        }
        .min(area.height.saturating_sub(3));
        if area.height < 4 {
            return;
        }
        let title = format!(
            "Participants: {} from {} organisations",
            s.participants.len(),
            s.organisation_count()
        );
        Line::styled(text::fit(&title, area.width as usize), t.accent)
            .render(Rect { height: 1, ..area }, buf);
        let w = area.width as usize;
        let (org_w, group_w) = if w >= 120 { (40, 20) } else { (w / 3, 16) };
        let name_w = w.saturating_sub(2 + org_w + 2 + group_w + 2);
        let header = format!(
            "  {}  {}  {}",
            cell("Name", name_w),
            cell("Organisation", org_w),
            cell("Group", group_w)
        );
        Line::styled(header, t.dim).render(
            Rect {
                y: area.y + 1,
                height: 1,
                ..area
            },
            buf,
        );
        let list = Rect {
            y: area.y + 2,
            height: area.height - 2 - form_h,
            ..area
        };
        self.rows = list;
        let people = Self::people(s);
        self.sync(&people);
        if people.is_empty() {
            let empty = if view.read_only {
                "Nobody on the roster yet."
            } else {
                "Nobody on the roster yet. Press a to add people, i to import a names file."
            };
            Line::styled(text::fit(empty, w), t.accent).render(Rect { height: 1, ..list }, buf);
        }
        let range = self.scroll.fit(people.len(), list.height as usize);
        for (row, n) in range.enumerate() {
            let Some(p) = s.participants.get(&people[n]) else {
                continue;
            };
            let selected = n == self.scroll.selected;
            let style = if selected { t.selected } else { t.base };
            let mark = if selected { "▶ " } else { "  " };
            // Away from a follow-up meeting: said in words beside the name.
            let name = if p.absent {
                format!("{} (away)", p.name)
            } else {
                p.name.clone()
            };
            let line = format!(
                "{mark}{}  {}  {}",
                cell(&name, name_w),
                cell(p.organisation.as_deref().unwrap_or(""), org_w),
                cell(p.group.map_or("", |g| g.label()), group_w)
            );
            let r = Rect {
                y: list.y + row as u16,
                height: 1,
                ..list
            };
            buf.set_style(r, style);
            Line::styled(line, style).render(r, buf);
        }
        let foot = Rect {
            y: area.y + area.height - form_h,
            height: form_h,
            ..area
        };
        match &mut self.mode {
            Mode::Form(form) => form.render(foot, buf, view),
            Mode::Import(path) => {
                path.render(Rect { height: 4, ..foot }, buf, t, true);
                let hint = "Enter import · Esc cancel · names already on the roster are skipped";
                Line::styled(text::fit(hint, w), t.dim).render(
                    Rect {
                        y: foot.y + foot.height.saturating_sub(1),
                        height: 1,
                        ..foot
                    },
                    buf,
                );
            }
            Mode::List => {
                let hint = "a add · e change · d remove · i import a names file · Esc back";
                Line::styled(text::fit(hint, w), t.dim).render(foot, buf);
            }
        }
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        match &self.mode {
            Mode::Form(form) => form.keys(),
            Mode::Import(_) => vec![
                KeyHelp::main("Enter", "import the file"),
                KeyHelp::main("Esc", "cancel"),
            ],
            Mode::List => self.keymap.help(),
        }
    }
}
