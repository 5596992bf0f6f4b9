//! The help overlay, generated from the key map.

use super::draw::{pane_block, put};
use super::rows::RowList;
use super::theme::Theme;
use crate::app::{Cursor, layout};
use crate::keymap::HelpRow;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

pub struct HelpOverlay<'a> {
    pub rows: &'a [HelpRow],
    pub offset: usize,
    pub theme: &'a Theme,
}

impl Widget for HelpOverlay<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        let popup = layout::help(screen);
        let area = popup.frame;
        if area.is_empty() {
            return;
        }
        Clear.render(area, buf);
        pane_block("Help — Esc to close", area, true, self.theme).render(area, buf);
        let inner = popup.inner;
        let key_cols = 18.min(inner.width / 2);
        let list = RowList {
            len: self.rows.len(),
            cursor: Cursor {
                selected: 0,
                offset: self.offset,
            },
            selectable: false,
            lines_per_item: 1,
            focused: true,
            theme: self.theme,
        };
        list.render(area, inner, buf, |buf, row| {
            let Rect { x, y, width, .. } = row.area;
            match &self.rows[row.index] {
                HelpRow::Heading(h) => {
                    put(
                        buf,
                        x + 1,
                        y,
                        width.saturating_sub(1),
                        h,
                        self.theme.heading,
                    );
                }
                HelpRow::Binding(keys, what) => {
                    put(buf, x + 2, y, key_cols, keys, self.theme.key);
                    let x = x + 3 + key_cols;
                    put(
                        buf,
                        x,
                        y,
                        inner.right().saturating_sub(x),
                        what,
                        self.theme.text,
                    );
                }
                HelpRow::Blank => {}
            }
        });
    }
}
