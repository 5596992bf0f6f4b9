//! A knowledge base ready to explore: the data, its index and, for a big one, its names
//! prepared for search. Built off the terminal's thread (at start-up or after an edit), so
//! that the explorer only swaps it in.

use crate::kb::{Index, Kb};
use crate::search::Haystack;
use std::sync::Arc;

/// From this many organisations on, the names are prepared for search with the rest of the
/// data, not when a finder first opens (preparing a million names takes a good part of a
/// second).
pub const PREPARE_SEARCH_FROM: usize = 50_000;

pub struct Loaded {
    pub kb: Kb,
    pub index: Index,
    pub haystack: Option<Arc<Haystack>>,
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
        }
    }
}
