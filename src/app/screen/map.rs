//! The world map: the organisations of one alliance, or of all, by country on a map, the
//! countries by count beside it. `v` goes through the alliances; Enter on a country opens the
//! Organisations view filtered to it.

use super::{Data, Open, Page, Pane, Picture, Shape, View, ViewState, page_key};
use crate::action::Action;
use crate::app::Cursor;
use crate::app::views::Tab;
use crate::kb::{Entity, Index, Ix, Kb};
use crate::listing::Listing;
use crate::pictures::map::{self, Tally};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MapView {
    /// The alliance whose organisations are shown; all alliances' when none.
    pub alliance: Option<Ix>,
    /// A position in the list of countries.
    pub countries: Cursor,
}

/// What the map shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapPage {
    pub tally: Tally,
    /// Whose organisations: `all alliances` or the alliance's name.
    pub whose: String,
}

impl ViewState for MapView {
    fn panes(&self) -> &'static [Pane] {
        &[Pane::Picture]
    }

    fn shape(&self) -> Shape {
        Shape::Columns
    }

    fn cursor(&self, pane: Pane) -> Option<&Cursor> {
        (pane == Pane::Picture).then_some(&self.countries)
    }

    fn cursor_mut(&mut self, pane: Pane) -> Option<&mut Cursor> {
        (pane == Pane::Picture).then_some(&mut self.countries)
    }

    fn header_lines(&self, _pane: Pane) -> usize {
        // The heading of the country list, and the line under it.
        2
    }

    fn title(&self, data: &Data) -> String {
        match self.alliance.and_then(|a| data.kb.alliances.get(a)) {
            Some(al) => format!("Map of {}", al.name_on(data.day)),
            None => "Map".into(),
        }
    }

    fn valid(&self, kb: &Kb) -> bool {
        self.alliance.is_none_or(|a| a < kb.alliances.len())
    }

    fn remap(&self, old: &Kb, kb: &Kb, index: &Index) -> Option<View> {
        let alliance = match self.alliance {
            Some(a) => Some(index.alliance(kb, &old.alliances.get(a)?.id)?),
            None => None,
        };
        Some(View::Map(MapView {
            alliance,
            countries: self.countries,
        }))
    }

    fn tab(&self) -> Option<Tab> {
        Some(Tab::Map)
    }

    fn steer(&mut self, action: Action, data: &Data) -> bool {
        if action != Action::Mode {
            return false;
        }
        let n = data.kb.alliances.len();
        self.alliance = match self.alliance {
            None if n > 0 => Some(0),
            Some(a) if a + 1 < n => Some(a + 1),
            _ => None,
        };
        self.countries = Cursor::default();
        true
    }

    fn page_key(&self, _data: &Data) -> u64 {
        page_key(("map", self.alliance))
    }

    fn page(&self, data: &Data, _width: u16) -> Page {
        let orgs = map::organisations(data.kb, data.index, self.alliance, data.day);
        let whose = match self.alliance {
            Some(a) => data.kb.alliances[a].name_on(data.day).to_string(),
            None => "all alliances".to_string(),
        };
        let mut page = Page::new(crate::doc::Doc::default(), Vec::new());
        page.picture = Picture::Map(MapPage {
            tally: map::tally(data.kb, &orgs),
            whose,
        });
        page
    }

    fn len(&self, pane: Pane, _data: &Data, page: &Page) -> usize {
        match (&page.picture, pane) {
            (Picture::Map(m), Pane::Picture) => m.tally.countries.len(),
            _ => 0,
        }
    }

    fn open(&self, _pane: Pane, data: &Data, page: &Page) -> Open {
        let Picture::Map(m) = &page.picture else {
            return Open::Nothing;
        };
        let Some(c) = m.tally.countries.get(self.countries.selected) else {
            return Open::Nothing;
        };
        let mut filter = format!("country:{}", c.code.to_ascii_lowercase());
        if let Some(a) = self.alliance {
            filter.push_str(&format!(" in:{}", data.kb.alliances[a].id));
        }
        Open::Filtered(Listing::Organizations, filter)
    }

    fn subject(&self, _data: &Data) -> Option<Entity> {
        self.alliance.map(Entity::Alliance)
    }

    fn hints(&self, _pane: Pane) -> Vec<Action> {
        use Action::*;
        vec![Down, Up, Open, Mode]
    }
}
