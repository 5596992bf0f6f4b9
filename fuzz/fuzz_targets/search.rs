//! Any query, typed letter by letter over the built-in knowledge base (operators, accents,
//! invalid text read lossily): never a panic, each letter's hits are real entries, best first,
//! and the highlighted characters lie inside the name they mark.

#![no_main]

use alliances::search::{Haystack, Hit, Searcher};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static HAYSTACK: LazyLock<Haystack> = LazyLock::new(|| {
    Haystack::everything(
        &alliances::kb::load::load_embedded().expect("the built-in knowledge base is valid"),
    )
});

/// Better hits first: tier, then score, then shorter names.
fn rank(hit: &Hit) -> (u8, std::cmp::Reverse<u16>, u8) {
    (hit.tier, std::cmp::Reverse(hit.score), hit.len)
}

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let haystack = &*HAYSTACK;
    let mut searcher = Searcher::new();
    let mut typed = String::new();
    for c in query.chars().take(64) {
        typed.push(c);
        let results = searcher.search(haystack, &typed);
        assert!(results.hits.len() <= haystack.len());
        for pair in results.hits.windows(2) {
            assert!(rank(&pair[0]) <= rank(&pair[1]), "{typed:?}: {pair:?}");
        }
        for hit in results.hits.iter().take(20) {
            let text = haystack.text(hit.text);
            let chars = text.chars().count();
            for i in searcher.indices(haystack, &typed, hit.text) {
                assert!(i < chars, "{typed:?} marks {i} of {text:?}");
            }
        }
    }
});
