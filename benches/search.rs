//! Typing a search query letter by letter, as in the explorer's member search: each letter
//! narrows the last results. Over the built-in knowledge base and synthetic ones.

mod synth;

use alliances::search::{Haystack, Searcher};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// Queries typed one letter at a time: a common prefix, a scattered fuzzy query, an accented
/// name typed without accents.
const QUERIES: &[&str] = &["univ", "qdl", "ecole", "telekom"];

fn type_query(searcher: &mut Searcher, haystack: &Haystack, query: &str) -> usize {
    let mut found = 0;
    let mut typed = String::new();
    for c in query.chars() {
        typed.push(c);
        found = searcher.search(haystack, &typed).hits.len();
    }
    found
}

fn keystrokes(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke");
    group.sample_size(10);
    let kbs = [
        (
            "built-in".to_string(),
            alliances::kb::load_embedded().expect("valid"),
        ),
        ("10k".to_string(), synth::generate(10_000)),
        ("100k".to_string(), synth::generate(100_000)),
    ];
    for (name, kb) in &kbs {
        let haystack = Haystack::organizations(kb);
        for query in QUERIES {
            group.throughput(Throughput::Elements(query.chars().count() as u64));
            group.bench_with_input(BenchmarkId::new(name.as_str(), query), query, |b, q| {
                b.iter(|| {
                    // A fresh searcher: the first letter searches everything.
                    let mut searcher = Searcher::new();
                    black_box(type_query(&mut searcher, &haystack, q))
                })
            });
        }
        // The worst keystroke: the first letter, over every name.
        group.throughput(Throughput::Elements(1));
        group.bench_function(BenchmarkId::new(name.as_str(), "first letter"), |b| {
            b.iter(|| black_box(Searcher::new().search(&haystack, "a").hits.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, keystrokes);
criterion_main!(benches);
