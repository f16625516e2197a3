//! Snapshots of the Vote, Leads and Closing panes on the demo session, at the smallest
//! common size (80x24) and a projector-like one (160x48), in each theme. The text is the
//! same in every theme (TestBackend snapshots hold no colour); the themes' styles are
//! checked in the app tests.

use crate::support::room::typed;
use convene::ui::testkit::draw;
use convene::ui::{App, PaneId, Theme};

fn demo_app(theme: Theme) -> App {
    let mut app = App::new(
        convene::demo::build(),
        "demo".into(),
        theme,
        convene::demo::time(16, 40),
    );
    app.panes.closing.file = Some("/home/facilitator/sessions/havering-vale.json".into());
    app
}

fn themes() -> [(&'static str, Theme); 3] {
    [
        ("projector", Theme::projector()),
        ("dark", Theme::dark()),
        ("light", Theme::light()),
    ]
}

fn snapshot_pane(pane: PaneId, keys: &str) {
    for (name, theme) in themes() {
        for (w, h) in [(80, 24), (160, 48)] {
            let mut app = demo_app(theme);
            app.pane = pane;
            typed(&mut app, keys);
            let terminal = draw(&mut app, w, h);
            insta::assert_snapshot!(
                format!("{}_{w}x{h}_{name}", pane.title().to_lowercase()),
                terminal.backend()
            );
        }
    }
}

#[test]
fn vote() {
    snapshot_pane(PaneId::Vote, "");
}

#[test]
fn leads() {
    snapshot_pane(PaneId::Leads, "");
}

#[test]
fn closing() {
    snapshot_pane(PaneId::Closing, "");
}

#[test]
fn vote_breakdown_and_present() {
    let mut app = demo_app(Theme::projector());
    app.pane = PaneId::Vote;
    typed(&mut app, "g");
    insta::assert_snapshot!("vote_breakdown_80x24", draw(&mut app, 80, 24).backend());
    typed(&mut app, "gf");
    insta::assert_snapshot!("vote_present_160x48", draw(&mut app, 160, 48).backend());
}
