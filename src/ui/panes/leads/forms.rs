//! What the Leads pane asks for: a name (lead, new supporter, supporter to drop), a next
//! step (text, owner, due date, horizon, status), or where a priority goes in triage.
//! Names come from the roster with completion; a new name joins the roster only on a
//! second Enter, in one step with what names them.

use crate::model::commands::{self, StepText};
use crate::model::dates::{parse_due_on, preview_due};
use crate::model::{Horizon, IssueId, NextStep, ParticipantId, Session, StepId, StepStatus};
use crate::ui::pane::{Cx, capitalise};
use crate::ui::panes::people::{self, Person};
use crate::ui::widgets::Field;
use crate::ui::widgets::form_rows::{Form, Input};
use crate::ui::widgets::name_match;

/// Who a name prompt is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameFor {
    Lead,
    AddSupporter,
    DropSupporter,
}

pub struct NamePrompt {
    pub issue: IssueId,
    pub purpose: NameFor,
    pub field: Field,
    /// A new name already questioned once.
    pending: Option<String>,
}

impl NamePrompt {
    pub fn new(session: &Session, issue: IssueId, purpose: NameFor) -> NamePrompt {
        let label = match purpose {
            NameFor::Lead => "Lead: a name from the roster or a new one (empty: no lead)",
            NameFor::AddSupporter => "New supporter: a name from the roster or a new one",
            NameFor::DropSupporter => "Supporter to take off",
        };
        let lead = session.issues.get(&issue).and_then(|i| i.plan.lead);
        let field = match lead {
            Some(lead) if purpose == NameFor::Lead => {
                Field::new(label).with_text(session.participant_name(lead))
            }
            _ => Field::new(label),
        };
        NamePrompt {
            issue,
            purpose,
            field,
            pending: None,
        }
    }

    /// Offers the names that fit what is typed: supporters only when dropping one, and
    /// neither the lead nor those already supporting when adding one; about those, the
    /// field says why they are not offered.
    pub fn offer(&mut self, session: &Session) {
        let names: Vec<&str> = session
            .participants
            .values()
            .filter(|p| match self.purpose {
                NameFor::DropSupporter => role(session, self.issue, p.id).is_some(),
                NameFor::AddSupporter => role(session, self.issue, p.id).is_none(),
                NameFor::Lead => true,
            })
            .map(|p| p.name.as_str())
            .collect();
        self.field.offer(names.into_iter());
        if self.purpose == NameFor::AddSupporter {
            let taken = self.taken(session);
            self.field.set_note(taken);
        }
    }

    /// Who, among the names the typed text may mean, already leads or supports the issue.
    fn taken(&self, session: &Session) -> Option<String> {
        let typed = self.field.value();
        let mut matches = name_match::best(&typed, people::names(session));
        if let Some(id) = session.find_participant(&typed) {
            matches.insert(0, session.participant_name(id));
        }
        let words: Vec<String> = matches
            .into_iter()
            .filter_map(|name| {
                let id = session.find_participant(name)?;
                let what = role(session, self.issue, id)?;
                Some(format!("{name} already {what} issue {}", self.issue))
            })
            .collect();
        (!words.is_empty()).then(|| words.join("; "))
    }

    /// Records what the prompt asks for. True when done, so the prompt can close; on a
    /// refusal the notice says why and the typed name stays.
    pub fn submit(&mut self, cx: &mut Cx) -> bool {
        let name = self.field.value();
        let name = name.trim().to_string();
        let issue = self.issue;
        let current = cx.session().issues.get(&issue).and_then(|i| i.plan.lead);
        match self.purpose {
            NameFor::Lead if name.is_empty() => {
                if current.is_none() {
                    return true;
                }
                let (unled, _) = commands::assign_lead(cx.session(), issue, &Person::Nobody);
                let done = cx.record_step(unled);
                if done {
                    cx.info(format!("Issue {issue} has no lead now"));
                }
                done
            }
            NameFor::Lead => {
                let Some(who) = people::resolve(cx, &mut self.field, &mut self.pending, None)
                else {
                    return false;
                };
                if let Person::Known(p) = who
                    && Some(p) == current
                {
                    return true;
                }
                let assigned = commands::assign_lead(cx.session(), issue, &who);
                let Some(Some(lead)) = people::record_naming(cx, assigned) else {
                    return false;
                };
                let name = cx.session().participant_name(lead).to_string();
                cx.info(format!(
                    "{name} leads issue {issue}{}",
                    people::joined(&who)
                ));
                true
            }
            NameFor::AddSupporter => {
                if name.is_empty() {
                    cx.error("Type a name, or Esc to cancel");
                    return false;
                }
                if let Some(p) = cx.session().find_participant(&name)
                    && let Some(what) = role(cx.session(), issue, p)
                {
                    let who = cx.session().participant_name(p).to_string();
                    cx.error(format!("{who} already {what} issue {issue}"));
                    return false;
                }
                let taken = self.taken(cx.session());
                let Some(who) = people::resolve(cx, &mut self.field, &mut self.pending, taken)
                else {
                    return false;
                };
                let added = commands::add_supporter(cx.session(), issue, &who);
                let Some(Some(p)) = people::record_naming(cx, added) else {
                    return false;
                };
                let name = cx.session().participant_name(p).to_string();
                cx.info(format!(
                    "{name} supports issue {issue}{}",
                    people::joined(&who)
                ));
                true
            }
            NameFor::DropSupporter => {
                let Some(p) = cx.session().find_participant(&name) else {
                    cx.error(format!(
                        "No one called \"{name}\" on the roster: pick a supporter offered below"
                    ));
                    return false;
                };
                let done = cx.record(commands::remove_supporter(issue, p));
                if done {
                    let who = cx.session().participant_name(p).to_string();
                    cx.info(format!("{who} no longer supports issue {issue}"));
                }
                done
            }
        }
    }
}

/// "leads" or "supports" when the person has that part in the issue's plan.
fn role(session: &Session, issue: IssueId, who: ParticipantId) -> Option<&'static str> {
    let plan = &session.issues.get(&issue)?.plan;
    if plan.lead == Some(who) {
        Some("leads")
    } else if plan.supporters.contains(&who) {
        Some("supports")
    } else {
        None
    }
}

const TEXT: usize = 0;
const OWNER: usize = 1;
const DUE: usize = 2;
const HORIZON: usize = 3;
const STATUS: usize = 4;

/// A new next step, or changes to one.
pub struct StepForm {
    pub issue: IssueId,
    pub editing: Option<StepId>,
    pub form: Form,
    /// A new owner's name already questioned once.
    pending: Option<String>,
}

impl StepForm {
    pub fn new(session: &Session, issue: IssueId, step: Option<&NextStep>) -> StepForm {
        let owner = step
            .and_then(|s| s.owner)
            .map(|o| session.participant_name(o).to_string())
            .unwrap_or_default();
        let due = step
            .and_then(|s| s.due)
            .map(|d| d.to_string())
            .unwrap_or_default();
        let inputs = vec![
            Form::text_input(Field::new("Next step").with_text(step.map_or("", |s| &s.text))),
            Form::text_input(
                Field::new("Owner: a name from the roster or a new one").with_text(&owner),
            ),
            Form::text_input(
                Field::new("Due: 31/12/2026, 31 Dec, 2026-12-01, +2w or next monday (empty: none)")
                    .with_text(&due),
            ),
            Input::Choice {
                label: "Horizon",
                options: Horizon::ALL.iter().map(|h| h.label().to_string()).collect(),
                at: step.map_or(0, |s| {
                    Horizon::ALL
                        .iter()
                        .position(|h| *h == s.horizon)
                        .unwrap_or(0)
                }),
            },
            Input::Choice {
                label: "Status",
                options: StepStatus::ALL
                    .iter()
                    .map(|s| s.label().to_string())
                    .collect(),
                at: step.map_or(0, |s| {
                    StepStatus::ALL
                        .iter()
                        .position(|x| *x == s.status)
                        .unwrap_or(0)
                }),
            },
        ];
        let title = match step {
            Some(_) => format!("Change a next step of issue {issue}"),
            None => format!("New next step for issue {issue}"),
        };
        let mut form = Form::new(title, inputs);
        form.show(STATUS, step.is_some());
        StepForm {
            issue,
            editing: step.map(|s| s.id),
            form,
            pending: None,
        }
    }

    /// Offers roster names while the owner is being typed. Names offered under another row
    /// would be stale, so they go when the owner row is left.
    pub fn offer(&mut self, session: &Session) {
        let typing = self.form.focus == OWNER;
        if let Some(field) = self.form.field_mut(OWNER) {
            if typing {
                field.offer(people::names(session));
            } else {
                field.forget_offers();
            }
        }
    }

    /// Shows under the due date what the typed text will mean, or why it cannot be read,
    /// before anything is saved.
    pub fn preview(&mut self, today: chrono::NaiveDate, day: chrono::NaiveDate) {
        if let Some(field) = self.form.field_mut(DUE) {
            let text = field.text();
            match preview_due(&text, today, day) {
                _ if text.trim().is_empty() => field.set_hint(None),
                Ok(meaning) => field.set_hint(Some(meaning)),
                Err(why) => field.set_note(Some(capitalise(&why.to_string()))),
            }
        }
    }

    /// Records the step. True when done; on a bad date or a refusal the form stays open
    /// on the row to fix.
    pub fn submit(&mut self, cx: &mut Cx) -> bool {
        let text = self.form.text(TEXT);
        if text.trim().is_empty() {
            self.form.focus_on(TEXT);
            cx.error("Say what the next step is");
            return false;
        }
        let due_text = self.form.text(DUE);
        let due = if due_text.trim().is_empty() {
            None
        } else {
            match parse_due_on(&due_text, cx.now.date_naive(), cx.session_day()) {
                Ok(date) => Some(date),
                Err(why) => {
                    self.form.focus_on(DUE);
                    cx.error(capitalise(&why.to_string()));
                    return false;
                }
            }
        };
        let Some(field) = self.form.field_mut(OWNER) else {
            return false;
        };
        let Some(who) = people::resolve(cx, field, &mut self.pending, None) else {
            self.form.focus_on(OWNER);
            return false;
        };
        let horizon = Horizon::ALL[self.form.choice(HORIZON).min(Horizon::ALL.len() - 1)];
        let issue = self.issue;
        let status = StepStatus::ALL[self.form.choice(STATUS).min(StepStatus::ALL.len() - 1)];
        let step = StepText {
            text,
            due,
            horizon,
            status,
        };
        let saved = commands::save_step(cx.session(), issue, self.editing, step, &who);
        let done = people::record_naming(cx, saved).is_some();
        if done {
            let when = due.map_or(String::new(), |d| {
                format!(", due {}", d.format("%a %-d %b %Y"))
            });
            let verb = if self.editing.is_some() {
                "Changed"
            } else {
                "Added"
            };
            cx.info(format!(
                "{verb} a next step of issue {issue}{when}{}",
                people::joined(&who)
            ));
        }
        done
    }
}
