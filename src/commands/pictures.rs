//! `alliances matrix`, `timeline` and `map`: the explorer's pictures as rows, in every format
//! a listing command writes.

use super::{Context, Format, Named, Outcome, write_json, write_sheet};
use crate::export::Sheet;
use crate::kb::Entity;
use crate::pictures::{map, matrix, timeline};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct MatrixDoc {
    /// `shared` (organisations two alliances share; the diagonal is the alliance's size) or
    /// `focus` (1 where the alliance works on the focus area).
    kind: &'static str,
    rows: Vec<Named>,
    columns: Vec<Named>,
    cells: Vec<Vec<usize>>,
}

fn named(cx: &Context, e: Entity) -> Named {
    Named {
        id: e.id(cx.kb).to_string(),
        name: e.name_on(cx.kb, cx.day).to_string(),
    }
}

/// Prints the overlap matrix (or the focus matrix), the largest alliances first.
pub fn matrix(
    cx: &Context,
    focus: bool,
    format: Format,
    out: &mut dyn Write,
) -> io::Result<Outcome> {
    let (kb, index, day) = (cx.kb, cx.index, cx.day);
    let rows = matrix::axis(kb, day);
    let columns: Vec<Entity> = if focus {
        (0..kb.focus_areas.len()).map(Entity::Focus).collect()
    } else {
        rows.iter().map(|&a| Entity::Alliance(a)).collect()
    };
    let orgs: Vec<Vec<usize>> = rows
        .iter()
        .map(|&a| matrix::orgs(kb, index, a, day))
        .collect();
    let cells: Vec<Vec<usize>> = rows
        .iter()
        .enumerate()
        .map(|(i, &a)| {
            columns
                .iter()
                .enumerate()
                .map(|(j, &c)| match c {
                    Entity::Focus(f) => usize::from(matrix::works_on(index, a, f)),
                    _ if i == j => kb.alliances[a].size_on(day),
                    _ => matrix::shared(&orgs[i], &orgs[j]).len(),
                })
                .collect()
        })
        .collect();
    let row_names: Vec<Named> = rows
        .iter()
        .map(|&a| named(cx, Entity::Alliance(a)))
        .collect();
    let column_names: Vec<Named> = columns.iter().map(|&c| named(cx, c)).collect();
    match format {
        Format::Json => write_json(
            &MatrixDoc {
                kind: if focus { "focus" } else { "shared" },
                rows: row_names,
                columns: column_names,
                cells,
            },
            out,
        ),
        Format::Sheet(f) => {
            let mut headings = vec!["Alliance"];
            headings.extend(column_names.iter().map(|c| c.id.as_str()));
            let mut sheet = Sheet::new(&headings);
            for (r, row) in row_names.iter().zip(&cells) {
                let mut cells = vec![r.id.clone()];
                cells.extend(row.iter().map(ToString::to_string));
                sheet.push(cells);
            }
            write_sheet(&sheet, f, out)
        }
        Format::Text => {
            let label = row_names
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    crate::text::width(&super::name_cell(&r.name)) + format!("{}", i + 1).len() + 1
                })
                .max()
                .unwrap_or(0)
                .min(40);
            let mut head = " ".repeat(label);
            for j in 0..columns.len() {
                head.push_str(&format!("{:>5}", j + 1));
            }
            writeln!(out, "{}", cx.paint.paint(head.trim_end(), super::Sgr::Bold))?;
            for (i, (r, row)) in row_names.iter().zip(&cells).enumerate() {
                let name =
                    crate::text::fit(&format!("{} {}", i + 1, super::name_cell(&r.name)), label);
                let mut line = name;
                for &c in row {
                    let cell = match (focus, c) {
                        (_, 0) => "·".to_string(),
                        (true, _) => "●".to_string(),
                        (false, n) => n.to_string(),
                    };
                    line.push_str(&format!("{cell:>5}"));
                }
                writeln!(out, "{}", line.trim_end())?;
            }
            if focus {
                for (j, c) in column_names.iter().enumerate() {
                    writeln!(out, "{:>3}  {}", j + 1, super::name_cell(&c.name))?;
                }
            }
            Ok(Outcome::Success)
        }
    }
}

#[derive(Serialize)]
struct HappeningOut {
    date: String,
    kind: &'static str,
    alliance: Named,
    /// What the explorer opens on it: the organisation that joined or left, else the alliance.
    about: Named,
    text: String,
}

/// Prints what happened when, oldest first, as the filter keeps it.
pub fn timeline(
    cx: &Context,
    filter: &str,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let parsed = match timeline::Filter::parse(cx.kb, cx.index, filter) {
        Ok(f) => f,
        Err(why) => {
            writeln!(err, "error: {}", crate::text::sanitize(&why))?;
            return Ok(Outcome::Usage);
        }
    };
    let rows: Vec<HappeningOut> = timeline::happenings(cx.kb, cx.index, cx.day)
        .into_iter()
        .filter(|h| parsed.keeps(cx.kb, h))
        .map(|h| HappeningOut {
            date: h.date(cx.kb).map_or_else(String::new, ToString::to_string),
            kind: h.mark.label(),
            alliance: named(cx, Entity::Alliance(h.alliance)),
            about: named(cx, h.opens),
            text: h.text(cx.kb),
        })
        .collect();
    let outcome = if rows.is_empty() {
        Outcome::Failure
    } else {
        Outcome::Success
    };
    match format {
        Format::Json => {
            write_json(&rows, out)?;
        }
        Format::Sheet(f) => {
            let mut sheet = Sheet::new(&["Date", "Kind", "Alliance ID", "About ID", "What"]);
            for r in rows {
                sheet.push(vec![
                    r.date,
                    r.kind.into(),
                    r.alliance.id,
                    r.about.id,
                    r.text,
                ]);
            }
            write_sheet(&sheet, f, out)?;
        }
        Format::Text => {
            for r in &rows {
                writeln!(
                    out,
                    "{}  {}  {}",
                    cx.paint.paint(&format!("{:<10}", r.date), super::Sgr::Dim),
                    format_args!("{:<7}", r.kind),
                    crate::text::display(&r.text, 200)
                )?;
            }
        }
    }
    Ok(outcome)
}

#[derive(Serialize)]
struct MapDoc {
    /// The alliance, or null for the organisations of every alliance.
    alliance: Option<Named>,
    organizations: usize,
    countries: Vec<CountryOut>,
    without_country: usize,
}

#[derive(Serialize)]
struct CountryOut {
    code: String,
    name: &'static str,
    count: usize,
    longitude: Option<f64>,
    latitude: Option<f64>,
}

/// Prints the organisations per country, of one alliance (`in:ID`) or of all.
pub fn map(
    cx: &Context,
    filter: &str,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let mut alliance = None;
    for word in filter.split_whitespace() {
        let Some(id) = word.strip_prefix("in:").map(|id| id.trim_matches('"')) else {
            writeln!(
                err,
                "error: `{}`: the map takes in:ALLIANCE (an id or a name)",
                crate::text::sanitize(word)
            )?;
            return Ok(Outcome::Usage);
        };
        match crate::kb::resolve(cx.kb, cx.index, id, &[crate::kb::EntityKind::Alliance]) {
            Ok(found) => alliance = found.first().map(|e| e.ix()),
            Err(why) => {
                writeln!(err, "error: in:{}: {why}", crate::text::sanitize(id))?;
                return Ok(Outcome::Usage);
            }
        }
    }
    let orgs = map::organisations(cx.kb, cx.index, alliance, cx.day);
    let tally = map::tally(cx.kb, &orgs);
    match format {
        Format::Json => write_json(
            &MapDoc {
                alliance: alliance.map(|a| named(cx, Entity::Alliance(a))),
                organizations: tally.total,
                without_country: tally.without,
                countries: tally
                    .countries
                    .iter()
                    .map(|c| CountryOut {
                        code: c.code.clone(),
                        name: c.name,
                        count: c.count,
                        longitude: c.position.map(|p| p.0),
                        latitude: c.position.map(|p| p.1),
                    })
                    .collect(),
            },
            out,
        ),
        Format::Sheet(f) => {
            let mut sheet = Sheet::new(&["Country", "Name", "Organisations"]);
            for c in &tally.countries {
                sheet.push(vec![c.code.clone(), c.name.into(), c.count.to_string()]);
            }
            if tally.without > 0 {
                sheet.push(vec![
                    String::new(),
                    "(no country)".into(),
                    tally.without.to_string(),
                ]);
            }
            write_sheet(&sheet, f, out)
        }
        Format::Text => {
            for c in &tally.countries {
                writeln!(out, "{}  {:<32} {:>5}", c.code, c.name, c.count)?;
            }
            writeln!(
                out,
                "{}",
                cx.paint.paint(
                    &format!(
                        "{} organisations in {} countries, {} without a country",
                        tally.total,
                        tally.countries.len(),
                        tally.without
                    ),
                    super::Sgr::Dim
                )
            )?;
            Ok(Outcome::Success)
        }
    }
}
