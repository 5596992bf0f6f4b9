//! The alliance list: name, kind, founding year and member count; only visible rows are drawn.

use super::draw::{fill_row, pane_block, put, row_style, scrollbar};
use super::theme::Theme;
use crate::app::Cursor;
use crate::kb::Kb;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct AllianceList<'a> {
    pub kb: &'a Kb,
    pub cursor: Cursor,
    pub focused: bool,
    pub theme: &'a Theme,
}

impl Widget for AllianceList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let n = self.kb.alliances.len();
        let title = format!("Alliances ({n})");
        let block = pane_block(&title, self.focused, self.theme);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        if n == 0 {
            put(
                buf,
                inner.x,
                inner.y,
                inner.width,
                "No alliances",
                self.theme.dim,
            );
            return;
        }
        let height = usize::from(inner.height);
        // Right-hand columns: kind (when there is room), year and member count.
        // As the pane narrows, the kind goes first, then the year; the name and count stay.
        let show_kind = inner.width >= 44;
        let show_year = inner.width >= 26;
        let right: u16 = 5 + if show_kind { 18 } else { 0 } + if show_year { 5 } else { 0 };
        for (row, i) in (self.cursor.offset..n.min(self.cursor.offset + height)).enumerate() {
            let a = &self.kb.alliances[i];
            let y = inner.y + row as u16;
            let selected = i == self.cursor.selected;
            let (marker, style) = row_style(selected, self.theme);
            fill_row(buf, inner, y, style);
            let mut x = inner.x + put(buf, inner.x, y, inner.width, marker, style);
            let name_room = inner.width.saturating_sub(2 + right);
            put(buf, x, y, name_room, &a.name, style);
            x = inner.right().saturating_sub(right);
            let dim = if selected { style } else { self.theme.dim };
            if show_kind {
                put(buf, x + 1, y, 17, a.kind.label(), dim);
                x += 18;
            }
            if show_year {
                let year = a.founded.as_ref().and_then(|d| d.year());
                let year = year.map_or_else(|| "    ".to_string(), |y| y.to_string());
                put(buf, x + 1, y, 4, &year, dim);
                x += 5;
            }
            let count = format!("{:>4}", a.members.len());
            put(buf, x + 1, y, 4, &count, style);
        }
        scrollbar(area, buf, n, self.cursor.offset, height, self.theme);
    }
}
