//! The selected alliance's focus areas; under them, the highlighted area's description and the
//! other alliances that share it.

use super::draw::{fill_row, pane_block, put, row_style};
use super::theme::Theme;
use crate::app::Cursor;
use crate::kb::index::Ix;
use crate::kb::{Index, Kb};
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
        let block = pane_block(&title, area, self.focused, self.theme);
        let inner = block.inner(area);
        block.render(area, buf);
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
        let height = usize::from(inner.height);
        let shown = self.items.len().min(height);
        let visible = self.cursor.offset..(self.cursor.offset + shown).min(self.items.len());
        for (row, i) in visible.enumerate() {
            let y = inner.y + row as u16;
            let current = i == self.cursor.selected;
            let (marker, style) = row_style(current, self.theme);
            let style = if self.focused { style } else { self.theme.text };
            fill_row(buf, inner, y, style);
            let x = inner.x + put(buf, inner.x, y, inner.width, marker, style);
            let name = &self.kb.focus_areas[self.items[i]].name;
            put(buf, x, y, inner.width.saturating_sub(2), name, style);
        }
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
