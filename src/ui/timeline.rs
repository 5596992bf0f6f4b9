//! The timeline: an axis of years (or months) with a bar of marks per column, the cursor's
//! place and the article's date on it, and the list of what happened under it.

use super::draw::{fill_row, pane_block, put};
use super::theme::Theme;
use crate::app::layout;
use crate::app::screen::{TimelinePage, TimelineView, Zoom};
use crate::kb::{Day, Kb};
use crate::pictures::timeline::{column, month, window};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct TimelinePicture<'a> {
    pub view: &'a TimelineView,
    pub page: &'a TimelinePage,
    pub kb: &'a Kb,
    pub focused: bool,
    pub theme: &'a Theme,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Widget for TimelinePicture<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (t, v) = (self.page, self.view);
        let zoom = match v.zoom {
            Zoom::Whole => "the whole span · v months",
            Zoom::Months => "by month · v the whole span",
        };
        let mut title = format!("Timeline ({}/{}) · {zoom}", t.shown.len(), t.total);
        if !v.filter.is_empty() {
            title.push_str(&format!(" · {}", v.filter));
        }
        pane_block(&title, area, self.focused, self.theme).render(area, buf);
        let inner = layout::inner(area);
        if inner.width < 20 || inner.height < layout::TIMELINE_AXIS_LINES + 1 {
            put(
                buf,
                inner.x,
                inner.y,
                inner.width,
                "Too small for the timeline",
                self.theme.dim,
            );
            return;
        }
        let areas = layout::timeline(inner);
        let (start, end) = (month(t.start), month(t.end));
        let selected = t.shown.get(v.list.selected);
        let at = selected.map_or(end, |h| month(h.day));
        let cols = usize::from(areas.axis.width);
        let win = window(start, end, at, cols, v.zoom == Zoom::Months);
        let column = |m: i32| column(m, win, cols).map(|c| c as u16);
        let ax = areas.axis;
        put(
            buf,
            ax.x,
            ax.y + 1,
            ax.width,
            &"─".repeat(cols),
            self.theme.dim,
        );
        // Ticks at each year's start with the year over it; by month, each month's initial.
        let mut free = 0u16;
        for m in start..=end {
            let Some(c) = column(m) else {
                continue;
            };
            let x = ax.x + c;
            let year = m.rem_euclid(12) == 0 || m == start;
            if year {
                put(buf, x, ax.y + 1, 1, "┼", self.theme.dim);
            }
            let label = if year {
                m.div_euclid(12).to_string()
            } else if v.zoom == Zoom::Months {
                MONTHS[m.rem_euclid(12) as usize][..1].to_string()
            } else {
                continue;
            };
            if x >= free {
                let room = ax.right().saturating_sub(x);
                let style = if year {
                    self.theme.label
                } else {
                    self.theme.dim
                };
                free = x + put(buf, x, ax.y, room, &label, style) + 1;
            }
        }
        // The marks: a bar per column, one to three cells high by how many fall there.
        let mut counts = vec![0usize; cols];
        for &(m, n) in &t.months {
            if let Some(c) = column(m) {
                counts[usize::from(c)] += n;
            }
        }
        for (c, &n) in counts.iter().enumerate() {
            let height = match n {
                0 => 0,
                1 => 1,
                2..=9 => 2,
                _ => 3,
            };
            for k in 0..height {
                let y = ax.y + 4 - k;
                put(buf, ax.x + c as u16, y, 1, "█", self.theme.text);
            }
        }
        // The cursor and the article's date.
        let marker_y = ax.y + 5;
        if let Some(c) = column(month(Day::ARTICLE)) {
            put(buf, ax.x + c, marker_y, 1, "A", self.theme.unverified);
        }
        if let Some(c) = selected.and_then(|h| column(month(h.day))) {
            put(buf, ax.x + c, marker_y, 1, "▲", self.theme.key);
        }
        let legend = " ▲ selected · A the article (2023-12) ";
        if let Some(why) = &t.error {
            fill_row(buf, ax, ax.y + 6, self.theme.text);
            put(
                buf,
                ax.x,
                ax.y + 6,
                ax.width,
                &format!("Filter: {why}"),
                self.theme.wrong,
            );
        } else {
            put(
                buf,
                ax.x,
                ax.y + 6,
                ax.width,
                &"─".repeat(cols),
                self.theme.dim,
            );
            let w = crate::text::width(legend) as u16;
            if ax.width > w + 4 {
                put(buf, ax.right() - w - 2, ax.y + 6, w, legend, self.theme.dim);
            }
        }
        // The list.
        let list = areas.list;
        if t.shown.is_empty() {
            put(
                buf,
                list.x,
                list.y,
                list.width,
                "Nothing dated matches (f to change the filter)",
                self.theme.dim,
            );
            return;
        }
        for (row, i) in (v.list.offset..t.shown.len())
            .take(usize::from(list.height))
            .enumerate()
        {
            let h = &t.shown[i];
            let y = list.y + row as u16;
            let selected = i == v.list.selected && self.focused;
            let base = if selected {
                self.theme.selected
            } else {
                self.theme.text
            };
            if selected {
                fill_row(buf, list, y, base);
            }
            let date = h
                .date(self.kb)
                .map_or_else(String::new, ToString::to_string);
            let marker = if i == v.list.selected { "▶ " } else { "  " };
            let mut x = list.x;
            x += put(buf, x, y, 2, marker, base);
            x += put(
                buf,
                x,
                y,
                12,
                &format!("{date:<11} "),
                self.theme.label.patch(base),
            );
            x += put(
                buf,
                x,
                y,
                9,
                &format!("{:<8} ", h.mark.label()),
                self.theme.dim.patch(base),
            );
            put(
                buf,
                x,
                y,
                list.right().saturating_sub(x),
                &h.text(self.kb),
                base,
            );
        }
    }
}
