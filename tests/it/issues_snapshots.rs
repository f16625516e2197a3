//! Snapshots of the Opening and Issues panes and the issue detail with the built-in demo
//! session, at 80x24 and 160x48, in each theme (text only: colours are checked in
//! `issues_app.rs`).

use crate::support::fixture;
use crate::support::fixture::at;
use convene::ui::testkit::{draw, press, type_text};
use convene::ui::{App, PaneId, Theme};
use ratatui::crossterm::event::KeyCode;

type Named<F> = (&'static str, F);

const THEMES: [Named<fn() -> Theme>; 3] = [
    ("projector", Theme::projector),
    ("dark", Theme::dark),
    ("light", Theme::light),
];
const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn demo(theme: Theme) -> App {
    App::new(convene::demo::build(), "demo".into(), theme, at(10, 42))
}

fn each(name: &str, setup: impl Fn(&mut App)) {
    for (theme_name, theme) in THEMES {
        for (w, h) in SIZES {
            let mut app = demo(theme());
            setup(&mut app);
            insta::assert_snapshot!(
                format!("{name}_{theme_name}_{w}x{h}"),
                draw(&mut app, w, h).backend()
            );
        }
    }
}

#[test]
fn opening() {
    each("opening", |_| {});
}

#[test]
fn issues() {
    each("issues", |app| app.pane = PaneId::Issues);
}

#[test]
fn issue_detail() {
    each("detail", |app| {
        app.pane = PaneId::Issues;
        press(app, KeyCode::Enter);
    });
}

/// Forms and present mode, in the default theme.
#[test]
fn forms_and_present_mode() {
    let shots: [Named<fn(&mut App)>; 6] = [
        ("add_form", |app| {
            type_text(app, "2a");
            type_text(app, "Weekend pharmacy");
            press(app, KeyCode::Tab);
            type_text(app, "ma");
        }),
        ("editor", |app| type_text(app, "2e")),
        ("merge", |app| type_text(app, "2m")),
        ("roster", |app| type_text(app, "p")),
        ("present_opening", |app| type_text(app, "f")),
        ("present_issues", |app| type_text(app, "2f")),
    ];
    for (name, setup) in shots {
        for (w, h) in SIZES {
            let mut app = demo(Theme::projector());
            setup(&mut app);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(&mut app, w, h).backend());
        }
    }
}

/// A short theme is drawn in big letters; the snapshot shows what the room sees.
#[test]
fn short_theme_in_big_letters() {
    let mut journal = fixture::empty();
    journal
        .record(
            at(9, 1),
            convene::model::Change::ThemeSet {
                theme: "Home, well".into(),
            },
        )
        .unwrap();
    for (w, h) in SIZES {
        let mut app = App::new(journal.clone(), "x".into(), Theme::projector(), at(10, 42));
        insta::assert_snapshot!(format!("big_theme_{w}x{h}"), draw(&mut app, w, h).backend());
    }
}
