//! The lines around the panes: the header with the breadcrumb, the status line and the hint bar.

use super::draw::put;
use super::theme::Theme;
use crate::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// `alliances │ AI Alliance › NVIDIA › United AI Alliance`, cut from the left when long, and
/// the day the screens are as of on the right.
pub struct Header<'a> {
    pub crumbs: &'a [String],
    /// `as of today (2026-12-02)`.
    pub day: &'a str,
    pub theme: &'a Theme,
}

impl Widget for Header<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        buf.set_style(area, self.theme.crumb);
        let used = put(
            buf,
            area.x,
            area.y,
            area.width,
            " alliances ",
            self.theme.header,
        );
        let x = area.x + used;
        // The day on the right, when there is room for it and some of the path.
        let day_cols = text::width(self.day) as u16 + 2;
        let day_cols = if area.width >= used + day_cols + 12 {
            let dx = area.right() - day_cols + 1;
            put(buf, dx, area.y, day_cols - 1, self.day, self.theme.header);
            day_cols
        } else {
            0
        };
        let room = area.width.saturating_sub(used + 1 + day_cols);
        let path = self
            .crumbs
            .iter()
            .map(|c| text::sanitize(c).into_owned())
            .collect::<Vec<_>>()
            .join(" › ");
        let shown = keep_end(&path, usize::from(room));
        put(buf, x + 1, area.y, room, &shown, self.theme.crumb);
    }
}

/// The row of views: `1 Alliances  2 Organisations  3 Focus areas  4 Claims`, the one in use
/// shown apart, and on the right what narrows the screen's list (`filter country:de`).
pub struct Tabs<'a> {
    /// Each view's key, its name and a shorter one, and whether it is the one in use.
    pub tabs: &'a [(String, [&'static str; 2], bool)],
    pub caption: Option<&'a str>,
    pub theme: &'a Theme,
}

impl Widget for Tabs<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        buf.set_style(area, self.theme.text);
        let right = area.right();
        let mut x = area.x + 1;
        // The names in full if they fit, else the shorter ones.
        let need = |n: usize| -> usize {
            self.tabs
                .iter()
                .map(|(k, names, _)| text::width(k) + text::width(names[n]) + 3)
                .sum()
        };
        let short = usize::from(if need(0) < usize::from(area.width) {
            0u8
        } else {
            1
        });
        for (key, names, current) in self.tabs {
            let name = names[short];
            let (key_style, name_style) = if *current {
                (self.theme.selected, self.theme.selected)
            } else {
                (self.theme.key, self.theme.dim)
            };
            let label = format!(" {name} ");
            let need = (text::width(key) + text::width(&label)) as u16;
            if x + need > right {
                break;
            }
            x += put(buf, x, area.y, right - x, key, key_style);
            x += put(buf, x, area.y, right - x, &label, name_style);
            x += 1;
        }
        // The caption on the right, cut at its end when the row is short of room.
        if let Some(caption) = self.caption {
            let room = right.saturating_sub(x + 2);
            let cols = (text::width(caption) as u16).min(room);
            if cols >= 12 {
                put(buf, right - cols - 1, area.y, cols, caption, self.theme.dim);
            }
        }
    }
}

/// The end of `s` in at most `cols` columns, starting with `…` when cut.
fn keep_end(s: &str, cols: usize) -> String {
    if text::width(s) <= cols {
        return s.to_string();
    }
    if cols == 0 {
        return String::new();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1;
    for c in s.chars().rev() {
        let w = text::char_width(c);
        if used + w > cols {
            break;
        }
        used += w;
        kept.push(c);
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

pub struct StatusLine<'a> {
    pub message: &'a str,
    pub theme: &'a Theme,
}

impl Widget for StatusLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        put(
            buf,
            area.x + 1,
            area.y,
            area.width.saturating_sub(1),
            self.message,
            self.theme.status,
        );
    }
}

/// A value being typed on the status line: `As of: 2019▏  YYYY-MM-DD, …`, or why it cannot
/// be taken, carried on to the line below (the hint bar's) when it is long.
pub struct InputLine<'a> {
    pub input: &'a crate::app::input::Input,
    /// Why the text cannot be taken, if it cannot.
    pub error: Option<&'a str>,
    pub theme: &'a Theme,
}

impl Widget for InputLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let line = Rect { height: 1, ..area };
        buf.set_style(line, self.theme.text);
        let right = area.right();
        let mut x = area.x + 1;
        let label = self.input.asking.label();
        x += put(
            buf,
            x,
            area.y,
            right.saturating_sub(x),
            label,
            self.theme.key,
        );
        x += put(
            buf,
            x,
            area.y,
            right.saturating_sub(x),
            &self.input.text,
            self.theme.text,
        );
        x += put(buf, x, area.y, right.saturating_sub(x), "▏", self.theme.key);
        let Some(why) = self.error else {
            let hint = self.input.asking.hint();
            put(
                buf,
                x + 1,
                area.y,
                right.saturating_sub(x + 1),
                hint,
                self.theme.dim,
            );
            return;
        };
        // The words that fit after the text, then the rest on the next line.
        let room = usize::from(right.saturating_sub(x + 1));
        let first = text::wrap(why, room.max(1))
            .into_iter()
            .next()
            .unwrap_or_default();
        let first = if text::width(&first) <= room {
            first
        } else {
            String::new()
        };
        put(
            buf,
            x + 1,
            area.y,
            right.saturating_sub(x + 1),
            &first,
            self.theme.wrong,
        );
        let shown = first.split_whitespace().count();
        let rest = why
            .split_whitespace()
            .skip(shown)
            .collect::<Vec<_>>()
            .join(" ");
        if area.height > 1 && !rest.is_empty() {
            let y = area.y + 1;
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                self.theme.text,
            );
            put(
                buf,
                area.x + 1,
                y,
                area.width.saturating_sub(1),
                &rest,
                self.theme.wrong,
            );
        }
    }
}

/// `j/k move  Enter open …  ? help  q quit`: as many as fit, always keeping the last two
/// (help and quit).
pub struct HintBar<'a> {
    pub hints: &'a [(String, &'a str)],
    pub theme: &'a Theme,
}

impl Widget for HintBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let need =
            |(keys, what): &(String, &str)| (text::width(keys) + 1 + text::width(what) + 2) as u16;
        let kept = self.hints.len().saturating_sub(2);
        let reserved: u16 = self.hints[kept..].iter().map(need).sum();
        let mut budget = area.width.saturating_sub(1 + reserved);
        let mut shown: Vec<&(String, &str)> = Vec::new();
        for hint in &self.hints[..kept] {
            if need(hint) > budget {
                break;
            }
            budget -= need(hint);
            shown.push(hint);
        }
        shown.extend(&self.hints[kept..]);
        let mut x = area.x + 1;
        let right = area.right();
        for (keys, what) in shown {
            let need = (text::width(keys) + 1 + text::width(what)) as u16;
            if x + need > right {
                break;
            }
            x += put(buf, x, area.y, right - x, keys, self.theme.key);
            x += put(buf, x, area.y, right - x, " ", self.theme.text);
            x += put(buf, x, area.y, right - x, what, self.theme.dim);
            x += 2;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_end_cuts_from_the_left_by_width() {
        assert_eq!(keep_end("a › b", 10), "a › b");
        assert_eq!(keep_end("AI Alliance › NVIDIA", 8), "… NVIDIA");
        assert_eq!(keep_end("글로벌 텔코", 5), "…텔코");
        assert_eq!(keep_end("abc", 0), "");
    }
}
