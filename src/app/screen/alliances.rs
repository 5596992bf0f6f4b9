//! The alliance view: the list of alliances, the selected one's details, its focus areas.

use super::{Data, Open, Page, Pane, Shape, View, ViewState};
use crate::action::Action;
use crate::app::Cursor;
use crate::kb::{Entity, Index, Kb};

/// Screen lines each alliance takes in the list: its name, then its kind, year and size.
pub const LINES_PER_ALLIANCE: usize = 2;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alliances {
    /// The alliance list.
    pub list: Cursor,
    /// The selected alliance's detail document.
    pub details: Cursor,
    /// The selected alliance's focus areas.
    pub side: Cursor,
}

impl Alliances {
    /// The view on the `selected`-th alliance.
    pub fn on(selected: usize) -> Self {
        Alliances {
            list: Cursor {
                selected,
                offset: 0,
            },
            ..Alliances::default()
        }
    }

    /// The selected alliance, if `kb` has it.
    pub fn selected(&self, kb: &Kb) -> Option<usize> {
        (self.list.selected < kb.alliances.len()).then_some(self.list.selected)
    }
}

impl ViewState for Alliances {
    fn panes(&self) -> &'static [Pane] {
        &[Pane::List, Pane::Details, Pane::Side]
    }

    fn shape(&self) -> Shape {
        Shape::ListDetailsSide
    }

    fn cursor(&self, pane: Pane) -> Option<&Cursor> {
        match pane {
            Pane::List => Some(&self.list),
            Pane::Details => Some(&self.details),
            Pane::Side => Some(&self.side),
            _ => None,
        }
    }

    fn cursor_mut(&mut self, pane: Pane) -> Option<&mut Cursor> {
        match pane {
            Pane::List => Some(&mut self.list),
            Pane::Details => Some(&mut self.details),
            Pane::Side => Some(&mut self.side),
            _ => None,
        }
    }

    fn lines_per_item(&self, pane: Pane) -> usize {
        if pane == Pane::List {
            LINES_PER_ALLIANCE
        } else {
            1
        }
    }

    fn title(&self, data: &Data) -> String {
        data.kb.alliances.get(self.list.selected).map_or_else(
            || "Alliances".to_string(),
            |a| a.name_on(data.day).to_string(),
        )
    }

    fn valid(&self, kb: &Kb) -> bool {
        kb.alliances.is_empty() || self.list.selected < kb.alliances.len()
    }

    fn remap(&self, old: &Kb, kb: &Kb, index: &Index) -> Option<View> {
        let selected = Entity::Alliance(self.list.selected).find_in(old, kb, index)?;
        let mut view = self.clone();
        view.list.selected = selected.ix();
        Some(View::Alliances(view))
    }

    fn settle(&mut self, kb: &Kb) {
        self.list.selected = self.list.selected.min(kb.alliances.len().saturating_sub(1));
    }

    fn same_page(&self, other: &View) -> bool {
        matches!(other, View::Alliances(o) if o.list.selected == self.list.selected)
    }

    fn page(&self, data: &Data, width: u16) -> Page {
        let doc = crate::doc::alliance(data.kb, data.index, self.list.selected, width, data.day);
        Page::new(doc, Vec::new())
    }

    fn len(&self, pane: Pane, data: &Data, _page: &Page) -> usize {
        match pane {
            Pane::List => data.kb.alliances.len(),
            Pane::Side => self
                .selected(data.kb)
                .map_or(0, |a| data.index.alliance_focus(a).len()),
            _ => 0,
        }
    }

    fn open(&self, pane: Pane, data: &Data, _page: &Page) -> Open {
        match pane {
            Pane::List if self.selected(data.kb).is_some() => Open::Focus(Pane::Details),
            Pane::Side => self
                .selected(data.kb)
                .and_then(|a| data.index.alliance_focus(a).get(self.side.selected))
                .map_or(Open::Nothing, |&f| Open::Jump(Entity::Focus(f))),
            _ => Open::Nothing,
        }
    }

    fn moved(&mut self, pane: Pane) {
        if pane == Pane::List {
            self.details = Cursor::default();
            self.side = Cursor::default();
        }
    }

    fn hints(&self, pane: Pane) -> Vec<Action> {
        use Action::*;
        match pane {
            Pane::List => vec![Down, Up, Open, Search, GoTo, Mark, NextPane],
            Pane::Details => vec![Down, Up, Open, NextSection, Search, NextPane],
            _ => vec![Down, Up, Open, Search, PreviousPane],
        }
    }
}
