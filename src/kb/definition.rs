//! Where something is written in a knowledge base's files: the file, line and column of an
//! entity, a source, a fact or a claim, for an editor to open at. Looked up when asked (the
//! loaded knowledge base does not keep positions): the files that mention the id are parsed
//! again, and the place found as problems are ([`super::locate`]).

use super::locate::{Pos, locate};
use super::{EntityKind, Kb, LoadError};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What to find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    Entity(EntityKind, String),
    Source(String),
    /// The alliance's id and the fact's position among its facts.
    Fact(String, usize),
    /// The alliance's id and the claim's position among its claims.
    Claim(String, usize),
}

impl Written {
    /// The id a file that holds it must mention.
    fn id(&self) -> &str {
        match self {
            Written::Entity(_, id) | Written::Source(id) => id,
            Written::Fact(a, _) | Written::Claim(a, _) => a,
        }
    }

    /// Its path in a file holding `kb` (`organizations[3].id`), if that file holds it.
    fn path_in(&self, kb: &Kb) -> Option<String> {
        let at = |mut ids: &mut dyn Iterator<Item = &str>| {
            Iterator::position(&mut ids, |id| id == self.id())
        };
        Some(match self {
            Written::Entity(kind, _) => {
                let (collection, n) = match kind {
                    EntityKind::Alliance => (
                        "alliances",
                        at(&mut kb.alliances.iter().map(|a| a.id.as_str()))?,
                    ),
                    EntityKind::Org => (
                        "organizations",
                        at(&mut kb.organizations.iter().map(|o| o.id.as_str()))?,
                    ),
                    EntityKind::Focus => (
                        "focus_areas",
                        at(&mut kb.focus_areas.iter().map(|f| f.id.as_str()))?,
                    ),
                    EntityKind::Artifact => (
                        "artifacts",
                        at(&mut kb.artifacts.iter().map(|t| t.id.as_str()))?,
                    ),
                };
                format!("{collection}[{n}].id")
            }
            Written::Source(_) => {
                let n = at(&mut kb.sources.iter().map(|s| s.id.as_str()))?;
                format!("sources[{n}].id")
            }
            Written::Fact(_, i) | Written::Claim(_, i) => {
                let n = at(&mut kb.alliances.iter().map(|a| a.id.as_str()))?;
                let (list, len) = match self {
                    Written::Fact(..) => ("facts", kb.alliances[n].facts.len()),
                    _ => ("claims", kb.alliances[n].claims.len()),
                };
                (*i < len).then_some(())?;
                format!("alliances[{n}].{list}[{i}]")
            }
        })
    }
}

/// A place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: PathBuf,
    pub pos: Pos,
}

/// Where `wanted` is written among the files of the knowledge base at `path` (a file or a
/// folder), if it is.
pub fn find(path: &Path, wanted: &Written) -> Result<Option<Place>, LoadError> {
    let quoted = format!("\"{}\"", wanted.id());
    for file in super::load::ron_files(path)? {
        let Ok(bytes) = super::load::read_regular(&file) else {
            continue;
        };
        // Most files do not mention the id at all: they need no parsing.
        if !bytes.windows(quoted.len()).any(|w| w == quoted.as_bytes()) {
            continue;
        }
        let name = file.display().to_string();
        let Ok(parsed) = super::load::parse_file(&name, bytes) else {
            continue;
        };
        let Some(at) = wanted.path_in(&parsed.kb) else {
            continue;
        };
        let text = parsed.text.get();
        if let Some(&pos) = locate(&text, &HashSet::from([at.clone()])).get(&at) {
            return Ok(Some(Place { file, pos }));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organisation_a_fact_and_a_source_are_found_at_their_lines() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.ron"),
            "(\n    organizations: [\n        (id: \"x\", name: \"X\", kind: company),\n        (\n            id: \"ibm\",\n            name: \"IBM\",\n            kind: company,\n        ),\n    ],\n)\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("b.ron"),
            "(\n    alliances: [(\n        id: \"al\",\n        name: \"Al\",\n        kind: industry,\n        scope: international,\n        summary: \"s\",\n        facts: [\n            (topic: \"t\", text: \"one\"),\n            (topic: \"t\", text: \"two\"),\n        ],\n    )],\n    sources: [(id: \"ibm\", title: \"IBM page\", url: \"https://ibm.com\")],\n)\n",
        )
        .unwrap();
        let find = |w: Written| find(dir.path(), &w).unwrap().map(|p| (p.file, p.pos.line));
        let (file, line) = find(Written::Entity(EntityKind::Org, "ibm".into())).unwrap();
        assert!(file.ends_with("a.ron"));
        assert_eq!(line, 5);
        assert_eq!(find(Written::Fact("al".into(), 1)).unwrap().1, 10);
        let (file, line) = find(Written::Source("ibm".into())).unwrap();
        assert!(file.ends_with("b.ron"));
        assert_eq!(line, 13);
        assert_eq!(
            find(Written::Entity(EntityKind::Alliance, "none".into())),
            None
        );
        assert_eq!(find(Written::Fact("al".into(), 5)), None);
    }
}
