//! Why two alliances are related: declared links, shared leads and members, organisations of
//! one group, shared focus areas; computed for one alliance at a time, as of a day.

use super::index::{Index, Ix};
use super::{Day, Kb};
use std::collections::HashMap;

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

/// The reason in words.
pub fn describe(kb: &Kb, reason: &Reason) -> String {
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

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// A focus area shared by more alliances than this is a theme, not a link between two of
/// them: it is left out of the reasons.
pub const FOCUS_LINK_LIMIT: usize = 50;

/// The alliances related to `a`, with every reason, strongest first.
pub(super) fn related(ix: &Index, kb: &Kb, a: Ix, day: Day) -> Vec<Relation> {
    let mut shared: HashMap<Ix, Shared> = HashMap::new();
    // The links of an organisation to the alliances other than `a` it leads or belongs to.
    let elsewhere = |o: Ix| {
        ix.org_links(o)
            .iter()
            .filter(move |l| l.alliance() != a && l.holds_on(kb, day))
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
    let founded = alliance.founded.as_ref();
    let mut own: Vec<Ix> = alliance
        .leads
        .iter()
        .filter(|l| l.held_on(founded, day))
        .map(|l| l.org.as_str())
        .chain(
            alliance
                .members
                .iter()
                .filter(|m| m.held_on(founded, day))
                .map(|m| m.org.as_str()),
        )
        .filter_map(|id| ix.org(kb, id))
        .collect();
    if !alliance.founded_by(day) {
        own.clear();
    }
    own.sort_unstable();
    own.dedup();
    for &o in &own {
        let leads_here = ix
            .org_links(o)
            .iter()
            .any(|l| l.alliance() == a && l.leads_on(kb, day));
        for l in elsewhere(o) {
            let s = shared.entry(l.alliance()).or_default();
            if leads_here && l.leads_on(kb, day) {
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
        let pairs = ix.parent_on(kb, o, day).map(|p| (o, p)).into_iter();
        let pairs = pairs.chain(ix.children_on(kb, o, day).map(|c| (c, o)));
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
