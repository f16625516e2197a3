//! The one-line questions of the Vote pane: who votes next (`v`), which issue to go to
//! (`#` then its number), and an issue's whole count typed in one go (`*` then a number).
//! Each says what Enter will do before it is pressed, so a count never lands on the wrong
//! issue.

use super::{Entry, VotePane};
use crate::model::commands::{self, Person};
use crate::model::{IssueId, Round, Session};
use crate::ui::pane::{Cx, KeyHelp};
use crate::ui::widgets::{Field, FieldKey};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

pub enum Prompt {
    /// Choosing who votes next (by-person entry).
    Voter(Field),
    /// Going to an issue by its number.
    Jump(Field),
    /// Setting an issue's count of dots.
    Count { issue: IssueId, field: Field },
}

impl Prompt {
    pub fn field(&self) -> &Field {
        match self {
            Prompt::Voter(f) | Prompt::Jump(f) | Prompt::Count { field: f, .. } => f,
        }
    }

    pub fn field_mut(&mut self) -> &mut Field {
        match self {
            Prompt::Voter(f) | Prompt::Jump(f) | Prompt::Count { field: f, .. } => f,
        }
    }

    /// What Enter would do, shown under the field while typing; `Err` when it cannot.
    pub fn preview(
        &self,
        session: &Session,
        round: Option<&Round>,
    ) -> Option<Result<String, String>> {
        let round = round?;
        match self {
            Prompt::Voter(_) => None,
            Prompt::Jump(field) => {
                let text = field.text();
                let text = text.trim().trim_start_matches('#');
                if text.is_empty() {
                    return Some(Err("Type the issue's number".into()));
                }
                Some(jump_target(session, round, text).map(|id| {
                    let title = session.issues.get(&id).map_or("", |i| i.title.as_str());
                    format!("→ #{id} {title}")
                }))
            }
            Prompt::Count { issue, field } => {
                let text = field.text();
                if text.trim().is_empty() {
                    return Some(Err(format!("Type how many dots issue {issue} has in all")));
                }
                let title = session.issues.get(issue).map_or("", |i| i.title.as_str());
                Some(count(&text).map(|n| {
                    let now = round.total(*issue);
                    if round.results_visible() {
                        format!("→ #{issue} {title}: {now} → {n} dots")
                    } else {
                        format!("→ #{issue} {title}: {n} dots")
                    }
                }))
            }
        }
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        match self {
            Prompt::Voter(_) => vec![
                KeyHelp::main("Enter", "vote as this person"),
                KeyHelp::main("↓", "choose a name offered"),
                KeyHelp::main("Esc", "cancel"),
            ],
            Prompt::Jump(_) => vec![
                KeyHelp::main("Enter", "go to this issue"),
                KeyHelp::main("Esc", "cancel"),
            ],
            Prompt::Count { .. } => vec![
                KeyHelp::main("Enter", "set the count"),
                KeyHelp::main("Esc", "cancel"),
            ],
        }
    }
}

/// The issue a typed number means, if it is on the round's ballot.
fn jump_target(session: &Session, round: &Round, text: &str) -> Result<IssueId, String> {
    let n: u32 = text
        .parse()
        .map_err(|_| format!("\"{text}\" is not an issue number"))?;
    let id = IssueId(n);
    match session.issues.get(&id) {
        _ if round.ballot.contains(&id) => Ok(id),
        Some(_) => Err(format!(
            "Issue {n} is not on the ballot of round {}",
            round.id
        )),
        None => Err(format!("There is no issue {n}")),
    }
}

fn count(text: &str) -> Result<u32, String> {
    let text = text.trim();
    match text.parse::<u32>() {
        Ok(n) => Ok(n),
        // All digits, only too big to hold: the rules' own limit is what to say.
        Err(_) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => Err(format!(
            "{text} dots: {}",
            crate::model::Rejection::TooManyDots
        )),
        Err(_) => Err(format!("\"{text}\" is not a whole number of dots")),
    }
}

impl VotePane {
    pub(super) fn start_jump(&mut self, cx: &mut Cx) {
        if self.round(cx.session()).is_none() {
            cx.error("No round yet: press n to start one");
            return;
        }
        self.prompt = Some(Prompt::Jump(Field::new("Go to issue number")));
    }

    pub(super) fn start_count(&mut self, cx: &mut Cx) {
        let Some(round) = self.round(cx.session()) else {
            cx.error("No round yet: press n to start one");
            return;
        };
        if let Entry::Person(_) = self.entry {
            cx.error("* sets the count of dots off the wall: press t for tally mode first");
            return;
        }
        if !round.open {
            cx.error(format!(
                "Round {} is closed: c reopens it to change a count",
                round.id
            ));
            return;
        }
        let Some(issue) = self.current(cx.session(), round) else {
            return;
        };
        self.selected = Some(issue);
        self.prompt = Some(Prompt::Count {
            issue,
            field: Field::new("Dots for the selected issue, all counted (named dots included)"),
        });
    }

    pub(super) fn prompt_key(&mut self, key: KeyEvent, cx: &mut Cx) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        if prompt.field_mut().key(key) == FieldKey::Used {
            if let Prompt::Voter(field) = prompt {
                field.offer(cx.session().participants.values().map(|p| p.name.as_str()));
            }
            return;
        }
        match key.code {
            KeyCode::Esc => self.prompt = None,
            KeyCode::Enter => self.prompt_enter(cx),
            _ => {}
        }
    }

    fn prompt_enter(&mut self, cx: &mut Cx) {
        let Some(round) = self.round(cx.session()) else {
            self.prompt = None;
            return;
        };
        let round_id = round.id;
        match self.prompt.as_ref() {
            Some(Prompt::Voter(field)) => {
                match commands::person_named(cx.session(), &field.value()) {
                    Person::Known(id) => {
                        self.entry = Entry::Person(id);
                        self.prompt = None;
                        let who = cx.session().participant_name(id).to_string();
                        cx.info(format!(
                            "Entering {who}'s dots: + gives one, - takes one back"
                        ));
                    }
                    Person::Nobody => {
                        cx.error("Type a name from the roster, or Esc to stay in tally mode")
                    }
                    // Voters are on the roster already: a new name is a slip, not a person.
                    Person::New(name) => cx.error(format!(
                        "No one called \"{name}\" on the roster: pick a name offered below"
                    )),
                }
            }
            Some(Prompt::Jump(field)) => {
                let text = field.text();
                let text = text.trim().trim_start_matches('#').to_string();
                match jump_target(cx.session(), round, &text) {
                    Ok(id) => {
                        self.selected = Some(id);
                        self.prompt = None;
                    }
                    Err(why) => cx.error(why),
                }
            }
            Some(Prompt::Count { issue, field }) => {
                let issue = *issue;
                let before = round.total(issue);
                let visible = round.results_visible();
                match count(&field.text()) {
                    Err(why) => cx.error(why),
                    Ok(dots) => {
                        if cx.record(commands::set_tally(round_id, issue, dots)) {
                            self.prompt = None;
                            self.selected = Some(issue);
                            cx.info(if visible {
                                format!("Issue {issue}: {dots} dots (was {before}). u undoes")
                            } else {
                                format!("Issue {issue}: {dots} dots. u undoes")
                            });
                        }
                    }
                }
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_count_too_big_to_hold_says_the_limit_not_that_it_is_no_number() {
        let big = super::count(" 99999999999 ").unwrap_err();
        assert_eq!(
            big,
            "99999999999 dots: at most 100000 dots can be counted for one issue"
        );
        assert_eq!(super::count("12"), Ok(12));
        assert!(
            super::count("1.5")
                .unwrap_err()
                .contains("not a whole number")
        );
    }
}
