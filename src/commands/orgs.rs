//! `alliances orgs [FILTER…]`: the organisations view as rows, narrowed by the same filter
//! terms (`country:de`, `kind:university`, `in:ai-alliance`, `role:lead`, `status:unverified`,
//! `alliances:>1`) and put in the same orders.

use super::{Context, Format, Named, Outcome, write_json};
use crate::kb::country;
use crate::kb::index::link_label;
use crate::listing::Listing;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Debug, Serialize)]
struct Row<'a> {
    id: &'a str,
    name: &'a str,
    kind: crate::kb::OrgKind,
    country: Option<&'a str>,
    country_name: Option<&'static str>,
    /// Its strongest tie on the day: `lead`, `founding member`…
    tie: Option<&'static str>,
    /// The alliances it leads or belongs to on the day, each with its tie.
    alliances: Vec<Tie>,
    unverified: bool,
}

#[derive(Debug, Serialize)]
struct Tie {
    #[serde(flatten)]
    alliance: Named,
    tie: String,
}

pub fn run(
    cx: &Context,
    filter: &str,
    order: super::rows::OrderArg,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let Some(rows) = super::rows::rows(cx, Listing::Organizations, filter, order, err)? else {
        return Ok(Outcome::Usage);
    };
    let scope = cx.scope();
    let tied = |o: usize| -> Vec<Tie> {
        let mut seen = Vec::new();
        cx.index
            .org_links(o)
            .iter()
            .filter(|l| l.holds_on(cx.kb, cx.day))
            .filter(|l| {
                let new = !seen.contains(&l.alliance());
                seen.push(l.alliance());
                new
            })
            .map(|l| Tie {
                alliance: Named {
                    id: cx.kb.alliances[l.alliance()].id.to_string(),
                    name: cx.kb.alliances[l.alliance()].name_on(cx.day).to_string(),
                },
                tie: link_label(cx.kb, l, cx.day),
            })
            .collect()
    };
    if let Format::Sheet(f) = format {
        let sheet = crate::listing::columns::sheet(&scope, Listing::Organizations, &rows);
        super::write_sheet(&sheet, f, out)?;
    } else if format == Format::Json {
        let rows: Vec<Row> = rows
            .iter()
            .map(|&r| {
                let o = &cx.kb.organizations[r as usize];
                Row {
                    id: &o.id,
                    name: o.name_on(cx.day),
                    kind: o.kind,
                    country: o.country.as_deref(),
                    country_name: o.country.as_deref().and_then(country::name),
                    tie: scope.strongest_tie(r as usize).map(|(_, t)| t),
                    alliances: tied(r as usize),
                    unverified: scope.org_unverified(r as usize),
                }
            })
            .collect();
        write_json(&rows, out)?;
    } else if !rows.is_empty() {
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|&r| {
                let o = &cx.kb.organizations[r as usize];
                let names: Vec<String> = tied(r as usize)
                    .into_iter()
                    .map(|t| t.alliance.name)
                    .collect();
                let mut status = String::new();
                if scope.org_unverified(r as usize) {
                    status.push_str("unverified");
                }
                vec![
                    o.id.to_string(),
                    o.name_on(cx.day).to_string(),
                    o.kind.label().to_string(),
                    o.country.as_deref().map_or_else(String::new, |c| {
                        format!("{c} {}", country::name(c).unwrap_or("?"))
                    }),
                    scope
                        .strongest_tie(r as usize)
                        .map_or_else(String::new, |(_, t)| t.to_string()),
                    names.join(", "),
                    status,
                ]
            })
            .collect();
        super::table::print(
            cx,
            &["ID", "NAME", "KIND", "COUNTRY", "TIE", "ALLIANCES", ""],
            &[],
            &cells,
            out,
        )?;
    }
    let tied_count = rows
        .iter()
        .filter(|&&r| !scope.alliances_of(r as usize).is_empty())
        .count();
    let note = format!("{tied_count} tied to an alliance");
    super::rows::summary(cx, Listing::Organizations, rows.len(), Some(&note), err)?;
    Ok(if rows.is_empty() {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}
