//! A search query in fzf syntax, parsed into terms that all must match one name.
//!
//! `abc` is fuzzy (the letters in order); `'abc` a substring; `^abc` a prefix; `abc$` a suffix;
//! `^abc$` the whole name; `!abc` (or `!^abc`, `!abc$`) excludes names containing it. `\ `,
//! `\^`, `\'`, `\!` and `\$` are the characters themselves. Case is smart (an upper-case letter
//! makes a term case-sensitive) and accents are folded unless the term has some.
//!
//! Fuzzy terms are matched and scored by nucleo-matcher. The other kinds are matched here, on
//! the folded names the haystack keeps: nucleo-matcher 0.3.1 misses a case-sensitive prefix of
//! an ASCII name, and a substring at the very end of a non-ASCII name.

pub use crate::text::{fold, fold_char, fold_chars};
use nucleo_matcher::chars;
use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Matcher, Utf32Str};

/// How a literal term must sit in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Anywhere,
    Start,
    End,
    Whole,
}

/// A term matched as written (not fuzzily).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    pub place: Place,
    /// The term in the form names are compared in (see `case_sensitive` and `normalize`).
    needle: String,
    case_sensitive: bool,
    normalize: bool,
}

#[derive(Debug, Clone)]
pub enum Term {
    Fuzzy(Atom),
    Literal(Literal),
}

/// A name's folded form (see [`fold`]): known already, or made the first time a term needs it,
/// in a buffer that the caller reuses from name to name.
pub struct LazyFold<'a> {
    text: Utf32Str<'a>,
    buf: Option<&'a mut String>,
    known: &'a str,
    done: bool,
}

impl<'a> LazyFold<'a> {
    pub fn new(text: Utf32Str<'a>, buf: &'a mut String) -> Self {
        LazyFold {
            text,
            buf: Some(buf),
            known: "",
            done: false,
        }
    }

    /// A name whose folded form is `folded`.
    pub fn known(folded: &'a str) -> Self {
        LazyFold {
            text: Utf32Str::Ascii(&[]),
            buf: None,
            known: folded,
            done: true,
        }
    }

    pub fn get(&mut self) -> &str {
        let Some(buf) = self.buf.as_deref_mut() else {
            return self.known;
        };
        if !self.done {
            buf.clear();
            match self.text {
                Utf32Str::Ascii(bytes) => {
                    buf.extend(bytes.iter().map(|&b| b.to_ascii_lowercase() as char))
                }
                Utf32Str::Unicode(chars) => buf.extend(chars.iter().map(|&c| fold_char(c))),
            }
            self.done = true;
        }
        buf
    }
}

/// `s` in the form a term compares in.
fn form(s: &str, case_sensitive: bool, normalize: bool) -> String {
    s.chars()
        .map(|c| {
            let c = if case_sensitive {
                c
            } else {
                chars::to_lower_case(c)
            };
            if normalize { chars::normalize(c) } else { c }
        })
        .collect()
}

impl Literal {
    fn new(place: Place, text: &str) -> Self {
        let case_sensitive = text.chars().any(chars::is_upper_case);
        // Smart normalisation: a term with an accent of its own matches that accent only.
        let normalize = text.chars().all(|c| chars::normalize(c) == c);
        Literal {
            place,
            needle: form(text, case_sensitive, normalize),
            case_sensitive,
            normalize,
        }
    }

    /// Where the term sits in a name, as (first character, number of characters). `folded` is
    /// the name folded; `name` gives the name itself when the term needs another form.
    pub fn find(&self, folded: &str, name: impl FnOnce() -> String) -> Option<(usize, usize)> {
        let owned;
        let hay = if !self.case_sensitive && self.normalize {
            folded
        } else {
            owned = form(&name(), self.case_sensitive, self.normalize);
            owned.as_str()
        };
        let byte = match self.place {
            Place::Anywhere => hay.find(self.needle.as_str())?,
            Place::Start => hay.starts_with(self.needle.as_str()).then_some(0)?,
            Place::End => hay.strip_suffix(self.needle.as_str()).map(str::len)?,
            Place::Whole => (hay == self.needle).then_some(0)?,
        };
        Some((hay[..byte].chars().count(), self.needle.chars().count()))
    }

    /// A score for ranking among other matches: longer terms and matches nearer the start
    /// score higher, like the fuzzy scores they are added to.
    pub fn score(&self, start: usize) -> u32 {
        let len = self.needle.chars().count() as u32;
        (len * 16 + 32).saturating_sub((start as u32).min(32))
    }
}

/// At most this many different terms are searched, so that a pasted paragraph costs what a
/// long name does; the rest are counted in [`Parsed::ignored`].
pub const MAX_TERMS: usize = 16;

/// A term is read up to this many characters: no name is matched by a longer one that the
/// cut term would not match as well, in practice, and a pasted blob costs no more than this.
pub const MAX_TERM_CHARS: usize = 128;

/// A parsed query: the terms a name must match, and those that exclude an entity.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub positive: Vec<Term>,
    pub negative: Vec<Literal>,
    /// The positive terms' characters, folded, for the character prefilter.
    pub required_text: String,
    /// Different terms past the first [`MAX_TERMS`], not searched. (A term given twice counts
    /// once: it cannot narrow the matches further.)
    pub ignored: usize,
}

/// The whitespace-separated raw terms of a query; `\ ` keeps a space inside a term.
fn raw_terms(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    let mut term = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_whitespace()) {
            term.push('\\');
            term.extend(chars.next());
        } else if c.is_whitespace() {
            if !term.is_empty() {
                terms.push(std::mem::take(&mut term));
            }
        } else {
            term.push(c);
        }
    }
    if !term.is_empty() {
        terms.push(term);
    }
    terms
}

/// One raw term: excluded or not, its kind, and its text with escapes resolved.
fn term(raw: &str) -> (bool, AtomKind, String) {
    let mut rest = raw;
    let negative = rest.starts_with('!') && rest.len() > 1;
    if negative {
        rest = &rest[1..];
    }
    let mut kind = AtomKind::Fuzzy;
    if let Some(r) = rest.strip_prefix('^') {
        kind = AtomKind::Prefix;
        rest = r;
    } else if let Some(r) = rest.strip_prefix('\'') {
        kind = AtomKind::Substring;
        rest = r;
    }
    if rest.ends_with('$') && !rest.ends_with("\\$") && rest.len() > 1 {
        kind = if kind == AtomKind::Prefix {
            AtomKind::Exact
        } else {
            AtomKind::Postfix
        };
        rest = &rest[..rest.len() - 1];
    }
    if negative && kind == AtomKind::Fuzzy {
        kind = AtomKind::Substring;
    }
    let mut text = String::with_capacity(rest.len());
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(&n)) if n.is_whitespace() || "^'!$\\".contains(n) => {
                text.push(n);
                chars.next();
            }
            _ => text.push(c),
        }
    }
    (negative, kind, text)
}

impl Parsed {
    pub fn new(query: &str) -> Self {
        let mut positive = Vec::new();
        let mut negative = Vec::new();
        let mut required_text = String::new();
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut ignored = 0;
        for raw in raw_terms(query) {
            if seen.contains(&raw) {
                continue;
            }
            let (excluded, kind, mut text) = term(&raw);
            if text.is_empty() {
                continue;
            }
            seen.insert(raw);
            if seen.len() > MAX_TERMS {
                ignored += 1;
                continue;
            }
            if let Some((cut, _)) = text.char_indices().nth(MAX_TERM_CHARS) {
                text.truncate(cut);
            }
            let place = match kind {
                AtomKind::Prefix => Place::Start,
                AtomKind::Postfix => Place::End,
                AtomKind::Exact => Place::Whole,
                _ => Place::Anywhere,
            };
            if excluded {
                negative.push(Literal::new(place, &text));
                continue;
            }
            required_text.push_str(&fold(&text));
            positive.push(match kind {
                AtomKind::Fuzzy => Term::Fuzzy(Atom::new(
                    &text,
                    CaseMatching::Smart,
                    Normalization::Smart,
                    AtomKind::Fuzzy,
                    false,
                )),
                _ => Term::Literal(Literal::new(place, &text)),
            });
        }
        Parsed {
            positive,
            negative,
            required_text,
            ignored,
        }
    }

    /// Whether every positive term is fuzzy and none excludes: the query is plain text.
    pub fn is_plain(&self) -> bool {
        self.negative.is_empty() && self.positive.iter().all(|t| matches!(t, Term::Fuzzy(_)))
    }

    /// The score of a name matching every positive term, or `None`.
    pub fn score(
        &self,
        text: Utf32Str<'_>,
        folded: &mut LazyFold<'_>,
        matcher: &mut Matcher,
    ) -> Option<u32> {
        let mut total = 0u32;
        for t in &self.positive {
            total += match t {
                Term::Fuzzy(atom) => u32::from(atom.score(text, matcher)?),
                Term::Literal(lit) => lit.score(lit.find(folded.get(), || text.to_string())?.0),
            };
        }
        Some(total)
    }

    /// Whether an excluding term matches the name.
    pub fn excludes(&self, text: Utf32Str<'_>, folded: &mut LazyFold<'_>) -> bool {
        self.negative
            .iter()
            .any(|lit| lit.find(folded.get(), || text.to_string()).is_some())
    }

    /// The characters of `name` (its character positions) that the positive terms matched.
    /// `text` is the name as the matcher holds it (grapheme clusters, first characters).
    pub fn positions(
        &self,
        name: &str,
        text: Utf32Str<'_>,
        folded: &str,
        matcher: &mut Matcher,
    ) -> Vec<usize> {
        use unicode_segmentation::UnicodeSegmentation;
        let mut positions = Vec::new();
        for t in &self.positive {
            match t {
                Term::Fuzzy(atom) => {
                    let mut graphemes: Vec<u32> = Vec::new();
                    if atom.indices(text, matcher, &mut graphemes).is_none() {
                        continue;
                    }
                    graphemes.sort_unstable();
                    // The matcher counts grapheme clusters: map them to characters.
                    let mut char_pos = 0;
                    for (g, cluster) in name.graphemes(true).enumerate() {
                        let n = cluster.chars().count();
                        if graphemes.binary_search(&(g as u32)).is_ok() {
                            positions.extend(char_pos..char_pos + n);
                        }
                        char_pos += n;
                    }
                }
                Term::Literal(lit) => {
                    if let Some((start, len)) = lit.find(folded, || name.to_string()) {
                        positions.extend(start..start + len);
                    }
                }
            }
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_s_cost_is_bounded_repeated_terms_count_once() {
        let repeated = Parsed::new(&"ai ".repeat(10_000));
        assert_eq!(repeated.positive.len(), 1);
        assert_eq!(repeated.ignored, 0);
        let many: String = (0..3_000).map(|n| format!("t{n} ")).collect();
        let capped = Parsed::new(&many);
        assert_eq!(capped.positive.len(), MAX_TERMS);
        assert_eq!(capped.ignored, 3_000 - MAX_TERMS);
        // Past the cap too, a term given twice counts once.
        let twice = Parsed::new(&format!("{many} {many}"));
        assert_eq!(twice.ignored, 3_000 - MAX_TERMS);
        // Exclusions count among the terms too, and a long term is cut.
        let mixed = Parsed::new(&format!("!x !x {}", "a".repeat(5_000)));
        assert_eq!((mixed.negative.len(), mixed.positive.len()), (1, 1));
        assert_eq!(mixed.required_text.chars().count(), MAX_TERM_CHARS);
    }

    fn find(query: &str, name: &str) -> Option<(usize, usize)> {
        let parsed = Parsed::new(query);
        let Some(Term::Literal(lit)) = parsed.positive.first().cloned().or(parsed
            .negative
            .first()
            .cloned()
            .map(Term::Literal))
        else {
            panic!("{query} is not a literal term");
        };
        lit.find(&fold(name), || name.to_string())
    }

    #[test]
    fn literal_terms_where_nucleo_0_3_1_misses_them() {
        // A case-sensitive prefix of an ASCII name.
        assert_eq!(find("^Deu", "Deutsche Telekom"), Some((0, 3)));
        assert_eq!(find("^deu", "Deutsche Telekom"), Some((0, 3)));
        assert_eq!(find("^Deu", "deutsche telekom"), None);
        // A substring at the very end of a non-ASCII name.
        assert_eq!(find("'Tokyo", "université de Tokyo"), Some((14, 5)));
        assert_eq!(find("!tokyo", "université de Tokyo"), Some((14, 5)));
    }

    #[test]
    fn places_cases_and_accents() {
        assert_eq!(find("alliance$", "Mass Open Cloud Alliance"), Some((16, 8)));
        assert_eq!(find("alliance$", "Alliance for AI"), None);
        assert_eq!(find("^ibm$", "IBM"), Some((0, 3)));
        assert_eq!(find("^ibm$", "IBM Research"), None);
        assert_eq!(find("'ecole", "École polytechnique"), Some((0, 5)));
        // An accented term matches that accent only.
        assert_eq!(find("'é", "Ecole"), None);
        assert_eq!(find("'é", "École"), Some((0, 1)));
        // Upper case makes a term case-sensitive; accents still fold.
        assert_eq!(find("'Ecole", "École"), Some((0, 5)));
        assert_eq!(find("'Ecole", "école"), None);
    }

    #[test]
    fn escapes_and_operators() {
        let p = Parsed::new(r"a\ b \!x \^y z\$ !not ^pre suf$ 'sub ^all$");
        let kinds: Vec<String> = p
            .positive
            .iter()
            .map(|t| match t {
                Term::Fuzzy(_) => "fuzzy".to_string(),
                Term::Literal(l) => format!("{:?}", l.place),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "fuzzy", "fuzzy", "fuzzy", "fuzzy", "Start", "End", "Anywhere", "Whole"
            ]
        );
        assert_eq!(p.negative.len(), 1);
        assert_eq!(p.negative[0].place, Place::Anywhere);
        assert!(!p.is_plain());
        assert!(Parsed::new("partnership on ai").is_plain());
        // A lone `!`, `^` or `'` is the character.
        assert!(Parsed::new("!").negative.is_empty());
    }
}
