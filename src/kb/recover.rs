//! Reading a file past its first mistake, so that one run reports every problem.
//!
//! A RON file is read in one go, and the parser stops at its first error. When a file does not
//! parse, it is read again item by item: each alliance, organisation, focus area, artifact and
//! source is parsed on its own, and an item with a mistake is mended where the mend is certain
//! (an unknown field left out, an unknown value replaced by a known one of the same length, a
//! quoted value unquoted) and read again, to find its next mistake. The items that could be read
//! go on to validation, so that a wrong reference or country code in them is reported in the
//! same run; the ids of the items that could not be read are kept, so that references to them
//! are not reported as unknown.
//!
//! Valid files never come here: the whole-file parse is the fast path.

use super::load::{describe, line_col, offset_of, ron_options};
use super::locate::{Lexeme, Tok, lexemes};
use super::problem::{Lines, Problem};
use super::{Alliance, Artifact, FocusArea, Kb, Organization, Source};
use serde::de::DeserializeOwned;

/// The collections of a knowledge-base file, in the order of [`Skipped::items`].
pub const COLLECTIONS: [&str; 5] = [
    "alliances",
    "organizations",
    "focus_areas",
    "artifacts",
    "sources",
];

/// What of a file could not be read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skipped {
    /// For each collection (in [`COLLECTIONS`] order), the places in the file's list of the
    /// items that could not be read, in order.
    pub items: [Vec<u32>; 5],
    /// The ids those items give, as far as they can be read, for each collection (in
    /// [`COLLECTIONS`] order).
    pub ids: [Vec<String>; 5],
}

impl Skipped {
    pub fn is_empty(&self) -> bool {
        self.items.iter().all(Vec::is_empty)
    }

    /// The place in the file of the `index`-th item read of a collection (items skipped come
    /// between the items read).
    pub fn file_index(&self, collection: usize, index: usize) -> usize {
        let mut at = index;
        for &s in &self.items[collection] {
            if s as usize <= at {
                at += 1;
            } else {
                break;
            }
        }
        at
    }

    /// `path` (`alliances[2].members[0].org`, the place of a value among the items read) as a
    /// place in the file.
    pub fn file_path(&self, path: &str) -> String {
        let Some(open) = path.find('[') else {
            return path.to_string();
        };
        let Some(collection) = COLLECTIONS.iter().position(|c| *c == &path[..open]) else {
            return path.to_string();
        };
        let Some(close) = path[open..].find(']').map(|c| open + c) else {
            return path.to_string();
        };
        match path[open + 1..close].parse::<usize>() {
            Ok(index) => format!(
                "{}[{}]{}",
                &path[..open],
                self.file_index(collection, index),
                &path[close + 1..]
            ),
            Err(_) => path.to_string(),
        }
    }
}

/// A file read item by item: what could be read, what could not, and every problem found.
#[derive(Debug)]
pub struct Recovered {
    pub kb: Kb,
    pub skipped: Skipped,
    pub problems: Vec<Problem>,
}

/// How many mistakes are looked for in one item.
const MENDS_PER_ITEM: usize = 16;

/// How many problems of one file are listed; the rest are counted.
pub const LISTED_PER_FILE: usize = 200;

/// Reads `text` item by item; `None` when its outline (the parentheses around the file, the
/// collections' names and brackets) cannot be followed.
pub fn recover(name: &str, text: &str) -> Option<Recovered> {
    let lines = Lines::new(text);
    let mut tokens = lexemes(text).peekable();
    let mut out = Recovered {
        kb: Kb::default(),
        skipped: Skipped::default(),
        problems: Vec::new(),
    };
    // An optional struct name, then the parenthesis that opens the file.
    if matches!(
        tokens.peek(),
        Some(Lexeme {
            tok: Tok::Ident(_),
            ..
        })
    ) {
        tokens.next();
    }
    if tokens.next()?.tok != Tok::LParen {
        return None;
    }
    let mut seen = [false; 5];
    loop {
        let field = tokens.next()?;
        let name_of = match field.tok {
            Tok::RParen => break,
            Tok::Comma => continue,
            Tok::Ident(name) => name,
            _ => return None,
        };
        if tokens.next()?.tok != Tok::Colon {
            return None;
        }
        let collection = COLLECTIONS.iter().position(|c| *c == name_of);
        let Some(c) = collection.filter(|&c| !seen[c]) else {
            // An unknown collection, or one given twice: said, and its value skipped.
            let code = match collection {
                None => ron::Error::NoSuchStructField {
                    expected: &COLLECTIONS,
                    found: name_of,
                    outer: Some("Kb".into()),
                },
                Some(_) => ron::Error::DuplicateStructField {
                    field: COLLECTIONS[collection.unwrap_or(0)],
                    outer: Some("Kb".into()),
                },
            };
            let message = describe(&code, false);
            let (line, col) = (field.pos.line, field.pos.col);
            out.problems
                .push(Problem::at_line(name, &lines, line, col, message));
            value_end(&mut tokens)?;
            continue;
        };
        seen[c] = true;
        if tokens.next()?.tok != Tok::LBracket {
            return None;
        }
        let mut index = 0u32;
        loop {
            match tokens.peek()?.tok {
                Tok::RBracket => {
                    tokens.next();
                    break;
                }
                Tok::Comma => {
                    tokens.next();
                    continue;
                }
                _ => {}
            }
            let first = tokens.peek()?.clone();
            let end = value_end(&mut tokens)?;
            let item = Item {
                file: name,
                lines: &lines,
                text,
                start: first.start,
                end,
                line: first.pos.line,
                col: first.pos.col,
            };
            let read = match c {
                0 => item.read::<Alliance>(&mut out.problems, |a| out.kb.alliances.push(a)),
                1 => item.read::<Organization>(&mut out.problems, |o| out.kb.organizations.push(o)),
                2 => item.read::<FocusArea>(&mut out.problems, |f| out.kb.focus_areas.push(f)),
                3 => item.read::<Artifact>(&mut out.problems, |a| out.kb.artifacts.push(a)),
                _ => item.read::<Source>(&mut out.problems, |s| out.kb.sources.push(s)),
            };
            if !read {
                out.skipped.items[c].push(index);
                out.skipped.ids[c].extend(item.id());
            }
            index += 1;
        }
    }
    // A file with a mistake repeated in every item: its first problems, and how many more.
    if out.problems.len() > LISTED_PER_FILE {
        let more = out.problems.len() - LISTED_PER_FILE;
        out.problems.truncate(LISTED_PER_FILE);
        out.problems.push(Problem::whole(
            name,
            format!(
                "{} more problems in this file are not listed: fix these first",
                crate::text::number(more)
            ),
        ));
    }
    Some(out)
}

/// Consumes one value (a scalar, a name, or a bracketed whole with what a name opens), and
/// gives the byte where it ends.
fn value_end(tokens: &mut std::iter::Peekable<impl Iterator<Item = Lexeme>>) -> Option<usize> {
    let first = tokens.next()?;
    let mut end = first.end;
    let mut depth = 0usize;
    match first.tok {
        t if t.is_opener() => depth = 1,
        // `Some(…)` or a named struct: the parenthesis belongs to the value.
        Tok::Ident(_)
            if matches!(
                tokens.peek(),
                Some(Lexeme {
                    tok: Tok::LParen,
                    ..
                })
            ) => {}
        t if t.is_closer() || t == Tok::Comma || t == Tok::Colon => return None,
        _ => return Some(end),
    }
    while let Some(l) = tokens.next_if(|_| true) {
        end = l.end;
        if l.tok.is_opener() {
            depth += 1;
        } else if l.tok.is_closer() {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(end);
            }
        }
    }
    None
}

/// One item of a collection, as written in its file.
struct Item<'a> {
    file: &'a str,
    lines: &'a Lines<'a>,
    text: &'a str,
    start: usize,
    end: usize,
    /// Where it starts in the file.
    line: usize,
    col: usize,
}

impl Item<'_> {
    fn source(&self) -> &str {
        &self.text[self.start..self.end]
    }

    /// Reads the item, mending what can be mended to find more mistakes; gives it to `keep`
    /// (mended or not) and returns true if it could be read at all.
    fn read<T: DeserializeOwned>(&self, problems: &mut Vec<Problem>, keep: impl FnOnce(T)) -> bool {
        let mut source = self.source().to_string();
        let mut last = None;
        // Where an unquoted value starts: an unknown value there is the same mistake.
        let mut unquoted = None;
        // Fields left out as unknown: a misspelt field is then also missing, which is the
        // same mistake.
        let mut left_out: Vec<String> = Vec::new();
        // Where a mend made the source longer: (line, first column after it, columns added),
        // in the mended source's places, so that a later mistake is placed where it is written.
        let mut shifts: Vec<(usize, usize, usize)> = Vec::new();
        for _ in 0..MENDS_PER_ITEM {
            let error = match ron_options().from_str::<T>(&source) {
                Ok(value) => {
                    keep(value);
                    return true;
                }
                Err(e) => e,
            };
            if let ron::Error::MissingStructField { field, .. } = &error.code
                && left_out
                    .iter()
                    .any(|f| !crate::suggest::closest(f, [*field], 1).is_empty())
            {
                return false;
            }
            if let ron::Error::NoSuchStructField { found, .. } = &error.code {
                left_out.push(found.clone());
            }
            let at = settle(
                &source,
                offset_of(&source, error.span.start.line, error.span.start.col),
            );
            // A mend that did not move the parser on would loop.
            if last == Some(at) {
                return false;
            }
            last = Some(at);
            let (message, mend) = understand(&source, at, &error.code);
            let same = unquoted.take() == Some(at);
            match problems.last_mut() {
                Some(p) if same => p.message = format!("{message} (written without quotes)"),
                _ => {
                    let (line, mut col) = line_col(&source, at);
                    for &(l, from, added) in shifts.iter().rev() {
                        if line == l && col >= from {
                            col -= added;
                        }
                    }
                    let (line, col) = self.place(line, col);
                    problems.push(Problem::at_line(self.file, self.lines, line, col, message));
                }
            }
            if matches!(error.code, ron::Error::ExpectedIdentifier) && source[at..].starts_with('"')
            {
                unquoted = Some(at + 1);
            }
            match mend {
                Some(Mend {
                    source: mended,
                    grew,
                }) => {
                    source = mended;
                    if let Some((after, added)) = grew {
                        let (line, from) = line_col(&source, after);
                        shifts.push((line, from, added));
                    }
                }
                None => return false,
            }
        }
        false
    }

    /// The line and column in the file of a line and column of the item's text.
    fn place(&self, line: usize, col: usize) -> (usize, usize) {
        match (line, col) {
            (1, col) => (self.line, self.col + col - 1),
            (line, col) => (self.line + line - 1, col),
        }
    }

    /// The item's `id`, if it can be read: a string after `id:` among its own fields.
    fn id(&self) -> Option<String> {
        let source = self.source();
        let mut depth = 0usize;
        let mut tokens = lexemes(source).peekable();
        while let Some(l) = tokens.next() {
            if l.tok.is_opener() {
                depth += 1;
            } else if l.tok.is_closer() {
                depth = depth.saturating_sub(1);
            } else if depth == 1 && l.tok == Tok::Ident("id".into()) {
                tokens.next_if(|n| n.tok == Tok::Colon)?;
                let value = tokens.next()?;
                let quoted = &source[value.start..value.end];
                return quoted
                    .strip_prefix('"')
                    .and_then(|q| q.strip_suffix('"'))
                    .map(str::to_string);
            }
        }
        None
    }
}

/// A source mended to read past a mistake; if the mend made it longer, where (the byte after
/// the mend) and by how many columns.
struct Mend {
    source: String,
    grew: Option<(usize, usize)>,
}

impl From<String> for Mend {
    fn from(source: String) -> Self {
        Mend { source, grew: None }
    }
}

/// What an error at byte `at` of `source` means to a person, and the source mended so that
/// reading it again finds the next mistake, when a mend is certain.
fn understand(source: &str, at: usize, code: &ron::Error) -> (String, Option<Mend>) {
    let message = describe(code, false);
    let rest = &source[at..];
    match code {
        ron::Error::NoSuchEnumVariant {
            expected, found, ..
        } if rest.starts_with(found.as_str()) => {
            // The value the message suggests (a value picked at random could make mistakes of
            // its own: `foundd` read as `merged`), padded to the unknown one's length, or
            // longer (the later places on its line are then told apart).
            let mend = crate::suggest::closest(found, expected.iter().copied(), 1)
                .first()
                .map(|known| {
                    let padded = format!("{known:<width$}", width = found.len());
                    let source = splice(source, at, found.len(), &padded);
                    let added = padded.chars().count() - found.chars().count();
                    Mend {
                        source,
                        grew: (added > 0).then_some((at + padded.len(), added)),
                    }
                });
            (message, mend)
        }
        ron::Error::NoSuchStructField { found, .. } if rest.starts_with(found.as_str()) => {
            (message, blank_field(source, at).map(Mend::from))
        }
        ron::Error::DuplicateStructField { field, .. } if rest.starts_with(field) => {
            (message, blank_field(source, at).map(Mend::from))
        }
        // A value from a list written in quotes (`kind: "company"`): unquoted, the next read
        // says whether it is known.
        ron::Error::ExpectedIdentifier if rest.starts_with('"') => {
            let Some(len) = rest[1..].find('"') else {
                return (message, None);
            };
            let word = &rest[1..1 + len];
            if word.is_empty() || !word.chars().all(|c| c.is_alphanumeric() || c == '_') {
                return (message, None);
            }
            let mended = splice(source, at, len + 2, &format!(" {word} "));
            let field = field_before(source, at).unwrap_or("this field");
            let message = format!(
                "`\"{word}\"` is quoted: {field} takes a name from a list, written without quotes (`{field}: {word}`)"
            );
            (message, Some(mended.into()))
        }
        _ => (message, None),
    }
}

/// `source` with `len` bytes at `at` replaced by `with`.
fn splice(source: &str, at: usize, len: usize, with: &str) -> String {
    let mut out = String::with_capacity(source.len() + with.len());
    out.push_str(&source[..at]);
    out.push_str(with);
    out.push_str(&source[at + len..]);
    out
}

/// `source` with the field that starts at byte `at` (its name, its value and the comma after
/// it) turned into spaces, line breaks kept: every later position stays where it was.
fn blank_field(source: &str, at: usize) -> Option<String> {
    let mut tokens = lexemes(&source[at..]).peekable();
    let name = tokens.next()?;
    if !matches!(name.tok, Tok::Ident(_)) || tokens.next()?.tok != Tok::Colon {
        return None;
    }
    let mut end = value_end(&mut tokens)?;
    if let Some(comma) = tokens.next_if(|l| l.tok == Tok::Comma) {
        end = comma.end;
    }
    let blank: String = source[at..at + end]
        .chars()
        .map(|c| if c == '\n' || c == '\r' { c } else { ' ' })
        .collect();
    // Characters became one-byte spaces: the rest moves by bytes, not by characters.
    Some(format!("{}{blank}{}", &source[..at], &source[at + end..]))
}

/// The name of the field whose value starts at byte `at` (`kind` in `kind: "company"`).
fn field_before(source: &str, at: usize) -> Option<&str> {
    let before = source[..at].trim_end().strip_suffix(':')?.trim_end();
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    Some(&before[start..]).filter(|f| !f.is_empty())
}

/// The byte where the mistake at `at` is seen: past the spaces, line breaks and comments
/// that the parser had already read when it gave up (an error after `(` points at what
/// follows it).
pub fn settle(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    loop {
        let rest = &text[at..];
        let trimmed = rest.trim_start();
        at += rest.len() - trimmed.len();
        if trimmed.starts_with("//") {
            at += trimmed.find('\n').unwrap_or(trimmed.len());
        } else if trimmed.starts_with("/*") {
            match trimmed.find("*/") {
                Some(end) => at += end + 2,
                None => return at,
            }
        } else {
            return at;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_of_items_read_map_back_to_the_file() {
        let s = Skipped {
            items: [vec![1, 3], vec![], vec![], vec![], vec![]],
            ids: Default::default(),
        };
        assert_eq!(s.file_index(0, 0), 0);
        assert_eq!(s.file_index(0, 1), 2);
        assert_eq!(s.file_index(0, 2), 4);
        assert_eq!(
            s.file_path("alliances[1].members[0].org"),
            "alliances[2].members[0].org"
        );
        assert_eq!(s.file_path("organizations[1]"), "organizations[1]");
    }

    #[test]
    fn settling_skips_spaces_and_comments() {
        let t = "(\n\n  // note\n  /* more */ $x";
        assert_eq!(&t[settle(t, 1)..], "$x");
        assert_eq!(settle("abc", 1), 1);
        assert_eq!(settle("a  ", 1), 3);
    }
}
