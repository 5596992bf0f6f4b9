//! The list of an entity screen: what an organisation, focus area or artifact links to.

use super::draw::{fill_row, pane_block, put, row_style, scrollbar};
use super::theme::Theme;
use crate::app::Cursor;
use crate::doc::LinkRow;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct LinkList<'a> {
    pub title: &'a str,
    /// What the pane says when it has no rows.
    pub empty: &'a str,
    pub rows: &'a [LinkRow],
    /// Columns of the widest name.
    pub name_cols: u16,
    pub cursor: Cursor,
    pub focused: bool,
    pub theme: &'a Theme,
}

impl Widget for LinkList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = pane_block(self.title, area, self.focused, self.theme);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        if self.rows.is_empty() {
            put(
                buf,
                inner.x,
                inner.y,
                inner.width,
                self.empty,
                self.theme.dim,
            );
            return;
        }
        let height = usize::from(inner.height);
        let name_cols = self.name_cols.min(inner.width / 2);
        let end = self.rows.len().min(self.cursor.offset + height);
        for (row, i) in (self.cursor.offset..end).enumerate() {
            let r = &self.rows[i];
            let y = inner.y + row as u16;
            let selected = i == self.cursor.selected;
            let (marker, style) = row_style(selected, self.theme);
            // Every list keeps its marker; only the focused one shows the selection bar.
            let style = if self.focused { style } else { self.theme.text };
            let selected = selected && self.focused;
            fill_row(buf, inner, y, style);
            let x = inner.x + put(buf, inner.x, y, inner.width, marker, style);
            let room = inner.width.saturating_sub(2);
            let used = put(buf, x, y, name_cols.min(room), &r.name, style);
            let lx = x + name_cols.max(used) + 2;
            let label_style = if selected { style } else { self.theme.dim };
            put(
                buf,
                lx,
                y,
                inner.right().saturating_sub(lx),
                &r.label,
                label_style,
            );
        }
        scrollbar(
            area,
            buf,
            self.rows.len(),
            self.cursor.offset,
            height,
            self.theme,
        );
    }
}
