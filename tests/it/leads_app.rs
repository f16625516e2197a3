//! The Leads pane driven by keys: leads from the roster or new names, supporters, next
//! steps with typed due dates (and a bad one refused in place), triage groups, and the flags
//! for unled priorities and overloaded leads.

use crate::support::room::*;
use chrono::NaiveDate;
use convene::model::{
    Change, Horizon, IssueId, Journal, ParticipantId, RoundId, StepStatus, Triage,
};
use convene::ui::pane::Pane;
use convene::ui::testkit::screen;
use convene::ui::{App, PaneId};
use ratatui::crossterm::event::KeyCode;

/// The fixture room after a vote: issue 3 leads with 4 dots, then 1 (3), 5 (2), 2 (1).
fn voted() -> Journal {
    let mut j = journal();
    j.record(
        now(),
        Change::RoundOpened {
            round: RoundId(1),
            dots_per_person: 3,
            max_per_issue: None,
            anonymous: false,
            hidden: false,
            ballot: (1..=5).map(IssueId).collect(),
        },
    )
    .expect("round");
    for (issue, dots) in [(3, 4), (1, 3), (5, 2), (2, 1)] {
        for _ in 0..dots {
            j.record(
                now(),
                Change::DotAdded {
                    round: RoundId(1),
                    issue: IssueId(issue),
                    voter: None,
                },
            )
            .expect("dot");
        }
    }
    j
}

fn leads_app() -> App {
    app_with(voted(), PaneId::Leads)
}

fn issue(app: &App, id: u32) -> &convene::model::Issue {
    &app.journal.session.issues[&IssueId(id)]
}

#[test]
fn issues_are_ranked_by_the_latest_round() {
    let mut app = leads_app();
    let s = small(&mut app);
    assert!(s.contains("Ranked by round 1"), "{s}");
    let order: Vec<&str> = s
        .lines()
        .filter(|l| l.contains(" #") && l.contains('●'))
        .collect();
    assert_eq!(
        order[..2],
        [
            "▶    1  #3 One shared care record                         4● ⚠ needs a lead",
            "     2  #1 Getting people home from hospital on a Frid…   3● ⚠ needs a lead",
        ],
        "{s}"
    );
}

#[test]
fn a_new_name_joins_the_roster_as_lead() {
    let mut app = leads_app();
    let before = app.journal.session.participants.len();
    typed(&mut app, "l");
    assert!(app.panes.leads.capturing(), "the prompt owns the keys");
    typed(&mut app, "Zoe Quinn");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.journal.session.participants.len(),
        before,
        "not silently"
    );
    assert!(small(&mut app).contains("Not on the roster yet: Enter again adds them"));
    press(&mut app, KeyCode::Enter);
    let s = &app.journal.session;
    assert_eq!(s.participants.len(), before + 1);
    let zoe = s.find_participant("Zoe Quinn").expect("on the roster");
    assert_eq!(issue(&app, 3).plan.lead, Some(zoe));
    assert_eq!(
        notice(&app),
        "Zoe Quinn leads issue 3 (Zoe Quinn joined the roster)"
    );
    let screen = small(&mut app);
    let row = screen.lines().find(|l| l.contains("#3")).expect("issue 3");
    assert!(row.contains("Zoe Quinn"), "{screen}");
    // One undo takes back the lead and the new name together.
    typed(&mut app, "u");
    assert_eq!(issue(&app, 3).plan.lead, None);
    assert_eq!(app.journal.session.participants.len(), before);
    assert_eq!(
        notice(&app),
        "Undone: Zoe Quinn joined; Zoe Quinn leads issue 3"
    );
}

#[test]
fn a_lead_comes_from_the_roster_by_completion() {
    let mut app = leads_app();
    typed(&mut app, "l");
    typed(&mut app, "ella");
    assert!(small(&mut app).contains("Ella Green"));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(issue(&app, 3).plan.lead, Some(ParticipantId(5)));
    assert_eq!(app.journal.session.participants.len(), PEOPLE.len());
}

#[test]
fn a_half_typed_name_is_not_added_without_a_second_enter() {
    let mut app = leads_app();
    typed(&mut app, "l");
    typed(&mut app, "Ben");
    press(&mut app, KeyCode::Enter);
    assert_eq!(issue(&app, 3).plan.lead, None);
    assert!(
        notice(&app).contains("↓ picks Ben Ortiz"),
        "{}",
        notice(&app)
    );
    assert!(
        small(&mut app).contains("Lead: a name from the roster"),
        "prompt stays"
    );
    press(&mut app, KeyCode::Enter);
    let ben = app
        .journal
        .session
        .find_participant("Ben")
        .expect("a second Ben");
    assert_ne!(ben, ParticipantId(2));
    assert_eq!(issue(&app, 3).plan.lead, Some(ben));
}

#[test]
fn an_empty_lead_clears_it() {
    let mut app = leads_app();
    typed(&mut app, "l");
    typed(&mut app, "Dev Rao");
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "l");
    assert!(small(&mut app).contains("Dev Rao"), "prefilled");
    for _ in 0.."Dev Rao".len() {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(issue(&app, 3).plan.lead, None);
}

#[test]
fn supporters_are_added_and_taken_off() {
    let mut app = leads_app();
    for name in ["Cara Smith", "Femi Ade"] {
        typed(&mut app, "s");
        typed(&mut app, name);
        press(&mut app, KeyCode::Enter);
    }
    assert_eq!(
        issue(&app, 3).plan.supporters,
        vec![ParticipantId(3), ParticipantId(6)]
    );
    assert!(small(&mut app).contains("Supporters  Cara Smith, Femi Ade"));
    typed(&mut app, "s");
    typed(&mut app, "Cara Smith");
    press(&mut app, KeyCode::Enter);
    assert_eq!(notice(&app), "Cara Smith already supports issue 3");
    press(&mut app, KeyCode::Esc);
    typed(&mut app, "y");
    typed(&mut app, "S");
    typed(&mut app, "fe");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(issue(&app, 3).plan.supporters, vec![ParticipantId(3)]);
    assert_eq!(notice(&app), "Femi Ade no longer supports issue 3");
}

#[test]
fn a_next_step_due_in_two_weeks_gets_a_real_date() {
    let mut app = leads_app();
    typed(&mut app, "n");
    typed(&mut app, "Draft the weekend rota");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Ben Ortiz");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "+2w");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, " ");
    press(&mut app, KeyCode::Enter);
    let steps = &issue(&app, 3).plan.steps;
    assert_eq!(steps.len(), 1);
    let step = steps.values().next().expect("a step");
    assert_eq!(step.text, "Draft the weekend rota");
    assert_eq!(step.owner, Some(ParticipantId(2)));
    assert_eq!(step.due, NaiveDate::from_ymd_opt(2026, 3, 17));
    assert_eq!(step.horizon, Horizon::Medium);
    assert_eq!(step.status, StepStatus::NotStarted);
    let s = small(&mut app);
    assert!(s.contains("due Tue 17 Mar 2026"), "{s}");
    assert!(notice(&app).contains("due Tue 17 Mar 2026"));
}

#[test]
fn an_owner_chosen_from_the_list_stays_chosen() {
    let mut app = leads_app();
    typed(&mut app, "n");
    typed(&mut app, "Book the room");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "fe");
    assert!(small(&mut app).contains("Femi Ade"));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Tab);
    assert!(
        !small(&mut app).contains("    Femi Ade"),
        "the list went with the focus"
    );
    press(&mut app, KeyCode::Enter);
    let step = issue(&app, 3)
        .plan
        .steps
        .values()
        .next()
        .cloned()
        .expect("saved");
    assert_eq!(step.owner, Some(ParticipantId(6)));
    assert_eq!(step.due, None);
}

#[test]
fn a_bad_due_date_is_refused_in_place_with_an_example() {
    let mut app = leads_app();
    typed(&mut app, "n");
    typed(&mut app, "Cost the rota");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "someday");
    press(&mut app, KeyCode::Enter);
    assert!(issue(&app, 3).plan.steps.is_empty());
    let why = notice(&app);
    assert!(
        why.contains("\"someday\" is not a date") && why.contains("2026-12-01"),
        "{why}"
    );
    let s = small(&mut app);
    assert!(
        s.contains("someday") && s.contains("Cost the rota"),
        "kept: {s}"
    );
    for _ in 0.."someday".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "2026-02-30");
    press(&mut app, KeyCode::Enter);
    assert!(issue(&app, 3).plan.steps.is_empty());
    assert!(notice(&app).contains("not a day of the calendar"));
    for _ in 0.."2026-02-30".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "next monday");
    press(&mut app, KeyCode::Enter);
    let step = issue(&app, 3)
        .plan
        .steps
        .values()
        .next()
        .cloned()
        .expect("saved");
    assert_eq!(step.due, NaiveDate::from_ymd_opt(2026, 3, 9));
}

#[test]
fn steps_are_chosen_changed_advanced_and_removed() {
    let mut app = leads_app();
    for text in ["First step", "Second step"] {
        typed(&mut app, "n");
        typed(&mut app, text);
        press(&mut app, KeyCode::Enter);
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Down);
    typed(&mut app, " ");
    let second = |app: &App| {
        issue(app, 3)
            .plan
            .steps
            .values()
            .nth(1)
            .cloned()
            .expect("two")
    };
    assert_eq!(second(&app).status, StepStatus::UnderWay);
    typed(&mut app, "e");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "+10d");
    press(&mut app, KeyCode::Enter);
    assert_eq!(second(&app).due, NaiveDate::from_ymd_opt(2026, 3, 13));
    assert_eq!(
        second(&app).status,
        StepStatus::UnderWay,
        "kept by the edit"
    );
    typed(&mut app, "d");
    assert_eq!(issue(&app, 3).plan.steps.len(), 1);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Down);
    assert!(small(&mut app).contains("▶    2  #1"), "back among issues");
}

#[test]
fn triage_groups_the_pane() {
    let mut app = leads_app();
    typed(&mut app, "td");
    press(&mut app, KeyCode::Down);
    typed(&mut app, "tc");
    press(&mut app, KeyCode::Down);
    typed(&mut app, "to");
    assert_eq!(issue(&app, 3).plan.triage, Some(Triage::DoIt));
    assert_eq!(issue(&app, 1).plan.triage, Some(Triage::ClarifyIt));
    assert_eq!(issue(&app, 5).plan.triage, Some(Triage::AnotherOpenSpace));
    let s = screen(&mut app, 80, 30);
    let lines: Vec<&str> = s.lines().collect();
    let at = |text: &str| {
        lines
            .iter()
            .position(|l| l.contains(text))
            .unwrap_or_else(|| panic!("{text} missing from {s}"))
    };
    assert!(at("DO IT  (1)") < at("#3 "));
    assert!(at("#3 ") < at("CLARIFY IT  (1)"));
    assert!(at("CLARIFY IT") < at("#1 "));
    assert!(at("#1 ") < at("TAKE IT TO ANOTHER OPEN SPACE  (1)"));
    assert!(at("ANOTHER OPEN SPACE") < at("#5 "));
    assert!(at("#5 ") < at("NOT TRIAGED YET  (2)"));
    assert!(at("NOT TRIAGED") < at("#2 "));
    // The selection followed issue 5 into its group.
    assert!(lines[at("#5 ")].trim_start().starts_with('▶'));
    typed(&mut app, "tx");
    assert_eq!(issue(&app, 5).plan.triage, None);
}

#[test]
fn unled_top_priorities_and_overloaded_leads_are_flagged() {
    let mut app = leads_app();
    let s = small(&mut app);
    assert!(
        s.contains("⚠ In the top 5 without a lead: #3, #1, #5, #2"),
        "{s}"
    );
    for _ in 0..3 {
        typed(&mut app, "l");
        typed(&mut app, "Amira Patel");
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Down);
    }
    let s = small(&mut app);
    assert!(s.contains("⚠ In the top 5 without a lead: #2"), "{s}");
    assert!(
        s.contains("⚠ Amira Patel leads 3 priorities: leadership is meant to be spread"),
        "{s}"
    );
    let row = s.lines().find(|l| l.contains("#3 ")).expect("issue 3");
    assert!(row.contains("Amira Patel ⚠3"), "{row}");
}

#[test]
fn the_wide_screen_puts_the_plan_beside_the_list() {
    let mut app = leads_app();
    typed(&mut app, "l");
    typed(&mut app, "Femi Ade");
    press(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 160, 48);
    let row = s
        .lines()
        .find(|l| l.trim_start().starts_with("▶") && l.contains("#3"))
        .expect("selection");
    assert!(row.contains("Femi Ade"), "{row}");
    assert!(s.contains("Lead        Femi Ade · Resident"), "{s}");
}

/// From issue 11: "owen" for an issue Owen already leads offered a pick that picked
/// nothing, then added a phantom "owen" that took two undos to remove.
#[test]
fn a_supporter_who_already_leads_is_told_so_and_no_phantom_joins() {
    let mut app = leads_app();
    typed(&mut app, "l");
    typed(&mut app, "dev");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(issue(&app, 3).plan.lead, Some(ParticipantId(4)));
    let before = app.journal.session.participants.len();
    typed(&mut app, "s");
    typed(&mut app, "dev");
    let s = small(&mut app);
    assert!(s.contains("Dev Rao already leads issue 3"), "{s}");
    assert!(
        !s.lines().any(|l| l.trim() == "Dev Rao"),
        "not offered as a pick: {s}"
    );
    press(&mut app, KeyCode::Enter);
    assert!(!notice(&app).contains("↓ picks"), "{}", notice(&app));
    assert!(notice(&app).contains("Dev Rao already leads issue 3"));
    assert_eq!(app.journal.session.participants.len(), before);
    // Typed in full, the roster's own rule answers.
    press(&mut app, KeyCode::Esc);
    typed(&mut app, "y");
    typed(&mut app, "s");
    typed(&mut app, "dev rao");
    press(&mut app, KeyCode::Enter);
    assert_eq!(notice(&app), "Dev Rao already leads issue 3");
    assert_eq!(app.journal.session.participants.len(), before);
}

#[test]
fn completion_ignores_accents_and_forgives_a_typo() {
    let mut j = voted();
    j.record(
        now(),
        Change::ParticipantAdded {
            participant: ParticipantId(7),
            name: "Siobhán Martínez".into(),
            organisation: None,
            group: None,
        },
    )
    .unwrap();
    let mut app = app_with(j, PaneId::Leads);
    typed(&mut app, "l");
    typed(&mut app, "martinez");
    assert!(small(&mut app).contains("Siobhán Martínez"));
    press(&mut app, KeyCode::Down);
    // The chosen name is in the field before anything is saved.
    let s = small(&mut app);
    assert!(s.contains("│Siobhán Martínez"), "{s}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(issue(&app, 3).plan.lead, Some(ParticipantId(7)));
    typed(&mut app, "s");
    typed(&mut app, "Femi Aed");
    assert!(small(&mut app).contains("Femi Ade"));
}

#[test]
fn a_british_due_date_shows_what_it_means_before_saving() {
    let mut app = leads_app();
    typed(&mut app, "n");
    typed(&mut app, "Book the hall");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "31/12/2026");
    let s = screen(&mut app, 100, 40);
    assert!(s.contains("→ Thu 31 Dec 2026"), "{s}");
    assert!(issue(&app, 3).plan.steps.is_empty(), "nothing saved yet");
    for _ in 0.."31/12/2026".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "31/13");
    let s = screen(&mut app, 100, 40);
    assert!(s.contains("31/13 is not a day of the calendar"), "{s}");
    for _ in 0.."31/13".len() {
        press(&mut app, KeyCode::Backspace);
    }
    // Without a year: the next such day on or after the session's day.
    typed(&mut app, "Dec 31");
    assert!(screen(&mut app, 100, 40).contains("→ Thu 31 Dec 2026"));
    press(&mut app, KeyCode::Enter);
    let step = issue(&app, 3)
        .plan
        .steps
        .values()
        .next()
        .cloned()
        .expect("a step");
    assert_eq!(step.due, NaiveDate::from_ymd_opt(2026, 12, 31));
}
