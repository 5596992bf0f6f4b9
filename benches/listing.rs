//! The lists of the whole field at 100k and 1M organisations: a filter typed letter by letter
//! (as in the explorer, each letter narrowing the last matches), field terms over every row,
//! and every order of the Organisations view. The search of the same letters is measured
//! alongside, as the baseline a filter is held to.

mod synth;

use alliances::kb::{Day, EntityKind};
use alliances::listing::{self, Filter, Listing, Order, Scope, SortKey};
use alliances::loaded::Loaded;
use alliances::search::{Haystack, Searcher};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// The rows of the Organisations view for `text`, as the explorer works them out: the words
/// matched by `searcher` (narrowing from its last query), the terms applied, the order put
/// with the names' places kept by `loaded`.
fn rows(
    loaded: &Loaded,
    scope: &Scope,
    haystack: &Haystack,
    searcher: &mut Searcher,
    text: &str,
    order: Order,
) -> usize {
    let filter = Filter::parse(scope, Listing::Organizations, text).expect("a good filter");
    let hits: Option<Vec<u32>> = (!filter.text.is_empty()).then(|| {
        searcher
            .search(haystack, &filter.text)
            .hits
            .iter()
            .map(|h| haystack.entry(h.entry).ix() as u32)
            .collect()
    });
    let ranks = loaded.name_ranks(Listing::Organizations, scope.day);
    listing::rows(
        scope,
        Listing::Organizations,
        &filter,
        order,
        hits.as_deref(),
        Some(&ranks),
    )
    .len()
}

/// `text` typed one letter at a time with a fresh searcher: `step` after each letter, on what
/// is typed so far; what the last one found.
fn type_letters(text: &str, mut step: impl FnMut(&mut Searcher, &str) -> usize) -> usize {
    let mut searcher = Searcher::within(EntityKind::Org);
    let mut typed = String::new();
    let mut found = 0;
    for c in text.chars() {
        typed.push(c);
        found = step(&mut searcher, &typed);
    }
    black_box(found)
}

fn lists(c: &mut Criterion) {
    let mut group = c.benchmark_group("listing");
    group.sample_size(10);
    for (name, orgs) in [("100k", 100_000), ("1m", 1_000_000)] {
        let loaded = Loaded::new(synth::generate(orgs));
        let haystack = loaded
            .haystack
            .clone()
            .unwrap_or_else(|| std::sync::Arc::new(Haystack::everything(&loaded.kb)));
        let scope = Scope {
            kb: &loaded.kb,
            index: &loaded.index,
            day: Day::ARTICLE,
        };
        let by_name = Order::of(Listing::Organizations);
        // Once per knowledge base and day: every organisation's place by name.
        group.bench_function(BenchmarkId::new(name, "name ranks"), |b| {
            b.iter(|| black_box(listing::order::name_ranks(&scope, Listing::Organizations).len()))
        });
        // Per letter typed: the search alone (the baseline), then the whole filter.
        group.throughput(Throughput::Elements(4));
        group.bench_function(BenchmarkId::new(name, "search univ"), |b| {
            b.iter(|| {
                type_letters("univ", |searcher, typed| {
                    searcher.search(&haystack, typed).hits.len()
                })
            })
        });
        group.bench_function(BenchmarkId::new(name, "filter univ"), |b| {
            b.iter(|| {
                type_letters("univ", |searcher, typed| {
                    rows(&loaded, &scope, &haystack, searcher, typed, by_name)
                })
            })
        });
        group.throughput(Throughput::Elements(1));
        for terms in [
            "country:de",
            "kind:university alliances:>1",
            "in:alliance-7",
        ] {
            group.bench_function(BenchmarkId::new(name, format!("filter {terms}")), |b| {
                b.iter(|| {
                    let mut searcher = Searcher::within(EntityKind::Org);
                    black_box(rows(
                        &loaded,
                        &scope,
                        &haystack,
                        &mut searcher,
                        terms,
                        by_name,
                    ))
                })
            });
        }
        for &key in SortKey::of(Listing::Organizations) {
            for reverse in [false, true] {
                let order = Order { key, reverse };
                group.bench_function(
                    BenchmarkId::new(name, format!("sort {}", order.label())),
                    |b| {
                        b.iter(|| {
                            let mut searcher = Searcher::within(EntityKind::Org);
                            black_box(rows(&loaded, &scope, &haystack, &mut searcher, "", order))
                        })
                    },
                );
            }
        }
    }
    group.finish();
}

criterion_group!(benches, lists);
criterion_main!(benches);
