//! The search popup's state: which finder, the query, the ranked results, the selection and
//! the highlighted characters of the rows on screen.

use super::Cursor;
use crate::search::{Haystack, Results, Searcher};

/// Which finder is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FinderKind {
    /// `/`: every organisation, by name and other names.
    Members,
    /// `Ctrl-p`: alliances, organisations, focus areas and artifacts.
    Anything,
}

impl FinderKind {
    pub fn title(self) -> &'static str {
        match self {
            FinderKind::Members => "Search members",
            FinderKind::Anything => "Go to anything",
        }
    }

    pub fn prompt(self) -> &'static str {
        match self {
            FinderKind::Members => "/ ",
            FinderKind::Anything => "> ",
        }
    }

    fn slot(self) -> usize {
        match self {
            FinderKind::Members => 0,
            FinderKind::Anything => 1,
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
}

/// The prepared names and a searcher for each finder, built the first time it opens.
#[derive(Default)]
pub struct Finders {
    haystacks: [Option<Haystack>; 2],
    searchers: [Searcher; 2],
}

impl Finders {
    /// The haystack of a finder, prepared on first use.
    pub fn haystack(&mut self, kb: &crate::kb::Kb, kind: FinderKind) -> &Haystack {
        self.haystacks[kind.slot()].get_or_insert_with(|| match kind {
            FinderKind::Members => Haystack::organizations(kb),
            FinderKind::Anything => Haystack::everything(kb),
        })
    }

    /// The haystack of a finder that has been opened.
    pub fn prepared(&self, kind: FinderKind) -> Option<&Haystack> {
        self.haystacks[kind.slot()].as_ref()
    }

    /// Runs the finder's query and recomputes its highlights for `rows` visible rows.
    pub fn run(&mut self, kb: &crate::kb::Kb, finder: &mut Finder, rows: usize) {
        self.haystack(kb, finder.kind);
        let slot = finder.kind.slot();
        let (Some(haystack), searcher) = (&self.haystacks[slot], &mut self.searchers[slot]) else {
            return;
        };
        finder.results = searcher.search(haystack, &finder.query);
        finder.cursor = Cursor::default();
        self.highlight(finder, rows);
    }

    /// Keeps the selection in view and recomputes the highlights of the visible rows.
    pub fn highlight(&mut self, finder: &mut Finder, rows: usize) {
        finder.cursor.clamp(finder.results.hits.len(), rows);
        let slot = finder.kind.slot();
        let (Some(haystack), searcher) = (&self.haystacks[slot], &mut self.searchers[slot]) else {
            return;
        };
        let start = finder.cursor.offset;
        let end = finder.results.hits.len().min(start + rows);
        finder.highlights = finder.results.hits[start..end]
            .iter()
            .map(|hit| searcher.indices(haystack, &finder.query, hit.text))
            .collect();
    }
}
