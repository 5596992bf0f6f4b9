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
    /// Each pane shown, left to right: those that fit, the focused one among them (all of
    /// them on a wide terminal; the focused one alone when zoomed).
    pub panes: Vec<PaneArea>,
    /// How many of the view's panes are not shown, before and after those shown (Tab reaches
    /// them).
    pub hidden: (usize, usize),
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
    let all = screen.panes();
    let (widths, fit) = widths(screen.state().shape(), size.width, all.len());
    // The panes shown: as many as fit, from the first, moved along to include the focused one.
    let fit = if screen.zoomed() {
        1
    } else {
        fit.clamp(1, all.len())
    };
    let focus = screen.focus_index();
    let first = focus.saturating_sub(fit - 1).min(all.len() - fit);
    let shown = first..first + fit;
    let mut widths = widths[shown.clone()].to_vec();
    // One pane of the shown ones takes what the others leave.
    if fit == 1 {
        widths = vec![Fill(1)];
    } else if !widths.iter().any(|w| matches!(w, Fill(_))) {
        widths[fit - 1] = Fill(1);
    }
    let rects = Layout::horizontal(widths).split(body);
    let panes = all[shown.clone()]
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
        hidden: (shown.start, all.len() - shown.end),
        status,
        hints,
    })
}

/// The narrowest the details pane may be, and the width from which a view shows every pane.
pub const DETAILS_COLS: u16 = 40;
pub const ALL_PANES_FROM: u16 = 100;

/// The widths of a shape's `n` panes on a terminal `cols` wide, and how many of them fit side
/// by side (the details never narrower than [`DETAILS_COLS`]).
fn widths(shape: Shape, cols: u16, n: usize) -> (Vec<Constraint>, usize) {
    use Constraint::{Fill, Length};
    match shape {
        Shape::ListDetailsSide => {
            let list = (cols * 28 / 100).clamp(24, 40);
            let side = (cols * 24 / 100).clamp(18, 36);
            let fit = if cols >= ALL_PANES_FROM {
                3
            } else if cols >= list + DETAILS_COLS {
                2
            } else {
                1
            };
            (vec![Length(list), Fill(1), Length(side)], fit)
        }
        Shape::ListDetails => {
            let list = (cols * 42 / 100).clamp(24, 60);
            let fit = if cols >= list + DETAILS_COLS { 2 } else { 1 };
            (vec![Length(list), Fill(1)], fit)
        }
        Shape::Columns => {
            // A column of organisations needs room for a name and its country.
            let fit = usize::from(cols / 32).max(1);
            (vec![Fill(1); n], fit)
        }
        Shape::Compare => {
            // Each list of those only in one needs room for a name and a role.
            let fit = if cols >= 110 {
                3
            } else if cols >= 70 {
                2
            } else {
                1
            };
            (vec![Fill(3), Fill(2), Fill(2)], fit)
        }
        Shape::TableDetails => {
            let details = (cols * 38 / 100).clamp(DETAILS_COLS, 64);
            let fit = if cols >= details + 50 { 2 } else { 1 };
            (vec![Fill(3), Length(details)], fit)
        }
    }
}

/// The panel of the knowledge base's problems after a reload: the lower part of the body, as
/// tall as `lines` need (with its border), at most half of the body.
pub fn problems_panel(body: Rect, lines: usize) -> Rect {
    let want = u16::try_from(lines.saturating_add(2)).unwrap_or(u16::MAX);
    let height = want.min(body.height / 2).max(4.min(body.height));
    Rect {
        y: body.bottom().saturating_sub(height),
        height,
        ..body
    }
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
        for (w, h, shown) in [(50, 12, 1), (80, 24, 2), (100, 30, 3), (200, 60, 3)] {
            let a = areas(Rect::new(0, 0, w, h), &Screen::alliances(0)).unwrap();
            let total: u16 = a.panes.iter().map(|p| p.frame.width).sum();
            assert_eq!(total, w);
            assert_eq!(a.panes.len(), shown, "{w}x{h}");
            assert_eq!(a.hidden, (0, 3 - shown), "{w}x{h}");
            assert_eq!(a.header.height + a.panes[0].frame.height + 2, h);
            assert_eq!(a.header.height, 2);
            assert_eq!(a.body.height, a.panes[0].frame.height);
        }
        let compare = Screen::new(View::Compare(Compare::of(0, 1)), Pane::Shared);
        let widths = |cols| -> Vec<u16> {
            let a = areas(Rect::new(0, 0, cols, 20), &compare).unwrap();
            a.panes.iter().map(|p| p.frame.width).collect()
        };
        assert_eq!(widths(120), [51, 35, 34]);
        assert_eq!(widths(90), [54, 36]);
    }

    #[test]
    fn a_narrow_terminal_shows_the_focused_pane_and_its_neighbour_details_never_thin() {
        let mut screen = Screen::alliances(0);
        let shown = |screen: &Screen, cols| -> Vec<Pane> {
            let a = areas(Rect::new(0, 0, cols, 24), screen).unwrap();
            for p in &a.panes {
                if p.pane == Pane::Details {
                    assert!(p.frame.width >= DETAILS_COLS, "{cols}: {:?}", p.frame);
                }
            }
            a.panes.iter().map(|p| p.pane).collect()
        };
        assert_eq!(shown(&screen, 80), [Pane::List, Pane::Details]);
        assert_eq!(shown(&screen, 60), [Pane::List]);
        // Tab reaches every pane: the panes shown follow the focus.
        screen.set_focus(Pane::Side);
        assert_eq!(shown(&screen, 80), [Pane::Details, Pane::Side]);
        assert_eq!(shown(&screen, 60), [Pane::Side]);
        // Zoomed, the focused pane takes the whole body at any size.
        screen.toggle_zoom();
        for cols in [60, 80, 200] {
            let a = areas(Rect::new(0, 0, cols, 24), &screen).unwrap();
            assert_eq!(a.panes.len(), 1);
            assert_eq!(a.panes[0].frame, a.body);
            assert_eq!(a.hidden, (2, 0));
        }
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

/// The matrix inside its pane: a heading line of column numbers, the rows with their labels,
/// and two lines under them about the cell under the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixAreas {
    pub header: Rect,
    pub labels: Rect,
    pub cells: Rect,
    pub about: Rect,
    /// How many rows and columns of cells fit.
    pub rows: usize,
    pub cols: usize,
}

/// Columns of one cell of the matrix.
pub const MATRIX_CELL_COLS: u16 = 5;

pub fn matrix(inner: Rect) -> MatrixAreas {
    let label = (inner.width * 35 / 100).clamp(8, 34).min(inner.width);
    let about_h = 2.min(inner.height);
    let body_h = inner.height.saturating_sub(1 + about_h);
    let header = Rect::new(
        inner.x + label,
        inner.y,
        inner.width - label,
        1.min(inner.height),
    );
    let labels = Rect::new(inner.x, inner.y + 1, label, body_h);
    let cells = Rect::new(inner.x + label, inner.y + 1, inner.width - label, body_h);
    let about = Rect::new(inner.x, inner.y + 1 + body_h, inner.width, about_h);
    MatrixAreas {
        header,
        labels,
        cells,
        about,
        rows: usize::from(body_h),
        cols: usize::from(cells.width / MATRIX_CELL_COLS),
    }
}

/// The timeline inside its pane: the axis on top (labels, the line, the marks, the cursor),
/// the list of what happened under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineAreas {
    pub axis: Rect,
    pub list: Rect,
}

/// Lines the axis takes: its labels, the line, three of marks, the cursor's line, a rule.
pub const TIMELINE_AXIS_LINES: u16 = 7;

pub fn timeline(inner: Rect) -> TimelineAreas {
    let axis_h = TIMELINE_AXIS_LINES.min(inner.height);
    TimelineAreas {
        axis: Rect::new(inner.x, inner.y, inner.width, axis_h),
        list: Rect::new(
            inner.x,
            inner.y + axis_h,
            inner.width,
            inner.height - axis_h,
        ),
    }
}

/// The map inside its pane: the world on the left, the countries by count on the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapAreas {
    pub world: Rect,
    pub list: Rect,
}

/// The latitudes the map shows (the longitudes are all of them).
pub const MAP_LATITUDES: [f64; 2] = [-60.0, 85.0];

pub fn map(inner: Rect) -> MapAreas {
    let list_w = (inner.width * 36 / 100).clamp(16.min(inner.width), 34);
    let world_w = inner.width - list_w;
    // Braille dots are about square (two across, four down a cell twice as tall as wide): a
    // degree takes as many dots each way when the height is this share of the width.
    let span = MAP_LATITUDES[1] - MAP_LATITUDES[0];
    let world_h = ((f64::from(world_w) * 2.0 * span / 360.0 / 4.0).round() as u16)
        .clamp(1.min(inner.height), inner.height);
    let top = inner.y + (inner.height - world_h) / 2;
    MapAreas {
        world: Rect::new(inner.x, top, world_w, world_h),
        list: Rect::new(
            inner.x + inner.width - list_w,
            inner.y,
            list_w,
            inner.height,
        ),
    }
}
