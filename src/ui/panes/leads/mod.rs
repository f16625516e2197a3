//! The Leads pane: who takes each priority forward. Issues are ranked by the latest round
//! and grouped by triage; each gets a lead, supporters and next steps with owners and due
//! dates. It flags top priorities nobody leads and anyone leading too many.

mod draw;
mod forms;
pub(super) mod keys;
mod listing;
mod present;

use crate::model::commands;
use crate::model::{IssueId, Session, StepId};
use crate::ui::derived::Derived;
use crate::ui::keys::{Keymap, Press};
use crate::ui::pane::{Cx, Handled, KeyHelp, Pane, View};
use crate::ui::widgets::FieldKey;
use crate::ui::widgets::form_rows::{FormAction, backdrop};
use forms::{NameFor, NamePrompt, StepForm};
use keys::{Action, StepAction, TriageAction};
use listing::Listing;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use std::rc::Rc;

/// What is open over the list, if anything.
enum Open {
    Name(Box<NamePrompt>),
    NextStep(StepForm),
    /// Choosing where the issue goes in triage.
    Triage(IssueId),
}

#[derive(Default)]
pub struct LeadsPane {
    /// Kept by id so the issue stays selected when triage or the ranking moves it.
    selected: Option<IssueId>,
    /// The next step under the cursor when moving among the selected issue's steps.
    step: Option<StepId>,
    offset: usize,
    open: Option<Open>,
    /// The listing is made again only when the session changes, not on every frame.
    listing: Derived<(), Listing>,
    keymap: Keymap<Action>,
    step_keys: Keymap<StepAction>,
    triage_keys: Keymap<TriageAction>,
}

impl LeadsPane {
    fn listing(&mut self, session: &Session) -> Rc<Listing> {
        self.listing.get(session, (), || Listing::of(session))
    }

    fn current(&self, listing: &Listing) -> Option<IssueId> {
        self.selected
            .filter(|s| listing.issues().any(|i| i == *s))
            .or_else(|| listing.issues().next())
    }

    fn move_by(&mut self, cx: &Cx, by: isize) {
        if let Some(step) = self.step {
            let steps = self.steps(cx);
            let at = steps.iter().position(|s| *s == step).unwrap_or(0) as isize;
            let to = (at + by).clamp(0, steps.len() as isize - 1) as usize;
            self.step = steps.get(to).copied();
            return;
        }
        let listing = self.listing(cx.session());
        let issues: Vec<IssueId> = listing.issues().collect();
        if issues.is_empty() {
            return;
        }
        let at = self
            .current(&listing)
            .and_then(|c| issues.iter().position(|i| *i == c))
            .unwrap_or(0) as isize;
        self.selected = Some(issues[(at + by).clamp(0, issues.len() as isize - 1) as usize]);
    }

    fn steps(&self, cx: &Cx) -> Vec<StepId> {
        self.selected
            .and_then(|i| cx.session().issues.get(&i))
            .map(|i| i.plan.steps.keys().copied().collect())
            .unwrap_or_default()
    }

    /// The selected issue, or a notice saying there is none.
    fn target(&mut self, cx: &mut Cx) -> Option<IssueId> {
        let listing = self.listing(cx.session());
        let current = self.current(&listing);
        if current.is_none() {
            cx.error("No issues yet: raise them in 2 Issues");
        }
        self.selected = current;
        current
    }

    fn open_key(&mut self, key: KeyEvent, cx: &mut Cx) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let close = match open {
            Open::Name(prompt) => match prompt.field.key(key) {
                FieldKey::Used => {
                    prompt.offer(cx.session());
                    false
                }
                FieldKey::Pass => match key.code {
                    KeyCode::Esc => true,
                    KeyCode::Enter => prompt.submit(cx),
                    _ => false,
                },
            },
            Open::NextStep(form) => {
                let action = form.form.key(key);
                form.offer(cx.session());
                form.preview(cx.now.date_naive(), cx.session_day());
                match action {
                    FormAction::Used => false,
                    FormAction::Cancel => true,
                    FormAction::Submit => form.submit(cx),
                }
            }
            Open::Triage(issue) => {
                let issue = *issue;
                match self.triage_keys.press(&key, cx) {
                    Press::Act(TriageAction::Set(triage)) => {
                        if cx.record(commands::set_triage(issue, triage)) {
                            let label = triage.map_or("not triaged", |t| t.label());
                            cx.info(format!("Issue {issue}: {label}"));
                        }
                        true
                    }
                    Press::Act(TriageAction::Cancel) => true,
                    Press::Refused | Press::Unbound => false,
                }
            }
        };
        if close {
            self.open = None;
        }
    }

    /// A key while moving among steps. `None` leaves it to the issue list's keys.
    fn steps_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Option<Handled> {
        let (issue, step) = (self.selected?, self.step?);
        let (_, action) = self.step_keys.find(&key)?;
        if let StepAction::Move(nav) = action {
            self.move_by(cx, nav.rows());
            return Some(Handled::Yes);
        }
        let Some(found) = cx
            .session()
            .issues
            .get(&issue)
            .and_then(|i| i.plan.steps.get(&step))
            .cloned()
        else {
            self.step = None;
            return None;
        };
        let action = match self.step_keys.press(&key, cx) {
            Press::Act(action) => action,
            Press::Refused => return Some(Handled::Yes),
            Press::Unbound => return None,
        };
        match action {
            StepAction::Move(nav) => self.move_by(cx, nav.rows()),
            StepAction::Back => self.step = None,
            StepAction::Change => {
                let mut form = StepForm::new(cx.session(), issue, Some(&found));
                form.preview(cx.now.date_naive(), cx.session_day());
                self.open = Some(Open::NextStep(form));
            }
            StepAction::Remove => {
                if cx.record(commands::remove_step(issue, step)) {
                    cx.info(format!("Removed a next step of issue {issue} (u undoes)"));
                    let steps = self.steps(cx);
                    self.step = steps.first().copied();
                }
            }
            StepAction::NextStatus => {
                if let Some((change, status)) = commands::next_status(cx.session(), issue, step)
                    && cx.record(change)
                {
                    cx.info(format!("Next step {}", status.label()));
                }
            }
        }
        Some(Handled::Yes)
    }
}

impl Pane for LeadsPane {
    fn key(&mut self, key: KeyEvent, cx: &mut Cx) -> Handled {
        if self.open.is_some() {
            self.open_key(key, cx);
            return Handled::Yes;
        }
        if let Some(handled) = self.steps_key(key, cx) {
            return handled;
        }
        let action = match self.keymap.press(&key, cx) {
            Press::Act(action) => action,
            Press::Refused => return Handled::Yes,
            Press::Unbound => return Handled::No,
        };
        match action {
            Action::Move(nav) => self.move_by(cx, nav.rows()),
            Action::Lead => {
                if let Some(issue) = self.target(cx) {
                    self.open = Some(Open::Name(Box::new(NamePrompt::new(
                        cx.session(),
                        issue,
                        NameFor::Lead,
                    ))));
                }
            }
            Action::AddSupporter => {
                if let Some(issue) = self.target(cx) {
                    self.open = Some(Open::Name(Box::new(NamePrompt::new(
                        cx.session(),
                        issue,
                        NameFor::AddSupporter,
                    ))));
                }
            }
            Action::DropSupporter => {
                if let Some(issue) = self.target(cx) {
                    let none = cx
                        .session()
                        .issues
                        .get(&issue)
                        .is_none_or(|i| i.plan.supporters.is_empty());
                    if none {
                        cx.error(format!("Issue {issue} has no supporters to take off"));
                    } else {
                        self.open = Some(Open::Name(Box::new(NamePrompt::new(
                            cx.session(),
                            issue,
                            NameFor::DropSupporter,
                        ))));
                    }
                }
            }
            Action::NextStep => {
                if let Some(issue) = self.target(cx) {
                    self.open = Some(Open::NextStep(StepForm::new(cx.session(), issue, None)));
                }
            }
            Action::Triage => {
                if let Some(issue) = self.target(cx) {
                    self.open = Some(Open::Triage(issue));
                }
            }
            Action::Steps => {
                if self.target(cx).is_some() {
                    match self.steps(cx).first() {
                        Some(first) => self.step = Some(*first),
                        None => cx.error("No next steps yet: n adds one"),
                    }
                }
            }
        }
        Handled::Yes
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Handled {
        match self.open.as_mut() {
            Some(Open::Name(prompt)) => prompt.field.paste(text),
            Some(Open::NextStep(form)) => form.form.paste(text),
            _ => return Handled::No,
        }
        Handled::Yes
    }

    fn capturing(&self) -> bool {
        self.open.is_some()
    }

    fn unsaved(&self) -> bool {
        match &self.open {
            Some(Open::Name(prompt)) => prompt.field.edited(),
            Some(Open::NextStep(form)) => form.form.edited(),
            Some(Open::Triage(_)) | None => false,
        }
    }

    fn discard(&mut self) {
        self.open = None;
    }

    fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        let listing = self.listing(view.session);
        let current = self.current(&listing);
        let step = self.step.filter(|s| {
            current
                .and_then(|i| view.session.issues.get(&i))
                .is_some_and(|i| i.plan.steps.contains_key(s))
        });
        draw::Screen {
            view,
            listing: &listing,
            selected: current,
            step,
        }
        .render(area, buf, &mut self.offset);
        let t = view.theme;
        match self.open.as_mut() {
            Some(Open::Name(prompt)) => draw::prompt(&mut prompt.field, area, buf, t),
            Some(Open::NextStep(form)) => {
                backdrop(area, form.form.height(), buf, t);
                form.form.render(draw::inset(area), buf, t)
            }
            Some(Open::Triage(issue)) => draw::triage_choice(*issue, view.session, area, buf, t),
            None => {}
        }
    }

    fn render_present(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        let listing = self.listing(view.session);
        present::render(&listing, self.current(&listing), area, buf, view);
    }

    fn keys(&self) -> Vec<KeyHelp> {
        match &self.open {
            Some(Open::Name(_)) => vec![
                KeyHelp::main("Enter", "accept"),
                KeyHelp::main("↓", "choose a name offered"),
                KeyHelp::main("Esc", "cancel"),
                KeyHelp::more(
                    "Enter twice",
                    "add a name not on the roster as a new person (the first Enter only asks)",
                ),
            ],
            Some(Open::NextStep(_)) => vec![
                KeyHelp::main("Enter", "save the step"),
                KeyHelp::main("Tab", "next field"),
                KeyHelp::main("Esc", "cancel"),
                KeyHelp::more("Space ←→", "change horizon or status"),
                KeyHelp::more(
                    "due dates",
                    "31/12/2026, 31/12, 31 Dec, Dec 31 (day first; no year: the next such day from the session's), 2026-12-01, +2w, +10d, tomorrow, next monday",
                ),
                KeyHelp::more("↓ in Owner", "choose a name; Enter twice adds a new person"),
            ],
            Some(Open::Triage(_)) => self.triage_keys.help(),
            None if self.step.is_some() => self.step_keys.help(),
            None => self.keymap.help(),
        }
    }
}
