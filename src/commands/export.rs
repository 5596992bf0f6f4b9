//! `alliances export --format csv --out DIR`: the knowledge base as one CSV file per collection
//! (alliances, organisations, focus areas, artifacts, sources) and per list an alliance holds
//! (members, leads, facts, claims), for a spreadsheet or a database. Lists inside a cell are
//! separated by `; `; every cell is cleaned as [`crate::export`] says.

use super::Outcome;
use crate::export::Sheet;
use crate::kb::{Date, Kb, Str};
use std::io::{self, Write};
use std::path::Path;

/// The files written, each with its table.
pub fn sheets(kb: &Kb) -> Vec<(&'static str, Sheet)> {
    vec![
        ("alliances.csv", alliances(kb)),
        ("organizations.csv", organizations(kb)),
        ("focus_areas.csv", focus_areas(kb)),
        ("artifacts.csv", artifacts(kb)),
        ("sources.csv", sources(kb)),
        ("members.csv", members(kb)),
        ("leads.csv", leads(kb)),
        ("facts.csv", facts(kb)),
        ("claims.csv", claims(kb)),
    ]
}

/// Writes every table into `dir` (made if missing), replacing files of the same names; says
/// on `err` what it wrote.
pub fn write_csv(kb: &Kb, dir: &Path, err: &mut dyn Write) -> io::Result<Outcome> {
    if let Err(e) = std::fs::create_dir_all(dir) {
        writeln!(err, "error: cannot make {}: {e}", dir.display())?;
        return Ok(Outcome::Failure);
    }
    let tables = sheets(kb);
    for (name, sheet) in &tables {
        let path = dir.join(name);
        if let Err(e) = std::fs::write(&path, sheet.csv()) {
            writeln!(err, "error: cannot write {}: {e}", path.display())?;
            return Ok(Outcome::Failure);
        }
    }
    writeln!(
        err,
        "wrote {} CSV files to {}",
        tables.len(),
        crate::text::sanitize(&dir.display().to_string())
    )?;
    Ok(Outcome::Success)
}

fn list(items: &[Str]) -> String {
    items.join("; ")
}

fn date(d: Option<&Date>) -> String {
    d.map_or_else(String::new, ToString::to_string)
}

fn opt(s: Option<&str>) -> String {
    s.unwrap_or("").to_string()
}

fn alliances(kb: &Kb) -> Sheet {
    let mut sheet = Sheet::new(&[
        "id",
        "name",
        "kind",
        "scope",
        "region",
        "founded",
        "founded_note",
        "website",
        "summary",
        "focus",
        "standing",
        "sources",
    ]);
    for a in &kb.alliances {
        sheet.push(vec![
            a.id.to_string(),
            a.name.to_string(),
            a.kind.label().to_string(),
            a.scope.label().to_string(),
            opt(a.region.as_deref()),
            date(a.founded.as_ref()),
            opt(a.founded_note.as_deref()),
            opt(a.website.as_deref()),
            a.summary.to_string(),
            list(&a.focus),
            a.standing
                .as_ref()
                .map_or_else(String::new, |s| s.state.label().to_string()),
            list(&a.sources),
        ]);
    }
    sheet
}

fn organizations(kb: &Kb) -> Sheet {
    let mut sheet = Sheet::new(&[
        "id", "name", "aka", "kind", "country", "location", "website", "parent", "alliance",
        "note", "status", "sources",
    ]);
    for o in &kb.organizations {
        sheet.push(vec![
            o.id.to_string(),
            o.name.to_string(),
            list(&o.aka),
            o.kind.label().to_string(),
            opt(o.country.as_deref()),
            opt(o.location.as_deref().map(|l| l.as_str())),
            opt(o.website.as_deref()),
            opt(o.parent.as_deref().map(|t| t.org.as_str())),
            opt(o.alliance.as_deref().map(|a| a.as_str())),
            opt(o.note.as_deref()),
            o.status.label().to_string(),
            list(&o.sources),
        ]);
    }
    sheet
}

fn focus_areas(kb: &Kb) -> Sheet {
    let mut sheet = Sheet::new(&["id", "name", "description", "sources"]);
    for f in &kb.focus_areas {
        sheet.push(vec![
            f.id.to_string(),
            f.name.to_string(),
            f.description.to_string(),
            list(&f.sources),
        ]);
    }
    sheet
}

fn artifacts(kb: &Kb) -> Sheet {
    let mut sheet = Sheet::new(&[
        "id",
        "name",
        "kind",
        "origin",
        "released",
        "description",
        "in_article",
        "note",
        "sources",
    ]);
    for t in &kb.artifacts {
        sheet.push(vec![
            t.id.to_string(),
            t.name.to_string(),
            t.kind.label().to_string(),
            list(&t.origin),
            date(t.released.as_ref()),
            t.description.to_string(),
            t.in_article.to_string(),
            opt(t.note.as_deref()),
            list(&t.sources),
        ]);
    }
    sheet
}

fn sources(kb: &Kb) -> Sheet {
    let mut sheet = Sheet::new(&["id", "title", "url", "where", "date", "read"]);
    for s in &kb.sources {
        sheet.push(vec![
            s.id.to_string(),
            s.title.to_string(),
            opt(s.url.as_deref()),
            opt(s.location.as_deref().map(|l| l.as_str())),
            date(s.date.as_ref()),
            date(s.read.as_ref()),
        ]);
    }
    sheet
}

fn members(kb: &Kb) -> Sheet {
    let mut sheet = Sheet::new(&[
        "alliance", "org", "role", "since", "until", "status", "note", "sources",
    ]);
    for a in &kb.alliances {
        for m in &a.members {
            sheet.push(vec![
                a.id.to_string(),
                m.org.to_string(),
                m.role.label().to_string(),
                date(m.since.as_ref()),
                date(m.until.as_deref()),
                m.status.label().to_string(),
                opt(m.note.as_deref().map(|n| n.as_str())),
                list(&m.sources),
            ]);
        }
    }
    sheet
}

fn leads(kb: &Kb) -> Sheet {
    let mut sheet = Sheet::new(&["alliance", "org", "since", "until", "sources"]);
    for a in &kb.alliances {
        for t in &a.leads {
            sheet.push(vec![
                a.id.to_string(),
                t.org.to_string(),
                date(t.since.as_ref()),
                date(t.until.as_ref()),
                list(&t.sources),
            ]);
        }
    }
    sheet
}

fn facts(kb: &Kb) -> Sheet {
    let mut sheet = Sheet::new(&["alliance", "topic", "text", "as_of", "status", "sources"]);
    for a in &kb.alliances {
        for f in &a.facts {
            sheet.push(vec![
                a.id.to_string(),
                f.topic.to_string(),
                f.text.to_string(),
                date(f.as_of.as_ref()),
                f.status.label().to_string(),
                list(&f.sources),
            ]);
        }
    }
    sheet
}

fn claims(kb: &Kb) -> Sheet {
    let mut sheet = Sheet::new(&[
        "alliance",
        "article",
        "claim",
        "verdict",
        "correction",
        "later_date",
        "later",
        "sources",
    ]);
    for a in &kb.alliances {
        for c in &a.claims {
            sheet.push(vec![
                a.id.to_string(),
                c.article.to_string(),
                c.claim.to_string(),
                c.verdict.label().to_string(),
                opt(c.correction.as_deref()),
                date(c.later.as_ref().map(|l| &l.date)),
                opt(c.later.as_ref().map(|l| l.text.as_str())),
                list(&c.sources),
            ]);
        }
    }
    sheet
}
