//! The overlap matrix: alliances × alliances, each cell the organisations the two share, or
//! alliances × focus areas. The cursor moves cell by cell; Enter on a cell compares its two
//! alliances (or opens its focus area). Only the cells of the window are worked out.

use super::{Data, Open, Page, Pane, Picture, Shape, View, ViewState, page_key};
use crate::action::Action;
use crate::app::Cursor;
use crate::app::layout;
use crate::app::views::Tab;
use crate::kb::{Entity, Index, Ix, Kb};
use crate::pictures::matrix;
use ratatui::layout::Rect;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MatrixView {
    /// Alliances × focus areas instead of alliances × alliances.
    pub focus: bool,
    /// The row (a position on the axis) and the first row shown.
    pub rows: Cursor,
    /// The column and the first column shown.
    pub cols: Cursor,
    /// How many rows and columns of cells fit.
    fits: (usize, usize),
}

/// What the matrix shows: its rows (alliances, largest first), its columns, the cells of the
/// window, and what the cell under the cursor shares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatrixPage {
    pub rows: Vec<Ix>,
    /// Alliances (the rows again) or focus areas.
    pub columns: Vec<Entity>,
    /// The window's cells, row by row, from the first row and column shown.
    pub cells: Vec<Vec<usize>>,
    /// The organisations the two alliances of the cursor's cell share.
    pub shared: Vec<Ix>,
}

impl MatrixView {
    fn columns(&self, kb: &Kb) -> usize {
        if self.focus {
            kb.focus_areas.len()
        } else {
            kb.alliances.len()
        }
    }
}

impl ViewState for MatrixView {
    fn panes(&self) -> &'static [Pane] {
        &[Pane::Picture]
    }

    fn shape(&self) -> Shape {
        Shape::Columns
    }

    fn cursor(&self, pane: Pane) -> Option<&Cursor> {
        (pane == Pane::Picture).then_some(&self.rows)
    }

    fn cursor_mut(&mut self, pane: Pane) -> Option<&mut Cursor> {
        (pane == Pane::Picture).then_some(&mut self.rows)
    }

    fn header_lines(&self, _pane: Pane) -> usize {
        // The column numbers above, the two lines about the cell below.
        3
    }

    fn title(&self, _data: &Data) -> String {
        if self.focus {
            "Matrix of focus areas".into()
        } else {
            "Matrix".into()
        }
    }

    fn valid(&self, _kb: &Kb) -> bool {
        true
    }

    fn remap(&self, _old: &Kb, _kb: &Kb, _index: &Index) -> Option<View> {
        Some(View::Matrix(self.clone()))
    }

    fn tab(&self) -> Option<Tab> {
        Some(Tab::Matrix)
    }

    fn fit(&mut self, data: &Data, room: Rect) {
        let areas = layout::matrix(room);
        self.fits = (areas.rows, areas.cols);
        self.rows.clamp(data.kb.alliances.len(), areas.rows);
        self.cols.clamp(self.columns(data.kb), areas.cols);
    }

    fn steer(&mut self, action: Action, data: &Data) -> bool {
        let n = self.columns(data.kb);
        match action {
            Action::NextPane => self.cols.select_next(n),
            Action::PreviousPane => self.cols.select_previous(),
            Action::Mode => {
                self.focus = !self.focus;
                self.cols = Cursor::default();
            }
            _ => return false,
        }
        self.cols.clamp(self.columns(data.kb), self.fits.1);
        true
    }

    fn page_key(&self, _data: &Data) -> u64 {
        page_key(("matrix", self.focus, self.rows, self.cols, self.fits))
    }

    fn page(&self, data: &Data, _width: u16) -> Page {
        let (kb, index, day) = (data.kb, data.index, data.day);
        let rows = matrix::axis(kb, day);
        let columns: Vec<Entity> = if self.focus {
            (0..kb.focus_areas.len()).map(Entity::Focus).collect()
        } else {
            rows.iter().map(|&a| Entity::Alliance(a)).collect()
        };
        let window_rows = rows.iter().skip(self.rows.offset).take(self.fits.0);
        let orgs = |a: Ix| matrix::orgs(kb, index, a, day);
        let column_orgs: Vec<Vec<Ix>> = if self.focus {
            Vec::new()
        } else {
            rows.iter()
                .skip(self.cols.offset)
                .take(self.fits.1)
                .map(|&b| orgs(b))
                .collect()
        };
        let cells = window_rows
            .map(|&a| {
                let mine = if self.focus { Vec::new() } else { orgs(a) };
                columns
                    .iter()
                    .skip(self.cols.offset)
                    .take(self.fits.1)
                    .enumerate()
                    .map(|(j, &c)| match c {
                        Entity::Focus(f) => usize::from(matrix::works_on(index, a, f)),
                        Entity::Alliance(b) if b == a => kb.alliances[a].size_on(day),
                        _ => matrix::shared(&mine, &column_orgs[j]).len(),
                    })
                    .collect()
            })
            .collect();
        let shared = match (
            rows.get(self.rows.selected),
            columns.get(self.cols.selected),
        ) {
            (Some(&a), Some(&Entity::Alliance(b))) if a != b => {
                let mut both = matrix::shared(&orgs(a), &orgs(b));
                both.sort_by(|&x, &y| {
                    crate::text::compare_names(&kb.organizations[x].name, &kb.organizations[y].name)
                });
                both
            }
            _ => Vec::new(),
        };
        let mut page = Page::new(crate::doc::Doc::default(), Vec::new());
        page.picture = Picture::Matrix(MatrixPage {
            rows,
            columns,
            cells,
            shared,
        });
        page
    }

    fn len(&self, pane: Pane, data: &Data, _page: &Page) -> usize {
        if pane == Pane::Picture {
            data.kb.alliances.len()
        } else {
            0
        }
    }

    fn open(&self, _pane: Pane, _data: &Data, page: &Page) -> Open {
        let Picture::Matrix(m) = &page.picture else {
            return Open::Nothing;
        };
        match (
            m.rows.get(self.rows.selected),
            m.columns.get(self.cols.selected),
        ) {
            (Some(&a), Some(&Entity::Alliance(b))) if a != b => Open::Compare(a, b),
            (Some(&a), Some(&Entity::Alliance(_))) => Open::Jump(Entity::Alliance(a)),
            (Some(_), Some(&focus)) => Open::Jump(focus),
            _ => Open::Nothing,
        }
    }

    fn subject(&self, data: &Data) -> Option<Entity> {
        matrix::axis(data.kb, data.day)
            .get(self.rows.selected)
            .map(|&a| Entity::Alliance(a))
    }

    fn hints(&self, _pane: Pane) -> Vec<Action> {
        use Action::*;
        vec![Down, Up, NextPane, Open, Mode]
    }
}
