//! A detail document: the visible slice of its lines, with the selected link highlighted.

use super::draw::{fill_row, pane_block, put, scrollbar};
use super::theme::Theme;
use crate::app::{Cursor, layout};
use crate::doc::{Doc, LineKind, MemberRow, Tone, member_columns};
use crate::kb::Kb;
use ratatui::buffer::Buffer;
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
                    put(buf, cx, y, room, t, self.tone(*tone).patch(base));
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
        let Some((name, detail, unverified)) = member_columns(self.kb, row) else {
            return;
        };
        let (x, w) = (inner.x, inner.width);
        put(buf, x, y, w, if marked { "▶ " } else { "› " }, base);
        let name_room = row.name_cols.min(w.saturating_sub(2));
        let used = put(buf, x + 2, y, name_room, name, base);
        let mut cx = x + 2 + name_room.max(used) + 2;
        let plain = base == self.theme.text;
        let dim = if plain { self.theme.dim } else { base };
        cx += put(buf, cx, y, w.saturating_sub(cx - x), &detail, dim);
        if unverified {
            let style = if plain { self.theme.unverified } else { base };
            put(
                buf,
                cx,
                y,
                w.saturating_sub(cx - x),
                "  [unverified]",
                style,
            );
        }
    }
}
