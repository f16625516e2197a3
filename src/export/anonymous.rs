//! `--anonymous`: the proceedings with people made unidentifiable, so they can be published.
//!
//! - Everyone who ever appeared in the log (on the roster now, removed since, renamed, or
//!   written on a breakout report without being on the roster) is known by every name they
//!   ever had. Person fields become a label: "Participant 7 (NHS)", "Guest 2".
//! - In free text (theme, titles, descriptions, reports, next steps) every one of those names
//!   is replaced where it stands as whole words, ignoring case and accents ("amira haddad",
//!   "AMIRA HADDAD", "Amira Haddád"), and so is a first name or surname on its own when only
//!   one person has it ("Amira said"). A name part that several people share becomes "a
//!   participant", since it still points at someone.
//! - Organisations and stakeholder groups with fewer than `min_group` people present are
//!   folded into "Other organisations" (and their group dropped), because "Healthwatch (1):
//!   Participant 23" names Participant 23 to anyone who was there. People in a folded
//!   organisation are then described by role only ("a participant from the NHS").
//!
//! What it cannot promise: a nickname, a misspelling, a name nobody wrote on the roster or a
//! report, or a description ("the ward manager at St Anne's") is not recognised. `review`
//! lists passages that still look like names so a person can check before publishing.

use crate::model::{Change, Group, Journal, ParticipantId};
use crate::view::StateView;
use std::collections::{BTreeMap, BTreeSet};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::visit::{TextKind, each_text};

/// The label of a person field that names nobody on the roster now.
const UNKNOWN: &str = "(unknown)";
/// What a name part shared by several people, or a removed person, becomes in free text.
const SOMEONE: &str = "a participant";
/// The organisation of everyone in an organisation too small to be shown.
pub const OTHER_ORGANISATIONS: &str = "Other organisations";

/// Name parts that are not names on their own ("de", "van"): matched only inside a full name.
const PARTICLES: [&str; 14] = [
    "al", "bin", "da", "de", "del", "der", "di", "du", "la", "le", "mc", "st", "van", "von",
];

/// Common words: a name that is one of these ("Will", "May", "Hall") is replaced in free
/// text only where it is capitalised, so "we will" survives; the review skips them too.
pub(super) fn common_word(folded: &str) -> bool {
    static WORDS: std::sync::OnceLock<BTreeSet<&'static str>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            include_str!("../../assets/common-words.txt")
                .split_whitespace()
                .collect()
        })
        .contains(folded)
}

/// Someone to hide, with every name they were known by.
struct Person {
    names: Vec<String>,
    /// What they are called in person fields and in place of their full name.
    label: String,
}

pub(super) struct Anonymiser {
    /// Folded full name -> label, for person fields.
    by_name: BTreeMap<String, String>,
    /// Runs of two or more words of a name, by their first word, longest first, with the
    /// label to put in their place.
    full: BTreeMap<String, Vec<(Vec<String>, String)>>,
    /// Folded single name parts with the label to put in their place.
    parts: BTreeMap<String, String>,
    /// Names in scripts written without spaces (Chinese, Japanese, Thai): matched anywhere.
    unspaced: Vec<(String, String)>,
}

impl Anonymiser {
    pub(super) fn new(state: &StateView, journal: &Journal, min_group: usize) -> Anonymiser {
        let orgs = counts(state.participants.iter().filter_map(|p| {
            p.organisation
                .as_deref()
                .map(fold_key)
                .filter(|o| !o.is_empty())
        }));
        let groups = counts(state.participants.iter().filter_map(|p| p.group));
        let small_org = |org: Option<&str>| {
            org.map(fold_key)
                .is_some_and(|o| !o.is_empty() && orgs.get(&o).copied().unwrap_or(0) < min_group)
        };
        let shown_group =
            |g: Option<Group>| g.filter(|g| groups.get(g).copied().unwrap_or(0) >= min_group);

        // Every name each participant id ever had, in the order the log gave them.
        let mut ever: BTreeMap<ParticipantId, Vec<String>> = BTreeMap::new();
        let mut reported: Vec<String> = vec![];
        for event in &journal.events {
            match &event.change {
                Change::ParticipantAdded {
                    participant, name, ..
                }
                | Change::ParticipantUpdated {
                    participant, name, ..
                } => ever.entry(*participant).or_default().push(name.clone()),
                Change::ReportRecorded { report, .. } => {
                    reported.extend(report.attendee_names.iter().cloned())
                }
                Change::SessionCreated { .. }
                | Change::ThemeSet { .. }
                | Change::ReportReminderSet { .. }
                | Change::Undo
                | Change::Redo
                | Change::ParticipantRemoved { .. }
                | Change::SpaceAdded { .. }
                | Change::SpaceRenamed { .. }
                | Change::SpaceRemoved { .. }
                | Change::SlotAdded { .. }
                | Change::SlotUpdated { .. }
                | Change::SlotRemoved { .. }
                | Change::IssuePlaced { .. }
                | Change::IssueUnplaced { .. }
                | Change::IssueRaised { .. }
                | Change::IssueEdited { .. }
                | Change::IssueDeleted { .. }
                | Change::IssuesMerged { .. }
                | Change::IssueCancelled { .. }
                | Change::RoundOpened { .. }
                | Change::RoundClosed { .. }
                | Change::RoundReopened { .. }
                | Change::ResultsRevealed { .. }
                | Change::DotAdded { .. }
                | Change::DotRemoved { .. }
                | Change::TallySet { .. }
                | Change::LeadAssigned { .. }
                | Change::SupporterAdded { .. }
                | Change::SupporterRemoved { .. }
                | Change::StepAdded { .. }
                | Change::StepUpdated { .. }
                | Change::StepRemoved { .. }
                | Change::TriageSet { .. }
                | Change::FollowUpStarted { .. }
                | Change::PriorityCarried { .. }
                | Change::StepCarried { .. }
                | Change::ProgressRecorded { .. }
                | Change::AbsenceSet { .. }
                | Change::CopyMade { .. }
                | Change::CopyMerged { .. } => {}
            }
        }
        let mut people = vec![];
        for p in &state.participants {
            let label = if small_org(p.organisation.as_deref()) {
                role(shown_group(p.group))
            } else {
                match shown_group(p.group) {
                    Some(g) => format!("Participant {} ({})", p.id, g.label()),
                    None => format!("Participant {}", p.id),
                }
            };
            let mut names = ever.remove(&p.id).unwrap_or_default();
            names.push(p.name.clone());
            people.push(Person { names, label });
        }
        // Removed people: nobody is labelled by them any more, but their names still go.
        for (_, names) in ever {
            people.push(Person {
                names,
                label: SOMEONE.to_string(),
            });
        }
        let mut known: BTreeSet<String> = people
            .iter()
            .flat_map(|p| p.names.iter().map(|n| fold_key(n)))
            .collect();
        let attendees = state
            .issues
            .iter()
            .flat_map(|i| i.report.attendee_names.iter().cloned())
            .chain(reported);
        let mut guests = 0;
        for name in attendees {
            if known.insert(fold_key(&name)) {
                guests += 1;
                people.push(Person {
                    names: vec![name],
                    label: format!("Guest {guests}"),
                });
            }
        }

        Anonymiser::of(people)
    }

    fn of(people: Vec<Person>) -> Anonymiser {
        let mut by_name = BTreeMap::new();
        // Every run of words in anyone's name ("Lee-Smith" in "Ann Lee-Smith"), with who has it.
        let mut owners: BTreeMap<Vec<String>, BTreeSet<usize>> = BTreeMap::new();
        // Someone's whole name is theirs even where it is also part of another's.
        let mut whole: BTreeMap<Vec<String>, BTreeSet<usize>> = BTreeMap::new();
        let mut unspaced = vec![];
        for (n, person) in people.iter().enumerate() {
            for name in &person.names {
                let key = fold_key(name);
                if key.is_empty() {
                    continue;
                }
                by_name.entry(key.clone()).or_insert(person.label.clone());
                if name.chars().any(unspaced_script) {
                    unspaced.push((key, person.label.clone()));
                    continue;
                }
                let words: Vec<String> = words(name).into_iter().map(|w| w.2).collect();
                whole.entry(words.clone()).or_default().insert(n);
                for len in 1..=words.len() {
                    for run in words.windows(len) {
                        let part = &run[0];
                        if len == 1
                            && (part.chars().count() < 2 || PARTICLES.contains(&part.as_str()))
                        {
                            continue;
                        }
                        owners.entry(run.to_vec()).or_default().insert(n);
                    }
                }
            }
        }
        unspaced.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        let mut full: BTreeMap<String, Vec<(Vec<String>, String)>> = BTreeMap::new();
        let mut parts = BTreeMap::new();
        for (run, mut who) in owners {
            if let Some(exact) = whole.get(&run) {
                who = exact.clone();
            }
            let label = match who.iter().next() {
                Some(&n) if who.len() == 1 => people[n].label.clone(),
                _ => SOMEONE.to_string(),
            };
            if run.len() == 1 {
                parts.insert(run[0].clone(), label);
            } else {
                full.entry(run[0].clone()).or_default().push((run, label));
            }
        }
        for runs in full.values_mut() {
            runs.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        Anonymiser {
            by_name,
            full,
            parts,
            unspaced,
        }
    }

    /// The state with people hidden, organisations and groups folded.
    pub(super) fn apply(&self, state: &mut StateView, min_group: usize) {
        let orgs = counts(state.participants.iter().filter_map(|p| {
            p.organisation
                .as_deref()
                .map(fold_key)
                .filter(|o| !o.is_empty())
        }));
        let groups = counts(state.participants.iter().filter_map(|p| p.group));
        for p in &mut state.participants {
            if let Some(org) = &p.organisation
                && orgs.get(&fold_key(org)).copied().unwrap_or(0) < min_group
                && !fold_key(org).is_empty()
            {
                p.organisation = Some(OTHER_ORGANISATIONS.to_string());
            }
            if p.group
                .is_some_and(|g| groups.get(&g).copied().unwrap_or(0) < min_group)
            {
                p.group = None;
            }
        }
        each_text(state, &mut |field, text| match field {
            TextKind::Person | TextKind::Attendee => {
                *text = self
                    .by_name
                    .get(&fold_key(text))
                    .cloned()
                    .unwrap_or_else(|| UNKNOWN.to_string());
            }
            TextKind::Text => *text = self.scrub(text),
        });
    }

    /// Free text with every known name replaced.
    pub(super) fn scrub(&self, text: &str) -> String {
        let text = self.scrub_unspaced(text);
        let words = words(&text);
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        let mut i = 0;
        while i < words.len() {
            let found = self
                .full
                .get(&words[i].2)
                .into_iter()
                .flatten()
                .find(|(name, _)| matches_at(&text, &words, i, name))
                .map(|(name, label)| (name.len(), label.as_str()))
                .or_else(|| {
                    let (start, end, folded) = &words[i];
                    let label = self.parts.get(folded)?;
                    let written = &text[*start..*end];
                    // "will" is a word; "Will" may be a person.
                    let capitalised = written.chars().next().is_some_and(char::is_uppercase);
                    (capitalised || !common_word(folded)).then_some((1, label.as_str()))
                });
            match found {
                Some((len, label)) => {
                    let start = words[i].0;
                    out.push_str(&text[copied..start]);
                    out.push_str(&sentence_case(label, &out));
                    copied = words[i + len - 1].1;
                    i += len;
                }
                None => i += 1,
            }
        }
        out.push_str(&text[copied..]);
        out
    }

    fn scrub_unspaced(&self, text: &str) -> String {
        if self.unspaced.is_empty() {
            return text.to_string();
        }
        let mut out = text.to_string();
        for (name, label) in &self.unspaced {
            // Unspaced names are matched exactly as folded; these scripts have no case.
            let folded: String = out.nfc().collect();
            if folded.contains(name.as_str()) {
                out = folded.replace(name.as_str(), label);
            }
        }
        out
    }
}

/// "a participant from the NHS", by what is still safe to say about them.
fn role(group: Option<Group>) -> String {
    match group {
        Some(Group::Council) => "a participant from the council",
        Some(Group::Nhs) => "a participant from the NHS",
        Some(Group::CareProvider) => "a participant from a care provider",
        Some(Group::VoluntarySector) => "a participant from the voluntary sector",
        Some(Group::ServiceUser) => "a participant who uses services",
        Some(Group::Carer) => "a participant who is a carer",
        Some(Group::Other) | None => SOMEONE,
    }
    .to_string()
}

/// A label that starts a sentence starts with a capital.
fn sentence_case(label: &str, before: &str) -> String {
    let start = before.trim_end_matches([' ', '"', '\'', '(', '“', '‘']);
    let starts_sentence = start.is_empty() || start.ends_with(['.', '!', '?', '\n', ':']);
    let mut chars = label.chars();
    match chars.next() {
        Some(c) if starts_sentence && c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => label.to_string(),
    }
}

fn counts<K: Ord>(items: impl Iterator<Item = K>) -> BTreeMap<K, usize> {
    let mut out = BTreeMap::new();
    for k in items {
        *out.entry(k).or_default() += 1;
    }
    out
}

/// Lower case without accents, on NFD: "Siobhán" and "SIOBHAN" fold alike.
pub(super) fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A whole name folded, with inner spaces made single.
fn fold_key(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF // Han
        | 0x20000..=0x2FA1F)
}

/// The words of a text: (start byte, end byte, folded), a word being letters and digits
/// with the accents that follow them.
pub(super) fn words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = vec![];
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let inside = c.is_alphanumeric() || (start.is_some() && is_combining_mark(c));
        match (start, inside) {
            (None, true) => start = Some(at),
            (Some(s), false) => {
                out.push((s, at, fold(&text[s..at])));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether the name's words follow one another from word `i`, joined as a name is joined
/// (spaces, a hyphen, an apostrophe, a full stop) and not across a line.
fn matches_at(text: &str, words: &[(usize, usize, String)], i: usize, name: &[String]) -> bool {
    if i + name.len() > words.len() {
        return false;
    }
    name.iter().enumerate().all(|(k, part)| {
        let word = &words[i + k];
        word.2 == *part
            && (k == 0 || {
                let gap = &text[words[i + k - 1].1..word.0];
                gap.chars().count() <= 3
                    && gap
                        .chars()
                        .all(|c| matches!(c, ' ' | '\t' | '-' | '\'' | '’' | '‐' | '.'))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anonymiser(people: &[(&str, &str)]) -> Anonymiser {
        Anonymiser::of(
            people
                .iter()
                .map(|(name, label)| Person {
                    names: vec![name.to_string()],
                    label: label.to_string(),
                })
                .collect(),
        )
    }

    #[test]
    fn names_go_in_any_case_and_accent_and_by_their_parts() {
        let a = anonymiser(&[
            ("Amira Haddad", "P1"),
            ("Siobhán Kelly", "P2"),
            ("Will Turner", "P3"),
            ("Sam Patel", "P4"),
            ("Sam Jones", "P5"),
            ("Ann Lee-Smith", "P6"),
        ]);
        assert_eq!(
            a.scrub("amira haddad and AMIRA HADDAD met Siobhan KELLY."),
            "P1 and P1 met P2."
        );
        assert_eq!(a.scrub("Amira said Haddad's plan"), "P1 said P1's plan");
        assert_eq!(a.scrub("we will ask Will"), "we will ask P3");
        assert_eq!(
            a.scrub("Sam agreed, sam too. amira too"),
            "A participant agreed, a participant too. P1 too"
        );
        assert_eq!(a.scrub("Ann Lee-Smith, lee-smith"), "P6, P6");
        assert_eq!(a.scrub("Amiral Haddadi"), "Amiral Haddadi");
        let b = anonymiser(&[("Ann Lee", "P1"), ("Ann Lee-Smith", "P2")]);
        assert_eq!(
            b.scrub("Ann Lee and Ann Lee-Smith; also Lee"),
            "P1 and P2; also a participant"
        );
    }

    proptest::proptest! {
        /// Whatever the case, and whether whole or in parts, no name in the roster survives.
        #[test]
        fn no_name_survives_in_any_case(
            people in proptest::collection::btree_set(("[A-Z][a-z]{2,8}", "[A-Z][a-z]{2,8}"), 1..6),
            picks in proptest::collection::vec((0usize..6, 0u8..4, 0u8..3), 1..12),
        ) {
            let people: Vec<(String, String)> = people
                .into_iter()
                .filter(|(f, l)| {
                    [f, l].iter().all(|w| {
                        let w = fold(w);
                        // A particle ("van") is hidden only inside a full name, by design.
                        !common_word(&w)
                            && !PARTICLES.contains(&w.as_str())
                            && !["guest", "participant"].contains(&w.as_str())
                    })
                })
                .collect();
            proptest::prop_assume!(!people.is_empty());
            let labelled: Vec<(String, String)> = people
                .iter()
                .enumerate()
                .map(|(n, (f, l))| (format!("{f} {l}"), format!("Participant {}", n + 1)))
                .collect();
            let a = anonymiser(
                &labelled
                    .iter()
                    .map(|(name, label)| (name.as_str(), label.as_str()))
                    .collect::<Vec<_>>(),
            );
            let mut text = String::from("Notes:");
            for (who, form, case) in picks {
                let (first, last) = &people[who % people.len()];
                let name = match form {
                    0 => format!("{first} {last}"),
                    1 => first.clone(),
                    2 => last.clone(),
                    _ => format!("{last}'s"),
                };
                let name = match case {
                    0 => name.to_lowercase(),
                    1 => name.to_uppercase(),
                    _ => name,
                };
                text.push_str(&format!(" then {name} spoke,"));
            }
            let out = fold(&a.scrub(&text));
            let words: Vec<String> = words(&out).into_iter().map(|w| w.2).collect();
            for (first, last) in &people {
                for part in [first, last] {
                    proptest::prop_assert!(!words.contains(&fold(part)), "{part} in {out}");
                }
            }
        }
    }
}
