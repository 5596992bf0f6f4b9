//! The help overlay, generated from the key map.

use super::draw::{pane_block, put, scrollbar};
use super::theme::Theme;
use crate::app::HelpRow;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Clear, Widget};

/// Where the overlay goes on a screen of `size`.
pub fn area(size: Rect) -> Rect {
    size.centered(Constraint::Percentage(70), Constraint::Percentage(80))
}

pub struct HelpOverlay<'a> {
    pub rows: &'a [HelpRow],
    pub offset: usize,
    pub theme: &'a Theme,
}

impl Widget for HelpOverlay<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        let area = area(screen);
        if area.is_empty() {
            return;
        }
        Clear.render(area, buf);
        let block = pane_block("Help — Esc to close", area, true, self.theme);
        let inner = block.inner(area);
        block.render(area, buf);
        let height = usize::from(inner.height);
        let key_cols = 18.min(inner.width / 2);
        for (row, r) in self.rows.iter().skip(self.offset).take(height).enumerate() {
            let y = inner.y + row as u16;
            match r {
                HelpRow::Heading(h) => {
                    put(
                        buf,
                        inner.x + 1,
                        y,
                        inner.width.saturating_sub(1),
                        h,
                        self.theme.heading,
                    );
                }
                HelpRow::Binding(keys, what) => {
                    put(buf, inner.x + 2, y, key_cols, keys, self.theme.key);
                    let x = inner.x + 3 + key_cols;
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
        }
        scrollbar(area, buf, self.rows.len(), self.offset, height, self.theme);
    }
}
