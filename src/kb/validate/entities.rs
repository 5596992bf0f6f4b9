//! The checks of each entity of a file: ids, names, references, codes, dates and addresses.

use super::{At, Checker, Finding, Target};
use crate::kb::{Alliance, Kb, LocalName};
use std::collections::{HashMap, HashSet};

impl Checker<'_, '_> {
    pub(super) fn file(&mut self, kb: &Kb) {
        for (i, a) in kb.alliances.iter().enumerate() {
            self.alliance(At::top("alliances", i), a);
        }
        for (i, o) in kb.organizations.iter().enumerate() {
            let at = At::top("organizations", i);
            self.id(at, &o.id);
            self.nonempty(at.field("name"), "name", &o.name);
            for (k, aka) in o.aka.iter().enumerate() {
                self.nonempty(at.item("aka", k), "other name", aka);
            }
            for (k, f) in o.formerly.iter().enumerate() {
                let fat = at.item("formerly", k);
                self.nonempty(fat.field("name"), "name", &f.name);
                self.date(fat.field("until"), f.until.as_ref());
                self.sources(fat, &f.sources);
            }
            if let Some(code) = &o.country {
                self.country(at.field("country"), code);
            }
            if let Some(site) = &o.website {
                self.url(at.field("website"), site);
            }
            if let Some(parent) = &o.parent {
                let pat = at.field("parent");
                if parent.org == o.id {
                    self.report(pat, format!("organization `{}` is its own parent", o.id));
                } else {
                    self.reference(pat.field("org"), &parent.org, Target::Organization);
                }
                self.period(pat, parent.since.as_ref(), parent.until.as_ref());
                self.sources(pat, &parent.sources);
            }
            if let Some(alliance) = &o.alliance {
                self.reference(at.field("alliance"), alliance, Target::Alliance);
            }
            self.sources(at, &o.sources);
        }
        for (i, f) in kb.focus_areas.iter().enumerate() {
            let at = At::top("focus_areas", i);
            self.id(at, &f.id);
            self.nonempty(at.field("name"), "name", &f.name);
            self.local_names(at, &f.names);
            self.sources(at, &f.sources);
        }
        for (i, a) in kb.artifacts.iter().enumerate() {
            let at = At::top("artifacts", i);
            self.id(at, &a.id);
            self.nonempty(at.field("name"), "name", &a.name);
            for (k, org) in a.origin.iter().enumerate() {
                self.reference(at.item("origin", k), org, Target::Organization);
            }
            self.date(at.field("released"), a.released.as_ref());
            self.sources(at, &a.sources);
        }
        for (i, s) in kb.sources.iter().enumerate() {
            let at = At::top("sources", i);
            self.id(at, &s.id);
            self.nonempty(at.field("title"), "title", &s.title);
            self.date(at.field("date"), s.date.as_ref());
            self.date(at.field("read"), s.read.as_ref());
            if let Some(url) = &s.url {
                self.url(at.field("url"), url);
            }
        }
    }

    fn alliance(&mut self, at: At<'_>, a: &Alliance) {
        self.id(at, &a.id);
        self.nonempty(at.field("name"), "name", &a.name);
        self.local_names(at, &a.names);
        self.date(at.field("founded"), a.founded.as_ref());
        if let Some(site) = &a.website {
            self.url(at.field("website"), site);
        }
        for (k, lead) in a.leads.iter().enumerate() {
            let lat = at.item("leads", k);
            self.reference(lat.field("org"), &lead.org, Target::Organization);
            self.period(lat, lead.since.as_ref(), lead.until.as_ref());
            self.sources(lat, &lead.sources);
        }
        self.members(at, a);
        let members: HashMap<&str, usize> = a
            .members
            .iter()
            .enumerate()
            .map(|(k, m)| (m.org.as_str(), k))
            .collect();
        let mut absent = HashSet::new();
        for (k, x) in a.absent.iter().enumerate() {
            let xat = at.item("absent", k);
            self.reference(xat.field("org"), &x.org, Target::Organization);
            self.date(xat.field("as_of"), x.as_of.as_ref());
            self.sources(xat, &x.sources);
            if let Some(&m) = members.get(x.org.as_str()) {
                self.out.push(Finding {
                    file: self.file,
                    path: xat.field("org").to_string(),
                    message: format!(
                        "`{}` is both a member of `{}` and listed as absent from it",
                        x.org, a.id
                    ),
                    see: Some((
                        self.file,
                        at.item("members", m).field("org").to_string(),
                        "member at",
                    )),
                });
            }
            if !absent.insert(x.org.as_str()) {
                self.report(
                    xat.field("org"),
                    format!("`{}` is listed twice as absent from `{}`", x.org, a.id),
                );
            }
        }
        let mut focus = HashSet::new();
        for (k, f) in a.focus.iter().enumerate() {
            let fat = at.item("focus", k);
            self.reference(fat, f, Target::FocusArea);
            if !focus.insert(f.as_str()) {
                self.report(fat, format!("focus area `{f}` is listed twice"));
            }
        }
        for (k, fact) in a.facts.iter().enumerate() {
            let fat = at.item("facts", k);
            self.nonempty(fat.field("text"), "text", &fact.text);
            self.date(fat.field("as_of"), fact.as_of.as_ref());
            self.sources(fat, &fact.sources);
        }
        for (k, o) in a.outputs.iter().enumerate() {
            let oat = at.item("outputs", k);
            self.nonempty(oat.field("title"), "title", &o.title);
            self.date(oat.field("date"), o.date.as_ref());
            self.sources(oat, &o.sources);
        }
        for (k, r) in a.related.iter().enumerate() {
            let rat = at.item("related", k);
            if r.alliance == a.id {
                self.report(
                    rat.field("alliance"),
                    format!("alliance `{}` is related to itself", a.id),
                );
            } else {
                self.reference(rat.field("alliance"), &r.alliance, Target::Alliance);
            }
            self.sources(rat, &r.sources);
        }
        for (k, c) in a.claims.iter().enumerate() {
            let cat = at.item("claims", k);
            self.sources(cat, &c.sources);
            if let Some(later) = &c.later {
                let lat = cat.field("later");
                self.date(lat.field("date"), Some(&later.date));
                self.nonempty(lat.field("text"), "text", &later.text);
                self.sources(lat, &later.sources);
            }
        }
        self.history(at, a);
        self.sources(at, &a.sources);
    }

    /// Each member entry; an organisation listed twice must be so for periods that do not
    /// overlap (a role that changed, a return).
    fn members(&mut self, at: At<'_>, a: &Alliance) {
        let mut seen: HashMap<&str, Vec<usize>> = HashMap::with_capacity(a.members.len());
        for (k, m) in a.members.iter().enumerate() {
            let mat = at.item("members", k);
            self.reference(mat.field("org"), &m.org, Target::Organization);
            self.period(mat, m.since.as_ref(), m.until.as_deref());
            self.sources(mat, &m.sources);
            let earlier = seen.entry(&m.org).or_default();
            let overlapping = earlier.iter().copied().find(|&e| {
                let o = &a.members[e];
                let dated = o.until.is_some() || m.until.is_some();
                !dated || super::time::overlap(o, m)
            });
            if let Some(first) = overlapping {
                let dated = a.members[first].until.is_some() || m.until.is_some();
                let message = if dated {
                    format!(
                        "`{}` is listed twice as a member of `{}` for periods that overlap",
                        m.org, a.id
                    )
                } else {
                    format!("`{}` is listed twice as a member of `{}`", m.org, a.id)
                };
                self.out.push(Finding {
                    file: self.file,
                    path: mat.field("org").to_string(),
                    message,
                    see: Some((
                        self.file,
                        at.item("members", first).field("org").to_string(),
                        "first listed at",
                    )),
                });
            }
            earlier.push(k);
        }
    }

    fn local_names(&mut self, at: At<'_>, names: &[LocalName]) {
        for (k, n) in names.iter().enumerate() {
            let nat = at.item("names", k);
            self.nonempty(nat.field("name"), "name", &n.name);
            let lang_ok = n.lang.len() == 2 && n.lang.bytes().all(|b| b.is_ascii_lowercase());
            if !lang_ok {
                self.report(
                    nat.field("lang"),
                    format!(
                        "malformed language code {:?}: expected a two-letter ISO 639-1 code such as \"fr\"",
                        n.lang
                    ),
                );
            }
            self.sources(nat, &n.sources);
        }
    }
}
