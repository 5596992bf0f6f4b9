//! Alliances marked for comparison (at most two), and the pair a comparison is of.

use crate::kb::{Entity, Index, Ix, Kb};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks(Vec<Ix>);

/// What marking did, for the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marked {
    None,
    One(Ix),
    Two(Ix, Ix),
}

impl Marks {
    /// The marked alliances, oldest first.
    pub fn get(&self) -> &[Ix] {
        &self.0
    }

    /// Marks `a`, or unmarks it if it is marked; a third mark replaces the oldest.
    pub fn toggle(&mut self, a: Ix) -> Marked {
        if let Some(i) = self.0.iter().position(|&m| m == a) {
            self.0.remove(i);
        } else {
            self.0.push(a);
            if self.0.len() > 2 {
                self.0.remove(0);
            }
        }
        match self.0[..] {
            [] => Marked::None,
            [one] => Marked::One(one),
            [a, b, ..] => Marked::Two(a, b),
        }
    }

    /// The pair to compare: the two marked alliances, or the marked one and `selected`.
    pub fn pair(&self, selected: Option<Ix>) -> Option<(Ix, Ix)> {
        match (self.0.as_slice(), selected) {
            ([a, b], _) => Some((*a, *b)),
            ([a], Some(b)) if *a != b => Some((*a, b)),
            _ => None,
        }
    }

    /// The same marks over new data, by id; marks of alliances that are gone are dropped.
    pub fn remap(&mut self, old: &Kb, kb: &Kb, index: &Index) {
        self.0 = self
            .0
            .iter()
            .filter_map(|&m| Entity::Alliance(m).find_in(old, kb, index))
            .map(Entity::ix)
            .collect();
    }

    /// Whether every mark is an alliance of `kb`.
    pub fn valid(&self, kb: &Kb) -> bool {
        self.0.len() <= 2 && self.0.iter().all(|&m| m < kb.alliances.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_third_mark_replaces_the_oldest_and_marking_again_unmarks() {
        let mut m = Marks::default();
        assert_eq!(m.toggle(0), Marked::One(0));
        assert_eq!(m.toggle(1), Marked::Two(0, 1));
        assert_eq!(m.toggle(2), Marked::Two(1, 2));
        assert_eq!(m.toggle(1), Marked::One(2));
        assert_eq!(m.toggle(2), Marked::None);
    }

    #[test]
    fn the_pair_is_two_marks_or_a_mark_and_the_selection() {
        let mut m = Marks::default();
        assert_eq!(m.pair(Some(3)), None);
        m.toggle(1);
        assert_eq!(m.pair(Some(1)), None);
        assert_eq!(m.pair(Some(3)), Some((1, 3)));
        m.toggle(4);
        assert_eq!(m.pair(None), Some((1, 4)));
    }
}
