//! The form that opens a voting round. It comes pre-filled with what most rooms do (three
//! dots each, no per-issue maximum, named, results shown live, every issue that took place
//! on the ballot: merged issues and those marked "did not take place" stay off unless the
//! ballot option says so) so a facilitator under pressure can press `n` then Enter.

use crate::model::commands::RoundRules;
use crate::model::{IssueId, RoundId, Session};
use crate::ui::widgets::Field;
use crate::ui::widgets::form_rows::{Form, FormAction, Input};
use ratatui::crossterm::event::KeyEvent;

const DOTS: usize = 0;
const MAX: usize = 1;
const ANONYMOUS: usize = 2;
const HIDDEN: usize = 3;
const BALLOT: usize = 4;
const TOP: usize = 5;

/// How many of the previous round's leaders a follow-up ballot offers by default.
const DEFAULT_TOP: usize = 5;

/// Which issues a ballot option puts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ballot {
    /// Active issues whose breakout took place.
    TookPlace,
    /// Every active issue, those that did not take place too.
    Active,
    /// The leaders of the previous round.
    Top,
}

pub struct RoundForm {
    pub form: Form,
    /// The round a "top N" ballot is taken from, if there is one.
    previous: Option<RoundId>,
    /// What each option of the ballot row means.
    ballots: Vec<Ballot>,
}

impl RoundForm {
    pub fn new(session: &Session) -> RoundForm {
        let all = session.active_issues().count();
        let off = session.active_issues().filter(|i| i.cancelled).count();
        let previous = session.latest_round().map(|r| r.id);
        let (mut labels, mut ballots) = if off == 0 {
            (
                vec![format!("every active issue ({all})")],
                vec![Ballot::TookPlace],
            )
        } else {
            (
                vec![
                    format!("every issue that took place ({}; {off} did not)", all - off),
                    format!("every active issue, those that did not take place too ({all})"),
                ],
                vec![Ballot::TookPlace, Ballot::Active],
            )
        };
        if let Some(p) = previous {
            labels.push(format!("the top N of round {p}"));
            ballots.push(Ballot::Top);
        }
        let inputs = vec![
            Form::text_input(Field::new("Dots per person").with_text("3")),
            Form::text_input(Field::new(
                "Most dots one person may give one issue (empty: no limit)",
            )),
            Input::Toggle {
                label: "Anonymous (counts only, no names kept)",
                on: false,
            },
            Input::Toggle {
                label: "Hide the totals until revealed with r",
                on: false,
            },
            Input::Choice {
                label: "Ballot",
                options: labels,
                at: 0,
            },
            Form::text_input(
                Field::new(
                    "N: how many of the previous round's leaders (ties at the cut are kept)",
                )
                .with_text(&DEFAULT_TOP.to_string()),
            ),
        ];
        let mut form = Form::new(
            format!("New voting round {}", session.next_round_id()),
            inputs,
        );
        form.show(TOP, false);
        RoundForm {
            form,
            previous,
            ballots,
        }
    }

    pub fn key(&mut self, key: KeyEvent) -> FormAction {
        let action = self.form.key(key);
        let top = self.ballot() == Ballot::Top;
        self.form.show(TOP, top);
        action
    }

    fn ballot(&self) -> Ballot {
        self.ballots
            .get(self.form.choice(BALLOT))
            .copied()
            .unwrap_or(Ballot::TookPlace)
    }

    /// The round the form describes and its ballot, or the row to fix and why.
    pub fn round(&self, session: &Session) -> Result<(RoundRules, Vec<IssueId>), (usize, String)> {
        let dots = whole(&self.form.text(DOTS)).ok_or((
            DOTS,
            "Dots per person must be a whole number, e.g. 3".into(),
        ))?;
        let max_text = self.form.text(MAX);
        let max_per_issue =
            if max_text.trim().is_empty() {
                None
            } else {
                Some(whole(&max_text).ok_or((
                MAX,
                "The per-issue maximum must be a whole number, e.g. 2, or empty for no limit"
                    .into(),
            ))?)
            };
        let ballot: Vec<IssueId> = match (self.ballot(), self.previous) {
            (Ballot::Top, Some(prev)) => {
                let n = whole(&self.form.text(TOP))
                    .filter(|n| *n > 0)
                    .ok_or((TOP, "N must be a whole number, e.g. 5".into()))?;
                let round = session.rounds.get(&prev).ok_or((
                    BALLOT,
                    format!("Round {prev} is gone: choose every active issue"),
                ))?;
                let top = round.top(n as usize);
                if top.is_empty() {
                    return Err((
                        BALLOT,
                        format!("Round {prev} has no dots yet: choose every active issue"),
                    ));
                }
                top
            }
            (Ballot::Active, _) => session.active_issues().map(|i| i.id).collect(),
            _ => session
                .active_issues()
                .filter(|i| !i.cancelled)
                .map(|i| i.id)
                .collect(),
        };
        if ballot.is_empty() {
            return Err((
                BALLOT,
                "No issue took place: choose the option that puts them all on".into(),
            ));
        }
        let rules = RoundRules {
            dots_per_person: dots,
            max_per_issue,
            anonymous: self.form.on(ANONYMOUS),
            hidden: self.form.on(HIDDEN),
        };
        Ok((rules, ballot))
    }
}

fn whole(text: &str) -> Option<u32> {
    text.trim().parse().ok()
}
