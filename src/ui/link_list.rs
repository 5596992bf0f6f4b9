//! A list of links: what an organisation, focus area or artifact links to, or one column of
//! a comparison. Each row is a name, then how it relates.

use super::draw::{Part, pane_block, put, put_name_row};
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
    /// Columns of the widest name, and of the widest label (whose room every row keeps, so
    /// that the labels line up).
    pub cols: (u16, u16),
    /// Lines each row takes: with two, the label goes under the name, whole.
    pub lines: usize,
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
        let list = RowList {
            len: self.rows.len(),
            cursor: self.cursor,
            selectable: true,
            lines_per_item: self.lines.max(1),
            focused: self.focused,
            theme: self.theme,
        };
        list.render(area, inner, buf, |buf, row| {
            let r = &self.rows[row.index];
            let Rect { x, y, width, .. } = row.area;
            if self.lines > 1 {
                put(buf, x, y, width, &r.name, row.style);
                if row.area.height > 1 {
                    let w = width.saturating_sub(2);
                    put(buf, x + 2, y + 1, w, &r.label, row.dim);
                }
                return;
            }
            // A short label (a role) is shown whole, the name giving way; a long one (a
            // sentence) has half the row, and is cut there.
            let half = width / 2;
            let label = Part {
                text: &r.label,
                style: row.dim,
                pad_to: self.cols.1.min(half),
                whole: self.cols.1 <= half,
            };
            put_name_row(buf, x, y, width, &r.name, self.cols.0, row.style, &[label]);
        });
    }
}
