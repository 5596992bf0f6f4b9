//! `alliances show ID`: one entity with names resolved: what the explorer shows, as text or JSON.

use super::{Context, Format, Named, Outcome, Sgr, write_json};
use crate::doc::{self, Doc, LinkRow, Tone};
use crate::export::Sheet;
use crate::kb::index::{Ix, link_label};
use crate::kb::{Entity, EntityKind, Verdict, index::Reason, resolve};
use serde::Serialize;
use std::io::{self, Write};

pub fn run(
    cx: &Context,
    id: &str,
    kind: Option<EntityKind>,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let kinds: Vec<EntityKind> = kind.into_iter().collect();
    let found = match resolve(cx.kb, cx.index, id, &kinds) {
        Ok(found) => found,
        Err(message) => {
            writeln!(err, "error: {message}")?;
            return Ok(Outcome::Failure);
        }
    };
    if let [first, more @ ..] = found.as_slice() {
        for other in more {
            writeln!(
                err,
                "note: `{}` is also the id of {} (use --kind {})",
                crate::text::sanitize(id),
                other.kind().with_article(),
                other.kind().short()
            )?;
        }
        match format {
            Format::Json => return write_json(&document(cx, *first), out),
            Format::Sheet(f) => return super::write_sheet(&sheet(cx, *first), f, out),
            Format::Text => {}
        }
        print_human(cx, *first, out)?;
    }
    Ok(Outcome::Success)
}

fn print_human(cx: &Context, entity: Entity, out: &mut dyn Write) -> io::Result<()> {
    let width = cx.width.min(u16::MAX as usize) as u16;
    let doc::EntityPage { doc, links } = doc::page(cx.kb, cx.index, entity, width, cx.day);
    let (heading, _) = doc::entity::links_heading(entity.kind());
    print_doc(cx, &doc, out)?;
    if !links.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            cx.paint
                .paint(&format!("{heading} ({})", links.len()), Sgr::Heading)
        )?;
        let names: Vec<_> = links.iter().map(|l| super::name_cell(&l.name)).collect();
        let cols = names
            .iter()
            .map(|n| crate::text::width(n))
            .max()
            .unwrap_or(0);
        for (LinkRow { label, .. }, name) in links.iter().zip(&names) {
            let name = crate::text::fit(name, cols);
            writeln!(
                out,
                "  {}  {}",
                cx.paint.paint(&name, Sgr::Plain),
                cx.paint.paint(label, Sgr::Dim)
            )?;
        }
    }
    Ok(())
}

/// The table of an entity's page: an alliance's members, or what another entity is tied to
/// (an organisation's alliances and groups, a focus area's alliances, an artifact's makers).
pub fn sheet(cx: &Context, entity: Entity) -> Sheet {
    if let Entity::Alliance(a) = entity {
        return doc::alliance::member_sheet(cx.kb, cx.index, a, cx.day);
    }
    let width = cx.width.min(u16::MAX as usize) as u16;
    let links = doc::page(cx.kb, cx.index, entity, width, cx.day).links;
    doc::entity::link_sheet(cx.kb, &links)
}

/// Prints a detail document as lines of text.
pub fn print_doc(cx: &Context, doc: &Doc, out: &mut dyn Write) -> io::Result<()> {
    for i in 0..doc.len() {
        let line: String = doc
            .segments(cx.kb, i)
            .iter()
            .map(|(text, tone)| cx.paint.paint(text, sgr(*tone)))
            .collect();
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

fn sgr(tone: Tone) -> Sgr {
    match tone {
        Tone::Normal => Sgr::Plain,
        Tone::Dim | Tone::Link => Sgr::Dim,
        Tone::Label => Sgr::Label,
        Tone::Quote => Sgr::Italic,
        Tone::Verdict(Verdict::Confirmed) => Sgr::Green,
        Tone::Verdict(Verdict::Imprecise) => Sgr::Yellow,
        Tone::Verdict(Verdict::Wrong) => Sgr::Red,
        Tone::Verdict(Verdict::Unverified) | Tone::Unverified => Sgr::Magenta,
        Tone::Title => Sgr::Bold,
        Tone::Heading => Sgr::Heading,
    }
}

/// `show --json`: the entity as exported (`data`), plus its links with names resolved.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Document<'a> {
    Alliance {
        id: &'a str,
        /// The name on the day.
        name: &'a str,
        /// The day the lists are as of.
        as_of: String,
        /// Active, dormant, ended, renamed, merged, or not founded, on the day.
        status: &'static str,
        data: &'a crate::kb::Alliance,
        /// The leads on the day.
        leads: Vec<Named>,
        /// The members on the day.
        members: Vec<MemberOut<'a>>,
        /// The members that had left by the day.
        former: Vec<MemberOut<'a>>,
        absent: Vec<AbsentOut<'a>>,
        focus: Vec<Named>,
        related: Vec<RelatedOut>,
    },
    Organization {
        id: &'a str,
        name: &'a str,
        as_of: String,
        data: &'a crate::kb::Organization,
        alliances: Vec<TieOut>,
        parent: Option<Named>,
        children: Vec<Named>,
        artifacts: Vec<Named>,
    },
    FocusArea {
        id: &'a str,
        name: &'a str,
        data: &'a crate::kb::FocusArea,
        alliances: Vec<Named>,
    },
    Artifact {
        id: &'a str,
        name: &'a str,
        data: &'a crate::kb::Artifact,
        origin: Vec<OriginOut>,
    },
}

#[derive(Debug, Serialize)]
struct MemberOut<'a> {
    org: &'a str,
    name: &'a str,
    org_kind: crate::kb::OrgKind,
    country: Option<&'a str>,
    role: crate::kb::Role,
    since: Option<&'a str>,
    until: Option<&'a str>,
    status: crate::kb::Status,
    note: Option<&'a str>,
    sources: &'a [crate::kb::Str],
}

#[derive(Debug, Serialize)]
struct AbsentOut<'a> {
    org: &'a str,
    name: &'a str,
    note: &'a str,
    sources: &'a [crate::kb::Str],
}

/// A related alliance and every reason for the link.
#[derive(Debug, Serialize)]
pub struct RelatedOut {
    pub alliance: String,
    pub name: String,
    pub reasons: Vec<ReasonOut>,
}

/// A reason for a link: its kind, in words, and the ids it involves.
#[derive(Debug, Serialize)]
pub struct ReasonOut {
    pub kind: &'static str,
    pub text: String,
    pub ids: Vec<String>,
}

#[derive(Debug, Serialize)]
struct TieOut {
    id: String,
    name: String,
    /// "lead · founding member", "absent: not a member"…
    tie: String,
    lead: bool,
    role: Option<crate::kb::Role>,
    since: Option<String>,
    until: Option<String>,
    /// Leads or belongs to it on the day.
    current: bool,
    status: Option<crate::kb::Status>,
    absent: bool,
}

#[derive(Debug, Serialize)]
struct OriginOut {
    id: String,
    name: String,
    alliances: Vec<String>,
}

/// The reasons of a relation, for JSON.
pub fn reasons_out(cx: &Context, reasons: &[Reason]) -> Vec<ReasonOut> {
    let org_ids = |orgs: &[Ix]| {
        orgs.iter()
            .map(|&o| cx.kb.organizations[o].id.to_string())
            .collect()
    };
    reasons
        .iter()
        .map(|r| {
            let (kind, ids) = match r {
                Reason::Declared { from, .. } => {
                    ("declared", vec![cx.kb.alliances[*from].id.to_string()])
                }
                Reason::MemberIsAlliance { org, .. } => (
                    "member_is_alliance",
                    vec![cx.kb.organizations[*org].id.to_string()],
                ),
                Reason::SharedLeads(orgs) => ("shared_leads", org_ids(orgs)),
                Reason::SharedMembers(orgs) => ("shared_members", org_ids(orgs)),
                Reason::Affiliates(pairs) => (
                    "same_group",
                    pairs
                        .iter()
                        .flat_map(|(c, p)| {
                            [
                                cx.kb.organizations[*c].id.to_string(),
                                cx.kb.organizations[*p].id.to_string(),
                            ]
                        })
                        .collect(),
                ),
                Reason::SharedFocus(focus) => (
                    "shared_focus",
                    focus
                        .iter()
                        .map(|&f| cx.kb.focus_areas[f].id.to_string())
                        .collect(),
                ),
            };
            ReasonOut {
                kind,
                text: cx.index.describe(cx.kb, r),
                ids,
            }
        })
        .collect()
}

fn document<'a>(cx: &'a Context, entity: Entity) -> Document<'a> {
    let (kb, index) = (cx.kb, cx.index);
    match entity {
        Entity::Alliance(a) => {
            let al = &kb.alliances[a];
            let member = |m: &'a crate::kb::Member| {
                let o = &kb.organizations[index.org(kb, &m.org)?];
                Some(MemberOut {
                    org: &m.org,
                    name: &o.name,
                    org_kind: o.kind,
                    country: o.country.as_deref(),
                    role: m.role,
                    since: m.since.as_ref().map(|d| d.as_str()),
                    until: m.until.as_deref().map(|d| d.as_str()),
                    status: m.status,
                    note: m.note.as_deref().map(|n| n.as_str()),
                    sources: &m.sources,
                })
            };
            let members = al
                .members_on(cx.day)
                .filter_map(|(_, m)| member(m))
                .collect();
            let former = al
                .members
                .iter()
                .filter(|m| m.left_by(cx.day))
                .filter_map(member)
                .collect();
            let absent = al
                .absent
                .iter()
                .filter_map(|x| {
                    Some(AbsentOut {
                        org: &x.org,
                        name: &kb.organizations[index.org(kb, &x.org)?].name,
                        note: &x.note,
                        sources: &x.sources,
                    })
                })
                .collect();
            Document::Alliance {
                id: &al.id,
                name: al.name_on(cx.day),
                as_of: cx.day.to_string(),
                status: al.state_on(cx.day).label(),
                data: al,
                leads: al
                    .leads_on(cx.day)
                    .filter_map(|l| index.org(kb, &l.org))
                    .map(|o| cx.org_ref(o))
                    .collect(),
                members,
                former,
                absent,
                focus: index
                    .alliance_focus(a)
                    .iter()
                    .map(|&f| Named {
                        id: kb.focus_areas[f].id.to_string(),
                        name: kb.focus_areas[f].name.to_string(),
                    })
                    .collect(),
                related: index
                    .related(kb, a, cx.day)
                    .iter()
                    .map(|r| RelatedOut {
                        alliance: kb.alliances[r.alliance].id.to_string(),
                        name: kb.alliances[r.alliance].name_on(cx.day).to_string(),
                        reasons: reasons_out(cx, &r.reasons),
                    })
                    .collect(),
            }
        }
        Entity::Org(o) => {
            let org = &kb.organizations[o];
            let alliances = index
                .org_links(o)
                .iter()
                .map(|l| {
                    let al = &kb.alliances[l.alliance()];
                    let m = l.member().and_then(|m| al.members.get(m));
                    let lead = l.lead_entry().and_then(|x| al.leads.get(x));
                    let dates = |since: Option<&crate::kb::Date>,
                                 until: Option<&crate::kb::Date>| {
                        (since.map(|d| d.to_string()), until.map(|d| d.to_string()))
                    };
                    let (since, until) = match (m, lead) {
                        (Some(m), _) => dates(m.since.as_ref(), m.until.as_deref()),
                        (None, Some(t)) => dates(t.since.as_ref(), t.until.as_ref()),
                        (None, None) => (None, None),
                    };
                    TieOut {
                        id: al.id.to_string(),
                        name: al.name_on(cx.day).to_string(),
                        tie: link_label(kb, l, cx.day),
                        lead: l.lead(),
                        role: m.map(|m| m.role),
                        since,
                        until,
                        current: l.holds_on(kb, cx.day),
                        status: m.map(|m| m.status),
                        absent: l.absent().is_some() && m.is_none() && !l.lead(),
                    }
                })
                .collect();
            Document::Organization {
                id: &org.id,
                name: &org.name,
                as_of: cx.day.to_string(),
                data: org,
                alliances,
                parent: index.parent_on(kb, o, cx.day).map(|p| cx.org_ref(p)),
                children: index
                    .children_on(kb, o, cx.day)
                    .map(|c| cx.org_ref(c))
                    .collect(),
                artifacts: index
                    .artifacts_of(o)
                    .iter()
                    .map(|&t| Named {
                        id: kb.artifacts[t].id.to_string(),
                        name: kb.artifacts[t].name.to_string(),
                    })
                    .collect(),
            }
        }
        Entity::Focus(f) => {
            let area = &kb.focus_areas[f];
            Document::FocusArea {
                id: &area.id,
                name: &area.name,
                data: area,
                alliances: index
                    .focus_alliances(f)
                    .iter()
                    .map(|&a| cx.alliance_ref(a))
                    .collect(),
            }
        }
        Entity::Artifact(t) => {
            let art = &kb.artifacts[t];
            let origin = doc::entity::origins(kb, index, t, cx.day)
                .into_iter()
                .map(|(o, alliances)| OriginOut {
                    id: kb.organizations[o].id.to_string(),
                    name: kb.organizations[o].name.to_string(),
                    alliances: alliances
                        .iter()
                        .map(|&a| kb.alliances[a].id.to_string())
                        .collect(),
                })
                .collect();
            Document::Artifact {
                id: &art.id,
                name: &art.name,
                data: art,
                origin,
            }
        }
    }
}
