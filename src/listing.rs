//! The lists of the whole field: every alliance, organisation, focus area or claim of the
//! article, narrowed by a filter (typed text and field terms such as `country:de`) and put in
//! an order, as of a day. The explorer's views and the `orgs` and `claims` commands share them,
//! so both answer a question the same way.
//!
//! A row is a position: of an entity in its collection, or of a claim among all the claims of
//! the knowledge base (see [`Index::claim`]).

pub mod columns;
pub mod filter;
pub mod order;

use crate::kb::{Day, Entity, EntityKind, Index, Ix, Kb, Role};
pub use filter::{Filter, FilterError};
pub use order::{Order, SortKey};

/// Which list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Listing {
    Alliances,
    Organizations,
    FocusAreas,
    Claims,
}

impl Listing {
    /// `Organisations`, as a view's tab and a pane's title say it.
    pub fn label(self) -> &'static str {
        match self {
            Listing::Alliances => "Alliances",
            Listing::Organizations => "Organisations",
            Listing::FocusAreas => "Focus areas",
            Listing::Claims => "Claims",
        }
    }

    /// `organisation`, `claim`: one row in words.
    pub fn one(self) -> &'static str {
        match self {
            Listing::Alliances => "alliance",
            Listing::Organizations => "organisation",
            Listing::FocusAreas => "focus area",
            Listing::Claims => "claim",
        }
    }

    /// The kind of entity its rows are (a claim is none).
    pub fn kind(self) -> Option<EntityKind> {
        match self {
            Listing::Alliances => Some(EntityKind::Alliance),
            Listing::Organizations => Some(EntityKind::Org),
            Listing::FocusAreas => Some(EntityKind::Focus),
            Listing::Claims => None,
        }
    }

    /// How many rows it has before any filter.
    pub fn total(self, kb: &Kb, index: &Index) -> usize {
        match self.kind() {
            Some(kind) => kind.count(kb),
            None => index.claim_count(),
        }
    }
}

/// The knowledge base as a list shows it: its data, its index, the day it is as of.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    pub kb: &'a Kb,
    pub index: &'a Index,
    pub day: Day,
}

impl Scope<'_> {
    /// The entity a row is, or the alliance a claim is about.
    pub fn entity(&self, listing: Listing, row: u32) -> Option<Entity> {
        let row = row as usize;
        match listing.kind() {
            Some(kind) => Some(Entity::new(kind, row)).filter(|e| e.exists(self.kb)),
            None => self.index.claim(row).map(|(a, _)| Entity::Alliance(a)),
        }
    }

    /// How many alliances an organisation leads or belongs to on the day.
    pub fn alliance_count(&self, o: Ix) -> usize {
        let mut seen: smallvec::SmallVec<[Ix; 8]> = smallvec::SmallVec::new();
        for l in self.index.org_links(o) {
            if !seen.contains(&l.alliance()) && l.holds_on(self.kb, self.day) {
                seen.push(l.alliance());
            }
        }
        seen.len()
    }

    /// The alliances an organisation leads or belongs to on the day, each once.
    pub fn alliances_of(&self, o: Ix) -> Vec<Ix> {
        let mut alliances: Vec<Ix> = self
            .index
            .org_links(o)
            .iter()
            .filter(|l| l.holds_on(self.kb, self.day))
            .map(|l| l.alliance())
            .collect();
        alliances.dedup();
        alliances
    }

    /// An organisation's strongest tie on the day, in words (`lead`, `founding member`…), and
    /// its rank (lower is stronger).
    pub fn strongest_tie(&self, o: Ix) -> Option<(usize, &'static str)> {
        self.index
            .org_links(o)
            .iter()
            .filter_map(|l| {
                if l.leads_on(self.kb, self.day) {
                    return Some((0, "lead"));
                }
                let m = l
                    .member()
                    .filter(|_| l.member_on(self.kb, self.day))
                    .and_then(|m| self.kb.alliances[l.alliance()].members.get(m))?;
                let rank = Role::ALL.iter().position(|&r| r == m.role).unwrap_or(0) + 1;
                Some((rank, m.role.tie()))
            })
            .min_by_key(|&(rank, _)| rank)
            .or_else(|| self.former_tie(o))
    }

    /// `former lead` or `former member`, for an organisation with no tie on the day but one
    /// that ended before it; ranked below every tie that holds.
    fn former_tie(&self, o: Ix) -> Option<(usize, &'static str)> {
        let links = self.index.org_links(o);
        let ended = |until: Option<&crate::kb::Date>| crate::kb::time::ended_by(until, self.day);
        let led = links.iter().any(|l| {
            let a = &self.kb.alliances[l.alliance()];
            l.lead_entry()
                .and_then(|e| a.leads.get(e))
                .is_some_and(|t| ended(t.until.as_ref()))
        });
        let member = links.iter().any(|l| {
            let a = &self.kb.alliances[l.alliance()];
            l.member()
                .and_then(|m| a.members.get(m))
                .is_some_and(|m| ended(m.until.as_deref()))
        });
        let rank = Role::ALL.len() + 1;
        if led {
            Some((rank, "former lead"))
        } else if member {
            Some((rank + 1, "former member"))
        } else {
            None
        }
    }

    /// Whether what the knowledge base says of an organisation is unverified: its own record,
    /// or each of its ties on the day (the "probable" members of an alliance).
    pub fn org_unverified(&self, o: Ix) -> bool {
        let Some(org) = self.kb.organizations.get(o) else {
            return false;
        };
        if org.status.is_unverified() {
            return true;
        }
        let mut ties = self
            .index
            .org_links(o)
            .iter()
            .filter(|l| l.member_on(self.kb, self.day))
            .filter_map(|l| self.kb.alliances[l.alliance()].members.get(l.member()?))
            .peekable();
        ties.peek().is_some() && ties.all(|m| m.status.is_unverified())
    }

    /// The alliances working on a focus area.
    pub fn alliances_on(&self, f: Ix) -> &[Ix] {
        self.index.focus_alliances(f)
    }
}

/// The rows of `listing` that `filter` keeps, in `order`. `text_hits`, when the filter has
/// text, are the rows whose names match it (found by the caller with the search, which knows
/// how to narrow a growing query); claims match text by themselves. `ranks` are the listing's
/// [`order::name_ranks`], when the caller keeps them.
pub fn rows(
    scope: &Scope,
    listing: Listing,
    filter: &Filter,
    order: Order,
    text_hits: Option<&[u32]>,
    ranks: Option<&[u32]>,
) -> Vec<u32> {
    let total = listing.total(scope.kb, scope.index) as u32;
    let mut rows: Vec<u32> = match text_hits {
        Some(hits) if listing.kind().is_some() && !filter.text.is_empty() => {
            let mut hits = hits.to_vec();
            hits.sort_unstable();
            hits.dedup();
            hits
        }
        _ => (0..total).collect(),
    };
    rows.retain(|&row| filter.keeps(scope, listing, row));
    order.sort(scope, listing, &mut rows, ranks);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::{TEST_DAY, embedded};

    #[test]
    fn claims_are_numbered_across_alliances() {
        let (kb, index) = embedded();
        let n = index.claim_count();
        assert_eq!(
            n,
            kb.alliances.iter().map(|a| a.claims.len()).sum::<usize>()
        );
        for k in 0..n {
            let (a, c) = index.claim(k).unwrap();
            assert!(c < kb.alliances[a].claims.len());
            assert_eq!(index.claim_number(a, c), k);
        }
        assert_eq!(index.claim(n), None);
    }

    #[test]
    fn the_strongest_tie_of_an_organisation_is_its_lead() {
        let (kb, index) = embedded();
        let scope = Scope {
            kb: &kb,
            index: &index,
            day: TEST_DAY,
        };
        let ibm = index.org(&kb, "ibm").unwrap();
        assert_eq!(scope.strongest_tie(ibm).map(|t| t.1), Some("lead"));
        assert!(scope.alliances_of(ibm).len() >= 2);
        let nvidia = index.org(&kb, "nvidia").unwrap();
        assert_eq!(
            scope.alliances_of(nvidia).len(),
            1,
            "absent from the AI Alliance"
        );
    }
}
