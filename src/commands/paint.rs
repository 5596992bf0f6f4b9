//! Human output: knowledge-base text made safe for a terminal, with colour only when enabled.

use crate::text;

/// A style of human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sgr {
    Plain,
    Bold,
    Dim,
    Italic,
    Heading,
    Label,
    Highlight,
    Green,
    Yellow,
    Red,
    Magenta,
}

impl Sgr {
    fn code(self) -> &'static str {
        match self {
            Sgr::Plain => "",
            Sgr::Bold => "1",
            Sgr::Dim => "2",
            Sgr::Italic => "3",
            Sgr::Heading => "1;33",
            Sgr::Label => "36",
            Sgr::Highlight => "1;4;33",
            Sgr::Green => "1;32",
            Sgr::Yellow => "1;33",
            Sgr::Red => "1;31",
            Sgr::Magenta => "35",
        }
    }
}

/// The most columns one painted piece of text takes: a line, a name. Longer texts are cut
/// with `…`, reading only as much of them as fits (a 50 MB name, or a flood of combining
/// marks, costs what a long line does).
pub const LINE_COLS: usize = 1024;

/// The most columns a name takes where names are lined up in a column.
pub const NAME_COLS: usize = 100;

/// `name` as a column of names shows it: made safe and cut to [`NAME_COLS`].
pub fn name_cell(name: &str) -> std::borrow::Cow<'_, str> {
    text::display(name, NAME_COLS)
}

/// Paints text for a terminal, or leaves it plain for a pipe. Every string it returns has its
/// control characters (ESC, BEL, C1, bidi overrides…) replaced by visible stand-ins, and is
/// cut to [`LINE_COLS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    color: bool,
}

impl Paint {
    pub fn new(color: bool) -> Self {
        Paint { color }
    }

    pub fn color(&self) -> bool {
        self.color
    }

    /// `text`, made safe, in `style`.
    pub fn paint(&self, text: &str, style: Sgr) -> String {
        let safe = text::display(text, LINE_COLS);
        if !self.color || style == Sgr::Plain || safe.is_empty() {
            return safe.into_owned();
        }
        format!("\x1b[{}m{safe}\x1b[0m", style.code())
    }

    /// `text`, made safe, with the characters at `positions` highlighted.
    pub fn highlight(&self, text: &str, positions: &[usize]) -> String {
        if !self.color || positions.is_empty() {
            return self.paint(text, Sgr::Plain);
        }
        let mut out = String::new();
        let mut run = String::new();
        let mut lit = false;
        let shown = text::display(text, LINE_COLS);
        let mut places = text::places(text);
        for c in shown.chars() {
            let on = places
                .next()
                .is_some_and(|i| positions.binary_search(&i).is_ok())
                && c != '…';
            if on != lit && !run.is_empty() {
                out.push_str(&self.paint(&run, if lit { Sgr::Highlight } else { Sgr::Plain }));
                run.clear();
            }
            lit = on;
            run.push(c);
        }
        out.push_str(&self.paint(&run, if lit { Sgr::Highlight } else { Sgr::Plain }));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_output_has_no_escape_bytes_even_from_hostile_text() {
        let p = Paint::new(false);
        let s = p.paint("evil\x1b]2;title\x07 name", Sgr::Bold);
        assert!(!s.contains('\x1b') && !s.contains('\x07'), "{s:?}");
        assert_eq!(p.highlight("NVIDIA", &[0, 1]), "NVIDIA");
    }

    #[test]
    fn long_texts_are_cut_by_their_width_and_read_only_as_far_as_that() {
        let p = Paint::new(true);
        let huge = "N".repeat(50 << 20);
        assert_eq!(text::width(&p.paint(&huge, Sgr::Plain)), LINE_COLS);
        let flood = format!("e{}", "\u{301}".repeat(100_000));
        assert!(p.paint(&flood, Sgr::Plain).len() < 20_000);
        let lit = p.highlight(&huge, &[0]);
        assert!(lit.len() < 2 * LINE_COLS, "{}", lit.len());
        // Highlights follow the characters shown: a flag's letters, the name after it.
        assert_eq!(p.highlight("🇺🇸 ab", &[3]), "US \x1b[1;4;33ma\x1b[0mb");
        assert_eq!(name_cell(&huge).chars().count(), NAME_COLS);
    }

    #[test]
    fn colour_wraps_in_sgr_and_still_escapes_the_text() {
        let p = Paint::new(true);
        assert_eq!(p.paint("x", Sgr::Bold), "\x1b[1mx\x1b[0m");
        let s = p.paint("a\x1b[31mb", Sgr::Plain);
        assert_eq!(s, "a␛[31mb");
        assert_eq!(p.highlight("abc", &[1]), "a\x1b[1;4;33mb\x1b[0mc");
    }
}
