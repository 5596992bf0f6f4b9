//! `alliances search QUERY`: the explorer's ranking, best first.

use super::{Context, Format, Outcome, Sgr, write_json};
use crate::export::Sheet;
use crate::kb::index::link_label;
use crate::kb::{Entity, EntityKind};
use crate::search::{Haystack, Hit, Searcher, tier_label};
use crate::text;
use serde::Serialize;
use std::io::{self, Write};

/// The widest a hit's name (with the other name it matched) is padded to; longer ones push
/// their alliances to the right.
const LABEL_COLS: usize = 64;

/// The widest an id is padded to.
const ID_COLS: usize = 40;

#[derive(Debug, Serialize)]
struct HitOut {
    #[serde(skip)]
    target: Entity,
    #[serde(rename = "type")]
    kind: &'static str,
    id: String,
    name: String,
    /// The name that matched: the entity's own, or one of its other names.
    matched: String,
    tier: &'static str,
    score: u32,
    /// Character positions of `matched` that the query matched.
    positions: Vec<usize>,
    /// For an organisation: every alliance it is tied to.
    #[serde(skip_serializing_if = "Option::is_none")]
    alliances: Option<Vec<TieOut>>,
}

#[derive(Debug, Serialize)]
struct TieOut {
    id: String,
    name: String,
    tie: String,
}

pub fn run(
    cx: &Context,
    query: &str,
    limit: usize,
    kinds: &[EntityKind],
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let haystack = Haystack::new(
        cx.kb,
        if kinds.is_empty() {
            &EntityKind::ALL
        } else {
            kinds
        },
    );
    let mut searcher = Searcher::new();
    let results = searcher.search(&haystack, query);
    if results.ignored_terms > 0 {
        writeln!(
            err,
            "note: only the first {} different terms were searched ({} more ignored)",
            crate::search::MAX_TERMS,
            text::number(results.ignored_terms)
        )?;
    }
    let shown: Vec<Hit> = match limit {
        0 => results.hits.clone(),
        n => results.hits.iter().take(n).copied().collect(),
    };
    let hits: Vec<HitOut> = shown
        .iter()
        .map(|h| hit_out(cx, &haystack, &mut searcher, query, h))
        .collect();
    let outcome = if hits.is_empty() {
        Outcome::Failure
    } else {
        Outcome::Success
    };
    if format == Format::Json {
        write_json(&hits, out)?;
        return Ok(outcome);
    }
    if let Format::Sheet(f) = format {
        let mut sheet = Sheet::new(&["Type", "ID", "Name", "Matched", "Score", "About"]);
        for h in &hits {
            sheet.push(vec![
                h.kind.into(),
                h.id.clone(),
                h.name.clone(),
                h.matched.clone(),
                h.score.to_string(),
                crate::doc::context(cx.kb, cx.index, h.target, cx.day),
            ]);
        }
        super::write_sheet(&sheet, f, out)?;
        return Ok(outcome);
    }
    if hits.is_empty() {
        writeln!(err, "no match for `{}`", text::display(query, 200))?;
        return Ok(outcome);
    }
    // A hit reads "name (the other name it matched)"; the alliances line up after the longest.
    let label = |h: &HitOut| -> (String, usize) {
        // At most 120 columns of a name: the highlighted positions all come before.
        let shown = text::display(&h.name, 120);
        if h.matched == h.name {
            let cols = text::width(&shown);
            (cx.paint.highlight(&shown, &h.positions), cols)
        } else {
            let matched = text::display(&h.matched, 120);
            let cols = text::width(&shown) + text::width(&matched) + 3;
            let painted = format!(
                "{} ({})",
                cx.paint.paint(&shown, Sgr::Plain),
                cx.paint.highlight(&matched, &h.positions)
            );
            (painted, cols)
        }
    };
    let labels: Vec<(String, usize)> = hits.iter().map(label).collect();
    let label_cols = labels
        .iter()
        .map(|&(_, cols)| cols)
        .max()
        .unwrap_or(0)
        .min(LABEL_COLS);
    // The id, which `show`, `path` and `related` take, in its own column after the kind.
    let id_cols = hits
        .iter()
        .map(|h| text::width(&h.id))
        .max()
        .unwrap_or(0)
        .min(ID_COLS);
    for (h, (label, cols)) in hits.iter().zip(labels) {
        let pad = " ".repeat(label_cols.saturating_sub(cols));
        let id = text::fit(&text::display(&h.id, ID_COLS), id_cols);
        let mut line = format!(
            "{}  {}  {label}{pad}",
            cx.paint.paint(&format!("{:<12}", h.kind), Sgr::Dim),
            cx.paint.paint(&id, Sgr::Dim)
        );
        let context = crate::doc::context(cx.kb, cx.index, h.target, cx.day);
        if !context.is_empty() {
            line.push_str("  ");
            line.push_str(&cx.paint.paint(&context, Sgr::Dim));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(outcome)
}

fn hit_out(
    cx: &Context,
    haystack: &Haystack,
    searcher: &mut Searcher,
    query: &str,
    h: &Hit,
) -> HitOut {
    let entry = haystack.entry(h.entry);
    let (kb, index) = (cx.kb, cx.index);
    let alliances = matches!(entry, Entity::Org(_)).then(|| {
        index
            .org_links(entry.ix())
            .iter()
            .map(|l| TieOut {
                id: kb.alliances[l.alliance()].id.to_string(),
                name: kb.alliances[l.alliance()].name_on(cx.day).to_string(),
                tie: link_label(kb, l, cx.day),
            })
            .collect()
    });
    HitOut {
        target: entry,
        kind: entry.kind().label(),
        id: entry.id(kb).to_string(),
        name: entry.name_on(kb, cx.day).to_string(),
        matched: haystack.text(h.text),
        tier: tier_label(h.tier),
        score: h.score.into(),
        positions: searcher.indices(haystack, query, h.text),
        alliances,
    }
}
