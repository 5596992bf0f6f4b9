//! A selection in a list, and the first row shown.

/// The selected row of a list and the first visible row. Kept in range by `clamp`, which
/// `App::update` calls after every action, so a list and what depends on it always agree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    pub fn select_next(&mut self, len: usize) {
        if self.selected + 1 < len {
            self.selected += 1;
        }
    }

    pub fn select_previous(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn select_first(&mut self) {
        self.selected = 0;
    }

    pub fn select_last(&mut self, len: usize) {
        self.selected = len.saturating_sub(1);
    }

    /// Moves by `delta` rows (a page, a wheel turn), stopping at the ends.
    pub fn select_by(&mut self, delta: isize, len: usize) {
        let target = self.selected.saturating_add_signed(delta);
        self.selected = target.min(len.saturating_sub(1));
    }

    /// Keeps the selection inside `0..len` and visible in a window of `height` rows.
    pub fn clamp(&mut self, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.offset = visible_offset(self.offset, self.selected, height, len);
    }
}

/// The smallest change of `offset` that shows row `row` in a window of `height` rows over
/// `len` rows, without scrolling past the end.
pub fn visible_offset(offset: usize, row: usize, height: usize, len: usize) -> usize {
    if height == 0 {
        return offset.min(row);
    }
    let mut offset = offset;
    if row < offset {
        offset = row;
    } else if row >= offset + height {
        offset = row + 1 - height;
    }
    offset.min(len.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_and_stops_at_the_ends() {
        let mut c = Cursor::default();
        c.select_previous();
        assert_eq!(c.selected, 0);
        c.select_next(3);
        c.select_next(3);
        c.select_next(3);
        assert_eq!(c.selected, 2);
        c.select_by(-10, 3);
        assert_eq!(c.selected, 0);
        c.select_by(10, 3);
        assert_eq!(c.selected, 2);
        c.select_last(0);
        assert_eq!(c.selected, 0);
    }

    #[test]
    fn clamp_keeps_the_selection_in_range_and_in_view() {
        let mut c = Cursor {
            selected: 50,
            offset: 0,
        };
        c.clamp(100, 10);
        assert_eq!(
            c,
            Cursor {
                selected: 50,
                offset: 41
            }
        );
        c.clamp(20, 10);
        assert_eq!(
            c,
            Cursor {
                selected: 19,
                offset: 10
            }
        );
        c.clamp(0, 10);
        assert_eq!(
            c,
            Cursor {
                selected: 0,
                offset: 0
            }
        );
        c.clamp(5, 0);
        assert_eq!(c.selected, 0);
    }
}
