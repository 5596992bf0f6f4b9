//! Ranked fuzzy search over the knowledge base's names, shared by the explorer and the CLI.
//!
//! A [`Haystack`] holds every searchable name (an entity's name and its other names) prepared
//! once. A [`Searcher`] matches a query against it with nucleo-matcher: fzf syntax (`'exact`,
//! `^prefix`, `suffix$`, `!not`), smart case, accents folded (`ecole` finds "École"). Results
//! rank exact matches first, then prefixes, then substrings, then scattered fuzzy matches.
//! When a query only grows, the next search looks only at what the last one found. Nothing
//! here knows about the terminal.

use crate::kb::index::Ix;
use crate::kb::{Entity, EntityKind, Kb};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use query::{LazyFold, Parsed, fold, fold_chars};
pub use query::{MAX_TERM_CHARS, MAX_TERMS};

mod query;

/// Every searchable name, prepared once, in a few large buffers (a million organisations
/// cost no allocation each): ASCII names as they are, other names as characters and folded
/// (an ASCII name is folded when a match needs it: lower-casing is all folding does to it).
#[derive(Debug, Default)]
pub struct Haystack {
    /// The first entry of each kind, in [`EntityKind::ALL`] order, then the number of entries.
    bounds: [u32; 5],
    /// Each entry's names are texts `starts[e]..starts[e + 1]`, its own name first.
    starts: Vec<u32>,
    /// ASCII names: text `t` is `ascii[ascii_at[t]..ascii_at[t + 1]]` (empty for the others).
    ascii: String,
    ascii_at: Vec<u32>,
    /// The other names, as the characters the matcher reads (in UTF-8: a quarter of the room
    /// of `char`s; they are decoded when looked at)…
    wide: String,
    wide_at: Vec<u32>,
    /// …and folded (for ranking and literal terms).
    folded: String,
    folded_at: Vec<u32>,
    /// Each name's letters as a bit set, to skip names that cannot match.
    bags: Vec<u32>,
    /// Room to convert a name while building.
    scratch: Vec<char>,
}

/// Calls `f` with the names of each entity of `kind`, in knowledge-base order, its own name
/// first.
fn each_entity<'a>(
    kb: &'a Kb,
    kind: EntityKind,
    mut f: impl FnMut(&mut dyn Iterator<Item = &'a str>),
) {
    match kind {
        EntityKind::Alliance => {
            for a in &kb.alliances {
                // Its names in other languages, the names it took later, then its id.
                f(&mut std::iter::once(a.name.as_str())
                    .chain(a.names.iter().map(|n| n.name.as_str()))
                    .chain(a.history.iter().filter_map(|e| e.name.as_deref()))
                    .chain(std::iter::once(a.id.as_str())));
            }
        }
        EntityKind::Org => {
            for o in &kb.organizations {
                f(&mut std::iter::once(o.name.as_str())
                    .chain(o.aka.iter().map(crate::kb::Str::as_str))
                    .chain(o.formerly.iter().map(|f| f.name.as_str())));
            }
        }
        EntityKind::Focus => {
            for t in &kb.focus_areas {
                f(&mut std::iter::once(t.name.as_str())
                    .chain(t.names.iter().map(|n| n.name.as_str())));
            }
        }
        EntityKind::Artifact => {
            for t in &kb.artifacts {
                f(&mut std::iter::once(t.name.as_str()));
            }
        }
    }
}

/// Room for a name's bytes in a buffer indexed by `u32`: a name that does not fit is left
/// empty (not searchable) rather than breaking the others.
fn fits(buffer: usize, more: usize) -> bool {
    buffer + more <= u32::MAX as usize
}

impl Haystack {
    /// The organisations, by name and other names.
    pub fn organizations(kb: &Kb) -> Self {
        Haystack::new(kb, &[EntityKind::Org])
    }

    /// Alliances, organisations, focus areas and artifacts.
    pub fn everything(kb: &Kb) -> Self {
        Haystack::new(kb, &EntityKind::ALL)
    }

    /// The entities of the given kinds, in the order alliance, organisation, focus area,
    /// artifact.
    pub fn new(kb: &Kb, kinds: &[EntityKind]) -> Self {
        let mut h = Haystack::default();
        h.reserve(kb, kinds);
        h.ascii_at.push(0);
        h.wide_at.push(0);
        h.folded_at.push(0);
        for (k, kind) in EntityKind::ALL.into_iter().enumerate() {
            h.bounds[k] = h.starts.len() as u32;
            if kinds.contains(&kind) {
                each_entity(kb, kind, |names| h.push(names));
            }
        }
        h.bounds[4] = h.starts.len() as u32;
        h.starts.push(h.bags.len() as u32);
        h.scratch = Vec::new();
        h.shrink()
    }

    /// Makes room for the names of `kinds` at once: growing buffers double, and for a million
    /// names the room left over (and the copies) would cost tens of megabytes at the peak.
    fn reserve(&mut self, kb: &Kb, kinds: &[EntityKind]) {
        let (mut entities, mut names, mut ascii, mut other) = (0, 0, 0, 0);
        for kind in kinds {
            each_entity(kb, *kind, |each| {
                entities += 1;
                for name in each {
                    let name = crate::text::prefix(name, crate::text::NAME_BYTES);
                    names += 1;
                    if name.is_ascii() {
                        ascii += name.len();
                    } else {
                        other += name.len();
                    }
                }
            });
        }
        self.starts.reserve_exact(entities + 1);
        self.bags.reserve_exact(names);
        for at in [&mut self.ascii_at, &mut self.wide_at, &mut self.folded_at] {
            at.reserve_exact(names + 1);
        }
        self.ascii.reserve_exact(ascii);
        // The characters read (one per grapheme cluster) take at most the name's bytes; folded,
        // about as many.
        self.wide.reserve_exact(other);
        self.folded.reserve_exact(other);
    }

    fn push(&mut self, names: &mut dyn Iterator<Item = &str>) {
        self.starts.push(self.bags.len() as u32);
        for name in names {
            // Only a name's beginning is searched: a megabyte-long name costs no more.
            let name = crate::text::prefix(name, crate::text::NAME_BYTES);
            if name.is_ascii() {
                if fits(self.ascii.len(), name.len()) {
                    self.ascii.push_str(name);
                }
                self.bags
                    .push(bag(name.bytes().map(|b| b.to_ascii_lowercase() as char)));
            } else {
                // What the matcher reads: the first character of each grapheme cluster.
                if let Utf32Str::Unicode(chars) = Utf32Str::new(name, &mut self.scratch) {
                    let folded = fold_chars(chars);
                    let utf8: String = chars.iter().collect();
                    if fits(self.wide.len(), utf8.len()) && fits(self.folded.len(), folded.len()) {
                        self.wide.push_str(&utf8);
                        self.folded.push_str(&folded);
                    }
                }
                self.bags.push(bag(fold(name).chars()));
            }
            self.ascii_at.push(self.ascii.len() as u32);
            self.wide_at.push(self.wide.len() as u32);
            self.folded_at.push(self.folded.len() as u32);
        }
    }

    fn shrink(mut self) -> Self {
        self.starts.shrink_to_fit();
        self.ascii.shrink_to_fit();
        self.ascii_at.shrink_to_fit();
        self.wide.shrink_to_fit();
        self.wide_at.shrink_to_fit();
        self.folded.shrink_to_fit();
        self.folded_at.shrink_to_fit();
        self.bags.shrink_to_fit();
        self
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.bounds[4] as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entries of one kind.
    pub fn entries_of(&self, kind: EntityKind) -> std::ops::Range<u32> {
        let k = kind as usize;
        self.bounds[k]..self.bounds[k + 1]
    }

    /// The entity an entry names.
    pub fn entry(&self, i: u32) -> Entity {
        let k = self.bounds[1..].partition_point(|&b| b <= i).min(3);
        Entity::new(EntityKind::ALL[k], (i - self.bounds[k]) as Ix)
    }

    /// The text a hit matched, as a string.
    pub fn text(&self, text: u32) -> String {
        match self.wide_text(text) {
            "" => self.ascii_text(text).to_string(),
            wide => wide.to_string(),
        }
    }

    fn span(at: &[u32], t: u32) -> std::ops::Range<usize> {
        let t = t as usize;
        match (at.get(t), at.get(t + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        }
    }

    fn ascii_text(&self, t: u32) -> &str {
        &self.ascii[Self::span(&self.ascii_at, t)]
    }

    fn wide_text(&self, t: u32) -> &str {
        &self.wide[Self::span(&self.wide_at, t)]
    }

    /// The folded form of a name that is not ASCII.
    fn folded(&self, t: u32) -> Option<&str> {
        Some(&self.folded[Self::span(&self.folded_at, t)]).filter(|f| !f.is_empty())
    }

    /// The name folded, made from `buf` if it is ASCII.
    fn fold<'a>(&'a self, t: u32, buf: &'a mut String) -> LazyFold<'a> {
        match self.folded(t) {
            Some(folded) => LazyFold::known(folded),
            None => LazyFold::new(Utf32Str::Ascii(self.ascii_text(t).as_bytes()), buf),
        }
    }

    /// The name as the matcher reads it, decoded into `chars` if it is not ASCII.
    fn utf32<'a>(&'a self, t: u32, chars: &'a mut Vec<char>) -> Utf32Str<'a> {
        match self.wide_text(t) {
            "" => Utf32Str::Ascii(self.ascii_text(t).as_bytes()),
            wide => {
                chars.clear();
                chars.extend(wide.chars());
                Utf32Str::Unicode(chars)
            }
        }
    }

    /// Whether the text is the entry's own name (not one of its other names).
    /// The text of an entity's own name, if the haystack holds the entity.
    pub fn primary_text(&self, entity: Entity) -> Option<u32> {
        let k = EntityKind::ALL.iter().position(|&k| k == entity.kind())?;
        let entry = self.bounds[k].checked_add(u32::try_from(entity.ix()).ok()?)?;
        (entry < self.bounds[k + 1]).then(|| self.starts[entry as usize])
    }

    fn texts_of(&self, entry: u32) -> std::ops::Range<u32> {
        self.starts[entry as usize]..self.starts[entry as usize + 1]
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

/// The letters of a folded string as bits, then one bit for any digit and one for any other
/// non-ASCII character.
fn bag(folded: impl Iterator<Item = char>) -> u32 {
    folded.fold(0, |bag, c| bag | bit(c))
}

fn bit(c: char) -> u32 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << 26,
        c if c.is_ascii() => 0,
        _ => 1 << 27,
    }
}

/// One matching entity, with the name that matched best.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entry: u32,
    /// The matched text (an index into the haystack's names).
    pub text: u32,
    pub score: u16,
    /// 0 exact, 1 prefix, 2 substring, 3 scattered.
    pub tier: u8,
    /// Length of the matched text in characters, up to 255 (shorter ranks first on a tie).
    pub len: u8,
}

impl Hit {
    /// The ranking key: lower is better.
    fn rank(&self) -> u64 {
        (u64::from(self.tier) << 56)
            | (u64::from(u16::MAX - self.score) << 40)
            | (u64::from(self.len) << 32)
            | u64::from(self.entry)
    }
}

/// How many terms of `query` are searched: what its cost per name grows with.
pub fn terms(query: &str) -> usize {
    let parsed = Parsed::new(query);
    parsed.positive.len() + parsed.negative.len()
}

/// The hits of a query, best first, and how many entries were searched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    pub query: String,
    pub hits: Vec<Hit>,
    pub total: usize,
    /// Different terms of the query past the first [`MAX_TERMS`], not searched.
    pub ignored_terms: usize,
}

/// A query ready to match names: its terms, and what ranks and speeds up its matches.
struct Query {
    parsed: Parsed,
    /// The whole query folded, to rank matches of a plain query: whole, as a prefix, as a
    /// substring.
    tiers: Option<String>,
    /// Characters every matching name must contain (see [`bag`]).
    required: u32,
    /// Whether a longer query can only match a subset of this one's matches.
    narrows: bool,
    /// Whether names are matched in their folded form (see [`matches_on_folded`]).
    on_folded: bool,
    /// The query's one character, when it is a lower-case ASCII letter or digit: ASCII names
    /// are then ranked by a byte scan (see [`one_char`]) instead of the scorer.
    one: Option<u8>,
}

impl Query {
    fn parse(text: &str) -> Self {
        let parsed = Parsed::new(text);
        let trimmed = text.trim();
        let tiers = (parsed.is_plain() && !trimmed.is_empty()).then(|| fold(trimmed));
        let required = bag(parsed.required_text.chars());
        // Typing on can widen an exclusion (`!a` then `!ab`) or end an escape.
        let narrows = parsed.negative.is_empty() && !text.ends_with('\\');
        let on_folded = matches_on_folded(text);
        let one = match (trimmed.as_bytes(), parsed.positive.len()) {
            (&[c], 1) if parsed.is_plain() && (c.is_ascii_lowercase() || c.is_ascii_digit()) => {
                Some(c)
            }
            _ => None,
        };
        Query {
            parsed,
            tiers,
            required,
            narrows,
            on_folded,
            one,
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
        folded: &mut LazyFold<'_>,
        bag: u32,
        matcher: &mut Matcher,
    ) -> Option<(u8, u32)> {
        if bag & self.required != self.required {
            return None;
        }
        let score = self.parsed.score(text, folded, matcher)?;
        let folded = folded.get();
        let tier = match &self.tiers {
            Some(q) if folded == q => 0,
            Some(q) if folded.starts_with(q.as_str()) => 1,
            Some(q) if folded.contains(q.as_str()) => 2,
            _ => 3,
        };
        Some((tier, score))
    }
}

/// How nucleo-matcher 0.3.1 classes an ASCII character for its bonuses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    White,
    Delimiter,
    NonWord,
    Lower,
    Upper,
    Number,
}

fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Number,
        b if b.is_ascii_whitespace() => Class::White,
        b'/' | b',' | b':' | b';' | b'|' => Class::Delimiter,
        _ => Class::NonWord,
    }
}

/// The (tier, score) of the ASCII name `name` for the one-character query `c` (a lower-case
/// letter or a digit), as the scorer and [`Query::score`] give it: the best place of `c` in
/// either case scores 16 and twice its bonus (10 at a word's start after a space or at the
/// name's start, 9 after `/,:;|`, 8 after other punctuation, 5 at a lower-to-upper or
/// letter-to-digit change), the first best place winning. A byte scan does the work of the
/// scorer, the folding and the tier's string comparisons for most names of a million, where a
/// first letter matches half of them.
fn one_char(name: &[u8], c: u8) -> Option<(u8, u32)> {
    let upper = c.to_ascii_uppercase();
    let mut best: Option<u32> = None;
    for (i, _) in name
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == c || **b == upper)
    {
        let prev = if i == 0 {
            Class::White
        } else {
            class(name[i - 1])
        };
        let bonus = match (prev, class(name[i])) {
            (Class::White, _) => 10,
            (Class::Delimiter, _) => 9,
            (Class::NonWord, _) => 8,
            (Class::Lower, Class::Upper) => 5,
            (Class::Lower | Class::Upper, Class::Number) => 5,
            _ => 0,
        };
        let score = 16 + 2 * bonus;
        if best.is_none_or(|b| score > b) {
            best = Some(score);
        }
        if bonus == 10 {
            break;
        }
    }
    let tier = match name {
        [_] => 0,
        [first, ..] if first.to_ascii_lowercase() == c => 1,
        _ => 2,
    };
    best.map(|score| (tier, score))
}

/// Whether `query` is plain lower-case ASCII, so that it ignores case and accents: an accented
/// name whose folded form is ASCII is then matched in that form. It is the same characters for
/// the matcher, through its much faster ASCII path, and that path also finds the best place for
/// a one-letter query, where nucleo-matcher 0.3.1's non-ASCII path may not ("e" in "Köln
/// Institute of Ethics" is the "E" of "Ethics").
fn matches_on_folded(query: &str) -> bool {
    query
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// The name `t` as the matcher reads it for `query`: folded if the query allows it and the
/// folded form is ASCII (see [`matches_on_folded`]), else decoded into `chars` if it is not
/// ASCII.
fn matched_text<'a>(
    haystack: &'a Haystack,
    t: u32,
    on_folded: bool,
    chars: &'a mut Vec<char>,
) -> Utf32Str<'a> {
    match haystack.folded(t) {
        Some(folded) if on_folded && folded.is_ascii() => Utf32Str::Ascii(folded.as_bytes()),
        _ => haystack.utf32(t, chars),
    }
}

/// Searches of at least this many entries are shared among the cores.
const PARALLEL_FROM: usize = 20_000;

/// Items searched between two looks at the cancel flag.
const CHUNK: usize = 4096;

/// Runs queries against a haystack, remembering the last results to narrow the next ones.
pub struct Searcher {
    /// One matcher per thread, made on first use (each holds sizeable scratch memory).
    matchers: Vec<Matcher>,
    /// The last query, how many entries it looked at, and the entries it found.
    last: Option<(String, usize, Vec<u32>)>,
    /// The kinds of entries searched (all of them when none).
    scope: Option<EntityKind>,
    /// Whether every name goes through the scorer, even for a one-character query.
    scorer_only: bool,
}

impl Default for Searcher {
    fn default() -> Self {
        Searcher::new()
    }
}

impl Searcher {
    pub fn new() -> Self {
        Searcher {
            matchers: Vec::new(),
            last: None,
            scope: None,
            scorer_only: false,
        }
    }

    /// The same searcher without the one-character scan: to check that the scan ranks as the
    /// scorer does.
    #[doc(hidden)]
    pub fn scorer_only(self) -> Self {
        Searcher {
            scorer_only: true,
            ..self
        }
    }

    /// The matchers for `threads` threads.
    fn matchers(&mut self, threads: usize) -> &mut [Matcher] {
        while self.matchers.len() < threads {
            self.matchers.push(Matcher::new(Config::DEFAULT));
        }
        &mut self.matchers[..threads]
    }

    /// A searcher that looks only at entries of one kind.
    pub fn within(kind: EntityKind) -> Self {
        Searcher {
            scope: Some(kind),
            ..Searcher::new()
        }
    }

    /// The entries the searcher looks at.
    fn entries(&self, haystack: &Haystack) -> std::ops::Range<u32> {
        match self.scope {
            Some(kind) => haystack.entries_of(kind),
            None => 0..haystack.len() as u32,
        }
    }

    /// The entries matching `query`, best first.
    pub fn search(&mut self, haystack: &Haystack, query: &str) -> Results {
        self.search_until(haystack, query, &|| false)
            .expect("a search that cannot be stopped completes")
    }

    /// Like [`Searcher::search`], giving up (`None`) as soon as `stop` says so (it is asked
    /// every few thousand names). A search given up leaves what narrows the next one as it was.
    pub fn search_until(
        &mut self,
        haystack: &Haystack,
        query: &str,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Option<Results> {
        let mut parsed = Query::parse(query);
        if self.scorer_only {
            parsed.one = None;
        }
        let scope = self.entries(haystack);
        let total = scope.len();
        if parsed.is_empty() {
            let hits = scope
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
                total,
                ignored_terms: 0,
            };
            // Narrowing from everything is no narrowing.
            self.last = None;
            return Some(results);
        }
        let cores = std::thread::available_parallelism().map_or(1, |c| c.get().clamp(1, 8));
        self.matchers(if total >= PARALLEL_FROM { cores } else { 1 });
        // A query that only grew can only match what the last one matched.
        let candidates: Option<&[u32]> = match &self.last {
            Some((last, searched, entries))
                if parsed.narrows && query.starts_with(last.as_str()) && *searched == total =>
            {
                Some(entries)
            }
            _ => None,
        };
        let n = candidates.map_or(total, <[u32]>::len);
        let entry_at = |i: usize| -> u32 { candidates.map_or(scope.start + i as u32, |c| c[i]) };
        let threads = if n >= PARALLEL_FROM { cores } else { 1 };
        let per = n.div_ceil(threads.max(1)).max(1);
        let parts: Vec<Option<(Vec<Hit>, Vec<u32>)>> = std::thread::scope(|scope| {
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
                        let mut hits =
                            match_range(haystack, parsed, matcher, range.map(entry_at), stop)?;
                        // Kept in haystack order (as found): the next search reads the names
                        // in memory order.
                        let found: Vec<u32> = hits.iter().map(|h| h.entry).collect();
                        sort_found(&mut hits);
                        Some((hits, found))
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or(None))
                .collect()
        });
        let parts: Vec<(Vec<Hit>, Vec<u32>)> = parts.into_iter().collect::<Option<_>>()?;
        // Each part covers a range of the names after the one before.
        let mut found = Vec::with_capacity(parts.iter().map(|p| p.1.len()).sum());
        let mut sorted = Vec::with_capacity(parts.len());
        for (part, entries) in parts {
            found.extend(entries);
            sorted.push(part);
        }
        let hits = merge_sorted(sorted);
        self.last = Some((query.to_string(), total, found));
        Some(Results {
            query: query.to_string(),
            hits,
            total,
            ignored_terms: parsed.parsed.ignored,
        })
    }

    /// Positions (in characters) of the name that the query matched, for highlighting.
    pub fn indices(&mut self, haystack: &Haystack, query: &str, text: u32) -> Vec<usize> {
        if text as usize >= haystack.bags.len() {
            return Vec::new();
        }
        let name = haystack.text(text);
        let mut chars = Vec::new();
        Parsed::new(query).positions(
            &name,
            matched_text(haystack, text, matches_on_folded(query), &mut chars),
            &fold(&name),
            &mut self.matchers(1)[0],
        )
    }
}

fn match_range(
    haystack: &Haystack,
    query: &Query,
    matcher: &mut Matcher,
    entries: impl Iterator<Item = u32>,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<Hit>> {
    let mut hits = Vec::new();
    let (mut buf, mut chars) = (String::new(), Vec::new());
    for (n, entry) in entries.enumerate() {
        if n % CHUNK == 0 && stop() {
            return None;
        }
        let texts = haystack.texts_of(entry);
        if !query.parsed.negative.is_empty()
            && texts.clone().any(|t| {
                query.parsed.excludes(
                    haystack.utf32(t, &mut chars),
                    &mut haystack.fold(t, &mut buf),
                )
            })
        {
            continue;
        }
        let mut best: Option<Hit> = None;
        for t in texts {
            let bag = haystack.bags[t as usize];
            if bag & query.required != query.required {
                continue;
            }
            let text = matched_text(haystack, t, query.on_folded, &mut chars);
            let scored = match (query.one, text) {
                (Some(c), Utf32Str::Ascii(name)) => one_char(name, c),
                _ => query.score(text, &mut haystack.fold(t, &mut buf), bag, matcher),
            };
            if let Some((tier, score)) = scored {
                let hit = Hit {
                    entry,
                    text: t,
                    score: score.min(u32::from(u16::MAX)) as u16,
                    tier,
                    len: text.len().min(usize::from(u8::MAX)) as u8,
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

/// Hits from which a radix sort is faster than a comparison sort.
const RADIX_FROM: usize = 512;

/// Best first: lower tier, higher score, shorter text, then knowledge-base order (alliances
/// before organisations before focus areas before artifacts). `hits` come in knowledge-base
/// order, so a stable sort by the rest of the ranking key gives that order on a tie: a radix
/// sort, which passes only over the key's bytes that differ (a first letter matches half a
/// million names with a few dozen scores and lengths), for the many hits of a short query.
fn sort_found(hits: &mut [Hit]) {
    debug_assert!(hits.windows(2).all(|w| w[0].entry < w[1].entry));
    if hits.len() < RADIX_FROM {
        hits.sort_unstable_by_key(Hit::rank);
    } else {
        radsort::sort_by_key(hits, |h| (h.rank() >> 32) as u32);
    }
}

/// One list, best first, of lists each sorted best first (each thread sorts its own hits:
/// merging them costs a pass, sorting them all again would cost many).
fn merge_sorted(mut parts: Vec<Vec<Hit>>) -> Vec<Hit> {
    while parts.len() > 1 {
        let mut merged = Vec::with_capacity(parts.len().div_ceil(2));
        let mut pairs = parts.into_iter();
        while let Some(a) = pairs.next() {
            match pairs.next() {
                Some(b) => merged.push(merge_two(a, b)),
                None => merged.push(a),
            }
        }
        parts = merged;
    }
    parts.pop().unwrap_or_default()
}

fn merge_two(a: Vec<Hit>, b: Vec<Hit>) -> Vec<Hit> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => {
                if y.rank() < x.rank() {
                    b.next()
                } else {
                    a.next()
                }
            }
            (Some(_), None) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(hit) => out.push(hit),
            None => return out,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> Kb {
        crate::kb::load_embedded().unwrap()
    }

    /// Hits in ranking order, by the whole key.
    fn by_rank(hits: &mut [Hit]) {
        hits.sort_unstable_by_key(Hit::rank);
    }

    #[test]
    fn hits_found_in_order_sort_by_their_whole_rank() {
        let mut x = 11u32;
        for n in [0, 1, 5, RADIX_FROM - 1, RADIX_FROM, 20_000] {
            // Few tiers and scores, many lengths, entries rising with gaps: as a search finds them.
            let mut found: Vec<Hit> = (0..n as u32)
                .map(|i| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    Hit {
                        entry: i * 4 + (x >> 30),
                        text: i,
                        score: 16 + 2 * ((x >> 8) as u16 % 11),
                        tier: (x >> 16) as u8 % 3,
                        len: (x >> 20) as u8,
                    }
                })
                .collect();
            let mut expected = found.clone();
            by_rank(&mut expected);
            sort_found(&mut found);
            assert_eq!(found, expected, "{n} hits");
        }
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
            .map(|h| haystack.entry(h.entry).name(kb).to_string())
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
        assert_eq!(kb.organizations[h.entry(first.entry).ix()].id, "epfl");
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
                        let (mut chars, mut folded) = (Vec::new(), String::new());
                        let text = Utf32Str::new(n, &mut chars);
                        let mut folded = LazyFold::new(text, &mut folded);
                        parsed.score(text, &mut folded, &mut matcher).is_some()
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
    fn merging_sorted_parts_gives_one_sorted_list() {
        let hit = |entry: u32, tier: u8, score: u16| Hit {
            entry,
            text: entry,
            score,
            tier,
            len: 10,
        };
        // Deterministic pseudo-random hits, cut into parts of different sizes.
        let mut x = 7u32;
        let mut all: Vec<Hit> = (0..1_000)
            .map(|entry| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                hit(entry, (x >> 8) as u8 % 4, (x >> 16) as u16 % 50)
            })
            .collect();
        for cuts in [
            vec![],
            vec![500],
            vec![1, 2],
            vec![100, 700, 701],
            vec![0, 1_000],
        ] {
            let mut parts = Vec::new();
            let mut from = 0;
            for &to in cuts.iter().chain([&1_000]) {
                let mut part = all[from..to].to_vec();
                by_rank(&mut part);
                parts.push(part);
                from = to;
            }
            let merged = merge_sorted(parts);
            by_rank(&mut all);
            assert_eq!(merged, all, "cut at {cuts:?}");
        }
        assert!(merge_sorted(Vec::new()).is_empty());
    }

    #[test]
    fn a_search_on_every_core_ranks_like_one_sort() {
        use std::fmt::Write;
        // Enough names to search on every core, with every tier among the hits.
        let mut text = String::from("(organizations: [\n");
        for i in 0..(PARALLEL_FROM + 5_000) {
            let name = match i % 4 {
                0 => format!("Tel {i}"),
                1 => format!("Hotel {i}"),
                2 => format!("The Electric Company {i}"),
                _ => format!("Other {i}"),
            };
            let _ = writeln!(text, "(id: \"o{i}\", name: \"{name}\", kind: company),");
        }
        text.push_str("])");
        let kb = crate::kb::load::load_files([("t.ron".into(), text.into_bytes())]).unwrap();
        let h = Haystack::organizations(&kb);
        let mut typed = Searcher::new();
        for query in ["t", "te", "tel", "tel 2"] {
            let hits = Searcher::new().search(&h, query).hits;
            // Narrowing from the last results (gathered from every core) finds the same.
            assert_eq!(typed.search(&h, query).hits, hits, "{query}");
            assert!(hits.len() > PARALLEL_FROM / 4, "{query}: {}", hits.len());
            let mut resorted = hits.clone();
            by_rank(&mut resorted);
            assert_eq!(hits, resorted, "{query}");
            assert!(hits.iter().all(|x| x.entry < h.len() as u32));
        }
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
        assert_eq!(h.entry(r.hits[0].entry).kind(), EntityKind::Alliance);
    }

    #[test]
    fn go_to_anything_prefers_the_alliance_on_a_tie() {
        let kb = kb();
        let h = Haystack::everything(&kb);
        let mut s = Searcher::new();
        let hits = s.search(&h, "partnership on ai").hits;
        let kinds: Vec<EntityKind> = hits
            .iter()
            .take(2)
            .map(|x| h.entry(x.entry).kind())
            .collect();
        assert_eq!(kinds, [EntityKind::Alliance, EntityKind::Org]);
        assert_eq!(
            kb.alliances[h.entry(hits[0].entry).ix()].id,
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
    fn an_accented_name_is_matched_where_it_matches_best() {
        let text = r#"(organizations: [
            (id: "a", name: "Köln Institute of Ethics", kind: research_lab),
            (id: "b", name: "Energy Institute", kind: company),
        ])"#;
        let kb = crate::kb::load::load_files([("t.ron".into(), text.as_bytes().to_vec())]).unwrap();
        let h = Haystack::organizations(&kb);
        let mut s = Searcher::new();
        let hits = s.search(&h, "e").hits;
        assert_eq!(hits.len(), 2);
        // Both names have an "e" starting a word: the same score, the shorter name first.
        assert_eq!(hits[0].score, hits[1].score, "{hits:?}");
        assert_eq!(h.text(hits[0].text), "Energy Institute");
        // The letter highlighted is the one that scored: the "E" of "Ethics".
        assert_eq!(s.indices(&h, "e", hits[1].text), [18]);
        // An upper-case or accented query reads the name as it is written.
        assert_eq!(s.indices(&h, "Köln", hits[1].text), [0, 1, 2, 3]);
        assert_eq!(s.search(&h, "koln").hits.len(), 1);
        assert_eq!(s.search(&h, "Koln").hits.len(), 1);
        assert_eq!(s.search(&h, "KOLN").hits.len(), 0);
        assert_eq!(s.search(&h, "kóln").hits.len(), 0);
    }

    #[test]
    fn the_one_character_scan_ranks_as_the_scorer_does() {
        let names = [
            "a",
            "A",
            "1",
            "b",
            "ab",
            "Ab",
            "bA",
            "baA",
            "aaaa",
            "ABC",
            "camelCase",
            "x/a",
            "x,a",
            "x:a",
            "x;a",
            "x|a",
            "x-a",
            "x.a",
            "x_a",
            "x'a",
            "x(a",
            "x a",
            "x\\ta",
            "a1",
            "1a",
            "x1",
            "X1",
            "xa1",
            "11",
            "z9z",
            "Ärzte",
            "Öl a",
            "Étoile",
            "Zürich AI",
            "東京 a",
            "ＡＢ c",
            "Ｚ",
            "q-Q",
            "Qq",
            "e é E",
        ];
        let orgs: String = names
            .iter()
            .enumerate()
            .map(|(i, n)| format!("(id: \"o{i}\", name: \"{n}\", kind: company),"))
            .collect();
        let text = format!("(organizations: [{orgs}])");
        let kb = crate::kb::load::load_files([("t.ron".into(), text.into_bytes())]).unwrap();
        let h = Haystack::organizations(&kb);
        for c in ('a'..='z').chain('0'..='9') {
            let q = c.to_string();
            let scan = Searcher::new().search(&h, &q).hits;
            let scorer = Searcher::new().scorer_only().search(&h, &q).hits;
            assert_eq!(scan, scorer, "{q}");
        }
        // The scan is taken: "a" at a name's start, after a space, a delimiter, other punctuation
        // and a case change score 36, 36, 34, 32 and 26.
        assert_eq!(one_char(b"x a", b'a'), Some((2, 36)));
        assert_eq!(one_char(b"x/a", b'a'), Some((2, 34)));
        assert_eq!(one_char(b"x-a", b'a'), Some((2, 32)));
        assert_eq!(one_char(b"bA", b'a'), Some((2, 26)));
        assert_eq!(one_char(b"Ab", b'a'), Some((1, 36)));
        assert_eq!(one_char(b"A", b'a'), Some((0, 36)));
        assert_eq!(one_char(b"xyz", b'a'), None);
    }

    #[test]
    fn a_search_told_to_stop_gives_up_and_the_next_still_narrows() {
        let kb = kb();
        let h = Haystack::organizations(&kb);
        let mut s = Searcher::new();
        assert_eq!(Searcher::new().search_until(&h, "a", &|| true), None);
        s.search(&h, "un");
        assert_eq!(s.search_until(&h, "uni", &|| true), None);
        assert_eq!(s.search(&h, "univ"), Searcher::new().search(&h, "univ"));
    }

    #[test]
    fn a_searcher_within_one_kind_sees_only_that_kind() {
        let kb = kb();
        let h = Haystack::everything(&kb);
        let orgs = h.entries_of(EntityKind::Org);
        let r = Searcher::within(EntityKind::Org).search(&h, "");
        assert_eq!(r.total, kb.organizations.len());
        assert_eq!(r.hits.len(), orgs.len());
        let r = Searcher::within(EntityKind::Org).search(&h, "alliance");
        assert!(!r.hits.is_empty());
        assert!(
            r.hits
                .iter()
                .all(|hit| h.entry(hit.entry).kind() == EntityKind::Org)
        );
        assert_eq!(h.entry(orgs.start), Entity::Org(0));
    }
}
