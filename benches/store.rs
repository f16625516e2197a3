//! Loading and saving whole session files. Bars (issue 6): loading is faster than `jq empty`
//! reads the same file (see benches/load_vs_jq.sh for the side-by-side run), and a typical
//! session saves in under 5 ms.

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

fn save(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    for f in [common::typical(), common::extreme()] {
        let mut group = c.benchmark_group(format!("save/{}", f.name));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(8));
        let now = convene::synth::start();
        group.bench_function("to_bytes", |b| {
            b.iter(|| store::to_bytes(&f.meta, black_box(&f.journal), now))
        });
        let path = dir.path().join(format!("{}.json", f.name));
        group.bench_function("to_bytes and write_atomic", |b| {
            b.iter(|| {
                let bytes = store::to_bytes(&f.meta, black_box(&f.journal), now);
                store::write_atomic(&path, &bytes).unwrap()
            })
        });
        group.finish();
    }
}

criterion_group!(benches, load, save);
criterion_main!(benches);
