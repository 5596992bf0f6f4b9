//! The overlap matrix: row labels, column numbers, each cell's count printed (shaded by
//! strength where there is colour), and two lines about the cell under the cursor.

use super::draw::{pane_block, put};
use super::theme::Theme;
use crate::app::layout::{self, MATRIX_CELL_COLS};
use crate::app::screen::{MatrixPage, MatrixView};
use crate::kb::{Day, Entity, Kb};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::Widget;

/// Writes a cell's value right-aligned in `width` columns (the last one blank): its count,
/// `·` for none, `●` for a focus area worked on. Straight into the cells: a big window has
/// thousands of them.
fn cell(buf: &mut Buffer, x: u16, y: u16, width: u16, value: usize, focus: bool, style: Style) {
    let mut digits = [' '; 20];
    let mut len = 0;
    match (focus, value) {
        (_, 0) => {
            digits[0] = '·';
            len = 1;
        }
        (true, _) => {
            digits[0] = '●';
            len = 1;
        }
        (false, n) if n >= 10_000 => {
            // Too many digits for a cell: thousands, `12k`.
            for c in format!("{}k", n / 1000).chars().take(digits.len()) {
                digits[len] = c;
                len += 1;
            }
        }
        (false, mut n) => {
            while n > 0 && len < digits.len() {
                digits[len] = char::from(b'0' + (n % 10) as u8);
                n /= 10;
                len += 1;
            }
            digits[..len].reverse();
        }
    }
    let room = usize::from(width.saturating_sub(1));
    let shown = len.min(room);
    for i in 0..usize::from(width) {
        let cx = x + i as u16;
        if !buf.area.contains((cx, y).into()) {
            break;
        }
        let c = match i.checked_sub(room - shown) {
            Some(k) if i < room => digits[k + (len - shown)],
            _ => ' ',
        };
        let target = &mut buf[(cx, y)];
        target.set_char(c);
        target.set_style(style);
    }
}

pub struct MatrixPicture<'a> {
    pub view: &'a MatrixView,
    pub page: &'a MatrixPage,
    pub kb: &'a Kb,
    pub day: Day,
    pub focused: bool,
    pub theme: &'a Theme,
}

impl MatrixPicture<'_> {
    /// A cell's look: the cursor reversed, the diagonal bold, shared members shaded by how
    /// many (a colour ramp where there is colour; the number says it anyway).
    fn cell_style(&self, value: usize, max: usize, diagonal: bool, cursor: bool) -> Style {
        if cursor {
            return self.theme.selected;
        }
        if diagonal {
            return self.theme.title;
        }
        if value == 0 {
            return self.theme.dim;
        }
        if self.theme.dim == self.theme.text {
            // No colour: the number alone.
            return self.theme.text;
        }
        let ramp = [
            Color::Blue,
            Color::Cyan,
            Color::Green,
            Color::Yellow,
            Color::Red,
        ];
        let level = (value * (ramp.len() - 1))
            .div_ceil(max.max(1))
            .min(ramp.len() - 1);
        self.theme.text.fg(ramp[level])
    }
}

impl Widget for MatrixPicture<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (m, v) = (self.page, self.view);
        let title = if v.focus {
            format!(
                "Matrix: alliances × focus areas ({}×{}) · v shared organisations",
                m.rows.len(),
                m.columns.len()
            )
        } else {
            format!(
                "Matrix: organisations two alliances share ({0}×{0}) · v focus areas",
                m.rows.len()
            )
        };
        pane_block(&title, area, self.focused, self.theme).render(area, buf);
        let inner = crate::app::layout::inner(area);
        if inner.width < 12 || inner.height < 4 {
            put(
                buf,
                inner.x,
                inner.y,
                inner.width,
                "Too small for the matrix",
                self.theme.dim,
            );
            return;
        }
        let a = layout::matrix(inner);
        let cell_w = MATRIX_CELL_COLS;
        // Column numbers: the rows' numbers for alliances, the focus areas' own.
        for j in 0..a.cols {
            let col = v.cols.offset + j;
            if col >= m.columns.len() {
                break;
            }
            let style = if col == v.cols.selected {
                self.theme.key
            } else {
                self.theme.dim
            };
            let label = format!("{:>w$}", col + 1, w = usize::from(cell_w) - 1);
            put(
                buf,
                a.header.x + j as u16 * cell_w,
                a.header.y,
                cell_w,
                &label,
                style,
            );
        }
        let max = m
            .cells
            .iter()
            .enumerate()
            .flat_map(|(i, row)| {
                row.iter()
                    .enumerate()
                    .filter(move |&(j, _)| i + v.rows.offset != j + v.cols.offset || v.focus)
            })
            .map(|(_, &c)| c)
            .max()
            .unwrap_or(0);
        for (i, row) in m.cells.iter().enumerate().take(a.rows) {
            let r = v.rows.offset + i;
            let y = a.labels.y + i as u16;
            let Some(&alliance) = m.rows.get(r) else {
                break;
            };
            let label = format!(
                "{:>2} {}",
                r + 1,
                self.kb.alliances[alliance].name_on(self.day)
            );
            let style = if r == v.rows.selected {
                self.theme.selected
            } else {
                self.theme.text
            };
            put(
                buf,
                a.labels.x,
                y,
                a.labels.width.saturating_sub(1),
                &label,
                style,
            );
            for (j, &value) in row.iter().enumerate().take(a.cols) {
                let c = v.cols.offset + j;
                let diagonal = !v.focus && c == r;
                let cursor = r == v.rows.selected && c == v.cols.selected;
                let style = self.cell_style(value, max, diagonal, cursor);
                cell(
                    buf,
                    a.cells.x + j as u16 * cell_w,
                    y,
                    cell_w,
                    value,
                    v.focus,
                    style,
                );
            }
        }
        // About the cell under the cursor.
        let (Some(&row), Some(&col)) =
            (m.rows.get(v.rows.selected), m.columns.get(v.cols.selected))
        else {
            return;
        };
        let name = self.kb.alliances[row].name_on(self.day);
        let (first, second) = match col {
            Entity::Alliance(b) if b == row => (
                format!(
                    "{name}: {} members · Enter opens it",
                    self.kb.alliances[row].size_on(self.day)
                ),
                String::new(),
            ),
            Entity::Alliance(b) => {
                let other = self.kb.alliances[b].name_on(self.day);
                let n = m.shared.len();
                let names: Vec<&str> = m
                    .shared
                    .iter()
                    .take(12)
                    .map(|&o| self.kb.organizations[o].name.as_str())
                    .collect();
                let mut list = names.join(", ");
                if n > names.len() {
                    list.push_str(&format!(" and {} more", n - names.len()));
                }
                (
                    format!(
                        "{name} × {other}: {} · Enter compares",
                        crate::text::count(n, "organisation in both", "organisations in both")
                    ),
                    list,
                )
            }
            Entity::Focus(f) => {
                let on = m
                    .cells
                    .get(v.rows.selected.wrapping_sub(v.rows.offset))
                    .and_then(|r| r.get(v.cols.selected.wrapping_sub(v.cols.offset)))
                    .is_some_and(|&c| c > 0);
                (
                    format!(
                        "{name} × {}: {} · Enter opens the focus area",
                        self.kb.focus_areas[f].name,
                        if on {
                            "works on it"
                        } else {
                            "does not work on it"
                        }
                    ),
                    String::new(),
                )
            }
            other => (other.name_on(self.kb, self.day).to_string(), String::new()),
        };
        put(
            buf,
            a.about.x,
            a.about.y,
            a.about.width,
            &first,
            self.theme.label,
        );
        if a.about.height > 1 {
            put(
                buf,
                a.about.x,
                a.about.y + 1,
                a.about.width,
                &second,
                self.theme.dim,
            );
        }
    }
}
