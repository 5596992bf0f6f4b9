//! The first letter of a search is ranked by a byte scan rather than the fuzzy scorer: on the
//! synthetic knowledge base's names (accented, CJK and emoji among them), every letter and
//! digit gives the very hits the scorer gives, in the same order.

#[path = "../benches/synth/mod.rs"]
mod synth;

use alliances::kb::EntityKind;
use alliances::search::{Haystack, Searcher};

#[test]
fn every_single_character_ranks_as_the_scorer_ranks() {
    let kb = synth::generate(20_000);
    let haystack = Haystack::everything(&kb);
    for c in ('a'..='z').chain('0'..='9') {
        let q = c.to_string();
        for scope in [None, Some(EntityKind::Org)] {
            let searcher = || scope.map_or_else(Searcher::new, Searcher::within);
            let scan = searcher().search(&haystack, &q);
            let scorer = searcher().scorer_only().search(&haystack, &q);
            if "aeiou".contains(c) {
                assert!(scan.hits.len() > 1000, "{q}: {} hits", scan.hits.len());
            }
            assert_eq!(scan.hits.len(), scorer.hits.len(), "{q}");
            assert_eq!(
                scan.hits[..20.min(scan.hits.len())],
                scorer.hits[..20.min(scan.hits.len())],
                "top of {q}"
            );
            assert!(
                scan.hits == scorer.hits,
                "every hit of {q} in the same place"
            );
        }
    }
    // The next letter narrows from the scan's hits as from the scorer's.
    let mut scan = Searcher::within(EntityKind::Org);
    let mut scorer = Searcher::within(EntityKind::Org).scorer_only();
    for q in ["u", "un", "uni"] {
        assert_eq!(
            scan.search(&haystack, q).hits,
            scorer.search(&haystack, q).hits,
            "{q}"
        );
    }
}
