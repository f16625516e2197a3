//! The Progress pane of a follow-up meeting (key 7, where a follow-up opens): every
//! carried action grouped by priority, how it stood last time, and what the room says now.
//! A status is one key, a note, due date or owner a short field; each update is one event,
//! undone with `u` like any other. New next steps and priorities can be added here too.

mod draw;
pub(super) mod keys;
mod present;

use crate::model::commands::{self, Person, Progress};
use crate::model::dates::parse_due;
use crate::model::{IssueId, ParticipantId, Session, StepId, StepStatus};
use crate::ui::derived::Derived;
use crate::ui::keys::{Keymap, Nav, Press};
use crate::ui::pane::{Cx, Handled, KeyHelp, Pane, View};
use crate::ui::widgets::field::{Field, FieldKey};
use keys::Action;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use std::rc::Rc;

#[derive(Default)]
pub struct ProgressPane {
    /// The selected row: a priority or one of its actions.
    selected: usize,
    /// The first row drawn, kept so the selection stays in view.
    scroll: usize,
    editing: Option<Editing>,
    review: Derived<(), Review>,
    keymap: Keymap<Action>,
}

/// What the pane lists, made again only when the session changes.
struct Review {
    rows: Vec<Row>,
    /// Lines each row takes, for scrolling without making every row's lines.
    heights: Vec<usize>,
    /// The review's figures (`draw::figures`).
    figures: String,
}

impl Review {
    fn of(session: &Session) -> Review {
        let rows = rows(session);
        Review {
            heights: rows.iter().map(|r| draw::row_height(session, *r)).collect(),
            rows,
            figures: draw::figures(session),
        }
    }
}

/// A row of the list: a priority, or an action under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Priority(IssueId),
    Action(IssueId, StepId),
}

impl Row {
    fn issue(self) -> IssueId {
        match self {
            Row::Priority(i) | Row::Action(i, _) => i,
        }
    }
}

/// The rows in order: each priority under review, then its actions in the order they were
/// added. The order never depends on status, so an update never moves the row under the
/// cursor.
pub fn rows(session: &Session) -> Vec<Row> {
    let mut out = vec![];
    for issue in session.priorities_under_review() {
        out.push(Row::Priority(issue.id));
        out.extend(issue.plan.steps.keys().map(|s| Row::Action(issue.id, *s)));
    }
    out
}

enum What {
    Note,
    Due,
    Owner,
    NewStep,
    NewPriority,
    /// The lead of a priority just named in `NewPriority`.
    Lead(String),
}

struct Editing {
    what: What,
    row: Row,
    field: Field,
}

impl ProgressPane {
    fn review(&mut self, session: &Session) -> Rc<Review> {
        self.review.get(session, (), || Review::of(session))
    }

    fn row(&self, session: &Session) -> Option<Row> {
        let rows = rows(session);
        rows.get(self.selected.min(rows.len().saturating_sub(1)))
            .copied()
    }

    fn set_status(&mut self, status: StepStatus, cx: &mut Cx) {
        let Some(Row::Action(issue, step)) = self.row(cx.session()) else {
            cx.error("Choose an action (↑↓) to give it a status");
            return;
        };
        let s = &cx.session().issues[&issue].plan.steps[&step];
        if s.status == status {
            cx.info(format!("Already {}", status.label()));
            return;
        }
        let said = Progress::Status(status);
        if let Some(change) = commands::record_progress(cx.session(), issue, step, said)
            && cx.record(change)
        {
            cx.info(format!("Now {} · u undoes", status.label()));
        }
    }

    fn open(&mut self, what: What, cx: &mut Cx) {
        let Some(row) = self.row(cx.session()) else {
            if matches!(what, What::NewPriority) {
                self.editing = Some(Editing {
                    what,
                    row: Row::Priority(IssueId(0)),
                    field: Field::new("New priority: its title"),
                });
            } else {
                cx.error("Nothing to review yet: p adds a priority");
            }
            return;
        };
        let step = match row {
            Row::Action(i, s) => cx.session().issues[&i].plan.steps.get(&s),
            Row::Priority(_) => None,
        };
        let needs_action = matches!(what, What::Note | What::Due | What::Owner);
        if needs_action && step.is_none() {
            cx.error("Choose an action (↑↓) first");
            return;
        }
        let field = match (&what, step) {
            (What::Note, Some(s)) => Field::new("Progress note (one line)").with_text(&s.note),
            (What::Due, Some(s)) => Field::new("New due date (e.g. 2027-03-31, +2w, next friday)")
                .with_text(&s.due.map(|d| d.to_string()).unwrap_or_default()),
            (What::Owner, Some(s)) => Field::new("Owner (a name on the roster; empty for none)")
                .with_text(s.owner.map_or("", |o| cx.session().participant_name(o))),
            (What::NewStep, _) => Field::new("New next step"),
            _ => Field::new("New priority: its title"),
        };
        self.editing = Some(Editing { what, row, field });
    }

    /// Enter in a field: records the change, or says why not and keeps the field open.
    fn submit(&mut self, cx: &mut Cx) {
        let Some(editing) = self.editing.take() else {
            return;
        };
        let text = editing.field.value().trim().to_string();
        let issue = editing.row.issue();
        let step = match editing.row {
            Row::Action(i, s) => cx
                .session()
                .issues
                .get(&i)
                .and_then(|i| i.plan.steps.get(&s)),
            Row::Priority(_) => None,
        }
        .cloned();
        // Owners and leads here are people on the roster already: a name that is not
        // is refused, not added (Opening adds people).
        let person = |cx: &Cx, text: &str| -> Result<Option<ParticipantId>, String> {
            match commands::person_named(cx.session(), text) {
                Person::Nobody => Ok(None),
                Person::Known(id) => Ok(Some(id)),
                Person::New(name) => Err(format!(
                    "No one called \"{name}\" on the roster (add them in Opening)"
                )),
            }
        };
        let progress = |cx: &mut Cx, s: &crate::model::NextStep, said| {
            commands::record_progress(cx.session(), issue, s.id, said)
                .is_some_and(|change| cx.record(change))
        };
        let done = match (&editing.what, step) {
            (What::Note, Some(s)) => progress(cx, &s, Progress::Note(text)),
            (What::Due, Some(s)) => {
                let today = cx.session().meeting_date().unwrap_or(cx.now.date_naive());
                if text.is_empty() {
                    progress(cx, &s, Progress::Due(None))
                } else {
                    match parse_due(&text, today) {
                        Ok(d) => progress(cx, &s, Progress::Due(Some(d))),
                        Err(why) => {
                            cx.error(crate::ui::pane::capitalise(&why.to_string()));
                            false
                        }
                    }
                }
            }
            (What::Owner, Some(s)) => match person(cx, &text) {
                Ok(owner) => progress(cx, &s, Progress::Owner(owner)),
                Err(why) => {
                    cx.error(why);
                    false
                }
            },
            (What::NewStep, _) => {
                let (change, step) = commands::add_step(cx.session(), issue, &text);
                let added = cx.record(change);
                if added {
                    if let Some(at) = rows(cx.session())
                        .iter()
                        .position(|r| *r == Row::Action(issue, step))
                    {
                        self.selected = at;
                    }
                    cx.info("Next step added: o sets its owner, t its due date");
                }
                added
            }
            (What::NewPriority, _) => {
                if text.is_empty() {
                    cx.error("A priority needs a title");
                    false
                } else {
                    self.editing = Some(Editing {
                        what: What::Lead(text),
                        row: editing.row,
                        field: Field::new("Who leads it? (a name on the roster)"),
                    });
                    return;
                }
            }
            (What::Lead(title), _) => match person(cx, &text) {
                Ok(lead) => {
                    let (changes, id) = commands::new_priority(cx.session(), title, lead);
                    let added = cx.record_step(changes);
                    if added {
                        match rows(cx.session()).iter().position(|r| *r == Row::Priority(id)) {
                            Some(at) => {
                                self.selected = at;
                                cx.info(format!("Priority {id} added: a adds its next steps"));
                            }
                            None => cx.info(format!(
                                "Issue {id} raised without a lead: it shows here once it has a lead or a next step"
                            )),
                        }
                    }
                    added
                }
                Err(why) => {
                    cx.error(why);
                    false
                }
            },
            _ => {
                cx.error("That action is no longer there");
                true
            }
        };
        // After a refusal the field stays open with what was typed, so nothing is lost.
        if !done {
            self.editing = Some(editing);
        }
    }
}

impl Pane for ProgressPane {
    fn key(&mut self, key: KeyEvent, cx: &mut Cx) -> Handled {
        if let Some(editing) = &mut self.editing {
            match editing.field.key(key) {
                FieldKey::Used => {
                    if matches!(editing.what, What::Owner | What::Lead(_)) {
                        let names: Vec<String> = cx
                            .session()
                            .participants
                            .values()
                            .map(|p| p.name.clone())
                            .collect();
                        editing.field.offer(names.iter().map(String::as_str));
                    }
                }
                FieldKey::Pass => match key.code {
                    KeyCode::Esc => self.editing = None,
                    KeyCode::Enter => self.submit(cx),
                    _ => {}
                },
            }
            return Handled::Yes;
        }
        let len = rows(cx.session()).len();
        let action = match self.keymap.press(&key, cx) {
            Press::Act(action) => action,
            Press::Refused => return Handled::Yes,
            Press::Unbound => return Handled::No,
        };
        let last = len.saturating_sub(1);
        match action {
            Action::Move(nav) => {
                self.selected = match nav {
                    Nav::Up => self.selected.saturating_sub(1),
                    Nav::Down => (self.selected + 1).min(last),
                    Nav::PageUp => self.selected.saturating_sub(10),
                    Nav::PageDown => (self.selected + 10).min(last),
                    Nav::Home => 0,
                    Nav::End => last,
                }
            }
            Action::Status(status) => self.set_status(status, cx),
            Action::Note => self.open(What::Note, cx),
            Action::Due => self.open(What::Due, cx),
            Action::Owner => self.open(What::Owner, cx),
            Action::NewStep => self.open(What::NewStep, cx),
            Action::NewPriority => self.open(What::NewPriority, cx),
            // The app's key: the pane only lists it.
            Action::Present => return Handled::No,
        }
        Handled::Yes
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Handled {
        match &mut self.editing {
            Some(editing) => {
                editing.field.paste(text);
                Handled::Yes
            }
            None => Handled::No,
        }
    }

    fn capturing(&self) -> bool {
        self.editing.is_some()
    }

    fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        draw::draw(self, area, buf, view);
    }

    fn render_present(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        let review = self.review(view.session);
        present::draw(&review.figures, area, buf, view);
    }

    fn keys(&self) -> Vec<KeyHelp> {
        if self.editing.is_some() {
            return vec![
                KeyHelp::main("Enter", "save"),
                KeyHelp::main("Esc", "cancel"),
            ];
        }
        self.keymap.help()
    }
}
