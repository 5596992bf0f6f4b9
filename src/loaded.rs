//! A knowledge base ready to explore: the data, its index and, for a big one, its names
//! prepared for search. Built off the terminal's thread (at start-up or after an edit), so
//! that the explorer only swaps it in.

use crate::kb::{Day, Index, Kb};
use crate::listing::{Listing, Scope, order::name_ranks};
use crate::search::Haystack;
use std::sync::{Arc, Mutex};

/// A list's rows' places by name on a day.
type KeptRanks = (Listing, Day, Arc<Vec<u32>>);

/// How many lists' orders by name are kept (one per list and day shown lately).
const RANKS_KEPT: usize = 4;

/// From this many organisations on, the names are prepared for search with the rest of the
/// data, not when a finder first opens (preparing a million names takes a good part of a
/// second).
pub const PREPARE_SEARCH_FROM: usize = 50_000;

pub struct Loaded {
    pub kb: Kb,
    pub index: Index,
    pub haystack: Option<Arc<Haystack>>,
    /// Each list's rows' places by name on a day, worked out when first sorted.
    ranks: Mutex<Vec<KeptRanks>>,
}

impl Loaded {
    /// Indexes `kb`, and prepares its names for search if it is big (both at once, on two
    /// cores).
    pub fn new(kb: Kb) -> Self {
        let (index, haystack) = if kb.organizations.len() >= PREPARE_SEARCH_FROM {
            std::thread::scope(|s| {
                let names = s.spawn(|| Haystack::everything(&kb));
                let index = Index::new(&kb);
                let haystack = names
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (index, Some(Arc::new(haystack)))
            })
        } else {
            (Index::new(&kb), None)
        };
        if haystack.is_some() {
            crate::memory::give_back();
        }
        Loaded {
            kb,
            index,
            haystack,
            ranks: Mutex::new(Vec::new()),
        }
    }

    /// The places by name of the rows of `listing` on `day` (see [`name_ranks`]): worked out
    /// once, then kept while the list and the day are among the latest.
    pub fn name_ranks(&self, listing: Listing, day: Day) -> Arc<Vec<u32>> {
        let kept = |ranks: &mut Vec<KeptRanks>| {
            let at = ranks
                .iter()
                .position(|(l, d, _)| (*l, *d) == (listing, day))?;
            // The latest used last.
            let entry = ranks.remove(at);
            let found = entry.2.clone();
            ranks.push(entry);
            Some(found)
        };
        if let Some(found) = kept(&mut self.ranks.lock().unwrap_or_else(|e| e.into_inner())) {
            return found;
        }
        let scope = Scope {
            kb: &self.kb,
            index: &self.index,
            day,
        };
        let ranks = Arc::new(name_ranks(&scope, listing));
        let mut cache = self.ranks.lock().unwrap_or_else(|e| e.into_inner());
        if cache.len() >= RANKS_KEPT {
            cache.remove(0);
        }
        cache.push((listing, day, ranks.clone()));
        ranks
    }
}
