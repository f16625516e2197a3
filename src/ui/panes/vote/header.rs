//! The lines above the chart: which round, its rules, how dots are being entered, and what
//! the facilitator should know (results hidden, more dots than the room could have cast).

use crate::model::tally::{DotCount, overflow};
use crate::model::{ParticipantId, Round, Session};
use crate::ui::text;
use crate::ui::theme::Theme;
use ratatui::text::{Line, Span};

pub struct Header<'a> {
    pub session: &'a Session,
    pub round: &'a Round,
    pub voter: Option<ParticipantId>,
    pub theme: &'a Theme,
    pub big: bool,
    /// Replay: no key hints, since nothing can be changed.
    pub read_only: bool,
}

impl Header<'_> {
    pub fn lines(&self) -> Vec<Line<'static>> {
        let t = self.theme;
        let r = self.round;
        let mut lines = vec![self.rules()];
        if self.big || self.read_only {
            lines.push(self.cast());
            return lines;
        }
        lines.push(match (r.anonymous, self.voter) {
            (true, _) => Line::from(vec![
                Span::styled("ANONYMOUS ", t.accent),
                Span::styled(
                    "tally only: dots are counted, not named · + adds a dot · - takes one off",
                    t.base,
                ),
            ]),
            (false, None) => Line::from(vec![
                Span::styled("TALLY ", t.accent),
                Span::styled(
                    "+ adds a dot to the selected issue · - takes one off · v by person",
                    t.base,
                ),
            ]),
            (false, Some(p)) => {
                let left = r.dots_per_person.saturating_sub(r.spent_by(p));
                let name = text::fit(self.session.participant_name(p), 40);
                Line::from(vec![
                    Span::styled("BY PERSON ", t.accent),
                    Span::styled(format!("{name}: "), t.title),
                    Span::styled(
                        format!(
                            "{left} of {} dots left · v someone else · t tally",
                            r.dots_per_person
                        ),
                        t.base,
                    ),
                ])
            }
        });
        lines.push(self.cast());
        if self.voter.is_none()
            && let Some(over) = overflow(self.session, r)
        {
            let people = self.session.participants.len();
            lines.push(Line::styled(
                format!(
                    "⚠ {} dots cast, {} more than the roster's {people} people × {} dots: someone voted twice, or the roster is short",
                    over.cast,
                    over.excess(),
                    r.dots_per_person,
                ),
                t.warn,
            ));
        }
        lines
    }

    fn rules(&self) -> Line<'static> {
        let t = self.theme;
        let r = self.round;
        let of = self.session.rounds.len();
        let mut parts = vec![format!("Round {} of {of}", r.id)];
        parts.push(format!("{} dots each", r.dots_per_person));
        if let Some(max) = r.max_per_issue {
            parts.push(format!("at most {max} per issue"));
        }
        parts.push(if r.anonymous { "anonymous" } else { "named" }.into());
        let state = match (r.open, self.read_only) {
            (true, _) => "OPEN",
            (false, true) => "CLOSED",
            (false, false) => "CLOSED (c reopens)",
        };
        Line::from(vec![
            Span::styled(parts.join(" · "), t.title),
            Span::styled(" · ", t.title),
            Span::styled(state, if r.open { t.ok } else { t.warn }),
        ])
    }

    fn cast(&self) -> Line<'static> {
        let t = self.theme;
        let r = self.round;
        let mut spans = vec![Span::styled(DotCount::of(r).to_string(), t.base)];
        if !r.results_visible() {
            let hint = if self.read_only { "" } else { " (r)" };
            spans.push(Span::styled(
                format!(" · totals hidden until revealed{hint}"),
                t.warn,
            ));
        }
        Line::from(spans)
    }
}
