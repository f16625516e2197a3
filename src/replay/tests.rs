use super::build::{CHECKPOINTS, MIN_EVERY};
use super::playback::{IDLE_GAP, due, gap};
use super::*;
use crate::model::{Change, IssueId, Journal, ParticipantId, RoundId, SlotId, SpaceId};
use chrono::{DateTime, FixedOffset, TimeZone};
use std::time::Duration;

fn at(h: u32, m: u32, s: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 3, 12, h, m, s)
        .unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// A short day: people arrive, two issues, a placement, a vote, a lead, an undo and redo.
fn day() -> Journal {
    let mut j = Journal::create(at(9, 0, 0), "Getting people home well").unwrap();
    let mut rec = |when, change| {
        j.record(when, change).unwrap();
    };
    rec(
        at(9, 1, 0),
        Change::ParticipantAdded {
            participant: ParticipantId(1),
            name: "Ann Lee".into(),
            organisation: Some("Council".into()),
            group: None,
        },
    );
    rec(
        at(9, 1, 30),
        Change::ParticipantAdded {
            participant: ParticipantId(2),
            name: "Bob Hale".into(),
            organisation: None,
            group: None,
        },
    );
    rec(
        at(9, 5, 0),
        Change::SpaceAdded {
            space: SpaceId(1),
            name: "Room A".into(),
        },
    );
    rec(
        at(9, 5, 10),
        Change::SlotAdded {
            slot: SlotId(1),
            label: "10:00".into(),
            starts: None,
            ends: None,
        },
    );
    rec(
        at(9, 30, 0),
        Change::IssueRaised {
            issue: IssueId(1),
            title: "Transport home".into(),
            convener: Some(ParticipantId(1)),
            description: String::new(),
        },
    );
    rec(
        at(9, 31, 0),
        Change::IssueRaised {
            issue: IssueId(2),
            title: "Carers' voice".into(),
            convener: Some(ParticipantId(2)),
            description: String::new(),
        },
    );
    rec(
        at(9, 45, 0),
        Change::IssuePlaced {
            issue: IssueId(1),
            space: SpaceId(1),
            slot: SlotId(1),
        },
    );
    rec(
        at(12, 0, 0),
        Change::RoundOpened {
            round: RoundId(1),
            dots_per_person: 3,
            max_per_issue: None,
            anonymous: false,
            hidden: false,
            ballot: vec![IssueId(1), IssueId(2)],
        },
    );
    for s in [5, 6] {
        rec(
            at(12, 1, s),
            Change::DotAdded {
                round: RoundId(1),
                issue: IssueId(1),
                voter: Some(ParticipantId(2)),
            },
        );
    }
    rec(at(12, 10, 0), Change::RoundClosed { round: RoundId(1) });
    rec(
        at(14, 0, 0),
        Change::LeadAssigned {
            issue: IssueId(1),
            lead: Some(ParticipantId(1)),
        },
    );
    rec(at(14, 1, 0), Change::Undo);
    rec(at(14, 2, 0), Change::Redo);
    j
}

fn rebuilt(events: &[Event], n: usize) -> Session {
    Journal::rebuild(events[..n].to_vec()).unwrap().session
}

#[test]
fn every_position_matches_a_rebuild_whatever_the_order_of_seeks() {
    let j = day();
    let mut r = Replayer::with_checkpoint_every(j.events.clone(), 4).unwrap();
    assert_eq!(r.len(), 15);
    // Forward, backward, and jumps across checkpoints in both directions.
    let order = [
        0, 1, 2, 3, 4, 5, 15, 14, 9, 3, 8, 12, 4, 0, 7, 13, 11, 6, 10, 15, 1,
    ];
    for n in order {
        r.seek(n);
        assert_eq!(r.position(), n);
        assert_eq!(*r.state(), rebuilt(&j.events, n), "at {n}");
    }
    r.seek(99);
    assert_eq!(r.position(), 15);
    assert_eq!(*r.state(), j.session);
}

#[test]
fn interval_grows_with_the_log_within_bounds() {
    let j = day();
    let r = Replayer::new(j.events).unwrap();
    assert_eq!(r.checkpoint_every(), MIN_EVERY);
}

#[test]
fn caption_names_things_as_they_were_before_the_event() {
    let j = day();
    let mut r = Replayer::new(j.events).unwrap();
    assert_eq!(r.caption(), "");
    assert!(r.event().is_none());
    r.seek(6);
    assert_eq!(r.event().unwrap().seq, 6);
    assert!(r.caption().contains("Transport home"), "{}", r.caption());
    assert!(r.caption().contains("Ann Lee"), "{}", r.caption());
    r.seek(14);
    assert!(r.caption().starts_with("undo"), "{}", r.caption());
}

#[test]
fn steps_stop_at_both_ends() {
    let j = day();
    let mut r = Replayer::new(j.events).unwrap();
    assert_eq!(r.first(), 1);
    r.seek(r.first());
    assert!(!r.step_back());
    assert_eq!(r.position(), 1);
    assert!(r.step_forward());
    assert_eq!(r.position(), 2);
    assert!(r.step_back());
    assert_eq!(r.position(), 1);
    r.seek(15);
    assert!(!r.step_forward());
    assert_eq!(r.position(), 15);
}

#[test]
fn phase_marks_and_jumps_between_them() {
    let j = day();
    let mut r = Replayer::new(j.events).unwrap();
    let marks: Vec<(Phase, usize)> = r.marks().iter().map(|m| (m.phase, m.position)).collect();
    assert_eq!(
        marks,
        [
            (Phase::Issues, 6),
            (Phase::Agenda, 8),
            (Phase::Vote, 10),
            (Phase::Leads, 13),
        ]
    );
    assert_eq!(r.marks()[2].at, at(12, 1, 5));
    r.seek(1);
    assert!(r.prev_mark().is_none());
    assert_eq!(r.next_mark().unwrap().position, 6);
    r.seek(8);
    assert_eq!(r.next_mark().unwrap().position, 10);
    assert_eq!(r.prev_mark().unwrap().position, 6);
    r.seek(15);
    assert!(r.next_mark().is_none());
    assert_eq!(r.prev_mark().unwrap().phase, Phase::Leads);
}

#[test]
fn an_empty_log_has_no_marks_and_stays_at_zero() {
    let mut r = Replayer::new(vec![]).unwrap();
    assert!(r.is_empty());
    assert_eq!(r.first(), 0);
    r.seek(5);
    assert_eq!(r.position(), 0);
    assert!(!r.step_forward());
    assert!(r.marks().is_empty());
    assert_eq!(r.seek_time(t(12, 0)), None);
}

#[test]
fn times_of_day_and_seeking_by_time() {
    let j = day();
    let mut r = Replayer::new(j.events).unwrap();
    assert_eq!(r.time_of(0), None);
    assert_eq!(r.time_of(1), Some(t(9, 0)));
    assert_eq!(r.time_of(13), Some(t(14, 0)));
    assert_eq!(r.time_of(16), None);
    // Nothing had happened by 08:59.
    assert_eq!(r.seek_time(t(8, 59)), None);
    // Exactly on an event, and between events: the last one at or before.
    assert_eq!(r.seek_time(t(9, 30)), Some(6));
    assert_eq!(r.seek_time(t(11, 0)), Some(8));
    assert_eq!(r.seek_time(t(23, 0)), Some(15));
    r.seek(10);
    assert_eq!(r.seek_time(t(9, 0)), Some(1));
}

#[test]
fn a_refused_log_is_refused_with_its_position() {
    let mut events = day().events;
    events.remove(4);
    let err = Replayer::new(events)
        .err()
        .expect("a gap in seq is refused");
    assert_eq!(err.seq, 6);
}

#[test]
fn gaps_follow_the_clock_but_idle_stretches_are_cut_short() {
    let e = day().events;
    assert_eq!(gap(&e, 0), Duration::ZERO);
    // 09:00:00 then 09:01:00: a minute, played as the longest wait.
    assert_eq!(gap(&e, 1), IDLE_GAP);
    // Two dots one second apart.
    assert_eq!(gap(&e, 10), Duration::from_secs(1));
    assert_eq!(gap(&e, 15), Duration::ZERO);
}

#[test]
fn due_divides_waits_by_the_speed_and_carries_the_rest() {
    let e = day().events;
    // At 10 (after the first dot, 12:01:05) the next dot is 1 s away, then 9 min (10 s).
    assert_eq!(due(&e, 10, 1, Duration::from_millis(999)).steps, 0);
    let d = due(&e, 10, 1, Duration::from_millis(1500));
    assert_eq!(d.steps, 1);
    assert_eq!(d.spent, Duration::from_secs(1));
    let d = due(&e, 10, 4, Duration::from_secs(3));
    assert_eq!(d.steps, 2);
    assert_eq!(d.spent, Duration::from_millis(2750));
    // Nothing passes the end.
    assert_eq!(due(&e, 10, 256, Duration::from_secs(60)).steps, 5);
    // A huge elapsed time at top speed does not overflow.
    assert_eq!(due(&e, 1, 256, Duration::MAX).steps, 14);
}

#[test]
fn playback_speeds_play_pause_and_stop_at_the_end() {
    let e = day().events;
    let mut p = Playback::default();
    assert_eq!(p.speed(), 1);
    assert!(!p.slower());
    assert_eq!(
        p.advance(&e, true, 1, Duration::from_secs(100)),
        0,
        "paused"
    );
    p.play();
    // 0.6 s then 0.6 s at 1x: the first wait of 1 s is only met on the second call.
    assert_eq!(p.advance(&e, true, 10, Duration::from_millis(600)), 0);
    assert_eq!(p.advance(&e, true, 10, Duration::from_millis(600)), 1);
    while p.faster() {}
    assert_eq!(p.speed(), *SPEEDS.last().unwrap());
    assert!(SPEEDS.contains(&64));
    assert_eq!(p.advance(&e, true, 11, Duration::from_secs(10)), 4);
    assert!(!p.playing(), "stops at the end");
    assert!(p.slower());
    assert_eq!(p.speed(), 128);
}

#[test]
fn a_lent_state_comes_back_and_a_missing_one_is_rebuilt() {
    let j = day();
    let mut r = Replayer::with_checkpoint_every(j.events.clone(), 4).unwrap();
    let mut shown = Session::default();
    r.seek(6);
    r.lend(&mut shown);
    assert_eq!(shown, rebuilt(&j.events, 6));
    r.take_back(&mut shown);
    r.step_forward();
    r.lend(&mut shown);
    assert_eq!(shown, rebuilt(&j.events, 7));
    // Moving without taking it back: the replay starts again from a checkpoint.
    r.seek(9);
    assert_eq!(*r.state(), rebuilt(&j.events, 9));
    r.lend(&mut shown);
    assert_eq!(shown, rebuilt(&j.events, 9));
    r.step_back();
    assert_eq!(*r.state(), rebuilt(&j.events, 8));
}

#[test]
fn a_step_of_several_events_is_shown_whole() {
    let mut j = day();
    let before = j.events.len();
    let theme = |t: &str| Change::ThemeSet { theme: t.into() };
    j.record_step(
        at(11, 0, 0),
        vec![theme("Home first"), theme("Home well"), theme("Home")],
    )
    .unwrap();
    j.record(at(11, 1, 0), theme("Home again")).unwrap();
    let mut r = Replayer::with_checkpoint_every(j.events, 2).unwrap();
    // Into the middle of the step: the cursor goes to its end, the caption names it all.
    r.seek(before + 1);
    assert_eq!(r.position(), before + 3);
    assert_eq!(r.state().theme, "Home");
    assert_eq!(
        r.caption(),
        "theme set: Home first; theme set: Home well; theme set: Home"
    );
    assert!(r.step_forward());
    assert_eq!(r.position(), before + 4);
    assert!(r.step_back());
    assert_eq!(r.position(), before + 3);
    assert!(r.step_back());
    assert_eq!(
        r.position(),
        before,
        "one step back goes before the whole step"
    );
    assert!(r.step_forward());
    assert_eq!(r.position(), before + 3);
}

/// `day` with a step of three events (theme set thrice) after it, then one more event.
fn day_with_a_step() -> (Journal, usize) {
    let mut j = day();
    let before = j.events.len();
    let theme = |t: &str| Change::ThemeSet { theme: t.into() };
    j.record_step(
        at(11, 0, 0),
        vec![theme("Home first"), theme("Home well"), theme("Home")],
    )
    .unwrap();
    j.record(at(11, 1, 0), theme("Home again")).unwrap();
    (j, before)
}

/// The log given to a builder in pieces cut at `cuts`, each part taken in at once.
fn in_pieces(events: &[Event], cuts: &[usize], every: usize) -> (Replayer, Vec<usize>) {
    let mut builder = Builder::with_every(every);
    let mut replay = Replayer::building();
    let mut lens = vec![];
    let mut from = 0;
    for &cut in cuts.iter().chain([events.len()].iter()) {
        replay.absorb(builder.add(events[from..cut].to_vec()).unwrap());
        lens.push(replay.len());
        assert!(!replay.is_complete());
        from = cut;
    }
    replay.absorb(builder.finish());
    replay.completed();
    (replay, lens)
}

#[test]
fn a_log_built_in_pieces_is_the_same_replay_wherever_it_is_cut() {
    let (j, _) = day_with_a_step();
    let whole = Replayer::with_checkpoint_every(j.events.clone(), 3).unwrap();
    for cuts in [
        vec![],
        vec![1],
        vec![5, 6, 7],
        vec![16, 17],
        vec![2, 9, 13, 18],
    ] {
        let (mut r, _) = in_pieces(&j.events, &cuts, 3);
        assert!(r.is_complete());
        assert_eq!(r.len(), j.events.len(), "{cuts:?}");
        assert_eq!(r.marks(), whole.marks(), "{cuts:?}");
        assert_eq!(r.checkpoint_every(), 3);
        for n in [0, 19, 4, 17, 1, 12, 16, 3] {
            r.seek(n);
            let mut w = Replayer::with_checkpoint_every(j.events.clone(), 3).unwrap();
            w.seek(n);
            assert_eq!(r.position(), w.position(), "{cuts:?} at {n}");
            assert_eq!(
                *r.state(),
                rebuilt(&j.events, r.position()),
                "{cuts:?} at {n}"
            );
            assert_eq!(r.caption(), w.caption(), "{cuts:?} at {n}");
        }
    }
}

/// The screen draws while the log is read: a part is only ever whole steps, so the last
/// step read is held back until the next piece shows it is complete.
#[test]
fn a_step_cut_between_pieces_waits_until_it_is_whole() {
    let (j, before) = day_with_a_step();
    // Cut inside the step (after its first and second events), then after it: a piece
    // that ends with the step's last event cannot tell that it is the last, so the step
    // comes with the next event, which is not part of it.
    let (_, lens) = in_pieces(&j.events, &[before + 1, before + 2, before + 3], 4);
    assert_eq!(lens, [before, before, before, before + 4]);
    // The step as the last piece's end: held until the log is known to end there.
    let mut builder = Builder::with_every(4);
    let mut r = Replayer::building();
    r.absorb(builder.add(j.events[..before + 3].to_vec()).unwrap());
    assert_eq!(r.len(), before);
    r.absorb(builder.finish());
    assert_eq!(r.len(), before + 3);
}

/// While the log is being read the replay goes no further than what is built: a seek past
/// it stops at the last event read, showing the state there, never a guess.
#[test]
fn a_replay_being_built_clamps_to_what_is_built() {
    let j = day();
    let mut builder = Builder::with_every(2);
    let mut r = Replayer::building();
    assert!(r.is_empty());
    r.absorb(builder.add(j.events[..7].to_vec()).unwrap());
    assert_eq!(r.len(), 7);
    assert!(!r.is_complete());
    r.seek(12);
    assert_eq!(r.position(), 7);
    assert_eq!(*r.state(), rebuilt(&j.events, 7));
    assert!(!r.step_forward());
    // Only the marks read so far; the next ones come with their events.
    assert_eq!(r.marks().len(), 1);
    assert!(r.next_mark().is_none());
    r.absorb(builder.add(j.events[7..].to_vec()).unwrap());
    r.absorb(builder.finish());
    r.completed();
    assert!(r.step_forward());
    assert_eq!(r.position(), 8);
    assert_eq!(*r.state(), rebuilt(&j.events, 8));
    assert_eq!(r.next_mark().unwrap().position, 10);
    r.seek(99);
    assert_eq!(*r.state(), j.session);
}

/// A log far longer than the builder guessed keeps a bounded number of checkpoints: the
/// distance doubles and every other checkpoint goes, and seeks stay right throughout.
#[test]
fn a_longer_log_than_guessed_keeps_its_checkpoints_bounded() {
    let mut j = day();
    let mut n = 0;
    while j.events.len() < 4000 {
        n += 1;
        j.record(
            at(15, 0, 0),
            Change::ThemeSet {
                theme: format!("Theme {n}"),
            },
        )
        .unwrap();
    }
    let cuts: Vec<usize> = (1..40).map(|i| i * 100 + i % 7).collect();
    let (mut r, _) = in_pieces(&j.events, &cuts, 1);
    let every = r.checkpoint_every();
    assert!(every > 1 && every.is_power_of_two(), "{every}");
    assert!(
        r.checkpoints.len() <= 2 * CHECKPOINTS + 1,
        "{}",
        r.checkpoints.len()
    );
    assert_eq!(r.checkpoints.len(), j.events.len() / every + 1);
    for n in [3999, 17, 2048, 1, 4000, 1500, 0, 2999] {
        r.seek(n);
        assert_eq!(*r.state(), rebuilt(&j.events, n), "at {n}");
    }
}

/// A bad event stops the build: nothing of its piece is handed on, and what was built
/// before it stays a replay of accepted events.
#[test]
fn a_refusal_in_a_later_piece_keeps_what_came_before() {
    let mut events = day().events;
    events.remove(9);
    let mut builder = Builder::with_every(2);
    let mut r = Replayer::building();
    r.absorb(builder.add(events[..6].to_vec()).unwrap());
    let err = builder.add(events[6..].to_vec()).unwrap_err();
    assert_eq!(err.seq, 11);
    assert_eq!(r.len(), 6);
    r.completed();
    r.seek(99);
    assert_eq!(r.position(), 6);
    assert_eq!(*r.state(), rebuilt(&events, 6));
}

#[test]
fn playing_a_log_still_being_read_waits_at_the_last_event_read() {
    let e = day().events;
    let mut p = Playback::default();
    p.play();
    while p.faster() {}
    // At 256x everything left is due at once: reading, play waits at the end of what is
    // read; complete, it stops.
    assert_eq!(p.advance(&e[..12], false, 10, Duration::from_secs(60)), 2);
    assert!(p.playing(), "waits for the rest of the log");
    assert_eq!(p.advance(&e[..12], false, 12, Duration::from_secs(60)), 0);
    assert!(p.playing());
    // The wait at the edge does not pile up: once the next event is read it is due a full
    // gap later, not at once (12:10 then 14:00: an idle stretch, 10 s at 256x).
    assert_eq!(p.advance(&e, false, 12, Duration::from_millis(30)), 0);
    assert_eq!(p.advance(&e, false, 12, Duration::from_millis(20)), 1);
    assert_eq!(p.advance(&e, true, 13, Duration::from_secs(60)), 2);
    assert!(!p.playing(), "stops at the end of a complete log");
}
