//! One full frame of each pane with the extreme session, at a projector's usual size and a
//! very large terminal. Bar (issue 6): every pane under 4 ms, so a keystroke is handled and
//! drawn within one 16 ms frame. Each frame is drawn into a cleared buffer, as the
//! terminal does before diffing it against the last one.

mod common;

use convene::ui::{App, PaneId, Theme};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let f = common::extreme();
    let now = f.journal.events.last().expect("events").at;
    let mut app = App::new(f.journal, "extreme".into(), Theme::projector(), now);
    for (width, height) in [(160, 48), (320, 90)] {
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        let mut group = c.benchmark_group(format!("render/extreme/{width}x{height}"));
        group.measurement_time(Duration::from_secs(3));
        for pane in PaneId::ALL {
            app.pane = pane;
            for present in [false, true] {
                app.present = present;
                let name = if present {
                    format!("{} (present)", pane.title())
                } else {
                    pane.title().to_string()
                };
                group.bench_function(name, |b| {
                    b.iter(|| {
                        buf.reset();
                        app.render(area, &mut buf);
                    })
                });
            }
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
