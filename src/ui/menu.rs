//! A menu of choices over the screen (what `y` copies, how `w` writes): each row its key, what
//! it is and the start of what it holds.

use super::draw::{pane_block, put};
use super::theme::Theme;
use crate::app::effects::Menu;
use crate::app::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

pub struct MenuPopup<'a> {
    pub menu: &'a Menu,
    pub theme: &'a Theme,
}

impl Widget for MenuPopup<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        let popup = layout::menu(screen, self.menu.choices.len());
        if popup.inner.is_empty() {
            return;
        }
        Clear.render(popup.frame, buf);
        let title = format!("{} — Esc to close", self.menu.title);
        pane_block(&title, popup.frame, true, self.theme).render(popup.frame, buf);
        let inner = popup.inner;
        let label_cols = self
            .menu
            .choices
            .iter()
            .map(|c| crate::text::width(&c.label) as u16)
            .max()
            .unwrap_or(0)
            .min(inner.width / 2);
        for (i, choice) in self.menu.choices.iter().enumerate() {
            let y = inner.y + i as u16;
            if y >= inner.bottom() {
                break;
            }
            let selected = i == self.menu.selected;
            let style = |s| if selected { self.theme.selected } else { s };
            if selected {
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), self.theme.selected);
            }
            let marker = if selected { "▶" } else { " " };
            put(buf, inner.x, y, 1, marker, style(self.theme.text));
            put(
                buf,
                inner.x + 2,
                y,
                1,
                &choice.key.to_string(),
                style(self.theme.key),
            );
            put(
                buf,
                inner.x + 5,
                y,
                label_cols,
                &choice.label,
                style(self.theme.text),
            );
            let x = inner.x + 7 + label_cols;
            put(
                buf,
                x,
                y,
                inner.right().saturating_sub(x),
                &choice.preview,
                style(self.theme.dim),
            );
        }
    }
}
