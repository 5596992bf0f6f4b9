//! Referential integrity and well-formedness of a knowledge base, across all its files.
//!
//! Every problem is collected, not just the first. A check names the value it is about by its
//! path in the file (`alliances[0].members[3].org`); positions are looked up only for the files
//! that have problems.

use super::load::ParsedFile;
use super::locate::{Pos, locate};
use super::problem::Problem;
use super::{Date, Kb, country};
use crate::suggest;
use std::collections::{HashMap, HashSet};

/// Every problem in `files`. Cross-file references are checked only when `complete` (all the
/// knowledge base's files parsed), since a reference into a broken file would look unknown.
pub fn validate(files: &[ParsedFile], complete: bool) -> Vec<Problem> {
    let ids = Ids::collect(files);
    let mut findings = ids.duplicates.clone();
    for (f, file) in files.iter().enumerate() {
        let mut check = Checker {
            file: f,
            ids: &ids,
            refs: complete,
            out: &mut findings,
        };
        check.file(&file.kb);
    }
    resolve(files, findings)
}

/// A problem before its position is known.
#[derive(Debug, Clone)]
struct Finding {
    file: usize,
    path: String,
    message: String,
    /// A second place to mention ("first defined at …").
    see: Option<(usize, String, &'static str)>,
}

#[derive(Debug, Clone, Copy)]
struct Loc {
    file: usize,
    index: usize,
}

/// The ids each collection defines, across all files, and the duplicates among them.
struct Ids<'a> {
    alliances: HashMap<&'a str, Loc>,
    organizations: HashMap<&'a str, Loc>,
    focus_areas: HashMap<&'a str, Loc>,
    artifacts: HashMap<&'a str, Loc>,
    sources: HashMap<&'a str, Loc>,
    duplicates: Vec<Finding>,
}

impl<'a> Ids<'a> {
    fn collect(files: &'a [ParsedFile]) -> Self {
        let mut ids = Ids {
            alliances: HashMap::new(),
            organizations: HashMap::new(),
            focus_areas: HashMap::new(),
            artifacts: HashMap::new(),
            sources: HashMap::new(),
            duplicates: Vec::new(),
        };
        for (file, f) in files.iter().enumerate() {
            let kb = &f.kb;
            let mut dups = Vec::new();
            let iter = kb.alliances.iter().map(|a| a.id.as_str());
            define(
                &mut ids.alliances,
                &mut dups,
                file,
                "alliances",
                "alliance",
                iter,
            );
            let iter = kb.organizations.iter().map(|o| o.id.as_str());
            define(
                &mut ids.organizations,
                &mut dups,
                file,
                "organizations",
                "organization",
                iter,
            );
            let iter = kb.focus_areas.iter().map(|a| a.id.as_str());
            define(
                &mut ids.focus_areas,
                &mut dups,
                file,
                "focus_areas",
                "focus area",
                iter,
            );
            let iter = kb.artifacts.iter().map(|a| a.id.as_str());
            define(
                &mut ids.artifacts,
                &mut dups,
                file,
                "artifacts",
                "artifact",
                iter,
            );
            let iter = kb.sources.iter().map(|s| s.id.as_str());
            define(&mut ids.sources, &mut dups, file, "sources", "source", iter);
            ids.duplicates.extend(dups);
        }
        ids
    }
}

fn define<'a>(
    table: &mut HashMap<&'a str, Loc>,
    dups: &mut Vec<Finding>,
    file: usize,
    collection: &'static str,
    what: &'static str,
    ids: impl Iterator<Item = &'a str>,
) {
    for (index, id) in ids.enumerate() {
        if let Some(first) = table.get(id) {
            dups.push(Finding {
                file,
                path: format!("{collection}[{index}].id"),
                message: format!("duplicate {what} id `{id}`"),
                see: Some((
                    first.file,
                    format!("{collection}[{}].id", first.index),
                    "first defined at",
                )),
            });
        } else {
            table.insert(id, Loc { file, index });
        }
    }
}

struct Checker<'a, 'k> {
    file: usize,
    ids: &'a Ids<'k>,
    refs: bool,
    out: &'a mut Vec<Finding>,
}

impl Checker<'_, '_> {
    fn report(&mut self, path: String, message: String) {
        self.out.push(Finding {
            file: self.file,
            path,
            message,
            see: None,
        });
    }

    fn file(&mut self, kb: &Kb) {
        for (i, a) in kb.alliances.iter().enumerate() {
            self.alliance(&format!("alliances[{i}]"), a);
        }
        for (i, o) in kb.organizations.iter().enumerate() {
            let at = format!("organizations[{i}]");
            self.id(&at, &o.id);
            self.name(&at, "name", &o.name);
            for (k, aka) in o.aka.iter().enumerate() {
                self.name(&at, &format!("aka[{k}]"), aka);
            }
            if let Some(code) = &o.country {
                self.country(&format!("{at}.country"), code);
            }
            if let Some(parent) = &o.parent {
                if parent == &o.id {
                    self.report(
                        format!("{at}.parent"),
                        format!("organization `{}` is its own parent", o.id),
                    );
                } else {
                    self.reference(&format!("{at}.parent"), parent, Target::Organization);
                }
            }
            if let Some(alliance) = &o.alliance {
                self.reference(&format!("{at}.alliance"), alliance, Target::Alliance);
            }
            self.sources(&at, &o.sources);
        }
        self.parent_cycles(kb);
        for (i, f) in kb.focus_areas.iter().enumerate() {
            let at = format!("focus_areas[{i}]");
            self.id(&at, &f.id);
            self.name(&at, "name", &f.name);
            self.local_names(&at, &f.names);
            self.sources(&at, &f.sources);
        }
        for (i, a) in kb.artifacts.iter().enumerate() {
            let at = format!("artifacts[{i}]");
            self.id(&at, &a.id);
            self.name(&at, "name", &a.name);
            for (k, org) in a.origin.iter().enumerate() {
                self.reference(&format!("{at}.origin[{k}]"), org, Target::Organization);
            }
            self.date(&format!("{at}.released"), a.released.as_ref());
            self.sources(&at, &a.sources);
        }
        for (i, s) in kb.sources.iter().enumerate() {
            let at = format!("sources[{i}]");
            self.id(&at, &s.id);
            self.name(&at, "title", &s.title);
            self.date(&format!("{at}.date"), s.date.as_ref());
        }
    }

    fn alliance(&mut self, at: &str, a: &super::Alliance) {
        self.id(at, &a.id);
        self.name(at, "name", &a.name);
        self.local_names(at, &a.names);
        self.date(&format!("{at}.founded"), a.founded.as_ref());
        for (k, lead) in a.leads.iter().enumerate() {
            self.reference(&format!("{at}.leads[{k}]"), lead, Target::Organization);
        }
        let mut members: HashMap<&str, usize> = HashMap::new();
        for (k, m) in a.members.iter().enumerate() {
            let mat = format!("{at}.members[{k}]");
            self.reference(&format!("{mat}.org"), &m.org, Target::Organization);
            self.date(&format!("{mat}.since"), m.since.as_ref());
            self.sources(&mat, &m.sources);
            if let Some(first) = members.insert(&m.org, k) {
                self.out.push(Finding {
                    file: self.file,
                    path: format!("{mat}.org"),
                    message: format!("`{}` is listed twice as a member of `{}`", m.org, a.id),
                    see: Some((
                        self.file,
                        format!("{at}.members[{first}].org"),
                        "first listed at",
                    )),
                });
            }
        }
        let mut absent = HashSet::new();
        for (k, x) in a.absent.iter().enumerate() {
            let xat = format!("{at}.absent[{k}]");
            self.reference(&format!("{xat}.org"), &x.org, Target::Organization);
            self.sources(&xat, &x.sources);
            if let Some(&m) = members.get(x.org.as_str()) {
                self.out.push(Finding {
                    file: self.file,
                    path: format!("{xat}.org"),
                    message: format!(
                        "`{}` is both a member of `{}` and listed as absent from it",
                        x.org, a.id
                    ),
                    see: Some((self.file, format!("{at}.members[{m}].org"), "member at")),
                });
            }
            if !absent.insert(x.org.as_str()) {
                self.report(
                    format!("{xat}.org"),
                    format!("`{}` is listed twice as absent from `{}`", x.org, a.id),
                );
            }
        }
        let mut focus = HashSet::new();
        for (k, f) in a.focus.iter().enumerate() {
            let path = format!("{at}.focus[{k}]");
            self.reference(&path, f, Target::FocusArea);
            if !focus.insert(f.as_str()) {
                self.report(path, format!("focus area `{f}` is listed twice"));
            }
        }
        for (k, fact) in a.facts.iter().enumerate() {
            let fat = format!("{at}.facts[{k}]");
            self.name(&fat, "text", &fact.text);
            self.sources(&fat, &fact.sources);
        }
        for (k, o) in a.outputs.iter().enumerate() {
            let oat = format!("{at}.outputs[{k}]");
            self.name(&oat, "title", &o.title);
            self.date(&format!("{oat}.date"), o.date.as_ref());
            self.sources(&oat, &o.sources);
        }
        for (k, r) in a.related.iter().enumerate() {
            let rat = format!("{at}.related[{k}]");
            if r.alliance == a.id {
                self.report(
                    format!("{rat}.alliance"),
                    format!("alliance `{}` is related to itself", a.id),
                );
            } else {
                self.reference(&format!("{rat}.alliance"), &r.alliance, Target::Alliance);
            }
            self.sources(&rat, &r.sources);
        }
        for (k, c) in a.claims.iter().enumerate() {
            self.sources(&format!("{at}.claims[{k}]"), &c.sources);
        }
        self.sources(at, &a.sources);
    }

    fn local_names(&mut self, at: &str, names: &[super::LocalName]) {
        for (k, n) in names.iter().enumerate() {
            let nat = format!("{at}.names[{k}]");
            self.name(&nat, "name", &n.name);
            let lang_ok = n.lang.len() == 2 && n.lang.bytes().all(|b| b.is_ascii_lowercase());
            if !lang_ok {
                self.report(
                    format!("{nat}.lang"),
                    format!(
                        "malformed language code {:?}: expected a two-letter ISO 639-1 code such as \"fr\"",
                        n.lang
                    ),
                );
            }
            self.sources(&nat, &n.sources);
        }
    }

    fn id(&mut self, at: &str, id: &str) {
        if !is_kebab_case(id) {
            self.report(
                format!("{at}.id"),
                format!(
                    "malformed id {id:?}: expected kebab-case (lower-case letters and digits, joined by single hyphens), e.g. \"ai-alliance\""
                ),
            );
        }
    }

    fn name(&mut self, at: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(
                format!("{at}.{field}"),
                format!("empty {field}: expected some text"),
            );
        }
    }

    fn date(&mut self, path: &str, date: Option<&Date>) {
        if let Some(Err(why)) = date.map(Date::parse) {
            self.report(path.to_string(), why);
        }
    }

    fn country(&mut self, path: &str, code: &str) {
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
                path.to_string(),
                format!(
                    "unknown country code {code:?}: expected an ISO 3166-1 alpha-2 code such as \"DE\"{special}"
                ),
            );
        }
    }

    fn sources(&mut self, at: &str, sources: &[String]) {
        for (k, s) in sources.iter().enumerate() {
            self.reference(&format!("{at}.sources[{k}]"), s, Target::Source);
        }
    }

    fn reference(&mut self, path: &str, id: &str, target: Target) {
        if !self.refs {
            return;
        }
        let table = match target {
            Target::Alliance => &self.ids.alliances,
            Target::Organization => &self.ids.organizations,
            Target::FocusArea => &self.ids.focus_areas,
            Target::Source => &self.ids.sources,
        };
        if !table.contains_key(id) {
            let hint = suggest::did_you_mean(id, table.keys().copied());
            self.report(
                path.to_string(),
                format!("unknown {} `{id}`{hint}", target.label()),
            );
        }
    }

    /// A parent chain that loops (a → b → a) would make "belongs to" endless.
    fn parent_cycles(&mut self, kb: &Kb) {
        if !self.refs {
            return;
        }
        let parents: HashMap<&str, &str> = kb
            .organizations
            .iter()
            .filter_map(|o| Some((o.id.as_str(), o.parent.as_deref()?)))
            .collect();
        for (i, o) in kb.organizations.iter().enumerate() {
            let mut seen = HashSet::from([o.id.as_str()]);
            let mut at = o.parent.as_deref();
            while let Some(p) = at {
                if p == o.id {
                    if parents.get(o.id.as_str()) != Some(&o.id.as_str()) {
                        self.report(
                            format!("organizations[{i}].parent"),
                            format!(
                                "organization `{}` is its own ancestor (parent chain loops)",
                                o.id
                            ),
                        );
                    }
                    break;
                }
                if !seen.insert(p) {
                    break;
                }
                at = parents.get(p).copied();
            }
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
        .map(|(file, wanted)| locate(&file.text, wanted))
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
            (
                f.file,
                Problem::at(&file.name, &file.text, pos.line, pos.col, message),
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
