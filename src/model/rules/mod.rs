//! How each kind of change applies, family by family. `change_state` names every kind and
//! hands its fields to its family's rule, so a new kind does not compile until a family
//! says how it applies; each rule checks first and changes nothing when it refuses.

mod agenda;
mod followup;
mod issues;
mod merge;
mod people;
mod plan;
mod session;
mod voting;

use super::event::Change;

use super::history::Patch;
use super::rejection::Rejection;
use super::session::Session;
pub(super) use followup::founding;
use voting::RoundState;

/// Validates a change, applies it, and returns what undo needs to take it back.
pub(super) fn change_state(
    session: &mut Session,
    change: &Change,
) -> Result<Vec<Patch>, Rejection> {
    use Change::*;
    match change {
        SessionCreated { .. } | CopyMade { .. } | Undo | Redo => {
            unreachable!("handled by apply")
        }
        ThemeSet { theme } => session::set_theme(session, theme),
        ReportReminderSet { minutes } => session::set_reminder(session, minutes),
        CopyMerged {
            copy,
            label,
            through,
            ids,
        } => merge::record_copy(session, copy, label, through, ids),
        ParticipantAdded {
            participant,
            name,
            organisation,
            group,
        } => people::set_participant(session, true, participant, name, organisation, group),
        ParticipantUpdated {
            participant,
            name,
            organisation,
            group,
        } => people::set_participant(session, false, participant, name, organisation, group),
        ParticipantRemoved { participant } => people::remove_participant(session, participant),
        SpaceAdded { space, name } => agenda::set_space(session, true, space, name),
        SpaceRenamed { space, name } => agenda::set_space(session, false, space, name),
        SpaceRemoved { space } => agenda::remove_space(session, space),
        SlotAdded {
            slot,
            label,
            starts,
            ends,
        } => agenda::set_slot(session, true, slot, label, starts, ends),
        SlotUpdated {
            slot,
            label,
            starts,
            ends,
        } => agenda::set_slot(session, false, slot, label, starts, ends),
        SlotRemoved { slot } => agenda::remove_slot(session, slot),
        IssuePlaced { issue, space, slot } => agenda::place(session, issue, space, slot),
        IssueUnplaced { issue } => agenda::unplace(session, issue),
        IssueRaised {
            issue,
            title,
            convener,
            description,
        } => issues::raise(session, issue, title, convener, description),
        IssueEdited {
            issue,
            title,
            convener,
            description,
        } => issues::edit(session, issue, title, convener, description),
        IssueDeleted { issue } => issues::delete(session, issue),
        IssuesMerged { from, into } => issues::merge(session, *from, *into),
        IssueCancelled { issue, cancelled } => issues::cancel(session, issue, cancelled),
        ReportRecorded { issue, report } => issues::record_report(session, issue, report),
        RoundOpened {
            round,
            dots_per_person,
            max_per_issue,
            anonymous,
            hidden,
            ballot,
        } => voting::open_round(
            session,
            round,
            dots_per_person,
            max_per_issue,
            anonymous,
            hidden,
            ballot,
        ),
        RoundClosed { round } => voting::set_round(session, round, RoundState::Close),
        RoundReopened { round } => voting::set_round(session, round, RoundState::Reopen),
        ResultsRevealed { round } => voting::set_round(session, round, RoundState::Reveal),
        DotAdded {
            round,
            issue,
            voter,
        } => voting::dot(session, true, round, issue, voter),
        DotRemoved {
            round,
            issue,
            voter,
        } => voting::dot(session, false, round, issue, voter),
        TallySet { round, issue, dots } => voting::set_tally(session, round, issue, dots),
        LeadAssigned { issue, lead } => plan::assign_lead(session, issue, lead),
        SupporterAdded { issue, participant } => plan::supporter(session, true, issue, participant),
        SupporterRemoved { issue, participant } => {
            plan::supporter(session, false, issue, participant)
        }
        StepAdded {
            issue,
            step,
            text,
            owner,
            due,
            horizon,
        } => plan::add_step(session, issue, step, text, owner, due, horizon),
        StepUpdated {
            issue,
            step,
            text,
            owner,
            due,
            horizon,
            status,
        } => plan::update_step(
            session,
            issue,
            plan::StepEdit {
                step: *step,
                text,
                owner: *owner,
                due: *due,
                horizon: *horizon,
                status: *status,
            },
        ),
        StepRemoved { issue, step } => plan::remove_step(session, issue, step),
        TriageSet { issue, triage } => plan::set_triage(session, issue, triage),
        FollowUpStarted {
            follows,
            date,
            earlier,
            used,
        } => followup::start(session, follows, date, earlier, used),
        PriorityCarried {
            issue,
            from,
            title,
            description,
            lead,
            supporters,
        } => followup::carry_priority(session, issue, from, title, description, lead, supporters),
        StepCarried {
            issue,
            step,
            from,
            text,
            owner,
            due,
            horizon,
            status,
            history,
        } => followup::carry_step(
            session, issue, step, from, text, owner, due, horizon, status, history,
        ),
        ProgressRecorded {
            issue,
            step,
            status,
            note,
            due,
            owner,
        } => followup::record_progress(session, issue, step, status, note, due, owner),
        AbsenceSet {
            participant,
            absent,
        } => followup::set_absence(session, participant, absent),
    }
}
