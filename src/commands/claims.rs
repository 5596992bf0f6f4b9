//! `alliances claims [FILTER…]`: every claim of the article across the alliances, with its
//! verdict, the article's words, what they mean, what the sources say and the sources,
//! narrowed by the same filter terms (`verdict:wrong`, `in:european-ai-alliance`,
//! `changed:yes`).

use super::{Context, Format, Named, Outcome, write_json};
use crate::listing::Listing;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Debug, Serialize)]
struct Row<'a> {
    alliance: Named,
    verdict: crate::kb::Verdict,
    /// The article's words (French).
    article: &'a str,
    /// What they claim, in English.
    claim: &'a str,
    correction: Option<&'a str>,
    /// What changed after the article, if it had by the day.
    later: Option<&'a crate::kb::Later>,
    sources: Vec<SourceOut<'a>>,
}

#[derive(Debug, Serialize)]
struct SourceOut<'a> {
    id: &'a str,
    title: &'a str,
    url: Option<&'a str>,
    date: Option<&'a str>,
}

pub fn run(
    cx: &Context,
    filter: &str,
    order: super::rows::OrderArg,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let Some(rows) = super::rows::rows(cx, Listing::Claims, filter, order, err)? else {
        return Ok(Outcome::Usage);
    };
    let claim = |r: u32| {
        let (a, c) = cx
            .index
            .claim(r as usize)
            .expect("a claim of the knowledge base");
        (a, &cx.kb.alliances[a].claims[c])
    };
    if let Format::Sheet(f) = format {
        let sheet = crate::listing::columns::sheet(&cx.scope(), Listing::Claims, &rows);
        super::write_sheet(&sheet, f, out)?;
    } else if format == Format::Json {
        let rows: Vec<Row> = rows
            .iter()
            .map(|&r| {
                let (a, c) = claim(r);
                let mut ids: Vec<&crate::kb::Str> = c.sources.iter().collect();
                let later = c.later.as_ref().filter(|l| l.date.by(cx.day));
                if let Some(l) = later {
                    ids.extend(l.sources.iter().filter(|s| !c.sources.contains(s)));
                }
                Row {
                    alliance: cx.alliance_ref(a),
                    verdict: c.verdict,
                    article: &c.article,
                    claim: &c.claim,
                    correction: c.correction.as_deref(),
                    later,
                    sources: ids
                        .into_iter()
                        .filter_map(|id| cx.index.source(cx.kb, id))
                        .map(|s| {
                            let s = &cx.kb.sources[s];
                            SourceOut {
                                id: &s.id,
                                title: &s.title,
                                url: s.url.as_deref(),
                                date: s.date.as_ref().map(|d| d.as_str()),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        write_json(&rows, out)?;
    } else if !rows.is_empty() {
        let scope = cx.scope();
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|&r| crate::listing::columns::cells(&scope, Listing::Claims, r))
            .collect();
        let headings: Vec<String> = crate::listing::columns::columns(Listing::Claims)
            .iter()
            .map(|c| c.heading.to_uppercase())
            .collect();
        let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
        super::table::print(cx, &headings, &[], &cells, out)?;
    }
    super::rows::summary(cx, Listing::Claims, rows.len(), None, err)?;
    Ok(if rows.is_empty() {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}
