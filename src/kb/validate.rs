//! Referential integrity and well-formedness of a knowledge base, across all its files.
//!
//! Every problem is collected, not just the first. A check names the value it is about by its
//! path in the file (`alliances[0].members[3].org`); positions are looked up only for the files
//! that have problems.

use super::ids::IdTable;
use super::locate::{Pos, locate};
use super::parsed::ParsedFile;
use super::problem::Problem;
use super::{Date, Kb, country};
use crate::suggest;
use std::collections::{HashMap, HashSet};

/// Every problem in `files`. Cross-file references are checked only when `complete` (all the
/// knowledge base's files parsed), since a reference into a broken file would look unknown.
pub fn validate(files: &[ParsedFile], complete: bool) -> Vec<Problem> {
    let ids = Ids::collect(files);
    let mut findings = ids.duplicates.clone();
    let mut hints = HINTS;
    for (f, file) in files.iter().enumerate() {
        let mut check = Checker {
            file: f,
            ids: &ids,
            refs: complete,
            hints: &mut hints,
            out: &mut findings,
        };
        check.file(&file.kb);
    }
    resolve(files, findings)
}

/// Unknown references that get a "did you mean" (each costs a pass over the ids).
const HINTS: usize = 100;

/// A problem before its position is known.
#[derive(Debug, Clone)]
struct Finding {
    file: usize,
    path: String,
    message: String,
    /// A second place to mention ("first defined at …").
    see: Option<(usize, String, &'static str)>,
}

/// Where a value sits in its file, as `alliances[0].members[3].org`: built as the checks
/// descend, spelled out only for a problem.
#[derive(Clone, Copy)]
enum At<'p> {
    Item(Option<&'p At<'p>>, &'static str, usize),
    Field(&'p At<'p>, &'static str),
}

impl<'p> At<'p> {
    fn top(collection: &'static str, index: usize) -> At<'static> {
        At::Item(None, collection, index)
    }

    fn item(&'p self, list: &'static str, index: usize) -> At<'p> {
        At::Item(Some(self), list, index)
    }

    fn field(&'p self, name: &'static str) -> At<'p> {
        At::Field(self, name)
    }
}

impl std::fmt::Display for At<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            At::Item(parent, list, index) => {
                if let Some(parent) = parent {
                    write!(f, "{parent}.")?;
                }
                write!(f, "{list}[{index}]")
            }
            At::Field(parent, name) => write!(f, "{parent}.{name}"),
        }
    }
}

/// A definition: the file and the position in its collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Loc {
    file: u32,
    index: u32,
}

/// The collections that define ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Collection {
    Alliances,
    Organizations,
    FocusAreas,
    Artifacts,
    Sources,
}

impl Collection {
    const ALL: [Collection; 5] = [
        Collection::Alliances,
        Collection::Organizations,
        Collection::FocusAreas,
        Collection::Artifacts,
        Collection::Sources,
    ];

    fn key(self) -> &'static str {
        match self {
            Collection::Alliances => "alliances",
            Collection::Organizations => "organizations",
            Collection::FocusAreas => "focus_areas",
            Collection::Artifacts => "artifacts",
            Collection::Sources => "sources",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Collection::Alliances => "alliance",
            Collection::Organizations => "organization",
            Collection::FocusAreas => "focus area",
            Collection::Artifacts => "artifact",
            Collection::Sources => "source",
        }
    }

    fn len(self, kb: &Kb) -> usize {
        match self {
            Collection::Alliances => kb.alliances.len(),
            Collection::Organizations => kb.organizations.len(),
            Collection::FocusAreas => kb.focus_areas.len(),
            Collection::Artifacts => kb.artifacts.len(),
            Collection::Sources => kb.sources.len(),
        }
    }

    fn id(self, kb: &Kb, index: usize) -> &str {
        match self {
            Collection::Alliances => &kb.alliances[index].id,
            Collection::Organizations => &kb.organizations[index].id,
            Collection::FocusAreas => &kb.focus_areas[index].id,
            Collection::Artifacts => &kb.artifacts[index].id,
            Collection::Sources => &kb.sources[index].id,
        }
    }
}

/// The ids one collection defines across all files (only positions: the ids stay in the files).
struct Defined<'a> {
    files: &'a [ParsedFile],
    collection: Collection,
    table: IdTable<Loc>,
}

impl<'a> Defined<'a> {
    fn id_at(&self, loc: Loc) -> &'a str {
        self.collection
            .id(&self.files[loc.file as usize].kb, loc.index as usize)
    }

    fn get(&self, id: &str) -> Option<Loc> {
        self.table.get(id, |l| self.id_at(l))
    }

    fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    fn ids(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.table.values().map(|l| self.id_at(l))
    }
}

/// The ids each collection defines, across all files, and the duplicates among them.
struct Ids<'a> {
    alliances: Defined<'a>,
    organizations: Defined<'a>,
    focus_areas: Defined<'a>,
    sources: Defined<'a>,
    duplicates: Vec<Finding>,
}

impl<'a> Ids<'a> {
    fn collect(files: &'a [ParsedFile]) -> Self {
        let mut duplicates = Vec::new();
        let mut define = |collection: Collection| {
            let total = files.iter().map(|f| collection.len(&f.kb)).sum();
            let mut defined = Defined {
                files,
                collection,
                table: IdTable::with_capacity(total),
            };
            for (file, f) in files.iter().enumerate() {
                for index in 0..collection.len(&f.kb) {
                    let id = collection.id(&f.kb, index);
                    let loc = Loc {
                        file: file as u32,
                        index: index as u32,
                    };
                    let key = |l: Loc| collection.id(&files[l.file as usize].kb, l.index as usize);
                    if let Err(first) = defined.table.insert(id, loc, key) {
                        let list = collection.key();
                        duplicates.push(Finding {
                            file,
                            path: format!("{list}[{index}].id"),
                            message: format!("duplicate {} id `{id}`", collection.label()),
                            see: Some((
                                first.file as usize,
                                format!("{list}[{}].id", first.index),
                                "first defined at",
                            )),
                        });
                    }
                }
            }
            defined
        };
        // Nothing refers to artifacts: their ids are only checked for repeats.
        let [alliances, organizations, focus_areas, _, sources] = Collection::ALL.map(&mut define);
        // Problems are reported file by file.
        duplicates.sort_by_key(|d| d.file);
        Ids {
            alliances,
            organizations,
            focus_areas,
            sources,
            duplicates,
        }
    }
}

struct Checker<'a, 'k> {
    file: usize,
    ids: &'a Ids<'k>,
    refs: bool,
    /// How many more unknown references get a suggestion.
    hints: &'a mut usize,
    out: &'a mut Vec<Finding>,
}

impl Checker<'_, '_> {
    fn report(&mut self, at: At<'_>, message: String) {
        self.out.push(Finding {
            file: self.file,
            path: at.to_string(),
            message,
            see: None,
        });
    }

    fn file(&mut self, kb: &Kb) {
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
            if let Some(code) = &o.country {
                self.country(at.field("country"), code);
            }
            if let Some(parent) = &o.parent {
                if parent.as_str() == o.id {
                    self.report(
                        at.field("parent"),
                        format!("organization `{}` is its own parent", o.id),
                    );
                } else {
                    self.reference(at.field("parent"), parent, Target::Organization);
                }
            }
            if let Some(alliance) = &o.alliance {
                self.reference(at.field("alliance"), alliance, Target::Alliance);
            }
            self.sources(at, &o.sources);
        }
        self.parent_cycles(kb);
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
        }
    }

    fn alliance(&mut self, at: At<'_>, a: &super::Alliance) {
        self.id(at, &a.id);
        self.nonempty(at.field("name"), "name", &a.name);
        self.local_names(at, &a.names);
        self.date(at.field("founded"), a.founded.as_ref());
        for (k, lead) in a.leads.iter().enumerate() {
            self.reference(at.item("leads", k), lead, Target::Organization);
        }
        let mut members: HashMap<&str, usize> = HashMap::with_capacity(a.members.len());
        for (k, m) in a.members.iter().enumerate() {
            let mat = at.item("members", k);
            self.reference(mat.field("org"), &m.org, Target::Organization);
            self.date(mat.field("since"), m.since.as_ref());
            self.sources(mat, &m.sources);
            if let Some(first) = members.insert(&m.org, k) {
                self.out.push(Finding {
                    file: self.file,
                    path: mat.field("org").to_string(),
                    message: format!("`{}` is listed twice as a member of `{}`", m.org, a.id),
                    see: Some((
                        self.file,
                        at.item("members", first).field("org").to_string(),
                        "first listed at",
                    )),
                });
            }
        }
        let mut absent = HashSet::new();
        for (k, x) in a.absent.iter().enumerate() {
            let xat = at.item("absent", k);
            self.reference(xat.field("org"), &x.org, Target::Organization);
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
            self.sources(at.item("claims", k), &c.sources);
        }
        self.sources(at, &a.sources);
    }

    fn local_names(&mut self, at: At<'_>, names: &[super::LocalName]) {
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

    fn id(&mut self, at: At<'_>, id: &str) {
        if !is_kebab_case(id) {
            self.report(
                at.field("id"),
                format!(
                    "malformed id {id:?}: expected kebab-case (lower-case letters and digits, joined by single hyphens), e.g. \"ai-alliance\""
                ),
            );
        }
    }

    fn nonempty(&mut self, at: At<'_>, what: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(at, format!("empty {what}: expected some text"));
        }
    }

    fn date(&mut self, at: At<'_>, date: Option<&Date>) {
        if let Some(Err(why)) = date.map(Date::parse) {
            self.report(at, why);
        }
    }

    fn country(&mut self, at: At<'_>, code: &str) {
        if country::name(code).is_none() {
            let hint = suggest::did_you_mean(code, country::COUNTRIES.iter().map(|(c, _)| *c));
            let special = match code.to_ascii_uppercase().as_str() {
                "UK" => "; the United Kingdom is `GB`".to_string(),
                "EU" => "; the EU is not a country: leave `country` out and say it in `location`"
                    .to_string(),
                upper if upper != code && country::name(upper).is_some() => {
                    format!("; codes are upper-case: `{upper}`")
                }
                _ => hint,
            };
            self.report(
                at,
                format!(
                    "unknown country code {code:?}: expected an ISO 3166-1 alpha-2 code such as \"DE\"{special}"
                ),
            );
        }
    }

    fn sources(&mut self, at: At<'_>, sources: &[crate::kb::Str]) {
        for (k, s) in sources.iter().enumerate() {
            self.reference(at.item("sources", k), s, Target::Source);
        }
    }

    fn reference(&mut self, at: At<'_>, id: &str, target: Target) {
        if !self.refs {
            return;
        }
        let defined = match target {
            Target::Alliance => &self.ids.alliances,
            Target::Organization => &self.ids.organizations,
            Target::FocusArea => &self.ids.focus_areas,
            Target::Source => &self.ids.sources,
        };
        if !defined.contains(id) {
            let hint = if *self.hints > 0 {
                *self.hints -= 1;
                suggest::did_you_mean(id, defined.ids())
            } else {
                String::new()
            };
            self.report(at, format!("unknown {} `{id}`{hint}", target.label()));
        }
    }

    /// A parent chain that loops (a → b → a) would make "belongs to" endless. Each
    /// organisation of the file is walked once.
    fn parent_cycles(&mut self, kb: &Kb) {
        if !self.refs {
            return;
        }
        // The parent of each organisation of this file, when it is in this file too.
        let parent = |o: usize| -> Option<usize> {
            let p = kb.organizations[o].parent.as_deref()?;
            let loc = self.ids.organizations.get(p)?;
            (loc.file as usize == self.file && kb.organizations[o].id != p.as_str())
                .then_some(loc.index as usize)
        };
        const NEW: u8 = 0;
        const WALKING: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![NEW; kb.organizations.len()];
        let mut on_cycle = Vec::new();
        let mut path = Vec::new();
        for start in 0..kb.organizations.len() {
            let mut at = Some(start);
            while let Some(o) = at {
                match state[o] {
                    NEW => {
                        state[o] = WALKING;
                        path.push(o);
                        at = parent(o);
                    }
                    WALKING => {
                        // The walk came back to `o`: the organisations from it on loop.
                        let from = path.iter().position(|&p| p == o).unwrap_or(0);
                        on_cycle.extend_from_slice(&path[from..]);
                        break;
                    }
                    _ => break,
                }
            }
            for o in path.drain(..) {
                state[o] = DONE;
            }
        }
        on_cycle.sort_unstable();
        for i in on_cycle {
            self.report(
                At::top("organizations", i).field("parent"),
                format!(
                    "organization `{}` is its own ancestor (parent chain loops)",
                    kb.organizations[i].id
                ),
            );
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Target {
    Alliance,
    Organization,
    FocusArea,
    Source,
}

impl Target {
    fn label(self) -> &'static str {
        match self {
            Target::Alliance => "alliance",
            Target::Organization => "organization",
            Target::FocusArea => "focus area",
            Target::Source => "source",
        }
    }
}

/// `ai-alliance`, `s6b`, `a-star`: lower-case ASCII letters and digits joined by single hyphens.
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Turns findings into problems with positions, in file order then position order.
fn resolve(files: &[ParsedFile], findings: Vec<Finding>) -> Vec<Problem> {
    if findings.is_empty() {
        return Vec::new();
    }
    let mut wanted: Vec<HashSet<String>> = vec![HashSet::new(); files.len()];
    for f in &findings {
        wanted[f.file].insert(f.path.clone());
        if let Some((file, path, _)) = &f.see {
            wanted[*file].insert(path.clone());
        }
    }
    let positions: Vec<HashMap<String, Pos>> = files
        .iter()
        .zip(&wanted)
        .map(|(file, wanted)| {
            if wanted.is_empty() {
                HashMap::new()
            } else {
                locate(&file.text.get(), wanted)
            }
        })
        .collect();
    let pos_of = |file: usize, path: &str| -> Pos {
        positions[file]
            .get(path)
            .copied()
            .unwrap_or(Pos { line: 1, col: 1 })
    };
    let mut problems: Vec<(usize, Problem)> = findings
        .into_iter()
        .map(|f| {
            let pos = pos_of(f.file, &f.path);
            let mut message = f.message;
            if let Some((file, path, what)) = &f.see {
                let p = pos_of(*file, path);
                message.push_str(&format!(
                    " ({what} {}:{}:{})",
                    files[*file].name, p.line, p.col
                ));
            }
            let file = &files[f.file];
            let text = file.text.get();
            (
                f.file,
                Problem::at(&file.name, &text, pos.line, pos.col, message),
            )
        })
        .collect();
    problems.sort_by_key(|a| (a.0, a.1.line, a.1.col));
    problems.into_iter().map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::load::load_files;

    fn problems(files: &[(&str, &str)]) -> Vec<Problem> {
        load_files(
            files
                .iter()
                .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec())),
        )
        .err()
        .unwrap_or_default()
    }

    const ORGS: &str = r#"(
  organizations: [
    (id: "ibm", name: "IBM", kind: company, country: "US"),
    (id: "nvidia", name: "NVIDIA", kind: company, country: "US"),
  ],
  sources: [(id: "s1", title: "Press release")],
)"#;

    #[test]
    fn a_valid_pair_of_files_has_no_problems() {
        let a = r#"(alliances: [(id: "a", name: "A", kind: industry, scope: international, summary: "x",
            members: [(org: "ibm", sources: ["s1"])], absent: [(org: "nvidia", note: "not at launch")])])"#;
        assert_eq!(problems(&[("orgs.ron", ORGS), ("a.ron", a)]), vec![]);
    }

    #[test]
    fn unknown_reference_names_position_and_suggestion() {
        let a = "(alliances: [(id: \"a\", name: \"A\", kind: industry, scope: international, summary: \"x\",\n  members: [(org: \"nvidai\")])])";
        let p = problems(&[("orgs.ron", ORGS), ("a.ron", a)]);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!((p[0].file.as_str(), p[0].line, p[0].col), ("a.ron", 2, 19));
        assert_eq!(
            p[0].message,
            "unknown organization `nvidai`; did you mean `nvidia`?"
        );
    }

    #[test]
    fn reports_every_problem_at_once() {
        let a = r#"(
  alliances: [(id: "Bad Id", name: " ", kind: industry, scope: international, summary: "x",
    founded: "2023-13",
    members: [(org: "ibm"), (org: "ibm")],
    absent: [(org: "ibm", note: "?")],
    related: [(alliance: "Bad Id", why: "self")],
  )],
  organizations: [(id: "x", name: "X", kind: company, country: "UK", parent: "x")],
)"#;
        let p = problems(&[("orgs.ron", ORGS), ("a.ron", a)]);
        let messages: Vec<&str> = p.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(p.len(), 8, "{messages:#?}");
        assert!(messages[0].starts_with("malformed id \"Bad Id\""));
        assert!(messages[1].starts_with("empty name"));
        assert!(messages[2].contains("month must be 01 to 12"));
        assert!(messages[3].starts_with(
            "`ibm` is listed twice as a member of `Bad Id` (first listed at a.ron:4:21)"
        ));
        assert!(messages[4].starts_with("`ibm` is both a member"));
        assert!(messages[5].contains("related to itself"));
        assert!(messages[6].contains("the United Kingdom is `GB`"));
        assert!(messages[7].contains("its own parent"));
    }

    #[test]
    fn duplicate_ids_across_files_point_at_the_first() {
        let p = problems(&[
            ("orgs.ron", ORGS),
            (
                "more.ron",
                "(organizations: [(id: \"ibm\", name: \"IBM again\", kind: company)])",
            ),
        ]);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].file, "more.ron");
        assert_eq!(
            p[0].message,
            "duplicate organization id `ibm` (first defined at orgs.ron:3:10)"
        );
    }

    #[test]
    fn references_are_not_checked_when_a_file_failed_to_parse() {
        let a = r#"(alliances: [(id: "a", name: "A", kind: industry, scope: international, summary: "x", members: [(org: "ibm")])])"#;
        let p = problems(&[("a.ron", a), ("broken.ron", "(organizations: [")]);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].file, "broken.ron");
    }

    #[test]
    fn parent_cycles_are_reported() {
        let orgs = r#"(organizations: [
  (id: "a", name: "A", kind: company, parent: "b"),
  (id: "b", name: "B", kind: company, parent: "a"),
])"#;
        let p = problems(&[("o.ron", orgs)]);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].message.contains("its own ancestor"));
    }

    #[test]
    fn kebab_case_ids() {
        for ok in ["ai-alliance", "s6b", "a-star", "x"] {
            assert!(is_kebab_case(ok), "{ok}");
        }
        for bad in ["", "AI", "a--b", "-a", "a-", "a_b", "é", "a b"] {
            assert!(!is_kebab_case(bad), "{bad}");
        }
    }
}
