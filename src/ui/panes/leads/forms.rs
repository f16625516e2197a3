//! What the Leads pane asks for: a name (lead, new supporter, supporter to drop), a next
//! step (text, owner, due date, horizon, status), or where a priority goes in triage.
//! Names come from the roster with completion; a new name joins the roster.

use crate::model::dates::parse_due;
use crate::model::{Change, Horizon, IssueId, ParticipantId, Session, Step, StepId, StepStatus};
use crate::ui::pane::{Cx, capitalise};
use crate::ui::widgets::Field;
use crate::ui::widgets::form_rows::{Form, Input};

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
    /// A new name the user already confirmed once.
    confirmed: Option<String>,
}

impl NamePrompt {
    pub fn new(session: &Session, issue: IssueId, purpose: NameFor) -> NamePrompt {
        let label = match purpose {
            NameFor::Lead => "Lead: a name from the roster or a new one (empty: no lead)",
            NameFor::AddSupporter => "New supporter: a name from the roster or a new one",
            NameFor::DropSupporter => "Supporter to take off",
        };
        let mut field = Field::new(label);
        if purpose == NameFor::Lead
            && let Some(lead) = session.issues.get(&issue).and_then(|i| i.plan.lead)
        {
            field.set_text(session.participant_name(lead));
        }
        NamePrompt {
            issue,
            purpose,
            field,
            confirmed: None,
        }
    }

    /// Offers the names that fit what is typed: supporters only when dropping one, and
    /// neither the lead nor those already supporting when adding one.
    pub fn offer(&mut self, session: &Session) {
        let plan = session.issues.get(&self.issue).map(|i| &i.plan);
        let supports = |id: ParticipantId| plan.is_some_and(|p| p.supporters.contains(&id));
        let leads = |id: ParticipantId| plan.is_some_and(|p| p.lead == Some(id));
        let names: Vec<&str> = session
            .participants
            .values()
            .filter(|p| match self.purpose {
                NameFor::DropSupporter => supports(p.id),
                NameFor::AddSupporter => !supports(p.id) && !leads(p.id),
                NameFor::Lead => true,
            })
            .map(|p| p.name.as_str())
            .collect();
        self.field.offer(names.into_iter());
    }

    /// Records what the prompt asks for. True when done, so the prompt can close; on a
    /// refusal the notice says why and the typed name stays.
    pub fn submit(&mut self, cx: &mut Cx) -> bool {
        let name = self.field.value();
        let name = name.trim();
        let issue = self.issue;
        let current = cx.session().issues.get(&issue).and_then(|i| i.plan.lead);
        match self.purpose {
            NameFor::Lead if name.is_empty() => {
                if current.is_none() {
                    return true;
                }
                let done = cx.record(Change::LeadAssigned { issue, lead: None });
                if done {
                    cx.info(format!("Issue {issue} has no lead now"));
                }
                done
            }
            NameFor::Lead => {
                if let Some(p) = cx.session().find_participant(name)
                    && Some(p) == current
                {
                    return true;
                }
                let new = cx.session().find_participant(name).is_none();
                let Some(lead) = person(cx, name, &mut self.confirmed) else {
                    return false;
                };
                let done = cx.record(Change::LeadAssigned {
                    issue,
                    lead: Some(lead),
                });
                if done {
                    let who = cx.session().participant_name(lead).to_string();
                    cx.info(format!("{who} leads issue {issue}{}", joined(new)));
                }
                done
            }
            NameFor::AddSupporter => {
                if name.is_empty() {
                    cx.error("Type a name, or Esc to cancel");
                    return false;
                }
                let new = cx.session().find_participant(name).is_none();
                let Some(p) = person(cx, name, &mut self.confirmed) else {
                    return false;
                };
                let done = cx.record(Change::SupporterAdded {
                    issue,
                    participant: p,
                });
                if done {
                    let who = cx.session().participant_name(p).to_string();
                    cx.info(format!("{who} supports issue {issue}{}", joined(new)));
                }
                done
            }
            NameFor::DropSupporter => {
                let Some(p) = cx.session().find_participant(name) else {
                    cx.error(format!(
                        "No one called \"{name}\" on the roster: pick a supporter offered below"
                    ));
                    return false;
                };
                let done = cx.record(Change::SupporterRemoved {
                    issue,
                    participant: p,
                });
                if done {
                    let who = cx.session().participant_name(p).to_string();
                    cx.info(format!("{who} no longer supports issue {issue}"));
                }
                done
            }
        }
    }
}

fn joined(new: bool) -> &'static str {
    if new { " (new on the roster)" } else { "" }
}

/// A typed name resolved to someone on the roster, adding them if they are new. A new name
/// that looks like names already there ("Ben" when "Ben Ortiz" is on the roster) is only
/// added on a second Enter, so a half-typed name does not become a second person.
pub fn person(cx: &mut Cx, name: &str, confirmed: &mut Option<String>) -> Option<ParticipantId> {
    if let Some(p) = cx.session().find_participant(name) {
        return Some(p);
    }
    let typed = name.to_lowercase();
    let similar: Vec<String> = cx
        .session()
        .participants
        .values()
        .filter(|p| p.name.to_lowercase().contains(&typed))
        .take(2)
        .map(|p| format!("\"{}\"", p.name))
        .collect();
    if !similar.is_empty() && confirmed.as_deref() != Some(name) {
        *confirmed = Some(name.to_string());
        cx.error(format!(
            "\"{name}\" is not on the roster: Enter again adds them, ↓ picks {}",
            similar.join(" or ")
        ));
        return None;
    }
    let id = cx.session().next_participant_id();
    let added = cx.record(Change::ParticipantAdded {
        participant: id,
        name: name.to_string(),
        organisation: None,
        group: None,
    });
    added.then_some(id)
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
    /// A new owner's name the user already confirmed once.
    confirmed: Option<String>,
}

impl StepForm {
    pub fn new(session: &Session, issue: IssueId, step: Option<&Step>) -> StepForm {
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
                Field::new("Due: 2026-12-01, +2w, +10d or next monday (empty: no date)")
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
            confirmed: None,
        }
    }

    /// Offers roster names while the owner is being typed. Names offered under another row
    /// would be stale, so they go when the owner row is left.
    pub fn offer(&mut self, session: &Session) {
        let typing = self.form.focus == OWNER;
        if let Some(field) = self.form.field_mut(OWNER) {
            if typing {
                field.offer(session.participants.values().map(|p| p.name.as_str()));
            } else {
                // A name chosen from the list becomes the text before the list goes.
                let chosen = field.value();
                if chosen != field.text() {
                    field.set_text(&chosen);
                }
                field.offer(std::iter::empty());
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
            match parse_due(&due_text, cx.now.date_naive()) {
                Ok(date) => Some(date),
                Err(why) => {
                    self.form.focus_on(DUE);
                    cx.error(capitalise(&why.to_string()));
                    return false;
                }
            }
        };
        let owner_name = self.form.text(OWNER);
        let owner = if owner_name.trim().is_empty() {
            None
        } else {
            match person(cx, owner_name.trim(), &mut self.confirmed) {
                Some(p) => Some(p),
                None => {
                    self.form.focus_on(OWNER);
                    return false;
                }
            }
        };
        let horizon = Horizon::ALL[self.form.choice(HORIZON).min(Horizon::ALL.len() - 1)];
        let issue = self.issue;
        let change = match self.editing {
            None => Change::StepAdded {
                issue,
                step: cx.session().next_step_id(),
                text,
                owner,
                due,
                horizon,
            },
            Some(step) => Change::StepUpdated {
                issue,
                step,
                text,
                owner,
                due,
                horizon,
                status: StepStatus::ALL[self.form.choice(STATUS).min(StepStatus::ALL.len() - 1)],
            },
        };
        let done = cx.record(change);
        if done {
            let when = due.map_or(String::new(), |d| {
                format!(", due {}", d.format("%a %-d %b %Y"))
            });
            let verb = if self.editing.is_some() {
                "Changed"
            } else {
                "Added"
            };
            cx.info(format!("{verb} a next step of issue {issue}{when}"));
        }
        done
    }
}
