//! The order of the Leads pane: issues grouped by what the room decided to do with them
//! (do it, clarify it, take it to another open space, not decided yet), each group ranked
//! by the latest round so the biggest priorities come first.

use crate::model::tally::{overloaded_leads, unled_priorities};
use crate::model::{IssueId, ParticipantId, Ranked, Session, Triage};
use crate::ui::panes::places::place;
use std::collections::{BTreeMap, BTreeSet};

/// How many of the latest round's leaders must have a lead before the pane stops asking.
pub const TOP_PRIORITIES: usize = 5;

/// One line of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A group's heading with how many issues it holds.
    Heading(Option<Triage>, usize),
    Issue(Listed),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub issue: IssueId,
    /// "1", "=2"; empty when the issue was not on the ballot or totals are hidden.
    pub place: String,
    /// Dots in the latest round, when the room may see them.
    pub dots: Option<u32>,
}

/// Everything the pane shows besides the issues themselves.
pub struct Listing {
    pub items: Vec<Item>,
    /// Top priorities nobody leads yet, biggest first.
    pub unled: Vec<IssueId>,
    /// People leading more than two priorities, with how many.
    pub overloaded: BTreeMap<ParticipantId, usize>,
    /// Whether there was a vote whose totals the room may see.
    pub ranked: bool,
}

impl Listing {
    pub fn of(session: &Session) -> Listing {
        let round = session.latest_round().filter(|r| r.results_visible());
        let ranked: Vec<Ranked> = round.map(|r| r.ranking()).unwrap_or_default();
        let mut listed: Vec<Listed> = Vec::with_capacity(session.issues.len());
        let mut seen = BTreeSet::new();
        for (at, r) in ranked.iter().enumerate() {
            if session.issues.get(&r.issue).is_some_and(|i| i.is_active()) {
                seen.insert(r.issue);
                listed.push(Listed {
                    issue: r.issue,
                    place: place(&ranked, at),
                    dots: Some(r.dots),
                });
            }
        }
        for issue in session.active_issues() {
            if !seen.contains(&issue.id) {
                listed.push(Listed {
                    issue: issue.id,
                    place: String::new(),
                    dots: None,
                });
            }
        }
        let groups = [
            Some(Triage::DoIt),
            Some(Triage::ClarifyIt),
            Some(Triage::AnotherOpenSpace),
            None,
        ];
        let mut items = Vec::with_capacity(listed.len() + groups.len());
        for group in groups {
            let members: Vec<&Listed> = listed
                .iter()
                .filter(|l| session.issues.get(&l.issue).and_then(|i| i.plan.triage) == group)
                .collect();
            if members.is_empty() {
                continue;
            }
            items.push(Item::Heading(group, members.len()));
            items.extend(members.into_iter().cloned().map(Item::Issue));
        }
        Listing {
            items,
            unled: round
                .map(|r| unled_priorities(session, r, TOP_PRIORITIES))
                .unwrap_or_default(),
            overloaded: overloaded_leads(session)
                .into_iter()
                .map(|o| (o.participant, o.issues.len()))
                .collect(),
            ranked: round.is_some(),
        }
    }

    /// The issues in the order they are listed.
    pub fn issues(&self) -> impl Iterator<Item = IssueId> + '_ {
        self.items.iter().filter_map(|i| match i {
            Item::Issue(l) => Some(l.issue),
            Item::Heading(..) => None,
        })
    }
}

pub fn heading(group: Option<Triage>) -> &'static str {
    match group {
        Some(t) => t.label(),
        None => "Not triaged yet",
    }
}
