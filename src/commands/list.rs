//! `alliances list`: one alliance per row.

use super::{Context, Format, Outcome, write_json};
use crate::kb::{Alliance, AllianceKind};
use crate::text;
use serde::Serialize;
use std::io::{self, Write};

/// What to keep.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: Option<AllianceKind>,
    /// ISO code of a country a member or lead must come from.
    pub country: Option<String>,
    /// A focus-area id the alliance must work on.
    pub focus: Option<String>,
}

/// One row of `list --json`.
#[derive(Debug, Serialize)]
struct Row<'a> {
    id: &'a str,
    name: &'a str,
    kind: AllianceKind,
    scope: crate::kb::Scope,
    region: Option<&'a str>,
    founded: Option<&'a str>,
    /// Active, dormant, ended, renamed, merged, or not founded yet, on the day.
    status: &'static str,
    members: usize,
    leads: Vec<&'a str>,
    focus: &'a [crate::kb::Str],
    website: Option<&'a str>,
}

pub fn run(
    cx: &Context,
    filter: &Filter,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<super::Outcome> {
    if let Some(focus) = &filter.focus
        && cx.index.focus(cx.kb, focus).is_none()
    {
        let ids = cx.kb.focus_areas.iter().map(|f| f.id.as_str());
        let hint = crate::suggest::did_you_mean(focus, ids);
        writeln!(
            err,
            "error: no focus area has the id `{}`{hint}",
            text::sanitize(focus)
        )?;
        // A flag's value that names nothing is a usage error, as clap's own are.
        return Ok(Outcome::Usage);
    }
    let country = match filter.country.as_deref() {
        Some(value) => match crate::kb::country::find(value) {
            Some(code) => Some(code),
            None => {
                writeln!(
                    err,
                    "error: unknown country `{}` for --country: expected an ISO 3166-1 alpha-2 code such as DE, or a country's name in English",
                    text::sanitize(value)
                )?;
                return Ok(Outcome::Usage);
            }
        },
        None => None,
    };
    let rows: Vec<&Alliance> = cx
        .kb
        .alliances
        .iter()
        .filter(|a| filter.kind.is_none_or(|k| a.kind == k))
        .filter(|a| {
            filter
                .focus
                .as_ref()
                .is_none_or(|f| a.focus.iter().any(|x| x == f))
        })
        .filter(|a| country.as_ref().is_none_or(|c| has_member_from(cx, a, c)))
        .collect();
    if let Format::Sheet(f) = format {
        let ixs: Vec<u32> = rows
            .iter()
            .filter_map(|a| cx.index.alliance(cx.kb, &a.id))
            .map(|a| a as u32)
            .collect();
        let sheet =
            crate::listing::columns::sheet(&cx.scope(), crate::listing::Listing::Alliances, &ixs);
        return super::write_sheet(&sheet, f, out);
    }
    if format == Format::Json {
        let rows: Vec<Row> = rows
            .iter()
            .map(|a| Row {
                id: &a.id,
                name: a.name_on(cx.day),
                kind: a.kind,
                scope: a.scope,
                region: a.region.as_deref(),
                founded: a.founded.as_ref().map(|d| d.as_str()),
                status: a.state_on(cx.day).label(),
                members: a.size_on(cx.day),
                leads: a.leads_on(cx.day).map(|l| l.org.as_str()).collect(),
                focus: &a.focus,
                website: a.website.as_deref(),
            })
            .collect();
        return write_json(&rows, out);
    }
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|a| {
            // A cell shows at most 80 columns of a (possibly huge) value.
            [
                text::display(&a.id, 80).into_owned(),
                text::display(a.name_on(cx.day), 80).into_owned(),
                a.kind.label().to_string(),
                a.founded
                    .as_ref()
                    .map_or_else(String::new, |d| d.to_string()),
                a.size_on(cx.day).to_string(),
            ]
        })
        .collect();
    let cells: Vec<Vec<String>> = cells.into_iter().map(Vec::from).collect();
    super::table::print(
        cx,
        &["ID", "NAME", "KIND", "FOUNDED", "MEMBERS"],
        &[false, false, false, false, true],
        &cells,
        out,
    )?;
    Ok(Outcome::Success)
}

/// Whether a member or lead of `a` on the day comes from `country`.
fn has_member_from(cx: &Context, a: &Alliance, country: &str) -> bool {
    a.members_on(cx.day)
        .map(|(_, m)| m.org.as_str())
        .chain(a.leads_on(cx.day).map(|l| l.org.as_str()))
        .filter_map(|id| cx.index.org(cx.kb, id))
        .any(|o| cx.kb.organizations[o].country.as_deref() == Some(country))
}
