//! The alliance view: the list of alliances (narrowed and ordered like any list), the selected
//! one's details, its focus areas.

use super::{Data, Listed, Narrowing, Open, Page, Pane, Shape, View, ViewState, page_key};
use crate::action::Action;
use crate::app::Cursor;
use crate::kb::{Entity, Index, Ix, Kb};
use crate::listing::Listing;

/// Screen lines each alliance takes in the list: its name, then its kind, year and size.
pub const LINES_PER_ALLIANCE: usize = 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alliances {
    /// The alliance list: a position among the list's rows.
    pub list: Cursor,
    /// The selected alliance's detail document.
    pub details: Cursor,
    /// The selected alliance's focus areas.
    pub side: Cursor,
    /// What the list shows: its filter and order.
    pub narrowing: Narrowing,
    /// The alliance to select once the list's rows are known (a jump to an alliance).
    pick: Option<Ix>,
    /// The alliance the view showed last (its title in the breadcrumb, after it was left).
    shown: Option<Ix>,
}

impl Default for Alliances {
    fn default() -> Self {
        Alliances {
            list: Cursor::default(),
            details: Cursor::default(),
            side: Cursor::default(),
            narrowing: Narrowing::of(Listing::Alliances),
            pick: None,
            shown: None,
        }
    }
}

impl Alliances {
    /// The view at the `at`-th row of its list.
    pub fn at(at: usize) -> Self {
        Alliances {
            list: Cursor {
                selected: at,
                offset: 0,
            },
            ..Alliances::default()
        }
    }

    /// The view on alliance `a`, wherever its list puts it.
    pub fn picking(a: Ix) -> Self {
        Alliances {
            pick: Some(a),
            ..Alliances::default()
        }
    }

    /// The selected alliance.
    pub fn selected(&self, data: &Data) -> Option<Ix> {
        let a = *data.rows.get(self.list.selected)? as Ix;
        (a < data.kb.alliances.len()).then_some(a)
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
        self.shown
            .and_then(|a| data.kb.alliances.get(a))
            .map_or_else(
                || "Alliances".to_string(),
                |a| a.name_on(data.day).to_string(),
            )
    }

    fn valid(&self, _kb: &Kb) -> bool {
        // The cursor is a position in the list's rows, kept within them.
        true
    }

    fn remap(&self, old: &Kb, kb: &Kb, index: &Index) -> Option<View> {
        // The selected alliance is found again among the new rows (see the app's reselect).
        let shown = match self.shown {
            Some(a) => Some(Entity::Alliance(a).find_in(old, kb, index)?.ix()),
            None => None,
        };
        Some(View::Alliances(Alliances {
            shown,
            ..self.clone()
        }))
    }

    fn settle(&mut self, data: &Data) {
        if let Some(a) = self.pick.take()
            && let Some(at) = data.rows.iter().position(|&r| r as Ix == a)
        {
            self.list.selected = at;
        }
        self.list.selected = self.list.selected.min(data.rows.len().saturating_sub(1));
        self.shown = self.selected(data);
    }

    fn listing(&self) -> Option<Listed<'_>> {
        Some(Listed {
            pane: Pane::List,
            listing: Listing::Alliances,
            narrowing: &self.narrowing,
        })
    }

    fn narrowing_mut(&mut self) -> Option<&mut Narrowing> {
        Some(&mut self.narrowing)
    }

    fn page_key(&self, data: &Data) -> u64 {
        page_key(("alliance", self.selected(data)))
    }

    fn page(&self, data: &Data, width: u16) -> Page {
        let a = self.selected(data).unwrap_or(usize::MAX);
        let doc = crate::doc::alliance(data.kb, data.index, a, width, data.day);
        Page::new(doc, Vec::new())
    }

    fn len(&self, pane: Pane, data: &Data, _page: &Page) -> usize {
        match pane {
            Pane::List => data.rows.len(),
            Pane::Side => self
                .selected(data)
                .map_or(0, |a| data.index.alliance_focus(a).len()),
            _ => 0,
        }
    }

    fn open(&self, pane: Pane, data: &Data, _page: &Page) -> Open {
        match pane {
            Pane::List if self.selected(data).is_some() => Open::Focus(Pane::Details),
            Pane::Side => self
                .selected(data)
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

    fn subject(&self, data: &Data) -> Option<Entity> {
        self.selected(data).map(Entity::Alliance)
    }

    fn hints(&self, pane: Pane) -> Vec<Action> {
        use Action::*;
        match pane {
            Pane::List => vec![Down, Up, Open, Filter, Search, GoTo, Mark, NextPane],
            Pane::Details => vec![Down, Up, Open, NextSection, Search, NextPane],
            _ => vec![Down, Up, Open, Search, PreviousPane],
        }
    }
}
