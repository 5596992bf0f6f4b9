//! The pages of an organisation, a focus area and an artifact: what each links to (the list
//! the explorer shows beside it) and its details.

use super::builder::Builder;
use super::{Doc, Tone};
use crate::export::Sheet;
use crate::kb::index::link_label;
use crate::kb::{Day, Entity, EntityKind, Index, Ix, Kb, Status, country};
use crate::text;

/// One row of an entity's link list: where it leads and how it relates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRow {
    pub target: Entity,
    pub name: String,
    pub label: String,
}

/// An organisation, focus area or artifact: the list of what it links to, and its details.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityPage {
    pub links: Vec<LinkRow>,
    pub doc: Doc,
}

/// The heading of an entity's link list (`Alliances and links`), and what it says when the
/// list is empty (`Tied to no alliance`).
pub fn links_heading(kind: EntityKind) -> (&'static str, &'static str) {
    match kind {
        EntityKind::Org => ("Alliances and links", "Tied to no alliance"),
        EntityKind::Focus => ("Alliances working on it", "No alliance works on it"),
        EntityKind::Artifact => ("Where it comes from", "No known origin"),
        EntityKind::Alliance => ("Links", "Nothing here"),
    }
}

/// A link list as a table to write out: each row's kind, id and name, and how it relates.
pub fn link_sheet(kb: &Kb, links: &[LinkRow]) -> Sheet {
    let mut sheet = Sheet::new(&["Type", "ID", "Name", "Tie"]);
    for l in links {
        sheet.push(vec![
            l.target.kind().label().to_string(),
            l.target.id(kb).to_string(),
            l.name.clone(),
            l.label.clone(),
        ]);
    }
    sheet
}

/// The page of an organisation, focus area or artifact as of `day` (an alliance has a
/// [`super::alliance`] document and no link list).
pub fn page(kb: &Kb, index: &Index, entity: Entity, width: u16, day: Day) -> EntityPage {
    match entity {
        Entity::Alliance(a) => EntityPage {
            links: Vec::new(),
            doc: super::alliance(kb, index, a, width, day),
        },
        Entity::Org(o) => organization(kb, index, o, width, day),
        Entity::Focus(f) => focus_area(kb, index, f, width, day),
        Entity::Artifact(t) => artifact(kb, index, t, width, day),
    }
}

/// The page of an organisation, focus area or artifact as one document: its details with what
/// it links to as a section after its heading, each a link of the document (for a pane that
/// shows no list beside the details).
pub fn page_with_links(kb: &Kb, index: &Index, entity: Entity, width: u16, day: Day) -> Doc {
    let EntityPage { links, doc } = page(kb, index, entity, width, day);
    if links.is_empty() {
        return doc;
    }
    let (heading, _) = links_heading(entity.kind());
    let mut lines = doc.lines.into_iter().peekable();
    let mut out = Vec::new();
    // The title and the line under it, up to the first blank line.
    while let Some(line) = lines.next_if(|l| l.kind != super::LineKind::Blank) {
        out.push(line);
    }
    out.push(super::DocLine {
        kind: super::LineKind::Blank,
        item: None,
    });
    out.push(super::DocLine {
        kind: super::LineKind::Heading(format!("{heading} ({})", links.len())),
        item: None,
    });
    for link in links {
        out.push(super::DocLine {
            kind: super::LineKind::Text {
                indent: 2,
                prefix: Some((format!("{}  ", link.name), Tone::Normal)),
                text: link.label,
                tone: Tone::Dim,
            },
            item: Some(link.target.into()),
        });
    }
    out.extend(lines);
    Doc::from_lines(out)
}

/// What an entity links to on `day`, as its page lists it.
pub fn links(kb: &Kb, index: &Index, entity: Entity, day: Day) -> Vec<LinkRow> {
    match entity {
        Entity::Alliance(_) => Vec::new(),
        Entity::Org(o) => org_links(kb, index, o, day),
        Entity::Focus(f) => focus_links(kb, index, f, day),
        Entity::Artifact(t) => origin_links(kb, index, t, day),
    }
}

/// Every alliance an organisation leads, belongs to or is absent from (those of the day first,
/// then the former and the later ones), then the alliance it is, its parent, its group and its
/// artifacts.
fn org_links(kb: &Kb, index: &Index, o: Ix, day: Day) -> Vec<LinkRow> {
    let Some(org) = kb.organizations.get(o) else {
        return Vec::new();
    };
    let mut ties: Vec<_> = index.org_links(o).iter().collect();
    // The day's ties, then the former and the later ones, then the absences.
    ties.sort_by_key(|l| match (l.belongs(), l.holds_on(kb, day)) {
        (true, true) => 0,
        (true, false) => 1,
        (false, _) => 2,
    });
    let mut links: Vec<LinkRow> = ties
        .into_iter()
        .map(|l| LinkRow {
            target: Entity::Alliance(l.alliance()),
            name: kb.alliances[l.alliance()].name_on(day).to_string(),
            label: link_label(kb, l, day),
        })
        .collect();
    if let Some(a) = org.alliance.as_deref().and_then(|a| index.alliance(kb, a)) {
        links.push(LinkRow {
            target: Entity::Alliance(a),
            name: kb.alliances[a].name.to_string(),
            label: "this organisation is the alliance".into(),
        });
    }
    if let Some(p) = index.parent_on(kb, o, day) {
        links.push(LinkRow {
            target: Entity::Org(p),
            name: kb.organizations[p].name.to_string(),
            label: "parent organisation".into(),
        });
    }
    for c in index.children_on(kb, o, day) {
        links.push(LinkRow {
            target: Entity::Org(c),
            name: kb.organizations[c].name.to_string(),
            label: "part of this group".into(),
        });
    }
    for &t in index.artifacts_of(o) {
        links.push(LinkRow {
            target: Entity::Artifact(t),
            name: kb.artifacts[t].name.to_string(),
            label: format!("{}: an origin", kb.artifacts[t].kind.label()),
        });
    }
    links
}

/// The alliances working on a focus area, by the names they had on `day`.
fn focus_links(kb: &Kb, index: &Index, f: Ix, day: Day) -> Vec<LinkRow> {
    index
        .focus_alliances(f)
        .iter()
        .map(|&a| LinkRow {
            target: Entity::Alliance(a),
            name: kb.alliances[a].name_on(day).to_string(),
            label: kb.alliances[a].kind.label().to_string(),
        })
        .collect()
}

/// The organisations an artifact comes from, each with the alliances it belongs to on `day`.
fn origin_links(kb: &Kb, index: &Index, t: Ix, day: Day) -> Vec<LinkRow> {
    origins(kb, index, t, day)
        .into_iter()
        .map(|(o, alliances)| {
            let names: Vec<&str> = alliances
                .iter()
                .map(|&a| kb.alliances[a].name_on(day))
                .collect();
            LinkRow {
                target: Entity::Org(o),
                name: kb.organizations[o].name.to_string(),
                label: if names.is_empty() {
                    "origin · in no alliance".into()
                } else {
                    format!("origin · {}", names.join(", "))
                },
            }
        })
        .collect()
}

/// The organisations an artifact comes from, each with the alliances it leads or belongs to
/// on `day`.
pub fn origins(kb: &Kb, index: &Index, t: Ix, day: Day) -> Vec<(Ix, Vec<Ix>)> {
    let Some(art) = kb.artifacts.get(t) else {
        return Vec::new();
    };
    art.origin
        .iter()
        .filter_map(|o| index.org(kb, o))
        .map(|o| {
            let alliances = index
                .org_links(o)
                .iter()
                .filter(|l| l.holds_on(kb, day))
                .map(|l| l.alliance())
                .collect();
            (o, alliances)
        })
        .collect()
}

/// The member view of an organisation: every alliance it leads, belongs to or is absent from,
/// then its group and artifacts; and its details.
pub fn organization(kb: &Kb, index: &Index, o: Ix, width: u16, day: Day) -> EntityPage {
    let mut b = Builder::new(width);
    let Some(org) = kb.organizations.get(o) else {
        return EntityPage::default();
    };
    let links = org_links(kb, index, o, day);
    let parent = index.parent_on(kb, o, day);
    b.title(&org.name);
    let mut kind = org.kind.label().to_string();
    if let Some(code) = &org.country {
        kind.push_str(&format!(
            " · {} ({code})",
            country::name(code).unwrap_or("?")
        ));
    }
    b.text(0, None, &kind, Tone::Dim, None);
    b.blank();
    b.field("Also", &org.aka.join("; "));
    if let Some(location) = &org.location {
        b.field("Where", location);
    }
    if let Some(site) = &org.website {
        b.field_link("Website", site, super::Item::Website(Entity::Org(o)));
    }
    if let Some(p) = parent {
        let mut part_of = kb.organizations[p].name.to_string();
        if let Some(since) = org.parent.as_deref().and_then(|t| t.since.as_ref()) {
            part_of.push_str(&format!(" (since {since})"));
        }
        b.field("Part of", &part_of);
    }
    let formerly: Vec<String> = org
        .formerly
        .iter()
        .map(|f| match &f.until {
            Some(until) => format!("{} (until {until})", f.name),
            None => f.name.to_string(),
        })
        .collect();
    b.field("Formerly", &formerly.join("; "));
    let children: Vec<&str> = index
        .children_on(kb, o, day)
        .map(|c| kb.organizations[c].name.as_str())
        .collect();
    b.field("Group", &children.join(", "));
    if let Some(note) = &org.note {
        b.blank();
        b.text(0, None, note, Tone::Normal, None);
    }
    if org.status == Status::Unverified {
        b.text(
            0,
            None,
            "Some details of this organisation are unverified.",
            Tone::Unverified,
            None,
        );
    }
    // An organisation listed twice in one alliance (a role that changed) is tied to it once.
    let mut alliances: Vec<Ix> = index.org_links(o).iter().map(|l| l.alliance()).collect();
    alliances.sort_unstable();
    alliances.dedup();
    let n = alliances.len();
    b.blank();
    b.text(
        0,
        None,
        &match n {
            0 => "Not tied to any alliance in this knowledge base.".to_string(),
            n => format!("Tied to {}.", text::count(n, "alliance", "alliances")),
        },
        Tone::Dim,
        None,
    );
    b.sources(kb, index, &org.sources);
    EntityPage {
        links,
        doc: b.finish(),
    }
}

/// A focus area: the alliances that work on it, and its description.
pub fn focus_area(kb: &Kb, index: &Index, f: Ix, width: u16, day: Day) -> EntityPage {
    let mut b = Builder::new(width);
    let Some(area) = kb.focus_areas.get(f) else {
        return EntityPage::default();
    };
    let links = focus_links(kb, index, f, day);
    b.title(&area.name);
    b.text(0, None, "focus area", Tone::Dim, None);
    b.names(&area.names);
    b.blank();
    b.text(0, None, &area.description, Tone::Normal, None);
    b.sources(kb, index, &area.sources);
    EntityPage {
        links,
        doc: b.finish(),
    }
}

/// An artifact: the organisations it comes from, and its details.
pub fn artifact(kb: &Kb, index: &Index, t: Ix, width: u16, day: Day) -> EntityPage {
    let mut b = Builder::new(width);
    let Some(art) = kb.artifacts.get(t) else {
        return EntityPage::default();
    };
    let links = origin_links(kb, index, t, day);
    b.title(&art.name);
    let mut kind = art.kind.label().to_string();
    if let Some(date) = &art.released {
        kind.push_str(&format!(" · released {date}"));
    }
    b.text(0, None, &kind, Tone::Dim, None);
    b.blank();
    b.text(0, None, &art.description, Tone::Normal, None);
    if let Some(note) = &art.note {
        b.blank();
        b.text(0, None, note, Tone::Normal, None);
    }
    b.blank();
    let mention = if art.in_article {
        "Named in the article."
    } else {
        "Named in the launch press release, not in the article."
    };
    b.text(0, None, mention, Tone::Dim, None);
    b.sources(kb, index, &art.sources);
    EntityPage {
        links,
        doc: b.finish(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::embedded;

    #[test]
    fn the_member_view_lists_every_tie_with_its_label() {
        let (kb, index) = embedded();
        let page = organization(
            &kb,
            &index,
            index.org(&kb, "nvidia").unwrap(),
            60,
            crate::kb::TEST_DAY,
        );
        let rows: Vec<(&str, &str)> = page
            .links
            .iter()
            .map(|l| (l.name.as_str(), l.label.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("United AI Alliance", "lead"),
                ("AI Alliance", "absent: not a member")
            ]
        );
        let page = organization(
            &kb,
            &index,
            index.org(&kb, "sb-intuitions").unwrap(),
            60,
            crate::kb::TEST_DAY,
        );
        assert!(
            page.links
                .iter()
                .any(|l| l.name == "SoftBank Corp." && l.label == "parent organisation")
        );
    }

    #[test]
    fn focus_and_artifact_pages() {
        let (kb, index) = embedded();
        let page = focus_area(
            &kb,
            &index,
            index.focus(&kb, "trustworthy-ai").unwrap(),
            60,
            crate::kb::TEST_DAY,
        );
        let names: Vec<&str> = page.links.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "EDSAFE AI Alliance",
                "Apply AI Alliance",
                "Scottish AI Alliance"
            ]
        );
        let page = artifact(
            &kb,
            &index,
            index.artifact(&kb, "stable-diffusion").unwrap(),
            60,
            crate::kb::TEST_DAY,
        );
        assert_eq!(page.links[0].label, "origin · AI Alliance");
        assert_eq!(page.links[1].label, "origin · in no alliance");
    }
}
