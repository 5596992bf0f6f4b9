//! Whether every reference of a knowledge base resolves: the quick check of what is read from
//! the cache. (Validation checks the same with the place of each reference, and far more; a
//! cache entry was validated when written, so only what damage or tampering would break is
//! checked again.)

use super::{Kb, Str};
use hashbrown::HashSet;
use xxhash_rust::xxh3::xxh3_64;

/// The ids of a collection, by their 64-bit digests: compact and read in order, so that a
/// million lookups stay in a few megabytes. (Two ids sharing a digest is a chance of about one
/// in 10^13 at a million ids; this check is for damage, not proof.)
struct Ids(HashSet<u64, Digested>);

impl Ids {
    fn of<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> Self {
        let mut set = HashSet::with_capacity_and_hasher(ids.len(), Digested);
        set.extend(ids.map(|id| xxh3_64(id.as_bytes())));
        Ids(set)
    }

    fn has(&self, id: &str) -> bool {
        self.0.contains(&xxh3_64(id.as_bytes()))
    }
}

/// The set's keys are digests already: they are their own hash.
#[derive(Clone, Copy, Default)]
struct Digested;

impl std::hash::BuildHasher for Digested {
    type Hasher = Digest;
    fn build_hasher(&self) -> Digest {
        Digest(0)
    }
}

#[derive(Default)]
struct Digest(u64);

impl std::hash::Hasher for Digest {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The first reference that names nothing, as `kind id`, if there is one.
pub fn dangling(kb: &Kb) -> Option<String> {
    let orgs = Ids::of(kb.organizations.iter().map(|o| o.id.as_str()));
    let alliances = Ids::of(kb.alliances.iter().map(|a| a.id.as_str()));
    let focus = Ids::of(kb.focus_areas.iter().map(|f| f.id.as_str()));
    let sources = Ids::of(kb.sources.iter().map(|s| s.id.as_str()));
    let org = |id: &str| orgs.has(id);
    let alliance = |id: &str| alliances.has(id);
    let source = |id: &str| sources.has(id);
    let missing = |what: &str, id: &str| Some(format!("{what} {id}"));
    let all_sources = |list: &[Str]| list.iter().find(|s| !source(s)).cloned();
    let check_sources = |list: &[Str]| all_sources(list).and_then(|s| missing("source", &s));
    for a in &kb.alliances {
        let orgs_named = a
            .leads
            .iter()
            .map(|l| (&l.org, &l.sources[..]))
            .chain(a.members.iter().map(|m| (&m.org, &m.sources[..])))
            .chain(a.absent.iter().map(|x| (&x.org, &x.sources[..])));
        for (id, list) in orgs_named {
            if !org(id) {
                return missing("organization", id);
            }
            if let Some(s) = check_sources(list) {
                return Some(s);
            }
        }
        if let Some(f) = a.focus.iter().find(|f| !focus.has(f)) {
            return missing("focus area", f);
        }
        for r in &a.related {
            if !alliance(&r.alliance) {
                return missing("alliance", &r.alliance);
            }
        }
        for e in &a.history {
            if let Some(s) = e.successor.as_deref().filter(|s| !alliance(s)) {
                return missing("alliance", s);
            }
        }
        let lists = [&a.sources[..]]
            .into_iter()
            .chain(a.names.iter().map(|n| &n.sources[..]))
            .chain(a.facts.iter().map(|f| &f.sources[..]))
            .chain(a.outputs.iter().map(|o| &o.sources[..]))
            .chain(a.related.iter().map(|r| &r.sources[..]))
            .chain(a.claims.iter().map(|c| &c.sources[..]))
            .chain(
                a.claims
                    .iter()
                    .filter_map(|c| c.later.as_ref())
                    .map(|l| &l.sources[..]),
            )
            .chain(a.standing.iter().map(|s| &s.sources[..]))
            .chain(a.history.iter().map(|e| &e.sources[..]));
        for list in lists {
            if let Some(s) = check_sources(list) {
                return Some(s);
            }
        }
    }
    for o in &kb.organizations {
        if let Some(p) = o.parent.as_ref().filter(|p| !org(&p.org)) {
            return missing("organization", &p.org);
        }
        if let Some(a) = o.alliance.as_deref().filter(|a| !alliance(a)) {
            return missing("alliance", a);
        }
        let lists = [&o.sources[..]]
            .into_iter()
            .chain(o.parent.iter().map(|p| &p.sources[..]))
            .chain(o.formerly.iter().map(|f| &f.sources[..]));
        for list in lists {
            if let Some(s) = check_sources(list) {
                return Some(s);
            }
        }
    }
    for f in &kb.focus_areas {
        let lists = [&f.sources[..]]
            .into_iter()
            .chain(f.names.iter().map(|n| &n.sources[..]));
        for list in lists {
            if let Some(s) = check_sources(list) {
                return Some(s);
            }
        }
    }
    for a in &kb.artifacts {
        if let Some(o) = a.origin.iter().find(|o| !org(o)) {
            return missing("organization", o);
        }
        if let Some(s) = check_sources(&a.sources) {
            return Some(s);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_knowledge_base_has_none_a_broken_reference_is_named() {
        let kb = crate::kb::load_embedded().unwrap();
        assert_eq!(dangling(&kb), None);
        // Each kind of reference, broken on its own.
        type Breaking = (&'static str, fn(&mut Kb));
        let broken: [Breaking; 9] = [
            ("organization x", |kb| {
                kb.alliances[0].members[0].org = "x".into()
            }),
            ("organization x", |kb| {
                kb.alliances[0].leads[0].org = "x".into()
            }),
            ("focus area x", |kb| kb.alliances[0].focus[0] = "x".into()),
            ("source x", |kb| {
                kb.alliances[0].claims[0].sources[0] = "x".into()
            }),
            ("source x", |kb| kb.focus_areas[0].sources.push("x".into())),
            ("source x", |kb| kb.artifacts[0].sources.push("x".into())),
            ("organization x", |kb| {
                kb.artifacts[0].origin.push("x".into())
            }),
            ("source x", |kb| {
                let o = kb
                    .organizations
                    .iter_mut()
                    .find(|o| o.parent.is_some())
                    .unwrap();
                o.parent.as_mut().unwrap().sources.push("x".into());
            }),
            ("source x", |kb| {
                let a = kb
                    .alliances
                    .iter_mut()
                    .find(|a| a.standing.is_some())
                    .unwrap();
                a.standing.as_mut().unwrap().sources.push("x".into());
            }),
        ];
        for (i, (said, break_it)) in broken.iter().enumerate() {
            let mut kb = kb.clone();
            break_it(&mut kb);
            assert_eq!(dangling(&kb).as_deref(), Some(*said), "case {i}");
        }
    }
}
