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
        assert_eq!(fit_title("Details (draft)", 9), "Details …");
        for cols in 0..40 {
            assert!(text::width(&fit_title(t, cols)) <= cols, "{cols}");
        }
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
