//! The alliance list: each alliance on two lines, its name, then its kind, founding year and
//! member count. Only visible rows are drawn.

use super::draw::{pane_block, put};
use super::rows::RowList;
use super::theme::Theme;
use crate::app::screen::LINES_PER_ALLIANCE;
use crate::app::{Cursor, layout};
use crate::kb::{Day, Kb};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct AllianceList<'a> {
    pub kb: &'a Kb,
    /// The alliances the list shows, in its order (its filter applied).
    pub rows: &'a [u32],
    /// `Alliances (9)`, `Alliances · by founded, oldest first (9)`.
    pub title: &'a str,
    /// The day names and sizes are as of.
    pub day: Day,
    pub cursor: Cursor,
    /// Alliances marked for comparison, shown as `[1]` and `[2]`.
    pub marks: &'a [usize],
    pub focused: bool,
    pub theme: &'a Theme,
}

impl Widget for AllianceList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let n = self.rows.len();
        pane_block(self.title, area, self.focused, self.theme).render(area, buf);
        let inner = layout::inner(area);
        if inner.is_empty() {
            return;
        }
        if n == 0 {
            let none = if self.kb.alliances.is_empty() {
                "No alliances"
            } else {
                "No alliance matches the filter"
            };
            put(buf, inner.x, inner.y, inner.width, none, self.theme.dim);
            return;
        }
        let rows = RowList {
            len: n,
            cursor: self.cursor,
            selectable: true,
            lines_per_item: LINES_PER_ALLIANCE,
            focused: self.focused,
            theme: self.theme,
        };
        rows.render(area, inner, buf, |buf, row| {
            let Some(&ix) = self.rows.get(row.index) else {
                return;
            };
            let ix = ix as usize;
            let Some(a) = self.kb.alliances.get(ix) else {
                return;
            };
            let Rect { x, y, width, .. } = row.area;
            let mut x = x;
            if let Some(m) = self.marks.iter().position(|&m| m == ix) {
                let mark_style = if row.highlighted {
                    row.style
                } else {
                    self.theme.key
                };
                x += put(buf, x, y, width, &format!("[{}] ", m + 1), mark_style);
            }
            put(
                buf,
                x,
                y,
                inner.right().saturating_sub(x),
                a.name_on(self.day),
                row.style,
            );
            // Second line: kind · founding year, and the member count on the right.
            if row.area.height < 2 {
                return;
            }
            let mut about = a.kind.label().to_string();
            if let Some(year) = a.founded.as_ref().and_then(|d| d.year()) {
                about.push_str(&format!(" · {year}"));
            }
            let room = row.area.width;
            // "85 members" where the pane is wide enough for every row, "85" otherwise.
            let size = a.size_on(self.day);
            let count = if room >= 34 {
                crate::text::count(size, "member", "members")
            } else {
                crate::text::number(size)
            };
            let count_cols = crate::text::width(&count) as u16;
            put(
                buf,
                row.area.x,
                y + 1,
                room.saturating_sub(count_cols + 1),
                &about,
                row.dim,
            );
            let cx = inner.right().saturating_sub(count_cols);
            put(buf, cx, y + 1, count_cols, &count, row.dim);
        });
    }
}
