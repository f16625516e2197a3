//! What the room sees and what the facilitator does around it, on the demo session: present
//! mode on every pane (snapshots at the laptop's 80x24 and a projector's 200x60), the wall
//! with its conveners, Closing with the reports still owed, swapping two issues as one step,
//! the report round, the reminder, the proceedings written from Closing, and the monochrome
//! look of NO_COLOR.

use crate::support::mode;
use convene::export::folder as proceedings;
use convene::model::{Change, IssueId};
use convene::ui::testkit::{ctrl, draw, press, screen, type_text};
use convene::ui::{App, PaneId, Theme};
use ratatui::crossterm::event::KeyCode;

/// The demo at `h:m`, on `pane`; its file as the app would know it.
fn demo_at(h: u32, m: u32, pane: PaneId) -> App {
    let mut app = App::new(
        convene::demo::build(),
        "demo".into(),
        Theme::projector(),
        convene::demo::time(h, m),
    );
    app.panes.closing.file = Some("/home/facilitator/sessions/havering-vale.json".into());
    app.pane = pane;
    app
}

/// Clears the reports of these issues, as if their breakouts had not written one.
fn without_reports(app: &mut App, issues: &[u32]) {
    for &n in issues {
        app.journal
            .record(
                app.now,
                Change::ReportRecorded {
                    issue: IssueId(n),
                    report: Box::default(),
                },
            )
            .expect("report cleared");
    }
}

#[test]
fn present_mode_on_every_pane_at_both_sizes() {
    for pane in PaneId::ALL {
        for (w, h) in [(80, 24), (200, 60)] {
            // During the morning breakouts, so the wall shows its running slot and timer.
            let mut app = demo_at(11, 25, pane);
            type_text(&mut app, "f");
            let terminal = draw(&mut app, w, h);
            let name = format!("present_{}_{w}x{h}", pane.title().to_lowercase());
            insta::assert_snapshot!(name, terminal.backend());
        }
    }
}

#[test]
fn present_mode_shows_no_hints_and_no_facilitator_warnings() {
    for pane in PaneId::ALL {
        for (w, h) in [(80, 24), (200, 60)] {
            let mut app = demo_at(16, 40, pane);
            type_text(&mut app, "f");
            let s = screen(&mut app, w, h);
            for hint in [
                "⚠",
                "press",
                "Press",
                "Enter",
                "Esc",
                " adds one",
                "t triages",
                "leadership is meant",
                "saved",
                "? help",
                "convene export",
            ] {
                assert!(!s.contains(hint), "{hint:?} on {pane:?} at {w}x{h}:\n{s}");
            }
        }
    }
}

#[test]
fn leads_invite_rather_than_warn() {
    let mut app = demo_at(16, 40, PaneId::Leads);
    // Amira Haddad takes two more priorities: three is one too many.
    let amira = app
        .journal
        .session
        .find_participant("Amira Haddad")
        .unwrap();
    for issue in [7, 11] {
        let change = Change::LeadAssigned {
            issue: IssueId(issue),
            lead: Some(amira),
        };
        app.journal.record(app.now, change).unwrap();
    }
    let working = screen(&mut app, 120, 40);
    assert!(
        working.contains("⚠ Amira Haddad leads 3 priorities"),
        "the facilitator is warned:\n{working}"
    );
    type_text(&mut app, "f");
    let s = screen(&mut app, 200, 60);
    assert!(s.contains("Who will take this on?"), "{s}");
    assert!(s.contains("led by Amira Haddad"), "{s}");
}

#[test]
fn vote_present_hides_everything_but_the_count_until_revealed() {
    let mut app = demo_at(14, 0, PaneId::Vote);
    let s = &app.journal.session;
    let round = s.next_round_id();
    let ballot: Vec<IssueId> = s.active_issues().map(|i| i.id).collect();
    let open = Change::RoundOpened {
        round,
        dots_per_person: 3,
        max_per_issue: None,
        anonymous: false,
        hidden: true,
        ballot,
    };
    app.journal.record(app.now, open).unwrap();
    type_text(&mut app, "+++");
    type_text(&mut app, "f");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Voting open: 3 dots so far"), "{s}");
    assert!(
        !s.contains("Shared care records"),
        "no titles while hidden:\n{s}"
    );
    insta::assert_snapshot!(
        "present_vote_hidden_80x24",
        draw(&mut app, 80, 24).backend()
    );
}

#[test]
fn agenda_cells_show_their_conveners() {
    let mut app = demo_at(11, 25, PaneId::Agenda);
    let wide = screen(&mut app, 200, 60);
    assert!(wide.contains("— Siobhán Kelly"), "{wide}");
    insta::assert_snapshot!("agenda_conveners_200x60", draw(&mut app, 200, 60).backend());
    // At 80x24 the title keeps the cell; the detail line names the convener.
    let small = screen(&mut app, 80, 24);
    assert!(
        small.contains("#1 Discharge to assess: who decides, and how quickly? · convened by"),
        "{small}"
    );
    insta::assert_snapshot!("agenda_conveners_80x24", draw(&mut app, 80, 24).backend());
}

#[test]
fn closing_lists_the_breakouts_without_a_report_and_opens_one() {
    let mut app = demo_at(16, 40, PaneId::Closing);
    without_reports(&mut app, &[4, 7]);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Took place without a report (2)"), "{s}");
    assert!(s.contains("#4 Carers need real breaks"), "{s}");
    insta::assert_snapshot!(
        "closing_missing_reports_80x24",
        draw(&mut app, 80, 24).backend()
    );
    insta::assert_snapshot!(
        "closing_missing_reports_200x60",
        draw(&mut app, 200, 60).backend()
    );
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let editor = screen(&mut app, 80, 24);
    assert!(editor.contains("Editing issue 7"), "{editor}");
    // The cursor starts in the report.
    type_text(&mut app, "14");
    app.handle(&ctrl('s'));
    assert_eq!(app.journal.session.issues[&IssueId(7)].report.attendees, 14);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Took place without a report (1)"), "{s}");
    assert!(!s.contains("#7 Hospital"), "{s}");
}

#[test]
fn swapping_two_placed_issues_is_one_step_and_one_undo() {
    let mut app = demo_at(11, 25, PaneId::Agenda);
    let place = |app: &App, n: u32| app.journal.session.issues[&IssueId(n)].placement;
    let (a, b) = (place(&app, 1), place(&app, 4));
    // #1 is in the first cell, #4 beside it.
    type_text(&mut app, "s");
    assert!(screen(&mut app, 80, 24).contains("Swapping #1"));
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    assert_eq!((place(&app, 1), place(&app, 4)), (b, a));
    let steps: Vec<_> = app.outbox.iter().map(|e| e.part_of).collect();
    assert_eq!(steps.len(), 3, "unplace, place, place");
    assert!(
        steps.iter().all(|s| *s == steps[0] && s.is_some()),
        "{steps:?}"
    );
    type_text(&mut app, "u");
    assert_eq!((place(&app, 1), place(&app, 4)), (a, b), "one undo");
    let notice = app
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(notice.starts_with("Undone"), "{notice}");
}

#[test]
fn the_report_round_walks_through_a_slot() {
    let mut app = demo_at(12, 50, PaneId::Agenda);
    without_reports(&mut app, &[3, 5]);
    // The second slot, "Late morning": #3, #2, #9 (did not take place), #5.
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "b");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Reports · Late morning · 1 of 3"), "{s}");
    assert!(s.contains("#3 Shared care records"), "{s}");
    type_text(&mut app, "21");
    app.handle(&ctrl('s'));
    assert_eq!(app.journal.session.issues[&IssueId(3)].report.attendees, 21);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("2 of 3 · #2 Not enough"), "{s}");
    app.handle(&ctrl('n'));
    assert!(screen(&mut app, 80, 24).contains("3 of 3 · #5 Reablement"));
    // From the attendance, past who came, to the key points.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Start on the day");
    app.handle(&ctrl('s'));
    assert!(
        app.journal.session.issues[&IssueId(5)]
            .report
            .key_points
            .starts_with("Start on the day")
    );
    let notice = app
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(
        notice.contains("Report round for Late morning done"),
        "{notice}"
    );
    assert!(!app.capturing());
}

#[test]
fn reports_are_asked_for_before_the_slot_ends() {
    let mut app = demo_at(11, 10, PaneId::Opening);
    without_reports(&mut app, &[1, 4]);
    // "Morning" ends at 11:30: nothing at 11:10, a reminder from 11:20.
    assert!(!screen(&mut app, 80, 24).contains("Reports please"));
    app.now = convene::demo::time(11, 21);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Reports please: 2 sessions in this slot"), "{s}");
    type_text(&mut app, "f");
    assert!(screen(&mut app, 200, 60).contains("Reports please: 2 sessions in this slot"));
    type_text(&mut app, "f3L");
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "5");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.journal.session.report_reminder_minutes(), 5);
    assert!(!screen(&mut app, 80, 24).contains("Reports please"));
    let kind = app.outbox.last().map(|e| e.change.kind());
    assert_eq!(kind, Some("report_reminder_set"));
    assert_eq!(app.outbox.last().unwrap().change.since_version(), 2);
}

#[test]
fn x_on_closing_writes_the_proceedings_beside_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sessions").join("havering-vale.json");
    let mut app = demo_at(16, 40, PaneId::Closing);
    app.panes.closing.file = Some(file.clone());
    type_text(&mut app, "X");
    assert_eq!(app.requests.len(), 1, "the UI only asks");
    assert!(!dir.path().join("sessions").exists(), "nothing written yet");
    // The session as saved: the proceedings are written from the file.
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, convene::demo::file_bytes()).unwrap();
    let loaded = convene::store::load(&file).unwrap();
    convene::ui::perform(&mut app, &convene::store::SaveState::Saved);
    let folder = dir.path().join("sessions").join("havering-vale");
    assert_eq!(mode(&folder), 0o700);
    for (name, format) in proceedings::FILES {
        for anonymous in [false, true] {
            let name = if anonymous {
                proceedings::anonymous_name(name)
            } else {
                name.to_string()
            };
            let path = folder.join(&name);
            assert_eq!(mode(&path), 0o600, "{name}");
            let options = convene::export::Options {
                anonymous,
                ..Default::default()
            };
            let want = convene::export::export(&loaded, format, options);
            assert_eq!(std::fs::read_to_string(&path).unwrap(), want, "{name}");
        }
    }
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("14 files written to"), "{s}");
    assert!(s.contains("havering-vale/"), "{s}");
}

#[test]
fn the_demo_asks_where_to_keep_the_proceedings() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_at(16, 40, PaneId::Closing);
    app.panes.closing.keep_at = Some(dir.path().join("kept"));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("where you choose"), "{s}");
    type_text(&mut app, "x");
    assert!(app.capturing(), "a folder is asked for");
    assert!(screen(&mut app, 80, 24).contains("kept"));
    press(&mut app, KeyCode::Enter);
    let file = dir.path().join("demo.json");
    std::fs::write(&file, convene::demo::file_bytes()).unwrap();
    app.panes.closing.file = Some(file);
    convene::ui::perform(&mut app, &convene::store::SaveState::Saved);
    assert!(dir.path().join("kept").join("proceedings.md").is_file());
}

#[test]
fn monochrome_draws_without_colour() {
    for pane in PaneId::ALL {
        let mut app = demo_at(11, 25, pane);
        app.theme = Theme::monochrome();
        for present in [false, true] {
            app.present = present;
            let terminal = draw(&mut app, 100, 30);
            let buf = terminal.backend().buffer();
            for cell in buf.content() {
                assert_eq!(cell.fg, ratatui::style::Color::Reset, "{pane:?}");
                assert_eq!(cell.bg, ratatui::style::Color::Reset, "{pane:?}");
            }
        }
    }
}

#[test]
fn a_slot_without_an_end_is_reminded_by_its_running_timer_only() {
    use chrono::{NaiveTime, TimeDelta};
    use convene::model::{Journal, SlotId, SpaceId};
    let t = convene::demo::time(10, 0);
    let mut j = Journal::create(t, "Open ended").unwrap();
    for change in [
        Change::SpaceAdded {
            space: SpaceId(1),
            name: "Hall".into(),
        },
        Change::SlotAdded {
            slot: SlotId(1),
            label: "Morning".into(),
            starts: NaiveTime::from_hms_opt(10, 0, 0),
            ends: None,
        },
        Change::IssueRaised {
            issue: IssueId(1),
            title: "Transport home".into(),
            convener: None,
            description: String::new(),
        },
        Change::IssuePlaced {
            issue: IssueId(1),
            space: SpaceId(1),
            slot: SlotId(1),
        },
    ] {
        j.record(t, change).unwrap();
    }
    let mut app = App::new(
        j,
        "x".into(),
        Theme::projector(),
        t + TimeDelta::minutes(50),
    );
    app.pane = PaneId::Agenda;
    assert!(
        !screen(&mut app, 80, 24).contains("Reports please"),
        "no end, no timer"
    );
    type_text(&mut app, "t");
    assert!(
        !screen(&mut app, 80, 24).contains("Reports please"),
        "45 minutes to go"
    );
    app.now += TimeDelta::minutes(36);
    app.tick();
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Reports please: 1 session in this slot"), "{s}");
}
