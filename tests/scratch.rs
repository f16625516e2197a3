use convene::ui::testkit::{screen, type_text};
use convene::ui::{App, PaneId, Theme};

fn demo_app() -> App {
    let mut app = App::new(convene::demo::build(), "demo".into(), Theme::projector(), convene::demo::time(16, 40));
    app.panes.closing.file = Some("/home/facilitator/sessions/havering-vale.json".into());
    app
}

#[test]
fn show() {
    let pane = std::env::var("PANE").unwrap_or("6".into());
    let keys = std::env::var("KEYS").unwrap_or_default();
    let size = std::env::var("SIZE").unwrap_or("80x24".into());
    let (w, h) = size.split_once('x').unwrap();
    let mut app = demo_app();
    if let Ok(t) = std::env::var("AT") { let (h, m) = t.split_once(':').unwrap(); app.now = convene::demo::time(h.parse().unwrap(), m.parse().unwrap()); }
    type_text(&mut app, &pane);
    type_text(&mut app, &keys);
    let _ = PaneId::Opening;
    println!("{}", screen(&mut app, w.parse().unwrap(), h.parse().unwrap()));
}
