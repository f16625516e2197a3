//! `--anonymous`: the proceedings with every personal name replaced by a neutral label, so
//! they can be shared beyond the room. Organisations stay (they are not people).
//!
//! Participants become "Participant 7 (NHS)" (their number on the roster and the voice they
//! bring); attendees written on a report who are not on the roster become "Guest 1", "Guest
//! 2" … in order of first appearance. Full names are also replaced inside free text (titles,
//! reports, next steps) where they stand as whole words; a first name alone, a nickname or
//! a name in different capitals is not recognised there, so read free text before sending.

use super::visit::{Field, each_text};
use crate::store::StateView;
use std::collections::BTreeMap;

/// The label shown for a participant who has since left the roster.
const UNKNOWN: &str = "(unknown)";

pub(super) fn anonymise(state: &mut StateView) {
    // Keyed by the name as the room wrote it, ignoring case and outer spaces, as the
    // roster's own uniqueness rule does.
    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    let mut replace: Vec<(String, String)> = vec![];
    for p in &state.participants {
        let label = match p.group {
            Some(group) => format!("Participant {} ({})", p.id, group.label()),
            None => format!("Participant {}", p.id),
        };
        labels.insert(key(&p.name), label.clone());
        replace.push((p.name.trim().to_string(), label));
    }
    let mut guests = 0;
    for issue in &state.issues {
        for name in &issue.report.attendee_names {
            if let std::collections::btree_map::Entry::Vacant(slot) = labels.entry(key(name)) {
                guests += 1;
                let label = format!("Guest {guests}");
                slot.insert(label.clone());
                replace.push((name.trim().to_string(), label));
            }
        }
    }
    // Longest first, so "Ann Lee-Smith" is taken whole before "Ann Lee" could match.
    replace.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    replace.retain(|(name, _)| !name.is_empty());

    each_text(state, &mut |field, text| match field {
        Field::Person | Field::Attendee => {
            *text = match labels.get(&key(text)) {
                Some(label) => label.clone(),
                None => UNKNOWN.to_string(),
            };
        }
        Field::Text => *text = scrub(text, &replace),
    });
}

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Replaces each name that stands as whole words in `text` with its label.
fn scrub(text: &str, names: &[(String, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut at_word_start = true;
    'scan: while let Some(c) = rest.chars().next() {
        if at_word_start {
            for (name, label) in names {
                if let Some(after) = rest.strip_prefix(name.as_str())
                    && after.chars().next().is_none_or(|n| !n.is_alphanumeric())
                {
                    out.push_str(label);
                    rest = after;
                    at_word_start = false;
                    continue 'scan;
                }
            }
        }
        out.push(c);
        at_word_start = !c.is_alphanumeric();
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::scrub;

    #[test]
    fn names_are_replaced_only_as_whole_words() {
        let names = vec![
            ("Ann Lee-Smith".to_string(), "P2".to_string()),
            ("Ann Lee".to_string(), "P1".to_string()),
            ("Al".to_string(), "P3".to_string()),
        ];
        assert_eq!(
            scrub("Ann Lee and Ann Lee-Smith; Also Al's notes (Al)", &names),
            "P1 and P2; Also P3's notes (P3)"
        );
        assert_eq!(
            scrub("Zoë Lambertson", &[("Zoë Lambert".into(), "P".into())]),
            "Zoë Lambertson"
        );
    }
}
