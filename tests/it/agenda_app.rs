//! The Agenda pane driven as a facilitator would: keys in, then both the session and the
//! screen checked. Time is set by hand (`app.now`), never read from the wall clock.

use chrono::{DateTime, FixedOffset, TimeDelta};
use convene::model::{Change, IssueId, Journal, Placement, SlotId, SpaceId};
use convene::ui::testkit::{draw, key, press, screen, type_text};
use convene::ui::{App, PaneId, Theme};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

fn at(hms: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2025-03-14T{hms}+00:00")).expect("time")
}

fn time(hm: &str) -> Option<chrono::NaiveTime> {
    Some(chrono::NaiveTime::parse_from_str(hm, "%H:%M").expect("hh:mm"))
}

/// A wall in mid-morning: four spaces, three slots, issues placed, one breakout that never
/// happened, a long title and a Japanese one, and three issues still waiting.
fn fixture() -> Journal {
    let t = at("09:00:00");
    let mut j = Journal::create(t, "How do we get people home from hospital well?").unwrap();
    let mut rec = |c: Change| {
        j.record(t, c).expect("fixture change");
    };
    for (n, name) in ["Main hall", "Garden room", "Library", "Café corner"]
        .iter()
        .enumerate()
    {
        rec(Change::SpaceAdded {
            space: SpaceId(n as u32 + 1),
            name: name.to_string(),
        });
    }
    for (n, (label, s, e)) in [
        ("Morning 1", "10:00", "10:45"),
        ("Morning 2", "11:00", "11:45"),
        ("Afternoon", "13:30", "14:15"),
    ]
    .iter()
    .enumerate()
    {
        rec(Change::SlotAdded {
            slot: SlotId(n as u32 + 1),
            label: label.to_string(),
            starts: time(s),
            ends: time(e),
        });
    }
    let titles = [
        "Discharge to assess: what stops it working at weekends?",
        "Carers need to be told before the patient is sent home",
        "One care record across the council and the trust",
        "Transport home after 6pm",
        "退院支援のための多言語情報",
        "Reablement capacity in the north of the borough",
        "Equipment that arrives on time",
        "Pharmacy delays on the day of discharge",
    ];
    for (n, title) in titles.iter().enumerate() {
        rec(Change::IssueRaised {
            issue: IssueId(n as u32 + 1),
            title: title.to_string(),
            convener: None,
            description: String::new(),
        });
    }
    for (issue, space, slot) in [(1, 1, 1), (2, 2, 1), (3, 1, 2), (4, 3, 2), (5, 4, 2)] {
        rec(Change::IssuePlaced {
            issue: IssueId(issue),
            space: SpaceId(space),
            slot: SlotId(slot),
        });
    }
    rec(Change::IssueCancelled {
        issue: IssueId(2),
        cancelled: true,
    });
    j
}

/// The app on the Agenda pane at 11:10, during "Morning 2".
fn app_with(journal: Journal, theme: Theme) -> App {
    let mut app = App::new(journal, "hospital".into(), theme, at("11:10:00"));
    app.pane = PaneId::Agenda;
    app
}

fn app() -> App {
    app_with(fixture(), Theme::projector())
}

fn empty() -> App {
    app_with(
        Journal::create(at("09:00:00"), "Empty wall").unwrap(),
        Theme::projector(),
    )
}

fn place_of(app: &App, issue: u32) -> Option<(u32, u32)> {
    app.journal.session.issues[&IssueId(issue)]
        .placement
        .map(|p| (p.space.0, p.slot.0))
}

fn notice(app: &App) -> String {
    app.notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

fn keys(app: &mut App, codes: &[KeyCode]) {
    for c in codes {
        press(app, *c);
    }
}

#[test]
fn empty_wall_says_what_to_press() {
    let mut app = empty();
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("The agenda wall is empty."), "{s}");
    assert!(s.contains("Press a to add a space"), "{s}");
    assert!(s.contains("Press A to add a time slot"), "{s}");
}

#[test]
fn adding_spaces_and_slots() {
    let mut app = empty();
    type_text(&mut app, "a");
    type_text(&mut app, "Main hall");
    press(&mut app, KeyCode::Enter);
    // The form stays open for the next space.
    type_text(&mut app, "Garden room");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    let names: Vec<_> = app
        .journal
        .session
        .spaces
        .values()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(names, ["Main hall", "Garden room"]);

    type_text(&mut app, "A");
    type_text(&mut app, "Morning 1");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "10:00");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "10:45");
    press(&mut app, KeyCode::Enter);
    // The form stays open; with no label the times name the slot.
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "10:45");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "11:30");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    let slots: Vec<_> = app
        .journal
        .session
        .slots_in_order()
        .iter()
        .map(|s| (s.label.clone(), s.starts, s.ends))
        .collect();
    assert_eq!(
        slots,
        [
            ("Morning 1".to_string(), time("10:00"), time("10:45")),
            ("10:45–11:30".to_string(), time("10:45"), time("11:30")),
        ]
    );
    let s = screen(&mut app, 80, 24);
    for text in [
        "Main hall",
        "Garden room",
        "Morning 1",
        "10:00–10:45",
        "10:45–11:30",
    ] {
        assert!(s.contains(text), "{text} missing:\n{s}");
    }
}

#[test]
fn renaming_a_space_and_editing_a_slot() {
    let mut app = app();
    type_text(&mut app, "r");
    for _ in 0.."Main hall".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "Atrium");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.journal.session.spaces[&SpaceId(1)].name, "Atrium");
    type_text(&mut app, "R");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "10:50");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.journal.session.slots[&SlotId(1)].ends, time("10:50"));
    assert!(screen(&mut app, 80, 24).contains("10:00–10:50"));
}

#[test]
fn bad_times_are_refused_in_place_with_an_example() {
    let mut app = empty();
    type_text(&mut app, "A");
    type_text(&mut app, "Later");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "9h30");
    press(&mut app, KeyCode::Enter);
    assert!(app.journal.session.slots.is_empty());
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("\"9h30\" is not a time: type HH:MM, e.g. 09:30"),
        "{s}"
    );
    assert!(s.contains("09:30"), "{s}");
    assert!(s.contains("Later"), "typed text kept:\n{s}");
    // Fixing the time in place saves the slot.
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "14:00");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "13:00");
    press(&mut app, KeyCode::Enter);
    assert!(app.journal.session.slots.is_empty());
    assert!(notice(&app).contains("end time must be after the start time"));
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "15:00");
    press(&mut app, KeyCode::Enter);
    let slot = &app.journal.session.slots[&SlotId(1)];
    assert_eq!(
        (slot.label.as_str(), slot.starts, slot.ends),
        ("Later", time("14:00"), time("15:00"))
    );
}

#[test]
fn placing_an_issue_from_the_unplaced_list() {
    let mut app = app();
    // Issues 6, 7 and 8 wait; choose 7, pick it up, and it lands on a free cell.
    keys(
        &mut app,
        &[KeyCode::Char(' '), KeyCode::Down, KeyCode::Enter],
    );
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Placing #7"), "{s}");
    press(&mut app, KeyCode::Enter);
    // The cursor was on Main hall × Morning 1 (taken), so the first free cell is used.
    assert_eq!(place_of(&app, 7), Some((3, 1)));
    assert!(
        notice(&app).contains("Issue 7 placed in Library, Morning 1"),
        "{}",
        notice(&app)
    );
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("#7 Equipment"), "{s}");
    assert!(s.contains("Unplaced issues (2)"), "{s}");
}

#[test]
fn enter_on_a_free_cell_places_the_chosen_issue() {
    let mut app = app();
    keys(
        &mut app,
        &[KeyCode::Right, KeyCode::Right, KeyCode::Down, KeyCode::Down],
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(place_of(&app, 6), Some((3, 3)));
}

#[test]
fn a_clash_is_refused_and_the_cell_keeps_its_issue() {
    let mut app = app();
    keys(&mut app, &[KeyCode::Char(' '), KeyCode::Enter]);
    // Back to Main hall × Morning 2, which holds issue 3.
    keys(
        &mut app,
        &[KeyCode::Home, KeyCode::Up, KeyCode::Up, KeyCode::Down],
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(place_of(&app, 3), Some((1, 2)));
    assert_eq!(place_of(&app, 6), None);
    let why = notice(&app);
    assert!(why.contains("That cell already holds issue 3"), "{why}");
    assert!(app.notice.as_ref().unwrap().error);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("That cell already holds issue 3"), "{s}");
    assert!(s.contains("#3 One care"), "{s}");
    // Still carrying: Esc puts it down nowhere.
    assert!(s.contains("Placing #6"), "{s}");
    press(&mut app, KeyCode::Esc);
    assert!(!screen(&mut app, 80, 24).contains("Placing #6"));
}

#[test]
fn moving_and_unplacing() {
    let mut app = app();
    // Issue 3 sits in Main hall × Morning 2; move it to Main hall × Afternoon.
    keys(
        &mut app,
        &[
            KeyCode::Down,
            KeyCode::Char('m'),
            KeyCode::Down,
            KeyCode::Enter,
        ],
    );
    assert_eq!(place_of(&app, 3), Some((1, 3)));
    assert!(
        notice(&app).contains("moved to Main hall, Afternoon"),
        "{}",
        notice(&app)
    );
    let events = &app.journal.events;
    assert!(matches!(
        events.last().unwrap().change,
        Change::IssuePlaced { .. }
    ));
    // Moving it onto issue 1's cell is refused; Esc leaves it where it was.
    keys(
        &mut app,
        &[KeyCode::Enter, KeyCode::Up, KeyCode::Up, KeyCode::Enter],
    );
    assert!(notice(&app).contains("already holds issue 1"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(place_of(&app, 3), Some((1, 3)));
    assert_eq!(place_of(&app, 1), Some((1, 1)));
    // x takes it off the wall.
    keys(
        &mut app,
        &[KeyCode::Down, KeyCode::Down, KeyCode::Char('x')],
    );
    assert_eq!(place_of(&app, 3), None);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("Unplaced issues (4)"), "{s}");
    assert!(s.contains("#3 One care record"), "{s}");
}

#[test]
fn a_breakout_that_did_not_take_place_is_marked_in_words() {
    let mut app = app();
    // Issue 2 (Garden room × Morning 1) is cancelled in the fixture.
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("✗ did not take place"), "{s}");
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Char('c'));
    assert!(!app.journal.session.issues[&IssueId(2)].cancelled);
    assert!(!screen(&mut app, 160, 48).contains("did not take place"));
    press(&mut app, KeyCode::Char('c'));
    assert!(app.journal.session.issues[&IssueId(2)].cancelled);
    assert!(notice(&app).contains("did not take place"));
    // The title is struck through as well as marked.
    let term = draw(&mut app, 160, 48);
    let buf = term.backend().buffer();
    let (x, y) = find(buf, "#2 Carers").expect("issue 2 on screen");
    assert!(
        buf[(x + 3, y)]
            .modifier
            .contains(ratatui::style::Modifier::CROSSED_OUT)
    );
}

#[test]
fn removing_a_space_asks_first_and_undo_restores() {
    let mut app = app();
    press(&mut app, KeyCode::Char('d'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Remove the space \"Main hall\"?"), "{s}");
    assert!(s.contains("Its 2 issues go back"), "{s}");
    // While asking, other keys do nothing.
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.journal.session.spaces.len(), 4);
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.journal.session.spaces.len(), 3);
    assert_eq!(place_of(&app, 1), None);
    assert_eq!(place_of(&app, 3), None);
    assert!(screen(&mut app, 80, 24).contains("Unplaced issues (5)"));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.journal.session.spaces.len(), 4);
    assert_eq!(place_of(&app, 1), Some((1, 1)));
    assert_eq!(place_of(&app, 3), Some((1, 2)));
    assert!(notice(&app).starts_with("Undone"), "{}", notice(&app));
}

#[test]
fn removing_an_empty_slot_needs_no_question() {
    let mut app = app();
    keys(
        &mut app,
        &[KeyCode::Down, KeyCode::Down, KeyCode::Char('D')],
    );
    assert_eq!(app.journal.session.slots.len(), 2);
    assert!(notice(&app).contains("Removed the slot \"Afternoon\""));
}

#[test]
fn timer_start_pause_five_minutes_and_reset() {
    let mut app = app();
    // At 11:10 "Morning 2" (until 11:45) has 35 minutes left: that is the fresh timer.
    assert!(screen(&mut app, 80, 24).contains("Timer 35:00 · t starts"));
    press(&mut app, KeyCode::Char('t'));
    app.now += TimeDelta::seconds(61);
    assert!(app.tick());
    assert!(screen(&mut app, 80, 24).contains("Timer 33:59 running"));
    press(&mut app, KeyCode::Char('t'));
    app.now += TimeDelta::seconds(600);
    app.tick();
    assert!(screen(&mut app, 80, 24).contains("Timer 33:59 paused"));
    press(&mut app, KeyCode::Char('+'));
    assert!(screen(&mut app, 80, 24).contains("Timer 38:59 paused"));
    press(&mut app, KeyCode::Char('-'));
    press(&mut app, KeyCode::Char('-'));
    assert!(screen(&mut app, 80, 24).contains("Timer 28:59 paused"));
    // Reset: what is left of the slot at 11:21:01.
    press(&mut app, KeyCode::Char('T'));
    assert!(screen(&mut app, 80, 24).contains("Timer 23:59 · t starts"));
    // The timer is not part of the session.
    assert_eq!(app.journal.events.len(), fixture().events.len());
}

#[test]
fn reaching_zero_shows_time_and_rings_once() {
    let mut app = app();
    press(&mut app, KeyCode::Char('t'));
    app.now += TimeDelta::minutes(34);
    app.tick();
    assert!(!app.bell);
    app.now += TimeDelta::minutes(1);
    assert!(app.tick());
    assert!(app.bell, "rings at zero");
    app.bell = false;
    app.now += TimeDelta::seconds(5);
    app.tick();
    assert!(!app.bell, "rings once");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("TIME! 00:00"), "{s}");
    assert!(s.contains("Time is up"), "{s}");
    // The alarm has its own loud style, not only words.
    let term = draw(&mut app, 80, 24);
    let buf = term.backend().buffer();
    let (x, y) = find(buf, "TIME!").unwrap();
    assert_eq!(buf[(x, y)].bg, Theme::projector().alarm.bg.unwrap());
    // Five more minutes start counting down at once.
    press(&mut app, KeyCode::Char('+'));
    assert!(screen(&mut app, 80, 24).contains("Timer 05:00 running"));
}

#[test]
fn the_slot_running_now_is_highlighted() {
    let mut app = app();
    let term = draw(&mut app, 80, 24);
    let buf = term.backend().buffer();
    let (x, y) = find(buf, "● now").expect("now marker");
    let accent = Theme::projector().accent.fg.unwrap();
    assert_eq!(buf[(x, y)].fg, accent);
    let (_, label_y) = find_below(buf, "Morning 2", 2).unwrap();
    assert!(
        y >= label_y && y < label_y + 3,
        "marker in the Morning 2 row"
    );
    assert!(screen(&mut app, 80, 24).contains("● Now: Morning 2 11:00–11:45"));
    // Before the day starts nothing runs; the header says what is next.
    app.now = at("09:00:00");
    let s = screen(&mut app, 80, 24);
    assert!(!s.contains("● now"), "{s}");
    assert!(s.contains("Next: Morning 1 at 10:00"), "{s}");
}

#[test]
fn the_cursor_cell_is_marked_and_reversed() {
    for theme in [Theme::projector(), Theme::dark(), Theme::light()] {
        let mut app = app_with(fixture(), theme);
        press(&mut app, KeyCode::Down);
        let term = draw(&mut app, 80, 24);
        let buf = term.backend().buffer();
        let (x, y) = find(buf, "▶ #3").expect("marker in the cursor cell");
        assert_eq!(buf[(x, y)].bg, theme.selected.bg.unwrap());
        assert_eq!(buf[(x + 2, y)].bg, theme.selected.bg.unwrap());
    }
}

#[test]
fn many_spaces_scroll_to_keep_the_cursor_in_view() {
    let mut app = app();
    for n in 5..=14 {
        type_text(&mut app, "a");
        type_text(&mut app, &format!("Room {n}"));
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Esc);
    }
    for n in 4..=12 {
        type_text(&mut app, "A");
        type_text(&mut app, &format!("Slot {n}"));
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Esc);
    }
    // Adding selects the new space and slot: both are in view at 80x24.
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Room 14"), "{s}");
    assert!(s.contains("Slot 12"), "{s}");
    assert!(s.contains("more"), "says more are out of view:\n{s}");
    keys(
        &mut app,
        &[
            KeyCode::Home,
            KeyCode::PageUp,
            KeyCode::PageUp,
            KeyCode::PageUp,
        ],
    );
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Main hall") && s.contains("Morning 1"), "{s}");
    assert!(!s.contains("Room 14"), "{s}");
}

#[test]
fn wide_titles_are_cut_by_display_width() {
    let mut app = app();
    for (w, h) in [(80, 24), (160, 48)] {
        let term = draw(&mut app, w, h);
        let buf = term.backend().buffer();
        let (x, y) = find(buf, "#5").expect("issue 5 on screen");
        // The Japanese title stays inside its column: the next column line is intact.
        let mut line = String::new();
        for cx in x..buf.area.width {
            line.push_str(buf[(cx, y)].symbol());
        }
        assert!(line.contains('退'), "{line}");
    }
}

#[test]
fn clicking_a_cell_selects_it() {
    let mut app = app();
    let term = draw(&mut app, 160, 48);
    let (x, y) = find(term.backend().buffer(), "#4 Transport").unwrap();
    app.handle(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    }));
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(place_of(&app, 4), None);
    // The wheel moves down the slots.
    app.handle(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    }));
    // Enter places the first unplaced issue, #4 again, one slot later.
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.journal.session.issues[&IssueId(4)].placement,
        Some(Placement {
            space: SpaceId(3),
            slot: SlotId(3)
        })
    );
}

#[test]
fn help_lists_every_key() {
    let mut app = app();
    let _ = key(KeyCode::Null);
    type_text(&mut app, "?");
    // On a laptop's own screen as on the projector: every key, scrolling in a small window.
    for (w, h) in [(160, 48), (80, 24), (60, 16)] {
        // Opened afresh at each size, so it starts from the top.
        press(&mut app, KeyCode::Esc);
        type_text(&mut app, "?");
        let mut seen = screen(&mut app, w, h);
        if seen.contains("↑↓ more") {
            for _ in 0..40 {
                press(&mut app, KeyCode::Down);
                seen.push_str(&screen(&mut app, w, h));
            }
        }
        for k in [
            "place the chosen",
            "pick up to move",
            "x ",
            "c ",
            "s ",
            "b ",
            "L ",
            "whole wall",
            "a/A",
            "r/R",
            "d/D",
            "t/T",
            "+ / -",
            "mouse",
            "q / Ctrl-c",
        ] {
            assert!(
                seen.contains(k),
                "{k} missing from help at {w}x{h}:\n{seen}"
            );
        }
        assert!(app.help, "scrolling keeps help open");
    }
    // Only the small window needed scrolling.
    assert!(!screen(&mut app, 80, 24).contains("↑↓ more"));
    press(&mut app, KeyCode::Char('x'));
    assert!(!app.help, "any other key closes help");
}

/// Where `needle` starts on the screen, in cells.
fn find(buf: &ratatui::buffer::Buffer, needle: &str) -> Option<(u16, u16)> {
    find_below(buf, needle, 0)
}

fn find_below(buf: &ratatui::buffer::Buffer, needle: &str, top: u16) -> Option<(u16, u16)> {
    for y in top..buf.area.height {
        let mut line = String::new();
        let mut xs = vec![];
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            for _ in sym.chars() {
                xs.push(x);
            }
            line.push_str(sym);
        }
        if let Some(byte) = line.find(needle) {
            let n = line[..byte].chars().count();
            return Some((xs[n], y));
        }
    }
    None
}

/// The backend's own view of the screen: wide characters as the terminal shows them.
fn snapshot(name: &str, app: &mut App, w: u16, h: u16) {
    insta::assert_snapshot!(name, draw(app, w, h).backend());
}

/// The built-in demo day at five past twelve, during "Late morning".
fn demo(theme: Theme) -> App {
    let mut app = App::new(
        convene::demo::build(),
        "demo".into(),
        theme,
        convene::demo::time(12, 5),
    );
    app.pane = PaneId::Agenda;
    app
}

#[test]
fn snapshots_of_the_demo_in_each_theme() {
    for (name, theme) in [
        ("projector", Theme::projector()),
        ("dark", Theme::dark()),
        ("light", Theme::light()),
    ] {
        let mut app = demo(theme);
        snapshot(&format!("agenda_80x24_{name}"), &mut app, 80, 24);
        snapshot(&format!("agenda_160x48_{name}"), &mut app, 160, 48);
    }
}

#[test]
fn snapshots_of_the_demo_in_present_mode() {
    let mut app = demo(Theme::projector());
    press(&mut app, KeyCode::Char('t'));
    app.now += TimeDelta::minutes(10);
    app.tick();
    press(&mut app, KeyCode::Char('f'));
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("Now: Late morning   11:45–12:45"), "{s}");
    snapshot("agenda_demo_present_80x24", &mut app, 80, 24);
    snapshot("agenda_demo_present_160x48", &mut app, 160, 48);
    snapshot("agenda_demo_present_200x60", &mut app, 200, 60);
}

#[test]
fn snapshot_of_wide_titles() {
    snapshot("agenda_80x24_wide_titles", &mut app(), 80, 24);
}

#[test]
fn snapshot_of_a_form_and_a_question() {
    let mut app = app();
    type_text(&mut app, "A");
    type_text(&mut app, "Closing");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "half past four");
    press(&mut app, KeyCode::Enter);
    snapshot("agenda_slot_form_80x24", &mut app, 80, 24);
    press(&mut app, KeyCode::Esc);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Discard what you typed? y/n"), "{s}");
    press(&mut app, KeyCode::Char('y'));
    press(&mut app, KeyCode::Char('d'));
    snapshot("agenda_confirm_80x24", &mut app, 80, 24);
}

#[test]
fn present_mode_shows_the_timer_large() {
    let mut app = app();
    press(&mut app, KeyCode::Char('t'));
    app.now += TimeDelta::minutes(30);
    app.tick();
    press(&mut app, KeyCode::Char('f'));
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("Now: Morning 2"), "{s}");
    assert!(s.contains("#3 One care record across the"), "{s}");
    assert!(s.contains("Library"), "{s}");
    assert!(s.contains('█'), "big digits:\n{s}");
    snapshot("agenda_present_80x24", &mut app, 80, 24);
    app.now += TimeDelta::minutes(6);
    app.tick();
    snapshot("agenda_present_time_up_80x24", &mut app, 80, 24);
}

/// The fixture with `extra` more slots (without times) after its three: a wall too tall
/// for one screen.
fn long_wall(extra: u32) -> App {
    let mut j = fixture();
    for n in 0..extra {
        j.record(
            at("09:00:00"),
            Change::SlotAdded {
                slot: SlotId(4 + n),
                label: format!("Extra {}", n + 1),
                starts: None,
                ends: None,
            },
        )
        .expect("slot");
    }
    app_with(j, Theme::projector())
}

#[test]
fn present_mode_writes_sessions_large_when_a_page_has_room() {
    let mut app = long_wall(25);
    // Take the Japanese title (which the pixel font cannot draw) off the wall.
    keys(
        &mut app,
        &[
            KeyCode::Down,
            KeyCode::End,
            KeyCode::Char('x'),
            KeyCode::Char('t'),
        ],
    );
    press(&mut app, KeyCode::Char('f'));
    let s = screen(&mut app, 200, 60);
    assert!(s.contains("Now: Morning 2"), "the running slot first:\n{s}");
    assert!(
        !s.contains("Transport home"),
        "drawn in pixels, not letters:\n{s}"
    );
    assert!(['▀', '▄', '█'].iter().all(|&c| s.contains(c)), "{s}");
    assert!(s.contains("2 / 28"), "which page:\n{s}");
    // Too small for big letters: the same sessions in ordinary bold text.
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Library     → #4 Transport home after 6pm"),
        "{s}"
    );
}

#[test]
fn present_mode_shows_the_whole_wall_when_it_fits() {
    let mut app = app();
    press(&mut app, KeyCode::Char('f'));
    for (w, h) in [(80, 24), (200, 60)] {
        let s = screen(&mut app, w, h);
        for slot in ["Morning 1", "Morning 2", "Afternoon"] {
            assert!(s.contains(slot), "{slot} at {w}x{h}:\n{s}");
        }
        assert!(s.contains("✗ did not"), "{s}");
        assert!(s.contains("Now: Morning 2"), "{s}");
        assert!(!s.contains("/ 3"), "one page:\n{s}");
    }
}

#[test]
fn present_pages_turn_by_themselves_and_with_the_arrows() {
    let mut app = long_wall(12);
    press(&mut app, KeyCode::Char('f'));
    let page = |app: &mut App| {
        let s = screen(app, 80, 24);
        s.lines()
            .last()
            .map(|l| l.trim().to_string())
            .unwrap_or_default()
    };
    assert_eq!(page(&mut app), "2 / 15", "opens on the running slot");
    app.now += TimeDelta::seconds(14);
    assert_eq!(page(&mut app), "2 / 15");
    app.now += TimeDelta::seconds(1);
    assert_eq!(page(&mut app), "3 / 15", "turns after 15 seconds");
    press(&mut app, KeyCode::Left);
    assert_eq!(page(&mut app), "2 / 15", "← goes back");
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    assert_eq!(page(&mut app), "15 / 15", "and round");
    app.now += TimeDelta::seconds(15);
    assert_eq!(page(&mut app), "1 / 15");
    // The wall behind stays as it was: the arrows paged, they did not move the cursor.
    press(&mut app, KeyCode::Char('f'));
    assert!(!app.present);
}

#[test]
fn every_state_draws_at_every_small_size() {
    let setups: [&[KeyCode]; 6] = [
        &[],
        &[KeyCode::Char('A')],
        &[KeyCode::Char('a')],
        &[KeyCode::Char('d')],
        &[KeyCode::Char(' '), KeyCode::Enter],
        &[KeyCode::Char('t'), KeyCode::Char('f')],
    ];
    for setup in setups {
        let mut app = app();
        keys(&mut app, setup);
        for w in [20, 40, 59, 60, 61, 79, 80, 119, 120, 121] {
            for h in [5, 10, 15, 16, 17, 23, 24] {
                draw(&mut app, w, h);
            }
        }
    }
    // And an empty wall, a wall of many slots, in present mode too.
    let mut app = empty();
    for w in [60, 80] {
        draw(&mut app, w, 16);
    }
    press(&mut app, KeyCode::Char('f'));
    draw(&mut app, 60, 16);
}

#[test]
fn clicking_the_unplaced_list_chooses_an_issue() {
    let mut app = app();
    let term = draw(&mut app, 80, 24);
    let (x, y) = find(term.backend().buffer(), "#8 Pharmacy").unwrap();
    app.handle(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    }));
    press(&mut app, KeyCode::Enter);
    assert!(screen(&mut app, 80, 24).contains("Placing #8"));
}

/// From issue 11: a slot added or retimed in the app keeps its label and its times in
/// step, as `convene new --slot 10:00-11:00` does.
#[test]
fn a_slot_labelled_by_its_times_keeps_them_in_step() {
    let mut app = empty();
    type_text(&mut app, "A");
    type_text(&mut app, "14:45-15:45");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    let slot = app
        .journal
        .session
        .slots
        .values()
        .next()
        .cloned()
        .expect("a slot");
    assert_eq!(slot.label, "14:45-15:45");
    assert_eq!((slot.starts, slot.ends), (time("14:45"), time("15:45")));
    // Retimed: the label follows, no old time left in it.
    type_text(&mut app, "R");
    press(&mut app, KeyCode::Tab);
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "15:00");
    press(&mut app, KeyCode::Tab);
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "16:00");
    press(&mut app, KeyCode::Enter);
    let id = slot.id;
    let slot = app.journal.session.slots[&id].clone();
    assert_eq!(slot.label, "15:00–16:00");
    assert_eq!((slot.starts, slot.ends), (time("15:00"), time("16:00")));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("15:00–16:00") && !s.contains("14:45"), "{s}");
    // A new label of times moves the times with it.
    type_text(&mut app, "R");
    for _ in 0.."15:00–16:00".chars().count() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "9:30-10:15");
    press(&mut app, KeyCode::Enter);
    let slot = &app.journal.session.slots[&id];
    assert_eq!((slot.starts, slot.ends), (time("09:30"), time("10:15")));
    // A label of times and other times, both typed: neither wins, the person is asked.
    type_text(&mut app, "R");
    for _ in 0.."9:30-10:15".chars().count() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "11:00-12:00");
    for at in ["13:00", "14:00"] {
        press(&mut app, KeyCode::Tab);
        for _ in 0..5 {
            press(&mut app, KeyCode::Backspace);
        }
        type_text(&mut app, at);
    }
    let before = app.journal.events.len();
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.notice.as_ref().map(|n| (n.text.as_str(), n.error)),
        Some((
            "The label says 11:00-12:00 but the times say 13:00–14:00: make them agree, or clear the times",
            true
        ))
    );
    assert_eq!(app.journal.events.len(), before, "nothing recorded");
}
