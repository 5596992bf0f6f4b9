//! A list of the whole field as a table: a heading row, then the visible rows, each cell cut
//! to its column; the matched letters of a filter highlighted in the name column.

use super::draw::{pane_block, put, put_highlighted};
use super::rows::RowList;
use super::theme::Theme;
use crate::app::{Cursor, layout};
use crate::kb::Verdict;
use crate::listing::{Listing, Order, Scope, columns};
use crate::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct Table<'a> {
    pub title: &'a str,
    pub scope: Scope<'a>,
    pub listing: Listing,
    pub rows: &'a [u32],
    /// The matched characters of the name of each visible row (from the cursor's offset).
    pub highlights: &'a [Vec<usize>],
    /// What the pane says when no row is left.
    pub empty: &'a str,
    /// The order of the rows: its column's heading carries an arrow.
    pub order: Order,
    pub cursor: Cursor,
    pub focused: bool,
    pub theme: &'a Theme,
}

impl Widget for Table<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        pane_block(self.title, area, self.focused, self.theme).render(area, buf);
        let inner = layout::inner(area);
        if inner.height < 2 || inner.width < 4 {
            return;
        }
        let cols = columns::columns(self.listing);
        let arrow = self.order.arrow();
        let headings: Vec<String> = cols
            .iter()
            .map(|c| {
                if c.heading.eq_ignore_ascii_case(self.order.key.label()) {
                    format!("{} {arrow}", c.heading)
                } else {
                    c.heading.to_string()
                }
            })
            .collect();
        // The visible rows' cells, measured for the column widths.
        let shown = usize::from(inner.height - 1);
        let end = self.rows.len().min(self.cursor.offset + shown);
        let cells: Vec<Vec<String>> = self.rows[self.cursor.offset.min(end)..end]
            .iter()
            .map(|&r| columns::cells(&self.scope, self.listing, r))
            .collect();
        let widest = |cut: bool| -> Vec<usize> {
            cols.iter()
                .enumerate()
                .map(|(i, c)| {
                    cells
                        .iter()
                        .filter_map(|row| row.get(i))
                        .map(|cell| {
                            text::width(if cut && c.compact {
                                columns::first_word(cell)
                            } else {
                                cell
                            })
                        })
                        .max()
                        .unwrap_or(0)
                        .max(text::width(&headings[i]))
                })
                .collect()
        };
        let room = usize::from(inner.width).saturating_sub(2);
        let fit = columns::fit(cols, &widest(false), &widest(true), room);
        let shown_cols: Vec<(usize, &columns::Column, u16)> = cols
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((i, c, fit.widths.get(i).copied().flatten()? as u16)))
            .collect();
        // Headings.
        let mut x = inner.x + 2;
        for &(i, c, w) in &shown_cols {
            let heading = &headings[i];
            if c.numeric {
                let hw = text::width(heading) as u16;
                put(
                    buf,
                    x + w.saturating_sub(hw),
                    inner.y,
                    w,
                    heading,
                    self.theme.label,
                );
            } else {
                put(buf, x, inner.y, w, heading, self.theme.label);
            }
            x += w + 2;
        }
        let body = Rect {
            y: inner.y + 1,
            height: inner.height - 1,
            ..inner
        };
        if self.rows.is_empty() {
            put(
                buf,
                body.x + 2,
                body.y,
                body.width.saturating_sub(2),
                self.empty,
                self.theme.dim,
            );
            return;
        }
        let list = RowList {
            len: self.rows.len(),
            cursor: self.cursor,
            selectable: true,
            lines_per_item: 1,
            focused: self.focused,
            theme: self.theme,
        };
        list.render(area, body, buf, |buf, row| {
            let Some(cells) = cells.get(row.index - self.cursor.offset) else {
                return;
            };
            let mut x = row.area.x;
            for &(i, c, w) in &shown_cols {
                let cell = cells.get(i).map_or("", String::as_str);
                let cell = if fit.compacted && c.compact {
                    columns::first_word(cell)
                } else {
                    cell
                };
                let style = if i == 0 { row.style } else { row.dim };
                if i == 0 {
                    let hl = self.theme.highlight.patch(row.style);
                    let positions = self
                        .highlights
                        .get(row.index - self.cursor.offset)
                        .map_or(&[][..], Vec::as_slice);
                    put_highlighted(buf, x, row.area.y, w, cell, positions, style, hl);
                } else if c.numeric {
                    let cw = text::width(cell) as u16;
                    put(buf, x + w.saturating_sub(cw), row.area.y, w, cell, style);
                } else {
                    // A claim's verdict in its colour; "unverified" wherever it is marked.
                    let verdict = Verdict::ALL.into_iter().find(|v| v.label() == cell);
                    let style = match verdict {
                        Some(v) if !row.highlighted && c.heading == "Verdict" => {
                            self.theme.verdict(v)
                        }
                        Some(Verdict::Unverified) if !row.highlighted => self.theme.unverified,
                        _ => style,
                    };
                    put(buf, x, row.area.y, w, cell, style);
                }
                x += w + 2;
            }
        });
    }
}
