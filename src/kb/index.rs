//! Lookups derived from a validated knowledge base: ids to positions, organisation to
//! alliances, alliance to related alliances (each link with its reasons), focus area to
//! alliances. Built once after loading; immutable afterwards.

use super::{Kb, Role};
use std::collections::{BTreeMap, HashMap};

/// Position of an entity in its collection of the [`Kb`].
pub type Ix = usize;

#[derive(Debug, Clone, Default)]
pub struct Index {
    alliance_ix: HashMap<String, Ix>,
    org_ix: HashMap<String, Ix>,
    focus_ix: HashMap<String, Ix>,
    artifact_ix: HashMap<String, Ix>,
    source_ix: HashMap<String, Ix>,
    org_links: Vec<Vec<OrgLink>>,
    related: Vec<Vec<Relation>>,
    focus_alliances: Vec<Vec<Ix>>,
    alliance_focus: Vec<Vec<Ix>>,
    children: Vec<Vec<Ix>>,
    artifacts_of: Vec<Vec<Ix>>,
    /// The organisation that embodies each alliance, if any (the Partnership on AI).
    alliance_org: Vec<Option<Ix>>,
}

/// How an organisation is tied to one alliance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgLink {
    pub alliance: Ix,
    /// Named among the alliance's leads.
    pub lead: bool,
    /// Position in the alliance's `members`.
    pub member: Option<Ix>,
    /// Position in the alliance's `absent`.
    pub absent: Option<Ix>,
}

/// Another alliance linked to this one, and every reason for the link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub alliance: Ix,
    pub reasons: Vec<Reason>,
}

impl Relation {
    /// How strongly the two are linked, for ordering: declared links first, then by how much
    /// they share.
    pub fn strength(&self) -> usize {
        self.reasons
            .iter()
            .map(|r| match r {
                Reason::Declared { .. } => 100,
                Reason::MemberIsAlliance { .. } => 50,
                Reason::SharedLeads(o) => 10 * o.len(),
                Reason::SharedMembers(o) => 5 * o.len(),
                Reason::Affiliates(p) => 3 * p.len(),
                Reason::SharedFocus(f) => 2 * f.len(),
            })
            .sum()
    }
}

/// Why two alliances are related.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A `related` entry of alliance `from` (its `index`-th); `from` may be either side.
    Declared { from: Ix, index: Ix },
    /// Organisation `org`, which is alliance `is`, belongs to alliance `of`.
    MemberIsAlliance { org: Ix, of: Ix },
    /// Organisations that lead both (not repeated among shared members).
    SharedLeads(Vec<Ix>),
    /// Organisations that belong to both and lead at most one.
    SharedMembers(Vec<Ix>),
    /// Pairs (child, parent) of organisations, one in each alliance.
    Affiliates(Vec<(Ix, Ix)>),
    /// Focus areas both work on.
    SharedFocus(Vec<Ix>),
}

#[derive(Default)]
struct Shared {
    leads: Vec<Ix>,
    members: Vec<Ix>,
    affiliates: Vec<(Ix, Ix)>,
    focus: Vec<Ix>,
    declared: Vec<(Ix, Ix)>,
    member_is_alliance: Vec<(Ix, Ix)>,
}

impl Index {
    /// Builds every lookup. References that do not resolve are skipped (the validator has
    /// already reported them).
    pub fn new(kb: &Kb) -> Self {
        let alliance_ix = positions(kb.alliances.iter().map(|a| &a.id));
        let org_ix = positions(kb.organizations.iter().map(|o| &o.id));
        let focus_ix = positions(kb.focus_areas.iter().map(|f| &f.id));
        let artifact_ix = positions(kb.artifacts.iter().map(|a| &a.id));
        let source_ix = positions(kb.sources.iter().map(|s| &s.id));

        let n_orgs = kb.organizations.len();
        let mut links: Vec<BTreeMap<Ix, OrgLink>> = vec![BTreeMap::new(); n_orgs];
        let mut alliance_focus = Vec::with_capacity(kb.alliances.len());
        let mut focus_alliances = vec![Vec::new(); kb.focus_areas.len()];
        for (a, alliance) in kb.alliances.iter().enumerate() {
            for lead in &alliance.leads {
                if let Some(l) = link_entry(&mut links, &org_ix, lead, a) {
                    l.lead = true;
                }
            }
            for (m, member) in alliance.members.iter().enumerate() {
                if let Some(l) = link_entry(&mut links, &org_ix, &member.org, a) {
                    l.member.get_or_insert(m);
                }
            }
            for (x, absence) in alliance.absent.iter().enumerate() {
                if let Some(l) = link_entry(&mut links, &org_ix, &absence.org, a) {
                    l.absent.get_or_insert(x);
                }
            }
            let focus: Vec<Ix> = alliance
                .focus
                .iter()
                .filter_map(|f| focus_ix.get(f).copied())
                .collect();
            for &f in &focus {
                focus_alliances[f].push(a);
            }
            alliance_focus.push(focus);
        }
        let org_links: Vec<Vec<OrgLink>> = links
            .into_iter()
            .map(|m| {
                let mut v: Vec<OrgLink> = m.into_values().collect();
                v.sort_by_key(|l| (!l.lead, l.member.is_none(), l.absent.is_some(), l.alliance));
                v
            })
            .collect();

        let mut children = vec![Vec::new(); n_orgs];
        let mut parent_of = vec![None; n_orgs];
        for (o, org) in kb.organizations.iter().enumerate() {
            if let Some(&p) = org.parent.as_ref().and_then(|p| org_ix.get(p)) {
                children[p].push(o);
                parent_of[o] = Some(p);
            }
        }
        let mut artifacts_of = vec![Vec::new(); n_orgs];
        for (t, artifact) in kb.artifacts.iter().enumerate() {
            for origin in &artifact.origin {
                if let Some(&o) = org_ix.get(origin) {
                    artifacts_of[o].push(t);
                }
            }
        }
        let mut alliance_org = vec![None; kb.alliances.len()];
        for (o, org) in kb.organizations.iter().enumerate() {
            if let Some(&a) = org.alliance.as_ref().and_then(|a| alliance_ix.get(a)) {
                alliance_org[a].get_or_insert(o);
            }
        }

        let related = relate(
            kb,
            &alliance_ix,
            &org_links,
            &parent_of,
            &focus_alliances,
            &alliance_org,
        );
        Index {
            alliance_ix,
            org_ix,
            focus_ix,
            artifact_ix,
            source_ix,
            org_links,
            related,
            focus_alliances,
            alliance_focus,
            children,
            artifacts_of,
            alliance_org,
        }
    }

    pub fn alliance(&self, id: &str) -> Option<Ix> {
        self.alliance_ix.get(id).copied()
    }

    pub fn org(&self, id: &str) -> Option<Ix> {
        self.org_ix.get(id).copied()
    }

    pub fn focus(&self, id: &str) -> Option<Ix> {
        self.focus_ix.get(id).copied()
    }

    pub fn artifact(&self, id: &str) -> Option<Ix> {
        self.artifact_ix.get(id).copied()
    }

    pub fn source(&self, id: &str) -> Option<Ix> {
        self.source_ix.get(id).copied()
    }

    /// Every alliance the organisation leads, belongs to or is notably absent from: leads
    /// first, then memberships, then absences.
    pub fn org_links(&self, org: Ix) -> &[OrgLink] {
        self.org_links.get(org).map_or(&[], Vec::as_slice)
    }

    /// Related alliances, strongest link first.
    pub fn related(&self, alliance: Ix) -> &[Relation] {
        self.related.get(alliance).map_or(&[], Vec::as_slice)
    }

    /// Alliances working on the focus area, in knowledge-base order.
    pub fn focus_alliances(&self, focus: Ix) -> &[Ix] {
        self.focus_alliances.get(focus).map_or(&[], Vec::as_slice)
    }

    /// The alliance's focus areas, resolved.
    pub fn alliance_focus(&self, alliance: Ix) -> &[Ix] {
        self.alliance_focus.get(alliance).map_or(&[], Vec::as_slice)
    }

    /// Organisations whose parent is `org`.
    pub fn children(&self, org: Ix) -> &[Ix] {
        self.children.get(org).map_or(&[], Vec::as_slice)
    }

    /// Artifacts that `org` is an origin of.
    pub fn artifacts_of(&self, org: Ix) -> &[Ix] {
        self.artifacts_of.get(org).map_or(&[], Vec::as_slice)
    }

    /// The organisation that is this alliance (the Partnership on AI is both).
    pub fn alliance_org(&self, alliance: Ix) -> Option<Ix> {
        self.alliance_org.get(alliance).copied().flatten()
    }

    /// The reason in words.
    pub fn describe(&self, kb: &Kb, reason: &Reason) -> String {
        let org = |o: &Ix| kb.organizations.get(*o).map_or("?", |o| o.name.as_str());
        let alliance = |a: &Ix| kb.alliances.get(*a).map_or("?", |a| a.name.as_str());
        let names = |orgs: &[Ix]| orgs.iter().map(org).collect::<Vec<_>>().join(", ");
        match reason {
            Reason::Declared { from, index } => {
                let why = kb
                    .alliances
                    .get(*from)
                    .and_then(|a| a.related.get(*index))
                    .map_or("", |r| r.why.as_str());
                why.to_string()
            }
            Reason::MemberIsAlliance { org: o, of } => {
                format!("{} is a member of {}", org(o), alliance(of))
            }
            Reason::SharedLeads(orgs) => {
                format!(
                    "{} shared {}: {}",
                    orgs.len(),
                    plural(orgs.len(), "lead", "leads"),
                    names(orgs)
                )
            }
            Reason::SharedMembers(orgs) => format!(
                "{} shared {}: {}",
                orgs.len(),
                plural(orgs.len(), "member", "members"),
                names(orgs)
            ),
            Reason::Affiliates(pairs) => {
                let text: Vec<String> = pairs
                    .iter()
                    .map(|(child, parent)| format!("{} belongs to {}", org(child), org(parent)))
                    .collect();
                format!("same group: {}", text.join("; "))
            }
            Reason::SharedFocus(focus) => {
                let names: Vec<&str> = focus
                    .iter()
                    .filter_map(|f| kb.focus_areas.get(*f).map(|f| f.name.as_str()))
                    .collect();
                format!(
                    "{} shared focus {}: {}",
                    focus.len(),
                    plural(focus.len(), "area", "areas"),
                    names.join(", ")
                )
            }
        }
    }

    /// Whether `org` leads or belongs to `alliance`.
    pub fn member_of(&self, org: Ix, alliance: Ix) -> bool {
        self.org_links(org)
            .iter()
            .any(|l| l.alliance == alliance && (l.lead || l.member.is_some()))
    }

    /// Number of members of an alliance (leads not listed as members are not counted).
    pub fn member_count(&self, kb: &Kb, alliance: Ix) -> usize {
        kb.alliances.get(alliance).map_or(0, |a| a.members.len())
    }
}

/// The link between `org` and alliance `a`, created empty on first use.
fn link_entry<'m>(
    links: &'m mut [BTreeMap<Ix, OrgLink>],
    org_ix: &HashMap<String, Ix>,
    org: &str,
    a: Ix,
) -> Option<&'m mut OrgLink> {
    let o = *org_ix.get(org)?;
    Some(links[o].entry(a).or_insert(OrgLink {
        alliance: a,
        lead: false,
        member: None,
        absent: None,
    }))
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

fn positions<'a>(ids: impl Iterator<Item = &'a String>) -> HashMap<String, Ix> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        map.entry(id.clone()).or_insert(i);
    }
    map
}

/// The related-alliance graph, in both directions.
fn relate(
    kb: &Kb,
    alliance_ix: &HashMap<String, Ix>,
    org_links: &[Vec<OrgLink>],
    parent_of: &[Option<Ix>],
    focus_alliances: &[Vec<Ix>],
    alliance_org: &[Option<Ix>],
) -> Vec<Vec<Relation>> {
    let mut pairs: BTreeMap<(Ix, Ix), Shared> = BTreeMap::new();
    let key = |a: Ix, b: Ix| if a < b { (a, b) } else { (b, a) };

    for (a, alliance) in kb.alliances.iter().enumerate() {
        for (i, r) in alliance.related.iter().enumerate() {
            if let Some(&b) = alliance_ix.get(&r.alliance).filter(|&&b| b != a) {
                pairs.entry(key(a, b)).or_default().declared.push((a, i));
            }
        }
    }
    for (o, links) in org_links.iter().enumerate() {
        let belongs: Vec<&OrgLink> = links
            .iter()
            .filter(|l| l.lead || l.member.is_some())
            .collect();
        for (i, x) in belongs.iter().enumerate() {
            for y in &belongs[i + 1..] {
                let shared = pairs.entry(key(x.alliance, y.alliance)).or_default();
                if x.lead && y.lead {
                    shared.leads.push(o);
                } else {
                    shared.members.push(o);
                }
            }
        }
        if let Some(p) = parent_of[o] {
            for x in &belongs {
                for y in org_links[p].iter().filter(|l| l.lead || l.member.is_some()) {
                    if x.alliance != y.alliance {
                        pairs
                            .entry(key(x.alliance, y.alliance))
                            .or_default()
                            .affiliates
                            .push((o, p));
                    }
                }
            }
        }
    }
    for (b, org) in alliance_org.iter().enumerate() {
        let Some(o) = *org else { continue };
        for l in &org_links[o] {
            if l.alliance != b && (l.lead || l.member.is_some()) {
                pairs
                    .entry(key(l.alliance, b))
                    .or_default()
                    .member_is_alliance
                    .push((o, l.alliance));
            }
        }
    }
    for (f, alliances) in focus_alliances.iter().enumerate() {
        for (i, &x) in alliances.iter().enumerate() {
            for &y in &alliances[i + 1..] {
                if x != y {
                    pairs.entry(key(x, y)).or_default().focus.push(f);
                }
            }
        }
    }

    let mut related = vec![Vec::new(); kb.alliances.len()];
    for ((a, b), shared) in pairs {
        let mut reasons = Vec::new();
        for (from, index) in shared.declared {
            reasons.push(Reason::Declared { from, index });
        }
        for (org, of) in shared.member_is_alliance {
            reasons.push(Reason::MemberIsAlliance { org, of });
        }
        let by_name = |v: &mut Vec<Ix>| {
            v.sort_by(|x, y| kb.organizations[*x].name.cmp(&kb.organizations[*y].name));
            v.dedup();
        };
        let (mut leads, mut members) = (shared.leads, shared.members);
        if !leads.is_empty() {
            by_name(&mut leads);
            reasons.push(Reason::SharedLeads(leads));
        }
        if !members.is_empty() {
            by_name(&mut members);
            reasons.push(Reason::SharedMembers(members));
        }
        if !shared.affiliates.is_empty() {
            let mut aff = shared.affiliates;
            aff.dedup();
            reasons.push(Reason::Affiliates(aff));
        }
        if !shared.focus.is_empty() {
            reasons.push(Reason::SharedFocus(shared.focus));
        }
        related[a].push(Relation {
            alliance: b,
            reasons: reasons.clone(),
        });
        related[b].push(Relation {
            alliance: a,
            reasons,
        });
    }
    for list in &mut related {
        list.sort_by(|x, y| {
            y.strength().cmp(&x.strength()).then_with(|| {
                kb.alliances[x.alliance]
                    .name
                    .cmp(&kb.alliances[y.alliance].name)
            })
        });
    }
    related
}

/// The label of an organisation's tie to an alliance: "lead · founding member",
/// "steering committee", "partner (unverified)", "absent: not a member".
pub fn link_label(kb: &Kb, link: &OrgLink) -> String {
    let mut parts = Vec::new();
    if link.lead {
        parts.push("lead".to_string());
    }
    let member = link
        .member
        .and_then(|m| kb.alliances.get(link.alliance)?.members.get(m));
    if let Some(m) = member {
        if !(link.lead && m.role == Role::Lead) {
            parts.push(m.role.tie().to_string());
        }
        if m.status == crate::kb::Status::Unverified {
            parts.push("unverified".to_string());
        }
    }
    if link.absent.is_some() && member.is_none() && !link.lead {
        parts.push("absent: not a member".to_string());
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::load::load_files;

    fn kb(text: &str) -> Kb {
        load_files([("t.ron".to_string(), text.as_bytes().to_vec())]).unwrap()
    }

    const KB: &str = r#"(
  organizations: [
    (id: "ibm", name: "IBM", kind: company),
    (id: "meta", name: "Meta", kind: company),
    (id: "intel", name: "Intel", kind: company),
    (id: "sony", name: "Sony Group", kind: company),
    (id: "nvidia", name: "NVIDIA", kind: company),
    (id: "softbank", name: "SoftBank Corp.", kind: company),
    (id: "sb-intuitions", name: "SB Intuitions", kind: company, parent: "softbank"),
    (id: "pai-org", name: "Partnership on AI", kind: nonprofit, alliance: "pai"),
  ],
  focus_areas: [(id: "safety", name: "Safety", description: "d")],
  alliances: [
    (id: "aia", name: "AI Alliance", kind: industry, scope: international, summary: "s",
      leads: ["ibm", "meta"],
      members: [(org: "ibm", role: founding), (org: "meta", role: founding), (org: "intel"),
                (org: "sony"), (org: "sb-intuitions"), (org: "pai-org")],
      absent: [(org: "nvidia", note: "not at launch")],
      focus: ["safety"]),
    (id: "pai", name: "Partnership on AI", kind: multi_stakeholder, scope: international, summary: "s",
      leads: ["ibm", "meta"],
      members: [(org: "ibm"), (org: "meta"), (org: "intel"), (org: "sony")],
      related: [(alliance: "aia", why: "PAI is a founding member")]),
    (id: "gtaa", name: "Global Telco AI Alliance", kind: industry, scope: international, summary: "s",
      members: [(org: "softbank")], focus: ["safety"]),
    (id: "lonely", name: "Lonely", kind: industry, scope: national, summary: "s",
      members: [(org: "nvidia", role: lead)]),
  ],
)"#;

    #[test]
    fn org_links_list_leads_memberships_and_absences() {
        let kb = kb(KB);
        let ix = Index::new(&kb);
        let ibm = ix.org("ibm").unwrap();
        let labels: Vec<String> = ix
            .org_links(ibm)
            .iter()
            .map(|l| link_label(&kb, l))
            .collect();
        assert_eq!(labels, ["lead · founding member", "lead · member"]);
        let nvidia = ix.org("nvidia").unwrap();
        let links = ix.org_links(nvidia);
        assert_eq!(links.len(), 2);
        assert_eq!(kb.alliances[links[0].alliance].id, "lonely");
        assert_eq!(link_label(&kb, &links[1]), "absent: not a member");
    }

    #[test]
    fn related_alliances_carry_their_reasons_in_both_directions() {
        let kb = kb(KB);
        let ix = Index::new(&kb);
        let aia = ix.alliance("aia").unwrap();
        let pai = ix.alliance("pai").unwrap();
        let rel = &ix.related(aia)[0];
        assert_eq!(rel.alliance, pai);
        let text: Vec<String> = rel.reasons.iter().map(|r| ix.describe(&kb, r)).collect();
        assert_eq!(
            text,
            [
                "PAI is a founding member",
                "Partnership on AI is a member of AI Alliance",
                "2 shared leads: IBM, Meta",
                "2 shared members: Intel, Sony Group",
            ]
        );
        // The declared link shows from the other side too.
        assert_eq!(ix.related(pai)[0].alliance, aia);
    }

    #[test]
    fn affiliates_and_shared_focus_link_alliances() {
        let kb = kb(KB);
        let ix = Index::new(&kb);
        let aia = ix.alliance("aia").unwrap();
        let gtaa = ix.alliance("gtaa").unwrap();
        let rel = ix.related(gtaa).iter().find(|r| r.alliance == aia).unwrap();
        let text: Vec<String> = rel.reasons.iter().map(|r| ix.describe(&kb, r)).collect();
        assert_eq!(
            text,
            [
                "same group: SB Intuitions belongs to SoftBank Corp.",
                "1 shared focus area: Safety",
            ]
        );
        assert!(ix.related(ix.alliance("lonely").unwrap()).is_empty());
    }

    #[test]
    fn focus_areas_and_children() {
        let kb = kb(KB);
        let ix = Index::new(&kb);
        let safety = ix.focus("safety").unwrap();
        let names: Vec<&str> = ix
            .focus_alliances(safety)
            .iter()
            .map(|&a| kb.alliances[a].id.as_str())
            .collect();
        assert_eq!(names, ["aia", "gtaa"]);
        let softbank = ix.org("softbank").unwrap();
        assert_eq!(ix.children(softbank), [ix.org("sb-intuitions").unwrap()]);
        assert_eq!(
            ix.alliance_org(ix.alliance("pai").unwrap()),
            ix.org("pai-org")
        );
    }
}
