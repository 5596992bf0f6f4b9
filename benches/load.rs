//! Opening a knowledge base folder: parsing the RON, validating and indexing it, against
//! reading the same knowledge base from the binary cache (then indexing it). At 1k, 100k and
//! 1M organisations (the folders are written once under `target/bench-data/`).

mod synth;

use alliances::kb::cache::Cache;
use alliances::kb::load::load_path_with;
use alliances::loaded::Loaded;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    for (name, orgs) in [("1k", 1_000), ("100k", 100_000), ("1m", 1_000_000)] {
        let dir = synth::folder(orgs);
        let bytes: u64 = alliances::kb::load::ron_files(&dir)
            .unwrap()
            .iter()
            .map(|f| std::fs::metadata(f).unwrap().len())
            .sum();
        group.throughput(Throughput::Bytes(bytes));
        group.bench_function(BenchmarkId::new("ron", name), |b| {
            b.iter(|| {
                let kb = load_path_with(&dir, None, &mut |_| {}).unwrap();
                black_box(Loaded::new(kb))
            })
        });
        let cache_dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(cache_dir.path());
        // The first load stores the entry (the 1k folder is below the size worth caching).
        load_path_with(&dir, Some(&cache), &mut |_| {}).unwrap();
        group.bench_function(BenchmarkId::new("cached", name), |b| {
            b.iter(|| {
                let kb = load_path_with(&dir, Some(&cache), &mut |_| {}).unwrap();
                black_box(Loaded::new(kb))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
