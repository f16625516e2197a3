//! What every export says, worked out once: the session's state as readers see it (names,
//! not ids), anonymised if asked and cleaned of control characters, with the questions each
//! format asks of it (who came from where, what sat in each cell of the wall, which
//! priorities came first). The formats only decide how it looks.

use super::anonymous::{Anonymiser, OTHER_ORGANISATIONS};
use super::{Options, clean, visit};
use crate::model::tally::DotCount;
use crate::model::{Group, IssueId, RoundId};
use crate::store::Loaded;
use crate::view::{
    IssueView, ParticipantView, ResultView, RoundView, SlotView, SpaceView, StateView,
};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::BTreeMap;

#[derive(Clone, Debug)]
pub struct Proceedings {
    /// The day of the session (a follow-up's meeting date, else when its file was created,
    /// in its own time zone).
    pub date: NaiveDate,
    /// The session's id, which outlives renames and copies of its file.
    pub id: String,
    /// When the file was last saved: the export's own timestamp where a format needs one.
    pub saved_at: DateTime<FixedOffset>,
    pub anonymous: bool,
    pub state: StateView,
    /// Each round's dots, tallied and named apart.
    pub dots: BTreeMap<RoundId, DotCount>,
    /// How many organisations came (counted before any were folded).
    organisations: usize,
    /// Each issue's dots in the latest round: (tallied, named).
    split: BTreeMap<IssueId, (u32, u32)>,
}

/// People from one organisation, or without one, under a heading.
#[derive(Clone, Debug)]
pub struct Attendance<'a> {
    pub heading: String,
    pub people: Vec<&'a ParticipantView>,
    /// False for the folded line of an anonymous export, where a list of roles adds nothing.
    pub listed: bool,
}

/// An issue in the action plan, with its place in the latest vote if it was on the ballot.
#[derive(Clone, Copy, Debug)]
pub struct Priority<'a> {
    pub issue: &'a IssueView,
    pub result: Option<&'a ResultView>,
    pub tied: bool,
}

impl Proceedings {
    pub fn of(loaded: &Loaded, options: Options) -> Proceedings {
        let session = &loaded.journal.session;
        let mut state = StateView::of(session);
        let organisations = state
            .participants
            .iter()
            .filter_map(|p| p.organisation.as_deref())
            .map(|o| o.trim().to_lowercase())
            .filter(|o| !o.is_empty())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        if options.anonymous {
            let min = options.min_group.max(1);
            Anonymiser::new(&state, &loaded.journal, min).apply(&mut state, min);
        }
        visit::each_text(&mut state, &mut |_, text| *text = clean::text(text));
        Proceedings {
            // A follow-up prints its meeting's date, which need not be the day it was made.
            date: session
                .meeting_date()
                .unwrap_or_else(|| loaded.meta.created_at.date_naive()),
            id: loaded.meta.id.clone(),
            saved_at: loaded.saved_at,
            anonymous: options.anonymous,
            state,
            dots: session
                .rounds
                .values()
                .map(|r| (r.id, DotCount::of(r)))
                .collect(),
            organisations,
            split: session
                .rounds
                .values()
                .last()
                .map_or_else(BTreeMap::new, |r| {
                    r.ballot
                        .iter()
                        .map(|i| {
                            let tallied = r.tallies.get(i).copied().unwrap_or(0);
                            (*i, (tallied, r.total(*i) - tallied))
                        })
                        .collect()
                }),
        }
    }

    /// Issues still on the wall, in number order (merged ones are folded into others).
    pub fn issues(&self) -> impl Iterator<Item = &IssueView> {
        self.state.issues.iter().filter(|i| i.merged_into.is_none())
    }

    pub fn issue(&self, id: crate::model::IssueId) -> Option<&IssueView> {
        self.state.issues.iter().find(|i| i.id == id)
    }

    /// Issues that were folded into this one.
    pub fn merged_into(&self, id: crate::model::IssueId) -> Vec<&IssueView> {
        self.state
            .issues
            .iter()
            .filter(|i| i.merged_into == Some(id))
            .collect()
    }

    /// Organisations (alphabetical, case ignored), then people without one by group.
    pub fn attendance(&self) -> Vec<Attendance<'_>> {
        let mut orgs: BTreeMap<(u8, String), Attendance<'_>> = BTreeMap::new();
        for p in &self.state.participants {
            let (key, heading) = match p.organisation.as_deref().map(str::trim) {
                // The folded line comes after the organisations it stands for.
                Some(OTHER_ORGANISATIONS) if self.anonymous => {
                    ((2, String::new()), OTHER_ORGANISATIONS.to_string())
                }
                Some(org) if !org.is_empty() => ((0, org.to_lowercase()), org.to_string()),
                _ => {
                    let group = p.group.unwrap_or(Group::Other);
                    let rank = Group::ALL.iter().position(|g| *g == group).unwrap_or(0);
                    ((1, format!("{rank:02}")), without_organisation(group))
                }
            };
            let listed = key.0 != 2;
            orgs.entry(key)
                .or_insert_with(|| Attendance {
                    listed,
                    heading,
                    people: vec![],
                })
                .people
                .push(p);
        }
        let mut out: Vec<Attendance<'_>> = orgs.into_values().collect();
        for a in &mut out {
            if !self.anonymous {
                a.people.sort_by_cached_key(|p| (sort_key(&p.name), p.id));
            }
        }
        out
    }

    /// How many participants bring each voice, in the groups' usual order.
    pub fn group_counts(&self) -> Vec<(&'static str, usize)> {
        Group::ALL
            .iter()
            .map(|g| {
                let n = self
                    .state
                    .participants
                    .iter()
                    .filter(|p| p.group == Some(*g))
                    .count();
                (g.label(), n)
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    pub fn organisation_count(&self) -> usize {
        self.organisations
    }

    /// The issue meeting in this cell of the wall, if any.
    pub fn cell(&self, space: &SpaceView, slot: &SlotView) -> Option<&IssueView> {
        self.issues().find(|i| {
            i.space.as_deref() == Some(space.name.as_str())
                && i.slot.as_deref() == Some(slot.label.as_str())
        })
    }

    /// Issues raised but never given a place on the wall.
    pub fn unplaced(&self) -> Vec<&IssueView> {
        self.issues().filter(|i| i.space.is_none()).collect()
    }

    /// Issues with any part of an action plan, in the order of the latest vote (those not
    /// on its ballot after, by number).
    pub fn priorities(&self) -> Vec<Priority<'_>> {
        let latest = self.state.rounds.last();
        let mut out: Vec<Priority<'_>> = self
            .issues()
            .filter(|i| {
                i.lead.is_some()
                    || !i.supporters.is_empty()
                    || !i.next_steps.is_empty()
                    || i.triage.is_some()
            })
            .map(|issue| {
                let result = latest.and_then(|r| r.results.iter().find(|x| x.issue == issue.id));
                let tied = match (latest, result) {
                    (Some(r), Some(x)) => is_tied(r, x),
                    _ => false,
                };
                Priority {
                    issue,
                    result,
                    tied,
                }
            })
            .collect();
        out.sort_by_key(|p| (p.result.map_or(usize::MAX, |r| r.rank), p.issue.id));
        out
    }

    /// The issue's dots in the latest round, (tallied, named); nothing if not on its ballot.
    pub fn split(&self, id: IssueId) -> (u32, u32) {
        self.split.get(&id).copied().unwrap_or_default()
    }

    /// The issue's dots in the latest round, or None if it was not on that ballot.
    pub fn dots_for(&self, issue: &IssueView) -> Option<u32> {
        let round = self.state.rounds.last()?;
        round.ballot.contains(&issue.id).then_some(issue.votes)
    }

    /// The line under an issue's heading, as plain text for each format to escape: who
    /// convened it, where and when it ran, and its dots.
    pub fn facts(&self, issue: &IssueView) -> Vec<String> {
        self.facts_as(issue, str::to_string)
    }

    /// `facts` with every text the room typed (names, places, slot labels) passed through
    /// `typed` first, for a format that must mark or escape it.
    pub fn facts_as(&self, issue: &IssueView, typed: impl Fn(&str) -> String) -> Vec<String> {
        let mut facts = vec![];
        if let Some(c) = &issue.convener {
            facts.push(format!("Convener: {}", typed(c)));
        }
        match (&issue.space, &issue.slot) {
            (Some(space), Some(slot)) => {
                let when = self.slot(slot).map_or_else(
                    || typed(slot),
                    |s| match slot_times(s) {
                        t if t.is_empty() => typed(&s.label),
                        t => format!("{} ({t})", typed(&s.label)),
                    },
                );
                facts.push(format!("{}, {when}", typed(space)));
            }
            _ => facts.push("Not placed on the wall".to_string()),
        }
        if let Some(n) = self.dots_for(issue) {
            facts.push(dots(n));
        }
        facts
    }

    /// The slot with this label, for showing its times beside an issue's placement.
    pub fn slot(&self, label: &str) -> Option<&SlotView> {
        self.state.slots.iter().find(|s| s.label == label)
    }
}

/// Whether another issue shares this result's rank.
pub fn is_tied(round: &RoundView, result: &ResultView) -> bool {
    round
        .results
        .iter()
        .filter(|x| x.rank == result.rank)
        .count()
        > 1
}

/// "4" or "4=" when the rank is shared.
pub fn rank_label(round: &RoundView, result: &ResultView) -> String {
    if is_tied(round, result) {
        format!("{}=", result.rank)
    } else {
        result.rank.to_string()
    }
}

/// Letters with the commonest European accents sort with their base letter, so Élodie
/// comes among the Es rather than after Z; anything else sorts as it is.
fn sort_key(name: &str) -> String {
    const FOLD: [(&str, char); 14] = [
        ("àáâãäåāăą", 'a'),
        ("çćĉċč", 'c'),
        ("ďđ", 'd'),
        ("èéêëēĕėęě", 'e'),
        ("ĝğġģ", 'g'),
        ("ìíîïĩīĭįı", 'i'),
        ("ľĺļłŀ", 'l'),
        ("ñńņňŉ", 'n'),
        ("òóôõöøōŏő", 'o'),
        ("ŕŗř", 'r'),
        ("śŝşšș", 's'),
        ("ùúûüũūŭůűų", 'u'),
        ("ýÿŷ", 'y'),
        ("źżž", 'z'),
    ];
    name.trim()
        .to_lowercase()
        .chars()
        .map(|c| {
            FOLD.iter()
                .find(|(from, _)| from.contains(c))
                .map_or(c, |(_, to)| *to)
        })
        .collect()
}

fn without_organisation(group: Group) -> String {
    let who = match group {
        Group::Council => "Council",
        Group::Nhs => "NHS",
        Group::CareProvider => "Care providers",
        Group::VoluntarySector => "Voluntary sector",
        Group::ServiceUser => "People who use services",
        Group::Carer => "Carers",
        Group::Other => "Others",
    };
    format!("{who} (no organisation)")
}

/// "10:30–11:30", "from 10:30", or "" when the slot has no times or its label says them.
pub fn slot_times(slot: &SlotView) -> String {
    crate::model::slot_times(&slot.label, slot.starts, slot.ends)
}

/// "12 November 2026".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// "29 Jan 2027", short enough for a table cell.
pub fn short_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// The points of a multi-line field: one per line, without a bullet the typist added.
pub fn points(text: &str) -> Vec<&str> {
    text.lines()
        .map(|l| {
            let l = l.trim();
            ["- ", "* ", "• ", "– "]
                .iter()
                .find_map(|b| l.strip_prefix(b))
                .unwrap_or(l)
                .trim()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// "30 people from 11 organisations, 13 issues raised, 11 breakouts held".
pub fn summary(p: &Proceedings) -> String {
    let held = p
        .issues()
        .filter(|i| i.space.is_some() && !i.cancelled)
        .count();
    format!(
        "{} from {}, {} raised, {} held",
        people(p.state.participants.len()),
        count(p.organisation_count(), "organisation"),
        count(p.issues().count(), "issue"),
        count(held, "breakout")
    )
}

/// "1 issue", "2 issues".
pub fn count(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

/// "1 person", "3 people".
pub fn people(n: usize) -> String {
    if n == 1 {
        "1 person".to_string()
    } else {
        format!("{n} people")
    }
}

/// "1 dot", "3 dots".
pub fn dots(n: u32) -> String {
    if n == 1 {
        "1 dot".to_string()
    } else {
        format!("{n} dots")
    }
}

/// What one round was: "3 dots each, at most 2 on one issue, named, closed".
pub fn round_terms(p: &Proceedings, round: &RoundView) -> String {
    let mut terms = vec![format!("{} each", dots(round.dots_per_person))];
    if let Some(max) = round.max_per_issue {
        terms.push(format!("at most {max} on one issue"));
    }
    terms.push(
        if round.anonymous {
            "anonymous"
        } else {
            "named"
        }
        .to_string(),
    );
    terms.push(
        p.dots
            .get(&round.id)
            .copied()
            .unwrap_or_default()
            .to_string(),
    );
    terms.push(if round.open { "still open" } else { "closed" }.to_string());
    if round.hidden && !round.revealed {
        terms.push("results not yet shown to the room".to_string());
    }
    terms.join(", ")
}
