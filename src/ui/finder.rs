//! The search and go-to popup: the prompt with its count, then the ranked results with the
//! matched characters highlighted and what each result is tied to.

use super::draw::{pane_block, put, put_highlighted};
use super::rows::RowList;
use super::theme::Theme;
use crate::app::{Finder, FinderKind, layout};
use crate::kb::{Day, Kb};
use crate::search::Haystack;
use crate::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

pub struct FinderPopup<'a> {
    pub finder: &'a Finder,
    pub haystack: &'a Haystack,
    pub kb: &'a Kb,
    /// The day the results' names are as of.
    pub day: Day,
    pub theme: &'a Theme,
}

impl Widget for FinderPopup<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        let areas = layout::finder(screen);
        let area = areas.popup.frame;
        if area.is_empty() {
            return;
        }
        Clear.render(area, buf);
        let f = self.finder;
        pane_block(f.kind.title(), area, true, self.theme).render(area, buf);
        let inner = areas.popup.inner;
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
        // A pasted paragraph: say that only its first terms were searched.
        let count = match f.results.ignored_terms {
            0 => count,
            _ => format!("first {} terms · {count}", crate::search::MAX_TERMS),
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
            areas.rule.x,
            areas.rule.y,
            areas.rule.width,
            &rule,
            self.theme.border,
        );
        let list = areas.list;
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
        // Names are padded to the widest shown, at most half the row; a row whose context
        // would not fit gives up its padding first.
        let name_cols = (list.width.saturating_sub(2 + kind_cols) / 2).max(8);
        let rows = RowList {
            len: f.results.hits.len(),
            cursor: f.cursor,
            selectable: true,
            lines_per_item: 1,
            focused: true,
            theme: self.theme,
        };
        rows.render(area, list, buf, |buf, row| {
            let hit = f.results.hits[row.index];
            let entry = self.haystack.entry(hit.entry);
            let (style, dim) = (row.style, row.dim);
            let Rect { mut x, y, .. } = row.area;
            if kind_cols > 0 {
                put(buf, x, y, kind_cols - 1, entry.kind().label(), dim);
                x += kind_cols;
            }
            let shown = row.index - f.cursor.offset;
            let positions = f.highlights.get(shown).map_or(&[][..], Vec::as_slice);
            let hl = self.theme.highlight.patch(style);
            // The name on the day; matched through another name (or a renamed alliance's
            // name of the time), that name beside it in brackets.
            let name = entry.name_on(self.kb, self.day);
            let end_x = list.right();
            let matched = self.haystack.text(hit.text);
            let used = if matched == name {
                put_highlighted(buf, x, y, name_cols, name, positions, style, hl)
            } else {
                let mut used = put(buf, x, y, name_cols, name, style);
                // The other name in brackets, when a few of its letters fit after the name.
                let room = name_cols.saturating_sub(used + 3);
                if room >= 4 {
                    used += put(buf, x + used, y, 2, " (", dim);
                    used += put_highlighted(buf, x + used, y, room, &matched, positions, style, hl);
                    used += put(buf, x + used, y, 1, ")", dim);
                }
                used
            };
            // What the result is tied to, in a column of its own unless that would cut it.
            let context = f.contexts.get(shown).map_or("", String::as_str);
            let context_cols = text::width(context).min(usize::from(u16::MAX)) as u16;
            let padded = x + used.max(name_cols) + 2;
            let cx = if padded.saturating_add(context_cols) > end_x {
                x + used + 2
            } else {
                padded
            };
            if cx < end_x {
                put(buf, cx, y, end_x - cx, context, dim);
            }
        });
    }
}
