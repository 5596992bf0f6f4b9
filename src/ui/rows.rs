//! Drawing a list of rows: the visible slice from the cursor's offset, the selection's marker
//! and bar, and the scrollbar. Every list widget draws its rows through it, so the rule is one:
//! only the focused list's selection stands out (`▶` and the selection bar); another list's
//! selection keeps a quiet `▷`, so that it can be found again.

use super::draw::{fill_row, put, scrollbar};
use super::theme::Theme;
use crate::app::Cursor;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

pub struct RowList<'a> {
    /// How many rows the list has.
    pub len: usize,
    /// The first row shown, and the selected one.
    pub cursor: Cursor,
    /// Whether rows can be selected (the help overlay's cannot: it has no marker).
    pub selectable: bool,
    /// Screen lines each row takes.
    pub lines_per_item: usize,
    pub focused: bool,
    pub theme: &'a Theme,
}

/// One visible row, for the widget to fill in.
pub struct Row {
    /// Its position in the list.
    pub index: usize,
    /// Where its content goes (after the marker), as tall as a row.
    pub area: Rect,
    /// The style of its text: the selection bar's when selected in a focused list.
    pub style: Style,
    /// The style of its secondary text.
    pub dim: Style,
    /// Selected in a focused list (the bar is drawn).
    pub highlighted: bool,
}

impl RowList<'_> {
    /// How many rows fit in `inner`.
    pub fn visible(&self, inner: Rect) -> usize {
        usize::from(inner.height) / self.lines_per_item.max(1)
    }

    /// Draws the rows that fit in `inner`, each through `row`, and the scrollbar on `frame`.
    pub fn render(
        self,
        frame: Rect,
        inner: Rect,
        buf: &mut Buffer,
        mut row: impl FnMut(&mut Buffer, Row),
    ) {
        let inner = inner.intersection(buf.area);
        if inner.is_empty() {
            return;
        }
        let per = self.lines_per_item.max(1);
        let shown = self.visible(inner).max(1);
        let end = self.len.min(self.cursor.offset + shown);
        for (n, index) in (self.cursor.offset..end).enumerate() {
            let y = inner.y + (n * per) as u16;
            if y >= inner.bottom() {
                break;
            }
            let selected = self.selectable && index == self.cursor.selected;
            let highlighted = selected && self.focused;
            let style = if highlighted {
                self.theme.selected
            } else {
                self.theme.text
            };
            let height = (per as u16).min(inner.bottom() - y);
            for line in 0..height {
                if highlighted {
                    fill_row(buf, inner, y + line, style);
                }
            }
            let mut x = inner.x;
            if self.selectable {
                let (marker, marker_style) = match (selected, highlighted) {
                    (true, true) => ("▶ ", style),
                    (true, false) => ("▷ ", self.theme.dim),
                    _ => ("  ", style),
                };
                x += put(buf, x, y, inner.width, marker, marker_style);
            }
            let area = Rect {
                x,
                y,
                width: inner.right().saturating_sub(x),
                height,
            };
            let dim = if highlighted { style } else { self.theme.dim };
            row(
                buf,
                Row {
                    index,
                    area,
                    style,
                    dim,
                    highlighted,
                },
            );
        }
        scrollbar(frame, buf, self.len, self.cursor.offset, shown, self.theme);
    }
}
