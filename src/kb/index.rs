//! Lookups derived from a validated knowledge base: ids to positions, organisation to
//! alliances, alliance to related alliances (each link with its reasons), focus area to
//! alliances. Built once after loading; immutable afterwards.

use super::ids::Positions;
use super::{EntityKind, Kb, Role};
use std::collections::HashMap;

/// Position of an entity in its collection of the [`Kb`].
pub type Ix = usize;

#[derive(Debug, Clone, Default)]
pub struct Index {
    alliance_ix: Positions,
    org_ix: Positions,
    focus_ix: Positions,
    artifact_ix: Positions,
    source_ix: Positions,
    org_links: Table<OrgLink>,
    /// Declared links touching each alliance, either side: (declaring alliance, entry).
    declared: Table<(Ix, Ix)>,
    focus_alliances: Table<Ix>,
    alliance_focus: Table<Ix>,
    children: Sparse<Ix>,
    parent_of: Sparse<Ix>,
    artifacts_of: Sparse<Ix>,
    /// The organisation that embodies each alliance, if any (the Partnership on AI).
    alliance_org: Vec<Option<Ix>>,
}

/// A list per row (organisation, alliance…) in one allocation: rows with nothing cost four
/// bytes, so a million organisations cost no more than their links.
#[derive(Debug, Clone)]
struct Table<T> {
    starts: Vec<u32>,
    items: Vec<T>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            starts: vec![0],
            items: Vec::new(),
        }
    }
}

impl<T> Table<T> {
    /// A table of `rows` rows from (row, item) pairs, keeping their order within a row.
    fn new<R: Copy + Ord + TryInto<usize>>(rows: usize, mut pairs: Vec<(R, T)>) -> Self {
        if !pairs.is_sorted_by_key(|(row, _)| *row) {
            pairs.sort_by_key(|(row, _)| *row);
        }
        let row_of = |r: R| r.try_into().unwrap_or(usize::MAX);
        let mut starts = Vec::with_capacity(rows + 1);
        starts.push(0);
        let mut kept = 0u32;
        for &(r, _) in &pairs {
            let r = row_of(r);
            if r >= rows {
                break;
            }
            while starts.len() <= r {
                starts.push(kept);
            }
            kept += 1;
        }
        while starts.len() <= rows {
            starts.push(kept);
        }
        // In place: the pairs' room holds the items.
        let items = pairs
            .into_iter()
            .take(kept as usize)
            .map(|(_, item)| item)
            .collect();
        Table { starts, items }
    }

    fn row(&self, row: Ix) -> &[T] {
        match (self.starts.get(row), self.starts.get(row + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// No position (a compact `None`).
const NONE: u32 = u32::MAX;

fn some(ix: u32) -> Option<Ix> {
    (ix != NONE).then_some(ix as Ix)
}

/// Lists for a few rows among many (the children of the few organisations that have some):
/// the rows that have items, sorted, and their items; a row is found by binary search.
#[derive(Debug, Clone, Default)]
struct Sparse<T> {
    rows: Vec<u32>,
    items: Vec<T>,
}

impl<T> Sparse<T> {
    /// From (row, item) pairs, keeping their order within a row.
    fn new(mut pairs: Vec<(Ix, T)>) -> Self {
        pairs.sort_by_key(|(row, _)| *row);
        let (rows, items) = pairs.into_iter().map(|(r, t)| (r as u32, t)).unzip();
        Sparse { rows, items }
    }

    fn row(&self, row: Ix) -> &[T] {
        let Ok(row) = u32::try_from(row) else {
            return &[];
        };
        let start = self.rows.partition_point(|&r| r < row);
        let end = start + self.rows[start..].partition_point(|&r| r == row);
        &self.items[start..end]
    }
}

/// How an organisation is tied to one alliance (sixteen bytes: there is one per membership).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgLink {
    alliance: u32,
    member: u32,
    absent: u32,
    lead: bool,
}

impl OrgLink {
    fn new(alliance: Ix) -> Self {
        OrgLink {
            alliance: alliance as u32,
            member: NONE,
            absent: NONE,
            lead: false,
        }
    }

    pub fn alliance(&self) -> Ix {
        self.alliance as Ix
    }

    /// Named among the alliance's leads.
    pub fn lead(&self) -> bool {
        self.lead
    }

    /// Position in the alliance's `members`.
    pub fn member(&self) -> Option<Ix> {
        some(self.member)
    }

    /// Position in the alliance's `absent`.
    pub fn absent(&self) -> Option<Ix> {
        some(self.absent)
    }

    /// Leads or belongs to the alliance (not only absent from it).
    pub fn belongs(&self) -> bool {
        self.lead || self.member != NONE
    }
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
        let alliance_ix = Positions::of(&kb.alliances);
        let org_ix = Positions::of(&kb.organizations);
        let focus_ix = Positions::of(&kb.focus_areas);
        let artifact_ix = Positions::of(&kb.artifacts);
        let source_ix = Positions::of(&kb.sources);
        let org = |id: &str| org_ix.find(&kb.organizations, id);
        let alliance = |id: &str| alliance_ix.find(&kb.alliances, id);
        let n_orgs = kb.organizations.len();
        let n_alliances = kb.alliances.len();

        // Every (organisation, alliance) tie, merged per pair.
        let mut ties: Vec<(u32, OrgLink)> = Vec::new();
        let mut focus_pairs = Vec::new();
        let mut declared = Vec::new();
        for (a, al) in kb.alliances.iter().enumerate() {
            let mut tie = |id: &str, link: OrgLink| {
                if let Some(o) = org(id) {
                    ties.push((o as u32, link));
                }
            };
            let link = OrgLink::new(a);
            for lead in &al.leads {
                tie(lead, OrgLink { lead: true, ..link });
            }
            for (m, one) in al.members.iter().enumerate() {
                let member = m as u32;
                tie(&one.org, OrgLink { member, ..link });
            }
            for (x, absence) in al.absent.iter().enumerate() {
                let absent = x as u32;
                tie(&absence.org, OrgLink { absent, ..link });
            }
            for f in &al.focus {
                if let Some(f) = focus_ix.find(&kb.focus_areas, f) {
                    focus_pairs.push((a, f));
                }
            }
            for (i, r) in al.related.iter().enumerate() {
                if let Some(b) = alliance(&r.alliance).filter(|&b| b != a) {
                    declared.push((a, (a, i)));
                    declared.push((b, (a, i)));
                }
            }
        }
        // One link per pair, in place: the first of a run takes in the others.
        ties.sort_unstable_by_key(|(o, l)| (*o, l.alliance));
        ties.dedup_by(|next, kept| {
            let same = next.0 == kept.0 && next.1.alliance == kept.1.alliance;
            if same {
                let (k, n) = (&mut kept.1, next.1);
                k.lead |= n.lead;
                k.member = k.member.min(n.member);
                k.absent = k.absent.min(n.absent);
            }
            same
        });
        // Leads first, then memberships, then absences.
        ties.sort_unstable_by_key(|(o, l)| {
            (*o, !l.lead, l.member == NONE, l.absent != NONE, l.alliance)
        });
        let org_links = Table::new(n_orgs, ties);

        let alliance_focus = Table::new(n_alliances, focus_pairs.clone());
        let focus_alliances = Table::new(
            kb.focus_areas.len(),
            focus_pairs.into_iter().map(|(a, f)| (f, a)).collect(),
        );
        let declared = Table::new(n_alliances, declared);

        let mut child_pairs = Vec::new();
        let mut parent_pairs = Vec::new();
        for (o, o_org) in kb.organizations.iter().enumerate() {
            if let Some(p) = o_org.parent.as_deref().and_then(|p| org(p)) {
                child_pairs.push((p, o));
                parent_pairs.push((o, p));
            }
        }
        let children = Sparse::new(child_pairs);
        let parent_of = Sparse::new(parent_pairs);
        let mut artifact_pairs = Vec::new();
        for (t, artifact) in kb.artifacts.iter().enumerate() {
            for origin in &artifact.origin {
                if let Some(o) = org(origin) {
                    artifact_pairs.push((o, t));
                }
            }
        }
        let artifacts_of = Sparse::new(artifact_pairs);
        let mut alliance_org = vec![None; n_alliances];
        for (o, o_org) in kb.organizations.iter().enumerate() {
            if let Some(a) = o_org.alliance.as_deref().and_then(|a| alliance(a)) {
                alliance_org[a].get_or_insert(o);
            }
        }
        Index {
            alliance_ix,
            org_ix,
            focus_ix,
            artifact_ix,
            source_ix,
            org_links,
            declared,
            focus_alliances,
            alliance_focus,
            children,
            parent_of,
            artifacts_of,
            alliance_org,
        }
    }

    /// The position of the alliance with this id in `kb` (the knowledge base the index was
    /// built from; so for every lookup).
    pub fn alliance(&self, kb: &Kb, id: &str) -> Option<Ix> {
        self.alliance_ix.find(&kb.alliances, id)
    }

    pub fn org(&self, kb: &Kb, id: &str) -> Option<Ix> {
        self.org_ix.find(&kb.organizations, id)
    }

    pub fn focus(&self, kb: &Kb, id: &str) -> Option<Ix> {
        self.focus_ix.find(&kb.focus_areas, id)
    }

    pub fn artifact(&self, kb: &Kb, id: &str) -> Option<Ix> {
        self.artifact_ix.find(&kb.artifacts, id)
    }

    pub fn source(&self, kb: &Kb, id: &str) -> Option<Ix> {
        self.source_ix.find(&kb.sources, id)
    }

    /// The position of the entity of `kind` with this id.
    pub fn find(&self, kb: &Kb, kind: EntityKind, id: &str) -> Option<Ix> {
        match kind {
            EntityKind::Alliance => self.alliance(kb, id),
            EntityKind::Org => self.org(kb, id),
            EntityKind::Focus => self.focus(kb, id),
            EntityKind::Artifact => self.artifact(kb, id),
        }
    }

    /// The organisation's parent, resolved.
    pub fn parent_of(&self, org: Ix) -> Option<Ix> {
        self.parent_of.row(org).first().copied()
    }

    /// Every alliance the organisation leads, belongs to or is notably absent from: leads
    /// first, then memberships, then absences.
    pub fn org_links(&self, org: Ix) -> &[OrgLink] {
        self.org_links.row(org)
    }

    /// The declared links that touch an alliance, on either side, as (the declaring alliance,
    /// its `related` entry).
    pub fn declared(&self, alliance: Ix) -> &[(Ix, Ix)] {
        self.declared.row(alliance)
    }

    /// Alliances working on the focus area, in knowledge-base order.
    pub fn focus_alliances(&self, focus: Ix) -> &[Ix] {
        self.focus_alliances.row(focus)
    }

    /// The alliance's focus areas, resolved.
    pub fn alliance_focus(&self, alliance: Ix) -> &[Ix] {
        self.alliance_focus.row(alliance)
    }

    /// Organisations whose parent is `org`.
    pub fn children(&self, org: Ix) -> &[Ix] {
        self.children.row(org)
    }

    /// Artifacts that `org` is an origin of.
    pub fn artifacts_of(&self, org: Ix) -> &[Ix] {
        self.artifacts_of.row(org)
    }

    /// The organisation that is this alliance (the Partnership on AI is both).
    pub fn alliance_org(&self, alliance: Ix) -> Option<Ix> {
        self.alliance_org.get(alliance).copied().flatten()
    }

    /// Related alliances, strongest link first, each with every reason: computed when asked,
    /// from the alliance's own ties, so the cost follows its size, not the knowledge base's.
    pub fn related(&self, kb: &Kb, a: Ix) -> Vec<Relation> {
        related(self, kb, a)
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
            .any(|l| l.alliance() == alliance && l.belongs())
    }

    /// Number of members of an alliance (leads not listed as members are not counted).
    pub fn member_count(&self, kb: &Kb, alliance: Ix) -> usize {
        kb.alliances.get(alliance).map_or(0, |a| a.members.len())
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// A focus area shared by more alliances than this is a theme, not a link between two of
/// them: it is left out of the reasons.
pub const FOCUS_LINK_LIMIT: usize = 50;

/// The alliances related to `a`, with every reason, strongest first.
fn related(ix: &Index, kb: &Kb, a: Ix) -> Vec<Relation> {
    let mut shared: HashMap<Ix, Shared> = HashMap::new();
    // The links of an organisation to the alliances other than `a` it leads or belongs to.
    let elsewhere = |o: Ix| {
        ix.org_links(o)
            .iter()
            .filter(move |l| l.belongs() && l.alliance() != a)
    };
    for &(from, i) in ix.declared(a) {
        let other = if from == a {
            kb.alliances[from]
                .related
                .get(i)
                .and_then(|r| ix.alliance(kb, &r.alliance))
        } else {
            Some(from)
        };
        if let Some(b) = other.filter(|&b| b != a) {
            shared.entry(b).or_default().declared.push((from, i));
        }
    }
    // The organisations that lead or belong to `a`.
    let Some(alliance) = kb.alliances.get(a) else {
        return Vec::new();
    };
    let mut own: Vec<Ix> = alliance
        .leads
        .iter()
        .map(|l| l.as_str())
        .chain(alliance.members.iter().map(|m| m.org.as_str()))
        .filter_map(|id| ix.org(kb, id))
        .collect();
    own.sort_unstable();
    own.dedup();
    for &o in &own {
        let here = ix.org_links(o).iter().find(|l| l.alliance() == a);
        let leads_here = here.is_some_and(|l| l.lead);
        for l in elsewhere(o) {
            let s = shared.entry(l.alliance()).or_default();
            if leads_here && l.lead {
                s.leads.push(o);
            } else {
                s.members.push(o);
            }
        }
        // A member that is itself an alliance.
        if let Some(b) = kb.organizations[o]
            .alliance
            .as_deref()
            .and_then(|b| ix.alliance(kb, b))
            && b != a
        {
            shared.entry(b).or_default().member_is_alliance.push((o, a));
        }
        // Organisations of one group, one in each alliance.
        let pairs = ix.parent_of(o).map(|p| (o, p)).into_iter();
        let pairs = pairs.chain(ix.children(o).iter().map(|&c| (c, o)));
        for (child, parent) in pairs {
            let other = if child == o { parent } else { child };
            for l in elsewhere(other) {
                let s = shared.entry(l.alliance()).or_default();
                s.affiliates.push((child, parent));
            }
        }
    }
    // This alliance, as an organisation, belongs to others.
    if let Some(o) = ix.alliance_org(a) {
        for l in elsewhere(o) {
            let s = shared.entry(l.alliance()).or_default();
            s.member_is_alliance.push((o, l.alliance()));
        }
    }
    for &f in ix.alliance_focus(a) {
        let sharing = ix.focus_alliances(f);
        if sharing.len() > FOCUS_LINK_LIMIT {
            continue;
        }
        for &b in sharing.iter().filter(|&&b| b != a) {
            shared.entry(b).or_default().focus.push(f);
        }
    }

    let by_name = |v: &mut Vec<Ix>| {
        v.sort_by(|x, y| kb.organizations[*x].name.cmp(&kb.organizations[*y].name));
        v.dedup();
    };
    let mut relations: Vec<Relation> = shared
        .into_iter()
        .map(|(b, mut s)| {
            let mut reasons = Vec::new();
            s.declared.sort_unstable();
            s.declared.dedup();
            for (from, index) in s.declared {
                reasons.push(Reason::Declared { from, index });
            }
            s.member_is_alliance.dedup();
            for (org, of) in s.member_is_alliance {
                reasons.push(Reason::MemberIsAlliance { org, of });
            }
            if !s.leads.is_empty() {
                by_name(&mut s.leads);
                reasons.push(Reason::SharedLeads(s.leads));
            }
            if !s.members.is_empty() {
                by_name(&mut s.members);
                reasons.push(Reason::SharedMembers(s.members));
            }
            if !s.affiliates.is_empty() {
                s.affiliates.sort_unstable();
                s.affiliates.dedup();
                reasons.push(Reason::Affiliates(s.affiliates));
            }
            if !s.focus.is_empty() {
                s.focus.dedup();
                reasons.push(Reason::SharedFocus(s.focus));
            }
            Relation {
                alliance: b,
                reasons,
            }
        })
        .collect();
    relations.sort_by(|x, y| {
        y.strength().cmp(&x.strength()).then_with(|| {
            kb.alliances[x.alliance]
                .name
                .cmp(&kb.alliances[y.alliance].name)
        })
    });
    relations
}

/// The label of an organisation's tie to an alliance: "lead · founding member",
/// "steering committee", "partner (unverified)", "absent: not a member".
pub fn link_label(kb: &Kb, link: &OrgLink) -> String {
    let mut parts = Vec::new();
    if link.lead {
        parts.push("lead".to_string());
    }
    let member = link
        .member()
        .and_then(|m| kb.alliances.get(link.alliance())?.members.get(m));
    if let Some(m) = member {
        if !(link.lead && m.role == Role::Lead) {
            parts.push(m.role.tie().to_string());
        }
        if m.status == crate::kb::Status::Unverified {
            parts.push("unverified".to_string());
        }
    }
    if link.absent().is_some() && member.is_none() && !link.lead {
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
        let ibm = ix.org(&kb, "ibm").unwrap();
        let labels: Vec<String> = ix
            .org_links(ibm)
            .iter()
            .map(|l| link_label(&kb, l))
            .collect();
        assert_eq!(labels, ["lead · founding member", "lead · member"]);
        let nvidia = ix.org(&kb, "nvidia").unwrap();
        let links = ix.org_links(nvidia);
        assert_eq!(links.len(), 2);
        assert_eq!(kb.alliances[links[0].alliance()].id, "lonely");
        assert_eq!(link_label(&kb, &links[1]), "absent: not a member");
    }

    #[test]
    fn related_alliances_carry_their_reasons_in_both_directions() {
        let kb = kb(KB);
        let ix = Index::new(&kb);
        let aia = ix.alliance(&kb, "aia").unwrap();
        let pai = ix.alliance(&kb, "pai").unwrap();
        let rel = &ix.related(&kb, aia)[0];
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
        assert_eq!(ix.related(&kb, pai)[0].alliance, aia);
    }

    #[test]
    fn affiliates_and_shared_focus_link_alliances() {
        let kb = kb(KB);
        let ix = Index::new(&kb);
        let aia = ix.alliance(&kb, "aia").unwrap();
        let gtaa = ix.alliance(&kb, "gtaa").unwrap();
        let rel = ix
            .related(&kb, gtaa)
            .into_iter()
            .find(|r| r.alliance == aia)
            .unwrap();
        let text: Vec<String> = rel.reasons.iter().map(|r| ix.describe(&kb, r)).collect();
        assert_eq!(
            text,
            [
                "same group: SB Intuitions belongs to SoftBank Corp.",
                "1 shared focus area: Safety",
            ]
        );
        assert!(
            ix.related(&kb, ix.alliance(&kb, "lonely").unwrap())
                .is_empty()
        );
    }

    #[test]
    fn focus_areas_and_children() {
        let kb = kb(KB);
        let ix = Index::new(&kb);
        let safety = ix.focus(&kb, "safety").unwrap();
        let names: Vec<&str> = ix
            .focus_alliances(safety)
            .iter()
            .map(|&a| kb.alliances[a].id.as_str())
            .collect();
        assert_eq!(names, ["aia", "gtaa"]);
        let softbank = ix.org(&kb, "softbank").unwrap();
        assert_eq!(
            ix.children(softbank),
            [ix.org(&kb, "sb-intuitions").unwrap()]
        );
        assert_eq!(
            ix.alliance_org(ix.alliance(&kb, "pai").unwrap()),
            ix.org(&kb, "pai-org")
        );
    }
}
