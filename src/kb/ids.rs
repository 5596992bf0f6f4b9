//! Tables from ids to positions that hold only the positions: the ids themselves stay in the
//! knowledge base, so a million organisations cost a few megabytes, not a copy of every id.

use hashbrown::{DefaultHashBuilder, HashTable};
use std::hash::BuildHasher;

/// Positions by id. Every lookup is given the way to read the id at a position (the
/// collection the table was built from), and compares ids, not only their hashes.
#[derive(Clone, Default)]
pub struct IdTable<V> {
    table: HashTable<V>,
    hasher: DefaultHashBuilder,
}

impl<V: Copy> IdTable<V> {
    pub fn with_capacity(n: usize) -> Self {
        IdTable {
            table: HashTable::with_capacity(n),
            hasher: DefaultHashBuilder::default(),
        }
    }

    /// The value for `id`, where `key` reads the id a value stands for.
    pub fn get<'k>(&self, id: &str, key: impl Fn(V) -> &'k str) -> Option<V> {
        let hash = self.hasher.hash_one(id);
        self.table.find(hash, |&v| key(v) == id).copied()
    }

    /// Adds `value` under `id` unless the id is already there: then gives back the value it
    /// has (the first definition wins).
    pub fn insert<'k>(&mut self, id: &str, value: V, key: impl Fn(V) -> &'k str) -> Result<(), V> {
        let hash = self.hasher.hash_one(id);
        let hasher = &self.hasher;
        match self
            .table
            .entry(hash, |&v| key(v) == id, |&v| hasher.hash_one(key(v)))
        {
            hashbrown::hash_table::Entry::Occupied(e) => Err(*e.get()),
            hashbrown::hash_table::Entry::Vacant(e) => {
                e.insert(value);
                Ok(())
            }
        }
    }

    /// Every value, in no particular order.
    pub fn values(&self) -> impl Iterator<Item = V> + '_ {
        self.table.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    pub fn shrink_to_fit(&mut self, key: impl Fn(V) -> u64) {
        self.table.shrink_to_fit(|&v| key(v));
    }
}

impl<V> std::fmt::Debug for IdTable<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IdTable({} ids)", self.table.len())
    }
}

/// Positions in one collection by the id of the item at each position.
#[derive(Clone, Default, Debug)]
pub struct Positions(IdTable<u32>);

impl Positions {
    /// The positions of the `n` ids that `id_at` reads; a repeated id keeps its first
    /// position.
    pub fn new<'k>(n: usize, id_at: impl Fn(usize) -> &'k str) -> Self {
        let key = |i: u32| id_at(i as usize);
        let mut table = IdTable::with_capacity(n);
        for i in 0..n {
            let _ = table.insert(id_at(i), i as u32, key);
        }
        Positions(table)
    }

    /// The positions of a collection's items.
    pub fn of<T: Identified>(items: &[T]) -> Self {
        Positions::new(items.len(), |i| items[i].id())
    }

    /// The position of `id`, where `id_at` reads the id at a position.
    pub fn get<'k>(&self, id: &str, id_at: impl Fn(usize) -> Option<&'k str>) -> Option<usize> {
        self.0
            .get(id, |i| id_at(i as usize).unwrap_or(""))
            .map(|i| i as usize)
            .filter(|&i| id_at(i) == Some(id))
    }

    /// The position of `id` in `items` (the collection the table was built from).
    pub fn find<T: Identified>(&self, items: &[T], id: &str) -> Option<usize> {
        self.get(id, |i| items.get(i).map(Identified::id))
    }
}

/// What has an id.
pub trait Identified {
    fn id(&self) -> &str;
}

macro_rules! identified {
    ($($t:ty),*) => {
        $(impl Identified for $t {
            fn id(&self) -> &str {
                &self.id
            }
        })*
    };
}

identified!(
    super::Alliance,
    super::Organization,
    super::FocusArea,
    super::Artifact,
    super::Source
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_id_and_keeps_the_first_of_a_repeat() {
        let ids = ["ibm", "meta", "ibm", "sony"];
        let p = Positions::new(ids.len(), |i| ids[i]);
        let at = |i: usize| ids.get(i).copied();
        assert_eq!(p.get("ibm", at), Some(0));
        assert_eq!(p.get("meta", at), Some(1));
        assert_eq!(p.get("sony", at), Some(3));
        assert_eq!(p.get("nvidia", at), None);
        assert_eq!(p.get("", at), None);
    }

    #[test]
    fn insert_reports_the_existing_value() {
        let ids = ["a", "b", "a"];
        let key = |i: u32| ids[i as usize];
        let mut t = IdTable::with_capacity(0);
        assert_eq!(t.insert("a", 0, key), Ok(()));
        assert_eq!(t.insert("b", 1, key), Ok(()));
        assert_eq!(t.insert("a", 2, key), Err(0));
        assert_eq!(t.len(), 2);
    }
}
