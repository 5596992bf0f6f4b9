//! The page of an organisation (the member view), a focus area or an artifact: what it links
//! to on the left, its details on the right.

use super::{Data, Open, Page, Pane, Shape, View, ViewState, page_key};
use crate::action::Action;
use crate::app::Cursor;
use crate::kb::{Entity, Index, Kb};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityView {
    /// An organisation, focus area or artifact (an alliance has the alliance view).
    pub entity: Entity,
    /// What it links to.
    pub links: Cursor,
    /// Its detail document.
    pub details: Cursor,
}

impl EntityView {
    pub fn new(entity: Entity) -> Self {
        EntityView {
            entity,
            links: Cursor::default(),
            details: Cursor::default(),
        }
    }
}

impl ViewState for EntityView {
    fn panes(&self) -> &'static [Pane] {
        &[Pane::List, Pane::Details]
    }

    fn shape(&self) -> Shape {
        Shape::ListDetails
    }

    fn cursor(&self, pane: Pane) -> Option<&Cursor> {
        match pane {
            Pane::List => Some(&self.links),
            Pane::Details => Some(&self.details),
            _ => None,
        }
    }

    fn cursor_mut(&mut self, pane: Pane) -> Option<&mut Cursor> {
        match pane {
            Pane::List => Some(&mut self.links),
            Pane::Details => Some(&mut self.details),
            _ => None,
        }
    }

    fn title(&self, data: &Data) -> String {
        self.entity.name(data.kb).to_string()
    }

    fn valid(&self, kb: &Kb) -> bool {
        self.entity.exists(kb) && !matches!(self.entity, Entity::Alliance(_))
    }

    fn remap(&self, old: &Kb, kb: &Kb, index: &Index) -> Option<View> {
        let entity = self.entity.find_in(old, kb, index)?;
        Some(View::Entity(EntityView {
            entity,
            ..self.clone()
        }))
    }

    fn page_key(&self, _data: &Data) -> u64 {
        page_key(("entity", self.entity))
    }

    fn page(&self, data: &Data, width: u16) -> Page {
        let page = crate::doc::page(data.kb, data.index, self.entity, width, data.day);
        Page::new(page.doc, vec![(Pane::List, page.links)])
    }

    fn len(&self, pane: Pane, _data: &Data, page: &Page) -> usize {
        page.rows(pane).len()
    }

    fn open(&self, pane: Pane, _data: &Data, page: &Page) -> Open {
        page.rows(pane)
            .get(self.links.selected)
            .filter(|_| pane == Pane::List)
            .map_or(Open::Nothing, |row| Open::Jump(row.target))
    }

    fn subject(&self, _data: &Data) -> Option<Entity> {
        Some(self.entity)
    }

    fn hints(&self, pane: Pane) -> Vec<Action> {
        use Action::*;
        match pane {
            Pane::List => vec![Down, Up, Open, Search, NextPane],
            _ => vec![Down, PageDown, PreviousPane],
        }
    }
}
