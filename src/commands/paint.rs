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

/// Paints text for a terminal, or leaves it plain for a pipe. Every string it returns has its
/// control characters (ESC, BEL, C1, bidi overrides…) replaced by visible stand-ins.
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
        let safe = text::sanitize(text);
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
        for (i, c) in text.chars().enumerate() {
            let on = positions.binary_search(&i).is_ok();
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
    fn colour_wraps_in_sgr_and_still_escapes_the_text() {
        let p = Paint::new(true);
        assert_eq!(p.paint("x", Sgr::Bold), "\x1b[1mx\x1b[0m");
        let s = p.paint("a\x1b[31mb", Sgr::Plain);
        assert_eq!(s, "a␛[31mb");
        assert_eq!(p.highlight("abc", &[1]), "a\x1b[1;4;33mb\x1b[0mc");
    }
}
