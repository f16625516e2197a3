//! The session picker on a test terminal: listing newest first, filtering as you type,
//! starting and opening sessions, and moving one to the trash (never erasing it).

use crate::support::fixture::at;
use convene::model::Journal;
use convene::store;
use convene::ui::Theme;
use convene::ui::input::{Input, Inputs};
use convene::ui::picker::Picker;
use convene::ui::testkit::key;
use convene::ui::work::Workers;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A data directory with three sessions saved at different times and one broken file.
fn data_dir() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let mut files = vec![];
    for (hour, theme, people) in [
        (9, "Winter pressures: what do we stop doing?", 0),
        (11, "How do we get people home from hospital well?", 3),
        (10, "Carers' voices in commissioning", 1),
    ] {
        let mut journal = Journal::create(at(hour, 0), theme).unwrap();
        for n in 0..people {
            let participant = journal.session.next_participant_id();
            journal
                .record(
                    at(hour, 1),
                    convene::model::Change::ParticipantAdded {
                        participant,
                        name: format!("Person {n}"),
                        organisation: None,
                        group: None,
                    },
                )
                .unwrap();
        }
        let opened = store::create(dir.path(), journal, at(hour, 0)).unwrap();
        files.push(opened.path.clone());
    }
    std::fs::write(store::sessions_dir(dir.path()).join("broken.json"), "{").unwrap();
    (dir, files)
}

fn picker(dir: &Path, theme: Theme) -> Picker {
    Picker::new(dir, theme, at(12, 0))
}

fn keys(p: &mut Picker, text: &str) {
    for c in text.chars() {
        p.handle(&key(KeyCode::Char(c)));
    }
}

fn press(p: &mut Picker, code: KeyCode) {
    p.handle(&key(code));
}

/// Runs the work the picker asked for on workers, as `picker::run` does, and hands it back
/// what they give, until the picker waits for nothing: keys only ask, files are worked on
/// behind them.
fn settle(p: &mut Picker) {
    let mut inputs = Inputs::without_keys();
    let mut workers = Workers::default();
    let mut waiting = 0;
    loop {
        for job in std::mem::take(&mut p.jobs) {
            workers.start(job, inputs.sender());
            waiting += 1;
        }
        if waiting == 0 {
            break;
        }
        match inputs.next(Duration::from_secs(20)) {
            Some(Input::Progress(text)) => p.progress(text),
            Some(Input::Done(done)) => {
                waiting -= 1;
                p.finished(done);
            }
            Some(_) => {}
            None => panic!("the worker said nothing"),
        }
    }
    workers.finish();
}

fn draw(p: &mut Picker, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| p.render(f.area(), f.buffer_mut()))
        .unwrap();
    terminal
}

fn screen(p: &mut Picker, w: u16, h: u16) -> String {
    draw(p, w, h).backend().to_string()
}

fn names(p: &Picker) -> Vec<String> {
    p.shown_files()
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn sessions_are_listed_newest_first_with_unreadable_files_last() {
    let (dir, _) = data_dir();
    let mut p = picker(dir.path(), Theme::projector());
    assert_eq!(
        names(&p),
        [
            "2026-03-14-how-do-we-get-people-home-from-hospital-well.json",
            "2026-03-14-carers-voices-in-commissioning.json",
            "2026-03-14-winter-pressures-what-do-we-stop-doing.json",
            "broken.json",
        ]
    );
    let text = screen(&mut p, 160, 48);
    assert!(text.contains("3 people · 0 issues · 0 leads"), "{text}");
    assert!(text.contains("Sat 14 Mar 2026 11:00"));
    assert!(text.contains("cannot read"));
}

#[test]
fn filter_as_you_type() {
    let (dir, _) = data_dir();
    let mut p = picker(dir.path(), Theme::projector());
    keys(&mut p, "/carer");
    assert_eq!(
        names(&p),
        ["2026-03-14-carers-voices-in-commissioning.json"]
    );
    press(&mut p, KeyCode::Enter);
    assert!(screen(&mut p, 80, 24).contains("Filter “carer” · Esc clears"));
    press(&mut p, KeyCode::Esc);
    assert_eq!(names(&p).len(), 4);
    keys(&mut p, "/nothing like it");
    assert!(screen(&mut p, 80, 24).contains("No session matches"));
}

#[test]
fn enter_opens_the_selected_session_and_holds_its_lock() {
    let (dir, files) = data_dir();
    let mut p = picker(dir.path(), Theme::projector());
    press(&mut p, KeyCode::Down);
    press(&mut p, KeyCode::Enter);
    assert!(p.chosen.is_none(), "the file is opened on a worker");
    settle(&mut p);
    let opened = p.chosen.take().expect("opened");
    assert_eq!(opened.path, files[2]);
    assert_eq!(
        opened.journal.session.theme,
        "Carers' voices in commissioning"
    );
    // A second picker cannot open it while the first holds it, and says so.
    let mut q = picker(dir.path(), Theme::projector());
    press(&mut q, KeyCode::Down);
    press(&mut q, KeyCode::Enter);
    settle(&mut q);
    assert!(q.chosen.is_none());
    let notice = q.notice.clone().unwrap();
    assert!(
        notice.error && notice.text.contains("already open"),
        "{notice:?}"
    );
    drop(opened);
    // The broken file cannot be opened: the reason is shown, nothing is written.
    press(&mut q, KeyCode::End);
    press(&mut q, KeyCode::Enter);
    settle(&mut q);
    assert!(q.chosen.is_none());
    assert_eq!(
        std::fs::read_to_string(store::sessions_dir(dir.path()).join("broken.json")).unwrap(),
        "{"
    );
}

#[test]
fn n_starts_a_new_session() {
    let (dir, _) = data_dir();
    let mut p = picker(dir.path(), Theme::projector());
    keys(&mut p, "n");
    assert!(screen(&mut p, 80, 24).contains("New session"));
    press(&mut p, KeyCode::Enter);
    assert!(p.chosen.is_none(), "an empty theme is refused");
    assert!(p.notice.as_ref().unwrap().text.contains("cannot be empty"));
    keys(&mut p, "Quiet voices first");
    press(&mut p, KeyCode::Enter);
    settle(&mut p);
    let opened = p.chosen.take().expect("created");
    assert_eq!(opened.journal.session.theme, "Quiet voices first");
    assert!(opened.path.starts_with(store::sessions_dir(dir.path())));
    assert!(opened.path.exists());
}

#[test]
fn d_moves_a_session_to_the_trash_after_asking() {
    let (dir, files) = data_dir();
    let mut p = picker(dir.path(), Theme::projector());
    let first = files[1].clone();
    keys(&mut p, "d");
    assert!(screen(&mut p, 80, 24).contains("Move to the trash?"));
    keys(&mut p, "n");
    assert!(first.exists(), "kept");
    keys(&mut p, "dy");
    settle(&mut p);
    assert!(!first.exists());
    assert!(!store::lock_path(&first).exists());
    let trashed = store::trash_dir(dir.path()).join(first.file_name().unwrap());
    assert!(trashed.exists());
    assert!(store::load(&trashed).is_ok(), "the file is intact");
    assert_eq!(names(&p).len(), 3);
    assert!(p.notice.as_ref().unwrap().text.starts_with("Moved"));
}

#[test]
fn an_empty_data_directory_says_what_to_press() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = picker(dir.path(), Theme::projector());
    assert!(screen(&mut p, 80, 24).contains("No sessions yet. Press n to start one."));
    keys(&mut p, "q");
    assert!(p.quit);
}

#[test]
fn snapshots() {
    let (dir, _) = data_dir();
    for (name, theme) in [
        ("projector", Theme::projector()),
        ("dark", Theme::dark()),
        ("light", Theme::light()),
    ] {
        for (w, h) in [(80, 24), (160, 48)] {
            let mut p = picker(dir.path(), theme);
            insta::assert_snapshot!(
                format!("picker_{name}_{w}x{h}"),
                draw(&mut p, w, h).backend()
            );
        }
    }
    let mut p = picker(dir.path(), Theme::projector());
    keys(&mut p, "d");
    insta::assert_snapshot!("picker_confirm_trash_80x24", draw(&mut p, 80, 24).backend());
}

#[test]
fn a_typed_theme_is_not_thrown_away_without_a_question() {
    let (dir, _) = data_dir();
    let mut p = picker(dir.path(), Theme::projector());
    keys(&mut p, "n");
    keys(&mut p, "Quiet voices");
    press(&mut p, KeyCode::Esc);
    assert!(screen(&mut p, 80, 24).contains("Discard what you typed? y/n"));
    keys(&mut p, "n");
    assert!(screen(&mut p, 80, 24).contains("Quiet voices"));
    p.handle(&ratatui::crossterm::event::Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    assert!(!p.quit);
    assert!(screen(&mut p, 80, 24).contains("Discard what you typed and quit? y/n"));
    keys(&mut p, "y");
    assert!(p.quit);
}

/// `M` locks the session on a worker: meanwhile the picker says what it is doing and keys
/// are answered; once it is held, the question of which copy comes up.
#[test]
fn m_holds_the_session_on_a_worker_then_asks_for_the_copy() {
    let (dir, files) = data_dir();
    let mut p = picker(dir.path(), Theme::projector());
    keys(&mut p, "M");
    assert!(
        p.notice.as_ref().unwrap().text.starts_with("Opening"),
        "{:?}",
        p.notice
    );
    drop(store::open(&files[1]).expect("nothing is locked on the key"));
    keys(&mut p, "x");
    assert!(
        p.notice
            .as_ref()
            .unwrap()
            .text
            .ends_with("a moment, please")
    );
    settle(&mut p);
    assert!(
        store::open(&files[1]).is_err(),
        "held while the copy is chosen"
    );
    assert!(screen(&mut p, 80, 24).contains("Merge a copy in"));
    press(&mut p, KeyCode::Esc);
    assert_eq!(p.notice.as_ref().unwrap().text, "Nothing was merged");
}

/// A session whose file cannot be made gives back the form with what was typed in it, and
/// says why.
#[test]
fn a_theme_whose_file_cannot_be_made_is_kept_in_its_form() {
    let dir = tempfile::tempdir().unwrap();
    // A data directory that is a file: nothing can be made in it.
    let not_a_dir = dir.path().join("plain-file");
    std::fs::write(&not_a_dir, "").unwrap();
    let mut p = picker(&not_a_dir, Theme::projector());
    keys(&mut p, "n");
    keys(&mut p, "Quiet voices first");
    press(&mut p, KeyCode::Enter);
    settle(&mut p);
    assert!(p.chosen.is_none());
    assert!(p.notice.as_ref().unwrap().error, "{:?}", p.notice);
    let text = screen(&mut p, 80, 24);
    assert!(text.contains("New session"), "{text}");
    assert!(text.contains("Quiet voices first"), "{text}");
}
