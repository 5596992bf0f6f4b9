//! A detail document: the visible slice of its lines, with the selected link highlighted.

use super::draw::{Part, fill_row, pane_block, put, put_name_row, scrollbar};
use super::theme::Theme;
use crate::app::{Cursor, layout};
use crate::doc::{Doc, Item, LineKind, MemberRow, Tone, UNVERIFIED, member_columns};
use crate::kb::{Entity, Kb};
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

pub struct DocView<'a> {
    pub title: &'a str,
    pub doc: &'a Doc,
    pub kb: &'a Kb,
    /// `selected` is a link of the document, `offset` the first line shown.
    pub cursor: Cursor,
    pub focused: bool,
    pub theme: &'a Theme,
}

impl DocView<'_> {
    fn tone(&self, tone: Tone) -> Style {
        let t = self.theme;
        match tone {
            Tone::Normal => t.text,
            Tone::Dim => t.dim,
            Tone::Label => t.label,
            Tone::Quote => t.quote,
            Tone::Verdict(v) => t.verdict(v),
            Tone::Unverified => t.unverified,
            Tone::Title => t.title,
            Tone::Heading => t.heading,
            Tone::Link => t.link,
        }
    }
}

impl Widget for DocView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        pane_block(self.title, area, self.focused, self.theme).render(area, buf);
        let inner = layout::inner(area);
        if inner.is_empty() {
            return;
        }
        let height = usize::from(inner.height);
        let selected_line = self.doc.links().get(self.cursor.selected).copied();
        let end = self.doc.len().min(self.cursor.offset + height);
        for (row, i) in (self.cursor.offset..end).enumerate() {
            let line = &self.doc.lines[i];
            let y = inner.y + row as u16;
            // Only the focused pane's selection stands out.
            let selected = self.focused && Some(i) == selected_line;
            let marked = selected;
            let base = if selected {
                self.theme.selected
            } else {
                self.theme.text
            };
            if selected {
                fill_row(buf, inner, y, base);
            }
            let (x, w) = (inner.x, inner.width);
            match &line.kind {
                LineKind::Blank => {}
                LineKind::Title(t) => {
                    put(buf, x, y, w, t, self.theme.title.patch(base));
                }
                LineKind::Heading(h) => {
                    put(buf, x, y, w, h, self.theme.heading);
                }
                LineKind::Text {
                    indent,
                    prefix,
                    text: t,
                    tone,
                } => {
                    let mut cx = x + (*indent).min(w);
                    // Links to pages are marked `›`; the selected line, when focused, `▶`.
                    if let Some(item) = line.item
                        && *indent >= 2
                    {
                        let marker = match (marked, item.entity()) {
                            (true, _) => "▶ ",
                            (false, Some(_)) => "› ",
                            (false, None) => "  ",
                        };
                        put(buf, x + indent - 2, y, 2, marker, base);
                    }
                    if let Some((p, ptone)) = prefix {
                        let room = w.saturating_sub(cx - x);
                        cx += put(buf, cx, y, room, p, self.tone(*ptone).patch(base));
                    }
                    let room = w.saturating_sub(cx - x);
                    let used = put(buf, cx, y, room, t, self.tone(*tone).patch(base));
                    if *tone == Tone::Link
                        && self.theme.hyperlinks
                        && let Some(url) = self.url_of(i, t)
                    {
                        hyperlink(buf, cx, y, used, url);
                    }
                }
                LineKind::Member(row) => self.member(buf, inner, y, row, marked, base),
            }
        }
        scrollbar(
            area,
            buf,
            self.doc.len(),
            self.cursor.offset,
            height,
            self.theme,
        );
    }
}

/// How far above a web address's line the line that stands for it can be (a long address
/// wraps over several lines).
const LINK_LINES_UP: usize = 24;

impl DocView<'_> {
    /// The web address that the `line`-th line (showing `part` of it) belongs to: that of the
    /// website or source the nearest line above stands for, if it holds `part` and can be
    /// opened.
    fn url_of(&self, line: usize, part: &str) -> Option<&str> {
        let owner = (line.saturating_sub(LINK_LINES_UP)..=line)
            .rev()
            .find_map(|l| self.doc.lines[l].item)?;
        let url = match owner {
            Item::Website(Entity::Alliance(a)) => self.kb.alliances.get(a)?.website.as_deref(),
            Item::Website(Entity::Org(o)) => self.kb.organizations.get(o)?.website.as_deref(),
            Item::Source(s) => self.kb.sources.get(s)?.url.as_deref(),
            _ => None,
        }?;
        let web = url.starts_with("https://") || url.starts_with("http://");
        (web && url.contains(part.trim())
            && !url
                .chars()
                .any(|c| c.is_whitespace() || crate::text::is_unsafe(c)))
        .then_some(url)
    }
}

/// Makes the `cols` cells from (x, y) a terminal hyperlink to `url` (OSC 8): the first cell
/// writes the sequence, the cells' text and the closing sequence, and stands for their width;
/// the others are skipped. A terminal that does not know OSC 8 shows the text alone.
fn hyperlink(buf: &mut Buffer, x: u16, y: u16, cols: u16, url: &str) {
    let Some(width) = std::num::NonZeroU16::new(cols) else {
        return;
    };
    let text: String = (x..x + cols).map(|cx| buf[(cx, y)].symbol()).collect();
    let first = &mut buf[(x, y)];
    first.set_symbol(&format!("\x1b]8;;{url}\x1b\\{text}\x1b]8;;\x1b\\"));
    first.set_diff_option(CellDiffOption::ForcedWidth(width));
    for cx in x + 1..x + cols {
        buf[(cx, y)].set_diff_option(CellDiffOption::Skip);
    }
}

impl DocView<'_> {
    /// `› IBM            company · US  since 2024-02-08  [unverified]`
    fn member(
        &self,
        buf: &mut Buffer,
        inner: Rect,
        y: u16,
        row: &MemberRow,
        marked: bool,
        base: Style,
    ) {
        let Some(m) = member_columns(self.kb, row) else {
            return;
        };
        let (x, w) = (inner.x, inner.width);
        put(buf, x, y, w, if marked { "▶ " } else { "› " }, base);
        let plain = base == self.theme.text;
        let dim = if plain { self.theme.dim } else { base };
        let tag = if plain { self.theme.unverified } else { base };
        let parts = [
            Part {
                text: &m.kind,
                style: dim,
                pad_to: row.cols.kind,
                whole: true,
            },
            Part {
                text: &m.dates,
                style: dim,
                pad_to: row.cols.dates,
                whole: true,
            },
            Part {
                text: if m.unverified { UNVERIFIED } else { "" },
                style: tag,
                pad_to: row.cols.tag,
                whole: true,
            },
        ];
        let w = w.saturating_sub(2);
        put_name_row(buf, x + 2, y, w, m.name, row.cols.name, base, &parts);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(hyperlinks: bool) -> Buffer {
        let (kb, index) = crate::kb::embedded();
        let a = index.alliance(&kb, "ai-alliance").unwrap();
        let doc = crate::doc::alliance(&kb, &index, a, 60, crate::kb::Day::ARTICLE);
        let mut theme = Theme::plain();
        theme.hyperlinks = hyperlinks;
        let area = Rect::new(0, 0, 62, 20);
        let mut buf = Buffer::empty(area);
        DocView {
            title: "Details",
            doc: &doc,
            kb: &kb,
            cursor: Cursor::default(),
            focused: true,
            theme: &theme,
        }
        .render(area, &mut buf);
        buf
    }

    #[test]
    fn the_website_is_a_terminal_hyperlink_that_keeps_its_width() {
        let buf = drawn(true);
        let (at, cell) = buf
            .content
            .iter()
            .enumerate()
            .find(|(_, c)| c.symbol().starts_with("\x1b]8;;"))
            .expect("a hyperlink");
        assert_eq!(
            cell.symbol(),
            "\x1b]8;;https://thealliance.ai\x1b\\https://thealliance.ai\x1b]8;;\x1b\\"
        );
        let cols = "https://thealliance.ai".len();
        assert_eq!(
            cell.diff_option,
            CellDiffOption::ForcedWidth(std::num::NonZeroU16::new(cols as u16).unwrap())
        );
        assert!(
            buf.content[at + 1..at + cols]
                .iter()
                .all(|c| c.diff_option == CellDiffOption::Skip)
        );
        // Without hyperlinks the same cells hold the plain text.
        let plain = drawn(false);
        let text: String = plain.content[at..at + cols]
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert_eq!(text, "https://thealliance.ai");
    }
}
