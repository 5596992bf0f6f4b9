//! The search popup's state: which finder, the query, the ranked results, the selection and
//! the highlighted characters of the rows on screen.

use super::Cursor;
use crate::kb::{Day, EntityKind, Index, Kb};
use crate::search::{Haystack, Results, Searcher};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

/// Which finder is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FinderKind {
    /// `/`: every organisation, by name and other names.
    Members,
    /// `Ctrl-p`: alliances, organisations, focus areas and artifacts.
    Anything,
    /// `p`: where a path from this entity should go.
    PathFrom(crate::kb::Entity),
}

impl FinderKind {
    pub fn title(self) -> &'static str {
        match self {
            FinderKind::Members => "Search members",
            FinderKind::Anything => "Go to anything",
            FinderKind::PathFrom(_) => "Path to…",
        }
    }

    pub fn prompt(self) -> &'static str {
        match self {
            FinderKind::Members => "/ ",
            FinderKind::Anything => "> ",
            FinderKind::PathFrom(_) => "→ ",
        }
    }

    fn slot(self) -> usize {
        match self {
            FinderKind::Members => 0,
            FinderKind::Anything | FinderKind::PathFrom(_) => 1,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Finder {
    pub kind: FinderKind,
    pub query: String,
    pub results: Results,
    pub cursor: Cursor,
    /// Matched character positions of the rows shown, starting at `cursor.offset`.
    pub highlights: Vec<Vec<usize>>,
    /// What each row shown is tied to (see [`crate::doc::context`]), starting at
    /// `cursor.offset`.
    pub contexts: Vec<String>,
    /// The results are those of an earlier query: the current one is being searched.
    pub searching: bool,
}

impl Finder {
    pub fn new(kind: FinderKind) -> Self {
        Finder {
            kind,
            query: String::new(),
            results: Results::default(),
            cursor: Cursor::default(),
            highlights: Vec::new(),
            contexts: Vec::new(),
            searching: false,
        }
    }

    /// Works out what each row shown is tied to on `day`, once for the rows in view rather
    /// than at every frame.
    pub fn describe(&mut self, haystack: &Haystack, kb: &Kb, index: &Index, day: Day) {
        let start = self.cursor.offset.min(self.results.hits.len());
        let end = self.results.hits.len().min(start + self.highlights.len());
        self.contexts = self.results.hits[start..end]
            .iter()
            .map(|hit| crate::doc::context(kb, index, haystack.entry(hit.entry), day))
            .collect();
    }
}

/// Searches of at least this many names (times the query's terms) run on another thread, so
/// that typing never waits for a search: each letter cancels the search of the one before.
pub const BACKGROUND_FROM: usize = 200_000;

/// The names every finder searches (prepared once, shared with the search thread), and the
/// searchers that remember each finder's last results.
pub struct Finders {
    haystack: Option<Arc<Haystack>>,
    searchers: [Searcher; 2],
    /// For highlighting the rows shown.
    highlighter: Searcher,
    worker: Option<Worker>,
    /// The latest query sent to the worker.
    generation: u64,
    background_from: usize,
}

impl Default for Finders {
    fn default() -> Self {
        Finders::new(None)
    }
}

impl Finders {
    /// Finders over `haystack` (every entity of the knowledge base), or over one built the
    /// first time a finder opens.
    pub fn new(haystack: Option<Arc<Haystack>>) -> Self {
        Finders {
            haystack,
            searchers: [Searcher::within(EntityKind::Org), Searcher::new()],
            highlighter: Searcher::new(),
            worker: None,
            generation: 0,
            background_from: BACKGROUND_FROM,
        }
    }

    /// Searches on another thread from this many entries on (for tests of that path).
    pub fn search_in_background_from(&mut self, entries: usize) {
        self.background_from = entries;
    }

    /// The names searched, prepared on first use.
    pub fn haystack(&mut self, kb: &Kb) -> &Arc<Haystack> {
        self.haystack
            .get_or_insert_with(|| Arc::new(Haystack::everything(kb)))
    }

    /// The names searched, once prepared.
    pub fn prepared(&self) -> Option<&Haystack> {
        self.haystack.as_deref()
    }

    /// Runs the finder's query: at once, or on the search thread (the finder keeps its
    /// results, marked as `searching`, until [`Finders::poll`] brings the new ones).
    pub fn run(&mut self, kb: &Kb, finder: &mut Finder, rows: usize) {
        let haystack = self.haystack(kb).clone();
        // The cost of a search grows with the names and the terms: only a cheap one runs on
        // the screen's thread.
        let work = haystack.len() * crate::search::terms(&finder.query).max(1);
        if work < self.background_from {
            finder.results = self.searchers[finder.kind.slot()].search(&haystack, &finder.query);
            finder.searching = false;
            finder.cursor = Cursor::default();
            self.highlight(finder, rows);
            return;
        }
        let worker = self.worker.get_or_insert_with(|| {
            let searchers = std::mem::take(&mut self.searchers);
            Worker::spawn(haystack, searchers)
        });
        self.generation += 1;
        worker.send(finder.kind, &finder.query, self.generation);
        finder.searching = true;
    }

    /// Takes the results of the finder's latest query if the search thread has them; true
    /// if the finder changed.
    pub fn poll(&mut self, finder: &mut Finder, rows: usize) -> bool {
        let Some(worker) = &self.worker else {
            return false;
        };
        let mut changed = false;
        while let Ok(reply) = worker.replies.try_recv() {
            if reply.generation == self.generation && reply.kind == finder.kind {
                finder.results = reply.results;
                finder.searching = false;
                finder.cursor = Cursor::default();
                changed = true;
            }
        }
        if changed {
            self.highlight(finder, rows);
        }
        changed
    }

    /// Whether a search is running on the search thread.
    pub fn busy(&self) -> bool {
        self.worker
            .as_ref()
            .is_some_and(|w| w.answered.load(Ordering::Relaxed) < self.generation)
    }

    /// The characters of `entity`'s own name that `query` matches (for a filtered list).
    pub fn name_matches(&mut self, kb: &Kb, query: &str, entity: crate::kb::Entity) -> Vec<usize> {
        let haystack = self.haystack(kb).clone();
        haystack
            .primary_text(entity)
            .map_or_else(Vec::new, |t| self.highlighter.indices(&haystack, query, t))
    }

    /// Keeps the selection in view and recomputes the highlights of the visible rows.
    pub fn highlight(&mut self, finder: &mut Finder, rows: usize) {
        finder.cursor.clamp(finder.results.hits.len(), rows);
        let Some(haystack) = &self.haystack else {
            return;
        };
        let start = finder.cursor.offset;
        let end = finder.results.hits.len().min(start + rows);
        let query = &finder.results.query;
        finder.highlights = finder.results.hits[start..end]
            .iter()
            .map(|hit| self.highlighter.indices(haystack, query, hit.text))
            .collect();
    }
}

/// A query for the search thread.
struct Request {
    kind: FinderKind,
    query: String,
    generation: u64,
}

struct Reply {
    kind: FinderKind,
    generation: u64,
    results: Results,
}

/// The search thread: it runs the latest query it was sent, and gives up on a search as soon
/// as a newer query arrives.
struct Worker {
    requests: Sender<Request>,
    replies: Receiver<Reply>,
    /// The generation of the latest query sent: a search of an older one stops.
    latest: Arc<AtomicU64>,
    /// The generation of the latest query answered (or given up).
    answered: Arc<AtomicU64>,
}

impl Worker {
    fn spawn(haystack: Arc<Haystack>, mut searchers: [Searcher; 2]) -> Self {
        let (requests, inbox) = mpsc::channel::<Request>();
        let (outbox, replies) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let answered = Arc::new(AtomicU64::new(0));
        let (newest, done) = (latest.clone(), answered.clone());
        std::thread::spawn(move || {
            while let Ok(mut request) = inbox.recv() {
                // Only the latest of the queries waiting matters.
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                let cancel = Cancel {
                    latest: &newest,
                    generation: request.generation,
                };
                let searcher = &mut searchers[request.kind.slot()];
                let found = searcher.search_until(&haystack, &request.query, &|| cancel.is_stale());
                done.fetch_max(request.generation, Ordering::Relaxed);
                if let Some(results) = found {
                    let reply = Reply {
                        kind: request.kind,
                        generation: request.generation,
                        results,
                    };
                    if outbox.send(reply).is_err() {
                        return;
                    }
                }
            }
        });
        Worker {
            requests,
            replies,
            latest,
            answered,
        }
    }

    fn send(&self, kind: FinderKind, query: &str, generation: u64) {
        self.latest.store(generation, Ordering::Relaxed);
        let _ = self.requests.send(Request {
            kind,
            query: query.to_string(),
            generation,
        });
    }
}

/// Whether a newer query has been sent since this one.
struct Cancel<'a> {
    latest: &'a AtomicU64,
    generation: u64,
}

impl Cancel<'_> {
    fn is_stale(&self) -> bool {
        self.latest.load(Ordering::Relaxed) != self.generation
    }
}
