//! The Closing pane: the day's figures come from the session, the next steps are counted by
//! horizon with their nearest due dates, and the export command names the session file.

use crate::support::room::*;
use chrono::NaiveDate;
use convene::model::{Change, Horizon, IssueId, ParticipantId, StepId, StepStatus};
use convene::ui::PaneId;
use convene::ui::panes::{DayFigures, HorizonSummary};
use convene::ui::testkit::screen;
use ratatui::crossterm::event::KeyCode;

fn date(m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, m, d)
}

#[test]
fn the_figures_add_up_the_day() {
    let mut app = app_with(journal(), PaneId::Vote);
    default_round(&mut app);
    typed(&mut app, "+++");
    press(&mut app, KeyCode::Down);
    typed(&mut app, "++");
    typed(&mut app, "5l");
    typed(&mut app, "Gus Hale");
    // A new person joins the roster on a second Enter.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let steps = [
        ("Rota", Horizon::Short, date(3, 20), StepStatus::NotStarted),
        ("Costs", Horizon::Short, date(3, 10), StepStatus::UnderWay),
        ("Old", Horizon::Short, date(3, 5), StepStatus::Done),
        ("Gone", Horizon::Short, date(3, 4), StepStatus::Dropped),
        ("Board paper", Horizon::Long, None, StepStatus::NotStarted),
    ];
    for (n, (text, horizon, due, status)) in steps.iter().enumerate() {
        let step = StepId(n as u32 + 1);
        let issue = IssueId(1);
        for change in [
            Change::StepAdded {
                issue,
                step,
                text: text.to_string(),
                owner: Some(ParticipantId(2)),
                due: *due,
                horizon: *horizon,
            },
            Change::StepUpdated {
                issue,
                step,
                text: text.to_string(),
                owner: Some(ParticipantId(2)),
                due: *due,
                horizon: *horizon,
                status: *status,
            },
        ] {
            app.journal.record(now(), change).expect("step");
        }
    }
    // A merged issue is no longer raised on its own.
    app.journal
        .record(
            now(),
            Change::IssuesMerged {
                from: IssueId(4),
                into: IssueId(3),
            },
        )
        .expect("merge");

    let s = DayFigures::of(&app.journal.session);
    assert_eq!(s.participants, 7, "six plus the new lead");
    assert_eq!(s.organisations, 6);
    assert_eq!(s.issues, 4);
    assert_eq!(s.reports, 2);
    assert_eq!(s.dots, 5);
    assert_eq!(s.rounds, 1);
    assert_eq!((s.led, s.priorities), (1, 2));
    assert_eq!(
        s.horizons,
        vec![
            HorizonSummary {
                horizon: Horizon::Short,
                steps: 3,
                nearest: vec![date(3, 10).unwrap(), date(3, 20).unwrap()],
            },
            HorizonSummary {
                horizon: Horizon::Medium,
                steps: 0,
                nearest: vec![],
            },
            HorizonSummary {
                horizon: Horizon::Long,
                steps: 1,
                nearest: vec![],
            },
        ]
    );

    app.panes.closing.file = Some("/home/fac/My Sessions/hospital.json".into());
    typed(&mut app, "6");
    let text = screen(&mut app, 160, 48);
    for label in [
        "People",
        "Organisations",
        "Issues",
        "Reports",
        "Dots",
        "With a lead",
        "of 2 priorities",
        "in one round",
    ] {
        assert!(text.contains(label), "{label} missing: {text}");
    }
    assert!(text.contains("Short term  3 steps · next due Tue 10 Mar 2026, Fri 20 Mar 2026"));
    assert!(text.contains("Medium term no steps yet"));
    assert!(text.contains("Long term   1 step"));
    assert!(
        text.contains("x writes every format into /home/fac/My Sessions/hospital/"),
        "{text}"
    );
    // Present mode leaves the proceedings to the facilitator's screen.
    typed(&mut app, "f");
    assert!(!screen(&mut app, 160, 48).contains("writes every format"));
}

#[test]
fn before_any_vote_every_issue_counts_as_a_priority() {
    let app = app_with(journal(), PaneId::Closing);
    let s = DayFigures::of(&app.journal.session);
    assert_eq!((s.dots, s.rounds, s.led, s.priorities), (0, 0, 0, 5));
    let mut app = app;
    let text = small(&mut app);
    assert!(
        text.contains("no vote yet") && text.contains("of 5 issues"),
        "{text}"
    );
}

#[test]
fn every_pane_draws_at_every_size_without_panicking() {
    let mut app = app_with(convene::demo::build(), PaneId::Vote);
    for pane in ["4", "5", "6"] {
        typed(&mut app, pane);
        for (w, h) in [
            (60, 16),
            (61, 17),
            (80, 24),
            (100, 30),
            (200, 60),
            (30, 8),
            (1, 1),
        ] {
            screen(&mut app, w, h);
            typed(&mut app, "f");
            screen(&mut app, w, h);
            typed(&mut app, "f");
        }
    }
    // Forms, prompts and choices too, at the smallest size the app draws.
    for (keys, shows) in [
        ("4n", "Esc cancel"),
        ("4v", "Who is voting?"),
        ("5n", "Esc cancel"),
        ("5l", "Lead: a name"),
        ("5t", "Esc  cancel"),
    ] {
        typed(&mut app, keys);
        for (w, h) in [(60, 16), (80, 24)] {
            let text = screen(&mut app, w, h);
            assert!(text.contains(shows), "{keys} at {w}x{h}: {text}");
        }
        press(&mut app, KeyCode::Esc);
    }
}
