//! A list of links: what an organisation, focus area or artifact links to, or one column of
//! a comparison. Each row is a name, then how it relates.

use super::draw::{pane_block, put};
use super::rows::RowList;
use super::theme::Theme;
use crate::app::{Cursor, layout};
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
        pane_block(self.title, area, self.focused, self.theme).render(area, buf);
        let inner = layout::inner(area);
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
        let name_cols = self.name_cols.min(inner.width / 2);
        let list = RowList {
            len: self.rows.len(),
            cursor: self.cursor,
            selectable: true,
            lines_per_item: 1,
            focused: self.focused,
            theme: self.theme,
        };
        list.render(area, inner, buf, |buf, row| {
            let r = &self.rows[row.index];
            let Rect { x, y, width, .. } = row.area;
            let used = put(buf, x, y, name_cols.min(width), &r.name, row.style);
            let lx = x + name_cols.max(used) + 2;
            put(
                buf,
                lx,
                y,
                inner.right().saturating_sub(lx),
                &r.label,
                row.dim,
            );
        });
    }
}
