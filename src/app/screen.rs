//! What the body of the screen shows: one state type per view, each holding the cursors of its
//! panes under the names of what they hold, and the one place that maps a pane to its cursor.
//!
//! Adding a view is one variant of [`View`], one file implementing [`ViewState`] (its panes,
//! its page, what Enter opens) and one widget in `ui`.

mod alliances;
mod compare;
mod entity;
mod map;
mod matrix;
mod path;
mod table;
mod timeline;

pub use alliances::{Alliances, LINES_PER_ALLIANCE};
pub use compare::Compare;
pub use entity::EntityView;
pub use map::{MapPage, MapView};
pub use matrix::{MatrixPage, MatrixView};
pub use path::PathView;
pub use table::TableView;
pub use timeline::{TimelinePage, TimelineView, Zoom};

use super::Cursor;
use crate::action::Action;
use crate::doc::{Doc, LinkRow};
use crate::kb::{Day, Entity, Index, Kb};
use crate::listing::{Listing, Order};
use std::hash::{Hash, Hasher};

/// A pane of a view: the list on the left, the details, the focus areas on the right; in the
/// compare view, the organisations in both alliances, only in the first, only in the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    List,
    /// A table of a whole listing.
    Table,
    /// A detail document: its cursor's `selected` is a link, `offset` the first line shown.
    Details,
    Side,
    Shared,
    OnlyFirst,
    OnlySecond,
    /// A picture of the whole field: its cursor's `selected` is a row of the matrix, a mark of
    /// the timeline, a country of the map.
    Picture,
}

/// How a view arranges its panes, left to right, in the order of its panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A list, a wide details pane, and a narrow side pane.
    ListDetailsSide,
    /// A list and a details pane.
    ListDetails,
    /// Columns of equal width.
    Columns,
    /// The organisations in both alliances, wider than each of the two lists of those only in
    /// one.
    Compare,
    /// A wide table and a details pane.
    TableDetails,
}

/// What the body shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// The alliance list, the selected alliance's details and its focus areas.
    Alliances(Alliances),
    /// An organisation (the member view), a focus area or an artifact.
    Entity(EntityView),
    /// The organisations two alliances share, and those only one has.
    Compare(Compare),
    /// Every organisation, focus area or claim of the article, as a table.
    Table(TableView),
    /// The shortest chain of links between two entities.
    Path(PathView),
    /// Alliances × alliances (or × focus areas): what they share.
    Matrix(MatrixView),
    /// What happened when.
    Timeline(TimelineView),
    /// Where the members are.
    Map(MapView),
}

/// The knowledge base as the screen shows it: its data, its index, the day it is as of, and
/// the rows of the screen's list of a whole listing (if it has one).
#[derive(Clone, Copy)]
pub struct Data<'a> {
    pub kb: &'a Kb,
    pub index: &'a Index,
    pub day: Day,
    pub rows: &'a [u32],
}

impl Data<'_> {
    /// The knowledge base as a listing reads it.
    pub fn scope(&self) -> crate::listing::Scope<'_> {
        crate::listing::Scope {
            kb: self.kb,
            index: self.index,
            day: self.day,
        }
    }
}

/// What a list shows of its listing: its filter, as typed, and its order. Part of the screen,
/// so history brings them back.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Narrowing {
    pub filter: String,
    pub order: Order,
}

impl Narrowing {
    pub fn of(listing: Listing) -> Self {
        Narrowing {
            filter: String::new(),
            order: Order::of(listing),
        }
    }
}

/// A view's list of a whole listing: the pane it is in, and what it shows of it.
#[derive(Debug, Clone, Copy)]
pub struct Listed<'a> {
    pub pane: Pane,
    pub listing: Listing,
    pub narrowing: &'a Narrowing,
}

/// A key for what a page shows, made of the parts that decide it.
pub fn page_key(parts: impl Hash) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    parts.hash(&mut h);
    h.finish()
}

/// What a view's state knows about itself. Each view implements it in its own file.
pub trait ViewState {
    /// The panes, in Tab order.
    fn panes(&self) -> &'static [Pane];
    /// How the panes are laid out.
    fn shape(&self) -> Shape;
    /// The cursor of one of its panes.
    fn cursor(&self, pane: Pane) -> Option<&Cursor>;
    fn cursor_mut(&mut self, pane: Pane) -> Option<&mut Cursor>;
    /// Screen lines each row of a list pane takes.
    fn lines_per_item(&self, _pane: Pane) -> usize {
        1
    }
    /// Screen lines above a list pane's rows (a table's headings).
    fn header_lines(&self, _pane: Pane) -> usize {
        0
    }
    /// Its title, for the breadcrumb.
    fn title(&self, data: &Data) -> String;
    /// Whether every entity it names exists in `kb`.
    fn valid(&self, kb: &Kb) -> bool;
    /// The same view over new data: its entities found again by id, or `None` if one is gone.
    fn remap(&self, old: &Kb, kb: &Kb, index: &Index) -> Option<View>;
    /// Keeps what the page depends on within the data, once the list's rows are known and
    /// before the page is built.
    fn settle(&mut self, _data: &Data) {}
    /// Its list of a whole listing, if it has one (the rows come in `Data`).
    fn listing(&self) -> Option<Listed<'_>> {
        None
    }
    /// Its view of the row of views, if it is one.
    fn tab(&self) -> Option<crate::app::views::Tab> {
        self.listing()
            .map(|l| crate::app::views::Tab::List(l.listing))
    }
    /// Keeps what it shows within `room`, the inside of its one pane (for a picture, whose
    /// geometry is its own), once the data is known.
    fn fit(&mut self, _data: &Data, _room: ratatui::layout::Rect) {}
    /// Takes an action a picture answers itself (columns, zoom, mode); false if it does not.
    fn steer(&mut self, _action: Action, _data: &Data) -> bool {
        false
    }
    /// The filter it takes, as typed, when it is not a listing's (the timeline's).
    fn own_filter(&mut self) -> Option<&mut String> {
        None
    }
    /// What its list of a whole listing shows, to change it.
    fn narrowing_mut(&mut self) -> Option<&mut Narrowing> {
        None
    }
    /// What its page shows: a page with the same key need not be built again.
    fn page_key(&self, data: &Data) -> u64;
    /// What the view shows beyond its cursors, laid out for a details pane `width` wide.
    fn page(&self, data: &Data, width: u16) -> Page;
    /// The rows of a list pane.
    fn len(&self, pane: Pane, data: &Data, page: &Page) -> usize;
    /// What Enter does on the selection of a list pane.
    fn open(&self, pane: Pane, data: &Data, page: &Page) -> Open;
    /// The selection of a list pane moved: what depends on it starts again.
    fn moved(&mut self, _pane: Pane) {}
    /// The actions worth a hint when `pane` has the focus.
    fn hints(&self, pane: Pane) -> Vec<Action>;
    /// The entity the focused part of the screen is about (where a path starts from).
    fn subject(&self, _data: &Data) -> Option<Entity> {
        None
    }
}

/// What Enter on a list's selection does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Open {
    /// Go to an entity (recorded in history).
    Jump(Entity),
    /// Move the focus to another pane of the same view.
    Focus(Pane),
    /// Go to an alliance, its details scrolled to one of the article's claims.
    Claim(crate::kb::Ix, crate::kb::Ix),
    /// Compare two alliances.
    Compare(crate::kb::Ix, crate::kb::Ix),
    /// A view of the row of views with its list filtered (`country:de`).
    Filtered(crate::listing::Listing, String),
    Nothing,
}

impl View {
    pub fn state(&self) -> &dyn ViewState {
        match self {
            View::Alliances(v) => v,
            View::Entity(v) => v,
            View::Compare(v) => v,
            View::Table(v) => v,
            View::Path(v) => v,
            View::Matrix(v) => v,
            View::Timeline(v) => v,
            View::Map(v) => v,
        }
    }

    pub fn state_mut(&mut self) -> &mut dyn ViewState {
        match self {
            View::Alliances(v) => v,
            View::Entity(v) => v,
            View::Compare(v) => v,
            View::Table(v) => v,
            View::Path(v) => v,
            View::Matrix(v) => v,
            View::Timeline(v) => v,
            View::Map(v) => v,
        }
    }
}

/// Everything needed to show a screen again exactly: what history records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    pub view: View,
    /// The focused pane, as a position in the view's panes (so it is always one of them).
    focus: usize,
    /// Whether the focused pane fills the body (`z`).
    zoomed: bool,
}

impl Screen {
    /// A screen of `view` with the focus on `pane` (its first pane if it has no such pane).
    pub fn new(view: View, pane: Pane) -> Self {
        let mut screen = Screen {
            view,
            focus: 0,
            zoomed: false,
        };
        screen.set_focus(pane);
        screen
    }

    /// Whether the focused pane fills the body.
    pub fn zoomed(&self) -> bool {
        self.zoomed
    }

    /// `z`: the focused pane fills the body, or shares it again.
    pub fn toggle_zoom(&mut self) {
        self.zoomed = !self.zoomed;
    }

    /// Where the focused pane is among the view's panes.
    pub fn focus_index(&self) -> usize {
        self.focus.min(self.panes().len() - 1)
    }

    /// The alliance view at the `at`-th row of its list, the list focused.
    pub fn alliances(at: usize) -> Self {
        Screen::new(View::Alliances(Alliances::at(at)), Pane::List)
    }

    /// The screen a jump to `entity` shows: an alliance in the alliance view with its details
    /// focused, anything else on its own page.
    pub fn of(entity: Entity) -> Self {
        match entity {
            Entity::Alliance(a) => {
                Screen::new(View::Alliances(Alliances::picking(a)), Pane::Details)
            }
            other => Screen::new(View::Entity(EntityView::new(other)), Pane::List),
        }
    }

    pub fn state(&self) -> &dyn ViewState {
        self.view.state()
    }

    pub fn state_mut(&mut self) -> &mut dyn ViewState {
        self.view.state_mut()
    }

    pub fn panes(&self) -> &'static [Pane] {
        self.state().panes()
    }

    pub fn focus(&self) -> Pane {
        let panes = self.panes();
        panes[self.focus.min(panes.len() - 1)]
    }

    /// Focuses `pane` if the view has it; true if it does.
    pub fn set_focus(&mut self, pane: Pane) -> bool {
        match self.panes().iter().position(|&p| p == pane) {
            Some(at) => {
                self.focus = at;
                true
            }
            None => false,
        }
    }

    /// Moves the focus `step` panes along, wrapping.
    pub fn cycle_focus(&mut self, step: isize) {
        let n = self.panes().len() as isize;
        self.focus = (self.focus as isize + step).rem_euclid(n) as usize;
    }

    /// The cursor of a pane of this screen.
    pub fn cursor(&self, pane: Pane) -> Option<&Cursor> {
        self.state().cursor(pane)
    }

    pub fn cursor_mut(&mut self, pane: Pane) -> Option<&mut Cursor> {
        self.state_mut().cursor_mut(pane)
    }

    /// The cursor of the focused pane.
    pub fn focused_cursor(&self) -> Cursor {
        self.cursor(self.focus()).copied().unwrap_or_default()
    }
}

/// What a screen shows beyond the knowledge base itself, built when its subject or the width
/// changes (never per frame): the detail document and the rows of its link lists.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub doc: Doc,
    lists: Vec<Rows>,
    /// What a picture shows, worked out for its window.
    pub picture: Picture,
}

/// What a picture view shows, worked out when its window or data change (never per frame).
#[derive(Debug, Clone, Default)]
pub enum Picture {
    #[default]
    None,
    Matrix(MatrixPage),
    Timeline(TimelinePage),
    Map(MapPage),
}

/// The rows of one list pane, and the columns of the widest name and label among them.
#[derive(Debug, Clone)]
struct Rows {
    pane: Pane,
    rows: Vec<LinkRow>,
    cols: (u16, u16),
}

impl Page {
    /// A page of a document and the rows of each of its list panes.
    pub fn new(doc: Doc, lists: Vec<(Pane, Vec<LinkRow>)>) -> Self {
        let lists = lists
            .into_iter()
            .map(|(pane, rows)| {
                let widest = |text: fn(&LinkRow) -> &str| {
                    let w = rows.iter().map(|l| crate::text::width(text(l))).max();
                    w.unwrap_or(0).min(usize::from(u16::MAX)) as u16
                };
                let cols = (widest(|l| &l.name), widest(|l| &l.label));
                Rows { pane, rows, cols }
            })
            .collect();
        Page {
            doc,
            lists,
            picture: Picture::None,
        }
    }

    /// The rows of a list pane (none if the page has no list for it).
    pub fn rows(&self, pane: Pane) -> &[LinkRow] {
        self.lists
            .iter()
            .find(|r| r.pane == pane)
            .map_or(&[], |r| &r.rows)
    }

    /// Columns of the widest name, and of the widest label, of a list pane's rows.
    pub fn cols(&self, pane: Pane) -> (u16, u16) {
        self.lists
            .iter()
            .find(|r| r.pane == pane)
            .map_or((0, 0), |r| r.cols)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_focus_is_always_a_pane_of_the_view() {
        let mut s = Screen::alliances(0);
        assert_eq!(s.focus(), Pane::List);
        assert!(!s.set_focus(Pane::Shared));
        assert_eq!(s.focus(), Pane::List);
        s.cycle_focus(-1);
        assert_eq!(s.focus(), Pane::Side);
        s.cycle_focus(2);
        assert_eq!(s.focus(), Pane::Details);
        let s = Screen::new(View::Compare(Compare::of(0, 1)), Pane::Side);
        assert_eq!(s.focus(), Pane::Shared);
    }

    #[test]
    fn each_pane_has_its_own_cursor_and_no_other_view_s() {
        let mut s = Screen::alliances(3);
        assert_eq!(s.cursor(Pane::List).unwrap().selected, 3);
        s.cursor_mut(Pane::Side).unwrap().selected = 2;
        let View::Alliances(a) = &s.view else {
            unreachable!()
        };
        assert_eq!(a.side.selected, 2);
        assert!(s.cursor(Pane::OnlyFirst).is_none());
        let s = Screen::of(Entity::Org(4));
        assert_eq!(s.focus(), Pane::List);
        assert!(s.cursor(Pane::Side).is_none());
        assert_eq!(Screen::of(Entity::Alliance(2)).focus(), Pane::Details);
    }
}
