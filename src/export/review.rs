//! After anonymising, what a person should still read before publishing: passages of free
//! text with a capitalised word that is not a known word of the session (its theme, titles,
//! places, organisations), not a common word, and never written in lower case anywhere in
//! the proceedings. That is what an unlisted name ("spoke to Bob") looks like; it also
//! catches place names and brands, which is the price of not missing a person.

use super::anonymous::{common_word, fold, words};
use crate::view::StateView;
use std::collections::BTreeSet;

/// Characters of context shown on each side of a flagged word.
const CONTEXT: usize = 30;

/// One passage to check: where it is and the words around the suspect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    pub place: String,
    pub excerpt: String,
}

impl std::fmt::Display for Passage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.excerpt)
    }
}

pub(super) fn review(state: &StateView) -> Vec<Passage> {
    let texts = free_text(state);
    let mut known: BTreeSet<String> = BTreeSet::new();
    let mut lower: BTreeSet<String> = BTreeSet::new();
    let named = [state.theme.as_str()]
        .into_iter()
        .chain(state.issues.iter().map(|i| i.title.as_str()))
        .chain(state.spaces.iter().map(|s| s.name.as_str()))
        .chain(state.slots.iter().map(|s| s.label.as_str()))
        .chain(
            state
                .participants
                .iter()
                .filter_map(|p| p.organisation.as_deref()),
        )
        .chain(["Participant Guest Other"]);
    for text in named {
        known.extend(words(text).into_iter().map(|w| w.2));
    }
    for (_, text) in &texts {
        for (start, _, folded) in words(text) {
            if !text[start..].starts_with(char::is_uppercase) {
                lower.insert(folded);
            }
        }
    }
    let mut out = vec![];
    for (place, text) in &texts {
        for (start, end, folded) in words(text) {
            let word = &text[start..end];
            // A sentence starts with a capital whatever its first word is; flagging every
            // one would bury the few names in noise, so only words inside a sentence count.
            let before = text[..start].trim_end_matches([' ', '"', '\'', '(', '“', '‘', '[']);
            if before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':', ';', '•', '-']) {
                continue;
            }
            let capitalised = word.starts_with(char::is_uppercase);
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            if !capitalised
                || letters < 2
                || known.contains(&folded)
                || lower.contains(&folded)
                || common_word(&folded)
                || common_word(&fold(word))
            {
                continue;
            }
            out.push(Passage {
                place: place.clone(),
                excerpt: excerpt(text, start, end),
            });
        }
    }
    out
}

/// The word in its context on one line, marked with brackets.
fn excerpt(text: &str, start: usize, end: usize) -> String {
    let before: String = {
        let mut b: Vec<char> = text[..start].chars().rev().take(CONTEXT).collect();
        b.reverse();
        b.into_iter().collect()
    };
    let after: String = text[end..].chars().take(CONTEXT).collect();
    let lead = if before.len() < start { "…" } else { "" };
    let tail = if after.len() < text.len() - end {
        "…"
    } else {
        ""
    };
    let line = format!("{lead}{before}[{}]{after}{tail}", &text[start..end]);
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn free_text(state: &StateView) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = vec![("theme".to_string(), &state.theme)];
    for i in &state.issues {
        let n = i.id;
        for (what, text) in [
            ("title", &i.title),
            ("description", &i.description),
            ("key points", &i.report.key_points),
            ("recommendations", &i.report.recommendations),
            ("follow-up", &i.report.follow_up),
        ] {
            if !text.is_empty() {
                out.push((format!("issue {n} {what}"), text));
            }
        }
        for s in &i.next_steps {
            out.push((format!("issue {n} next step {}", s.id), &s.text));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_capitalised_word_is_flagged_with_its_context() {
        use crate::model::{Change, IssueId, Journal, Report};
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-12T10:00:00+00:00").unwrap();
        let mut j = Journal::create(at, "Home from hospital").unwrap();
        j.record(
            at,
            Change::IssueRaised {
                issue: IssueId(1),
                title: "Transport".into(),
                convener: None,
                description: String::new(),
            },
        )
        .unwrap();
        j.record(
            at,
            Change::ReportRecorded {
                issue: IssueId(1),
                report: Box::new(Report {
                    key_points: "We spoke to Bob about Transport. Later it was fine; later too."
                        .into(),
                    ..Report::default()
                }),
            },
        )
        .unwrap();
        let flagged = review(&StateView::of(&j.session));
        assert_eq!(flagged.len(), 1, "{flagged:?}");
        assert_eq!(
            flagged[0].to_string(),
            "issue 1 key points: We spoke to [Bob] about Transport. Later it was…"
        );
    }
}
