//! Lookups derived from a validated knowledge base: ids to positions, organisation to
//! alliances, alliance to related alliances (each link with its reasons), focus area to
//! alliances. Built once after loading; immutable afterwards.

use super::ids::Positions;
pub use super::related::{Reason, Relation};
use super::{Day, EntityKind, Kb, Role};

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
    /// How many claims of the article come before each alliance's, in alliance order (so the
    /// claims are numbered across the knowledge base), then their total.
    claims_before: Vec<u32>,
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
/// An organisation listed twice among an alliance's members (a role that changed, a return)
/// has a link per entry; its lead and absence go with the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgLink {
    alliance: u32,
    member: u32,
    absent: u32,
    lead: u32,
}

impl OrgLink {
    fn new(alliance: Ix) -> Self {
        OrgLink {
            alliance: alliance as u32,
            member: NONE,
            absent: NONE,
            lead: NONE,
        }
    }

    pub fn alliance(&self) -> Ix {
        self.alliance as Ix
    }

    /// Named among the alliance's leads (at some time).
    pub fn lead(&self) -> bool {
        self.lead != NONE
    }

    /// Position in the alliance's `leads`.
    pub fn lead_entry(&self) -> Option<Ix> {
        some(self.lead)
    }

    /// Position in the alliance's `members`.
    pub fn member(&self) -> Option<Ix> {
        some(self.member)
    }

    /// Position in the alliance's `absent`.
    pub fn absent(&self) -> Option<Ix> {
        some(self.absent)
    }

    /// Leads or belongs to the alliance, at some time (not only absent from it).
    pub fn belongs(&self) -> bool {
        self.lead != NONE || self.member != NONE
    }

    /// Leads the alliance on `day`.
    pub fn leads_on(&self, kb: &Kb, day: Day) -> bool {
        let Some(a) = kb.alliances.get(self.alliance()) else {
            return false;
        };
        self.lead_entry()
            .and_then(|l| a.leads.get(l))
            .is_some_and(|l| a.founded_by(day) && l.held_on(a.founded.as_ref(), day))
    }

    /// Is a member of the alliance on `day`.
    pub fn member_on(&self, kb: &Kb, day: Day) -> bool {
        let Some(a) = kb.alliances.get(self.alliance()) else {
            return false;
        };
        self.member()
            .and_then(|m| a.members.get(m))
            .is_some_and(|m| a.founded_by(day) && m.held_on(a.founded.as_ref(), day))
    }

    /// Leads or belongs to the alliance on `day`.
    pub fn holds_on(&self, kb: &Kb, day: Day) -> bool {
        self.leads_on(kb, day) || self.member_on(kb, day)
    }
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
            for (k, lead) in al.leads.iter().enumerate() {
                let lead_at = k as u32;
                tie(
                    &lead.org,
                    OrgLink {
                        lead: lead_at,
                        ..link
                    },
                );
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
        // One link per pair and member entry, in place: leads and absences (sorted before the
        // member entries) are taken in by the first entry; further entries stay links of their
        // own.
        ties.sort_unstable_by_key(|(o, l)| (*o, l.alliance, l.member != NONE, l.member));
        ties.dedup_by(|next, kept| {
            let (k, n) = (&mut kept.1, next.1);
            let merge = next.0 == kept.0
                && n.alliance == k.alliance
                && (k.member == NONE || n.member == NONE);
            if merge {
                k.lead = k.lead.min(n.lead);
                k.member = k.member.min(n.member);
                k.absent = k.absent.min(n.absent);
            }
            merge
        });
        // Leads first, then memberships, then absences.
        ties.sort_unstable_by_key(|(o, l)| {
            (
                *o,
                l.lead == NONE,
                l.member == NONE,
                l.absent != NONE,
                l.alliance,
                l.member,
            )
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
            if let Some(p) = o_org.parent.as_deref().and_then(|p| org(&p.org)) {
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
        let mut claims_before = Vec::with_capacity(n_alliances + 1);
        let mut claims = 0u32;
        for al in &kb.alliances {
            claims_before.push(claims);
            claims = claims.saturating_add(al.claims.len() as u32);
        }
        claims_before.push(claims);
        Index {
            claims_before,
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

    /// The organisation's parent on `day` (an acquired company has one from its acquisition).
    pub fn parent_on(&self, kb: &Kb, org: Ix, day: Day) -> Option<Ix> {
        let tie = kb.organizations.get(org)?.parent.as_deref()?;
        self.parent_of(org).filter(|_| tie.held_on(None, day))
    }

    /// Organisations whose parent is `org` on `day`.
    pub fn children_on<'a>(
        &'a self,
        kb: &'a Kb,
        org: Ix,
        day: Day,
    ) -> impl Iterator<Item = Ix> + 'a {
        self.children(org)
            .iter()
            .copied()
            .filter(move |&c| self.parent_on(kb, c, day).is_some())
    }

    /// Artifacts that `org` is an origin of.
    pub fn artifacts_of(&self, org: Ix) -> &[Ix] {
        self.artifacts_of.row(org)
    }

    /// The organisation that is this alliance (the Partnership on AI is both).
    pub fn alliance_org(&self, alliance: Ix) -> Option<Ix> {
        self.alliance_org.get(alliance).copied().flatten()
    }

    /// How many claims of the article the knowledge base checks, across its alliances.
    pub fn claim_count(&self) -> usize {
        self.claims_before.last().map_or(0, |&n| n as usize)
    }

    /// The `n`-th claim across the knowledge base: (its alliance, its position among the
    /// alliance's claims).
    pub fn claim(&self, n: usize) -> Option<(Ix, Ix)> {
        if n >= self.claim_count() {
            return None;
        }
        let n = n as u32;
        let a = self.claims_before.partition_point(|&before| before <= n) - 1;
        Some((a, (n - self.claims_before[a]) as Ix))
    }

    /// The number of the `c`-th claim of alliance `a` across the knowledge base.
    pub fn claim_number(&self, a: Ix, c: Ix) -> usize {
        self.claims_before
            .get(a)
            .map_or(0, |&before| before as usize + c)
    }

    /// Related alliances on `day`, strongest link first, each with every reason: computed
    /// when asked, from the alliance's own ties, so the cost follows its size, not the
    /// knowledge base's.
    pub fn related(&self, kb: &Kb, a: Ix, day: Day) -> Vec<Relation> {
        super::related::related(self, kb, a, day)
    }

    /// The reason in words.
    pub fn describe(&self, kb: &Kb, reason: &Reason) -> String {
        super::related::describe(kb, reason)
    }
}

/// The label of an organisation's tie to an alliance on `day`: "lead · founding member",
/// "steering committee · until 2020-07", "member · from 2024-02-08", "partner · unverified",
/// "absent: not a member".
pub fn link_label(kb: &Kb, link: &OrgLink, day: Day) -> String {
    let mut parts: Vec<String> = Vec::new();
    let Some(a) = kb.alliances.get(link.alliance()) else {
        return String::new();
    };
    let founded = a.founded.as_ref();
    // When a tie is not the day's: it ended before, or starts after.
    let when = |since: Option<&super::Date>, until: Option<&super::Date>| -> Option<String> {
        if super::time::ended_by(until, day) {
            return until.map(|u| format!("until {u}"));
        }
        let starts = since.or(founded);
        (!super::time::holds(starts, until, day) || !a.founded_by(day))
            .then(|| starts.map_or_else(|| "later".to_string(), |s| format!("from {s}")))
    };
    let lead = link.lead_entry().and_then(|l| a.leads.get(l));
    let member = link.member().and_then(|m| a.members.get(m));
    if lead.is_some() {
        parts.push("lead".to_string());
    }
    if let Some(m) = member
        && !(lead.is_some() && m.role == Role::Lead)
    {
        parts.push(m.role.tie().to_string());
    }
    // The membership's dates, or the lead's when it is not a member.
    let timing = match (member, lead) {
        (Some(m), _) => when(m.since.as_ref(), m.until.as_deref()),
        (None, Some(l)) => when(l.since.as_ref(), l.until.as_ref()),
        (None, None) => None,
    };
    parts.extend(timing);
    if member.is_some_and(|m| m.status == crate::kb::Status::Unverified) {
        parts.push("unverified".to_string());
    }
    if link.absent().is_some() && member.is_none() && lead.is_none() {
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
            .map(|l| link_label(&kb, l, Day::ARTICLE))
            .collect();
        assert_eq!(labels, ["lead · founding member", "lead · member"]);
        let nvidia = ix.org(&kb, "nvidia").unwrap();
        let links = ix.org_links(nvidia);
        assert_eq!(links.len(), 2);
        assert_eq!(kb.alliances[links[0].alliance()].id, "lonely");
        assert_eq!(
            link_label(&kb, &links[1], Day::ARTICLE),
            "absent: not a member"
        );
    }

    #[test]
    fn related_alliances_carry_their_reasons_in_both_directions() {
        let kb = kb(KB);
        let ix = Index::new(&kb);
        let aia = ix.alliance(&kb, "aia").unwrap();
        let pai = ix.alliance(&kb, "pai").unwrap();
        let rel = &ix.related(&kb, aia, Day::ARTICLE)[0];
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
        assert_eq!(ix.related(&kb, pai, Day::ARTICLE)[0].alliance, aia);
    }

    #[test]
    fn affiliates_and_shared_focus_link_alliances() {
        let kb = kb(KB);
        let ix = Index::new(&kb);
        let aia = ix.alliance(&kb, "aia").unwrap();
        let gtaa = ix.alliance(&kb, "gtaa").unwrap();
        let rel = ix
            .related(&kb, gtaa, Day::ARTICLE)
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
            ix.related(&kb, ix.alliance(&kb, "lonely").unwrap(), Day::ARTICLE)
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
