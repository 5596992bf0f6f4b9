//! Finding an entity by id, with a suggestion when none has it.

use crate::cli::EntityKind;
use crate::kb::index::Ix;
use crate::kb::{Index, Kb};
use crate::suggest;

/// An entity found by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Alliance(Ix),
    Org(Ix),
    Focus(Ix),
    Artifact(Ix),
}

impl Found {
    pub fn kind(self) -> EntityKind {
        match self {
            Found::Alliance(_) => EntityKind::Alliance,
            Found::Org(_) => EntityKind::Org,
            Found::Focus(_) => EntityKind::Focus,
            Found::Artifact(_) => EntityKind::Artifact,
        }
    }

    /// Where the explorer shows it.
    pub fn target(self) -> crate::doc::Target {
        use crate::doc::Target;
        match self {
            Found::Alliance(a) => Target::Alliance(a),
            Found::Org(o) => Target::Org(o),
            Found::Focus(f) => Target::Focus(f),
            Found::Artifact(t) => Target::Artifact(t),
        }
    }
}

fn label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Alliance => "alliance",
        EntityKind::Org => "organization",
        EntityKind::Focus => "focus area",
        EntityKind::Artifact => "artifact",
    }
}

const ORDER: [EntityKind; 4] = [
    EntityKind::Alliance,
    EntityKind::Org,
    EntityKind::Focus,
    EntityKind::Artifact,
];

/// The entities with this id, among the allowed kinds (all when `kinds` is empty), in the
/// order alliance, organisation, focus area, artifact; or a message naming the closest ids.
pub fn resolve(
    kb: &Kb,
    index: &Index,
    id: &str,
    kinds: &[EntityKind],
) -> Result<Vec<Found>, String> {
    let allowed: Vec<EntityKind> = if kinds.is_empty() {
        ORDER.to_vec()
    } else {
        kinds.to_vec()
    };
    let found: Vec<Found> = allowed
        .iter()
        .filter_map(|k| match k {
            EntityKind::Alliance => index.alliance(kb, id).map(Found::Alliance),
            EntityKind::Org => index.org(kb, id).map(Found::Org),
            EntityKind::Focus => index.focus(kb, id).map(Found::Focus),
            EntityKind::Artifact => index.artifact(kb, id).map(Found::Artifact),
        })
        .collect();
    if !found.is_empty() {
        return Ok(found);
    }
    let mut candidates: Vec<&str> = Vec::new();
    for k in &allowed {
        match k {
            EntityKind::Alliance => candidates.extend(kb.alliances.iter().map(|a| a.id.as_str())),
            EntityKind::Org => candidates.extend(kb.organizations.iter().map(|o| o.id.as_str())),
            EntityKind::Focus => candidates.extend(kb.focus_areas.iter().map(|f| f.id.as_str())),
            EntityKind::Artifact => candidates.extend(kb.artifacts.iter().map(|t| t.id.as_str())),
        }
    }
    let what = match allowed.as_slice() {
        [one] => format!(
            "no {} has the id `{}`",
            label(*one),
            crate::text::sanitize(id)
        ),
        [init @ .., last] => {
            let names: Vec<&str> = init.iter().map(|k| label(*k)).collect();
            format!(
                "no {} or {} has the id `{}`",
                names.join(", "),
                label(*last),
                crate::text::sanitize(id)
            )
        }
        [] => unreachable!("at least one kind is allowed"),
    };
    let close = suggest::closest(id, candidates, 3);
    let hint = match close.as_slice() {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        many => format!("; did you mean {}?", many.join(", ")),
    };
    Err(format!("{what}{hint}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ids_in_every_collection_and_suggests_close_ones() {
        let kb = crate::kb::load_embedded().unwrap();
        let index = Index::new(&kb);
        let both = resolve(&kb, &index, "partnership-on-ai", &[]).unwrap();
        assert!(matches!(
            both.as_slice(),
            [Found::Alliance(_), Found::Org(_)]
        ));
        let org = resolve(&kb, &index, "partnership-on-ai", &[EntityKind::Org]).unwrap();
        assert!(matches!(org.as_slice(), [Found::Org(_)]));
        assert!(matches!(
            resolve(&kb, &index, "pytorch", &[]).unwrap()[0],
            Found::Artifact(_)
        ));
        let err = resolve(&kb, &index, "ai-aliance", &[]).unwrap_err();
        assert!(err.ends_with("did you mean ai-alliance?"), "{err}");
        let err = resolve(&kb, &index, "nvidia", &[EntityKind::Alliance]).unwrap_err();
        assert!(err.starts_with("no alliance has the id `nvidia`"), "{err}");
    }
}
