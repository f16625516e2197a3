//! What the fuzz targets share: a decoder that turns fuzz bytes into session changes aimed
//! at the rules' edges (ids that exist and ids that do not, names that clash by case, texts
//! one character over a limit), and the checks every accepted or refused change must pass.
//! Random JSON would almost never get past the parser, so the events target builds
//! `Change`s directly and leaves the file format to the load target.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use convene::model::*;
use convene::store::{self, StateView};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use std::path::Path;

/// More than enough changes to reach any rule; more only makes each run slower.
const MOST_CHANGES: usize = 300;

/// A session the fuzzer drives: whether it starts created, then its changes.
pub struct Script {
    pub created: bool,
    pub changes: Vec<Change>,
}

pub fn script(u: &mut Unstructured) -> Result<Script> {
    let created = u.int_in_range(0u8..=15)? != 0;
    let mut changes = vec![];
    while !u.is_empty() && changes.len() < MOST_CHANGES {
        changes.push(change(u)?);
    }
    Ok(Script { created, changes })
}

/// Records every change, checking after each one:
/// - a refused change leaves the session exactly as it was (state and undo history);
/// - an accepted change other than undo, redo and the session's creation is taken back
///   exactly by an undo;
/// - what the screens ask of a session (descriptions, next ids, the snapshot) never panics;
///
/// and at the end that save then load gives back the same journal and snapshot.
pub fn run_script(script: Script) {
    let at = start();
    let mut journal = if script.created {
        Journal::create(at, "Fuzzing the day").expect("a plain theme is accepted")
    } else {
        Journal::default()
    };
    for (n, change) in script.changes.into_iter().enumerate() {
        let at = at + Duration::minutes(n as i64);
        let before = journal.session.clone();
        let view_before = StateView::of(&before);
        let events_before = journal.events.len();
        // The first event starts the session and is not an undoable change.
        let undoable = !matches!(
            change,
            Change::Undo | Change::Redo | Change::SessionCreated { .. }
        );
        match journal.record(at, change.clone()) {
            Err(why) => {
                let _ = why.to_string();
                assert_eq!(journal.events.len(), events_before, "refused but logged");
                assert_eq!(
                    StateView::of(&journal.session),
                    view_before,
                    "refused {change:?} changed the state"
                );
                assert!(
                    journal.session == before,
                    "refused {change:?} changed the session"
                );
            }
            Ok(event) => {
                let event = event.clone();
                let _ = describe::describe(&before, &event);
                if undoable {
                    let mut undone = journal.clone();
                    undone
                        .record(at, Change::Undo)
                        .expect("a change just made can be undone");
                    assert_eq!(
                        StateView::of(&undone.session),
                        view_before,
                        "undo of {change:?} did not restore the state"
                    );
                }
            }
        }
        look_at(&journal.session);
    }
    round_trip(&journal);
}

/// What the app and the command line ask of any session they hold.
pub fn look_at(session: &Session) {
    let _ = (
        session.next_participant_id(),
        session.next_space_id(),
        session.next_slot_id(),
        session.next_issue_id(),
        session.next_round_id(),
        session.next_step_id(),
    );
    let _ = (session.undo_target(), session.redo_target());
    for round in session.rounds.values() {
        let _ = round.ranking();
        let _ = tally::breakdown(session, round);
        let _ = tally::overflow(session, round);
    }
    let _ = tally::overloaded_leads(session);
    // `issue_at` reads an index kept by apply and undo; it must agree with the issues.
    for space in session.spaces.keys() {
        for slot in session.slots.keys() {
            let place = Placement {
                space: *space,
                slot: *slot,
            };
            let scanned = session
                .active_issues()
                .find(|i| i.placement == Some(place))
                .map(|i| i.id);
            assert_eq!(session.issue_at(place).map(|i| i.id), scanned, "{place:?}");
        }
    }
    for issue in session.issues.values() {
        if let Some(place) = issue.placement {
            let found = session.issue_at(place).map(|i| i.id);
            assert_eq!(found.is_some_and(|id| id == issue.id), issue.is_active());
        }
    }
}

/// Saves and loads in memory: the same events, the same rebuilt session, and a snapshot
/// in the file that reads back as the state it was written from.
pub fn round_trip(journal: &Journal) {
    let meta = store::Meta {
        id: "fuzz".into(),
        created_at: start(),
    };
    let bytes = store::to_bytes(&meta, journal, start());
    let loaded = match store::parse(Path::new("fuzz.json"), &bytes) {
        Ok(loaded) => loaded,
        Err(e) => panic!("a saved session does not load: {e}"),
    };
    assert_eq!(loaded.journal.events, journal.events, "events differ");
    assert!(loaded.journal == *journal, "rebuilt session differs");
    assert_eq!(loaded.meta, meta);
    let file: serde_json::Value = serde_json::from_slice(&bytes).expect("valid JSON");
    let snapshot: StateView =
        serde_json::from_value(file["state"].clone()).expect("the snapshot reads back");
    assert_eq!(
        snapshot,
        StateView::of(&journal.session),
        "snapshot differs"
    );
}

fn start() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .expect("an offset")
        .with_ymd_and_hms(2026, 3, 12, 9, 0, 0)
        .single()
        .expect("a time")
}

/// Texts on the edges of the rules, or whatever the bytes say.
fn text(u: &mut Unstructured) -> Result<String> {
    Ok(match u.int_in_range(0u8..=15)? {
        0 => String::new(),
        1 => "  ".into(),
        2 => "Housing".into(),
        3 => " housing ".into(),
        4 => "Transport".into(),
        5 => "x".repeat(MAX_NAME),
        6 => "x".repeat(MAX_NAME + 1),
        7 => "é".repeat(MAX_TITLE),
        8 => "y".repeat(MAX_TITLE + 1),
        9 => "\u{1b}[2J\u{200b}e\u{301}\u{202e}\u{5d0}\t\n".into(),
        10 if u.ratio(1u8, 8)? => "z".repeat(MAX_TEXT + 1),
        _ => {
            let len = u.int_in_range(0usize..=24)?.min(u.len());
            String::from_utf8_lossy(u.bytes(len)?).into_owned()
        }
    })
}

/// Mostly small ids, so they name things that exist; now and then any number at all.
fn id(u: &mut Unstructured) -> Result<u32> {
    Ok(match u.int_in_range(0u8..=15)? {
        15 => u.arbitrary()?,
        14 => u32::MAX,
        n => u32::from(n % 7),
    })
}

fn maybe<T>(
    u: &mut Unstructured,
    f: impl FnOnce(&mut Unstructured) -> Result<T>,
) -> Result<Option<T>> {
    Ok(if u.arbitrary()? { Some(f(u)?) } else { None })
}

fn person(u: &mut Unstructured) -> Result<ParticipantId> {
    id(u).map(ParticipantId)
}

fn issue(u: &mut Unstructured) -> Result<IssueId> {
    id(u).map(IssueId)
}

fn group(u: &mut Unstructured) -> Result<Group> {
    u.choose(&Group::ALL).copied()
}

fn time(u: &mut Unstructured) -> Result<NaiveTime> {
    let (h, m) = (u.int_in_range(0u32..=23)?, u.int_in_range(0u32..=59)?);
    Ok(NaiveTime::from_hms_opt(h, m, 0).expect("in range"))
}

fn date(u: &mut Unstructured) -> Result<NaiveDate> {
    Ok(if u.ratio(1u8, 4)? {
        NaiveDate::from_num_days_from_ce_opt(u.arbitrary()?).unwrap_or(NaiveDate::MAX)
    } else {
        NaiveDate::from_ymd_opt(2026, u.int_in_range(1..=12)?, u.int_in_range(1..=28)?)
            .expect("in range")
    })
}

fn dots(u: &mut Unstructured) -> Result<u32> {
    Ok(match u.int_in_range(0u8..=7)? {
        0 => 0,
        1 => MAX_DOTS,
        2 => MAX_DOTS + 1,
        3 => u.arbitrary()?,
        n => u32::from(n),
    })
}

fn report(u: &mut Unstructured) -> Result<Report> {
    let attendees = match u.int_in_range(0u8..=3)? {
        0 => MAX_ATTENDEES,
        1 => u.arbitrary()?,
        n => u32::from(n) * 4,
    };
    let names = u.int_in_range(0usize..=3)?;
    Ok(Report {
        attendees,
        attendee_names: (0..names).map(|_| text(u)).collect::<Result<_>>()?,
        key_points: text(u)?,
        recommendations: text(u)?,
        follow_up: text(u)?,
    })
}

fn change(u: &mut Unstructured) -> Result<Change> {
    use Change::*;
    Ok(match *u.choose(Kind::ALL)? {
        Kind::SessionCreated => SessionCreated { theme: text(u)? },
        Kind::ThemeSet => ThemeSet { theme: text(u)? },
        Kind::ParticipantAdded => ParticipantAdded {
            participant: person(u)?,
            name: text(u)?,
            organisation: maybe(u, text)?,
            group: maybe(u, group)?,
        },
        Kind::ParticipantUpdated => ParticipantUpdated {
            participant: person(u)?,
            name: text(u)?,
            organisation: maybe(u, text)?,
            group: maybe(u, group)?,
        },
        Kind::ParticipantRemoved => ParticipantRemoved {
            participant: person(u)?,
        },
        Kind::SpaceAdded => SpaceAdded {
            space: SpaceId(id(u)?),
            name: text(u)?,
        },
        Kind::SpaceRenamed => SpaceRenamed {
            space: SpaceId(id(u)?),
            name: text(u)?,
        },
        Kind::SpaceRemoved => SpaceRemoved {
            space: SpaceId(id(u)?),
        },
        Kind::SlotAdded => SlotAdded {
            slot: SlotId(id(u)?),
            label: text(u)?,
            starts: maybe(u, time)?,
            ends: maybe(u, time)?,
        },
        Kind::SlotUpdated => SlotUpdated {
            slot: SlotId(id(u)?),
            label: text(u)?,
            starts: maybe(u, time)?,
            ends: maybe(u, time)?,
        },
        Kind::SlotRemoved => SlotRemoved {
            slot: SlotId(id(u)?),
        },
        Kind::IssueRaised => IssueRaised {
            issue: issue(u)?,
            title: text(u)?,
            convener: maybe(u, person)?,
            description: text(u)?,
        },
        Kind::IssueEdited => IssueEdited {
            issue: issue(u)?,
            title: text(u)?,
            convener: maybe(u, person)?,
            description: text(u)?,
        },
        Kind::IssueDeleted => IssueDeleted { issue: issue(u)? },
        Kind::IssuesMerged => IssuesMerged {
            from: issue(u)?,
            into: issue(u)?,
        },
        Kind::IssuePlaced => IssuePlaced {
            issue: issue(u)?,
            space: SpaceId(id(u)?),
            slot: SlotId(id(u)?),
        },
        Kind::IssueUnplaced => IssueUnplaced { issue: issue(u)? },
        Kind::IssueCancelled => IssueCancelled {
            issue: issue(u)?,
            cancelled: u.arbitrary()?,
        },
        Kind::ReportRecorded => ReportRecorded {
            issue: issue(u)?,
            report: Box::new(report(u)?),
        },
        Kind::RoundOpened => {
            let dots_per_person = dots(u)?;
            let max_per_issue = maybe(u, dots)?;
            let ballot = (0..u.int_in_range(0usize..=5)?)
                .map(|_| issue(u))
                .collect::<Result<_>>()?;
            RoundOpened {
                round: RoundId(id(u)?),
                dots_per_person,
                max_per_issue,
                anonymous: u.ratio(1u8, 4)?,
                hidden: u.ratio(1u8, 4)?,
                ballot,
            }
        }
        Kind::RoundClosed => RoundClosed {
            round: RoundId(id(u)?),
        },
        Kind::RoundReopened => RoundReopened {
            round: RoundId(id(u)?),
        },
        Kind::ResultsRevealed => ResultsRevealed {
            round: RoundId(id(u)?),
        },
        Kind::DotAdded => DotAdded {
            round: RoundId(id(u)?),
            issue: issue(u)?,
            voter: maybe(u, person)?,
        },
        Kind::DotRemoved => DotRemoved {
            round: RoundId(id(u)?),
            issue: issue(u)?,
            voter: maybe(u, person)?,
        },
        Kind::LeadAssigned => LeadAssigned {
            issue: issue(u)?,
            lead: maybe(u, person)?,
        },
        Kind::SupporterAdded => SupporterAdded {
            issue: issue(u)?,
            participant: person(u)?,
        },
        Kind::SupporterRemoved => SupporterRemoved {
            issue: issue(u)?,
            participant: person(u)?,
        },
        Kind::StepAdded => StepAdded {
            issue: issue(u)?,
            step: StepId(id(u)?),
            text: text(u)?,
            owner: maybe(u, person)?,
            due: maybe(u, date)?,
            horizon: *u.choose(&Horizon::ALL)?,
        },
        Kind::StepUpdated => StepUpdated {
            issue: issue(u)?,
            step: StepId(id(u)?),
            text: text(u)?,
            owner: maybe(u, person)?,
            due: maybe(u, date)?,
            horizon: *u.choose(&Horizon::ALL)?,
            status: *u.choose(&StepStatus::ALL)?,
        },
        Kind::StepRemoved => StepRemoved {
            issue: issue(u)?,
            step: StepId(id(u)?),
        },
        Kind::TriageSet => TriageSet {
            issue: issue(u)?,
            triage: maybe(u, |u| u.choose(&Triage::ALL).copied())?,
        },
        Kind::Undo => Undo,
        Kind::ReportReminderSet => ReportReminderSet {
            minutes: u.int_in_range(0..=300)?,
        },
        Kind::TallySet => TallySet {
            round: RoundId(id(u)?),
            issue: issue(u)?,
            dots: dots(u)?,
        },
        Kind::ProgressRecorded => ProgressRecorded {
            issue: issue(u)?,
            step: StepId(id(u)?),
            status: *u.choose(&StepStatus::ALL)?,
            note: text(u)?,
            due: maybe(u, date)?,
            owner: maybe(u, person)?,
        },
        Kind::AbsenceSet => AbsenceSet {
            participant: person(u)?,
            absent: u.arbitrary()?,
        },
        Kind::Redo => Redo,
        // Made only by `convene follow-up` and `convene copy` / `merge`, with links and
        // ids that random bytes would never get right; their own tests cover them.
        Kind::FollowUpStarted
        | Kind::PriorityCarried
        | Kind::StepCarried
        | Kind::CopyMade
        | Kind::CopyMerged => Redo,
    })
}
