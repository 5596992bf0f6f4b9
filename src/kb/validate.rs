//! Referential integrity and well-formedness of a knowledge base, across all its files.
//!
//! Every problem is collected, not just the first. A check names the value it is about by its
//! path in the file (`alliances[0].members[3].org`); positions are looked up only for the files
//! that have problems.

mod entities;
mod time;

use super::ids::IdTable;
use super::locate::{Pos, locate};
use super::parsed::ParsedFile;
use super::problem::{Lines, Problem};
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
    if complete {
        findings.extend(parent_cycles(files, &ids));
    }
    findings.extend(repeated_sources(files));
    resolve(files, findings)
}

/// A parent chain that loops (a → b → a), within a file or across files, would make "belongs
/// to" endless. Each organisation is walked once, on the merged knowledge base.
fn parent_cycles(files: &[ParsedFile], ids: &Ids) -> Vec<Finding> {
    let org = |l: Loc| &files[l.file as usize].kb.organizations[l.index as usize];
    let parent = |l: Loc| -> Option<Loc> {
        let p = org(l).parent.as_deref()?;
        ids.organizations.get(&p.org).filter(|&q| q != l)
    };
    let mut state: HashMap<Loc, bool> = HashMap::new(); // true: on the walk now; false: done
    let mut on_cycle = Vec::new();
    let mut path = Vec::new();
    for (file, f) in files.iter().enumerate() {
        for index in 0..f.kb.organizations.len() {
            let mut at = Some(Loc {
                file: file as u32,
                index: index as u32,
            });
            while let Some(l) = at {
                match state.get(&l) {
                    None => {
                        state.insert(l, true);
                        path.push(l);
                        at = parent(l);
                    }
                    Some(true) => {
                        let from = path.iter().position(|&p| p == l).unwrap_or(0);
                        on_cycle.extend_from_slice(&path[from..]);
                        break;
                    }
                    Some(false) => break,
                }
            }
            for l in path.drain(..) {
                state.insert(l, false);
            }
        }
    }
    on_cycle.sort_unstable_by_key(|l| (l.file, l.index));
    on_cycle
        .into_iter()
        .map(|l| Finding {
            file: l.file as usize,
            path: At::top("organizations", l.index as usize)
                .field("parent")
                .to_string(),
            message: format!(
                "organization `{}` is its own ancestor (parent chain loops)",
                org(l).id
            ),
            see: None,
        })
        .collect()
}

/// A source listed twice under two ids (the same address), which splits what cites it.
fn repeated_sources(files: &[ParsedFile]) -> Vec<Finding> {
    let mut first: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut found = Vec::new();
    for (file, f) in files.iter().enumerate() {
        for (index, s) in f.kb.sources.iter().enumerate() {
            let Some(url) = s.url.as_deref() else {
                continue;
            };
            let key = url.trim_end_matches('/');
            match first.get(key) {
                Some(&(ff, fi)) => found.push(Finding {
                    file,
                    path: At::top("sources", index).field("url").to_string(),
                    message: format!(
                        "source `{}` has the address of source `{}`: a source is listed once, and cited by its one id",
                        s.id, files[ff].kb.sources[fi].id
                    ),
                    see: Some((
                        ff,
                        At::top("sources", fi).field("url").to_string(),
                        "first listed at",
                    )),
                }),
                None => {
                    first.insert(key, (file, index));
                }
            }
        }
    }
    found
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// The ids of items that could not be read (see [`super::recover`]), by collection.
    unread: [HashSet<&'a str>; 5],
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
            unread: std::array::from_fn(|c| {
                files
                    .iter()
                    .flat_map(|f| f.skipped.ids[c].iter().map(String::as_str))
                    .collect()
            }),
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
            let hint = suggest::did_you_mean(code, country::all().map(|(c, _)| c));
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
        // An item that could not be read still gives its id.
        let unread = &self.ids.unread[target.collection()];
        if !defined.contains(id) && !unread.contains(id) {
            let hint = if *self.hints > 0 {
                *self.hints -= 1;
                suggest::did_you_mean(id, defined.ids())
            } else {
                String::new()
            };
            self.report(at, format!("unknown {} `{id}`{hint}", target.label()));
        }
    }

    /// A web address a reader can open: `http` or `https`, a host, no spaces.
    fn url(&mut self, at: At<'_>, url: &str) {
        if let Err(why) = check_url(url) {
            self.report(at, format!("malformed URL {url:?}: {why}"));
        }
    }
}

/// Why `url` is not an address a browser opens, if it is not.
pub fn check_url(url: &str) -> Result<(), &'static str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("expected an address starting with https:// or http://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || !host.contains('.') && !host.starts_with("localhost") {
        return Err("expected a host name after the scheme, such as https://example.org/page");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("an address has no spaces or control characters");
    }
    Ok(())
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

    /// Its collection, in [`super::recover::COLLECTIONS`] order.
    fn collection(self) -> usize {
        match self {
            Target::Alliance => 0,
            Target::Organization => 1,
            Target::FocusArea => 2,
            Target::Source => 4,
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
    // Each path, and the paths it lies in: a value written in its short form (a lead as a bare
    // id, not `(org: …)`) is found at the place of the item that holds it.
    let mut wanted: Vec<HashSet<String>> = vec![HashSet::new(); files.len()];
    let mut want = |file: usize, path: &str| {
        let mut p = path;
        loop {
            wanted[file].insert(p.to_string());
            match p.rfind(['.', '[']) {
                Some(cut) if cut > 0 => p = &p[..cut],
                _ => break,
            }
        }
    };
    // Paths count the items read; in a file with items that could not be read, they are
    // counted again among the file's own.
    let findings: Vec<Finding> = findings
        .into_iter()
        .map(|mut f| {
            let place = |file: usize, path: &mut String| {
                if !files[file].skipped.is_empty() {
                    *path = files[file].skipped.file_path(path);
                }
            };
            place(f.file, &mut f.path);
            if let Some((file, path, _)) = &mut f.see {
                place(*file, path);
            }
            f
        })
        .collect();
    for f in &findings {
        want(f.file, &f.path);
        if let Some((file, path, _)) = &f.see {
            want(*file, path);
        }
    }
    // Each file with problems is read once (a file's text is not kept once parsed), and its
    // lines found once.
    let texts: Vec<std::borrow::Cow<str>> = files
        .iter()
        .zip(&wanted)
        .map(|(file, wanted)| {
            if wanted.is_empty() {
                "".into()
            } else {
                file.text.get()
            }
        })
        .collect();
    let lines: Vec<Lines> = texts.iter().map(|t| Lines::new(t)).collect();
    let positions: Vec<HashMap<String, Pos>> = texts
        .iter()
        .zip(&wanted)
        .map(|(text, wanted)| {
            if wanted.is_empty() {
                HashMap::new()
            } else {
                locate(text, wanted)
            }
        })
        .collect();
    let pos_of = |file: usize, path: &str| -> Pos {
        let mut p = path;
        loop {
            if let Some(pos) = positions[file].get(p) {
                return *pos;
            }
            match p.rfind(['.', '[']) {
                Some(cut) if cut > 0 => p = &p[..cut],
                _ => return Pos { line: 1, col: 1 },
            }
        }
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
            let problem = Problem::at_line(&file.name, &lines[f.file], pos.line, pos.col, message);
            (f.file, problem)
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

    /// The 1-based (line, column) where the `nth` `needle` of `text` starts.
    fn spot(text: &str, needle: &str, nth: usize) -> (usize, usize) {
        let at = text.match_indices(needle).nth(nth).expect("in the text").0;
        let line = text[..at].matches('\n').count() + 1;
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        (line, text[start..at].chars().count() + 1)
    }

    /// The (line, column, message) of each problem of one file.
    fn placed(text: &str) -> Vec<(usize, usize, String)> {
        problems(&[("orgs.ron", ORGS), ("a.ron", text)])
            .into_iter()
            .map(|p| (p.line, p.col, p.message))
            .collect()
    }

    #[test]
    fn a_period_that_ends_before_it_starts_is_reported_where_it_ends() {
        let text = r#"(alliances: [(id: "a", name: "A", kind: industry, scope: international, summary: "x",
  leads: ["ibm", (org: "nvidia", since: "2021", until: "2020-07")],
  members: [(org: "ibm", since: "2024-02-08", until: "2023")])])"#;
        let p = placed(text);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!((p[0].0, p[0].1), spot(text, "\"2020-07\"", 0));
        assert!(
            p[0].2.contains("`until` 2020-07 is before `since` 2021"),
            "{}",
            p[0].2
        );
        assert_eq!((p[1].0, p[1].1), spot(text, "\"2023\"", 0));
    }

    #[test]
    fn a_member_may_return_but_not_twice_at_once() {
        let ok = r#"(alliances: [(id: "a", name: "A", kind: industry, scope: international, summary: "x",
  members: [(org: "ibm", until: "2020"), (org: "ibm", role: steering, since: "2022")])])"#;
        assert_eq!(placed(ok), vec![]);
        let p = placed(
            r#"(alliances: [(id: "a", name: "A", kind: industry, scope: international, summary: "x",
  members: [(org: "ibm", until: "2022"), (org: "ibm", since: "2021")])])"#,
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].2
                .contains("for periods that overlap (first listed at a.ron:2:19)"),
            "{}",
            p[0].2
        );
    }

    #[test]
    fn a_history_is_in_order_and_a_renaming_says_into_what() {
        let text = r#"(alliances: [(id: "a", name: "A", kind: industry, scope: international, summary: "x",
  standing: (state: merged, as_of: "2026-12"),
  history: [
    (date: "2025-10-08", event: renamed),
    (date: "2018-06-14", event: founded),
    (date: "2026", event: ended, successor: "a"),
  ])])"#;
        let p = placed(text);
        let messages: Vec<&str> = p.iter().map(|p| p.2.as_str()).collect();
        assert_eq!(p.len(), 4, "{messages:#?}");
        assert_eq!((p[0].0, p[0].1), spot(text, "merged", 0));
        assert!(
            messages[0].contains("needs the `merged` event"),
            "{}",
            messages[0]
        );
        assert_eq!((p[1].0, p[1].1), spot(text, "renamed", 0));
        assert!(messages[1].starts_with("a renaming names the new name"));
        assert_eq!((p[2].0, p[2].1), spot(text, "\"2018-06-14\"", 0));
        assert!(messages[2].starts_with("history out of order: 2018-06-14"));
        assert!(messages[3].contains("its own successor"));
    }

    #[test]
    fn addresses_must_open_and_a_source_is_listed_once() {
        let text = r#"(
  organizations: [(id: "x", name: "X", kind: company, website: "www.x.org")],
  sources: [
    (id: "s2", title: "A", url: "https://example.org/a"),
    (id: "s3", title: "A again", url: "https://example.org/a/"),
    (id: "s4", title: "B", url: "example.org/b page"),
  ],
)"#;
        let p = placed(text);
        let messages: Vec<&str> = p.iter().map(|p| p.2.as_str()).collect();
        assert_eq!(p.len(), 3, "{messages:#?}");
        assert_eq!((p[0].0, p[0].1), spot(text, "\"www.x.org\"", 0));
        assert!(messages[0].starts_with(
            "malformed URL \"www.x.org\": expected an address starting with https://"
        ));
        assert_eq!(
            (p[1].0, p[1].1),
            spot(text, "\"https://example.org/a/\"", 0)
        );
        assert!(
            messages[1].starts_with("source `s3` has the address of source `s2`"),
            "{}",
            messages[1]
        );
        let (line, col) = spot(text, "\"https://example.org/a\"", 0);
        assert!(
            messages[1].ends_with(&format!("(first listed at a.ron:{line}:{col})")),
            "{}",
            messages[1]
        );
        assert_eq!((p[2].0, p[2].1), spot(text, "\"example.org/b page\"", 0));
    }

    #[test]
    fn parent_cycles_across_files_are_reported() {
        let a = r#"(organizations: [(id: "a", name: "A", kind: company, parent: "b")])"#;
        let b = r#"(organizations: [(id: "b", name: "B", kind: company, parent: (org: "a", since: "2024"))])"#;
        let p = problems(&[("a.ron", a), ("b.ron", b)]);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!((p[0].file.as_str(), p[0].line, p[0].col), ("a.ron", 1, 62));
        assert!(
            p[1].message.contains("`b` is its own ancestor"),
            "{}",
            p[1].message
        );
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
