//! Back and forward, with browser semantics.

/// The screens before and after the current one. A new jump after going back drops the
/// forward screens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History<T> {
    back: Vec<T>,
    forward: Vec<T>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History {
            back: Vec::new(),
            forward: Vec::new(),
        }
    }
}

/// How many screens back are kept; the oldest go first.
const LIMIT: usize = 1_000;

impl<T> History<T> {
    /// Records `current` before a jump to a new screen.
    pub fn push(&mut self, current: T) {
        if self.back.len() == LIMIT {
            self.back.remove(0);
        }
        self.back.push(current);
        self.forward.clear();
    }

    /// The previous screen; `current` becomes the next one forward.
    pub fn back(&mut self, current: T) -> Result<T, T> {
        match self.back.pop() {
            Some(previous) => {
                self.forward.push(current);
                Ok(previous)
            }
            None => Err(current),
        }
    }

    /// The next screen forward; `current` goes back.
    pub fn forward(&mut self, current: T) -> Result<T, T> {
        match self.forward.pop() {
            Some(next) => {
                self.back.push(current);
                Ok(next)
            }
            None => Err(current),
        }
    }

    /// Keeps the screens that `f` maps to a screen, mapped; drops the others.
    pub fn retain_map(&mut self, mut f: impl FnMut(T) -> Option<T>) {
        self.back = std::mem::take(&mut self.back)
            .into_iter()
            .filter_map(&mut f)
            .collect();
        self.forward = std::mem::take(&mut self.forward)
            .into_iter()
            .filter_map(&mut f)
            .collect();
    }

    /// The screens behind the current one, oldest first.
    pub fn behind(&self) -> &[T] {
        &self.back
    }

    pub fn ahead(&self) -> usize {
        self.forward.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_and_forward_walk_the_path() {
        let mut h = History::default();
        h.push("a");
        h.push("b");
        let cur = h.back("c").unwrap();
        assert_eq!(cur, "b");
        let cur = h.back(cur).unwrap();
        assert_eq!(cur, "a");
        assert_eq!(h.back(cur), Err("a"));
        let cur = h.forward("a").unwrap();
        assert_eq!(cur, "b");
        assert_eq!(h.forward(cur), Ok("c"));
    }

    #[test]
    fn retain_map_maps_and_drops_on_both_sides() {
        let mut h = History::default();
        h.push(1);
        h.push(2);
        let cur = h.back(3).unwrap();
        h.retain_map(|x| (x != 1).then_some(x * 10));
        assert!(h.behind().is_empty());
        assert_eq!(h.forward(cur), Ok(30));
    }

    #[test]
    fn a_new_jump_after_going_back_drops_the_forward_screens() {
        let mut h = History::default();
        h.push("a");
        let cur = h.back("b").unwrap();
        assert_eq!(h.ahead(), 1);
        h.push(cur);
        assert_eq!(h.ahead(), 0);
        assert_eq!(h.forward("d"), Err("d"));
        assert_eq!(h.behind(), ["a"]);
    }
}
