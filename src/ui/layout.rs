//! Where each part of the screen goes, for a terminal size and a view. Pure, so the renderer
//! and the mouse handler agree on every rectangle.

use crate::app::{Pane, View};
use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// Below this size the explorer shows a "terminal too small" message instead.
pub const MIN_COLS: u16 = 50;
pub const MIN_ROWS: u16 = 12;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    /// Each pane with its bordered rectangle, left to right.
    pub panes: Vec<(Pane, Rect)>,
    pub status: Rect,
    pub hints: Rect,
}

impl Areas {
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        self.panes.iter().find(|(p, _)| *p == pane).map(|(_, r)| *r)
    }

    /// The pane whose inside holds the cell, with that inside.
    pub fn pane_at(&self, col: u16, row: u16) -> Option<(Pane, Rect)> {
        self.panes
            .iter()
            .map(|(p, r)| (*p, inner(*r)))
            .find(|(_, r)| r.contains((col, row).into()))
    }
}

/// The inside of a bordered pane.
pub fn inner(rect: Rect) -> Rect {
    rect.inner(Margin::new(1, 1))
}

/// The layout of `area` for `view`, or `None` when the terminal is too small.
pub fn areas(area: Rect, view: &View) -> Option<Areas> {
    if area.width < MIN_COLS || area.height < MIN_ROWS {
        return None;
    }
    use Constraint::{Fill, Length};
    let [header, body, status, hints] = area.layout(&Layout::vertical([
        Length(1),
        Fill(1),
        Length(1),
        Length(1),
    ]));
    let panes = match view {
        View::Alliances => {
            let list_w = (area.width * 28 / 100).clamp(24, 40);
            let side_w = (area.width * 24 / 100).clamp(18, 36);
            let [list, details, side] = body.layout(&Layout::horizontal([
                Length(list_w),
                Fill(1),
                Length(side_w),
            ]));
            vec![
                (Pane::List, list),
                (Pane::Details, details),
                (Pane::Side, side),
            ]
        }
        View::Entity(_) => {
            let list_w = (area.width * 42 / 100).clamp(24, 60);
            let [list, details] = body.layout(&Layout::horizontal([Length(list_w), Fill(1)]));
            vec![(Pane::List, list), (Pane::Details, details)]
        }
        View::Compare(..) => {
            let [shared, first, second] =
                body.layout(&Layout::horizontal([Fill(1), Fill(1), Fill(1)]));
            vec![
                (Pane::Shared, shared),
                (Pane::OnlyFirst, first),
                (Pane::OnlySecond, second),
            ]
        }
    };
    Some(Areas {
        header,
        panes,
        status,
        hints,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_fill_the_body_without_overlap() {
        for (w, h) in [(50, 12), (80, 24), (200, 60)] {
            let a = areas(Rect::new(0, 0, w, h), &View::Alliances).unwrap();
            let total: u16 = a.panes.iter().map(|(_, r)| r.width).sum();
            assert_eq!(total, w);
            assert_eq!(a.header.height + a.panes[0].1.height + 2, h);
        }
    }

    #[test]
    fn too_small_has_no_layout() {
        assert!(areas(Rect::new(0, 0, 20, 6), &View::Alliances).is_none());
        assert!(areas(Rect::new(0, 0, 0, 0), &View::Alliances).is_none());
    }

    #[test]
    fn finds_the_pane_under_a_cell() {
        let a = areas(Rect::new(0, 0, 100, 30), &View::Alliances).unwrap();
        assert_eq!(a.pane_at(3, 3).map(|(p, _)| p), Some(Pane::List));
        assert_eq!(a.pane_at(0, 3), None); // a border
        assert_eq!(a.pane_at(99 - 3, 3).map(|(p, _)| p), Some(Pane::Side));
    }
}
