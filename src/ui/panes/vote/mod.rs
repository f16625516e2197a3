//! The Vote pane: rounds of dot voting and the ranking they give. Dots come in two ways:
//! counted off the wall (tally, the default) or entered person by person from a roster,
//! where each person's budget and per-issue maximum are the domain's to enforce.

mod breakdown;
mod chart;
mod draw;
mod form;
mod header;
pub(super) mod keys;
mod present;
mod prompt;

use crate::model::commands;
use crate::model::{IssueId, ParticipantId, Ranked, Round, RoundId, Session};
use crate::ui::derived::Derived;
use crate::ui::keys::{Keymap, Press};
use crate::ui::pane::{Cx, Handled, KeyHelp, Pane, View};
use crate::ui::widgets::Field;
use crate::ui::widgets::form_rows::FormAction;
use form::RoundForm;
use keys::Action;
use prompt::Prompt;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use std::rc::Rc;

/// How dots are entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// Paper dots counted off the wall: `+`/`-` on the selected issue.
    Tally,
    /// One person's ballot at a time, within their budget.
    Person(ParticipantId),
}

pub struct VotePane {
    /// The issue under the cursor, kept by id so it stays selected when the order changes.
    selected: Option<IssueId>,
    offset: usize,
    entry: Entry,
    form: Option<RoundForm>,
    /// A one-line question over the chart: who votes, which issue to go to, a count.
    prompt: Option<Prompt>,
    /// Showing which stakeholder groups backed each issue.
    breakdown: bool,
    /// The round being looked at; the latest when `None`.
    viewing: Option<RoundId>,
    /// The facilitator asked for the ranking while the round is open (`o`).
    ranked: bool,
    /// Last drawn in present mode, where the room sees the ranking: keys then move
    /// through the rows as shown.
    drawn_big: bool,
    /// The rows of the round looked at, ranked or not, made again only when the session
    /// changes.
    rows: Derived<(RoundId, bool), Vec<Ranked>>,
    keymap: Keymap<Action>,
}

impl Default for VotePane {
    fn default() -> Self {
        VotePane {
            selected: None,
            offset: 0,
            entry: Entry::Tally,
            form: None,
            prompt: None,
            breakdown: false,
            viewing: None,
            ranked: false,
            drawn_big: false,
            rows: Derived::default(),
            keymap: Keymap::default(),
        }
    }
}

impl VotePane {
    fn round<'s>(&self, session: &'s Session) -> Option<&'s Round> {
        self.viewing
            .and_then(|id| session.rounds.get(&id))
            .or_else(|| session.latest_round())
    }

    /// Whether the rows come ranked: while a round is open they stay in ballot order, so
    /// counting never moves a row under the cursor, unless the facilitator asks (`o`), the
    /// room is shown the results, or the round is revealed or closed.
    fn ranked(&self, round: &Round) -> bool {
        self.ranked || self.drawn_big || !round.open || round.revealed
    }

    /// The selected issue, or the first listed if the selection left the ballot.
    fn rows(&mut self, session: &Session, round: &Round) -> Rc<Vec<Ranked>> {
        let ranked = self.ranked(round);
        self.rows
            .get(session, (round.id, ranked), || chart::rows(round, ranked))
    }

    fn current(&mut self, session: &Session, round: &Round) -> Option<IssueId> {
        let rows = self.rows(session, round);
        self.selected
            .filter(|s| rows.iter().any(|r| r.issue == *s))
            .or_else(|| rows.first().map(|r| r.issue))
    }

    fn move_by(&mut self, session: &Session, by: isize) {
        let Some(round) = self.round(session) else {
            return;
        };
        let rows = self.rows(session, round);
        if rows.is_empty() {
            return;
        }
        let at = self
            .current(session, round)
            .and_then(|s| rows.iter().position(|r| r.issue == s))
            .unwrap_or(0);
        let to = (at as isize + by).clamp(0, rows.len() as isize - 1) as usize;
        self.selected = Some(rows[to].issue);
    }

    fn open_form(&mut self, cx: &mut Cx) {
        if cx.session().active_issues().next().is_none() {
            cx.error("No issues to vote on yet: raise them in 2 Issues first");
            return;
        }
        self.form = Some(RoundForm::new(cx.session()));
    }

    fn form_key(&mut self, key: KeyEvent, cx: &mut Cx) {
        let Some(form) = self.form.as_mut() else {
            return;
        };
        match form.key(key) {
            FormAction::Used => {}
            FormAction::Cancel => self.form = None,
            FormAction::Submit => match form.round(cx.session()) {
                Err((row, why)) => {
                    form.form.focus_on(row);
                    cx.error(why);
                }
                Ok((rules, ballot)) => {
                    let (dots_per_person, anonymous) = (rules.dots_per_person, rules.anonymous);
                    let on_ballot = ballot.len();
                    let (change, round) = commands::open_round(cx.session(), rules, ballot);
                    if cx.record(change) {
                        self.form = None;
                        self.viewing = None;
                        self.selected = None;
                        self.offset = 0;
                        if anonymous {
                            self.entry = Entry::Tally;
                        }
                        cx.info(format!(
                            "Round {round} is open: {dots_per_person} dots each, {on_ballot} issues on the ballot"
                        ));
                    }
                }
            },
        }
    }

    fn start_picking(&mut self, cx: &mut Cx) {
        let Some(round) = self.round(cx.session()) else {
            cx.error("No round yet: press n to start one");
            return;
        };
        if round.anonymous {
            cx.error(format!(
                "Round {} is anonymous: dots are counted, not named, so only tally mode",
                round.id
            ));
            return;
        }
        if cx.session().participants.is_empty() {
            cx.error("The roster is empty: add participants first, or count dots in tally mode");
            return;
        }
        self.prompt = Some(Prompt::Voter(Field::new(
            "Who is voting? (type a name from the roster)",
        )));
    }

    fn dot(&mut self, add: bool, cx: &mut Cx) {
        let Some(round) = self.round(cx.session()) else {
            cx.error("No round yet: press n to start one");
            return;
        };
        let Some(issue) = self.current(cx.session(), round) else {
            return;
        };
        // The command drops the voter in an anonymous round.
        let voter = match self.entry {
            Entry::Person(p) => Some(p),
            Entry::Tally => None,
        };
        let id = round.id;
        self.selected = Some(issue);
        cx.record(commands::dot(cx.session(), id, issue, voter, add));
    }

    fn close_or_reopen(&mut self, cx: &mut Cx) {
        let Some(round) = self.round(cx.session()) else {
            cx.error("No round yet: press n to start one");
            return;
        };
        let (id, open) = (round.id, round.open);
        if let Some(change) = commands::close_or_reopen(cx.session(), id)
            && cx.record(change)
        {
            cx.info(if open {
                format!("Round {id} is closed: it takes no more dots (c reopens it)")
            } else {
                format!("Round {id} is open again")
            });
        }
    }

    fn reveal(&mut self, cx: &mut Cx) {
        let Some(id) = self.round(cx.session()).map(|r| r.id) else {
            cx.error("No round yet: press n to start one");
            return;
        };
        if cx.record(commands::reveal_results(id)) {
            cx.info(format!("Round {id}: results revealed"));
        }
    }

    fn browse(&mut self, cx: &mut Cx, later: bool) {
        let session = cx.session();
        let Some(now) = self.round(session).map(|r| r.id) else {
            return;
        };
        let next = if later {
            session.rounds.range(RoundId(now.0 + 1)..).next()
        } else {
            session.rounds.range(..now).next_back()
        };
        match next {
            Some((&id, _)) => {
                let latest = session.latest_round().map(|r| r.id);
                self.viewing = (Some(id) != latest).then_some(id);
                self.offset = 0;
                cx.info(format!("Showing round {id}"));
            }
            None => cx.info(if later {
                "This is the latest round"
            } else {
                "This is the first round"
            }),
        }
    }
}

impl Pane for VotePane {
    fn key(&mut self, key: KeyEvent, cx: &mut Cx) -> Handled {
        if self.form.is_some() {
            self.form_key(key, cx);
            return Handled::Yes;
        }
        if self.prompt.is_some() {
            self.prompt_key(key, cx);
            return Handled::Yes;
        }
        // Esc goes back to tally mode only from entering by person; otherwise it is the
        // app's (leaving present mode).
        let by_person = matches!(self.entry, Entry::Person(_));
        let live = |action| action != Action::BackToTally || by_person;
        let action = match self.keymap.press_when(&key, cx, live) {
            Press::Act(action) => action,
            Press::Refused => return Handled::Yes,
            Press::Unbound => return Handled::No,
        };
        match action {
            Action::NewRound => self.open_form(cx),
            Action::Move(nav) => self.move_by(cx.session(), nav.rows()),
            Action::Dot(add) => self.dot(add, cx),
            Action::Tally => {
                self.entry = Entry::Tally;
                cx.info("Tally: + adds a dot to the selected issue, - takes one off");
            }
            Action::ByPerson => self.start_picking(cx),
            Action::BackToTally => self.entry = Entry::Tally,
            Action::CloseOrReopen => self.close_or_reopen(cx),
            Action::Reveal => self.reveal(cx),
            Action::Breakdown => self.toggle_breakdown(cx),
            Action::Ranked => self.toggle_ranked(cx),
            Action::Jump => self.start_jump(cx),
            Action::Count => self.start_count(cx),
            Action::Browse(later) => self.browse(cx, later),
        }
        Handled::Yes
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Handled {
        if let Some(form) = self.form.as_mut() {
            form.form.paste(text);
            return Handled::Yes;
        }
        if let Some(prompt) = self.prompt.as_mut() {
            prompt.field_mut().paste(text);
            return Handled::Yes;
        }
        Handled::No
    }

    fn capturing(&self) -> bool {
        self.form.is_some() || self.prompt.is_some()
    }

    fn unsaved(&self) -> bool {
        self.form.as_ref().is_some_and(|f| f.form.edited())
            || self.prompt.as_ref().is_some_and(|p| p.field().edited())
    }

    fn discard(&mut self) {
        self.form = None;
        self.prompt = None;
    }

    fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        self.draw(area, buf, view, false);
    }

    fn render_present(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        present::render(self, area, buf, view);
    }

    fn keys(&self) -> Vec<KeyHelp> {
        if self.form.is_some() {
            return vec![
                KeyHelp::main("Enter", "open the round"),
                KeyHelp::main("Esc", "cancel"),
                KeyHelp::main("Tab", "next field"),
                KeyHelp::more("Space ←→", "change a choice"),
            ];
        }
        if let Some(prompt) = &self.prompt {
            return prompt.keys();
        }
        self.keymap.help()
    }
}

impl VotePane {
    fn toggle_breakdown(&mut self, cx: &mut Cx) {
        match self.round(cx.session()) {
            Some(r) if r.anonymous => {
                cx.error("An anonymous round keeps no names, so it has no breakdown by group")
            }
            Some(_) => self.breakdown = !self.breakdown,
            None => cx.error("No round yet: press n to start one"),
        }
    }

    fn toggle_ranked(&mut self, cx: &mut Cx) {
        let Some(round) = self.round(cx.session()) else {
            cx.error("No round yet: press n to start one");
            return;
        };
        if !round.results_visible() {
            cx.error(format!(
                "Round {} hides its totals until r reveals them: the ballot stays in its order",
                round.id
            ));
            return;
        }
        if !round.open || round.revealed {
            cx.info(format!("Round {} is ranked by dots", round.id));
            return;
        }
        self.ranked = !self.ranked;
        cx.info(if self.ranked {
            "Ranked by dots: rows move as dots come in (o puts them back in ballot order)"
        } else {
            "In ballot order, as on the wall: rows stay put while you count (o ranks them)"
        });
    }
}
