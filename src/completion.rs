//! What the shell completes (clap's dynamic completion, `CompleteEnv`): the ids of the
//! knowledge base the command line being completed names with `--kb` (the built-in one
//! otherwise), each with its name beside it, and the country codes.
//!
//! The shell runs the binary with the words typed so far; the candidates are worked out from
//! them, so that `alliances --kb my-kb show <Tab>` offers `my-kb`'s ids.

use crate::kb::{self, Kb};
use clap_complete::engine::CompletionCandidate;
use std::ffi::OsString;
use std::path::PathBuf;

/// The `--kb` the words being completed give, if any (`--kb PATH` or `--kb=PATH`).
fn kb_path(words: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    let mut words = words.into_iter();
    let mut found = None;
    while let Some(word) = words.next() {
        let text = word.to_string_lossy();
        if text == "--kb" {
            found = words.next().map(PathBuf::from);
        } else if let Some(path) = text.strip_prefix("--kb=") {
            found = Some(PathBuf::from(path));
        }
    }
    found
}

/// The knowledge base of the command line being completed; none if it cannot be read (the
/// shell then offers nothing rather than an error).
fn knowledge_base() -> Option<Kb> {
    match kb_path(std::env::args_os()) {
        Some(path) => {
            let cache = crate::kb::cache::Cache::from_env();
            kb::load::load_path_with(&path, cache.as_ref(), &mut |_| {}).ok()
        }
        None => kb::load_embedded().ok(),
    }
}

fn candidate(id: &str, name: &str) -> CompletionCandidate {
    CompletionCandidate::new(id).help(Some(crate::text::display(name, 60).into_owned().into()))
}

/// Alliances, organisations, focus areas and artifacts (`show`, `--open`).
pub fn entities() -> Vec<CompletionCandidate> {
    let Some(kb) = knowledge_base() else {
        return Vec::new();
    };
    let alliances = kb.alliances.iter().map(|a| candidate(&a.id, &a.name));
    let orgs = kb.organizations.iter().map(|o| candidate(&o.id, &o.name));
    let focus = kb.focus_areas.iter().map(|f| candidate(&f.id, &f.name));
    let artifacts = kb.artifacts.iter().map(|a| candidate(&a.id, &a.name));
    once_each(alliances.chain(orgs).chain(focus).chain(artifacts))
}

/// Each id once (an alliance that is also an organisation, as the Partnership on AI is, is
/// offered as the alliance).
fn once_each(all: impl Iterator<Item = CompletionCandidate>) -> Vec<CompletionCandidate> {
    let mut seen = std::collections::HashSet::new();
    all.filter(|c| seen.insert(c.get_value().to_owned()))
        .collect()
}

/// Alliances and organisations (`path`).
pub fn alliances_and_organizations() -> Vec<CompletionCandidate> {
    let Some(kb) = knowledge_base() else {
        return Vec::new();
    };
    let alliances = kb.alliances.iter().map(|a| candidate(&a.id, &a.name));
    let orgs = kb.organizations.iter().map(|o| candidate(&o.id, &o.name));
    once_each(alliances.chain(orgs))
}

/// Alliances (`related`).
pub fn alliances() -> Vec<CompletionCandidate> {
    knowledge_base().map_or_else(Vec::new, |kb| {
        kb.alliances
            .iter()
            .map(|a| candidate(&a.id, &a.name))
            .collect()
    })
}

/// Focus areas (`list --focus`).
pub fn focus_areas() -> Vec<CompletionCandidate> {
    knowledge_base().map_or_else(Vec::new, |kb| {
        kb.focus_areas
            .iter()
            .map(|f| candidate(&f.id, &f.name))
            .collect()
    })
}

/// Country codes, each with its name (`--country`), in lower case as the filters write them
/// (`country:de`; either case is read).
pub fn countries() -> Vec<CompletionCandidate> {
    kb::country::all()
        .map(|(code, name)| candidate(&code.to_ascii_lowercase(), name))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_knowledge_base_is_the_one_the_words_name() {
        let words = |w: &[&str]| w.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(kb_path(words(&["alliances", "show", "ai"])), None);
        assert_eq!(
            kb_path(words(&["alliances", "--kb", "my-kb", "show"])),
            Some(PathBuf::from("my-kb"))
        );
        assert_eq!(
            kb_path(words(&["alliances", "show", "--kb=other", "x"])),
            Some(PathBuf::from("other"))
        );
    }
}
