//! A problem found in a knowledge-base file, with the place a person must look at.

use crate::text;
use std::fmt;
use unicode_width::UnicodeWidthStr;

/// One thing wrong with a knowledge base: `file:line:col: message`, plus the offending line;
/// or `file: message` for what is about a whole file or folder (it has no line to point at).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based line; 0 for a problem with the whole file or folder.
    pub line: usize,
    /// 1-based column, counted in characters; 0 with line 0.
    pub col: usize,
    pub message: String,
    /// The text of the offending line, when the file has one.
    pub snippet: Option<String>,
}

impl Problem {
    /// A problem at `line:col` of `text`, quoting that line.
    pub fn at(file: &str, text: &str, line: usize, col: usize, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_string(),
            line,
            col,
            message: message.into(),
            snippet: nth_line(text, line).map(str::to_string),
        }
    }

    /// Like [`Problem::at`], with the file's lines found once ([`Lines`]): for files with many
    /// problems.
    pub fn at_line(
        file: &str,
        lines: &Lines,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            file: file.to_string(),
            line,
            col,
            message: message.into(),
            snippet: lines.get(line).map(str::to_string),
        }
    }

    /// A problem with the whole file or folder: it has no position.
    pub fn whole(file: &str, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_string(),
            line: 0,
            col: 0,
            message: message.into(),
            snippet: None,
        }
    }

    /// The one-line form: `file:line:col: message`, or `file: message` without a position.
    pub fn headline(&self) -> String {
        if self.line == 0 {
            return format!(
                "{}: {}",
                text::sanitize(&self.file),
                text::sanitize(&self.message)
            );
        }
        format!(
            "{}:{}:{}: {}",
            text::sanitize(&self.file),
            self.line,
            self.col,
            text::sanitize(&self.message)
        )
    }
}

/// A text with the start of each of its lines, found once.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// The 1-based `line`, without its line break.
    pub fn get(&self, line: usize) -> Option<&'a str> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        let l = &self.text[start..end];
        Some(l.strip_suffix('\r').unwrap_or(l))
    }
}

fn nth_line(text: &str, line: usize) -> Option<&str> {
    let line = text.split('\n').nth(line.checked_sub(1)?)?;
    Some(line.strip_suffix('\r').unwrap_or(line))
}

/// Longest quoted line: a 50 MB one-line file must not flood the terminal.
const SNIPPET_CHARS: usize = 160;

impl fmt::Display for Problem {
    /// The headline, then the offending line with a caret under the column:
    ///
    /// ```text
    /// kb/x.ron:3:12: unknown organization `nvidai`; did you mean `nvidia`?
    ///     3 |     (org: "nvidai"),
    ///       |            ^
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline())?;
        let Some(snippet) = &self.snippet else {
            return Ok(());
        };
        // Show a window of the line around the column, so the caret stays on screen.
        let chars: Vec<char> = snippet.chars().collect();
        let col = self.col.saturating_sub(1).min(chars.len());
        let start = if chars.len() <= SNIPPET_CHARS {
            0
        } else {
            col.saturating_sub(SNIPPET_CHARS / 2)
        };
        let end = (start + SNIPPET_CHARS).min(chars.len());
        let before: String = chars[start..col].iter().collect();
        let shown: String = chars[start..end].iter().collect();
        let lead = if start > 0 { "…" } else { "" };
        let tail = if end < chars.len() { "…" } else { "" };
        let gutter = self.line.to_string();
        let pad = " ".repeat(gutter.len());
        let before = text::sanitize(&before).replace('\t', " ");
        let shown = text::sanitize(&shown).replace('\t', " ");
        let caret = " ".repeat(lead.width() + before.width());
        write!(
            f,
            "\n {gutter} | {lead}{shown}{tail}\n {pad} | {caret}^",
            shown = shown.trim_end()
        )
    }
}

/// Every problem, then a count: the failure report of `check` and of any command whose
/// knowledge base does not load.
pub fn report(
    problems: &[Problem],
    origin: &str,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for p in problems {
        writeln!(out, "{p}")?;
    }
    let n = problems.len();
    writeln!(
        out,
        "error: {n} problem{} in {}",
        if n == 1 { "" } else { "s" },
        text::sanitize(origin)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_found_once_give_what_splitting_gives() {
        let text = "a\r\nb\n\nlast";
        let lines = Lines::new(text);
        for n in 0..=6 {
            assert_eq!(lines.get(n), nth_line(text, n), "{n}");
        }
    }

    #[test]
    fn caret_lines_up_under_wide_characters() {
        let p = Problem::at("f.ron", "a\n  名前: \"x\", é: y\n", 2, 14, "boom");
        let shown = p.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[0], "f.ron:2:14: boom");
        assert_eq!(lines[1], " 2 |   名前: \"x\", é: y");
        // "  名前: \"x\", " is 15 columns wide: the caret sits under `é`.
        assert_eq!(lines[2], "   |                ^");
    }

    #[test]
    fn long_lines_are_windowed_around_the_column() {
        let line = "x".repeat(10_000) + "BAD" + &"y".repeat(10_000);
        let p = Problem::at("f.ron", &line, 1, 10_001, "here");
        let shown = p.to_string();
        assert!(shown.len() < 1_000);
        assert!(shown.contains("BAD"));
    }

    #[test]
    fn control_characters_are_never_printed() {
        let p = Problem::at(
            "f.ron",
            "name: \"\u{1b}]2;pwned\u{7}\"",
            1,
            7,
            "bad \u{1b}[31m",
        );
        let shown = p.to_string();
        assert!(!shown.contains('\u{1b}'));
        assert!(!shown.contains('\u{7}'));
    }
}
