//! The search and go-to popup: the prompt with its count, then the ranked results with the
//! matched characters highlighted and what each result is tied to.

use super::draw::{fill_row, pane_block, put, put_highlighted, row_style, scrollbar};
use super::theme::Theme;
use crate::app::{Finder, FinderKind};
use crate::kb::{Index, Kb};
use crate::search::Haystack;
use crate::text;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Margin, Rect};
use ratatui::widgets::{Clear, Widget};

/// Where the popup goes on a screen of `size`.
pub fn area(size: Rect) -> Rect {
    size.centered(Constraint::Percentage(86), Constraint::Percentage(80))
}

/// The rows of results inside the popup.
pub fn list_area(size: Rect) -> Rect {
    let inner = area(size).inner(Margin::new(1, 1));
    Rect {
        y: inner.y.saturating_add(2),
        height: inner.height.saturating_sub(2),
        ..inner
    }
}

pub struct FinderPopup<'a> {
    pub finder: &'a Finder,
    pub haystack: &'a Haystack,
    pub kb: &'a Kb,
    pub index: &'a Index,
    pub theme: &'a Theme,
}

impl Widget for FinderPopup<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        let area = area(screen);
        if area.is_empty() {
            return;
        }
        Clear.render(area, buf);
        let f = self.finder;
        let block = pane_block(f.kind.title(), area, true, self.theme);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height < 1 {
            return;
        }
        // The prompt and the count of results over the number searched.
        let count = if f.searching {
            format!(
                "searching… {}/{}",
                text::number(f.results.hits.len()),
                text::number(f.results.total)
            )
        } else {
            format!(
                "{}/{}",
                text::number(f.results.hits.len()),
                text::number(f.results.total)
            )
        };
        let count_cols = text::width(&count) as u16;
        let mut x = inner.x
            + put(
                buf,
                inner.x,
                inner.y,
                inner.width,
                f.kind.prompt(),
                self.theme.key,
            );
        let room = inner.width.saturating_sub(x - inner.x + count_cols + 2);
        x += put(buf, x, inner.y, room, &f.query, self.theme.text);
        put(buf, x, inner.y, 1, "▏", self.theme.key);
        let cx = inner.right().saturating_sub(count_cols);
        put(buf, cx, inner.y, count_cols, &count, self.theme.dim);
        if inner.height < 3 {
            return;
        }
        let rule = "─".repeat(usize::from(inner.width));
        put(
            buf,
            inner.x,
            inner.y + 1,
            inner.width,
            &rule,
            self.theme.border,
        );
        let list = list_area(screen);
        if f.results.hits.is_empty() {
            let hint = if f.query.is_empty() {
                "Type to search"
            } else {
                "No match. Operators: 'exact ^prefix suffix$ !not"
            };
            put(
                buf,
                list.x + 2,
                list.y,
                list.width.saturating_sub(2),
                hint,
                self.theme.dim,
            );
            return;
        }
        let kind_cols: u16 = if f.kind == FinderKind::Anything {
            14
        } else {
            0
        };
        let name_cols = (list.width.saturating_sub(2 + kind_cols) / 2).max(8);
        let end = f
            .results
            .hits
            .len()
            .min(f.cursor.offset + usize::from(list.height));
        for (row, i) in (f.cursor.offset..end).enumerate() {
            let hit = f.results.hits[i];
            let entry = self.haystack.entry(hit.entry);
            let y = list.y + row as u16;
            let selected = i == f.cursor.selected;
            let (marker, style) = row_style(selected, self.theme);
            fill_row(buf, list, y, style);
            let mut x = list.x + put(buf, list.x, y, list.width, marker, style);
            let dim = if selected { style } else { self.theme.dim };
            if kind_cols > 0 {
                put(buf, x, y, kind_cols - 1, entry.kind.label(), dim);
                x += kind_cols;
            }
            let positions = f.highlights.get(row).map_or(&[][..], Vec::as_slice);
            let hl = self.theme.highlight.patch(style);
            let name = name_of(self.kb, entry.target());
            let end_x = list.right();
            let used = if self.haystack.is_primary(hit.text) {
                put_highlighted(buf, x, y, name_cols, name, positions, style, hl)
            } else {
                // Matched through another name: show the name, then the match.
                let mut used = put(buf, x, y, name_cols, name, style);
                used += put(buf, x + used, y, name_cols.saturating_sub(used), " (", dim);
                let matched = self.haystack.text(hit.text);
                let room = name_cols.saturating_sub(used + 1);
                used += put_highlighted(buf, x + used, y, room, &matched, positions, style, hl);
                used + put(buf, x + used, y, 1, ")", dim)
            };
            // What the result is tied to, in a column of its own.
            let cx = x + used.max(name_cols) + 2;
            if cx < end_x {
                let context = crate::doc::context(self.kb, self.index, entry.target());
                put(buf, cx, y, end_x - cx, &context, dim);
            }
        }
        scrollbar(
            area,
            buf,
            f.results.hits.len(),
            f.cursor.offset,
            usize::from(list.height),
            self.theme,
        );
    }
}

fn name_of(kb: &Kb, target: crate::doc::Target) -> &str {
    use crate::doc::Target;
    match target {
        Target::Alliance(a) => &kb.alliances[a].name,
        Target::Org(o) => &kb.organizations[o].name,
        Target::Focus(f) => &kb.focus_areas[f].name,
        Target::Artifact(t) => &kb.artifacts[t].name,
    }
}
