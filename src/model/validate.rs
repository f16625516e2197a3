//! The checks every family's rules share: text within its limits, names not taken twice,
//! and the things a change names being there.

use super::ids::*;
use super::rejection::*;
use super::session::*;

/// Trims the text and checks it is neither empty nor too long.
pub(crate) fn checked(text: &str, what: &'static str, max: usize) -> Result<String, Rejection> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Rejection::Empty { what });
    }
    long_text(text, what, max)
}

pub(crate) fn long_text(text: &str, what: &'static str, max: usize) -> Result<String, Rejection> {
    let len = text.chars().count();
    if len > max {
        return Err(Rejection::TooLong { what, len, max });
    }
    Ok(text.to_string())
}

pub(crate) fn optional(
    text: &Option<String>,
    what: &'static str,
) -> Result<Option<String>, Rejection> {
    match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => long_text(t, what, MAX_NAME).map(Some),
    }
}

pub(crate) fn issue(session: &Session, id: IssueId) -> Result<&Issue, Rejection> {
    let issue = session.issues.get(&id).ok_or(Rejection::UnknownIssue(id))?;
    match issue.merged_into {
        Some(into) => Err(Rejection::Merged(id, into)),
        None => Ok(issue),
    }
}

pub(crate) fn participant(session: &Session, id: ParticipantId) -> Result<&Participant, Rejection> {
    session
        .participants
        .get(&id)
        .ok_or(Rejection::UnknownParticipant(id))
}

pub(crate) fn maybe_participant(
    session: &Session,
    id: Option<ParticipantId>,
) -> Result<(), Rejection> {
    id.map_or(Ok(()), |p| participant(session, p).map(|_| ()))
}

pub(crate) fn round(session: &Session, id: RoundId) -> Result<&Round, Rejection> {
    session.rounds.get(&id).ok_or(Rejection::UnknownRound(id))
}

pub(crate) fn unique_name<'a>(
    mut names: impl Iterator<Item = (u32, &'a str)>,
    except: u32,
    name: &str,
    what: &'static str,
) -> Result<(), Rejection> {
    // Names on record were trimmed when they were recorded (`checked`), as `name` is.
    if names.any(|(id, n)| id != except && same_name(n, name)) {
        return Err(Rejection::Duplicate {
            what,
            name: name.to_string(),
        });
    }
    Ok(())
}

/// Whether two names are the same once lowercased, exactly as `str::to_lowercase` has it.
/// Adding or renaming someone checks the whole roster, and a long day renames people
/// thousands of times, so the common case must cost a few byte comparisons: while both
/// names are ASCII, each character lowercases to one character, and the first difference
/// (or one name ending first, since no character lowercases to nothing) settles it. Only
/// names with other characters are lowercased in full, after a character-wise pass that
/// rules most pairs out without allocating. That pass folds 'ς' to 'σ', since the full
/// lowercasing writes a final capital sigma as 'ς' where the character-wise one gives 'σ',
/// so it never rules out a true match.
pub fn same_name(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    loop {
        match (x.get(i), y.get(i)) {
            (None, None) => return true,
            (Some(_), None) | (None, Some(_)) => return false,
            (Some(p), Some(q)) if p.is_ascii() && q.is_ascii() => {
                if !p.eq_ignore_ascii_case(q) {
                    return false;
                }
                i += 1;
            }
            _ => break,
        }
    }
    fn fold(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c == 'ς' { 'σ' } else { c })
    }
    fold(a).eq(fold(b)) && a.to_lowercase() == b.to_lowercase()
}
