//! Where each part of the screen goes, for a terminal size and a view: the geometry the state
//! needs for paging, scrolling and mouse hit-testing, and that the widgets draw into. Pure, so
//! the state and the drawing agree on every rectangle.

use super::screen::{Pane, Screen, Shape};
use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// Below this size the explorer shows a "terminal too small" message instead.
pub const MIN_COLS: u16 = 50;
pub const MIN_ROWS: u16 = 12;

/// A pane's place: its frame (with the border) and the inside its content fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneArea {
    pub pane: Pane,
    pub frame: Rect,
    pub inner: Rect,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Areas {
    /// Two lines: the path of screens and the day, then the row of views.
    pub header: Rect,
    /// Between the header and the status line.
    pub body: Rect,
    /// Each pane, left to right.
    pub panes: Vec<PaneArea>,
    pub status: Rect,
    pub hints: Rect,
}

impl Areas {
    pub fn pane(&self, pane: Pane) -> Option<&PaneArea> {
        self.panes.iter().find(|p| p.pane == pane)
    }

    /// The pane whose inside holds the cell.
    pub fn pane_at(&self, col: u16, row: u16) -> Option<&PaneArea> {
        self.panes
            .iter()
            .find(|p| p.inner.contains((col, row).into()))
    }
}

/// The inside of a pane's or popup's frame: every frame has a one-cell border.
pub fn inner(frame: Rect) -> Rect {
    frame.inner(Margin::new(1, 1))
}

/// The layout of `size` for the screen's view, or `None` when the terminal is too small.
pub fn areas(size: Rect, screen: &Screen) -> Option<Areas> {
    if size.width < MIN_COLS || size.height < MIN_ROWS {
        return None;
    }
    use Constraint::{Fill, Length};
    // The header: the path and the day, then the row of views.
    let [header, body, status, hints] = size.layout(&Layout::vertical([
        Length(2),
        Fill(1),
        Length(1),
        Length(1),
    ]));
    let widths: Vec<Constraint> = match screen.state().shape() {
        Shape::ListDetailsSide => vec![
            Length((size.width * 28 / 100).clamp(24, 40)),
            Fill(1),
            Length((size.width * 24 / 100).clamp(18, 36)),
        ],
        Shape::ListDetails => vec![Length((size.width * 42 / 100).clamp(24, 60)), Fill(1)],
        Shape::Columns => screen.panes().iter().map(|_| Fill(1)).collect(),
        Shape::TableDetails => vec![Fill(3), Length((size.width * 38 / 100).clamp(30, 64))],
    };
    let rects = Layout::horizontal(widths).split(body);
    let panes = screen
        .panes()
        .iter()
        .zip(rects.iter())
        .map(|(&pane, &frame)| PaneArea {
            pane,
            frame,
            inner: inner(frame),
        })
        .collect();
    Some(Areas {
        header,
        body,
        panes,
        status,
        hints,
    })
}

/// A popup: its frame and its inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Popup {
    pub frame: Rect,
    pub inner: Rect,
}

impl Popup {
    fn centered(size: Rect, width: u16, height: u16) -> Self {
        let frame = size.centered(
            Constraint::Percentage(width),
            Constraint::Percentage(height),
        );
        Popup {
            frame,
            inner: inner(frame),
        }
    }
}

/// The help overlay.
pub fn help(size: Rect) -> Popup {
    Popup::centered(size, 70, 80)
}

/// A menu of `choices` rows: as wide as it needs up to the screen, centred.
pub fn menu(size: Rect, choices: usize) -> Popup {
    let width = size.width.saturating_sub(4).min(76);
    let height = (choices as u16)
        .saturating_add(2)
        .min(size.height.saturating_sub(2));
    let frame = size.centered(Constraint::Length(width), Constraint::Length(height));
    Popup {
        frame,
        inner: inner(frame),
    }
}

/// The search and go-to popup: the prompt on the first line inside, a rule under it, then the
/// rows of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FinderAreas {
    pub popup: Popup,
    pub prompt: Rect,
    pub rule: Rect,
    pub list: Rect,
}

pub fn finder(size: Rect) -> FinderAreas {
    let popup = Popup::centered(size, 86, 80);
    let inner = popup.inner;
    let row = |i: u16| Rect {
        y: inner.y.saturating_add(i),
        height: u16::from(inner.height > i),
        ..inner
    };
    FinderAreas {
        popup,
        prompt: row(0),
        rule: row(1),
        list: Rect {
            y: inner.y.saturating_add(2),
            height: inner.height.saturating_sub(2),
            ..inner
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::screen::{Compare, View};

    #[test]
    fn panes_fill_the_body_without_overlap() {
        for (w, h) in [(50, 12), (80, 24), (200, 60)] {
            let a = areas(Rect::new(0, 0, w, h), &Screen::alliances(0)).unwrap();
            let total: u16 = a.panes.iter().map(|p| p.frame.width).sum();
            assert_eq!(total, w);
            assert_eq!(a.header.height + a.panes[0].frame.height + 2, h);
            assert_eq!(a.header.height, 2);
            assert_eq!(a.body.height, a.panes[0].frame.height);
        }
        let compare = Screen::new(View::Compare(Compare::of(0, 1)), Pane::Shared);
        let a = areas(Rect::new(0, 0, 90, 20), &compare).unwrap();
        let widths: Vec<u16> = a.panes.iter().map(|p| p.frame.width).collect();
        assert_eq!(widths, [30, 30, 30]);
    }

    #[test]
    fn too_small_has_no_layout() {
        assert!(areas(Rect::new(0, 0, 20, 6), &Screen::alliances(0)).is_none());
        assert!(areas(Rect::new(0, 0, 0, 0), &Screen::alliances(0)).is_none());
    }

    #[test]
    fn finds_the_pane_under_a_cell() {
        let a = areas(Rect::new(0, 0, 100, 30), &Screen::alliances(0)).unwrap();
        assert_eq!(a.pane_at(3, 3).map(|p| p.pane), Some(Pane::List));
        assert_eq!(a.pane_at(0, 3), None); // a border
        assert_eq!(a.pane_at(99 - 3, 3).map(|p| p.pane), Some(Pane::Side));
    }

    #[test]
    fn the_finder_s_rows_start_under_its_prompt_and_rule() {
        let f = finder(Rect::new(0, 0, 100, 30));
        assert_eq!(f.prompt.y + 1, f.rule.y);
        assert_eq!(f.rule.y + 1, f.list.y);
        assert_eq!(f.list.bottom(), f.popup.inner.bottom());
        let tiny = finder(Rect::new(0, 0, 2, 2));
        assert!(tiny.list.is_empty());
    }
}
