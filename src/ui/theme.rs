//! The styles of the explorer, chosen once at start-up and passed to every widget: a dark
//! theme for light text on a dark background, a light theme for the opposite, and a plain one
//! without colour. A `theme.ron` beside the key map may change any style of either theme.
//!
//! Colour is never the only carrier of meaning: selection is reverse video plus a marker,
//! verdicts and "unverified" are written out, the focused pane has a thick border. Secondary
//! text, borders and the status line use the grey ramp of the 256-colour palette, which
//! terminal themes leave alone, so their contrast is known on either background.

use crate::kb::{Problem, Verdict};
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

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

/// Which theme: for a dark background or a light one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Brightness {
    Dark,
    Light,
}

/// Greys of the 256-colour palette's ramp (232 is nearly black, 255 nearly white).
const fn grey(level: u8) -> Color {
    Color::Indexed(232 + level)
}

impl Theme {
    /// The theme for a terminal with or without colour (a dark background).
    pub fn new(color: bool) -> Self {
        if color { Theme::dark() } else { Theme::plain() }
    }

    /// The theme for a terminal with colour and a background of this brightness.
    pub fn for_background(brightness: Brightness) -> Self {
        match brightness {
            Brightness::Dark => Theme::dark(),
            Brightness::Light => Theme::light(),
        }
    }

    /// Light text on a dark background.
    pub fn dark() -> Self {
        let base = Style::new();
        Theme {
            text: base,
            dim: base.fg(grey(13)),
            label: base.fg(Color::Cyan),
            title: base.add_modifier(Modifier::BOLD),
            heading: base.add_modifier(Modifier::BOLD).fg(Color::Yellow),
            quote: base.add_modifier(Modifier::ITALIC),
            selected: base.add_modifier(Modifier::REVERSED),
            border: base.fg(grey(10)),
            border_focused: base.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            header: base
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            crumb: base.bg(Color::Blue).fg(Color::White),
            status: base.fg(grey(18)),
            key: base.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            unverified: base.fg(Color::Magenta),
            highlight: base
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            confirmed: base.fg(Color::Green).add_modifier(Modifier::BOLD),
            imprecise: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            wrong: base.fg(Color::Red).add_modifier(Modifier::BOLD),
            link: base.fg(Color::LightBlue).add_modifier(Modifier::UNDERLINED),
            hyperlinks: false,
        }
    }

    /// Dark text on a light background: no yellow, cyan or light grey text, which white
    /// washes out.
    pub fn light() -> Self {
        let base = Style::new();
        // Fixed colours of the 256-colour cube, dark enough for a white background.
        let (blue, green, brown, orange, purple) = (
            Color::Indexed(25),
            Color::Indexed(28),
            Color::Indexed(130),
            Color::Indexed(166),
            Color::Indexed(90),
        );
        Theme {
            text: base,
            dim: base.fg(grey(8)),
            label: base.fg(blue),
            title: base.add_modifier(Modifier::BOLD),
            heading: base.add_modifier(Modifier::BOLD).fg(blue),
            quote: base.add_modifier(Modifier::ITALIC),
            selected: base.add_modifier(Modifier::REVERSED),
            border: base.fg(grey(12)),
            border_focused: base.fg(blue).add_modifier(Modifier::BOLD),
            header: base.bg(blue).fg(Color::White).add_modifier(Modifier::BOLD),
            crumb: base.bg(blue).fg(Color::White),
            status: base.fg(grey(5)),
            key: base.fg(blue).add_modifier(Modifier::BOLD),
            unverified: base.fg(purple),
            highlight: base
                .fg(orange)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            confirmed: base.fg(green).add_modifier(Modifier::BOLD),
            imprecise: base.fg(brown).add_modifier(Modifier::BOLD),
            wrong: base.fg(Color::Red).add_modifier(Modifier::BOLD),
            link: base.fg(blue).add_modifier(Modifier::UNDERLINED),
            hyperlinks: false,
        }
    }

    /// Kept for the callers that mean the dark theme.
    pub fn colored() -> Self {
        Theme::dark()
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

    /// The styles by their names in `theme.ron`.
    fn styles_mut(&mut self) -> [(&'static str, &mut Style); 19] {
        [
            ("text", &mut self.text),
            ("dim", &mut self.dim),
            ("label", &mut self.label),
            ("title", &mut self.title),
            ("heading", &mut self.heading),
            ("quote", &mut self.quote),
            ("selected", &mut self.selected),
            ("border", &mut self.border),
            ("border_focused", &mut self.border_focused),
            ("header", &mut self.header),
            ("crumb", &mut self.crumb),
            ("status", &mut self.status),
            ("key", &mut self.key),
            ("unverified", &mut self.unverified),
            ("highlight", &mut self.highlight),
            ("confirmed", &mut self.confirmed),
            ("imprecise", &mut self.imprecise),
            ("wrong", &mut self.wrong),
            ("link", &mut self.link),
        ]
    }

    /// This theme with the styles `theme.ron` (its `text`, read from `name`) gives for a
    /// background of `brightness` laid over it, style by style; every mistake of the file is
    /// reported with its line and column.
    pub fn with_overrides(
        mut self,
        brightness: Brightness,
        text: &str,
        name: &str,
    ) -> Result<Self, Problem> {
        let file: ThemeFile = crate::kb::load::ron_options().from_str(text).map_err(|e| {
            crate::config::ron_problem(name, text, &e, |code| match code {
                ron::Error::NoSuchStructField {
                    expected,
                    found,
                    outer,
                } => {
                    let what = match outer.as_deref() {
                        Some("ThemeFile") => "theme (dark or light)",
                        Some("Spec") => "part of a style",
                        _ => "style",
                    };
                    Some(format!(
                        "unknown {what} `{found}`: expected one of {}{}",
                        expected.join(", "),
                        crate::suggest::did_you_mean(found, expected.iter().copied())
                    ))
                }
                ron::Error::ExpectedNamedStructLike(_) | ron::Error::ExpectedStructName(_) => {
                    Some(format!("expected `(` opening {}", EXAMPLE))
                }
                ron::Error::Message(m) => Some(m.clone()),
                _ => None,
            })
        })?;
        let styles = match brightness {
            Brightness::Dark => file.dark,
            Brightness::Light => file.light,
        };
        for (name, style) in self.styles_mut() {
            if let Some(spec) = styles.get(name) {
                *style = spec.apply(*style);
            }
        }
        Ok(self)
    }
}

/// What `theme.ron` looks like, for its messages.
const EXAMPLE: &str = "the theme: `(dark: (heading: (fg: \"yellow\")), light: (dim: (fg: 244)))`";

/// `theme.ron`: styles for the dark theme, the light one, or both.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ThemeFile {
    dark: Styles,
    light: Styles,
}

/// Styles by name, any of them.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Styles {
    text: Option<Spec>,
    dim: Option<Spec>,
    label: Option<Spec>,
    title: Option<Spec>,
    heading: Option<Spec>,
    quote: Option<Spec>,
    selected: Option<Spec>,
    border: Option<Spec>,
    border_focused: Option<Spec>,
    header: Option<Spec>,
    crumb: Option<Spec>,
    status: Option<Spec>,
    key: Option<Spec>,
    unverified: Option<Spec>,
    highlight: Option<Spec>,
    confirmed: Option<Spec>,
    imprecise: Option<Spec>,
    wrong: Option<Spec>,
    link: Option<Spec>,
}

impl Styles {
    fn get(&self, name: &str) -> Option<&Spec> {
        match name {
            "text" => self.text.as_ref(),
            "dim" => self.dim.as_ref(),
            "label" => self.label.as_ref(),
            "title" => self.title.as_ref(),
            "heading" => self.heading.as_ref(),
            "quote" => self.quote.as_ref(),
            "selected" => self.selected.as_ref(),
            "border" => self.border.as_ref(),
            "border_focused" => self.border_focused.as_ref(),
            "header" => self.header.as_ref(),
            "crumb" => self.crumb.as_ref(),
            "status" => self.status.as_ref(),
            "key" => self.key.as_ref(),
            "unverified" => self.unverified.as_ref(),
            "highlight" => self.highlight.as_ref(),
            "confirmed" => self.confirmed.as_ref(),
            "imprecise" => self.imprecise.as_ref(),
            "wrong" => self.wrong.as_ref(),
            "link" => self.link.as_ref(),
            _ => None,
        }
    }
}

/// A style as `theme.ron` writes it: what it gives replaces the theme's, the rest stays.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Spec {
    fg: Option<Colour>,
    bg: Option<Colour>,
    modifiers: Option<Vec<Attribute>>,
}

impl Spec {
    fn apply(&self, style: Style) -> Style {
        let mut style = style;
        if let Some(fg) = self.fg {
            style.fg = Some(fg.0);
        }
        if let Some(bg) = self.bg {
            style.bg = Some(bg.0);
        }
        if let Some(modifiers) = &self.modifiers {
            let m = modifiers.iter().fold(Modifier::empty(), |m, a| m | a.0);
            style.add_modifier = m;
            style.sub_modifier = Modifier::all() - m;
        }
        style
    }
}

/// A colour: a name (`blue`, `dark_gray`, `reset` for the terminal's own), `#rrggbb`, or a
/// number of the 256-colour palette.
#[derive(Debug, Clone, Copy)]
struct Colour(Color);

const COLOUR_NAMES: [(&str, Color); 17] = [
    ("reset", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark_gray", Color::DarkGray),
    ("light_red", Color::LightRed),
    ("light_green", Color::LightGreen),
    ("light_yellow", Color::LightYellow),
    ("light_blue", Color::LightBlue),
    ("light_magenta", Color::LightMagenta),
    ("light_cyan", Color::LightCyan),
    ("white", Color::White),
];

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Colour;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a colour: a name, \"#rrggbb\" or a number from 0 to 255")
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Colour, E> {
                u8::try_from(n)
                    .map(|n| Colour(Color::Indexed(n)))
                    .map_err(|_| E::custom(format!("colour {n}: expected a number from 0 to 255")))
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Colour, E> {
                u64::try_from(n)
                    .map_err(|_| E::custom(format!("colour {n}: expected a number from 0 to 255")))
                    .and_then(|n| self.visit_u64(n))
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Colour, E> {
                if let Some(hex) = s.strip_prefix('#') {
                    let rgb = (hex.len() == 6)
                        .then(|| u32::from_str_radix(hex, 16).ok())
                        .flatten()
                        .ok_or_else(|| {
                            E::custom(format!(
                                "colour {s:?}: expected \"#rrggbb\", six hex digits"
                            ))
                        })?;
                    let [_, r, g, b] = rgb.to_be_bytes();
                    return Ok(Colour(Color::Rgb(r, g, b)));
                }
                let name = s.to_ascii_lowercase().replace(['-', ' '], "_");
                COLOUR_NAMES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|&(_, c)| Colour(c))
                    .ok_or_else(|| {
                        let names = COLOUR_NAMES.map(|(n, _)| n);
                        E::custom(format!(
                            "unknown colour {s:?}: expected one of {}, \"#rrggbb\" or a number from 0 to 255{}",
                            names.join(", "),
                            crate::suggest::did_you_mean(&name, names)
                        ))
                    })
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A modifier: `bold`, `dim`, `italic`, `underlined`, `reversed`, `crossed_out`.
#[derive(Debug, Clone, Copy)]
struct Attribute(Modifier);

const ATTRIBUTES: [(&str, Modifier); 6] = [
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed_out", Modifier::CROSSED_OUT),
];

impl<'de> Deserialize<'de> for Attribute {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ATTRIBUTES
            .iter()
            .find(|(n, _)| *n == s)
            .map(|&(_, m)| Attribute(m))
            .ok_or_else(|| {
                let names = ATTRIBUTES.map(|(n, _)| n);
                serde::de::Error::custom(format!(
                    "unknown modifier {s:?}: expected one of {}{}",
                    names.join(", "),
                    crate::suggest::did_you_mean(&s, names)
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The colour a terminal shows for `c`: xterm's defaults for the sixteen named colours (the
    /// ones a terminal theme may change), the 256-colour palette's cube and grey ramp exactly.
    fn rgb(c: Color) -> (f64, f64, f64) {
        let named = |n: u8| -> (u8, u8, u8) {
            [
                (0, 0, 0),
                (205, 0, 0),
                (0, 205, 0),
                (205, 205, 0),
                (0, 0, 238),
                (205, 0, 205),
                (0, 205, 205),
                (229, 229, 229),
                (127, 127, 127),
                (255, 0, 0),
                (0, 255, 0),
                (255, 255, 0),
                (92, 92, 255),
                (255, 0, 255),
                (0, 255, 255),
                (255, 255, 255),
            ][usize::from(n)]
        };
        let (r, g, b) = match c {
            Color::Black => named(0),
            Color::Red => named(1),
            Color::Green => named(2),
            Color::Yellow => named(3),
            Color::Blue => named(4),
            Color::Magenta => named(5),
            Color::Cyan => named(6),
            Color::Gray => named(7),
            Color::DarkGray => named(8),
            Color::LightRed => named(9),
            Color::LightGreen => named(10),
            Color::LightYellow => named(11),
            Color::LightBlue => named(12),
            Color::LightMagenta => named(13),
            Color::LightCyan => named(14),
            Color::White => named(15),
            Color::Indexed(n @ 0..=15) => named(n),
            Color::Indexed(n @ 16..=231) => {
                let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
                let n = n - 16;
                (level(n / 36), level(n / 6 % 6), level(n % 6))
            }
            Color::Indexed(n) => {
                let v = 8 + 10 * (n - 232);
                (v, v, v)
            }
            Color::Rgb(r, g, b) => (r, g, b),
            other => panic!("no fixed colour for {other:?}"),
        };
        (f64::from(r), f64::from(g), f64::from(b))
    }

    /// WCAG's relative luminance and contrast ratio.
    fn contrast(a: Color, b: Color) -> f64 {
        let lum = |c: Color| {
            let (r, g, b) = rgb(c);
            let lin = |v: f64| {
                let v = v / 255.0;
                if v <= 0.03928 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
        };
        let (la, lb) = (lum(a), lum(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn every_coloured_text_reads_on_its_background() {
        // 3:1, the large-text and interface bar: coloured text here is bold, a border or a
        // mark; plain text takes the terminal's own colours.
        for (theme, background) in [
            (Theme::dark(), Color::Black),
            (Theme::light(), Color::White),
        ] {
            let mut theme = theme;
            for (name, style) in theme.styles_mut() {
                let Some(fg) = style.fg else { continue };
                let bg = style.bg.unwrap_or(background);
                let ratio = contrast(fg, bg);
                assert!(
                    ratio >= 3.0,
                    "{name} on {background:?}: {fg:?} on {bg:?} has a contrast of {ratio:.2}"
                );
            }
        }
    }

    #[test]
    fn a_theme_file_changes_the_styles_it_names_for_its_background() {
        let file = r##"(
            dark: (heading: (fg: "magenta", modifiers: ["italic"])),
            light: (dim: (fg: 240), link: (fg: "#204a87")),
        )"##;
        let dark = Theme::dark()
            .with_overrides(Brightness::Dark, file, "theme.ron")
            .unwrap();
        assert_eq!(dark.heading.fg, Some(Color::Magenta));
        assert!(dark.heading.add_modifier.contains(Modifier::ITALIC));
        assert!(!dark.heading.add_modifier.contains(Modifier::BOLD));
        assert_eq!(dark.dim, Theme::dark().dim);
        let light = Theme::light()
            .with_overrides(Brightness::Light, file, "theme.ron")
            .unwrap();
        assert_eq!(light.dim.fg, Some(Color::Indexed(240)));
        assert_eq!(light.link.fg, Some(Color::Rgb(0x20, 0x4a, 0x87)));
        assert_eq!(light.heading, Theme::light().heading);
    }

    #[test]
    fn a_mistake_in_a_theme_file_is_placed_and_explained() {
        let problem = |text: &str| {
            Theme::dark()
                .with_overrides(Brightness::Dark, text, "theme.ron")
                .unwrap_err()
        };
        let p = problem("(\n  dark: (heading: (fg: \"yelow\")),\n)");
        assert_eq!((p.line, p.col), (2, 25), "{}", p.message);
        assert!(
            p.message.starts_with("unknown colour \"yelow\""),
            "{}",
            p.message
        );
        assert!(
            p.message.ends_with("did you mean `yellow`?"),
            "{}",
            p.message
        );
        let p = problem("(dark: (headng: (fg: \"red\")))");
        assert!(
            p.message.starts_with("unknown style `headng`"),
            "{}",
            p.message
        );
        assert!(
            p.message.ends_with("did you mean `heading`?"),
            "{}",
            p.message
        );
        let p = problem("(dim: (fg: 1))");
        assert!(
            p.message.starts_with("unknown theme (dark or light) `dim`"),
            "{}",
            p.message
        );
        let p = problem("(light: (dim: (fg: 300)))");
        assert!(
            p.message.contains("expected a number from 0 to 255"),
            "{}",
            p.message
        );
        let p = problem("(light: (dim: (modifiers: [\"blod\"])))");
        assert!(p.message.contains("did you mean `bold`?"), "{}", p.message);
    }
}
