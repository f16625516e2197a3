//! Sessions for replay tests: a seeded random walk of `Journal::record` calls that moves
//! through the phases of a day (arrivals, marketplace, agenda, vote, leads) with edits,
//! mistakes, undo and redo mixed in. Refused changes are simply not recorded, as in the app.
use super::rng::Rng;
use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use convene::model::*;

const FIRST: [&str; 16] = [
    "Ann", "Bilal", "Chloë", "Dev", "Eun-ji", "Femi", "Gráinne", "Hamza", "Ines", "Jon", "Kemi",
    "Luca", "Mei", "Niamh", "Olu", "Priya",
];
const LAST: [&str; 12] = [
    "Lee",
    "Hale",
    "Okafor",
    "Nowak",
    "Patel",
    "Murphy",
    "Singh",
    "Rossi",
    "Evans",
    "Khan",
    "Zhang 张",
    "Brown",
];
const ORGS: [&str; 6] = [
    "Council",
    "NHS Trust",
    "Homecare Ltd",
    "Age Concern",
    "Carers' Forum",
    "",
];
const TOPICS: [&str; 14] = [
    "Transport home from hospital",
    "Carers' voice in discharge",
    "Shared records, one story",
    "Night-time support",
    "Equipment ready on day one",
    "Loneliness after discharge",
    "Pharmacy delays",
    "Who phones whom? ☎️",
    "Housing adaptations",
    "Reablement capacity",
    "Respite for carers",
    "Language & interpreters",
    "Weekend discharges",
    "Trusted assessors",
];
const SPACES: [&str; 6] = ["Main hall", "Room A", "Room B", "Garden", "Library", "Café"];

pub fn start() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 3, 12, 9, 0, 0)
        .unwrap()
}

/// A session of about `steps` attempted changes (fewer are recorded: some are refused),
/// from 09:00 with a few seconds to a few minutes between changes and the odd long break.
pub fn walk(seed: u64, steps: usize) -> Journal {
    let mut rng = Rng::new(seed);
    let mut at = start();
    let mut j = Journal::create(at, "How do we get people home from hospital well?").unwrap();
    for i in 0..steps {
        at += if rng.one_in(60) {
            Duration::minutes(20 + rng.below(60) as i64)
        } else {
            Duration::seconds(2 + rng.below(90) as i64)
        };
        // The day moves through five phases; a fifth of the changes go back to an earlier
        // one (a late arrival, a forgotten issue).
        let now = i * 5 / steps.max(1);
        let phase = if rng.one_in(5) {
            rng.below(now + 1)
        } else {
            now
        };
        if let Some(change) = propose(&mut rng, &j.session, phase) {
            let _ = j.record(at, change);
        }
    }
    j
}

fn propose(rng: &mut Rng, s: &Session, phase: usize) -> Option<Change> {
    if rng.one_in(30) {
        return Some(if rng.one_in(2) {
            Change::Undo
        } else {
            Change::Redo
        });
    }
    let people: Vec<ParticipantId> = s.participants.keys().copied().collect();
    let issues: Vec<IssueId> = s.active_issues().map(|i| i.id).collect();
    let spaces: Vec<SpaceId> = s.spaces.keys().copied().collect();
    let slots: Vec<SlotId> = s.slots.keys().copied().collect();
    let open_round = s.rounds.values().find(|r| r.open);
    Some(match phase {
        0 => match rng.below(4) {
            0 if s.spaces.len() < SPACES.len() => {
                // Ids are never reused after an undo, so names repeat with a number.
                let id = s.next_space_id();
                let n = id.0 as usize - 1;
                Change::SpaceAdded {
                    space: id,
                    name: match n / SPACES.len() {
                        0 => SPACES[n].to_string(),
                        k => format!("{} {}", SPACES[n % SPACES.len()], k + 1),
                    },
                }
            }
            1 if s.slots.len() < 4 => {
                let id = s.next_slot_id();
                let h = 9 + 2 * id.0;
                Change::SlotAdded {
                    slot: id,
                    label: format!("{h}:00"),
                    starts: chrono::NaiveTime::from_hms_opt(h, 0, 0),
                    ends: chrono::NaiveTime::from_hms_opt(h + 1, 30, 0),
                }
            }
            _ => {
                let id = s.next_participant_id();
                let n = id.0 as usize;
                let org = ORGS[rng.below(ORGS.len())];
                Change::ParticipantAdded {
                    participant: id,
                    name: format!(
                        "{} {}{}",
                        FIRST[n % FIRST.len()],
                        LAST[(n / FIRST.len()) % LAST.len()],
                        if n >= FIRST.len() * LAST.len() {
                            format!(" {n}")
                        } else {
                            String::new()
                        }
                    ),
                    organisation: (!org.is_empty()).then(|| org.to_string()),
                    group: Group::ALL.get(rng.below(9)).copied(),
                }
            }
        },
        1 => match rng.below(8) {
            0 => Change::IssueEdited {
                issue: *rng.pick(&issues)?,
                title: format!("{} (revised)", TOPICS[rng.below(TOPICS.len())]),
                convener: rng.pick(&people).copied(),
                description: "Reworded after the marketplace".into(),
            },
            1 if rng.one_in(3) => Change::IssueDeleted {
                issue: *rng.pick(&issues)?,
            },
            2 if rng.one_in(2) => Change::IssuesMerged {
                from: *rng.pick(&issues)?,
                into: *rng.pick(&issues)?,
            },
            _ => {
                let id = s.next_issue_id();
                Change::IssueRaised {
                    issue: id,
                    title: TOPICS[id.0 as usize % TOPICS.len()].to_string(),
                    convener: rng.pick(&people).copied(),
                    description: String::new(),
                }
            }
        },
        2 => match rng.below(6) {
            0 => Change::IssueUnplaced {
                issue: *rng.pick(&issues)?,
            },
            1 => Change::ReportRecorded {
                issue: *rng.pick(&issues)?,
                report: Box::new(Report {
                    attendees: 3 + rng.below(20) as u32,
                    key_points: "Start planning on admission\nOne phone number".into(),
                    recommendations: "Pilot in two wards".into(),
                    ..Report::default()
                }),
            },
            _ => Change::IssuePlaced {
                issue: *rng.pick(&issues)?,
                space: *rng.pick(&spaces)?,
                slot: *rng.pick(&slots)?,
            },
        },
        3 => match open_round {
            None if s.rounds.len() < 2 && !issues.is_empty() => Change::RoundOpened {
                round: s.next_round_id(),
                dots_per_person: 3,
                max_per_issue: Some(2),
                anonymous: false,
                hidden: rng.one_in(2),
                ballot: issues,
            },
            None => return None,
            Some(r) if rng.one_in(40) => Change::RoundClosed { round: r.id },
            Some(r) if rng.one_in(12) => Change::DotRemoved {
                round: r.id,
                issue: *rng.pick(&r.ballot)?,
                voter: rng.pick(&people).copied(),
            },
            Some(r) => Change::DotAdded {
                round: r.id,
                issue: *rng.pick(&r.ballot)?,
                voter: rng.pick(&people).copied(),
            },
        },
        _ => match (open_round, rng.below(5)) {
            (Some(r), _) => Change::RoundClosed { round: r.id },
            (None, 0 | 1) => Change::LeadAssigned {
                issue: *rng.pick(&issues)?,
                lead: rng.pick(&people).copied(),
            },
            (None, 2) => Change::SupporterAdded {
                issue: *rng.pick(&issues)?,
                participant: *rng.pick(&people)?,
            },
            (None, _) => Change::StepAdded {
                issue: *rng.pick(&issues)?,
                step: s.next_step_id(),
                text: "Draft a one-page discharge checklist".into(),
                owner: rng.pick(&people).copied(),
                due: chrono::NaiveDate::from_ymd_opt(2026, 4, 1 + rng.below(28) as u32),
                horizon: Horizon::ALL[rng.below(3)],
            },
        },
    })
}

/// Writes a session file as the app would, for the binary to open.
pub fn write_session(path: &std::path::Path, journal: &Journal) {
    let meta = convene::store::Meta::new(start());
    let saved = journal.events.last().map_or(start(), |e| e.at);
    convene::store::write_atomic(path, &convene::store::to_bytes(&meta, journal, saved))
        .expect("session file written");
}
