//! The Vote pane driven by keys as a facilitator would: rounds, tally and by-person dots,
//! budgets and limits, closing, hiding and revealing, ties, and the selection following its
//! issue as the ranking moves. Each test checks the session and the screen.

use crate::support::room::*;
use convene::model::{IssueId, ParticipantId, RoundId};
use convene::ui::testkit::{draw, screen};
use convene::ui::{App, PaneId, Theme};
use ratatui::crossterm::event::KeyCode;

fn vote_app() -> App {
    app_with(journal(), PaneId::Vote)
}

fn round(app: &App) -> &convene::model::Round {
    app.journal.session.latest_round().expect("a round")
}

/// The screen line holding the selection marker.
fn selected_line(screen: &str) -> String {
    screen
        .lines()
        .find(|l| l.trim_start().starts_with('▶') && l.contains('#'))
        .unwrap_or_default()
        .to_string()
}

fn vote_as(app: &mut App, name: &str) {
    typed(app, "v");
    typed(app, name);
    press(app, KeyCode::Enter);
}

#[test]
fn empty_pane_says_what_to_press() {
    let mut app = vote_app();
    assert!(small(&mut app).contains("Press n to start a round"));
}

#[test]
fn a_round_with_the_defaults_is_two_keys() {
    let mut app = vote_app();
    typed(&mut app, "n");
    let form = small(&mut app);
    assert!(form.contains("New voting round 1"), "{form}");
    assert!(form.contains("every active issue (5)"), "{form}");
    press(&mut app, KeyCode::Enter);

    let r = round(&app);
    assert_eq!(r.dots_per_person, 3);
    assert_eq!(r.max_per_issue, None);
    assert!(!r.anonymous && !r.hidden && r.open);
    assert_eq!(r.ballot, (1..=5).map(IssueId).collect::<Vec<_>>());
    let s = small(&mut app);
    assert!(
        s.contains("Round 1 of 1 · 3 dots each · named · OPEN"),
        "{s}"
    );
    assert!(s.contains("Round 1 is open: 3 dots each, 5 issues on the ballot"));
}

#[test]
fn a_bad_number_is_refused_in_the_form_and_kept() {
    let mut app = vote_app();
    typed(&mut app, "n");
    press(&mut app, KeyCode::Backspace);
    typed(&mut app, "three");
    press(&mut app, KeyCode::Enter);
    assert!(app.journal.session.rounds.is_empty());
    assert!(notice(&app).contains("whole number"), "{}", notice(&app));
    let s = small(&mut app);
    assert!(s.contains("three"), "input kept: {s}");
    // Zero dots is the domain's to refuse, with its own words.
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "0");
    press(&mut app, KeyCode::Enter);
    assert!(app.journal.session.rounds.is_empty());
    assert!(notice(&app).contains("Dots per person must be between 1 and"));
    // Typed text is not thrown away without a question.
    press(&mut app, KeyCode::Esc);
    let s = small(&mut app);
    assert!(s.contains("Discard what you typed? y/n"), "{s}");
    assert!(s.contains("New voting round"), "{s}");
    typed(&mut app, "n");
    assert!(small(&mut app).contains("New voting round"));
    press(&mut app, KeyCode::Esc);
    typed(&mut app, "y");
    assert!(!small(&mut app).contains("New voting round"));
    assert!(app.journal.session.rounds.is_empty());
}

#[test]
fn tally_plus_and_minus_move_the_selected_issue() {
    let mut app = vote_app();
    default_round(&mut app);
    typed(&mut app, "++");
    press(&mut app, KeyCode::Down);
    typed(&mut app, "+-");
    let r = round(&app);
    assert_eq!(r.total(IssueId(1)), 2);
    assert_eq!(r.total(IssueId(2)), 0);
    assert!(r.ballots.is_empty(), "tally dots carry no names");
    typed(&mut app, "-");
    assert!(notice(&app).contains("There is no dot to take away"));
    let s = small(&mut app);
    assert!(s.contains("2 dots tallied"), "{s}");
    let top = s
        .lines()
        .find(|l| l.contains("#1 "))
        .expect("issue 1 listed");
    assert!(top.contains('█') && top.trim_end().ends_with(" 2"), "{top}");
}

#[test]
fn by_person_spends_a_budget_and_is_refused_beyond_it() {
    let mut app = vote_app();
    default_round(&mut app);
    vote_as(&mut app, "amira patel");
    assert!(small(&mut app).contains("BY PERSON Amira Patel: 3 of 3 dots left"));
    typed(&mut app, "++");
    press(&mut app, KeyCode::Down);
    typed(&mut app, "+");
    assert!(small(&mut app).contains("0 of 3 dots left"));
    typed(&mut app, "+");
    assert_eq!(notice(&app), "Amira Patel has used all 3 dots");
    let r = round(&app);
    assert_eq!(r.spent_by(ParticipantId(1)), 3);
    assert_eq!(r.given(ParticipantId(1), IssueId(1)), 2);
    assert_eq!(r.dots_cast(), 3);
    // Taking one back frees a dot.
    typed(&mut app, "-");
    assert!(small(&mut app).contains("1 of 3 dots left"));
}

#[test]
fn by_person_completes_names_and_refuses_strangers() {
    let mut app = vote_app();
    default_round(&mut app);
    typed(&mut app, "v");
    typed(&mut app, "cara");
    assert!(small(&mut app).contains("Cara Smith"));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert!(small(&mut app).contains("BY PERSON Cara Smith"));

    typed(&mut app, "v");
    typed(&mut app, "Nobody");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        notice(&app),
        "No one called \"Nobody\" on the roster: pick a name offered below"
    );
    press(&mut app, KeyCode::Esc);
    typed(&mut app, "y");
    assert!(
        small(&mut app).contains("BY PERSON Cara Smith"),
        "still Cara"
    );
    typed(&mut app, "t");
    assert!(small(&mut app).contains("TALLY"));
}

#[test]
fn the_per_issue_maximum_is_the_domains_to_refuse() {
    let mut app = vote_app();
    typed(&mut app, "n");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "1");
    press(&mut app, KeyCode::Enter);
    assert_eq!(round(&app).max_per_issue, Some(1));
    vote_as(&mut app, "Ben Ortiz");
    typed(&mut app, "++");
    assert_eq!(
        notice(&app),
        "Ben Ortiz has given issue 1 the most dots allowed (1)"
    );
    assert_eq!(round(&app).total(IssueId(1)), 1);
    assert!(small(&mut app).contains("at most 1 per issue"));
}

#[test]
fn a_closed_round_takes_no_dots_until_reopened() {
    let mut app = vote_app();
    default_round(&mut app);
    typed(&mut app, "c");
    assert!(!round(&app).open);
    assert!(small(&mut app).contains("CLOSED (c reopens)"));
    typed(&mut app, "+");
    assert_eq!(notice(&app), "Round 1 is closed");
    assert_eq!(round(&app).dots_cast(), 0);
    typed(&mut app, "c");
    assert!(round(&app).open);
    typed(&mut app, "+");
    assert_eq!(round(&app).dots_cast(), 1);
}

#[test]
fn hidden_totals_show_nothing_until_revealed() {
    let mut app = vote_app();
    typed(&mut app, "n");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    typed(&mut app, " ");
    press(&mut app, KeyCode::Enter);
    assert!(round(&app).hidden);
    typed(&mut app, "+++");
    press(&mut app, KeyCode::Down);
    typed(&mut app, "+");
    let s = small(&mut app);
    assert!(s.contains("totals hidden until revealed (r)"), "{s}");
    assert!(!s.contains('█') && !s.contains('▏'), "no bar lengths: {s}");
    assert!(
        !s.contains(" 3\n") && !s.contains("=1"),
        "no counts or places: {s}"
    );
    // Ballot order, not ranking order, so the order gives nothing away either.
    let order: Vec<&str> = s.lines().filter(|l| l.contains(" #")).collect();
    assert!(order[0].contains("#1 ") && order[1].contains("#2 "), "{s}");

    typed(&mut app, "r");
    assert!(round(&app).revealed);
    let s = small(&mut app);
    assert!(s.contains('█'), "{s}");
    assert!(!s.contains("totals hidden"));
    typed(&mut app, "r");
    assert_eq!(notice(&app), "Round 1 shows its results already");
}

#[test]
fn ties_share_a_place() {
    let mut app = vote_app();
    default_round(&mut app);
    typed(&mut app, "++");
    press(&mut app, KeyCode::Down);
    typed(&mut app, "++");
    press(&mut app, KeyCode::Down);
    typed(&mut app, "+");
    let s = small(&mut app);
    let place = |id: &str| {
        s.lines()
            .find(|l| l.contains(id))
            .expect("listed")
            .split_whitespace()
            .find(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c == '=' || c.is_ascii_digit())
            })
            .expect("a place")
            .to_string()
    };
    assert_eq!(place("#1 "), "=1");
    assert_eq!(place("#2 "), "=1");
    assert_eq!(place("#3 "), "3");
    assert_eq!(place("#4 "), "=4");
}

/// The sequence from issue 11: counting re-sorted the list under the cursor, so the dot
/// meant for #3 landed on #1.
#[test]
fn an_open_round_keeps_ballot_order_while_dots_are_counted() {
    let mut app = vote_app();
    default_round(&mut app);
    typed(&mut app, "++");
    press(&mut app, KeyCode::Down);
    typed(&mut app, "+++");
    let s = small(&mut app);
    let rows: Vec<&str> = s.lines().filter(|l| l.contains(" #")).collect();
    assert!(rows[0].contains("#1 ") && rows[1].contains("#2 "), "{s}");
    assert!(selected_line(&s).contains("#2 "), "{s}");
    // Its place shows beside it, though the row stays put.
    assert!(rows[1].contains(" 1 "), "{}", rows[1]);
    press(&mut app, KeyCode::Down);
    typed(&mut app, "+");
    let r = round(&app);
    assert_eq!(
        (
            r.total(IssueId(1)),
            r.total(IssueId(2)),
            r.total(IssueId(3))
        ),
        (2, 3, 1)
    );
    // `o` shows the ranking; the selection stays on its issue.
    typed(&mut app, "o");
    let s = small(&mut app);
    let rows: Vec<&str> = s.lines().filter(|l| l.contains(" #")).collect();
    assert!(rows[0].contains("#2 "), "issue 2 leads: {s}");
    assert!(selected_line(&s).contains("#3 "), "{s}");
    typed(&mut app, "o");
    // A closed round is ranked.
    typed(&mut app, "c");
    let s = small(&mut app);
    let rows: Vec<&str> = s.lines().filter(|l| l.contains(" #")).collect();
    assert!(rows[0].contains("#2 "), "ranked once closed: {s}");
}

#[test]
fn hash_jumps_to_an_issue_showing_its_title_first() {
    let mut app = vote_app();
    default_round(&mut app);
    typed(&mut app, "#4");
    let s = small(&mut app);
    let title = &app.journal.session.issues[&IssueId(4)].title;
    assert!(s.contains(&format!("→ #4 {title}")), "{s}");
    assert_eq!(app.pane, PaneId::Vote, "digits typed, not a pane switch");
    press(&mut app, KeyCode::Enter);
    assert!(selected_line(&small(&mut app)).contains("#4 "));
    typed(&mut app, "+");
    assert_eq!(round(&app).total(IssueId(4)), 1);
    typed(&mut app, "#99");
    assert!(small(&mut app).contains("There is no issue 99"));
    press(&mut app, KeyCode::Enter);
    assert!(notice(&app).contains("There is no issue 99"));
    press(&mut app, KeyCode::Esc);
    typed(&mut app, "y");
    assert!(selected_line(&small(&mut app)).contains("#4 "));
}

#[test]
fn star_sets_a_count_in_one_go_and_undo_takes_it_back() {
    let mut app = vote_app();
    default_round(&mut app);
    typed(&mut app, "#2");
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "+*14");
    let s = small(&mut app);
    assert!(s.contains("1 → 14 dots"), "{s}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(round(&app).total(IssueId(2)), 14);
    assert!(notice(&app).contains("Issue 2: 14 dots (was 1)"));
    let last = app.journal.events.last().unwrap();
    assert_eq!(last.change.kind(), "tally_set");
    typed(&mut app, "u");
    assert_eq!(round(&app).total(IssueId(2)), 1);
    // Named voters' dots cannot be counted away.
    vote_as(&mut app, "Cara Smith");
    typed(&mut app, "++");
    typed(&mut app, "t");
    typed(&mut app, "*1");
    press(&mut app, KeyCode::Enter);
    assert!(
        notice(&app).contains("already has 2 dots from named voters"),
        "{}",
        notice(&app)
    );
    assert_eq!(round(&app).total(IssueId(2)), 3);
}

#[test]
fn equals_is_plus() {
    let mut app = vote_app();
    default_round(&mut app);
    typed(&mut app, "==");
    assert_eq!(round(&app).total(IssueId(1)), 2);
}

#[test]
fn anonymous_rounds_are_tally_only() {
    let mut app = vote_app();
    typed(&mut app, "n");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, " ");
    press(&mut app, KeyCode::Enter);
    assert!(round(&app).anonymous);
    assert!(small(&mut app).contains("ANONYMOUS tally only"));
    typed(&mut app, "v");
    assert!(notice(&app).contains("anonymous"), "{}", notice(&app));
    assert!(!small(&mut app).contains("Who is voting"));
    typed(&mut app, "g");
    assert!(notice(&app).contains("no breakdown"));
    typed(&mut app, "++");
    assert_eq!(round(&app).dots_cast(), 2);
    assert!(round(&app).ballots.is_empty());
}

#[test]
fn more_tally_dots_than_the_room_has_are_flagged() {
    let mut app = vote_app();
    default_round(&mut app);
    // Six people with three dots each can give eighteen.
    typed(&mut app, &"+".repeat(18));
    assert!(!small(&mut app).contains('⚠'));
    typed(&mut app, "+");
    let s = small(&mut app);
    assert!(
        s.contains("⚠ 19 dots cast, 1 more than the roster's 6 people × 3 dots"),
        "{s}"
    );
    // Entering by person is not tallying: the flag is a tally check.
    vote_as(&mut app, "Dev Rao");
    assert!(!small(&mut app).contains('⚠'));
}

#[test]
fn the_breakdown_shows_which_groups_backed_what() {
    let mut app = vote_app();
    default_round(&mut app);
    vote_as(&mut app, "Amira Patel");
    typed(&mut app, "++");
    vote_as(&mut app, "Cara Smith");
    press(&mut app, KeyCode::Down);
    typed(&mut app, "+");
    typed(&mut app, "t+");
    typed(&mut app, "g");
    let s = screen(&mut app, 160, 48);
    assert!(
        s.contains("All dots: NHS 2 · Carer 1 · Tally (unnamed) 1"),
        "{s}"
    );
    let row = s.lines().find(|l| l.contains("#2 ")).expect("issue 2");
    let cells: Vec<&str> = row.split_whitespace().rev().take(3).collect();
    assert_eq!(cells, ["1", "1", "·"], "NHS ·, Carer 1, tally 1: {row}");
    typed(&mut app, "g");
    assert!(!small(&mut app).contains("All dots"));
}

#[test]
fn a_second_round_can_take_the_top_of_the_first() {
    let mut app = vote_app();
    default_round(&mut app);
    typed(&mut app, "+++");
    press(&mut app, KeyCode::Down);
    typed(&mut app, "++");
    press(&mut app, KeyCode::Down);
    typed(&mut app, "+");
    typed(&mut app, "n");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    typed(&mut app, " ");
    assert!(small(&mut app).contains("the top N of round 1"));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Backspace);
    typed(&mut app, "2");
    press(&mut app, KeyCode::Enter);
    let r = round(&app);
    assert_eq!(r.id, RoundId(2));
    assert_eq!(r.ballot, vec![IssueId(1), IssueId(2)]);
    assert!(small(&mut app).contains("Round 2 of 2"));
    typed(&mut app, "[");
    assert!(small(&mut app).contains("Round 1 of 2"));
    typed(&mut app, "]");
    assert!(small(&mut app).contains("Round 2 of 2"));
}

#[test]
fn present_mode_shows_the_bars_without_chrome() {
    let mut app = vote_app();
    default_round(&mut app);
    typed(&mut app, "+++f");
    let s = small(&mut app);
    assert!(!s.contains("Opening") && !s.contains("? help"), "{s}");
    let bar_rows = s.lines().filter(|l| l.contains('█')).count();
    assert!(bar_rows >= 2, "thick bars: {s}");
}

#[test]
fn undo_takes_back_a_dot() {
    let mut app = vote_app();
    default_round(&mut app);
    typed(&mut app, "++u");
    assert_eq!(round(&app).total(IssueId(1)), 1);
}

#[test]
fn the_selected_row_is_highlighted_in_every_theme() {
    for theme in [Theme::projector(), Theme::dark(), Theme::light()] {
        let mut app = vote_app();
        app.theme = theme;
        default_round(&mut app);
        press(&mut app, KeyCode::Down);
        let terminal = draw(&mut app, 80, 24);
        let buf = terminal.backend().buffer();
        let y = (0..24)
            .find(|&y| buf[(0, y)].symbol() == "▶" && buf[(0, y)].fg == theme.selected.fg.unwrap())
            .expect("a selected row");
        let line: String = (0..80).map(|x| buf[(x, y)].symbol()).collect();
        assert!(line.contains("#2 "), "{line}");
        assert_eq!(buf[(10, y)].bg, theme.selected.bg.unwrap());
        assert_eq!(
            buf[(10, y + 2)].bg,
            theme.base.bg.unwrap(),
            "others are plain"
        );
    }
}

#[test]
fn issues_that_did_not_take_place_stay_off_a_new_ballot_unless_asked() {
    let mut j = journal();
    let at = now();
    j.record(
        at,
        convene::model::Change::IssueCancelled {
            issue: IssueId(3),
            cancelled: true,
        },
    )
    .unwrap();
    let mut app = app_with(j, PaneId::Vote);
    typed(&mut app, "n");
    let s = small(&mut app);
    assert!(
        s.contains("every issue that took place (4; 1 did not)"),
        "{s}"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        round(&app).ballot,
        vec![IssueId(1), IssueId(2), IssueId(4), IssueId(5)]
    );
    // The round options can still put it on.
    typed(&mut app, "n");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    typed(&mut app, " ");
    assert!(small(&mut app).contains("those that did not take place too (5)"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(round(&app).ballot, (1..=5).map(IssueId).collect::<Vec<_>>());
}

/// The working view while counting: ballot order with places beside the rows, and each
/// prompt saying what Enter will do.
#[test]
fn snapshots_of_counting_in_ballot_order() {
    use convene::ui::testkit::draw;
    let mut app = vote_app();
    default_round(&mut app);
    typed(&mut app, "++");
    press(&mut app, KeyCode::Down);
    typed(&mut app, "+++");
    insta::assert_snapshot!("vote_ballot_order_80x24", draw(&mut app, 80, 24).backend());
    typed(&mut app, "#3");
    insta::assert_snapshot!("vote_jump_80x24", draw(&mut app, 80, 24).backend());
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "*7");
    insta::assert_snapshot!("vote_count_80x24", draw(&mut app, 80, 24).backend());
    press(&mut app, KeyCode::Esc);
    insta::assert_snapshot!("vote_discard_80x24", draw(&mut app, 80, 24).backend());
}
