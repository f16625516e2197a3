//! The replay screen driven as a person would: keys in, then the state shown and the screen
//! checked. Time passes only when the test says so.

use crate::support::day;
use convene::model::describe::describe;
use convene::model::{Journal, Session};
use convene::replay::behind::Built;
use convene::replay::playback::due;
use convene::replay::{Builder, Phase, Replayer};
use convene::ui::pane::capitalise;
use convene::ui::replay::ReplayScreen;
use convene::ui::replay::timeline::{CURSOR, thousands};
use convene::ui::testkit::key;
use convene::ui::{PaneId, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use std::sync::mpsc::channel;
use std::time::Duration;

/// The built-in demo day: realistic text, one day, every phase.
fn journal() -> Journal {
    convene::demo::build()
}

fn open(theme: Theme) -> (ReplayScreen, Journal) {
    let j = journal();
    let screen = ReplayScreen::new(j.events.clone(), "day".into(), theme).unwrap();
    (screen, j)
}

fn press(s: &mut ReplayScreen, code: KeyCode) {
    s.handle(&key(code));
}

fn shift(s: &mut ReplayScreen, code: KeyCode) {
    s.handle(&Event::Key(KeyEvent {
        code,
        modifiers: KeyModifiers::SHIFT,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }));
}

fn type_text(s: &mut ReplayScreen, text: &str) {
    for c in text.chars() {
        press(s, KeyCode::Char(c));
    }
}

fn draw(s: &mut ReplayScreen, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| s.render(f.area(), f.buffer_mut()))
        .unwrap();
    terminal
}

fn text(s: &mut ReplayScreen, w: u16, h: u16) -> String {
    let terminal = draw(s, w, h);
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            line.trim_end().to_string() + "\n"
        })
        .collect()
}

fn rebuilt(j: &Journal, n: usize) -> Session {
    Journal::rebuild(j.events[..n].to_vec()).unwrap().session
}

/// The state the app shows is the state at the cursor.
fn assert_at(s: &ReplayScreen, j: &Journal, n: usize) {
    assert_eq!(s.replay.position(), n);
    assert_eq!(s.app.journal.session, rebuilt(j, n), "state shown at {n}");
}

#[test]
fn opens_read_only_at_the_first_event() {
    let (mut s, j) = open(Theme::projector());
    assert!(s.app.read_only);
    assert_at(&s, &j, 1);
    let screen = text(&mut s, 80, 24);
    assert!(screen.contains("Session created"), "{screen}");
    assert!(
        screen.contains(&format!("1 / {}", j.events.len())),
        "{screen}"
    );
    let first = j.events[0].at.format("%H:%M:%S").to_string();
    assert!(screen.contains(&first), "{screen}");
    assert!(screen.contains("REPLAY"), "{screen}");
    insta::assert_snapshot!("first_event_80x24", screen);
    insta::assert_snapshot!("first_event_160x48", text(&mut s, 160, 48));
}

#[test]
fn right_and_left_step_one_event_and_the_caption_follows() {
    let (mut s, j) = open(Theme::projector());
    let before = text(&mut s, 80, 24);
    press(&mut s, KeyCode::Right);
    assert_at(&s, &j, 2);
    let after = text(&mut s, 80, 24);
    assert_ne!(before, after);
    let words = describe(&rebuilt(&j, 1), &j.events[1]);
    assert!(after.contains(&capitalise(&words)), "{words:?} in {after}");
    press(&mut s, KeyCode::Right);
    press(&mut s, KeyCode::Right);
    assert_at(&s, &j, 4);
    press(&mut s, KeyCode::Left);
    assert_at(&s, &j, 3);
    press(&mut s, KeyCode::Left);
    press(&mut s, KeyCode::Left);
    assert_at(&s, &j, 1);
    press(&mut s, KeyCode::Left);
    assert_at(&s, &j, 1);
    assert!(text(&mut s, 80, 24).contains("This is the first event"));
}

#[test]
fn shift_arrows_jump_between_phase_marks() {
    let (mut s, j) = open(Theme::projector());
    let marks: Vec<(Phase, usize)> = s
        .replay
        .marks()
        .iter()
        .map(|m| (m.phase, m.position))
        .collect();
    assert_eq!(marks.len(), 4, "the fixture reaches every phase: {marks:?}");
    for (phase, position) in &marks {
        shift(&mut s, KeyCode::Right);
        assert_at(&s, &j, *position);
        let screen = text(&mut s, 80, 24);
        assert!(screen.contains(phase.label()), "{screen}");
    }
    shift(&mut s, KeyCode::Right);
    assert_at(&s, &j, marks[3].1);
    assert!(text(&mut s, 80, 24).contains("No phase mark after this point"));
    shift(&mut s, KeyCode::Left);
    assert_at(&s, &j, marks[2].1);
    press(&mut s, KeyCode::End);
    shift(&mut s, KeyCode::Left);
    assert_at(&s, &j, marks[3].1);
    let vote = text(&mut s, 80, 24);
    assert!(vote.contains("I first issue"), "legend: {vote}");
    assert!(vote.contains("L first lead"), "legend: {vote}");
}

#[test]
fn home_and_end() {
    let (mut s, j) = open(Theme::projector());
    press(&mut s, KeyCode::End);
    assert_at(&s, &j, j.events.len());
    assert_eq!(s.app.journal.session, j.session);
    let screen = text(&mut s, 80, 24);
    let n = j.events.len();
    assert!(screen.contains(&format!("{n} / {n}")), "{screen}");
    insta::assert_snapshot!("last_event_80x24", screen);
    insta::assert_snapshot!("last_event_160x48", text(&mut s, 160, 48));
    press(&mut s, KeyCode::Right);
    assert!(text(&mut s, 80, 24).contains("This is the last event"));
    press(&mut s, KeyCode::Home);
    assert_at(&s, &j, 1);
}

#[test]
fn plus_and_minus_change_speed_within_bounds() {
    let (mut s, _) = open(Theme::projector());
    assert_eq!(s.playback.speed(), 1);
    press(&mut s, KeyCode::Char('-'));
    assert_eq!(s.playback.speed(), 1);
    assert!(text(&mut s, 80, 24).contains("slowest"));
    for _ in 0..3 {
        press(&mut s, KeyCode::Char('+'));
    }
    assert_eq!(s.playback.speed(), 8);
    assert!(text(&mut s, 80, 24).contains("8x"));
    press(&mut s, KeyCode::Char('='));
    press(&mut s, KeyCode::Char('-'));
    assert_eq!(s.playback.speed(), 8);
    for _ in 0..20 {
        press(&mut s, KeyCode::Char('+'));
    }
    assert!(s.playback.speed() >= 64);
    assert!(text(&mut s, 80, 24).contains("fastest"));
}

#[test]
fn g_goes_to_a_typed_time_and_refuses_bad_input_with_an_example() {
    let (mut s, j) = open(Theme::projector());
    press(&mut s, KeyCode::Char('g'));
    let prompt = text(&mut s, 80, 24);
    assert!(prompt.contains("Go to time (HH:MM)"), "{prompt}");
    insta::assert_snapshot!("goto_prompt_80x24", prompt);
    type_text(&mut s, "25:70");
    press(&mut s, KeyCode::Enter);
    let refused = text(&mut s, 80, 24);
    assert!(refused.contains("for example 10:30"), "{refused}");
    assert!(refused.contains("25:70"), "the input is kept: {refused}");
    assert_at(&s, &j, 1);
    for _ in 0..5 {
        press(&mut s, KeyCode::Backspace);
    }
    type_text(&mut s, "8:15");
    press(&mut s, KeyCode::Enter);
    let early = text(&mut s, 80, 24);
    let first = j.events[0].at.format("%H:%M");
    assert!(
        early.contains(&format!(
            "Nothing had happened by 08:15: the first event is at {first}"
        )),
        "{early}"
    );
    for _ in 0..4 {
        press(&mut s, KeyCode::Backspace);
    }
    type_text(&mut s, "10:30");
    press(&mut s, KeyCode::Enter);
    // 10:30 covers the whole minute: the last change up to 10:30:59.
    let target = chrono::NaiveTime::from_hms_nano_opt(10, 30, 59, 999_999_999).unwrap();
    let expected = j
        .events
        .iter()
        .rposition(|e| e.at.naive_local().time() <= target)
        .unwrap()
        + 1;
    assert_at(&s, &j, expected);
    assert!(j.events[expected].at.naive_local().time() > target);
    let went = j.events[expected - 1].at.format("%H:%M").to_string();
    if went != "10:30" {
        let screen = text(&mut s, 80, 24);
        let says = format!("Nothing changed between {went} and 10:30");
        assert!(screen.contains(&says), "{says:?} in {screen}");
    }
    // Letters type into the prompt instead of acting, and Esc closes it without moving.
    let pane = s.app.pane;
    press(&mut s, KeyCode::Char('g'));
    type_text(&mut s, "q2");
    assert!(!s.app.quit);
    assert_eq!(s.app.pane, pane);
    press(&mut s, KeyCode::Esc);
    assert_at(&s, &j, expected);
    assert!(text(&mut s, 80, 24).contains("this event"));
}

#[test]
fn space_plays_as_simulated_time_passes_and_stops_at_the_end() {
    let (mut s, j) = open(Theme::projector());
    assert!(!s.advance(Duration::from_secs(5)), "paused: nothing moves");
    assert_at(&s, &j, 1);
    press(&mut s, KeyCode::Char(' '));
    assert!(s.playback.playing());
    assert!(text(&mut s, 80, 24).contains("▶ 1x"));
    // Each tick of wall time advances exactly as the playback model says.
    let mut carried = Duration::ZERO;
    for _ in 0..20 {
        let tick = Duration::from_millis(700);
        let pos = s.replay.position();
        let d = due(&j.events, pos, 1, carried + tick);
        s.advance(tick);
        carried = carried + tick - d.spent;
        assert_at(&s, &j, pos + d.steps);
    }
    assert!(s.replay.position() > 1, "some events were played");
    // Faster: the same wall time covers more of the day.
    for _ in 0..6 {
        press(&mut s, KeyCode::Char('+'));
    }
    assert_eq!(s.playback.speed(), 64);
    let pos = s.replay.position();
    s.advance(Duration::from_secs(1));
    assert!(s.replay.position() > pos + 3, "64x moves on quickly");
    // Space pauses.
    press(&mut s, KeyCode::Char(' '));
    let pos = s.replay.position();
    s.advance(Duration::from_secs(60));
    assert_at(&s, &j, pos);
    // Playing to the end pauses there; Space then starts again from the first event.
    press(&mut s, KeyCode::Char(' '));
    for _ in 0..100 {
        s.advance(Duration::from_secs(30));
    }
    assert_at(&s, &j, j.events.len());
    assert!(!s.playback.playing());
    assert!(text(&mut s, 80, 24).contains("End of the session"));
    press(&mut s, KeyCode::Char(' '));
    assert_at(&s, &j, 1);
    assert!(s.playback.playing());
}

#[test]
fn edits_are_refused_and_nothing_is_recorded() {
    let (mut s, j) = open(Theme::projector());
    press(&mut s, KeyCode::End);
    press(&mut s, KeyCode::Char('u'));
    assert_eq!(s.app.journal.session, j.session);
    assert!(s.app.outbox.is_empty());
    assert!(s.app.journal.events.is_empty());
    let screen = text(&mut s, 80, 24);
    assert!(screen.contains("read-only"), "{screen}");
}

/// Every key a pane's table marks as changing the session is refused in replay with the
/// same words, before any prompt opens (Vote's `*` opened its prompt and refused only on
/// Enter before the tables); a key on such a row that only reads (`#`, go to an issue)
/// still works.
#[test]
fn keys_that_would_edit_are_refused_before_a_prompt_opens() {
    let (mut s, j) = open(Theme::projector());
    press(&mut s, KeyCode::End);
    press(&mut s, KeyCode::Char('4'));
    press(&mut s, KeyCode::Char('*'));
    let screen = text(&mut s, 80, 24);
    assert!(
        screen.contains("Replay is read-only: nothing can be changed here"),
        "{screen}"
    );
    assert!(
        !screen.contains("set the count"),
        "* opened a prompt: {screen}"
    );
    press(&mut s, KeyCode::Char('#'));
    let screen = text(&mut s, 80, 24);
    assert!(screen.contains("Go to issue number"), "{screen}");
    assert_eq!(s.app.journal.session, j.session);
    assert!(s.app.outbox.is_empty());
}

#[test]
fn other_keys_reach_the_app() {
    let (mut s, _) = open(Theme::projector());
    press(&mut s, KeyCode::Char('2'));
    assert_eq!(s.app.pane, PaneId::Issues);
    press(&mut s, KeyCode::Tab);
    assert_eq!(s.app.pane, PaneId::Agenda);
    press(&mut s, KeyCode::Char('?'));
    let help = text(&mut s, 100, 40);
    assert!(help.contains("Replay"), "{help}");
    assert!(help.contains("go to a time (HH:MM)"), "{help}");
    // Only the keys that work in replay: a pane's edits, undo and redo, and the pane keys
    // replay takes for itself (Space, +/-) are left out, so even the Agenda fits.
    let busy = text(&mut s, 80, 24);
    for words in ["play / pause", "quit ", "1–6", "move the cursor"] {
        assert!(busy.contains(words), "{words:?} in {busy}");
    }
    // Replay writes nothing, and this session has no seventh pane.
    for words in ["all is saved", "1–7"] {
        assert!(!busy.contains(words), "{words:?} in {busy}");
    }
    for words in [
        "swap",
        "place/move",
        "undo",
        "redo",
        "add space",
        "timer",
        "Space        list",
    ] {
        assert!(!busy.contains(words), "{words:?} in {busy}");
    }
    press(&mut s, KeyCode::PageDown);
    assert!(s.app.help, "scrolling keys keep help open");
    // On the smallest screen every key is still listed, in two columns.
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('1'));
    press(&mut s, KeyCode::Char('?'));
    let small = text(&mut s, 80, 24);
    for words in [
        "jump to a phase mark",
        "go to a pane",
        "Press any key to close",
    ] {
        assert!(small.contains(words), "{words:?} in {small}");
    }
    insta::assert_snapshot!("help_80x24", small);
    // The next key closes help and does nothing else.
    press(&mut s, KeyCode::Right);
    assert!(!s.app.help);
    assert_eq!(s.replay.position(), 1);
    press(&mut s, KeyCode::Char('q'));
    assert!(s.app.quit);
}

#[test]
fn a_click_on_the_timeline_goes_to_that_time() {
    let (mut s, j) = open(Theme::projector());
    let terminal = draw(&mut s, 80, 24);
    let buf = terminal.backend().buffer();
    // The line of time is the row with the cursor; click its last column.
    let (y, last_x) = (0..24u16)
        .find_map(|y| {
            let row: Vec<&str> = (0..80u16).map(|x| buf[(x, y)].symbol()).collect();
            let cursor = row.iter().position(|c| *c == CURSOR)?;
            let end = row.iter().rposition(|c| *c == "─" || *c == "━")?;
            Some((y, (end.max(cursor)) as u16))
        })
        .expect("a timeline row");
    s.handle(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: last_x,
        row: y,
        modifiers: KeyModifiers::NONE,
    }));
    assert_at(&s, &j, j.events.len());
}

#[test]
fn cursor_and_reached_marks_are_drawn_in_the_accent_of_each_theme() {
    for theme in [Theme::projector(), Theme::dark(), Theme::light()] {
        let (mut s, _) = open(theme);
        press(&mut s, KeyCode::End);
        let terminal = draw(&mut s, 120, 30);
        let buf = terminal.backend().buffer();
        let cells: Vec<(u16, u16)> = (0..30u16)
            .flat_map(|y| (0..120u16).map(move |x| (x, y)))
            .collect();
        let cursor = cells
            .iter()
            .find(|&&(x, y)| {
                buf[(x, y)].symbol() == CURSOR && buf[(x, y)].fg == theme.accent.fg.unwrap()
            })
            .expect("the cursor, in the accent colour");
        assert_eq!(buf[*cursor].bg, theme.accent.bg.unwrap());
        // Every mark is reached at the end, so every letter on the marks row is accented.
        let marks_row = cursor.1 - 1;
        let letters: Vec<&ratatui::buffer::Cell> = (0..120u16)
            .map(|x| &buf[(x, marks_row)])
            .filter(|c| ["I", "P", "V", "L"].contains(&c.symbol()))
            .collect();
        assert_eq!(letters.len(), 4);
        assert!(letters.iter().all(|c| c.fg == theme.accent.fg.unwrap()));
    }
}

#[test]
fn too_small_a_window_says_so() {
    let (mut s, _) = open(Theme::projector());
    let screen = text(&mut s, 50, 12);
    assert!(
        screen.contains("Make the window larger to replay"),
        "{screen}"
    );
    // Tiny sizes never panic.
    for (w, h) in [(1, 1), (0, 0), (60, 20), (60, 19), (200, 60)] {
        draw(&mut s, w, h);
    }
}

#[test]
fn a_session_of_one_event_replays() {
    let j = Journal::create(day::start(), "Just begun").unwrap();
    let mut s = ReplayScreen::new(j.events.clone(), "new".into(), Theme::light()).unwrap();
    assert_at(&s, &j, 1);
    for (w, h) in [(80, 24), (160, 48)] {
        let screen = text(&mut s, w, h);
        assert!(screen.contains("1 / 1"), "{screen}");
        assert!(screen.contains("Session created: Just begun"), "{screen}");
    }
    press(&mut s, KeyCode::Right);
    shift(&mut s, KeyCode::Right);
    press(&mut s, KeyCode::Char(' '));
    s.advance(Duration::from_secs(5));
    assert_at(&s, &j, 1);
    assert!(!s.playback.playing());
}

#[test]
fn going_to_a_minute_lands_on_its_last_change_and_shows_its_pane() {
    use convene::model::{Change, IssueId, RoundId};
    let t0 = day::start();
    let mut j = Journal::create(t0, "A busy minute").unwrap();
    j.record(
        t0,
        Change::IssueRaised {
            issue: IssueId(1),
            title: "Transport".into(),
            convener: None,
            description: String::new(),
        },
    )
    .unwrap();
    let minute = t0 + chrono::TimeDelta::hours(1);
    let open = Change::RoundOpened {
        round: RoundId(1),
        dots_per_person: 100,
        max_per_issue: None,
        anonymous: false,
        hidden: false,
        ballot: vec![IssueId(1)],
    };
    j.record(minute, open).unwrap();
    for n in 0..77 {
        let dot = Change::DotAdded {
            round: RoundId(1),
            issue: IssueId(1),
            voter: None,
        };
        j.record(minute + chrono::TimeDelta::milliseconds(n * 750), dot)
            .unwrap();
    }
    let total = j.events.len();
    let mut s = ReplayScreen::new(j.events.clone(), "busy".into(), Theme::projector()).unwrap();
    assert_eq!(s.app.pane, PaneId::Opening, "the session starts on Opening");
    press(&mut s, KeyCode::Right);
    assert_eq!(s.app.pane, PaneId::Issues, "an issue is raised on Issues");
    press(&mut s, KeyCode::Char('g'));
    type_text(&mut s, &minute.format("%H:%M").to_string());
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.replay.position(), total, "the minute's last dot");
    assert_eq!(s.app.pane, PaneId::Vote);
    let screen = text(&mut s, 80, 24);
    assert!(!screen.contains("Nothing changed"), "{screen}");
    assert!(screen.contains("77 dots tallied"), "{screen}");
}

/// A replay whose log is still being read: the screen holds the first `read` events of the
/// demo day and the test hands it the rest (`ReplayScreen::built`), as the event loop does
/// with what the building thread sends.
fn reading(read: usize) -> (ReplayScreen, Journal, Builder) {
    let j = journal();
    let mut builder = Builder::with_every(8);
    let mut replay = Replayer::building();
    replay.absorb(builder.add(j.events[..read].to_vec()).unwrap());
    let (_, rx) = channel();
    let mut s = ReplayScreen::reading(replay, rx, "day".into(), Theme::projector());
    assert!(s.take_behind().is_some(), "the loop's to pass on");
    (s, j, builder)
}

/// The notice line, just above the status bar.
fn notice(s: &mut ReplayScreen) -> String {
    let screen = text(s, 160, 48);
    let lines: Vec<&str> = screen.lines().collect();
    let bar = lines
        .iter()
        .position(|l| l.contains("REPLAY (read-only)"))
        .expect("a status bar");
    lines[bar - 1].to_string()
}

#[test]
fn the_screen_opens_on_the_start_of_the_log_and_says_how_far_it_is_read() {
    let (mut s, j, mut builder) = reading(40);
    assert!(s.is_reading());
    assert_at(&s, &j, 1);
    let screen = text(&mut s, 80, 24);
    assert!(
        screen.contains("Reading the log: 40 events so far"),
        "{screen}"
    );
    assert!(screen.contains("1 / 40…"), "{screen}");
    insta::assert_snapshot!("reading_80x24", screen);
    insta::assert_snapshot!("reading_200x60", text(&mut s, 200, 60));

    // More comes: the count moves on, the cursor stays.
    assert!(s.built(Built::Part(builder.add(j.events[40..90].to_vec()).unwrap())));
    assert!(text(&mut s, 80, 24).contains("Reading the log: 90 events so far"));
    assert_at(&s, &j, 1);

    // The end: the legend and the real count come back.
    assert!(s.built(Built::Part(builder.add(j.events[90..].to_vec()).unwrap())));
    assert!(s.built(Built::Part(builder.finish())));
    assert!(s.built(Built::Done(Ok(()))));
    assert!(!s.is_reading());
    assert!(
        !s.built(Built::Done(Ok(()))),
        "nothing new after the verdict"
    );
    let total = j.events.len();
    let screen = text(&mut s, 80, 24);
    assert!(!screen.contains("Reading the log"), "{screen}");
    assert!(screen.contains(&format!("1 / {total}")), "{screen}");
    assert!(!screen.contains(&format!("1 / {total}…")), "{screen}");
    assert_eq!(screen, {
        let (mut whole, _) = open(Theme::projector());
        text(&mut whole, 80, 24)
    });
}

#[test]
fn moves_stop_at_the_last_event_read_and_whole_day_keys_wait_for_it() {
    let (mut s, j, mut builder) = reading(30);
    // Stepping and playing go no further than what is read, and show the state there.
    press(&mut s, KeyCode::Char(' '));
    while s.playback.faster() {}
    for _ in 0..50 {
        s.advance(Duration::from_secs(30));
    }
    assert_at(&s, &j, 30);
    assert!(s.playback.playing(), "play waits for the rest of the log");
    press(&mut s, KeyCode::Char(' '));
    press(&mut s, KeyCode::Right);
    assert_at(&s, &j, 30);
    assert!(
        notice(&mut s).contains("The next event is still being read: a moment"),
        "{}",
        notice(&mut s)
    );
    press(&mut s, KeyCode::Home);
    assert_at(&s, &j, 1);

    // End, a time, and a mark not yet read: "a moment", and nothing moves.
    press(&mut s, KeyCode::End);
    assert_at(&s, &j, 1);
    assert!(
        notice(&mut s).contains("End works once the whole log is read: a moment"),
        "{}",
        notice(&mut s)
    );
    press(&mut s, KeyCode::Char('g'));
    type_text(&mut s, "16:00");
    press(&mut s, KeyCode::Enter);
    assert_at(&s, &j, 1);
    let prompt = text(&mut s, 80, 24);
    assert!(prompt.contains("Going to a time works once"), "{prompt}");
    assert!(prompt.contains("still being read"), "{prompt}");
    press(&mut s, KeyCode::Esc);
    let marks_read = s.replay.marks().len();
    for _ in 0..=marks_read {
        shift(&mut s, KeyCode::Right);
    }
    assert!(s.replay.next_mark().is_none());
    assert!(
        notice(&mut s).contains("Shift-→ works once the whole log is read: a moment"),
        "{}",
        notice(&mut s)
    );

    // Once the whole log is read, the same keys work, and the screen says so.
    s.built(Built::Part(builder.add(j.events[30..].to_vec()).unwrap()));
    s.built(Built::Part(builder.finish()));
    s.built(Built::Done(Ok(())));
    let total = j.events.len();
    assert!(
        notice(&mut s).contains(&format!("The whole log is read ({}", thousands(total))),
        "{}",
        notice(&mut s)
    );
    press(&mut s, KeyCode::End);
    assert_at(&s, &j, total);
    press(&mut s, KeyCode::Right);
    assert!(notice(&mut s).contains("This is the last event"));
}

/// A fault found after the screen opened: replay stops before it, says so loudly until the
/// viewer quits, and the command then fails with loading's own words.
#[test]
fn a_file_refused_after_the_screen_opened_says_so_and_fails_on_quitting() {
    let (mut s, j, _) = reading(30);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("day.json");
    let mut broken = j.clone();
    broken.events[30].seq = 99;
    day::write_session(&path, &broken);
    let err = convene::store::load(&path).unwrap_err();
    let words = err.to_string();
    assert!(s.built(Built::Done(Err(err))));
    assert!(!s.is_reading());
    assert_eq!(s.refused().map(|e| e.to_string()), Some(words));
    let screen = text(&mut s, 80, 24);
    assert!(
        screen.contains("Replay goes no further than event 30"),
        "{screen}"
    );
    assert!(
        screen.contains("✗ This file is refused: event 99"),
        "{screen}"
    );
    insta::assert_snapshot!("refused_80x24", screen);
    insta::assert_snapshot!("refused_200x60", text(&mut s, 200, 60));

    // The part before the fault still replays; the end of it says why it is the end.
    press(&mut s, KeyCode::End);
    assert_at(&s, &j, 30);
    press(&mut s, KeyCode::Right);
    assert!(notice(&mut s).contains("the rest of this file is refused"));
    let screen = text(&mut s, 80, 24);
    assert!(
        screen.contains("✗ This file is refused"),
        "the refusal stays: {screen}"
    );
    // Playing from the end starts again from the first event and stops at the fault.
    press(&mut s, KeyCode::Char(' '));
    assert_at(&s, &j, 1);
    while s.playback.faster() {}
    for _ in 0..50 {
        s.advance(Duration::from_secs(30));
    }
    assert_at(&s, &j, 30);
    assert!(!s.playback.playing());
    assert!(notice(&mut s).contains("the rest of this file is refused"));
}
