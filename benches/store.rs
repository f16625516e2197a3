//! Loading and saving whole session files. Bars (issue 6): loading is faster than `jq empty`
//! reads the same file (see benches/load_vs_jq.sh for the side-by-side run), a typical
//! session saves in under 5 ms, and during a save of the extreme session keys are still
//! handled and drawn (the app saves on a background thread: `store::Saver`). Issue 14: a
//! save costs at most 1.3x writing and syncing the same bytes, at 1k, 10k and 100k events.

mod common;

use convene::store;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn load(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    for f in [common::typical(), common::extreme()] {
        let mut group = c.benchmark_group(format!("load/{}", f.name));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(8));
        group.bench_function("parse and rebuild from memory", |b| {
            b.iter(|| store::parse(Path::new("bench.json"), black_box(&f.bytes)).unwrap())
        });
        let path = dir.path().join(format!("{}.json", f.name));
        std::fs::write(&path, &f.bytes).unwrap();
        group.bench_function("read, parse and rebuild a file", |b| {
            b.iter(|| store::load(black_box(&path)).unwrap())
        });
        group.finish();
    }
}

/// Saves at three sizes (issue 14: a save costs at most 1.3x writing and syncing the same
/// bytes, whatever the length of the log). The saver keeps each event's bytes from when it
/// arrived, so a save serializes only the header and snapshot and writes the kept bytes.
fn save(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let sizes = [
        ("1k", 60, 40, 1_000),
        ("10k", 200, 300, 10_000),
        ("100k", 300, 1_000, 100_000),
    ];
    for (name, participants, issues, events) in sizes {
        let params = convene::synth::SynthParams {
            participants,
            issues,
            events,
            seed: 1,
        };
        let f = common::fixture(name, &params);
        let mut group = c.benchmark_group(format!("save/{name} events"));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(6));
        let now = convene::synth::start();
        let log = store::LogBytes::of(&f.journal.events);
        let path = dir.path().join(format!("{name}.json"));
        group.bench_function("header and snapshot (event bytes kept)", |b| {
            b.iter(|| {
                store::FileParts::new(&f.meta, black_box(&f.journal.session), now, &log).len()
            })
        });
        group.bench_function("save: header and snapshot, then the atomic write", |b| {
            b.iter(|| {
                let file = store::FileParts::new(&f.meta, black_box(&f.journal.session), now, &log);
                store::write_atomic_parts(&path, &file.slices()).unwrap()
            })
        });
        let bytes = store::to_bytes(&f.meta, &f.journal, now);
        group.bench_function("reference: the atomic write of the same bytes", |b| {
            b.iter(|| store::write_atomic(&path, black_box(&bytes)).unwrap())
        });
        group.bench_function("to_bytes (the whole log serialized afresh)", |b| {
            b.iter(|| store::to_bytes(&f.meta, black_box(&f.journal), now))
        });
        group.finish();
    }
}

/// A key handled and the frame drawn while the background saver writes the extreme
/// session: before each key the app records a change and hands it to the saver, as the
/// event loop does, so a save (a few hundred ms for 23 MB) is always under way.
fn key_during_save(c: &mut Criterion) {
    use convene::model::Change;
    use convene::ui::testkit::key;
    use convene::ui::{App, Theme};
    use ratatui::buffer::Buffer;
    use ratatui::crossterm::event::KeyCode;
    use ratatui::layout::Rect;

    let f = common::extreme();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("extreme.json");
    std::fs::write(&path, &f.bytes).unwrap();
    let now = convene::synth::start();
    let lock = store::lock(&path).unwrap();
    let mut saver = store::Saver::start(lock, f.meta.clone(), &f.journal);
    let mut app = App::new(f.journal, "extreme".into(), Theme::projector(), now);
    let area = Rect::new(0, 0, 160, 48);
    let mut buf = Buffer::empty(area);
    let themes = ["Joining up care", "Joining up care at home"];
    let keys = [key(KeyCode::Char('2')), key(KeyCode::Char('3'))];
    let mut turn = 0;
    let mut group = c.benchmark_group("save/extreme");
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("key handled and drawn while saving", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                turn ^= 1;
                let theme = themes[turn].to_string();
                let event = app.journal.record(now, Change::ThemeSet { theme }).unwrap();
                saver.push(event.clone());
                let start = std::time::Instant::now();
                app.handle(&keys[turn]);
                buf.reset();
                app.render(area, &mut buf);
                spent += start.elapsed();
            }
            spent
        })
    });
    group.finish();
    assert_eq!(saver.finish(), store::SaveState::Saved);
}

criterion_group!(benches, load, save, key_during_save);
criterion_main!(benches);
