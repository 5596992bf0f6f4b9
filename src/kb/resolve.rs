//! Finding an entity by what a user types: its id, or its name (or another name), with a
//! suggestion when nothing matches.

use super::entity::{Entity, EntityKind};
use super::{Index, Kb};
use crate::{suggest, text};

/// The entities of the allowed kinds (all when `kinds` is empty) that `query` names, in the
/// order alliance, organisation, focus area, artifact: those whose id it is, or else those
/// whose name or other name it is (case and accents ignored). Otherwise a message naming the
/// closest ids.
pub fn resolve(
    kb: &Kb,
    index: &Index,
    query: &str,
    kinds: &[EntityKind],
) -> Result<Vec<Entity>, String> {
    let allowed: &[EntityKind] = if kinds.is_empty() {
        &EntityKind::ALL
    } else {
        kinds
    };
    let by_id: Vec<Entity> = allowed
        .iter()
        .filter_map(|&k| index.find(kb, k, query).map(|ix| Entity::new(k, ix)))
        .collect();
    if !by_id.is_empty() {
        return Ok(by_id);
    }
    let by_name = named(kb, query, allowed);
    if !by_name.is_empty() {
        return Ok(by_name);
    }
    let candidates = allowed.iter().flat_map(|&k| ids(kb, k));
    let what = match allowed {
        [one] => format!(
            "no {} has the id `{}` or that name",
            one.label(),
            text::sanitize(query)
        ),
        [init @ .., last] => {
            let names: Vec<&str> = init.iter().map(|k| k.label()).collect();
            format!(
                "no {} or {} has the id `{}` or that name",
                names.join(", "),
                last.label(),
                text::sanitize(query)
            )
        }
        [] => format!("nothing has the id `{}`", text::sanitize(query)),
    };
    let close = suggest::closest(query, candidates, 3);
    let hint = match close.as_slice() {
        [] => String::new(),
        many => format!("; did you mean {}?", many.join(", ")),
    };
    Err(format!("{what}{hint}"))
}

/// The ids of every entity of a kind.
fn ids(kb: &Kb, kind: EntityKind) -> Box<dyn Iterator<Item = &str> + '_> {
    match kind {
        EntityKind::Alliance => Box::new(kb.alliances.iter().map(|a| a.id.as_str())),
        EntityKind::Org => Box::new(kb.organizations.iter().map(|o| o.id.as_str())),
        EntityKind::Focus => Box::new(kb.focus_areas.iter().map(|f| f.id.as_str())),
        EntityKind::Artifact => Box::new(kb.artifacts.iter().map(|t| t.id.as_str())),
    }
}

/// The entities one of whose names is `query`, case and accents ignored.
fn named(kb: &Kb, query: &str, kinds: &[EntityKind]) -> Vec<Entity> {
    let wanted = text::fold(query.trim());
    if wanted.is_empty() {
        return Vec::new();
    }
    let is = |name: &str| text::fold(name) == wanted;
    let mut found = Vec::new();
    for &kind in kinds {
        let hits: Vec<usize> = match kind {
            EntityKind::Alliance => positions(&kb.alliances, |a| {
                is(&a.name) || a.names.iter().any(|n| is(&n.name))
            }),
            EntityKind::Org => positions(&kb.organizations, |o| {
                is(&o.name) || o.aka.iter().any(|n| is(n))
            }),
            EntityKind::Focus => positions(&kb.focus_areas, |f| {
                is(&f.name) || f.names.iter().any(|n| is(&n.name))
            }),
            EntityKind::Artifact => positions(&kb.artifacts, |t| is(&t.name)),
        };
        found.extend(hits.into_iter().map(|ix| Entity::new(kind, ix)));
    }
    found
}

fn positions<T>(items: &[T], hit: impl Fn(&T) -> bool) -> Vec<usize> {
    items
        .iter()
        .enumerate()
        .filter(|(_, x)| hit(x))
        .map(|(i, _)| i)
        .collect()
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
            [Entity::Alliance(_), Entity::Org(_)]
        ));
        let org = resolve(&kb, &index, "partnership-on-ai", &[EntityKind::Org]).unwrap();
        assert!(matches!(org.as_slice(), [Entity::Org(_)]));
        assert!(matches!(
            resolve(&kb, &index, "pytorch", &[]).unwrap()[0],
            Entity::Artifact(_)
        ));
        let err = resolve(&kb, &index, "ai-aliance", &[]).unwrap_err();
        assert!(err.ends_with("did you mean ai-alliance?"), "{err}");
        let err = resolve(&kb, &index, "nvidia", &[EntityKind::Alliance]).unwrap_err();
        assert!(
            err.starts_with("no alliance has the id `nvidia` or that name"),
            "{err}"
        );
    }

    #[test]
    fn names_and_other_names_resolve_with_case_and_accents_ignored() {
        let kb = crate::kb::load_embedded().unwrap();
        let index = Index::new(&kb);
        let one = |q: &str, kinds: &[EntityKind]| {
            let found = resolve(&kb, &index, q, kinds).unwrap();
            found
                .iter()
                .map(|e| e.id(&kb).to_string())
                .collect::<Vec<_>>()
        };
        // The alliance, and the organisation of the same name that runs it.
        let scottish = resolve(&kb, &index, "scottish ai alliance", &[]).unwrap();
        assert!(matches!(
            scottish.as_slice(),
            [Entity::Alliance(_), Entity::Org(_)]
        ));
        assert_eq!(
            one("Scottish AI Alliance", &[EntityKind::Alliance]),
            ["scottish-ai-alliance"]
        );
        assert_eq!(one("meta", &[]), ["meta"]);
        assert_eq!(one("facebook", &[EntityKind::Org]), ["meta"]);
        assert_eq!(
            one("ecole polytechnique federale de lausanne", &[]),
            ["epfl"]
        );
        assert!(resolve(&kb, &index, "  ", &[]).is_err());
    }
}
