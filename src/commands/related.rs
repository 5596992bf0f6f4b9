//! `alliances related ID`: related alliances with the reason for each link, up to a depth.

use super::show::{ReasonOut, reasons_out};
use super::{Context, Format, Named, Outcome, Sgr, write_json};
use crate::export::Sheet;
use crate::kb::index::Ix;
use crate::kb::{EntityKind, resolve};
use serde::Serialize;
use std::collections::HashSet;
use std::io::{self, Write};

#[derive(Debug, Serialize)]
struct RelatedDoc {
    id: String,
    name: String,
    related: Vec<Entry>,
}

#[derive(Debug, Serialize)]
struct Entry {
    id: String,
    name: String,
    /// Steps away from the alliance asked about.
    depth: u8,
    /// The alliance this one was reached from (the one asked about at depth 1).
    via: Named,
    reasons: Vec<ReasonOut>,
}

pub fn run(
    cx: &Context,
    id: &str,
    depth: u8,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let start = match resolve(cx.kb, cx.index, id, &[EntityKind::Alliance]) {
        Ok(found) => found[0].ix(),
        Err(message) => {
            writeln!(err, "error: {message}")?;
            if cx.index.org(cx.kb, id).is_some() {
                writeln!(
                    err,
                    "hint: `{}` is an organization: `alliances show {0}` lists its alliances",
                    crate::text::sanitize(id)
                )?;
            }
            return Ok(Outcome::Failure);
        }
    };
    let entries = walk(cx, start, depth);
    if let Format::Sheet(f) = format {
        let mut sheet = Sheet::new(&["ID", "Name", "Depth", "Via", "Reasons"]);
        for e in entries {
            let reasons: Vec<String> = e.reasons.into_iter().map(|r| r.text).collect();
            sheet.push(vec![
                e.id,
                e.name,
                e.depth.to_string(),
                e.via.id,
                reasons.join("; "),
            ]);
        }
        return super::write_sheet(&sheet, f, out);
    }
    if format == Format::Json {
        let doc = RelatedDoc {
            id: cx.kb.alliances[start].id.to_string(),
            name: cx.kb.alliances[start].name.to_string(),
            related: entries,
        };
        return write_json(&doc, out);
    }
    let me = &cx.kb.alliances[start];
    writeln!(
        out,
        "{} ({}): {}",
        cx.paint.paint(&me.name, Sgr::Bold),
        cx.paint.paint(&me.id, Sgr::Dim),
        crate::text::count(entries.len(), "related alliance", "related alliances")
    )?;
    for e in &entries {
        writeln!(out)?;
        let mut head = format!(
            "{}  {}",
            cx.paint.paint(&e.name, Sgr::Heading),
            cx.paint.paint(&e.id, Sgr::Dim)
        );
        if e.depth > 1 {
            head.push_str(&cx.paint.paint(
                &format!("  ({} steps away, via {})", e.depth, e.via.name),
                Sgr::Dim,
            ));
        }
        writeln!(out, "{head}")?;
        for r in &e.reasons {
            for (i, line) in crate::text::wrap(&r.text, cx.width.saturating_sub(4).max(20))
                .iter()
                .enumerate()
            {
                let lead = if i == 0 { "  · " } else { "    " };
                writeln!(out, "{lead}{}", cx.paint.paint(line, Sgr::Plain))?;
            }
        }
    }
    Ok(Outcome::Success)
}

/// Breadth-first over the related graph: each alliance once, at its smallest depth.
fn walk(cx: &Context, start: Ix, depth: u8) -> Vec<Entry> {
    let mut seen: HashSet<Ix> = HashSet::from([start]);
    let mut frontier = vec![start];
    let mut entries = Vec::new();
    for d in 1..=depth {
        let mut next = Vec::new();
        for &from in &frontier {
            for r in cx.index.related(cx.kb, from, cx.day) {
                if seen.insert(r.alliance) {
                    entries.push(Entry {
                        id: cx.kb.alliances[r.alliance].id.to_string(),
                        name: cx.kb.alliances[r.alliance].name.to_string(),
                        depth: d,
                        via: cx.alliance_ref(from),
                        reasons: reasons_out(cx, &r.reasons),
                    });
                    next.push(r.alliance);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    entries
}
