//! The one way the crate refers to an entity of the knowledge base: its kind and its position
//! in its collection. Search results, links of a document, screens of the explorer, ends of a
//! path and the answers of the commands all use it.

use super::Kb;
use super::index::{Index, Ix};

/// What kind of entity something is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Alliance,
    Org,
    Focus,
    Artifact,
}

impl EntityKind {
    /// Every kind, in the order lists and lookups follow.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Alliance,
        EntityKind::Org,
        EntityKind::Focus,
        EntityKind::Artifact,
    ];

    /// `alliance`, `organization`, `focus area`, `artifact`.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Alliance => "alliance",
            EntityKind::Org => "organization",
            EntityKind::Focus => "focus area",
            EntityKind::Artifact => "artifact",
        }
    }

    /// The label with its article: `an alliance`, `a focus area`.
    pub fn with_article(self) -> &'static str {
        match self {
            EntityKind::Alliance => "an alliance",
            EntityKind::Org => "an organization",
            EntityKind::Focus => "a focus area",
            EntityKind::Artifact => "an artifact",
        }
    }

    /// The short name a user types for it (`--kind org`, `type:focus`).
    pub fn short(self) -> &'static str {
        match self {
            EntityKind::Alliance => "alliance",
            EntityKind::Org => "org",
            EntityKind::Focus => "focus",
            EntityKind::Artifact => "artifact",
        }
    }

    /// How many entities of this kind the knowledge base holds.
    pub fn count(self, kb: &Kb) -> usize {
        match self {
            EntityKind::Alliance => kb.alliances.len(),
            EntityKind::Org => kb.organizations.len(),
            EntityKind::Focus => kb.focus_areas.len(),
            EntityKind::Artifact => kb.artifacts.len(),
        }
    }
}

/// An alliance, organisation, focus area or artifact, by its position in its collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    Alliance(Ix),
    Org(Ix),
    Focus(Ix),
    Artifact(Ix),
}

impl Entity {
    pub fn new(kind: EntityKind, ix: Ix) -> Self {
        match kind {
            EntityKind::Alliance => Entity::Alliance(ix),
            EntityKind::Org => Entity::Org(ix),
            EntityKind::Focus => Entity::Focus(ix),
            EntityKind::Artifact => Entity::Artifact(ix),
        }
    }

    pub fn kind(self) -> EntityKind {
        match self {
            Entity::Alliance(_) => EntityKind::Alliance,
            Entity::Org(_) => EntityKind::Org,
            Entity::Focus(_) => EntityKind::Focus,
            Entity::Artifact(_) => EntityKind::Artifact,
        }
    }

    /// The position in its collection.
    pub fn ix(self) -> Ix {
        match self {
            Entity::Alliance(i) | Entity::Org(i) | Entity::Focus(i) | Entity::Artifact(i) => i,
        }
    }

    /// Whether `kb` has it.
    pub fn exists(self, kb: &Kb) -> bool {
        self.ix() < self.kind().count(kb)
    }

    /// Its id, or `""` when `kb` does not have it.
    pub fn id(self, kb: &Kb) -> &str {
        self.fields(kb).map_or("", |(id, _)| id)
    }

    /// Its display name, or `""` when `kb` does not have it.
    pub fn name(self, kb: &Kb) -> &str {
        self.fields(kb).map_or("", |(_, name)| name)
    }

    /// Its name on `day`: an alliance's or organisation's name then (before a renaming, the
    /// old one), the name of anything else.
    pub fn name_on(self, kb: &Kb, day: super::Day) -> &str {
        match self {
            Entity::Alliance(a) => kb.alliances.get(a).map_or("", |x| x.name_on(day)),
            Entity::Org(o) => kb.organizations.get(o).map_or("", |x| x.name_on(day)),
            other => other.name(kb),
        }
    }

    fn fields(self, kb: &Kb) -> Option<(&str, &str)> {
        match self {
            Entity::Alliance(a) => kb
                .alliances
                .get(a)
                .map(|x| (x.id.as_str(), x.name.as_str())),
            Entity::Org(o) => kb
                .organizations
                .get(o)
                .map(|x| (x.id.as_str(), x.name.as_str())),
            Entity::Focus(f) => kb
                .focus_areas
                .get(f)
                .map(|x| (x.id.as_str(), x.name.as_str())),
            Entity::Artifact(t) => kb
                .artifacts
                .get(t)
                .map(|x| (x.id.as_str(), x.name.as_str())),
        }
    }

    /// The entity with the same kind and id in another knowledge base (after a reload).
    pub fn find_in(self, old: &Kb, kb: &Kb, index: &Index) -> Option<Entity> {
        let id = self.fields(old)?.0;
        index
            .find(kb, self.kind(), id)
            .map(|ix| Entity::new(self.kind(), ix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entity_knows_its_kind_id_and_name_and_moves_to_new_data_by_id() {
        let kb = crate::kb::load_embedded().unwrap();
        let index = Index::new(&kb);
        let nvidia = Entity::Org(index.org(&kb, "nvidia").unwrap());
        assert_eq!(nvidia.kind(), EntityKind::Org);
        assert_eq!((nvidia.id(&kb), nvidia.name(&kb)), ("nvidia", "NVIDIA"));
        assert!(nvidia.exists(&kb));
        assert!(!Entity::Focus(10_000).exists(&kb));
        assert_eq!(Entity::Focus(10_000).name(&kb), "");
        let mut other = kb.clone();
        other.organizations.rotate_left(1);
        let other_index = Index::new(&other);
        let moved = nvidia.find_in(&kb, &other, &other_index).unwrap();
        assert_eq!(moved.name(&other), "NVIDIA");
        assert_ne!(moved, nvidia);
        other.organizations.retain(|o| o.id != "nvidia");
        let other_index = Index::new(&other);
        assert_eq!(nvidia.find_in(&kb, &other, &other_index), None);
    }
}
