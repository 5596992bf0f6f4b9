//! Ranked fuzzy search over the knowledge base's names, shared by the explorer and the CLI.
//!
//! A [`Haystack`] holds every searchable name (an entity's name and its other names) prepared
//! once. A [`Searcher`] matches a query against it with nucleo-matcher: fzf syntax (`'exact`,
//! `^prefix`, `suffix$`, `!not`), smart case, accents folded (`ecole` finds "École"). Results
//! rank exact matches first, then prefixes, then substrings, then scattered fuzzy matches.
//! When a query only grows, the next search looks only at what the last one found. Nothing
//! here knows about the terminal.

use crate::kb::Kb;
use crate::kb::index::Ix;
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};
use query::{Parsed, fold};
use std::sync::atomic::{AtomicBool, Ordering};

mod query;

/// What kind of entity a search entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Alliance,
    Org,
    Focus,
    Artifact,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Alliance, Kind::Org, Kind::Focus, Kind::Artifact];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Alliance => "alliance",
            Kind::Org => "organization",
            Kind::Focus => "focus area",
            Kind::Artifact => "artifact",
        }
    }
}

/// A searchable entity: its kind and position in its collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub ix: Ix,
}

impl Entry {
    /// Where the entity leads in the explorer.
    pub fn target(self) -> crate::doc::Target {
        use crate::doc::Target;
        match self.kind {
            Kind::Alliance => Target::Alliance(self.ix),
            Kind::Org => Target::Org(self.ix),
            Kind::Focus => Target::Focus(self.ix),
            Kind::Artifact => Target::Artifact(self.ix),
        }
    }
}

/// Every searchable name, prepared once.
#[derive(Debug, Default)]
pub struct Haystack {
    entries: Vec<Entry>,
    /// Names: each entry's are `texts[starts[i]..starts[i + 1]]`, its own name first.
    texts: Vec<Utf32String>,
    /// Each name lower-cased with accents folded, for ranking exact and prefix matches.
    folded: Vec<Box<str>>,
    /// Each name's letters and digits as a bit set, to skip names that cannot match.
    bags: Vec<u64>,
    starts: Vec<u32>,
    owner: Vec<u32>,
}

impl Haystack {
    /// The organisations, by name and other names.
    pub fn organizations(kb: &Kb) -> Self {
        Haystack::new(kb, &[Kind::Org])
    }

    /// Alliances, organisations, focus areas and artifacts.
    pub fn everything(kb: &Kb) -> Self {
        Haystack::new(kb, &Kind::ALL)
    }

    /// The entities of the given kinds, in the order alliance, organisation, focus area,
    /// artifact.
    pub fn new(kb: &Kb, kinds: &[Kind]) -> Self {
        let mut h = Haystack::default();
        if kinds.contains(&Kind::Alliance) {
            for (i, a) in kb.alliances.iter().enumerate() {
                let names = std::iter::once(a.name.as_str())
                    .chain(a.names.iter().map(|n| n.name.as_str()))
                    .chain(std::iter::once(a.id.as_str()));
                h.push(Kind::Alliance, i, names);
            }
        }
        if kinds.contains(&Kind::Org) {
            h.add_orgs(kb);
        }
        if kinds.contains(&Kind::Focus) {
            for (i, f) in kb.focus_areas.iter().enumerate() {
                let names =
                    std::iter::once(f.name.as_str()).chain(f.names.iter().map(|n| n.name.as_str()));
                h.push(Kind::Focus, i, names);
            }
        }
        if kinds.contains(&Kind::Artifact) {
            for (i, t) in kb.artifacts.iter().enumerate() {
                h.push(Kind::Artifact, i, std::iter::once(t.name.as_str()));
            }
        }
        h.finish()
    }

    fn add_orgs(&mut self, kb: &Kb) {
        for (i, o) in kb.organizations.iter().enumerate() {
            let names = std::iter::once(o.name.as_str()).chain(o.aka.iter().map(String::as_str));
            self.push(Kind::Org, i, names);
        }
    }

    fn push<'a>(&mut self, kind: Kind, ix: Ix, names: impl Iterator<Item = &'a str>) {
        let entry = self.entries.len() as u32;
        self.entries.push(Entry { kind, ix });
        self.starts.push(self.texts.len() as u32);
        for name in names {
            // Only a name's beginning is searched: a megabyte-long name costs no more.
            let name = crate::text::prefix(name, crate::text::NAME_BYTES);
            let folded = fold(name);
            self.bags.push(bag(&folded));
            self.folded.push(folded.into_boxed_str());
            self.texts.push(Utf32String::from(name));
            self.owner.push(entry);
        }
    }

    fn finish(mut self) -> Self {
        self.starts.push(self.texts.len() as u32);
        self
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entry(&self, i: u32) -> Entry {
        self.entries[i as usize]
    }

    /// The text a hit matched, as a string.
    pub fn text(&self, text: u32) -> String {
        self.texts[text as usize].to_string()
    }

    /// Whether the text is the entry's own name (not one of its other names).
    pub fn is_primary(&self, text: u32) -> bool {
        let entry = self.owner[text as usize];
        self.starts[entry as usize] == text
    }

    fn texts_of(&self, entry: u32) -> std::ops::Range<usize> {
        self.starts[entry as usize] as usize..self.starts[entry as usize + 1] as usize
    }
}

/// The tier of a hit in words.
pub fn tier_label(tier: u8) -> &'static str {
    match tier {
        0 => "exact",
        1 => "prefix",
        2 => "substring",
        _ => "fuzzy",
    }
}

/// The letters and digits of a folded string as bits; any other non-ASCII character sets the
/// top bit.
fn bag(folded: &str) -> u64 {
    folded.chars().fold(0, |bag, c| bag | bit(c))
}

fn bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        c if c.is_ascii() => 0,
        _ => 1 << 63,
    }
}

/// One matching entity, with the name that matched best.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entry: u32,
    /// The matched text (an index into the haystack's names).
    pub text: u32,
    pub score: u32,
    /// 0 exact, 1 prefix, 2 substring, 3 scattered.
    pub tier: u8,
    /// Length of the matched text, in characters (shorter ranks first on a tie).
    pub len: u16,
}

impl Hit {
    /// The ranking key: lower is better.
    fn rank(&self) -> u128 {
        (u128::from(self.tier) << 96)
            | (u128::from(u32::MAX - self.score) << 64)
            | (u128::from(self.len) << 32)
            | u128::from(self.entry)
    }
}

/// The hits of a query, best first, and how many entries were searched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    pub query: String,
    pub hits: Vec<Hit>,
    pub total: usize,
}

/// A query ready to match names: its terms, and what ranks and speeds up its matches.
struct Query {
    parsed: Parsed,
    /// The whole query folded, to rank matches of a plain query: whole, as a prefix, as a
    /// substring.
    tiers: Option<String>,
    /// Characters every matching name must contain (see [`bag`]).
    required: u64,
    /// Whether a longer query can only match a subset of this one's matches.
    narrows: bool,
}

impl Query {
    fn parse(text: &str) -> Self {
        let parsed = Parsed::new(text);
        let trimmed = text.trim();
        let tiers = (parsed.is_plain() && !trimmed.is_empty()).then(|| fold(trimmed));
        let required = bag(&parsed.required_text);
        // Typing on can widen an exclusion (`!a` then `!ab`) or end an escape.
        let narrows = parsed.negative.is_empty() && !text.ends_with('\\');
        Query {
            parsed,
            tiers,
            required,
            narrows,
        }
    }

    fn is_empty(&self) -> bool {
        self.parsed.positive.is_empty() && self.parsed.negative.is_empty()
    }

    /// The (tier, score) of one name, if it matches; `folded` and `bag` are the name's
    /// folded form and character set.
    fn score(
        &self,
        text: Utf32Str<'_>,
        folded: &str,
        bag: u64,
        matcher: &mut Matcher,
    ) -> Option<(u8, u32)> {
        if bag & self.required != self.required {
            return None;
        }
        let score = self.parsed.score(text, folded, matcher)?;
        let tier = match &self.tiers {
            Some(q) if folded == q => 0,
            Some(q) if folded.starts_with(q.as_str()) => 1,
            Some(q) if folded.contains(q.as_str()) => 2,
            _ => 3,
        };
        Some((tier, score))
    }
}

/// Items searched between two looks at the cancel flag.
const CHUNK: usize = 4096;

/// Runs queries against a haystack, remembering the last results to narrow the next ones.
pub struct Searcher {
    matchers: Vec<Matcher>,
    last: Option<Results>,
}

impl Default for Searcher {
    fn default() -> Self {
        Searcher::new()
    }
}

impl Searcher {
    pub fn new() -> Self {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8);
        Searcher {
            matchers: (0..threads)
                .map(|_| Matcher::new(Config::DEFAULT))
                .collect(),
            last: None,
        }
    }

    /// The entries matching `query`, best first.
    pub fn search(&mut self, haystack: &Haystack, query: &str) -> Results {
        self.search_cancellable(haystack, query, &AtomicBool::new(false))
            .expect("a search that cannot be cancelled completes")
    }

    /// Like [`Searcher::search`], giving up (`None`) as soon as `cancel` is set.
    pub fn search_cancellable(
        &mut self,
        haystack: &Haystack,
        query: &str,
        cancel: &AtomicBool,
    ) -> Option<Results> {
        let parsed = Query::parse(query);
        if parsed.is_empty() {
            let hits = (0..haystack.len() as u32)
                .map(|entry| Hit {
                    entry,
                    text: haystack.starts[entry as usize],
                    score: 0,
                    tier: 0,
                    len: 0,
                })
                .collect();
            let results = Results {
                query: query.to_string(),
                hits,
                total: haystack.len(),
            };
            self.last = Some(results.clone());
            return Some(results);
        }
        // A query that only grew can only match what the last one matched.
        let candidates: Option<Vec<u32>> = match &self.last {
            Some(last)
                if parsed.narrows
                    && query.starts_with(&last.query)
                    && last.total == haystack.len() =>
            {
                Some(last.hits.iter().map(|h| h.entry).collect())
            }
            _ => None,
        };
        let n = candidates.as_ref().map_or(haystack.len(), Vec::len);
        let entry_at = |i: usize| -> u32 { candidates.as_ref().map_or(i as u32, |c| c[i]) };
        let threads = if n >= 20_000 { self.matchers.len() } else { 1 };
        let per = n.div_ceil(threads.max(1)).max(1);
        let mut hits: Vec<Hit> = Vec::new();
        let parts: Vec<Option<Vec<Hit>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = self
                .matchers
                .iter_mut()
                .take(threads)
                .enumerate()
                .map(|(t, matcher)| {
                    let range = (t * per).min(n)..((t + 1) * per).min(n);
                    let parsed = &parsed;
                    let entry_at = &entry_at;
                    scope.spawn(move || {
                        match_range(haystack, parsed, matcher, range.map(entry_at), cancel)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or(None))
                .collect()
        });
        for part in parts {
            hits.extend(part?);
        }
        sort_hits(&mut hits);
        let results = Results {
            query: query.to_string(),
            hits,
            total: haystack.len(),
        };
        self.last = Some(results.clone());
        Some(results)
    }

    /// Positions (in characters) of the name that the query matched, for highlighting.
    pub fn indices(&mut self, haystack: &Haystack, query: &str, text: u32) -> Vec<usize> {
        let t = text as usize;
        let (Some(utf32), Some(folded)) = (haystack.texts.get(t), haystack.folded.get(t)) else {
            return Vec::new();
        };
        let name = utf32.to_string();
        Parsed::new(query).positions(&name, utf32.slice(..), folded, &mut self.matchers[0])
    }
}

fn match_range(
    haystack: &Haystack,
    query: &Query,
    matcher: &mut Matcher,
    entries: impl Iterator<Item = u32>,
    cancel: &AtomicBool,
) -> Option<Vec<Hit>> {
    let mut hits = Vec::new();
    for (n, entry) in entries.enumerate() {
        if n % CHUNK == 0 && cancel.load(Ordering::Relaxed) {
            return None;
        }
        let texts = haystack.texts_of(entry);
        if texts.clone().any(|t| {
            query
                .parsed
                .excludes(haystack.texts[t].slice(..), &haystack.folded[t])
        }) {
            continue;
        }
        let mut best: Option<Hit> = None;
        for t in texts {
            let (folded, bag) = (&haystack.folded[t], haystack.bags[t]);
            if let Some((tier, score)) =
                query.score(haystack.texts[t].slice(..), folded, bag, matcher)
            {
                let hit = Hit {
                    entry,
                    text: t as u32,
                    score,
                    tier,
                    len: haystack.texts[t].len().min(usize::from(u16::MAX)) as u16,
                };
                if best.is_none_or(|b| {
                    (hit.tier, std::cmp::Reverse(hit.score)) < (b.tier, std::cmp::Reverse(b.score))
                }) {
                    best = Some(hit);
                }
            }
        }
        hits.extend(best);
    }
    Some(hits)
}

/// Best first: lower tier, higher score, shorter text, then knowledge-base order (alliances
/// before organisations before focus areas before artifacts).
fn sort_hits(hits: &mut [Hit]) {
    hits.sort_unstable_by_key(Hit::rank);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> Kb {
        crate::kb::load_embedded().unwrap()
    }

    /// The names of the first `n` hits.
    fn top(
        kb: &Kb,
        haystack: &Haystack,
        searcher: &mut Searcher,
        query: &str,
        n: usize,
    ) -> Vec<String> {
        searcher
            .search(haystack, query)
            .hits
            .iter()
            .take(n)
            .map(|h| {
                let e = haystack.entry(h.entry);
                match e.kind {
                    Kind::Alliance => kb.alliances[e.ix].name.clone(),
                    Kind::Org => kb.organizations[e.ix].name.clone(),
                    Kind::Focus => kb.focus_areas[e.ix].name.clone(),
                    Kind::Artifact => kb.artifacts[e.ix].name.clone(),
                }
            })
            .collect()
    }

    #[test]
    fn exact_beats_prefix_beats_substring_beats_scattered() {
        let text = r#"(organizations: [
            (id: "a", name: "Intelligent Systems Intel", kind: company),
            (id: "b", name: "Intel", kind: company),
            (id: "c", name: "Intel Labs", kind: company),
            (id: "d", name: "I Need To Explain Lots", kind: company),
            (id: "e", name: "Big Intel", kind: company),
        ])"#;
        let kb = crate::kb::load::load_files([("t.ron".into(), text.as_bytes().to_vec())]).unwrap();
        let h = Haystack::organizations(&kb);
        let mut s = Searcher::new();
        let hits = s.search(&h, "intel").hits;
        let tiers: Vec<u8> = hits.iter().map(|h| h.tier).collect();
        assert_eq!(tiers, [0, 1, 1, 2, 3]);
        assert_eq!(
            top(&kb, &h, &mut s, "intel", 5)[..2],
            ["Intel", "Intel Labs"]
        );
        assert_eq!(
            top(&kb, &h, &mut s, "intel", 5)[4],
            "I Need To Explain Lots"
        );
    }

    #[test]
    fn accents_are_folded_and_case_is_smart() {
        let kb = kb();
        let h = Haystack::organizations(&kb);
        let mut s = Searcher::new();
        // "ecole" finds EPFL through its French name.
        let hits = s.search(&h, "ecole").hits;
        let first = hits[0];
        assert_eq!(kb.organizations[h.entry(first.entry).ix].id, "epfl");
        assert_eq!(
            h.text(first.text),
            "École polytechnique fédérale de Lausanne"
        );
        assert_eq!(top(&kb, &h, &mut s, "telekom", 1), ["Deutsche Telekom"]);
        assert_eq!(top(&kb, &h, &mut s, "nvidia", 1), ["NVIDIA"]);
        // An upper-case letter makes the match case-sensitive.
        assert!(s.search(&h, "NVIDIa").hits.is_empty());
        // Accented queries match accented names (the state first: the shorter name).
        assert_eq!(
            top(&kb, &h, &mut s, "Württemberg", 2),
            ["Baden-Württemberg", "Baden-Württemberg International"]
        );
    }

    #[test]
    fn fzf_operators() {
        let kb = kb();
        let h = Haystack::organizations(&kb);
        let mut s = Searcher::new();
        let all = |s: &mut Searcher, q: &str| top(&kb, &h, s, q, 1000);
        // 'exact: a contiguous substring only.
        let exact = all(&mut s, "'mlcom");
        assert_eq!(exact, ["MLCommons"]);
        // ^prefix
        let prefix = all(&mut s, "^hoch");
        assert!(
            !prefix.is_empty() && prefix.iter().all(|n| n.starts_with("Hochschule")),
            "{prefix:?}"
        );
        // suffix$
        let suffix = all(&mut s, "alliance$");
        assert!(
            suffix.contains(&"Mass Open Cloud Alliance".to_string()),
            "{suffix:?}"
        );
        assert!(
            suffix
                .iter()
                .all(|n| n.to_lowercase().ends_with("alliance")),
            "{suffix:?}"
        );
        // !not
        let universities = all(&mut s, "universit");
        let not_tokyo = all(&mut s, "universit !tokyo");
        assert_eq!(not_tokyo.len() + 1, universities.len());
        // Excluded through any of its names (its French name mentions Tokyo too).
        assert!(!not_tokyo.contains(&"University of Tokyo".to_string()));
        // A query of exclusions alone lists everything else.
        assert_eq!(
            all(&mut s, "!a").len(),
            all(&mut s, "").len() - all(&mut s, "'a").len()
        );
    }

    #[test]
    fn the_character_prefilter_keeps_every_real_match() {
        let kb = kb();
        let everything = Haystack::everything(&kb);
        let mut s = Searcher::new();
        let first = |s: &mut Searcher, q: &str| top(&kb, &everything, s, q, 1);
        assert_eq!(first(&mut s, "École"), ["EPFL"]);
        assert_eq!(first(&mut s, "'Telekom"), ["Deutsche Telekom"]);
        assert_eq!(first(&mut s, "^Deut"), ["Deutsche Telekom"]);
        assert_eq!(first(&mut s, "tokyo$"), ["University of Tokyo"]);
        assert_eq!(first(&mut s, "텔코"), ["Global Telco AI Alliance"]);
        assert_eq!(first(&mut s, "e&"), ["e&"]);
        assert_eq!(first(&mut s, "a*star"), ["A*STAR"]);
        // Every name that the terms accept without the prefilter is found.
        let orgs = Haystack::organizations(&kb);
        let mut matcher = Matcher::new(Config::DEFAULT);
        for q in ["ai", "uni", "tele", "ö", "ch 2", "x", "'tokyo", "^Deu"] {
            let parsed = Parsed::new(q);
            let expected = kb
                .organizations
                .iter()
                .filter(|o| {
                    std::iter::once(&o.name).chain(&o.aka).any(|n| {
                        let mut buf = Vec::new();
                        let text = Utf32Str::new(n, &mut buf);
                        parsed.score(text, &fold(n), &mut matcher).is_some()
                    })
                })
                .count();
            assert_eq!(Searcher::new().search(&orgs, q).hits.len(), expected, "{q}");
        }
    }

    #[test]
    fn narrowing_gives_the_same_results_as_a_fresh_search() {
        let kb = kb();
        let h = Haystack::organizations(&kb);
        let mut typed = Searcher::new();
        let mut query = String::new();
        for c in "universit !tokyo".chars() {
            query.push(c);
            let incremental = typed.search(&h, &query);
            let fresh = Searcher::new().search(&h, &query);
            assert_eq!(incremental, fresh, "after typing {query:?}");
        }
        // Deleting characters searches everything again.
        assert_eq!(typed.search(&h, "u"), Searcher::new().search(&h, "u"));
    }

    #[test]
    fn the_empty_query_lists_everything_in_order() {
        let kb = kb();
        let h = Haystack::everything(&kb);
        let r = Searcher::new().search(&h, "  ");
        assert_eq!(r.hits.len(), h.len());
        assert_eq!(
            r.total,
            kb.alliances.len() + kb.organizations.len() + kb.focus_areas.len() + kb.artifacts.len()
        );
        assert_eq!(h.entry(r.hits[0].entry).kind, Kind::Alliance);
    }

    #[test]
    fn go_to_anything_prefers_the_alliance_on_a_tie() {
        let kb = kb();
        let h = Haystack::everything(&kb);
        let mut s = Searcher::new();
        let hits = s.search(&h, "partnership on ai").hits;
        let kinds: Vec<Kind> = hits.iter().take(2).map(|x| h.entry(x.entry).kind).collect();
        assert_eq!(kinds, [Kind::Alliance, Kind::Org]);
        assert_eq!(
            kb.alliances[h.entry(hits[0].entry).ix].id,
            "partnership-on-ai"
        );
        assert_eq!(hits[0].tier, 0);
        // Focus areas and artifacts are found too.
        assert_eq!(top(&kb, &h, &mut s, "pytorch", 1), ["PyTorch"]);
        assert_eq!(
            top(&kb, &h, &mut s, "hardware", 1),
            ["Diversified AI hardware"]
        );
    }

    #[test]
    fn highlight_indices_are_character_positions() {
        let kb = kb();
        let h = Haystack::organizations(&kb);
        let mut s = Searcher::new();
        let hit = s.search(&h, "ecole").hits[0];
        assert_eq!(s.indices(&h, "ecole", hit.text), [0, 1, 2, 3, 4]);
        let hit = s.search(&h, "dt").hits[0];
        let text = h.text(hit.text);
        let chars: Vec<char> = text.chars().collect();
        let picked: String = s
            .indices(&h, "dt", hit.text)
            .iter()
            .map(|&i| chars[i])
            .collect();
        assert_eq!(picked.to_lowercase(), "dt", "{text}");
    }

    #[test]
    fn a_set_cancel_flag_stops_the_search() {
        let kb = kb();
        let h = Haystack::organizations(&kb);
        let cancel = AtomicBool::new(true);
        assert_eq!(Searcher::new().search_cancellable(&h, "a", &cancel), None);
    }
}
