//! Dot voting: rounds opened, closed, revealed, and the dots given in them.

use crate::model::event::Change;
use crate::model::ids::{IssueId, ParticipantId, RoundId};
use crate::model::session::Session;

/// How a round is to be run, as the facilitator chose it.
pub struct RoundRules {
    pub dots_per_person: u32,
    pub max_per_issue: Option<u32>,
    pub anonymous: bool,
    pub hidden: bool,
}

/// A new round on `ballot`, under the next free id, which is returned with the change.
pub fn open_round(session: &Session, rules: RoundRules, ballot: Vec<IssueId>) -> (Change, RoundId) {
    let round = session.next_round_id();
    let RoundRules {
        dots_per_person,
        max_per_issue,
        anonymous,
        hidden,
    } = rules;
    let change = Change::RoundOpened {
        round,
        dots_per_person,
        max_per_issue,
        anonymous,
        hidden,
        ballot,
    };
    (change, round)
}

/// A dot given (`add`) or taken back. In an anonymous round a dot names no voter, whoever
/// was being entered: the round stores no names.
pub fn dot(
    session: &Session,
    round: RoundId,
    issue: IssueId,
    voter: Option<ParticipantId>,
    add: bool,
) -> Change {
    let anonymous = session.rounds.get(&round).is_some_and(|r| r.anonymous);
    let voter = voter.filter(|_| !anonymous);
    match add {
        true => Change::DotAdded {
            round,
            issue,
            voter,
        },
        false => Change::DotRemoved {
            round,
            issue,
            voter,
        },
    }
}

/// An open round closes; a closed one opens again. Nothing if there is no such round.
pub fn close_or_reopen(session: &Session, round: RoundId) -> Option<Change> {
    let open = session.rounds.get(&round)?.open;
    Some(match open {
        true => Change::RoundClosed { round },
        false => Change::RoundReopened { round },
    })
}

pub fn reveal_results(round: RoundId) -> Change {
    Change::ResultsRevealed { round }
}

/// The dots an issue got, counted in the room rather than entered one by one.
pub fn set_tally(round: RoundId, issue: IssueId, dots: u32) -> Change {
    Change::TallySet { round, issue, dots }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::Room;

    #[test]
    fn an_anonymous_rounds_dots_name_no_voter() {
        let mut room = Room::new();
        let ami = room.person("Ami", None);
        let issue = room.issue("Transport");
        let round = room.round_with(3, None, true, false, &[issue]);
        let given = dot(room.s(), round, issue, Some(ami), true);
        assert_eq!(
            given,
            Change::DotAdded {
                round,
                issue,
                voter: None
            }
        );
        room.ok(Change::RoundClosed { round });
        let named = room.round(3, None, &[issue]);
        let taken = dot(room.s(), named, issue, Some(ami), false);
        assert_eq!(
            taken,
            Change::DotRemoved {
                round: named,
                issue,
                voter: Some(ami)
            }
        );
    }

    #[test]
    fn a_round_closes_when_open_and_opens_when_closed() {
        let mut room = Room::new();
        let issue = room.issue("Transport");
        let round = room.round(3, None, &[issue]);
        let closing = close_or_reopen(room.s(), round).expect("a round");
        assert_eq!(closing, Change::RoundClosed { round });
        room.ok(closing);
        assert_eq!(
            close_or_reopen(room.s(), round),
            Some(Change::RoundReopened { round })
        );
        assert_eq!(close_or_reopen(room.s(), RoundId(9)), None);
    }
}
