//! The world map: a braille map of the world with a mark on each country with organisations
//! (larger for more), the selected country named; the countries by count beside it.

use super::draw::{fill_row, pane_block, put};
use super::theme::Theme;
use crate::app::Cursor;
use crate::app::layout;
use crate::app::screen::MapPage;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::Span;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};

pub struct MapPicture<'a> {
    pub page: &'a MapPage,
    pub cursor: Cursor,
    pub focused: bool,
    pub theme: &'a Theme,
}

/// A country's mark by its number of organisations.
fn mark(count: usize) -> &'static str {
    match count {
        0 | 1 => "·",
        2..=4 => "•",
        _ => "●",
    }
}

impl Widget for MapPicture<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = &self.page.tally;
        let title = format!(
            "Map: the organisations of {} ({}) · v the next alliance",
            self.page.whose, t.total
        );
        pane_block(&title, area, self.focused, self.theme).render(area, buf);
        let inner = layout::inner(area);
        if inner.width < 24 || inner.height < 4 {
            put(
                buf,
                inner.x,
                inner.y,
                inner.width,
                "Too small for the map",
                self.theme.dim,
            );
            return;
        }
        let areas = layout::map(inner);
        let coloured = self.theme.dim != self.theme.text;
        let land = if coloured {
            Color::DarkGray
        } else {
            Color::Reset
        };
        let selected = t.countries.get(self.cursor.selected);
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds([-180.0, 180.0])
            .y_bounds(layout::MAP_LATITUDES)
            .paint(|ctx| {
                ctx.draw(&Map {
                    color: land,
                    resolution: MapResolution::High,
                });
                ctx.layer();
                for c in &t.countries {
                    if let Some((lon, lat)) = c.position {
                        ctx.print(lon, lat, Span::styled(mark(c.count), self.theme.wrong));
                    }
                }
                if let Some(c) = selected
                    && let Some((lon, lat)) = c.position
                {
                    ctx.print(lon, lat, Span::styled(c.code.clone(), self.theme.selected));
                }
            })
            .render(areas.world, buf);
        // The countries, the most first.
        let list = areas.list;
        let heading = if t.without > 0 {
            format!("{} countries · {} with none", t.countries.len(), t.without)
        } else {
            format!("{} countries", t.countries.len())
        };
        put(
            buf,
            list.x + 1,
            list.y,
            list.width.saturating_sub(1),
            &heading,
            self.theme.heading,
        );
        let rows = list.height.saturating_sub(2);
        for (row, i) in (self.cursor.offset..t.countries.len())
            .take(usize::from(rows))
            .enumerate()
        {
            let c = &t.countries[i];
            let y = list.y + 2 + row as u16;
            let is_selected = i == self.cursor.selected;
            let base = if is_selected && self.focused {
                self.theme.selected
            } else {
                self.theme.text
            };
            let row_area = Rect::new(list.x + 1, y, list.width.saturating_sub(1), 1);
            if is_selected && self.focused {
                fill_row(buf, row_area, y, base);
            }
            let count = c.count.to_string();
            let marker = if is_selected { "▶ " } else { "  " };
            let name_room = row_area.width.saturating_sub(count.len() as u16 + 6);
            let mut x = row_area.x;
            x += put(buf, x, y, 2, marker, base);
            x += put(
                buf,
                x,
                y,
                3,
                &format!("{} ", c.code),
                self.theme.label.patch(base),
            );
            put(buf, x, y, name_room, c.name, base);
            let cx = row_area.right().saturating_sub(count.len() as u16);
            put(buf, cx, y, count.len() as u16, &count, base);
        }
    }
}
