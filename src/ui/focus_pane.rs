//! The selected alliance's focus areas; under them, the highlighted area's description and the
//! other alliances that share it.

use super::draw::{pane_block, put};
use super::rows::RowList;
use super::theme::Theme;
use crate::app::{Cursor, layout};
use crate::kb::{Index, Ix, Kb};
use crate::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct FocusPane<'a> {
    pub kb: &'a Kb,
    pub index: &'a Index,
    /// The alliance whose focus areas are shown.
    pub alliance: Option<Ix>,
    pub items: &'a [Ix],
    pub cursor: Cursor,
    pub focused: bool,
    pub theme: &'a Theme,
}

impl Widget for FocusPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let title = format!("Focus areas ({})", self.items.len());
        pane_block(&title, area, self.focused, self.theme).render(area, buf);
        let inner = layout::inner(area);
        if inner.is_empty() {
            return;
        }
        if self.items.is_empty() {
            put(
                buf,
                inner.x,
                inner.y,
                inner.width,
                "None recorded",
                self.theme.dim,
            );
            return;
        }
        let shown = self.items.len().min(usize::from(inner.height));
        let list_area = Rect {
            height: shown as u16,
            ..inner
        };
        let list = RowList {
            len: self.items.len(),
            cursor: self.cursor,
            selectable: true,
            lines_per_item: 1,
            focused: self.focused,
            theme: self.theme,
        };
        list.render(area, list_area, buf, |buf, row| {
            let name = &self.kb.focus_areas[self.items[row.index]].name;
            put(buf, row.area.x, row.area.y, row.area.width, name, row.style);
        });
        // The highlighted area, in the rows left below the list.
        let Some(&f) = self.items.get(self.cursor.selected) else {
            return;
        };
        let top = inner.y + shown as u16 + 1;
        let width = usize::from(inner.width);
        let area_info = &self.kb.focus_areas[f];
        // Only what fits in the rows left is wrapped, so a huge text costs no more.
        let room = usize::from(inner.height) * width.max(1) * 4;
        let sharing = self.index.focus_alliances(f);
        let others: Vec<&str> = sharing
            .iter()
            .filter(|&&a| Some(a) != self.alliance)
            .take(8)
            .map(|&a| text::prefix(&self.kb.alliances[a].name, 256))
            .collect();
        let more = sharing
            .len()
            .saturating_sub(others.len() + usize::from(self.alliance.is_some()));
        let shared = match (others.is_empty(), more) {
            (true, _) => "Shared with no other alliance.".to_string(),
            (false, 0) => format!("Also: {}.", others.join(", ")),
            (false, n) => format!("Also: {} and {n} more.", others.join(", ")),
        };
        let mut lines: Vec<(String, ratatui::style::Style)> = Vec::new();
        let mut add = |s: &str, style| {
            lines.extend(
                text::wrap(text::prefix(s, room), width)
                    .into_iter()
                    .map(|l| (l, style)),
            );
        };
        add(&area_info.name, self.theme.heading);
        add(&shared, self.theme.label);
        add(&area_info.description, self.theme.dim);
        for (y, (line, style)) in (top..inner.bottom()).zip(lines) {
            put(buf, inner.x, y, inner.width, &line, style);
        }
    }
}
