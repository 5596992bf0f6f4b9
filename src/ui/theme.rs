//! The styles of the explorer, chosen once at start-up and passed to every widget.
//!
//! Colour is never the only carrier of meaning: selection is reverse video plus a marker,
//! verdicts and "unverified" are written out, the focused pane has a thick border.

use crate::kb::Verdict;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub label: Style,
    pub title: Style,
    pub heading: Style,
    pub quote: Style,
    pub selected: Style,
    pub border: Style,
    pub border_focused: Style,
    pub header: Style,
    pub crumb: Style,
    pub status: Style,
    pub key: Style,
    pub unverified: Style,
    /// Characters a search matched.
    pub highlight: Style,
    pub confirmed: Style,
    pub imprecise: Style,
    pub wrong: Style,
    /// A web address.
    pub link: Style,
    /// Whether web addresses are written as terminal hyperlinks (OSC 8): on a real terminal,
    /// not in test buffers.
    pub hyperlinks: bool,
}

impl Theme {
    /// The theme for a terminal with or without colour.
    pub fn new(color: bool) -> Self {
        if color {
            Theme::colored()
        } else {
            Theme::plain()
        }
    }

    pub fn colored() -> Self {
        let base = Style::new();
        Theme {
            text: base,
            dim: base.fg(Color::DarkGray),
            label: base.fg(Color::Cyan),
            title: base.add_modifier(Modifier::BOLD).fg(Color::White),
            heading: base.add_modifier(Modifier::BOLD).fg(Color::Yellow),
            quote: base.add_modifier(Modifier::ITALIC),
            selected: base.add_modifier(Modifier::REVERSED),
            border: base.fg(Color::DarkGray),
            border_focused: base.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            header: base
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            crumb: base.bg(Color::Blue).fg(Color::White),
            status: base.fg(Color::Gray),
            key: base.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            unverified: base.fg(Color::Magenta),
            highlight: base
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            confirmed: base.fg(Color::Green).add_modifier(Modifier::BOLD),
            imprecise: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            wrong: base.fg(Color::Red).add_modifier(Modifier::BOLD),
            link: base.fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            hyperlinks: false,
        }
    }

    /// No colour at all: only bold, italic, underline and reverse video.
    pub fn plain() -> Self {
        let base = Style::new();
        let bold = base.add_modifier(Modifier::BOLD);
        Theme {
            text: base,
            dim: base,
            label: base,
            title: bold,
            heading: bold.add_modifier(Modifier::UNDERLINED),
            quote: base.add_modifier(Modifier::ITALIC),
            selected: base.add_modifier(Modifier::REVERSED),
            border: base,
            border_focused: bold,
            header: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            crumb: base.add_modifier(Modifier::REVERSED),
            status: base,
            key: bold,
            unverified: base.add_modifier(Modifier::ITALIC),
            highlight: bold.add_modifier(Modifier::UNDERLINED),
            confirmed: bold,
            imprecise: bold,
            wrong: bold.add_modifier(Modifier::UNDERLINED),
            link: base.add_modifier(Modifier::UNDERLINED),
            hyperlinks: false,
        }
    }

    pub fn verdict(&self, verdict: Verdict) -> Style {
        match verdict {
            Verdict::Confirmed => self.confirmed,
            Verdict::Imprecise => self.imprecise,
            Verdict::Wrong => self.wrong,
            Verdict::Unverified => self.unverified,
        }
    }
}
