//! A view of a whole listing as a table (every organisation, focus area or claim of the
//! article), narrowed and ordered, with the selected row's page beside it.

use super::{Data, Listed, Narrowing, Open, Page, Pane, Shape, View, ViewState, page_key};
use crate::action::Action;
use crate::app::Cursor;
use crate::kb::{Entity, Index, Kb};
use crate::listing::{Listing, columns};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableView {
    pub listing: Listing,
    /// The table: a position among its rows.
    pub table: Cursor,
    /// The selected row's page.
    pub details: Cursor,
    /// What the table shows: its filter and order.
    pub narrowing: Narrowing,
}

impl TableView {
    pub fn new(listing: Listing) -> Self {
        TableView {
            listing,
            table: Cursor::default(),
            details: Cursor::default(),
            narrowing: Narrowing::of(listing),
        }
    }

    /// The selected row.
    pub fn selected(&self, data: &Data) -> Option<u32> {
        data.rows.get(self.table.selected).copied()
    }
}

impl ViewState for TableView {
    fn panes(&self) -> &'static [Pane] {
        &[Pane::Table, Pane::Details]
    }

    fn shape(&self) -> Shape {
        Shape::TableDetails
    }

    fn cursor(&self, pane: Pane) -> Option<&Cursor> {
        match pane {
            Pane::Table => Some(&self.table),
            Pane::Details => Some(&self.details),
            _ => None,
        }
    }

    fn cursor_mut(&mut self, pane: Pane) -> Option<&mut Cursor> {
        match pane {
            Pane::Table => Some(&mut self.table),
            Pane::Details => Some(&mut self.details),
            _ => None,
        }
    }

    fn header_lines(&self, pane: Pane) -> usize {
        usize::from(pane == Pane::Table)
    }

    fn title(&self, _data: &Data) -> String {
        self.listing.label().to_string()
    }

    fn valid(&self, _kb: &Kb) -> bool {
        true
    }

    fn remap(&self, _old: &Kb, _kb: &Kb, _index: &Index) -> Option<View> {
        Some(View::Table(self.clone()))
    }

    fn listing(&self) -> Option<Listed<'_>> {
        Some(Listed {
            pane: Pane::Table,
            listing: self.listing,
            narrowing: &self.narrowing,
        })
    }

    fn narrowing_mut(&mut self) -> Option<&mut Narrowing> {
        Some(&mut self.narrowing)
    }

    fn page_key(&self, data: &Data) -> u64 {
        page_key(("table", self.listing, self.selected(data)))
    }

    fn page(&self, data: &Data, width: u16) -> Page {
        let scope = data.scope();
        let doc = match self
            .selected(data)
            .and_then(|row| columns::opens(&scope, self.listing, row))
        {
            Some((Entity::Alliance(a), Some(c))) => {
                crate::doc::claim(data.kb, data.index, a, c, width, data.day)
            }
            Some((Entity::Alliance(a), None)) => {
                crate::doc::alliance(data.kb, data.index, a, width, data.day)
            }
            Some((entity, _)) => {
                crate::doc::entity::page_with_links(data.kb, data.index, entity, width, data.day)
            }
            None => crate::doc::Doc::default(),
        };
        Page::new(doc, Vec::new())
    }

    fn len(&self, pane: Pane, data: &Data, _page: &Page) -> usize {
        match pane {
            Pane::Table => data.rows.len(),
            _ => 0,
        }
    }

    fn open(&self, pane: Pane, data: &Data, _page: &Page) -> Open {
        if pane != Pane::Table {
            return Open::Nothing;
        }
        let scope = data.scope();
        match self
            .selected(data)
            .and_then(|row| columns::opens(&scope, self.listing, row))
        {
            Some((Entity::Alliance(a), Some(c))) => Open::Claim(a, c),
            Some((entity, _)) => Open::Jump(entity),
            None => Open::Nothing,
        }
    }

    fn moved(&mut self, pane: Pane) {
        if pane == Pane::Table {
            self.details = Cursor::default();
        }
    }

    fn subject(&self, data: &Data) -> Option<Entity> {
        let row = self.selected(data)?;
        columns::opens(&data.scope(), self.listing, row).map(|(e, _)| e)
    }

    fn hints(&self, pane: Pane) -> Vec<Action> {
        use Action::*;
        match pane {
            Pane::Table => vec![Down, Up, Open, Filter, SortNext, Path, NextPane],
            _ => vec![Down, Up, Open, NextSection, PreviousPane],
        }
    }
}
