//! Properties of merging copies, over random sessions: a day made by the session generator
//! is forked at a random point, each side makes random valid changes (picked among the
//! things that exist on that side, so most are accepted), and the copy is merged back.
//! - the merged log rebuilds, saves and loads (what `convene check` does);
//! - MAIN's own events are untouched and every change of the copy since the fork is either
//!   in the merged log (with its provenance), already there, or listed as a conflict;
//! - no text written on either side since the fork is missing from the result (or, where
//!   it could not be kept, from the conflicts listed);
//! - merging the same copy twice is merging it once;
//! - two copies merged one after the other give the same content in either order.

use chrono::{DateTime, Duration, FixedOffset};
use convene::merge::{self, Fate, Outcome};
use convene::model::*;
use convene::store::{self, Meta};
use convene::synth::{self, SynthParams};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;

/// A kind of change, three numbers to pick what it is about, one for its text.
type Choice = (u8, u32, u32, u32, usize);

fn choice(kinds: u8) -> impl Strategy<Value = Choice> {
    (
        0..kinds,
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        0usize..8,
    )
}

/// A change whose merge does not depend on the order of the copies (see `ORDER_FREE`).
/// Leads and supporters are left out too: a lead taken on one copy drops that person from the
/// supporters, and a supporter added on another is then refused or not depending on which
/// came in first. So are moves on the agenda wall: a chain of moves on one copy meeting a
/// move into the same cell on another can end with an issue in a different free cell.
/// Each of those is listed as a conflict either way.
fn order_free() -> impl Strategy<Value = Choice> {
    let kinds: Vec<u8> = (0..ORDER_FREE)
        .filter(|k| ![6, 7, 9, 10].contains(k))
        .collect();
    (
        prop::sample::select(kinds),
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        0usize..8,
    )
}

/// Kinds below this are merged the same way whatever the order of the copies; the rest
/// (deleting, folding issues together, closing rounds, named votes, removing people) can
/// depend on it, as the README says.
const ORDER_FREE: u8 = 18;
const ALL_KINDS: u8 = 24;

/// Names that clash by the roster's rule across the two sides.
const NAMES: [&str; 8] = [
    "Asha Khan",
    "asha khan",
    "Ben Okafor",
    "Cara Doyle",
    "Dana Reyes",
    "DANA REYES",
    "Eli Park",
    "Fay Moss",
];

fn nth<K: Copy, V>(map: &std::collections::BTreeMap<K, V>, n: u32) -> Option<K> {
    if map.is_empty() {
        return None;
    }
    map.keys().nth(n as usize % map.len()).copied()
}

fn active(s: &Session, n: u32) -> Option<IssueId> {
    let ids: Vec<IssueId> = s.active_issues().map(|i| i.id).collect();
    (!ids.is_empty()).then(|| ids[n as usize % ids.len()])
}

/// A change about things that exist on this side, or None if there is nothing to pick.
fn pick(s: &Session, (kind, a, b, c, t): Choice, text: &str) -> Option<Change> {
    use Change::*;
    let person = |n: u32| nth(&s.participants, n);
    Some(match kind {
        0 => ParticipantAdded {
            participant: s.next_participant_id(),
            name: NAMES[t].into(),
            organisation: (a % 2 == 0).then(|| format!("Org {}", a % 3)),
            group: None,
        },
        1 | 2 => IssueRaised {
            issue: s.next_issue_id(),
            title: format!("Title {text}"),
            convener: if b % 2 == 0 { person(c) } else { None },
            description: format!("Why {text}"),
        },
        3 => {
            let issue = active(s, a)?;
            IssueEdited {
                issue,
                title: format!("Edited {text}"),
                convener: s.issues[&issue].convener,
                description: format!("Now {text}"),
            }
        }
        4 | 5 => ReportRecorded {
            issue: active(s, a)?,
            report: Box::new(Report {
                attendees: b % 20,
                attendee_names: if c % 2 == 0 {
                    vec![NAMES[t].into()]
                } else {
                    vec![]
                },
                key_points: format!("Points {text}"),
                recommendations: if b % 3 == 0 {
                    format!("Do {text}")
                } else {
                    String::new()
                },
                follow_up: String::new(),
            }),
        },
        6 => IssuePlaced {
            issue: active(s, a)?,
            space: nth(&s.spaces, b)?,
            slot: nth(&s.slots, c)?,
        },
        7 => IssueUnplaced {
            issue: active(s, a)?,
        },
        8 => {
            let round = s
                .rounds
                .values()
                .filter(|r| r.open && !r.ballot.is_empty())
                .nth(a as usize % 2)?;
            DotAdded {
                round: round.id,
                issue: round.ballot[b as usize % round.ballot.len()],
                voter: None,
            }
        }
        9 => LeadAssigned {
            issue: active(s, a)?,
            lead: person(b),
        },
        10 => SupporterAdded {
            issue: active(s, a)?,
            participant: person(b)?,
        },
        11 => StepAdded {
            issue: active(s, a)?,
            step: s.next_step_id(),
            text: format!("Step {text}"),
            owner: person(b),
            due: None,
            horizon: Horizon::ALL[c as usize % 3],
        },
        12 => {
            let issue = s.active_issues().find(|i| !i.plan.steps.is_empty())?;
            let step = nth(&issue.plan.steps, a)?;
            StepUpdated {
                issue: issue.id,
                step,
                text: format!("Step {text}"),
                owner: person(b),
                due: None,
                horizon: Horizon::Medium,
                status: StepStatus::ALL[c as usize % 4],
            }
        }
        13 => TriageSet {
            issue: active(s, a)?,
            triage: Triage::ALL.get(b as usize % 4).copied(),
        },
        14 => IssueCancelled {
            issue: active(s, a)?,
            cancelled: b % 2 == 0,
        },
        15 => Undo,
        16 => Redo,
        17 => RoundOpened {
            round: s.next_round_id(),
            dots_per_person: 3,
            max_per_issue: None,
            anonymous: true,
            hidden: false,
            ballot: s.active_issues().take(4).map(|i| i.id).collect(),
        },
        18 => IssueDeleted {
            issue: active(s, a)?,
        },
        19 => IssuesMerged {
            from: active(s, a)?,
            into: active(s, b)?,
        },
        20 => RoundClosed {
            round: nth(&s.rounds, a)?,
        },
        21 => {
            let round = s
                .rounds
                .values()
                .find(|r| r.open && !r.anonymous && !r.ballot.is_empty())?;
            DotAdded {
                round: round.id,
                issue: round.ballot[b as usize % round.ballot.len()],
                voter: person(c),
            }
        }
        22 => ParticipantRemoved {
            participant: person(a)?,
        },
        _ => ParticipantUpdated {
            participant: person(a)?,
            name: format!("Renamed {text}"),
            organisation: None,
            group: None,
        },
    })
}

/// Makes the changes on one side, each `step` seconds apart from `start`.
fn side(
    journal: &mut Journal,
    choices: &[Choice],
    tag: &str,
    start: DateTime<FixedOffset>,
    step: i64,
) {
    for (n, choice) in choices.iter().enumerate() {
        let text = format!("{tag}-{n}");
        if let Some(change) = pick(&journal.session, *choice, &text) {
            let at = start + Duration::seconds(step * (n as i64 + 1));
            let _ = journal.record(at, change);
        }
    }
}

fn fork(params: SynthParams, at: usize) -> Journal {
    let day = synth::generate(&params);
    let keep = 1 + at % day.events.len();
    Journal::rebuild(day.events[..keep].to_vec()).expect("a prefix of a valid log is valid")
}

fn named(journal: &Journal, label: &str) -> Journal {
    let mut copy = journal.clone();
    let at = journal.events.last().unwrap().at;
    copy.record(
        at,
        Change::CopyMade {
            copy: format!("id-{label}"),
            label: label.into(),
        },
    )
    .unwrap();
    copy
}

fn merged(main: &Journal, copies: &[(&Journal, &str)]) -> (Journal, merge::Merge) {
    let copies: Vec<merge::Copy<'_>> = copies
        .iter()
        .map(|(journal, file)| merge::Copy {
            journal,
            file: file.to_string(),
        })
        .collect();
    let merge = merge::merge(main, &copies).expect("a copy merges");
    let mut out = main.clone();
    merge::record(&mut out, &merge).expect("a merge records what it worked out");
    (out, merge)
}

/// What `convene check` does: save, load, rebuild, compare the snapshot.
fn check(journal: &Journal) {
    let meta = Meta {
        id: "00000000-0000-4000-8000-000000000000".into(),
        created_at: synth::start(),
    };
    let bytes = store::to_bytes(&meta, journal, synth::start());
    let loaded = store::parse(Path::new("merged.json"), &bytes).expect("the merged file loads");
    assert_eq!(loaded.journal.session, journal.session);
}

/// Every text the session holds, lowercased (the roster's rule matches names that way).
/// Each line on its own: a merge may put the lines of one text under another's.
fn texts(s: &Session) -> Vec<String> {
    merge::texts(s)
        .iter()
        .flat_map(|t| {
            t.lines()
                .map(|l| l.trim().to_lowercase())
                .collect::<Vec<_>>()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// Texts written on a side since the fork: in its final state, not at the fork. The line
/// that folding two issues together writes above the folded report (`(from "title")`) is
/// not anyone's text: a fold the other side made impossible leaves it out.
fn new_texts(fork: &Session, side: &Session) -> BTreeSet<String> {
    let old: BTreeSet<String> = texts(fork).into_iter().collect();
    texts(side)
        .into_iter()
        .filter(|t| !old.contains(t))
        .filter(|t| !(t.starts_with("(from \"") && t.ends_with("\")")))
        .collect()
}

fn check_merge(fork: &Journal, main: &Journal, copy: &Journal) {
    let (out, merge) = merged(main, &[(copy, "copy.json")]);
    check(&out);
    assert_eq!(&out.events[..main.events.len()], &main.events[..]);

    // Every net change of the copy has a fate, and a merged one is in the log.
    let net = merge::net(&fork.session, &copy.events[fork.events.len()..]);
    let items: Vec<u64> = net
        .steps
        .iter()
        .flat_map(|s| &s.items)
        .filter(|i| !matches!(i.change, Change::CopyMade { .. }))
        .map(|i| i.seq)
        .collect();
    let report = &merge.summary.copies[0];
    let (fates, conflicts) = match &report.outcome {
        Outcome::Merged {
            fates, conflicts, ..
        } => (fates.clone(), conflicts.clone()),
        Outcome::NothingNew { .. } => (vec![], vec![]),
    };
    let fated: Vec<u64> = fates.iter().map(|(seq, _)| *seq).collect();
    assert_eq!(fated, items, "every change of the copy has a fate");
    let provenance: BTreeSet<u64> = out.events[main.events.len()..]
        .iter()
        .filter_map(|e| e.from.as_ref().map(|f| f.seq))
        .collect();
    for (seq, fate) in &fates {
        match fate {
            Fate::Merged => assert!(provenance.contains(seq), "change {seq} is in the log"),
            Fate::Conflict => assert!(
                conflicts.iter().any(|c| c.seq == *seq),
                "change {seq} is listed as a conflict"
            ),
            Fate::AlreadyThere => {}
        }
    }

    // No new text is lost.
    let kept = texts(&out.session).join("\n");
    let listed: String = conflicts
        .iter()
        .map(|c| format!("{}\n{}\n", c.what, c.lost))
        .collect::<String>()
        .to_lowercase();
    for side in [&main.session, &copy.session] {
        for text in new_texts(&fork.session, side) {
            assert!(
                kept.contains(&text) || listed.contains(&text),
                "{text:?} is neither kept nor listed as a conflict"
            );
        }
    }

    // Twice is once.
    let (again, second) = merged(&out, &[(copy, "copy.json")]);
    assert_eq!(again.events, out.events);
    assert!(!second.summary.adds_anything());
}

/// The session as the room sees it, without ids: what two merges in other orders must
/// agree on.
fn content(s: &Session) -> serde_json::Value {
    let person = |p: Option<ParticipantId>| p.map(|p| s.participant_name(p).to_lowercase());
    let title = |i: &IssueId| s.issues.get(i).map(|x| x.title.clone());
    let mut issues: Vec<serde_json::Value> = s
        .issues
        .values()
        .map(|i| {
            let mut steps: Vec<String> = i
                .plan
                .steps
                .values()
                .map(|st| format!("{:?}", (&st.text, person(st.owner), st.horizon, st.status)))
                .collect();
            steps.sort();
            // Names of attendees joined from several copies are a set: their order follows
            // the order of the merges.
            let mut report = i.report.clone();
            report.attendee_names.sort();
            let mut supporters: Vec<_> = i.plan.supporters.iter().map(|p| person(Some(*p))).collect();
            supporters.sort();
            serde_json::json!({
                "title": i.title, "description": i.description, "convener": person(i.convener),
                "placement": i.placement.map(|p| (s.spaces[&p.space].name.clone(), s.slots[&p.slot].label.clone())),
                "report": report, "cancelled": i.cancelled, "merged_into": i.merged_into.as_ref().and_then(title),
                "lead": person(i.plan.lead), "supporters": supporters, "steps": steps, "triage": i.plan.triage,
            })
        })
        .collect();
    issues.sort_by_key(|v| v.to_string());
    let mut rounds: Vec<String> = s
        .rounds
        .values()
        .map(|r| {
            let mut totals: Vec<(Option<String>, u32)> =
                r.totals.iter().map(|(i, n)| (title(i), *n)).collect();
            totals.sort();
            let mut ballot: Vec<Option<String>> = r.ballot.iter().map(title).collect();
            ballot.sort();
            format!("{:?}", (ballot, totals, r.open, r.revealed))
        })
        .collect();
    rounds.sort();
    let mut people: Vec<String> = s
        .participants
        .values()
        .map(|p| format!("{:?}", (p.name.to_lowercase(), &p.organisation, p.group)))
        .collect();
    people.sort();
    serde_json::json!({ "theme": s.theme, "issues": issues, "rounds": rounds, "people": people })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_fork_merges_cleanly_completely_and_once(
        participants in 0u32..8,
        issues in 0u32..10,
        events in 1u32..160,
        seed in any::<u64>(),
        at in any::<usize>(),
        mine in prop::collection::vec(choice(ALL_KINDS), 0..24),
        theirs in prop::collection::vec(choice(ALL_KINDS), 0..24),
    ) {
        let base = fork(SynthParams { participants, issues, events, seed }, at);
        let start = base.events.last().unwrap().at;
        let mut main = base.clone();
        let mut copy = named(&base, "Newsroom 2");
        side(&mut main, &mine, "main", start, 3);
        side(&mut copy, &theirs, "copy", start, 2);
        check_merge(&base, &main, &copy);
    }

    #[test]
    fn two_copies_merge_to_the_same_content_in_either_order(
        participants in 0u32..8,
        issues in 0u32..10,
        events in 1u32..160,
        seed in any::<u64>(),
        at in any::<usize>(),
        mine in prop::collection::vec(order_free(), 0..16),
        a_changes in prop::collection::vec(order_free(), 0..16),
        b_changes in prop::collection::vec(order_free(), 0..16),
    ) {
        let base = fork(SynthParams { participants, issues, events, seed }, at);
        let start = base.events.last().unwrap().at;
        let mut main = base.clone();
        let mut a = named(&base, "Newsroom A");
        let mut b = named(&base, "Newsroom B");
        side(&mut main, &mine, "main", start, 5);
        side(&mut a, &a_changes, "a", start, 2);
        side(&mut b, &b_changes, "b", start + Duration::seconds(1), 2);
        let (ab, _) = merged(&main, &[(&a, "a.json")]);
        let (ab, _) = merged(&ab, &[(&b, "b.json")]);
        let (ba, _) = merged(&main, &[(&b, "b.json")]);
        let (ba, _) = merged(&ba, &[(&a, "a.json")]);
        check(&ab);
        check(&ba);
        prop_assert_eq!(content(&ab.session), content(&ba.session));
    }
}
