//! Building a document line by line, wrapping text to the width.

use super::{Doc, DocLine, Item, LineKind, Tone};
use crate::kb::{Index, Kb, LocalName, Status};
use crate::text;

/// Builds a document line by line, wrapping text to the width.
pub(super) struct Builder {
    pub(super) width: usize,
    doc: Doc,
}

pub(super) const LABEL_COLS: usize = 10;

impl Builder {
    pub(super) fn new(width: u16) -> Self {
        Builder {
            width: usize::from(width).max(8),
            doc: Doc::default(),
        }
    }

    /// Marks where the alliance's `claim`-th claim starts (the next line).
    pub(super) fn mark_claim(&mut self, claim: usize) {
        self.doc.mark_claim(claim);
    }

    pub(super) fn push(&mut self, kind: LineKind, item: Option<Item>) {
        self.doc.push(DocLine { kind, item });
    }

    pub(super) fn blank(&mut self) {
        if self
            .doc
            .lines
            .last()
            .is_some_and(|l| l.kind != LineKind::Blank)
        {
            self.push(LineKind::Blank, None);
        }
    }

    pub(super) fn title(&mut self, name: &str) {
        for line in text::wrap(&text::capped(name, text::NAME_BYTES), self.width) {
            self.push(LineKind::Title(line), None);
        }
    }

    pub(super) fn heading(&mut self, heading: String) {
        self.blank();
        self.push(LineKind::Heading(heading), None);
    }

    /// Wrapped text; the first line may carry a prefix, and the rest align after it.
    pub(super) fn text(
        &mut self,
        indent: u16,
        prefix: Option<(String, Tone)>,
        body: &str,
        tone: Tone,
        item: Option<Item>,
    ) {
        // A text could be megabytes long: the pane shows its beginning.
        let body = text::capped(body, text::TEXT_BYTES);
        let body = body.as_ref();
        let prefix_cols = prefix.as_ref().map_or(0, |(p, _)| text::width(p));
        // A narrow pane gives up indentation before it gives up text.
        let indent = if usize::from(indent) + prefix_cols + 8 > self.width {
            indent.min(2)
        } else {
            indent
        };
        // A prefix that would take more than two fifths of the line goes on a line of its own.
        if self.too_wide(usize::from(indent) + prefix_cols)
            && let Some((p, ptone)) = prefix
        {
            self.text(indent, None, p.trim_end(), ptone, item);
            return self.text(indent + 2, None, body, tone, None);
        }
        let lead = usize::from(indent) + prefix_cols;
        let room = self.width.saturating_sub(lead).max(4);
        let mut prefix = prefix;
        let mut item = item;
        for line in text::wrap(body, room) {
            let p = prefix.take();
            let continuation = p.is_none() && lead > usize::from(indent);
            let p = p.or_else(|| {
                continuation.then(|| (" ".repeat(lead - usize::from(indent)), Tone::Normal))
            });
            self.push(
                LineKind::Text {
                    indent,
                    prefix: p,
                    text: line,
                    tone,
                },
                item.take(),
            );
        }
    }

    /// Whether text that starts `lead` columns in would be left too little of the line.
    pub(super) fn too_wide(&self, lead: usize) -> bool {
        lead * 5 > self.width * 2 || lead + 8 > self.width
    }

    /// `Label     value`
    pub(super) fn field(&mut self, label: &str, value: &str) {
        self.field_item(label, value, None);
    }

    /// `Label     value`, a line that stands for `item`.
    pub(super) fn field_item(&mut self, label: &str, value: &str, item: Option<Item>) {
        self.field_toned(label, value, Tone::Normal, item);
    }

    /// `Website   https://…`: a web address that the line stands for (`item`).
    pub(super) fn field_link(&mut self, label: &str, url: &str, item: Item) {
        self.field_toned(label, url, Tone::Link, Some(item));
    }

    fn field_toned(&mut self, label: &str, value: &str, tone: Tone, item: Option<Item>) {
        if value.trim().is_empty() {
            return;
        }
        let label = format!("{label:<LABEL_COLS$}");
        self.text(0, Some((label, Tone::Label)), value, tone, item);
    }

    pub(super) fn names(&mut self, names: &[LocalName]) {
        for n in names {
            let mut value = n.name.to_string();
            if let Some(note) = &n.note {
                value.push_str(&format!(" ({note})"));
            }
            if n.status == Status::Unverified {
                value.push_str(" [unverified]");
            }
            let label = format!("{:<LABEL_COLS$}", format!("Name ({})", n.lang));
            self.text(0, Some((label, Tone::Label)), &value, Tone::Normal, None);
        }
    }

    pub(super) fn sources(&mut self, kb: &Kb, index: &Index, ids: &[crate::kb::Str]) {
        if ids.is_empty() {
            return;
        }
        self.heading(format!("Sources ({})", ids.len()));
        let cols = ids.iter().map(|s| text::width(s)).max().unwrap_or(0) + 2;
        for id in ids {
            let Some(s) = index.source(kb, id).map(|i| &kb.sources[i]) else {
                continue;
            };
            let mut title = s.title.to_string();
            if let Some(date) = &s.date {
                title.push_str(&format!(" ({date})"));
            }
            self.text(
                2,
                Some((format!("{id:<cols$}"), Tone::Dim)),
                &title,
                Tone::Normal,
                index.source(kb, id).map(Item::Source),
            );
            if let Some(url) = s.url.as_deref() {
                self.text(2 + cols as u16, None, url, Tone::Link, None);
            }
            if let Some(place) = s.location.as_deref() {
                self.text(2 + cols as u16, None, place, Tone::Dim, None);
            }
        }
    }

    pub(super) fn finish(self) -> Doc {
        self.doc
    }
}

pub(super) fn unverified(status: Status) -> &'static str {
    if status == Status::Unverified {
        " [unverified]"
    } else {
        ""
    }
}
