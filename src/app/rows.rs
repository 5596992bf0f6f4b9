//! The rows of the current screen's list: a listing narrowed by its filter and put in its
//! order, as of the day. Worked out when one of those (or the data) changes: at once for a
//! small knowledge base, on a thread of its own for a big one, where the screen keeps the last
//! rows, marked as being worked out, until the new ones come (a letter typed meanwhile only
//! replaces the request).

use crate::kb::Day;
use crate::listing::{self, Filter, Listing, Order, Scope};
use crate::loaded::Loaded;
use crate::search::{Haystack, Searcher};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

/// Lists of at least this many rows are worked out on another thread.
pub const BACKGROUND_FROM: usize = 200_000;

/// What a list's rows depend on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Want {
    pub listing: Listing,
    pub filter: String,
    pub order: Order,
    pub day: Day,
    /// Which data (a reload makes new data).
    pub data: usize,
}

/// The rows shown, what they were worked out for, and the work under way.
pub struct Rows {
    rows: Arc<Vec<u32>>,
    shown: Option<Want>,
    /// Why the latest filter could not be read (the rows stay those of the last good one).
    error: Option<String>,
    pending: Option<Want>,
    worker: Option<Worker>,
    /// Narrows a growing filter's text matches from the last ones.
    searcher: Option<(Listing, Searcher)>,
    background_from: usize,
}

impl Default for Rows {
    fn default() -> Self {
        Rows {
            rows: Arc::new(Vec::new()),
            shown: None,
            error: None,
            pending: None,
            worker: None,
            searcher: None,
            background_from: BACKGROUND_FROM,
        }
    }
}

/// What came of asking for rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// The rows shown are those wanted.
    Ready,
    /// They changed just now.
    Changed,
    /// They are being worked out; the rows shown are older.
    Working,
}

impl Rows {
    /// Works on another thread from this many rows on (for tests of that path).
    pub fn in_background_from(&mut self, rows: usize) {
        self.background_from = rows;
    }

    pub fn get(&self) -> &[u32] {
        &self.rows
    }

    /// The listing the rows shown are of.
    pub fn listing(&self) -> Option<Listing> {
        self.shown.as_ref().map(|w| w.listing)
    }

    /// Why the filter typed last cannot be read.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Whether newer rows are being worked out.
    pub fn working(&self) -> bool {
        self.pending.is_some()
    }

    /// No rows (the screen has no list).
    pub fn clear(&mut self) {
        if self.shown.is_some() || !self.rows.is_empty() {
            *self = Rows {
                background_from: self.background_from,
                ..Rows::default()
            };
        }
    }

    /// Makes the rows those `want` asks for, at once or on the worker.
    pub fn ask(&mut self, loaded: &Arc<Loaded>, haystack: &Arc<Haystack>, want: Want) -> Asked {
        if self.shown.as_ref() == Some(&want) {
            self.pending = None;
            return Asked::Ready;
        }
        if self.pending.as_ref() == Some(&want) {
            return Asked::Working;
        }
        let total = want.listing.total(&loaded.kb, &loaded.index);
        if total < self.background_from {
            let searcher = match &mut self.searcher {
                Some((l, s)) if *l == want.listing => s,
                _ => {
                    let s = match want.listing.kind() {
                        Some(kind) => Searcher::within(kind),
                        None => Searcher::new(),
                    };
                    &mut self.searcher.insert((want.listing, s)).1
                }
            };
            let result = work(loaded, haystack, &want, searcher);
            self.take(want, result);
            self.pending = None;
            return Asked::Changed;
        }
        let worker = self.worker.get_or_insert_with(Worker::spawn);
        worker.send(loaded.clone(), haystack.clone(), want.clone());
        self.pending = Some(want);
        Asked::Working
    }

    /// Takes in rows the worker has finished; true if the rows shown changed.
    pub fn poll(&mut self) -> bool {
        let Some(worker) = &self.worker else {
            return false;
        };
        let replies: Vec<Reply> = worker.replies.try_iter().collect();
        let mut changed = false;
        for (want, result) in replies {
            if self.pending.as_ref() == Some(&want) {
                self.take(want, result);
                self.pending = None;
                changed = true;
            }
        }
        changed
    }

    fn take(&mut self, want: Want, result: Result<Vec<u32>, String>) {
        match result {
            Ok(rows) => {
                self.rows = Arc::new(rows);
                self.error = None;
                self.shown = Some(want);
            }
            // A filter that cannot be read leaves the rows of the last good one.
            Err(why) => {
                self.error = Some(why);
                if self.shown.is_none() {
                    self.shown = Some(want);
                }
            }
        }
    }
}

/// The rows `want` asks for: the filter read, its text matched with the search (which narrows
/// a growing text from the last matches), the terms applied, the order put.
fn work(
    loaded: &Loaded,
    haystack: &Haystack,
    want: &Want,
    searcher: &mut Searcher,
) -> Result<Vec<u32>, String> {
    let scope = Scope {
        kb: &loaded.kb,
        index: &loaded.index,
        day: want.day,
    };
    let filter = Filter::parse(&scope, want.listing, &want.filter).map_err(|e| e.0)?;
    let hits: Option<Vec<u32>> =
        (want.listing.kind().is_some() && !filter.text.is_empty()).then(|| {
            searcher
                .search(haystack, &filter.text)
                .hits
                .iter()
                .map(|h| haystack.entry(h.entry).ix() as u32)
                .collect()
        });
    let ranks = loaded.name_ranks(want.listing, want.day);
    Ok(listing::rows(
        &scope,
        want.listing,
        &filter,
        want.order,
        hits.as_deref(),
        Some(&ranks),
    ))
}

type Request = (Arc<Loaded>, Arc<Haystack>, Want);
type Reply = (Want, Result<Vec<u32>, String>);

/// The thread that works out big lists: it takes the latest request waiting and drops the
/// older ones.
struct Worker {
    requests: Sender<Request>,
    replies: Receiver<Reply>,
}

impl Worker {
    fn spawn() -> Self {
        let (requests, inbox) = mpsc::channel::<Request>();
        let (outbox, replies) = mpsc::channel();
        std::thread::spawn(move || {
            let mut searcher: Option<(Listing, Searcher)> = None;
            while let Ok(mut request) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                let (loaded, haystack, want) = request;
                let s = match &mut searcher {
                    Some((l, s)) if *l == want.listing => s,
                    _ => {
                        let s = match want.listing.kind() {
                            Some(kind) => Searcher::within(kind),
                            None => Searcher::new(),
                        };
                        &mut searcher.insert((want.listing, s)).1
                    }
                };
                let result = work(&loaded, &haystack, &want, s);
                if outbox.send((want, result)).is_err() {
                    return;
                }
            }
        });
        Worker { requests, replies }
    }

    fn send(&self, loaded: Arc<Loaded>, haystack: Arc<Haystack>, want: Want) {
        let _ = self.requests.send((loaded, haystack, want));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::TEST_DAY;

    fn want(filter: &str) -> Want {
        Want {
            listing: Listing::Organizations,
            filter: filter.into(),
            order: Order::of(Listing::Organizations),
            day: TEST_DAY,
            data: 0,
        }
    }

    fn loaded() -> (Arc<Loaded>, Arc<Haystack>) {
        let loaded = Loaded::new(crate::kb::load_embedded().unwrap());
        let haystack = Arc::new(Haystack::everything(&loaded.kb));
        (Arc::new(loaded), haystack)
    }

    #[test]
    fn rows_follow_the_filter_and_keep_the_last_good_ones_on_an_error() {
        let (loaded, haystack) = loaded();
        let mut rows = Rows::default();
        assert_eq!(rows.ask(&loaded, &haystack, want("")), Asked::Changed);
        let all = rows.get().len();
        assert_eq!(all, loaded.kb.organizations.len());
        assert_eq!(rows.ask(&loaded, &haystack, want("")), Asked::Ready);
        rows.ask(&loaded, &haystack, want("univ country:de"));
        let german = rows.get().to_vec();
        assert!(!german.is_empty() && german.len() < all);
        assert!(
            german
                .iter()
                .all(|&o| { loaded.kb.organizations[o as usize].country.as_deref() == Some("DE") })
        );
        rows.ask(&loaded, &haystack, want("univ cuntry:de"));
        assert!(rows.error().unwrap().contains("unknown field `cuntry:`"));
        assert_eq!(rows.get(), german);
    }

    #[test]
    fn big_lists_are_worked_out_on_another_thread() {
        let (loaded, haystack) = loaded();
        let mut rows = Rows::default();
        rows.in_background_from(0);
        assert_eq!(
            rows.ask(&loaded, &haystack, want("kind:university")),
            Asked::Working
        );
        assert!(rows.working());
        let start = std::time::Instant::now();
        while !rows.poll() {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(20),
                "no answer"
            );
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert!(!rows.working() && !rows.get().is_empty());
        assert_eq!(
            rows.ask(&loaded, &haystack, want("kind:university")),
            Asked::Ready
        );
    }
}
