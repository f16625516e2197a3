//! Reading the result of a vote the way the room needs it: which stakeholder groups backed
//! which priority (are service users and carers heard, not only the biggest organisations?),
//! whether the paper dots add up, and whether leadership is spread across people.
//! Pure functions of the session; the panes only draw what they return.

use super::ids::*;
use super::session::{Group, Round, Session};
use std::collections::BTreeMap;

/// Most priorities one person should lead before the room is told leadership is not spread.
pub const MAX_LEADS: usize = 2;

/// Whose dots an issue got.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Backing {
    /// Dots from named ballots of people in each group (groups with no dots are absent).
    pub groups: BTreeMap<Group, u32>,
    /// Dots from named ballots of people without a group.
    pub no_group: u32,
    /// Tally dots, counted off the wall with nobody's name on them (every dot of an
    /// anonymous round is one).
    pub unattributed: u32,
}

impl Backing {
    pub fn total(&self) -> u32 {
        self.groups.values().sum::<u32>() + self.no_group + self.unattributed
    }

    /// Dots from people in `group`.
    pub fn of(&self, group: Group) -> u32 {
        self.groups.get(&group).copied().unwrap_or(0)
    }

    /// Dots from named ballots, whatever the group.
    pub fn named(&self) -> u32 {
        self.total() - self.unattributed
    }

    fn add(&mut self, group: Option<Group>, dots: u32) {
        match group {
            Some(g) => *self.groups.entry(g).or_default() += dots,
            None => self.no_group += dots,
        }
    }

    fn absorb(&mut self, other: &Backing) {
        for (g, n) in &other.groups {
            *self.groups.entry(*g).or_default() += n;
        }
        self.no_group += other.no_group;
        self.unattributed += other.unattributed;
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssueBacking {
    pub issue: IssueId,
    pub backing: Backing,
}

/// A round's result by stakeholder group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Breakdown {
    /// Every issue on the ballot, in the order of the ranking (biggest first).
    pub issues: Vec<IssueBacking>,
    /// All dots of the round by group.
    pub overall: Backing,
}

/// Splits each issue's dots by the group of whoever gave them. Groups are the voters'
/// groups now, so correcting someone's group after the vote corrects the breakdown.
pub fn breakdown(session: &Session, round: &Round) -> Breakdown {
    let mut by_issue: BTreeMap<IssueId, Backing> = BTreeMap::new();
    for (voter, ballot) in &round.ballots {
        let group = session.participants.get(voter).and_then(|p| p.group);
        for (issue, dots) in ballot {
            by_issue.entry(*issue).or_default().add(group, *dots);
        }
    }
    for (issue, dots) in &round.tallies {
        by_issue.entry(*issue).or_default().unattributed += dots;
    }
    let mut overall = Backing::default();
    let issues = round
        .ranking()
        .into_iter()
        .map(|r| {
            let backing = by_issue.remove(&r.issue).unwrap_or_default();
            overall.absorb(&backing);
            IssueBacking {
                issue: r.issue,
                backing,
            }
        })
        .collect();
    Breakdown { issues, overall }
}

/// A round's dots, counted the way they were given: tallied dots (counted off the wall, or
/// every dot of an anonymous round) carry no voter, so they are never added to the named
/// voters and a total never suggests more people voted than did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DotCount {
    pub anonymous: bool,
    /// Dots without a voter's name.
    pub tallied: u32,
    /// Dots on named ballots.
    pub named: u32,
    /// People with at least one dot on a named ballot.
    pub voters: usize,
}

impl DotCount {
    pub fn of(round: &Round) -> DotCount {
        DotCount {
            anonymous: round.anonymous,
            tallied: round.tallies.values().sum(),
            named: round.ballots.values().flat_map(|b| b.values()).sum(),
            voters: round
                .ballots
                .values()
                .filter(|b| b.values().any(|n| *n > 0))
                .count(),
        }
    }

    pub fn total(&self) -> u32 {
        self.tallied + self.named
    }
}

/// "83 dots tallied, 3 dots from 1 named voter"; "12 anonymous dots"; "no dots".
impl std::fmt::Display for DotCount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let dots = |n: u32| {
            if n == 1 {
                "1 dot".to_string()
            } else {
                format!("{n} dots")
            }
        };
        let mut parts = vec![];
        if self.tallied > 0 {
            parts.push(if self.anonymous {
                dots(self.tallied).replacen(' ', " anonymous ", 1)
            } else {
                format!("{} tallied", dots(self.tallied))
            });
        }
        if self.named > 0 {
            let voters = match self.voters {
                1 => "1 named voter".to_string(),
                n => format!("{n} named voters"),
            };
            parts.push(format!("{} from {voters}", dots(self.named)));
        }
        if parts.is_empty() {
            f.write_str("no dots")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

/// More dots than the room had to give: someone voted twice, or the roster is short.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow {
    /// Participants on the roster times dots per person.
    pub expected: u64,
    pub cast: u64,
}

impl Overflow {
    /// How many dots too many.
    pub fn excess(&self) -> u64 {
        self.cast - self.expected
    }
}

/// How many dots the room can give in this round: everyone on the roster, each their budget.
pub fn expected_dots(session: &Session, round: &Round) -> u64 {
    session.participants.len() as u64 * round.dots_per_person as u64
}

/// Checks the dots cast against what the roster could give; `Some` if there are too many.
pub fn overflow(session: &Session, round: &Round) -> Option<Overflow> {
    let expected = expected_dots(session, round);
    let cast = round.dots_cast() as u64;
    (cast > expected).then_some(Overflow { expected, cast })
}

/// Someone leading more priorities than one person should.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overloaded {
    pub participant: ParticipantId,
    /// The active issues they lead, in issue order.
    pub issues: Vec<IssueId>,
}

/// People who lead more than `MAX_LEADS` active issues, by participant id.
pub fn overloaded_leads(session: &Session) -> Vec<Overloaded> {
    let mut leads: BTreeMap<ParticipantId, Vec<IssueId>> = BTreeMap::new();
    for issue in session.active_issues() {
        if let Some(lead) = issue.plan.lead {
            leads.entry(lead).or_default().push(issue.id);
        }
    }
    leads
        .into_iter()
        .filter(|(_, issues)| issues.len() > MAX_LEADS)
        .map(|(participant, issues)| Overloaded {
            participant,
            issues,
        })
        .collect()
}

/// The round's top `n` priorities (ties with the last place included, see `Round::top`)
/// that nobody leads yet, biggest first.
pub fn unled_priorities(session: &Session, round: &Round, n: usize) -> Vec<IssueId> {
    round
        .top(n)
        .into_iter()
        .filter(|id| {
            session
                .issues
                .get(id)
                .is_some_and(|i| i.is_active() && i.plan.lead.is_none())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{Room, raise};
    use super::*;
    use crate::model::Change;

    /// Five people (NHS, two carers, a service user, one without a group) and three issues.
    fn room() -> (Room, Vec<ParticipantId>, Vec<IssueId>) {
        let mut room = Room::new();
        let people = vec![
            room.person("Asha", Some(Group::Nhs)),
            room.person("Ben", Some(Group::Carer)),
            room.person("Cara", Some(Group::Carer)),
            room.person("Dev", Some(Group::ServiceUser)),
            room.person("Eli", None),
        ];
        let issues = vec![
            room.issue("Discharge"),
            room.issue("Carers' breaks"),
            room.issue("Falls"),
        ];
        (room, people, issues)
    }

    #[test]
    fn named_dots_are_split_by_group_and_tallies_are_unattributed() {
        let (mut room, p, i) = room();
        let round = room.round(3, None, &i);
        room.dot(round, i[1], Some(p[1]));
        room.dot(round, i[1], Some(p[2]));
        room.dot(round, i[1], Some(p[2]));
        room.dot(round, i[1], Some(p[3]));
        room.dot(round, i[0], Some(p[0]));
        room.dot(round, i[0], Some(p[4]));
        room.dot(round, i[0], None);
        room.dot(round, i[0], None);
        let b = breakdown(room.s(), room.round_of(round));

        let order: Vec<_> = b.issues.iter().map(|x| x.issue).collect();
        assert_eq!(order, vec![i[0], i[1], i[2]]);
        let discharge = &b.issues[0].backing;
        assert_eq!(discharge.of(Group::Nhs), 1);
        assert_eq!(discharge.no_group, 1);
        assert_eq!(discharge.unattributed, 2);
        assert_eq!(discharge.named(), 2);
        assert_eq!(discharge.total(), 4);
        let breaks = &b.issues[1].backing;
        assert_eq!(breaks.of(Group::Carer), 3);
        assert_eq!(breaks.of(Group::ServiceUser), 1);
        assert_eq!(breaks.of(Group::Nhs), 0);
        assert_eq!(breaks.unattributed, 0);
        assert_eq!(b.issues[2].backing, Backing::default());

        assert_eq!(b.overall.of(Group::Carer), 3);
        assert_eq!(b.overall.total(), room.round_of(round).dots_cast());
        for row in &b.issues {
            assert_eq!(row.backing.total(), room.round_of(round).total(row.issue));
        }
    }

    #[test]
    fn tallied_and_named_dots_are_described_apart() {
        let (mut room, p, i) = room();
        let round = room.round(3, None, &i);
        assert_eq!(DotCount::of(room.round_of(round)).to_string(), "no dots");
        for _ in 0..83 {
            room.dot(round, i[0], None);
        }
        assert_eq!(
            DotCount::of(room.round_of(round)).to_string(),
            "83 dots tallied"
        );
        for _ in 0..3 {
            room.dot(round, i[1], Some(p[0]));
        }
        let count = DotCount::of(room.round_of(round));
        assert_eq!(
            count.to_string(),
            "83 dots tallied, 3 dots from 1 named voter"
        );
        assert_eq!(count.total(), room.round_of(round).dots_cast());
        room.dot(round, i[1], Some(p[1]));
        assert_eq!(
            DotCount::of(room.round_of(round)).to_string(),
            "83 dots tallied, 4 dots from 2 named voters"
        );
        let anonymous = room.round_with(2, None, true, false, &i);
        room.dot(anonymous, i[2], None);
        assert_eq!(
            DotCount::of(room.round_of(anonymous)).to_string(),
            "1 anonymous dot"
        );
    }

    #[test]
    fn an_anonymous_round_is_all_unattributed() {
        let (mut room, _, i) = room();
        let round = room.round_with(2, None, true, false, &i);
        room.dot(round, i[2], None);
        room.dot(round, i[2], None);
        let b = breakdown(room.s(), room.round_of(round));
        assert_eq!(b.overall.unattributed, 2);
        assert_eq!(b.overall.named(), 0);
        assert!(b.overall.groups.is_empty());
    }

    #[test]
    fn a_corrected_group_corrects_the_breakdown() {
        let (mut room, p, i) = room();
        let round = room.round(3, None, &i);
        room.dot(round, i[0], Some(p[4]));
        room.ok(Change::ParticipantUpdated {
            participant: p[4],
            name: "Eli".into(),
            organisation: None,
            group: Some(Group::VoluntarySector),
        });
        let b = breakdown(room.s(), room.round_of(round));
        assert_eq!(b.issues[0].backing.of(Group::VoluntarySector), 1);
        assert_eq!(b.issues[0].backing.no_group, 0);
    }

    #[test]
    fn too_many_dots_for_the_roster_are_flagged() {
        let (mut room, _, i) = room();
        let round = room.round(2, None, &i);
        assert_eq!(expected_dots(room.s(), room.round_of(round)), 10);
        for _ in 0..10 {
            room.dot(round, i[0], None);
        }
        assert_eq!(overflow(room.s(), room.round_of(round)), None);
        room.dot(round, i[1], None);
        room.dot(round, i[2], None);
        let over = overflow(room.s(), room.round_of(round)).expect("12 dots from 5 people x 2");
        assert_eq!(
            over,
            Overflow {
                expected: 10,
                cast: 12
            }
        );
        assert_eq!(over.excess(), 2);
        // A late arrival added to the roster accounts for the extra dots.
        room.person("Fay", None);
        assert_eq!(overflow(room.s(), room.round_of(round)), None);
    }

    #[test]
    fn leading_more_than_two_priorities_is_flagged() {
        let (mut room, p, _) = room();
        let mut extra = vec![];
        for title in ["Housing", "Transport", "Loneliness"] {
            let id = room.s().next_issue_id();
            room.ok(raise(id, title));
            extra.push(id);
        }
        let lead = |room: &mut Room, issue, who| {
            room.ok(Change::LeadAssigned {
                issue,
                lead: Some(who),
            })
        };
        for id in &extra[..2] {
            lead(&mut room, *id, p[0]);
        }
        assert!(overloaded_leads(room.s()).is_empty());
        lead(&mut room, extra[2], p[0]);
        lead(&mut room, IssueId(1), p[1]);
        assert_eq!(
            overloaded_leads(room.s()),
            vec![Overloaded {
                participant: p[0],
                issues: extra.clone()
            }]
        );
        // A merged issue is no longer a priority of its own.
        room.ok(Change::IssuesMerged {
            from: extra[2],
            into: extra[1],
        });
        assert!(overloaded_leads(room.s()).is_empty());
    }

    #[test]
    fn top_priorities_without_a_lead_are_flagged() {
        let (mut room, p, i) = room();
        let round = room.round(3, None, &i);
        for (issue, n) in [(i[2], 3), (i[0], 2), (i[1], 1)] {
            for _ in 0..n {
                room.dot(round, issue, None);
            }
        }
        let r = room.round_of(round).clone();
        assert_eq!(unled_priorities(room.s(), &r, 2), vec![i[2], i[0]]);
        room.ok(Change::LeadAssigned {
            issue: i[2],
            lead: Some(p[3]),
        });
        assert_eq!(unled_priorities(room.s(), &r, 2), vec![i[0]]);
        assert_eq!(unled_priorities(room.s(), &r, 3), vec![i[0], i[1]]);
        assert!(unled_priorities(room.s(), &r, 0).is_empty());
    }
}
