//! Small drawing helpers shared by the widgets: every string from the knowledge base goes
//! through [`put`], which makes it safe and cuts it to the room it has.

use super::theme::Theme;
use crate::text;
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{
    Block, BorderType, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget,
};
use std::borrow::Cow;

/// Writes `s` at (x, y), sanitised and cut to `max` columns with `…`; returns the columns used.
pub fn put(buf: &mut Buffer, x: u16, y: u16, max: u16, s: &str, style: Style) -> u16 {
    if max == 0 || !buf.area.contains((x, y).into()) {
        return 0;
    }
    let room = max.min(buf.area.right().saturating_sub(x));
    let shown = text::display(s, usize::from(room));
    // Made safe, text of characters that each fill one cell needs no grapheme to be found.
    if shown.chars().all(one_cell) {
        let mut n = 0;
        for c in shown.chars().take(usize::from(room)) {
            let cell = &mut buf[(x + n, y)];
            cell.set_char(c);
            cell.set_style(style);
            n += 1;
        }
        return n;
    }
    let (end, _) = buf.set_stringn(x, y, shown.as_ref(), usize::from(room), style);
    end - x
}

/// Like [`put`], with the characters at `positions` (character indices of `s`) in `highlight`.
#[allow(clippy::too_many_arguments)]
pub fn put_highlighted(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max: u16,
    s: &str,
    positions: &[usize],
    style: Style,
    highlight: Style,
) -> u16 {
    if max == 0 || !buf.area.contains((x, y).into()) {
        return 0;
    }
    let room = max.min(buf.area.right().saturating_sub(x));
    let cut = text::display(s, usize::from(room));
    if positions.is_empty() {
        return put(buf, x, y, room, &cut, style);
    }
    // What is shown is the characters of `s` that are shown at all, in order (see
    // `text::shown`), up to the cut: each one's place in `s` follows from the order.
    let mut places = text::places(s);
    let mut cx = x;
    for c in cut.chars() {
        let i = places.next();
        let lit = i.is_some_and(|i| positions.binary_search(&i).is_ok()) && c != '…';
        if one_cell(c) {
            if cx >= x + room {
                break;
            }
            let cell = &mut buf[(cx, y)];
            cell.set_char(c);
            cell.set_style(if lit { highlight } else { style });
            cx += 1;
            continue;
        }
        let w = text::char_width(c) as u16;
        if cx + w > x + room {
            break;
        }
        let mut tmp = [0u8; 4];
        buf.set_stringn(
            cx,
            y,
            c.encode_utf8(&mut tmp),
            usize::from(w.max(1)),
            if lit { highlight } else { style },
        );
        cx += w;
    }
    cx - x
}

/// A part of a row after its name: its text, its style, and the columns it is padded to when
/// there is room (so that the parts of rows one above the other line up).
pub struct Part<'a> {
    pub text: &'a str,
    pub style: Style,
    pub pad_to: u16,
    /// Whether the name gives way to show it whole (a kind, a country, a role, a tag); a part
    /// that is not (a sentence) is cut at its room instead.
    pub whole: bool,
}

/// The fewest columns a name is cut to before the parts after it are cut.
const NAME_AT_LEAST: u16 = 12;
/// Columns that show most names whole: the name column does not give them up to keep the room
/// of parts after the first.
const NAME_COMFORTABLE: u16 = 24;

/// A row of a name, padded to `name_cols`, then its parts (a kind and country, a role, dates,
/// an `[unverified]` tag), two columns apart, in `width` columns from (x, y).
///
/// Rows one above the other line up: the name column is the same for every row of the pane
/// (it depends on the parts' `pad_to`, not on this row's text), as wide as it can be with the
/// room of as many parts kept after it as leave the names a few columns, the first parts first.
/// A row whose own parts need more room cuts its name further (down to a few columns) so that
/// its kind, country, dates and tag still show; the parts themselves are cut last, from the
/// end.
#[allow(clippy::too_many_arguments)]
pub fn put_name_row(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    name: &str,
    name_cols: u16,
    name_style: Style,
    parts: &[Part],
) {
    const GAP: u16 = 2;
    let cols = |s: &str| text::width(s).min(usize::from(u16::MAX)) as u16;
    let least = NAME_AT_LEAST.min(cols(name)).min(width);
    // The column every row shares: the room of the first `kept` parts held open.
    let held = |kept: usize| -> u16 {
        parts[..kept.min(parts.len())]
            .iter()
            .filter(|p| p.pad_to > 0)
            .map(|p| GAP.saturating_add(p.pad_to))
            .fold(0u16, u16::saturating_add)
    };
    // As many parts held open as leave the names a comfortable column; at least the first,
    // if the names keep a few columns.
    let comfortable = name_cols.clamp(NAME_AT_LEAST, NAME_COMFORTABLE);
    let kept = (1..=parts.len())
        .rev()
        .find(|&k| width.saturating_sub(held(k)) >= comfortable)
        .or_else(|| (width.saturating_sub(held(1)) >= NAME_AT_LEAST).then_some(1))
        .unwrap_or(0)
        .min(parts.len());
    let mut column = name_cols.min(width.saturating_sub(held(kept)));
    // This row's own parts, each at least its own width (the kept ones padded).
    let own: u16 = parts
        .iter()
        .enumerate()
        .filter(|(i, p)| !p.text.is_empty() || (*i < kept && p.pad_to > 0))
        .map(|(i, p)| {
            let w = if p.whole {
                cols(p.text)
            } else {
                cols(p.text).min(p.pad_to)
            };
            GAP.saturating_add(if i < kept { w.max(p.pad_to) } else { w })
        })
        .fold(0u16, u16::saturating_add);
    let padded = column.saturating_add(own) <= width;
    if !padded {
        // This row gives up the others' alignment before its parts: its name first, then the
        // parts' padding.
        let unpadded: u16 = parts
            .iter()
            .filter(|p| !p.text.is_empty())
            .map(|p| {
                let w = if p.whole {
                    cols(p.text)
                } else {
                    cols(p.text).min(p.pad_to)
                };
                GAP.saturating_add(w)
            })
            .fold(0u16, u16::saturating_add);
        column = column.min(width.saturating_sub(unpadded));
    }
    let column = column.max(least);
    put(buf, x, y, column, name, name_style);
    let mut cx = x.saturating_add(column);
    let end = x.saturating_add(width);
    for (i, p) in parts.iter().enumerate() {
        let held_open = padded && i < kept && p.pad_to > 0;
        if p.text.is_empty() && !held_open {
            continue;
        }
        cx = cx.saturating_add(GAP);
        if cx >= end {
            return;
        }
        let used = put(buf, cx, y, end - cx, p.text, p.style);
        cx = cx.saturating_add(if held_open { used.max(p.pad_to) } else { used });
    }
}

/// Whether a character is a grapheme of its own one cell wide whatever follows it: printable
/// ASCII, Latin letters with their accents, and the punctuation, arrows and box drawing the
/// screens use (`·`, `…`, `→`, `─`, `▏`). Anything else goes through the grapheme-aware path.
fn one_cell(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A1}'..='\u{AC}'
        | '\u{AE}'..='\u{24F}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{2190}'..='\u{21FF}'
        | '\u{2500}'..='\u{259F}')
}

/// The bordered block of a pane: thick and highlighted when it has the focus.
pub fn pane_block<'a>(title: &'a str, area: Rect, focused: bool, theme: &Theme) -> Block<'a> {
    let (kind, style) = if focused {
        (BorderType::Thick, theme.border_focused)
    } else {
        (BorderType::Plain, theme.border)
    };
    // Between the corners, after a space (the one after it may be cut).
    let room = usize::from(area.width.saturating_sub(3));
    Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(Line::styled(format!(" {} ", fit_title(title, room)), style))
}

/// `title` in at most `cols` columns, made safe. A count at its end, as in
/// "Only in United AI Alliance (14)", is kept whole and the words before it are cut with "…".
pub fn fit_title(title: &str, cols: usize) -> Cow<'_, str> {
    if text::width(title) <= cols {
        return text::sanitize(title);
    }
    let count = title
        .rfind(" (")
        .filter(|&at| {
            title.ends_with(')')
                && title[at + 2..title.len() - 1]
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b',' || b == b'/')
        })
        .map(|at| &title[at..]);
    match count {
        Some(count) if cols > count.len() + 1 => {
            let words = &title[..title.len() - count.len()];
            Cow::Owned(format!(
                "{}{count}",
                text::display(words, cols - count.len())
            ))
        }
        _ => text::display(title, cols),
    }
}

/// A scrollbar on the right border of a pane when `len` rows do not fit.
pub fn scrollbar(
    area: Rect,
    buf: &mut Buffer,
    len: usize,
    offset: usize,
    height: usize,
    theme: &Theme,
) {
    if len <= height || area.height < 3 {
        return;
    }
    let mut state = ScrollbarState::new(len.saturating_sub(height)).position(offset);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_style(theme.border)
        .thumb_style(theme.border_focused)
        .render(area.inner(Margin::new(0, 1)), buf, &mut state);
}

/// Fills a row with a style (the selection bar).
pub fn fill_row(buf: &mut Buffer, area: Rect, y: u16, style: Style) {
    if y >= area.y && y < area.bottom() {
        buf.set_style(Rect::new(area.x, y, area.width, 1), style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_title_keeps_its_count() {
        let t = "Only in United AI Alliance (14)";
        assert_eq!(fit_title(t, 40), t);
        assert_eq!(fit_title(t, 31), t);
        assert_eq!(fit_title(t, 26), "Only in United AI Al… (14)");
        assert_eq!(fit_title("Alliances (1,000,000)", 16), "All… (1,000,000)");
        // No count, or no room for one: cut at the end.
        assert_eq!(fit_title("Help — Esc to close", 10), "Help — Es…");
        assert_eq!(fit_title("Focus areas (5)", 5), "Focu…");
        // Brackets that hold no count are words like the others.
        assert_eq!(fit_title("Details (draft)", 9), "Details…");
        for cols in 0..40 {
            assert!(text::width(&fit_title(t, cols)) <= cols, "{cols}");
        }
    }

    fn row(width: u16, name: &str, name_cols: u16, parts: &[(&str, u16)]) -> String {
        let area = Rect::new(0, 0, width, 1);
        let mut buf = Buffer::empty(area);
        let parts: Vec<Part> = parts
            .iter()
            .map(|&(text, pad_to)| Part {
                text,
                style: Style::default(),
                pad_to,
                whole: true,
            })
            .collect();
        put_name_row(
            &mut buf,
            0,
            0,
            width,
            name,
            name_cols,
            Style::default(),
            &parts,
        );
        let line: String = buf.content.iter().map(|c| c.symbol()).collect();
        line.trim_end().to_string()
    }

    #[test]
    fn a_row_gives_up_its_padding_then_its_name_before_its_parts() {
        let parts = [
            ("university · DE", 20),
            ("since 2021", 10),
            ("[unverified]", 12),
        ];
        let name = "Universität Koblenz";
        let ibm = [("company · US", 20), ("", 10), ("", 12)];
        // Room for everything: the names padded to their column, the parts line up.
        assert_eq!(
            row(80, name, 30, &parts),
            "Universität Koblenz             university · DE       since 2021  [unverified]"
        );
        assert_eq!(
            row(80, "IBM", 30, &ibm),
            "IBM                             company · US"
        );
        // Less room: the column narrows, every row alike; a row with more parts than most
        // (a tag) cuts its own name and gives up its padding, every part whole.
        assert_eq!(
            row(61, "IBM", 30, &ibm),
            "IBM                          company · US"
        );
        assert_eq!(
            row(61, name, 30, &parts),
            "Universität Koble…  university · DE  since 2021  [unverified]"
        );
        // Less still: the column keeps room for the kind and country only; a row with more
        // cuts its own name further, then gives up its padding, and shows every part whole.
        assert_eq!(
            row(52, "IBM", 30, &ibm),
            "IBM                             company · US"
        );
        assert_eq!(
            row(52, name, 30, &parts),
            "Universität…  university · DE  since 2021  [unverif…"
        );
        // Too narrow for all: the parts are cut from the end.
        assert_eq!(row(30, name, 30, &parts), "Universität…  university · DE");
        assert!(text::width(&row(8, name, 30, &parts)) <= 8);
    }

    #[test]
    fn text_is_put_in_the_cells_the_grapheme_aware_path_would_use() {
        for s in [
            "IBM · US · founding member",
            "École polytechnique fédérale → Łódź",
            "世界 AI 😀 e\u{301}",
            "a…",
            "",
        ] {
            for room in [0u16, 3, 10, 40] {
                let area = Rect::new(0, 0, 40, 1);
                let mut fast = Buffer::empty(area);
                let mut slow = Buffer::empty(area);
                let style = Style::default();
                let used = put(&mut fast, 0, 0, room, s, style);
                let shown = text::display(s, usize::from(room));
                let (end, _) = slow.set_stringn(0, 0, shown.as_ref(), usize::from(room), style);
                assert_eq!(fast, slow, "{s:?} in {room}");
                assert_eq!(used, end, "{s:?} in {room}");
            }
        }
    }
}
