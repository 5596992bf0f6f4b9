//! Text as a terminal shows it: safe to print, measured in columns, cut without splitting
//! characters.
//!
//! Every string from a knowledge base passes through [`sanitize`] before it reaches a terminal, so
//! a name holding an escape sequence is shown, never executed. Widths come from unicode-width:
//! accents take one column, CJK and most emoji two.

use nucleo_matcher::chars;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::time::Duration;
use unicode_width::UnicodeWidthChar;

/// Whether `c` must not be sent to a terminal as is: C0 and C1 controls, DEL, and the
/// bidirectional overrides and isolates that reorder what follows them.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{061c}')
}

/// The visible stand-in for an unsafe character: the Unicode control pictures for C0 controls
/// and DEL (`␛` for ESC, `␇` for BEL), `�` for the others.
pub fn replacement(c: char) -> char {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// How `c` is sent to a terminal: itself; a visible stand-in for an unsafe character (see
/// [`replacement`]); the letter of a regional indicator; or nothing.
///
/// Terminals and width tables disagree on sequences that join several characters into one
/// picture (an emoji flag, a ZWJ family, a skin tone, an emoji presentation, a subdivision
/// flag), so a redraw would leave stray glyphs: their parts are drawn apart instead, in the
/// width every terminal gives them. Flags become their two letters (`🇺🇸` → `US`); joiners
/// (U+200D), the emoji and text presentation selectors (U+FE0E, U+FE0F), skin-tone modifiers
/// and tag characters are left out. Invisible format characters are left out too (the zero
/// width space, word joiner, invisible operators, byte order mark and soft hyphen), and the
/// line and paragraph separators become spaces.
pub fn shown(c: char) -> Option<char> {
    match c {
        c if is_unsafe(c) => Some(replacement(c)),
        '\u{1F1E6}'..='\u{1F1FF}' => char::from_u32(u32::from('A') + (c as u32 - 0x1F1E6)),
        '\u{200B}'
        | '\u{200D}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FE0E}'
        | '\u{FE0F}'
        | '\u{FEFF}'
        | '\u{AD}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0000}'..='\u{E007F}' => None,
        '\u{2028}' | '\u{2029}' => Some(' '),
        c => Some(c),
    }
}

/// The place in `s` (a character index) of each character a terminal is sent of it (see
/// [`shown`]), in order: what a highlight of `s`'s characters falls on.
pub fn places(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.chars()
        .enumerate()
        .filter_map(|(i, c)| shown(c).map(|_| i))
}

/// Whether `c` is sent to a terminal as it is (see [`shown`]).
fn shown_as_is(c: char) -> bool {
    shown(c) == Some(c)
}

/// `s` as a terminal is sent it (see [`shown`]): every unsafe character replaced by a visible
/// stand-in, joined pictures drawn apart. Borrowed when `s` needs no change.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if s.chars().all(shown_as_is) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().filter_map(shown).collect())
}

/// `1 alliance`, `9 alliances`, `1,494,171 memberships`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", number(n), if n == 1 { one } else { many })
}

/// Bytes in words: "412 MB", "8.4 kB".
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
    if n < 1000 {
        return format!("{n} B");
    }
    let mut v = n as f64;
    let mut unit = "B";
    for u in UNITS {
        if v < 1000.0 {
            break;
        }
        v /= 1000.0;
        unit = u;
    }
    if v < 10.0 {
        format!("{v:.1} {unit}")
    } else {
        format!("{v:.0} {unit}")
    }
}

/// A duration in words, to the second: "3 s", "2 min 05 s".
pub fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64().ceil() as u64;
    if s < 60 {
        format!("{s} s")
    } else {
        format!("{} min {:02} s", s / 60, s % 60)
    }
}

/// `n` with its thousands grouped, as English writes them: `85`, `1,431`, `1,000,000`.
pub fn number(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// `s` made safe (see [`sanitize`]) and cut to at most `max` columns with `…`, reading only
/// as much of `s` as fits: the cost does not grow with the length of `s`.
pub fn display(s: &str, max: usize) -> Cow<'_, str> {
    // Zero-width characters take no column: bound the characters read as well.
    let limit = max.saturating_mul(4).saturating_add(16);
    let (mut used, mut clean, mut fits) = (0, true, true);
    for (n, c) in s.chars().enumerate() {
        clean &= shown_as_is(c);
        used += shown(c).map_or(0, char_width);
        if used > max || n >= limit {
            fits = false;
            break;
        }
    }
    match (fits, clean) {
        (true, true) => Cow::Borrowed(s),
        (true, false) => Cow::Owned(s.chars().filter_map(shown).collect()),
        (false, _) if max == 0 => Cow::Borrowed(""),
        (false, _) => {
            let mut out = String::new();
            let mut cols = 0;
            for c in s.chars().take(limit).filter_map(shown) {
                let w = char_width(c);
                if cols + w + 1 > max {
                    break;
                }
                out.push(c);
                cols += w;
            }
            // "Universität…", not "Universität …".
            out.truncate(out.trim_end().len());
            out.push('…');
            Cow::Owned(out)
        }
    }
}

/// `s`, or its first `max_bytes` followed by a note of how much was left out: what the
/// explorer shows of a text that could be megabytes long.
pub fn capped(s: &str, max_bytes: usize) -> Cow<'_, str> {
    if s.len() <= max_bytes {
        return Cow::Borrowed(s);
    }
    let kept = prefix(s, max_bytes);
    Cow::Owned(format!(
        "{kept}… [{} more bytes not shown]",
        s.len() - kept.len()
    ))
}

/// The longest name shown in full; longer ones are capped (see [`capped`]).
pub const NAME_BYTES: usize = 1024;

/// The longest text shown in full in a detail pane.
pub const TEXT_BYTES: usize = 64 * 1024;

/// At most `max_bytes` of `s`, cut at a character boundary.
pub fn prefix(s: &str, max_bytes: usize) -> &str {
    if s.len() <= max_bytes {
        return s;
    }
    let mut end = max_bytes;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Columns `s` takes on a terminal, as it is sent one (see [`shown`]).
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.chars().filter_map(shown).map(char_width).sum()
}

/// Columns `c` takes; zero-width characters take none.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// `s` as a terminal is sent it (see [`shown`]), cut to at most `max` columns; a cut string
/// ends with `…`.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return sanitize(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars().filter_map(shown) {
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    Cow::Owned(out)
}

/// `s` cut or padded with spaces to exactly `cols` columns.
pub fn fit(s: &str, cols: usize) -> String {
    let cut = truncate(s, cols);
    let pad = cols.saturating_sub(width(&cut));
    let mut out = String::with_capacity(cut.len() + pad);
    out.push_str(&cut);
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// Words of `s` wrapped into lines of at most `cols` columns; a word wider than a line is cut
/// across lines at character boundaries.
pub fn wrap(s: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in s.split_whitespace() {
        let word = sanitize(word);
        let word = word.as_ref();
        let w = width(word);
        if used > 0 && used + 1 + w <= cols {
            line.push(' ');
            line.push_str(word);
            used += 1 + w;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if w <= cols {
            line.push_str(word);
            used = w;
            continue;
        }
        for c in word.chars() {
            let cw = char_width(c);
            if used + cw > cols && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    if used > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `s` lower-cased with accented Latin letters folded to their base letter, one character for
/// one (`École` → `ecole`).
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

pub fn fold_char(c: char) -> char {
    chars::normalize(chars::to_lower_case(c))
}

/// Characters folded (see [`fold`]).
pub fn fold_chars(chars: &[char]) -> String {
    chars.iter().map(|&c| fold_char(c)).collect()
}

/// Names in the order a reader looks for them: case and accents ignored, then as written.
pub fn compare_names(a: &str, b: &str) -> Ordering {
    let folded = if a.is_ascii() && b.is_ascii() {
        // Lower-casing is all folding does to ASCII.
        a.bytes()
            .map(|c| c.to_ascii_lowercase())
            .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
    } else {
        let fold = |s: &str| s.chars().map(fold_char).collect::<Vec<char>>();
        fold(a).cmp(&fold(b))
    };
    folded.then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_shows_escape_sequences_instead_of_sending_them() {
        assert_eq!(sanitize("plain École"), Cow::Borrowed("plain École"));
        assert_eq!(sanitize("a\u{1b}]2;t\u{7}b"), "a␛]2;t␇b");
        assert_eq!(sanitize("x\u{9b}31m"), "x\u{fffd}31m");
        assert_eq!(sanitize("\u{202e}evil"), "\u{fffd}evil");
        assert_eq!(sanitize("tab\there"), "tab␉here");
        assert!(!sanitize("\u{7f}").contains('\u{7f}'));
    }

    #[test]
    fn joined_pictures_are_drawn_apart_in_widths_every_terminal_agrees_on() {
        // A flag is its two letters; a ZWJ family its members side by side; a skin tone, an
        // emoji presentation and a subdivision flag's tags are left out.
        assert_eq!(sanitize("Flag 🇺🇸 alliance"), "Flag US alliance");
        assert_eq!(sanitize("👨\u{200D}👩\u{200D}👧"), "👨👩👧");
        assert_eq!(sanitize("👍\u{1F3FD} ☺\u{FE0F}"), "👍 ☺");
        let scotland = "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
        assert_eq!(sanitize(scotland), "🏴");
        // Invisible characters are left out; line separators become spaces.
        assert_eq!(sanitize("a\u{200B}b\u{AD}c\u{FEFF}\u{2060}"), "abc");
        assert_eq!(sanitize("a\u{2028}b\u{2029}c"), "a b c");
        // What is drawn is measured as the terminal will draw it, one character at a time.
        for s in [
            "👨\u{200D}👩\u{200D}👧",
            "🇺🇸",
            "☺\u{FE0F}",
            scotland,
            "e\u{301}",
        ] {
            let shown = sanitize(s);
            let per_char: usize = shown.chars().map(char_width).sum();
            assert_eq!(width(s), per_char, "{s:?}");
            assert_eq!(
                width(s),
                unicode_width::UnicodeWidthStr::width(shown.as_ref())
            );
        }
        assert_eq!(display("🇺🇸🇫🇷", 3), "US…");
        assert_eq!(truncate("a🇺🇸", 9), "aUS");
    }

    #[test]
    fn sizes_and_times_read_naturally() {
        assert_eq!(bytes(999), "999 B");
        assert_eq!(bytes(8_400), "8.4 kB");
        assert_eq!(bytes(412_000_000), "412 MB");
        assert_eq!(bytes(1_500_000_000), "1.5 GB");
        assert_eq!(seconds(Duration::from_millis(2_100)), "3 s");
        assert_eq!(seconds(Duration::from_secs(125)), "2 min 05 s");
    }

    #[test]
    fn numbers_group_their_thousands() {
        assert_eq!(number(0), "0");
        assert_eq!(number(85), "85");
        assert_eq!(number(999), "999");
        assert_eq!(number(1_000), "1,000");
        assert_eq!(number(1_431), "1,431");
        assert_eq!(number(100_000), "100,000");
        assert_eq!(number(1_494_171), "1,494,171");
        assert_eq!(count(1, "alliance", "alliances"), "1 alliance");
        assert_eq!(count(50_000, "alliance", "alliances"), "50,000 alliances");
    }

    #[test]
    fn truncate_counts_columns_not_bytes() {
        assert_eq!(truncate("École", 5), "École");
        assert_eq!(truncate("École polytechnique", 6), "École…");
        assert_eq!(truncate("글로벌 텔코", 5), "글로…");
        assert_eq!(width(&truncate("글로벌 텔코", 4)), 3);
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("🤖🤖🤖", 4), "🤖…");
    }

    #[test]
    fn display_is_safe_cut_and_bounded() {
        assert_eq!(display("École", 10), "École");
        assert_eq!(display("a\u{1b}]2;x\u{7}", 10), "a␛]2;x␇");
        assert_eq!(display("a\u{1b}]2;x\u{7}yyyyy", 6), "a␛]2;…");
        assert_eq!(display("글로벌 텔코", 5), "글로…");
        assert_eq!(display("abc", 0), "");
        // A 50 MB string costs what fits on the screen.
        let huge = "x".repeat(50 << 20);
        assert_eq!(width(&display(&huge, 80)), 80);
        assert_eq!(prefix("École", 1), "");
        assert_eq!(prefix("École", 2), "É");
    }

    #[test]
    fn fit_pads_to_the_exact_width() {
        assert_eq!(fit("é", 3), "é  ");
        assert_eq!(width(&fit("글로벌", 5)), 5);
        assert_eq!(fit("abcdef", 4), "abc…");
    }

    #[test]
    fn wrap_breaks_on_words_and_cuts_long_words() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("글로벌 텔코", 4), vec!["글로", "벌", "텔코"]);
    }
}
