//! Finds where a value sits in a RON file, given its path (`alliances[2].members[5].org`).
//!
//! serde hands the validator values without positions. When the validator finds a problem it
//! names the value by its path; this module walks the file's tokens once and returns the line and
//! column where each wanted path starts. It only runs when there are problems to report, and
//! only on files that already parsed, so it can be lenient. It keeps its own stack (no
//! recursion), so deep nesting cannot overflow.

use std::collections::{HashMap, HashSet};

/// 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// The start of each wanted path found in `text`.
pub fn locate(text: &str, wanted: &HashSet<String>) -> HashMap<String, Pos> {
    let mut found = HashMap::new();
    if wanted.is_empty() {
        return found;
    }
    let mut tokens = Tokens::new(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut path = String::new();
    let mut expect = Expect::Value;
    let longest = wanted.iter().map(String::len).max().unwrap_or(0);

    while let Some((tok, pos)) = tokens.next() {
        match expect {
            Expect::Value => {
                if tok.is_closer() {
                    close(&mut stack, &mut path);
                    expect = Expect::After;
                    continue;
                }
                // A map's key that is a name (`quit: […]` in a key map) names its entry, as a
                // field names its value: `browse.quit[0]`.
                if let Tok::Ident(name) = &tok
                    && tokens.peek(0) == Some(&Tok::Colon)
                    && let Some(frame) = stack.last()
                    && frame.kind == Kind::Map
                {
                    tokens.next();
                    path.truncate(frame.base);
                    path.push('.');
                    path.push_str(name);
                    if path.len() <= longest && !found.contains_key(&path) && wanted.contains(&path)
                    {
                        found.insert(path.clone(), pos);
                    }
                    continue;
                }
                if path.len() <= longest && !found.contains_key(&path) && wanted.contains(&path) {
                    found.insert(path.clone(), pos);
                }
                match tok {
                    Tok::Ident(name) if tokens.peek(0) == Some(&Tok::LParen) => {
                        tokens.next();
                        expect = open_paren(&mut stack, &mut path, &mut tokens, name == "Some");
                    }
                    Tok::LParen => {
                        expect = open_paren(&mut stack, &mut path, &mut tokens, false);
                    }
                    Tok::LBracket => {
                        open_indexed(&mut stack, &mut path, Kind::Seq);
                        expect = Expect::Value;
                    }
                    Tok::LBrace => {
                        open_indexed(&mut stack, &mut path, Kind::Map);
                        expect = Expect::Value;
                    }
                    _ => expect = Expect::After,
                }
            }
            Expect::Field => match tok {
                Tok::Ident(name) => {
                    if tokens.peek(0) == Some(&Tok::Colon) {
                        tokens.next();
                    }
                    if let Some(frame) = stack.last() {
                        path.truncate(frame.base);
                        if !path.is_empty() {
                            path.push('.');
                        }
                        path.push_str(&name);
                    }
                    expect = Expect::Value;
                }
                t if t.is_closer() => {
                    close(&mut stack, &mut path);
                    expect = Expect::After;
                }
                _ => {}
            },
            Expect::After => match tok {
                Tok::Comma => {
                    expect = match stack.last_mut() {
                        Some(frame) if frame.kind == Kind::Struct => Expect::Field,
                        Some(frame) => {
                            frame.index += 1;
                            let (base, index) = (frame.base, frame.index);
                            set_index(&mut path, base, index);
                            Expect::Value
                        }
                        None => Expect::After,
                    }
                }
                // A map entry's value follows its key.
                Tok::Colon => expect = Expect::Value,
                t if t.is_closer() => {
                    close(&mut stack, &mut path);
                    expect = Expect::After;
                }
                _ => {}
            },
        }
    }
    found
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Value,
    Field,
    After,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Struct,
    Seq,
    Map,
    /// `Some(…)`: adds no path segment.
    Transparent,
}

struct Frame {
    kind: Kind,
    /// Length of `path` when the frame opened.
    base: usize,
    index: usize,
}

fn open_paren(
    stack: &mut Vec<Frame>,
    path: &mut String,
    tokens: &mut Tokens,
    some: bool,
) -> Expect {
    if some {
        stack.push(Frame {
            kind: Kind::Transparent,
            base: path.len(),
            index: 0,
        });
        return Expect::Value;
    }
    let is_struct =
        matches!(tokens.peek(0), Some(Tok::Ident(_))) && tokens.peek(1) == Some(&Tok::Colon);
    if is_struct {
        stack.push(Frame {
            kind: Kind::Struct,
            base: path.len(),
            index: 0,
        });
        Expect::Field
    } else {
        open_indexed(stack, path, Kind::Seq);
        Expect::Value
    }
}

fn open_indexed(stack: &mut Vec<Frame>, path: &mut String, kind: Kind) {
    let base = path.len();
    stack.push(Frame {
        kind,
        base,
        index: 0,
    });
    set_index(path, base, 0);
}

fn set_index(path: &mut String, base: usize, index: usize) {
    use std::fmt::Write;
    path.truncate(base);
    let _ = write!(path, "[{index}]");
}

fn close(stack: &mut Vec<Frame>, path: &mut String) {
    if let Some(frame) = stack.pop() {
        path.truncate(frame.base);
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Tok {
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Comma,
    Colon,
    Ident(String),
    /// A string, number, char or anything else that is a whole value.
    Scalar,
}

impl Tok {
    pub(super) fn is_opener(&self) -> bool {
        matches!(self, Tok::LParen | Tok::LBracket | Tok::LBrace)
    }

    pub(super) fn is_closer(&self) -> bool {
        matches!(self, Tok::RParen | Tok::RBracket | Tok::RBrace)
    }
}

/// A token with its place: its line and column, and the bytes of the text it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Lexeme {
    pub tok: Tok,
    pub pos: Pos,
    pub start: usize,
    pub end: usize,
}

/// The tokens of `text` with their places, comments and attributes left out.
pub(super) fn lexemes(text: &str) -> impl Iterator<Item = Lexeme> + '_ {
    let mut tokens = Tokens::new(text);
    std::iter::from_fn(move || tokens.lex())
}

/// A lenient RON tokenizer that tracks line, column and byte offset.
struct Tokens<'a> {
    rest: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
    col: usize,
    offset: usize,
    ahead: std::collections::VecDeque<Lexeme>,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Self {
        Tokens {
            rest: text.chars().peekable(),
            line: 1,
            col: 1,
            offset: 0,
            ahead: Default::default(),
        }
    }

    fn peek(&mut self, n: usize) -> Option<&Tok> {
        while self.ahead.len() <= n {
            let t = self.lex()?;
            self.ahead.push_back(t);
        }
        self.ahead.get(n).map(|l| &l.tok)
    }

    fn next(&mut self) -> Option<(Tok, Pos)> {
        self.ahead
            .pop_front()
            .or_else(|| self.lex())
            .map(|l| (l.tok, l.pos))
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.rest.next()?;
        self.offset += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn lex(&mut self) -> Option<Lexeme> {
        loop {
            let c = *self.rest.peek()?;
            let pos = Pos {
                line: self.line,
                col: self.col,
            };
            let start = self.offset;
            if c.is_whitespace() {
                self.bump();
                continue;
            }
            self.bump();
            let tok = match c {
                '(' => Tok::LParen,
                ')' => Tok::RParen,
                '[' => Tok::LBracket,
                ']' => Tok::RBracket,
                '{' => Tok::LBrace,
                '}' => Tok::RBrace,
                ',' => Tok::Comma,
                ':' => Tok::Colon,
                '/' if self.rest.peek() == Some(&'/') => {
                    while self.rest.peek().is_some_and(|&c| c != '\n') {
                        self.bump();
                    }
                    continue;
                }
                '/' if self.rest.peek() == Some(&'*') => {
                    self.skip_block_comment();
                    continue;
                }
                '#' => {
                    self.skip_attribute();
                    continue;
                }
                '"' => {
                    self.skip_quoted('"');
                    Tok::Scalar
                }
                '\'' => {
                    self.skip_quoted('\'');
                    Tok::Scalar
                }
                'r' | 'b' if matches!(self.rest.peek(), Some('"') | Some('#')) => {
                    self.skip_raw_or_byte_string(c);
                    Tok::Scalar
                }
                c if c.is_alphabetic() || c == '_' => {
                    let mut name = String::from(c);
                    while let Some(&n) = self.rest.peek() {
                        if n.is_alphanumeric() || n == '_' {
                            name.push(n);
                            self.bump();
                        } else {
                            break;
                        }
                    }
                    Tok::Ident(name)
                }
                _ => {
                    // Numbers and anything else up to the next delimiter.
                    while let Some(&n) = self.rest.peek() {
                        if n.is_whitespace() || "()[]{},:".contains(n) {
                            break;
                        }
                        self.bump();
                    }
                    Tok::Scalar
                }
            };
            return Some(Lexeme {
                tok,
                pos,
                start,
                end: self.offset,
            });
        }
    }

    fn skip_block_comment(&mut self) {
        self.bump(); // '*'
        let mut depth = 1usize;
        while let Some(c) = self.bump() {
            match c {
                '*' if self.rest.peek() == Some(&'/') => {
                    self.bump();
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                '/' if self.rest.peek() == Some(&'*') => {
                    self.bump();
                    depth += 1;
                }
                _ => {}
            }
        }
    }

    /// `#![enable(...)]`
    fn skip_attribute(&mut self) {
        let mut depth = 0usize;
        while let Some(c) = self.bump() {
            match c {
                '[' => depth += 1,
                ']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    /// Skips to the closing `quote`, past backslash escapes.
    fn skip_quoted(&mut self, quote: char) {
        while let Some(c) = self.bump() {
            if c == '\\' {
                self.bump();
            } else if c == quote {
                return;
            }
        }
    }

    fn skip_raw_or_byte_string(&mut self, first: char) {
        if first == 'b' && self.rest.peek() == Some(&'"') {
            self.bump();
            self.skip_quoted('"');
            return;
        }
        let mut hashes = 0usize;
        while self.rest.peek() == Some(&'#') {
            self.bump();
            hashes += 1;
        }
        if self.rest.peek() != Some(&'"') {
            return; // a raw identifier such as r#type
        }
        self.bump();
        while let Some(c) = self.bump() {
            if c == '"' {
                let mut closing = 0usize;
                while closing < hashes && self.rest.peek() == Some(&'#') {
                    self.bump();
                    closing += 1;
                }
                if closing == hashes {
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, paths: &[&str]) -> Vec<Option<(usize, usize)>> {
        let wanted: HashSet<String> = paths.iter().map(|p| p.to_string()).collect();
        let found = locate(text, &wanted);
        paths
            .iter()
            .map(|p| found.get(*p).map(|pos| (pos.line, pos.col)))
            .collect()
    }

    const KB: &str = r#"// comment (with parens) [and brackets]
#![enable(implicit_some)]
(
  alliances: [
    (
      id: "a", /* block ( */
      members: [(org: "x"), Member(org: "y, z", role: lead)],
      founded: Some("2023"),
      names: [],
    ),
    (id: "b", focus: ["f1", "f2",],),
  ],
  sources: [(id: "s1", title: "Über \"quoted\" 名")],
)
"#;

    #[test]
    fn finds_fields_elements_and_nested_values() {
        assert_eq!(
            find(
                KB,
                &[
                    "alliances[0].id",
                    "alliances[0].members[1].org",
                    "alliances[0].members[1].role",
                    "alliances[0].founded",
                    "alliances[1]",
                    "alliances[1].focus[1]",
                    "sources[0].title",
                    "alliances[2]",
                ]
            ),
            vec![
                Some((6, 11)),
                Some((7, 41)),
                Some((7, 55)),
                Some((8, 16)),
                Some((11, 5)),
                Some((11, 29)),
                Some((13, 31)),
                None
            ]
        );
    }

    #[test]
    fn a_map_s_named_keys_name_their_entries() {
        let keymap = "(\n  browse: {\n    quit: [\"q\", \"j\"],\n    down: [\"j\"],\n  },\n)";
        assert_eq!(
            find(
                keymap,
                &["browse.quit", "browse.quit[1]", "browse.down[0]", "browse"]
            ),
            vec![Some((3, 5)), Some((3, 17)), Some((4, 12)), Some((2, 11))]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let deep = "[".repeat(200_000) + &"]".repeat(200_000);
        assert_eq!(find(&deep, &["[0]"]), vec![Some((1, 2))]);
    }
}
