//! The one function that changes a session: `apply`. It checks an event against the rules
//! first and changes nothing if it is refused, so a rejected event leaves no trace.

use super::event::{Change, Event};
use super::history::{Field, Patch, revert};
use super::ids::*;
use super::rejection::*;
use super::session::*;

/// Applies one event. On `Err` the session is exactly as it was.
pub fn apply(session: &mut Session, event: &Event) -> Result<(), Rejection> {
    let expected = session.last_seq + 1;
    if event.seq != expected {
        return Err(Rejection::OutOfOrder {
            expected,
            got: event.seq,
        });
    }
    let first = session.last_seq == 0;
    let joins = event.joins();
    if let Some(step) = event.part_of {
        let continues = session.last_step == Some(step) && session.last_seq >= step;
        if step > event.seq || (joins.is_some() && !continues) {
            return Err(Rejection::StepBroken { step });
        }
        if matches!(
            event.change,
            Change::Undo | Change::Redo | Change::CopyMade { .. }
        ) || first
        {
            return Err(Rejection::NotInStep);
        }
    }
    match (&event.change, first) {
        (Change::SessionCreated { theme }, true) => {
            session.theme = checked(theme, "theme", MAX_THEME)?;
        }
        (Change::SessionCreated { .. }, false) => return Err(Rejection::AlreadyStarted),
        (_, true) => return Err(Rejection::NotStarted),
        // Naming a copy changes nothing the room sees, so there is nothing to undo.
        (Change::CopyMade { copy, label }, _) => {
            let copy = checked(copy, "copy id", MAX_NAME)?;
            let label = checked(label, "copy label", MAX_NAME)?;
            session.copy = Some((copy, label));
        }
        (Change::Undo, _) => {
            let entry = session
                .history
                .take_undo()
                .ok_or(Rejection::NothingToUndo)?;
            revert(session, entry.patches);
            session.history.push_redo(entry.changes);
        }
        (Change::Redo, _) => {
            let changes = session
                .history
                .take_redo()
                .ok_or(Rejection::NothingToRedo)?;
            // The state is exactly as it was when this step was first applied, so it
            // applies again; if it somehow did not, the redo is refused and kept.
            let mut patches = Vec::new();
            for change in &changes {
                match change_state(session, change) {
                    Ok(more) => {
                        sync_cells(session, &more);
                        patches.extend(more);
                    }
                    Err(why) => {
                        revert(session, patches);
                        session.history.push_redo(changes);
                        return Err(why);
                    }
                }
            }
            session.history.push_redone(changes, patches);
        }
        (change, false) => {
            let founding = super::followup::rules::founding(session, event)?;
            let patches = change_state(session, change)?;
            sync_cells(session, &patches);
            if founding {
                // A follow-up's founding step is where it starts, like a theme at creation:
                // it is not on the undo stack.
            } else if joins.is_some() {
                session.history.extend_last(change.clone(), patches);
            } else {
                session.history.record(change.clone(), patches);
            }
        }
    }
    session.last_seq = event.seq;
    session.last_step = event.part_of;
    Ok(())
}

/// Every change to an issue's placement comes with a patch holding the placement (or the
/// whole issue) as it was.
fn sync_cells(session: &mut Session, patches: &[Patch]) {
    for patch in patches {
        match patch {
            Patch::Issue(id, before) => {
                session.sync_cell(*id, before.as_ref().and_then(|i| i.placement));
            }
            Patch::Field(id, Field::Placement(before)) => session.sync_cell(*id, *before),
            _ => {}
        }
    }
}

/// Trims the text and checks it is neither empty nor too long.
pub(super) fn checked(text: &str, what: &'static str, max: usize) -> Result<String, Rejection> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Rejection::Empty { what });
    }
    long_text(text, what, max)
}

pub(super) fn long_text(text: &str, what: &'static str, max: usize) -> Result<String, Rejection> {
    let len = text.chars().count();
    if len > max {
        return Err(Rejection::TooLong { what, len, max });
    }
    Ok(text.to_string())
}

fn optional(text: &Option<String>, what: &'static str) -> Result<Option<String>, Rejection> {
    match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => long_text(t, what, MAX_NAME).map(Some),
    }
}

/// A new issue as its title and description make it, once its id is known to be free and
/// they keep to the text rules (checked in that order: the first refusal is the one said).
pub(super) fn fresh_issue(
    session: &Session,
    id: IssueId,
    title: &str,
    description: &str,
) -> Result<Issue, Rejection> {
    if session.issues.contains_key(&id) {
        return Err(Rejection::IdTaken {
            what: "issue",
            id: id.0,
        });
    }
    Ok(Issue {
        id,
        title: checked(title, "title", MAX_TITLE)?,
        convener: None,
        description: long_text(description.trim(), "description", MAX_TEXT)?,
        placement: None,
        report: Report::default(),
        merged_into: None,
        cancelled: false,
        plan: Plan::default(),
        carried_from: None,
    })
}

/// Adds a new issue to the session; the patch takes it away again.
pub(super) fn file_issue(session: &mut Session, new: Issue) -> Vec<Patch> {
    let id = new.id;
    session.issues.insert(id, new);
    session.next.issue = session.next.issue.max(id.0);
    vec![Patch::Issue(id, None)]
}

/// A new next step of issue `of`, not started, once the issue is known, the step's id
/// free, its text within the rules and its owner on the roster.
pub(super) fn fresh_step(
    session: &Session,
    of: IssueId,
    id: StepId,
    text: &str,
    owner: Option<ParticipantId>,
) -> Result<Step, Rejection> {
    issue(session, of)?;
    // Ids above the counter were never used; only a redo (or a hand-made log) brings back
    // an older one, and only then is every plan searched.
    if id.0 <= session.next.step
        && session
            .issues
            .values()
            .any(|i| i.plan.steps.contains_key(&id))
    {
        return Err(Rejection::IdTaken {
            what: "next step",
            id: id.0,
        });
    }
    let text = checked(text, "next step", MAX_TITLE)?;
    maybe_participant(session, owner)?;
    Ok(Step {
        id,
        text,
        owner,
        due: None,
        horizon: Horizon::default(),
        status: StepStatus::NotStarted,
        carried_from: None,
        history: vec![],
        note: String::new(),
    })
}

/// Adds a next step to issue `of` (known to be there); the patch takes it away again.
pub(super) fn file_step(session: &mut Session, of: IssueId, new: Step) -> Vec<Patch> {
    let id = new.id;
    let it = session.issues.get_mut(&of).expect("checked");
    let old = it.plan.steps.insert(id, new);
    session.next.step = session.next.step.max(id.0);
    vec![Patch::Field(of, Field::Step(id, old))]
}

pub(super) fn issue(session: &Session, id: IssueId) -> Result<&Issue, Rejection> {
    let issue = session.issues.get(&id).ok_or(Rejection::UnknownIssue(id))?;
    match issue.merged_into {
        Some(into) => Err(Rejection::Merged(id, into)),
        None => Ok(issue),
    }
}

pub(super) fn participant(session: &Session, id: ParticipantId) -> Result<&Participant, Rejection> {
    session
        .participants
        .get(&id)
        .ok_or(Rejection::UnknownParticipant(id))
}

pub(super) fn maybe_participant(
    session: &Session,
    id: Option<ParticipantId>,
) -> Result<(), Rejection> {
    id.map_or(Ok(()), |p| participant(session, p).map(|_| ()))
}

fn round(session: &Session, id: RoundId) -> Result<&Round, Rejection> {
    session.rounds.get(&id).ok_or(Rejection::UnknownRound(id))
}

fn unique_name<'a>(
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

fn issue_patch(session: &Session, id: IssueId) -> Patch {
    Patch::Issue(id, session.issues.get(&id).cloned().map(Box::new))
}

/// Validates a change, applies it, and returns what undo needs to take it back.
fn change_state(session: &mut Session, change: &Change) -> Result<Vec<Patch>, Rejection> {
    use Change::*;
    match change {
        SessionCreated { .. } | CopyMade { .. } | Undo | Redo => {
            unreachable!("handled by apply")
        }
        CopyMerged {
            copy,
            label,
            through,
            ids,
        } => {
            let copy = checked(copy, "copy id", MAX_NAME)?;
            let label = checked(label, "copy label", MAX_NAME)?;
            let new = MergedCopy {
                label,
                through: *through,
                ids: (**ids).clone(),
            };
            let old = session.copies.insert(copy.clone(), new);
            Ok(vec![Patch::Copy(copy, old)])
        }
        ThemeSet { theme } => {
            let theme = checked(theme, "theme", MAX_THEME)?;
            let old = std::mem::replace(&mut session.theme, theme);
            Ok(vec![Patch::Theme(old)])
        }
        ReportReminderSet { minutes } => {
            if *minutes > MAX_REMINDER_MINUTES {
                return Err(Rejection::BadReminder);
            }
            let old = session.report_reminder.replace(*minutes);
            Ok(vec![Patch::ReportReminder(old)])
        }
        ParticipantAdded {
            participant: id,
            name,
            organisation,
            group,
        }
        | ParticipantUpdated {
            participant: id,
            name,
            organisation,
            group,
        } => {
            let adding = matches!(change, ParticipantAdded { .. });
            if adding && session.participants.contains_key(id) {
                return Err(Rejection::IdTaken {
                    what: "participant",
                    id: id.0,
                });
            }
            if !adding {
                participant(session, *id)?;
            }
            let name = checked(name, "name", MAX_NAME)?;
            let organisation = optional(organisation, "organisation")?;
            // Names on record were trimmed when recorded, as `name` is; the index holds them
            // lowercased, which is what `same_name` compares.
            if session
                .names
                .get(&name.to_lowercase())
                .is_some_and(|other| other != id)
            {
                return Err(Rejection::Duplicate {
                    what: "a participant",
                    name,
                });
            }
            let absent = session.participants.get(id).is_some_and(|p| p.absent);
            let new = Participant {
                id: *id,
                name,
                organisation,
                group: *group,
                absent,
            };
            let old = session.set_participant(*id, Some(new));
            session.next.participant = session.next.participant.max(id.0);
            Ok(vec![Patch::Participant(*id, old)])
        }
        ParticipantRemoved { participant: id } => {
            let who = participant(session, *id)?;
            if let Some(role) = role_of(session, *id) {
                return Err(Rejection::ParticipantInUse {
                    name: who.name.clone(),
                    role,
                });
            }
            let old = session.set_participant(*id, None);
            Ok(vec![Patch::Participant(*id, old)])
        }
        SpaceAdded { space, name } | SpaceRenamed { space, name } => {
            let adding = matches!(change, SpaceAdded { .. });
            if adding && session.spaces.contains_key(space) {
                return Err(Rejection::IdTaken {
                    what: "space",
                    id: space.0,
                });
            }
            if !adding && !session.spaces.contains_key(space) {
                return Err(Rejection::UnknownSpace(*space));
            }
            let name = checked(name, "space name", MAX_NAME)?;
            unique_name(
                session.spaces.values().map(|s| (s.id.0, s.name.as_str())),
                space.0,
                &name,
                "a space",
            )?;
            let old = session.spaces.insert(*space, Space { id: *space, name });
            session.next.space = session.next.space.max(space.0);
            Ok(vec![Patch::Space(*space, old)])
        }
        SpaceRemoved { space } => {
            if !session.spaces.contains_key(space) {
                return Err(Rejection::UnknownSpace(*space));
            }
            let mut patches = unplace_where(session, |p| p.space == *space);
            patches.push(Patch::Space(*space, session.spaces.remove(space)));
            Ok(patches)
        }
        SlotAdded {
            slot,
            label,
            starts,
            ends,
        }
        | SlotUpdated {
            slot,
            label,
            starts,
            ends,
        } => {
            let adding = matches!(change, SlotAdded { .. });
            if adding && session.slots.contains_key(slot) {
                return Err(Rejection::IdTaken {
                    what: "slot",
                    id: slot.0,
                });
            }
            if !adding && !session.slots.contains_key(slot) {
                return Err(Rejection::UnknownSlot(*slot));
            }
            let label = checked(label, "slot label", MAX_NAME)?;
            if let (Some(s), Some(e)) = (starts, ends)
                && e <= s
            {
                return Err(Rejection::EndsBeforeStart);
            }
            unique_name(
                session.slots.values().map(|s| (s.id.0, s.label.as_str())),
                slot.0,
                &label,
                "a slot",
            )?;
            let new = Slot {
                id: *slot,
                label,
                starts: *starts,
                ends: *ends,
            };
            let old = session.slots.insert(*slot, new);
            session.next.slot = session.next.slot.max(slot.0);
            Ok(vec![Patch::Slot(*slot, old)])
        }
        SlotRemoved { slot } => {
            if !session.slots.contains_key(slot) {
                return Err(Rejection::UnknownSlot(*slot));
            }
            let mut patches = unplace_where(session, |p| p.slot == *slot);
            patches.push(Patch::Slot(*slot, session.slots.remove(slot)));
            Ok(patches)
        }
        IssueRaised {
            issue: id,
            title,
            convener,
            description,
        } => {
            let new = fresh_issue(session, *id, title, description)?;
            maybe_participant(session, *convener)?;
            Ok(file_issue(
                session,
                Issue {
                    convener: *convener,
                    ..new
                },
            ))
        }
        IssueEdited {
            issue: id,
            title,
            convener,
            description,
        } => {
            issue(session, *id)?;
            let title = checked(title, "title", MAX_TITLE)?;
            let description = long_text(description.trim(), "description", MAX_TEXT)?;
            maybe_participant(session, *convener)?;
            let it = session.issues.get_mut(id).expect("checked above");
            let old = Field::Text {
                title: std::mem::replace(&mut it.title, title),
                convener: std::mem::replace(&mut it.convener, *convener),
                description: std::mem::replace(&mut it.description, description),
            };
            Ok(vec![Patch::Field(*id, old)])
        }
        IssueDeleted { issue: id } => {
            issue(session, *id)?;
            let mut patches = vec![];
            for round in session.rounds.values_mut() {
                if round.ballot.contains(id) {
                    patches.push(Patch::Round(round.id, Some(Box::new(round.clone()))));
                    drop_from_round(round, *id);
                }
            }
            // Issues merged into this one live on only inside it, so they go with it rather
            // than point at an issue that no longer exists.
            let mut gone = vec![*id];
            let mut next = 0;
            while let Some(&target) = gone.get(next) {
                let folded = session
                    .issues
                    .values()
                    .filter(|i| i.merged_into == Some(target));
                gone.extend(folded.map(|i| i.id));
                next += 1;
            }
            for gone in gone {
                patches.push(issue_patch(session, gone));
                session.issues.remove(&gone);
            }
            Ok(patches)
        }
        IssuesMerged { from, into } => merge(session, *from, *into),
        IssuePlaced {
            issue: id,
            space,
            slot,
        } => {
            let it = issue(session, *id)?;
            if !session.spaces.contains_key(space) {
                return Err(Rejection::UnknownSpace(*space));
            }
            if !session.slots.contains_key(slot) {
                return Err(Rejection::UnknownSlot(*slot));
            }
            let place = Placement {
                space: *space,
                slot: *slot,
            };
            if it.placement == Some(place) {
                return Err(Rejection::NoChange);
            }
            if let Some(other) = session.issue_at(place) {
                return Err(Rejection::CellTaken {
                    by: other.id,
                    title: other.title.clone(),
                });
            }
            let it = session.issues.get_mut(id).expect("checked");
            let old = it.placement.replace(place);
            Ok(vec![Patch::Field(*id, Field::Placement(old))])
        }
        IssueUnplaced { issue: id } => {
            if issue(session, *id)?.placement.is_none() {
                return Err(Rejection::NoChange);
            }
            let old = session
                .issues
                .get_mut(id)
                .expect("checked")
                .placement
                .take();
            Ok(vec![Patch::Field(*id, Field::Placement(old))])
        }
        IssueCancelled {
            issue: id,
            cancelled,
        } => {
            if issue(session, *id)?.cancelled == *cancelled {
                return Err(Rejection::NoChange);
            }
            let it = session.issues.get_mut(id).expect("checked");
            let old = std::mem::replace(&mut it.cancelled, *cancelled);
            Ok(vec![Patch::Field(*id, Field::Cancelled(old))])
        }
        ReportRecorded { issue: id, report } => {
            issue(session, *id)?;
            if report.attendees > MAX_ATTENDEES {
                return Err(Rejection::TooManyAttendees);
            }
            let mut names = Vec::with_capacity(report.attendee_names.len());
            for name in &report.attendee_names {
                let name = name.trim();
                if !name.is_empty() {
                    names.push(long_text(name, "attendee name", MAX_NAME)?);
                }
            }
            let attendees = report
                .attendees
                .max(names.len().try_into().unwrap_or(u32::MAX));
            if attendees > MAX_ATTENDEES {
                return Err(Rejection::TooManyAttendees);
            }
            let clean = Report {
                attendees,
                attendee_names: names,
                key_points: long_text(report.key_points.trim_end(), "key points", MAX_TEXT)?,
                recommendations: long_text(
                    report.recommendations.trim_end(),
                    "recommendations",
                    MAX_TEXT,
                )?,
                follow_up: long_text(report.follow_up.trim_end(), "follow-up", MAX_TEXT)?,
            };
            let it = session.issues.get_mut(id).expect("checked");
            let old = std::mem::replace(&mut it.report, clean);
            Ok(vec![Patch::Field(*id, Field::Report(old))])
        }
        RoundOpened {
            round: id,
            dots_per_person,
            max_per_issue,
            anonymous,
            hidden,
            ballot,
        } => {
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
                ballot: ballot.clone(),
                open: true,
                tallies: Default::default(),
                ballots: Default::default(),
                totals: Default::default(),
            };
            session.rounds.insert(*id, new);
            session.next.round = session.next.round.max(id.0);
            Ok(vec![Patch::Round(*id, None)])
        }
        RoundClosed { round: id } | RoundReopened { round: id } | ResultsRevealed { round: id } => {
            let r = round(session, *id)?;
            match change {
                RoundClosed { .. } if !r.open => return Err(Rejection::RoundClosed(*id)),
                RoundReopened { .. } if r.open => return Err(Rejection::RoundOpen(*id)),
                ResultsRevealed { .. } if r.results_visible() => {
                    return Err(Rejection::AlreadyVisible(*id));
                }
                _ => {}
            }
            let before = r.clone();
            let r = session.rounds.get_mut(id).expect("checked");
            match change {
                RoundClosed { .. } => r.open = false,
                RoundReopened { .. } => r.open = true,
                _ => r.revealed = true,
            }
            Ok(vec![Patch::Round(*id, Some(Box::new(before)))])
        }
        DotAdded {
            round: id,
            issue: target,
            voter,
        }
        | DotRemoved {
            round: id,
            issue: target,
            voter,
        } => {
            let adding = matches!(change, DotAdded { .. });
            let r = round(session, *id)?;
            if !r.open {
                return Err(Rejection::RoundClosed(*id));
            }
            if !r.ballot.contains(target) {
                return Err(Rejection::NotOnBallot {
                    round: *id,
                    issue: *target,
                });
            }
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
                give_dot(r, *target, *voter);
            } else {
                take_dot(r, *target, *voter);
            }
            Ok(vec![Patch::Dot {
                round: *id,
                issue: *target,
                voter: *voter,
                added: adding,
            }])
        }
        TallySet {
            round: id,
            issue: target,
            dots,
        } => {
            let r = round(session, *id)?;
            if !r.open {
                return Err(Rejection::RoundClosed(*id));
            }
            if !r.ballot.contains(target) {
                return Err(Rejection::NotOnBallot {
                    round: *id,
                    issue: *target,
                });
            }
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
            set_tally(r, *target, *dots - named);
            Ok(vec![Patch::Tally {
                round: *id,
                issue: *target,
                tally,
            }])
        }
        LeadAssigned { issue: id, lead } => {
            let it = issue(session, *id)?;
            if it.plan.lead == *lead {
                return Err(Rejection::NoChange);
            }
            maybe_participant(session, *lead)?;
            let it = session.issues.get_mut(id).expect("checked");
            let old = std::mem::replace(&mut it.plan.lead, *lead);
            let mut patches = vec![Patch::Field(*id, Field::Lead(old))];
            // A supporter who takes the lead is no longer listed as a supporter as well.
            if let Some(at) = lead.and_then(|p| it.plan.supporters.iter().position(|s| *s == p)) {
                let supporters = it.plan.supporters.clone();
                it.plan.supporters.remove(at);
                patches.push(Patch::Field(*id, Field::Supporters(supporters)));
            }
            Ok(patches)
        }
        SupporterAdded {
            issue: id,
            participant: who,
        }
        | SupporterRemoved {
            issue: id,
            participant: who,
        } => {
            let it = issue(session, *id)?;
            let name = participant(session, *who)?.name.clone();
            let has = it.plan.supporters.contains(who);
            let adding = matches!(change, SupporterAdded { .. });
            if adding && has {
                return Err(Rejection::AlreadySupporter { name });
            }
            if adding && it.plan.lead == Some(*who) {
                return Err(Rejection::LeadsIt { name });
            }
            if !adding && !has {
                return Err(Rejection::NotSupporter { name });
            }
            let supporters = &mut session.issues.get_mut(id).expect("checked").plan.supporters;
            let old = supporters.clone();
            if adding {
                supporters.push(*who);
            } else {
                supporters.retain(|p| p != who);
            }
            Ok(vec![Patch::Field(*id, Field::Supporters(old))])
        }
        StepAdded {
            issue: id,
            step,
            text,
            owner,
            due,
            horizon,
        } => {
            let new = fresh_step(session, *id, *step, text, *owner)?;
            Ok(file_step(
                session,
                *id,
                Step {
                    due: *due,
                    horizon: *horizon,
                    ..new
                },
            ))
        }
        StepUpdated {
            issue: id,
            step,
            text,
            owner,
            due,
            horizon,
            status,
        } => {
            if !issue(session, *id)?.plan.steps.contains_key(step) {
                return Err(Rejection::UnknownStep {
                    issue: *id,
                    step: *step,
                });
            }
            let text = checked(text, "next step", MAX_TITLE)?;
            maybe_participant(session, *owner)?;
            let it = session.issues.get_mut(id).expect("checked");
            let was = &it.plan.steps[step];
            let new = Step {
                id: *step,
                text,
                owner: *owner,
                due: *due,
                horizon: *horizon,
                status: *status,
                carried_from: was.carried_from.clone(),
                history: was.history.clone(),
                note: was.note.clone(),
            };
            let old = it.plan.steps.insert(*step, new);
            Ok(vec![Patch::Field(*id, Field::Step(*step, old))])
        }
        StepRemoved { issue: id, step } => {
            if !issue(session, *id)?.plan.steps.contains_key(step) {
                return Err(Rejection::UnknownStep {
                    issue: *id,
                    step: *step,
                });
            }
            let it = session.issues.get_mut(id).expect("checked");
            let old = it.plan.steps.remove(step);
            Ok(vec![Patch::Field(*id, Field::Step(*step, old))])
        }
        FollowUpStarted { .. }
        | PriorityCarried { .. }
        | StepCarried { .. }
        | ProgressRecorded { .. }
        | AbsenceSet { .. } => super::followup::rules::change_state(session, change),
        TriageSet { issue: id, triage } => {
            if issue(session, *id)?.plan.triage == *triage {
                return Err(Rejection::NoChange);
            }
            let it = session.issues.get_mut(id).expect("checked");
            let old = std::mem::replace(&mut it.plan.triage, *triage);
            Ok(vec![Patch::Field(*id, Field::Triage(old))])
        }
    }
}

/// Why someone cannot leave the roster, if they hold a role that names them.
fn role_of(session: &Session, id: ParticipantId) -> Option<String> {
    for issue in session.issues.values() {
        if issue.convener == Some(id) {
            return Some(format!("they convene issue {}", issue.id));
        }
        if issue.plan.lead == Some(id) {
            return Some(format!("they lead issue {}", issue.id));
        }
        if issue.plan.supporters.contains(&id) {
            return Some(format!("they support issue {}", issue.id));
        }
        if issue.plan.steps.values().any(|s| s.owner == Some(id)) {
            return Some(format!("they own a next step of issue {}", issue.id));
        }
    }
    for round in session.rounds.values() {
        if round.ballots.contains_key(&id) {
            return Some(format!("they voted in round {}", round.id));
        }
    }
    None
}

fn unplace_where(session: &mut Session, hit: impl Fn(&Placement) -> bool) -> Vec<Patch> {
    let mut patches = vec![];
    for issue in session.issues.values_mut() {
        if issue.placement.as_ref().is_some_and(&hit) {
            patches.push(Patch::Issue(issue.id, Some(Box::new(issue.clone()))));
            issue.placement = None;
        }
    }
    patches
}

fn merge(session: &mut Session, from: IssueId, into: IssueId) -> Result<Vec<Patch>, Rejection> {
    if from == into {
        return Err(Rejection::MergeIntoSelf);
    }
    let source = issue(session, from)?.clone();
    issue(session, into)?;
    let mut patches = vec![issue_patch(session, from), issue_patch(session, into)];
    for round in session.rounds.values_mut() {
        if round.ballot.contains(&from) {
            patches.push(Patch::Round(round.id, Some(Box::new(round.clone()))));
            move_votes(round, from, into);
        }
    }
    let target = session.issues.get_mut(&into).expect("checked");
    target.report.absorb(&source.report, &source.title);
    if target.placement.is_none() {
        target.placement = source.placement;
    }
    if target.plan.lead.is_none() {
        target.plan.lead = source.plan.lead;
    }
    for s in &source.plan.supporters {
        if !target.plan.supporters.contains(s) {
            target.plan.supporters.push(*s);
        }
    }
    // The lead may have come from the other issue, and was perhaps a supporter here.
    let lead = target.plan.lead;
    target.plan.supporters.retain(|s| Some(*s) != lead);
    target.plan.steps.extend(source.plan.steps.clone());
    if target.plan.triage.is_none() {
        target.plan.triage = source.plan.triage;
    }
    let merged = session.issues.get_mut(&from).expect("checked");
    merged.merged_into = Some(into);
    merged.placement = None;
    merged.plan.steps.clear();
    Ok(patches)
}

fn move_votes(round: &mut Round, from: IssueId, into: IssueId) {
    if let Some(n) = round.tallies.remove(&from) {
        *round.tallies.entry(into).or_default() += n;
    }
    for ballot in round.ballots.values_mut() {
        if let Some(n) = ballot.remove(&from) {
            *ballot.entry(into).or_default() += n;
        }
    }
    if let Some(n) = round.totals.remove(&from) {
        *round.totals.entry(into).or_default() += n;
    }
    round.ballot.retain(|i| *i != from);
    if !round.ballot.contains(&into) {
        round.ballot.push(into);
    }
}

fn drop_from_round(round: &mut Round, id: IssueId) {
    round.ballot.retain(|i| *i != id);
    round.tallies.remove(&id);
    round.totals.remove(&id);
    for ballot in round.ballots.values_mut() {
        ballot.remove(&id);
    }
    round.ballots.retain(|_, b| !b.is_empty());
}

pub(crate) fn give_dot(round: &mut Round, issue: IssueId, voter: Option<ParticipantId>) {
    match voter {
        Some(v) => {
            *round
                .ballots
                .entry(v)
                .or_default()
                .entry(issue)
                .or_default() += 1
        }
        None => *round.tallies.entry(issue).or_default() += 1,
    }
    *round.totals.entry(issue).or_default() += 1;
}

/// Sets the dots counted off the wall for `issue`, keeping the total in step.
pub(crate) fn set_tally(round: &mut Round, issue: IssueId, tally: u32) {
    let before = round.tallies.get(&issue).copied().unwrap_or(0);
    let total = round.total(issue) - before + tally;
    for (map, n) in [(&mut round.tallies, tally), (&mut round.totals, total)] {
        if n == 0 {
            map.remove(&issue);
        } else {
            map.insert(issue, n);
        }
    }
}

pub(crate) fn take_dot(round: &mut Round, issue: IssueId, voter: Option<ParticipantId>) {
    fn dec<K: Ord + Copy>(map: &mut std::collections::BTreeMap<K, u32>, key: K) {
        if let Some(n) = map.get_mut(&key) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                map.remove(&key);
            }
        }
    }
    match voter {
        Some(v) => {
            if let Some(ballot) = round.ballots.get_mut(&v) {
                dec(ballot, issue);
                if ballot.is_empty() {
                    round.ballots.remove(&v);
                }
            }
        }
        None => dec(&mut round.tallies, issue),
    }
    dec(&mut round.totals, issue);
}
