//! The voting family: rounds, dots and the counts taken off the wall.

use super::super::history::Patch;
use super::super::ids::*;
use super::super::rejection::*;
use super::super::session::*;
use super::super::validate::*;

pub(super) fn open_round(
    session: &mut Session,
    id: &RoundId,
    dots_per_person: &u32,
    max_per_issue: &Option<u32>,
    anonymous: &bool,
    hidden: &bool,
    ballot: &[IssueId],
) -> Result<Vec<Patch>, Rejection> {
    if session.rounds.contains_key(id) {
        return Err(Rejection::IdTaken {
            what: "round",
            id: id.0,
        });
    }
    if *dots_per_person == 0 || *dots_per_person > MAX_DOTS {
        return Err(Rejection::BadDots);
    }
    if let Some(max) = max_per_issue
        && (*max == 0 || max > dots_per_person)
    {
        return Err(Rejection::BadMaximum);
    }
    if ballot.is_empty() {
        return Err(Rejection::EmptyBallot);
    }
    let mut seen = std::collections::BTreeSet::new();
    for i in ballot {
        issue(session, *i)?;
        if !seen.insert(*i) {
            return Err(Rejection::DuplicateOnBallot(*i));
        }
    }
    let new = Round {
        id: *id,
        dots_per_person: *dots_per_person,
        max_per_issue: *max_per_issue,
        anonymous: *anonymous,
        hidden: *hidden,
        revealed: false,
        ballot: ballot.to_vec(),
        open: true,
        tallies: Default::default(),
        ballots: Default::default(),
        totals: Default::default(),
    };
    session.rounds.insert(*id, new);
    session.next.round = session.next.round.max(id.0);
    Ok(vec![Patch::Round(*id, None)])
}

pub(super) fn dot(
    session: &mut Session,
    adding: bool,
    id: &RoundId,
    target: &IssueId,
    voter: &Option<ParticipantId>,
) -> Result<Vec<Patch>, Rejection> {
    let r = open_ballot(session, *id, *target)?;
    if let Some(v) = voter {
        if r.anonymous {
            return Err(Rejection::AnonymousRound(*id));
        }
        let name = &participant(session, *v)?.name;
        if adding && r.spent_by(*v) >= r.dots_per_person {
            return Err(Rejection::OverBudget {
                name: name.clone(),
                budget: r.dots_per_person,
            });
        }
        if adding
            && let Some(max) = r.max_per_issue
            && r.given(*v, *target) >= max
        {
            return Err(Rejection::OverIssueLimit {
                name: name.clone(),
                issue: *target,
                max,
            });
        }
        if !adding && r.given(*v, *target) == 0 {
            return Err(Rejection::NoDot);
        }
    } else if !adding && r.tallies.get(target).copied().unwrap_or(0) == 0 {
        return Err(Rejection::NoDot);
    }
    let r = session.rounds.get_mut(id).expect("checked");
    if adding {
        r.give_dot(*target, *voter);
    } else {
        r.take_dot(*target, *voter);
    }
    Ok(vec![Patch::Dot {
        round: *id,
        issue: *target,
        voter: *voter,
        added: adding,
    }])
}

pub(super) fn set_tally(
    session: &mut Session,
    id: &RoundId,
    target: &IssueId,
    dots: &u32,
) -> Result<Vec<Patch>, Rejection> {
    let r = open_ballot(session, *id, *target)?;
    let tally = r.tallies.get(target).copied().unwrap_or(0);
    let named = r.total(*target) - tally;
    if *dots < named {
        return Err(Rejection::BelowNamed {
            issue: *target,
            named,
        });
    }
    if *dots - named > MAX_TALLY {
        return Err(Rejection::TooManyDots);
    }
    if *dots == r.total(*target) {
        return Err(Rejection::NoChange);
    }
    let r = session.rounds.get_mut(id).expect("checked");
    r.set_tally(*target, *dots - named);
    Ok(vec![Patch::Tally {
        round: *id,
        issue: *target,
        tally,
    }])
}

/// Closing, reopening or revealing a round: each refused where it would change nothing.
pub(super) enum RoundState {
    Close,
    Reopen,
    Reveal,
}

pub(super) fn set_round(
    session: &mut Session,
    id: &RoundId,
    to: RoundState,
) -> Result<Vec<Patch>, Rejection> {
    let r = round(session, *id)?;
    match to {
        RoundState::Close if !r.open => return Err(Rejection::RoundClosed(*id)),
        RoundState::Reopen if r.open => return Err(Rejection::RoundOpen(*id)),
        RoundState::Reveal if r.results_visible() => return Err(Rejection::AlreadyVisible(*id)),
        RoundState::Close | RoundState::Reopen | RoundState::Reveal => {}
    }
    let before = r.clone();
    let r = session.rounds.get_mut(id).expect("checked");
    match to {
        RoundState::Close => r.open = false,
        RoundState::Reopen => r.open = true,
        RoundState::Reveal => r.revealed = true,
    }
    Ok(vec![Patch::Round(*id, Some(Box::new(before)))])
}

/// The round, if it is open and has `target` on its ballot: dots and counts go only there.
fn open_ballot(session: &Session, id: RoundId, target: IssueId) -> Result<&Round, Rejection> {
    let r = round(session, id)?;
    if !r.open {
        return Err(Rejection::RoundClosed(id));
    }
    if !r.ballot.contains(&target) {
        return Err(Rejection::NotOnBallot {
            round: id,
            issue: target,
        });
    }
    Ok(r)
}
