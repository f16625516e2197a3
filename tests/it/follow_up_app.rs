//! A follow-up meeting in the app: it opens on the Progress pane, statuses, notes, due
//! dates and owners are recorded in a few keys (each undoable), and present mode shows the
//! room the review. Snapshots of the demo's follow-up at 80x24 and 200x60.

use chrono::{DateTime, FixedOffset, NaiveDate};
use convene::demo::follow_up;
use convene::model::{IssueId, Journal, StepId, StepStatus};
use convene::ui::testkit::{draw, key, type_text};
use convene::ui::{App, PaneId, Theme};
use ratatui::crossterm::event::KeyCode;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2027-02-16T10:30:00+00:00").unwrap()
}

fn app() -> App {
    App::new(
        follow_up::build(),
        "demo-follow-up".into(),
        Theme::projector(),
        now(),
    )
}

fn press(app: &mut App, code: KeyCode) {
    app.handle(&key(code));
}

fn step(journal: &Journal, issue: u32, step: u32) -> convene::model::NextStep {
    journal.session.issues[&IssueId(issue)].plan.steps[&StepId(step)].clone()
}

#[test]
fn a_follow_up_opens_on_progress_and_day_sessions_have_no_seventh_pane() {
    let mut app = app();
    assert_eq!(app.pane, PaneId::Progress);
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('7'));
    assert_eq!(app.pane, PaneId::Progress);
    let day = convene::demo::build();
    let mut app = App::new(day, "demo".into(), Theme::projector(), now());
    assert_eq!(app.pane, PaneId::Opening);
    press(&mut app, KeyCode::Char('7'));
    assert_eq!(app.pane, PaneId::Opening, "7 does nothing in a day session");
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.pane, PaneId::Closing);
}

#[test]
fn three_updates_by_keys_each_one_event_and_undoable() {
    let mut app = app();
    let before = app.journal.events.len();
    // Row 0 is priority 1; row 1 its first action (step 5, the daily call, done already).
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    // Step 6, the one-page guide: stuck, with a note and a new due date.
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Waiting for the trust's comms team");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('t'));
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2027-03-31");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.journal.events.len(), before + 3);
    let kinds: Vec<_> = app.journal.events[before..]
        .iter()
        .map(|e| e.change.kind())
        .collect();
    assert_eq!(kinds, ["progress_recorded"; 3]);
    let guide = step(&app.journal, 1, 6);
    assert_eq!(guide.status, StepStatus::Stuck);
    assert_eq!(guide.note, "Waiting for the trust's comms team");
    assert_eq!(guide.due, NaiveDate::from_ymd_opt(2027, 3, 31));
    // The owner by name, offered from the roster.
    press(&mut app, KeyCode::Char('o'));
    for _ in 0..40 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "Nobody Known");
    press(&mut app, KeyCode::Enter);
    assert!(
        app.notice.as_ref().is_some_and(|n| n.error),
        "an unknown owner is refused"
    );
    assert_eq!(
        app.notice.as_ref().map(|n| n.text.as_str()),
        Some("No one called \"Nobody Known\" on the roster (add them in Opening)"),
        "and never added: people join in Opening"
    );
    assert!(app.capturing(), "the field stays open with what was typed");
    press(&mut app, KeyCode::Esc);
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('u'));
    }
    assert_eq!(step(&app.journal, 1, 6), step(&follow_up::build(), 1, 6));
}

#[test]
fn a_next_step_and_a_priority_are_added_in_the_pane() {
    let mut app = app();
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Print the guide");
    press(&mut app, KeyCode::Enter);
    let added = app.journal.session.issues[&IssueId(1)]
        .plan
        .steps
        .values()
        .any(|s| s.text == "Print the guide");
    assert!(added);
    press(&mut app, KeyCode::Char('p'));
    type_text(&mut app, "Winter pressures");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Grace Mensah");
    press(&mut app, KeyCode::Enter);
    let issue = app
        .journal
        .session
        .issues
        .values()
        .find(|i| i.title == "Winter pressures")
        .expect("raised");
    assert!(issue.plan.lead.is_some());
    // One undo takes the new priority and its lead back together.
    press(&mut app, KeyCode::Char('u'));
    assert!(
        !app.journal
            .session
            .issues
            .values()
            .any(|i| i.title == "Winter pressures")
    );
}

#[test]
fn progress_pane_snapshots() {
    for (w, h) in [(80, 24), (200, 60)] {
        let mut app = app();
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Down);
        insta::assert_snapshot!(format!("progress_{w}x{h}"), draw(&mut app, w, h).backend());
        press(&mut app, KeyCode::Char('f'));
        insta::assert_snapshot!(
            format!("progress_present_{w}x{h}"),
            draw(&mut app, w, h).backend()
        );
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('6'));
        insta::assert_snapshot!(
            format!("closing_follow_up_{w}x{h}"),
            draw(&mut app, w, h).backend()
        );
    }
}

#[test]
fn overdue_is_said_in_words_not_only_colour() {
    let mut app = app();
    let text = convene::ui::testkit::screen(&mut app, 80, 24);
    assert!(text.contains("! OVERDUE"), "{text}");
    assert!(text.contains("— OVERDUE"), "{text}");
}

#[test]
fn someone_is_marked_away_from_the_roster_and_back() {
    let mut app = app();
    press(&mut app, KeyCode::Char('1'));
    let text = convene::ui::testkit::screen(&mut app, 100, 30);
    assert!(text.contains("1 away today"), "{text}");
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Down);
    let before = app
        .journal
        .session
        .participants
        .values()
        .filter(|p| p.absent)
        .count();
    press(&mut app, KeyCode::Char('b'));
    let after = app
        .journal
        .session
        .participants
        .values()
        .filter(|p| p.absent)
        .count();
    assert_ne!(before, after);
    assert_eq!(
        app.journal.events.last().unwrap().change.kind(),
        "absence_set"
    );
    let text = convene::ui::testkit::screen(&mut app, 100, 30);
    assert!(text.contains("(away)"), "{text}");
}

#[test]
fn every_size_draws_without_panic() {
    for (w, h) in [(60, 16), (61, 17), (80, 24), (120, 30), (20, 5), (1, 1)] {
        let mut app = app();
        for key in ['7', 'f', 'x', '6', 'f', 'x', '1'] {
            press(&mut app, KeyCode::Char(key));
            draw(&mut app, w, h);
        }
        press(&mut app, KeyCode::Char('7'));
        press(&mut app, KeyCode::Char('a'));
        draw(&mut app, w, h);
    }
}
