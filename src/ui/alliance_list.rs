//! The alliance list: each alliance on two lines, its name, then its kind, founding year and
//! member count. Only visible rows are drawn.

use super::draw::{fill_row, pane_block, put, row_style, scrollbar};
use super::theme::Theme;
use crate::app::Cursor;
use crate::kb::Kb;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// Screen lines per alliance.
pub const LINES_PER_ITEM: usize = 2;

pub struct AllianceList<'a> {
    pub kb: &'a Kb,
    pub cursor: Cursor,
    /// Alliances marked for comparison, shown as `[1]` and `[2]`.
    pub marks: &'a [usize],
    pub focused: bool,
    pub theme: &'a Theme,
}

impl Widget for AllianceList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let n = self.kb.alliances.len();
        let title = format!("Alliances ({})", crate::text::number(n));
        let block = pane_block(&title, area, self.focused, self.theme);
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
        let shown = height / LINES_PER_ITEM;
        let end = n.min(self.cursor.offset + shown.max(1));
        for (row, i) in (self.cursor.offset..end).enumerate() {
            let a = &self.kb.alliances[i];
            let y = inner.y + (row * LINES_PER_ITEM) as u16;
            let selected = i == self.cursor.selected;
            let (marker, style) = row_style(selected, self.theme);
            fill_row(buf, inner, y, style);
            fill_row(buf, inner, y + 1, style);
            let mut x = inner.x + put(buf, inner.x, y, inner.width, marker, style);
            if let Some(m) = self.marks.iter().position(|&m| m == i) {
                let mark_style = if selected { style } else { self.theme.key };
                x += put(
                    buf,
                    x,
                    y,
                    inner.right().saturating_sub(x),
                    &format!("[{}] ", m + 1),
                    mark_style,
                );
            }
            put(buf, x, y, inner.right().saturating_sub(x), &a.name, style);
            let x = inner.x + 2;
            // Second line: kind · founding year, and the member count on the right.
            if y + 1 < inner.bottom() {
                let mut about = a.kind.label().to_string();
                if let Some(year) = a.founded.as_ref().and_then(|d| d.year()) {
                    about.push_str(&format!(" · {year}"));
                }
                let room = inner.width.saturating_sub(2);
                // "85 members" where the pane is wide enough for every row, "85" otherwise.
                let count = if room >= 34 {
                    crate::text::count(a.members.len(), "member", "members")
                } else {
                    crate::text::number(a.members.len())
                };
                let count_cols = crate::text::width(&count) as u16;
                let dim = if selected { style } else { self.theme.dim };
                put(
                    buf,
                    x,
                    y + 1,
                    room.saturating_sub(count_cols + 1),
                    &about,
                    dim,
                );
                let cx = inner.right().saturating_sub(count_cols);
                put(buf, cx, y + 1, count_cols, &count, dim);
            }
        }
        scrollbar(area, buf, n, self.cursor.offset, shown, self.theme);
    }
}
