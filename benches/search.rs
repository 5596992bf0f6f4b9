//! A member search typed letter by letter, as in the explorer: the names of every entity
//! prepared once, the search limited to organisations, each letter narrowing the last results
//! on every core. At 10k, 100k and 1M organisations, and on the built-in knowledge base. The
//! first letter alone is measured with and without the one-character scan.

mod synth;

use alliances::kb::EntityKind;
use alliances::search::{Haystack, Searcher};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// Queries typed one letter at a time: a common word, a scattered fuzzy query, an accented
/// name typed without accents, a rare name.
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
    let sizes = [
        ("built-in", None),
        ("10k", Some(10_000)),
        ("100k", Some(100_000)),
        ("1m", Some(1_000_000)),
    ];
    for (name, orgs) in sizes {
        let kb = match orgs {
            Some(n) => synth::generate(n),
            None => alliances::kb::load_embedded().expect("valid"),
        };
        let haystack = Haystack::everything(&kb);
        drop(kb);
        for query in QUERIES {
            // Per letter typed.
            group.throughput(Throughput::Elements(query.chars().count() as u64));
            group.bench_with_input(BenchmarkId::new(name, query), query, |b, q| {
                b.iter(|| {
                    // A fresh searcher: the first letter searches everything.
                    let mut searcher = Searcher::within(EntityKind::Org);
                    black_box(type_query(&mut searcher, &haystack, q))
                })
            });
        }
        // The worst keystroke: the first letter, over every name, with the byte scan that
        // ranks a one-character query and, as the baseline, with the fuzzy scorer alone.
        group.throughput(Throughput::Elements(1));
        for letter in ["a", "e"] {
            for (how, scorer_only) in [("scan", false), ("scorer", true)] {
                let id = BenchmarkId::new(name, format!("first letter {letter} ({how})"));
                group.bench_function(id, |b| {
                    b.iter(|| {
                        let mut searcher = Searcher::within(EntityKind::Org);
                        if scorer_only {
                            searcher = searcher.scorer_only();
                        }
                        black_box(searcher.search(&haystack, letter).hits.len())
                    })
                });
            }
        }
    }
    group.finish();
}

criterion_group!(benches, keystrokes);
criterion_main!(benches);
