//! The row of views (alliances, organisations, focus areas, claims), switched with number
//! keys; the list each shows, narrowed with `f` and ordered with `s`; a path from what is
//! selected to an entity chosen with the go-to palette.

use super::finder::FinderKind;
use super::input::Asking;
use super::rows::{Asked, Want};
use super::screen::{MapView, MatrixView, Pane, PathView, Screen, TableView, TimelineView, View};
use super::{App, Overlay, doc_cursor};
use crate::kb::Entity;
use crate::listing::Listing;

/// A view of the row of views: a list of the whole field, or a picture of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    List(Listing),
    Matrix,
    Timeline,
    Map,
}

impl From<Listing> for Tab {
    fn from(listing: Listing) -> Self {
        Tab::List(listing)
    }
}

impl Tab {
    pub fn label(self) -> &'static str {
        match self {
            Tab::List(l) => l.label(),
            Tab::Matrix => "Matrix",
            Tab::Timeline => "Timeline",
            Tab::Map => "Map",
        }
    }

    /// A shorter name, for a narrow row of views.
    pub fn short(self) -> &'static str {
        match self {
            Tab::List(Listing::Alliances) => "Alliances",
            Tab::List(Listing::Organizations) => "Orgs",
            Tab::List(Listing::FocusAreas) => "Areas",
            Tab::List(Listing::Claims) => "Claims",
            Tab::Matrix => "Matrix",
            Tab::Timeline => "Time",
            Tab::Map => "Map",
        }
    }

    /// The action that switches to it.
    pub fn action(self) -> crate::action::Action {
        use crate::action::Action;
        match self {
            Tab::List(Listing::Alliances) => Action::ViewAlliances,
            Tab::List(Listing::Organizations) => Action::ViewOrganizations,
            Tab::List(Listing::FocusAreas) => Action::ViewFocusAreas,
            Tab::List(Listing::Claims) => Action::ViewClaims,
            Tab::Matrix => Action::ViewMatrix,
            Tab::Timeline => Action::ViewTimeline,
            Tab::Map => Action::ViewMap,
        }
    }

    /// Its screen when it is first shown.
    fn first_screen(self) -> Screen {
        match self {
            Tab::List(Listing::Alliances) => Screen::alliances(0),
            Tab::List(other) => Screen::new(View::Table(TableView::new(other)), Pane::Table),
            Tab::Matrix => Screen::new(View::Matrix(MatrixView::default()), Pane::Picture),
            Tab::Timeline => Screen::new(View::Timeline(TimelineView::default()), Pane::Picture),
            Tab::Map => Screen::new(View::Map(MapView::default()), Pane::Picture),
        }
    }
}

/// The views of the row of views, in the order of their keys (1 to 7).
pub const TABS: [Tab; 7] = [
    Tab::List(Listing::Alliances),
    Tab::List(Listing::Organizations),
    Tab::List(Listing::FocusAreas),
    Tab::List(Listing::Claims),
    Tab::Matrix,
    Tab::Timeline,
    Tab::Map,
];

impl App {
    /// Brings the rows of the screen's list up to date with its filter, order and day,
    /// keeping the selected row selected where it still is.
    pub(super) fn sync_rows(&mut self) {
        let Some(listed) = self.screen.state().listing() else {
            self.rows.clear();
            return;
        };
        let want = Want {
            listing: listed.listing,
            filter: listed.narrowing.filter.clone(),
            order: listed.narrowing.order,
            day: self.day,
            data: self.data_id,
        };
        let pane = listed.pane;
        // The row selected now, if the rows shown are this list's.
        let selected = self
            .screen
            .cursor(pane)
            .and_then(|c| self.rows.get().get(c.selected).copied());
        let haystack = self.finders.haystack(&self.loaded.kb).clone();
        let same_list = self.rows.listing() == Some(listed.listing);
        match self.rows.ask(&self.loaded, &haystack, want) {
            Asked::Ready => {}
            Asked::Changed => {
                if same_list {
                    self.reselect = self.reselect.or(selected);
                }
                self.rows_changed();
            }
            Asked::Working => {
                if same_list && self.reselect.is_none() {
                    self.reselect = selected;
                }
            }
        }
    }

    /// New rows came: the row selected before is selected again where it is now.
    pub(super) fn rows_changed(&mut self) {
        let Some(row) = self.reselect.take() else {
            return;
        };
        let Some(pane) = self.screen.state().listing().map(|l| l.pane) else {
            return;
        };
        if let Some(at) = self.rows.get().iter().position(|&r| r == row)
            && let Some(c) = self.screen.cursor_mut(pane)
        {
            c.selected = at;
        }
    }

    /// Works out which characters of the visible rows' names the filter's words match.
    pub(super) fn highlight_list(&mut self) {
        self.list_highlights.clear();
        let Some(listed) = self.screen.state().listing() else {
            return;
        };
        let (listing, filter) = (listed.listing, listed.narrowing.filter.clone());
        let Some(kind) = listing.kind().filter(|_| !filter.is_empty()) else {
            return;
        };
        let scope = crate::listing::Scope {
            kb: &self.loaded.kb,
            index: &self.loaded.index,
            day: self.day,
        };
        let Ok(parsed) = crate::listing::Filter::parse(&scope, listing, &filter) else {
            return;
        };
        if parsed.text.is_empty() {
            return;
        }
        let pane = listed.pane;
        let offset = self.screen.cursor(pane).map_or(0, |c| c.offset);
        let visible = self.items_visible(pane);
        let rows: Vec<u32> = self
            .rows
            .get()
            .iter()
            .skip(offset)
            .take(visible)
            .copied()
            .collect();
        let loaded = self.loaded.clone();
        self.list_highlights = rows
            .into_iter()
            .map(|r| {
                let entity = Entity::new(kind, r as usize);
                self.finders.name_matches(&loaded.kb, &parsed.text, entity)
            })
            .collect();
    }

    /// The characters of the visible rows' names that the filter's words match.
    pub fn list_highlights(&self) -> &[Vec<usize>] {
        &self.list_highlights
    }

    /// The view of the row of views the screen shows, or the one it was reached from.
    pub fn tab(&self) -> Option<Tab> {
        std::iter::once(&self.screen)
            .chain(self.history.behind().iter().rev())
            .find_map(|s| s.state().tab())
    }

    /// Switches to a view of the row of views, as it was left (history records the switch).
    pub(super) fn switch_to(&mut self, tab: impl Into<Tab>) {
        let tab = tab.into();
        let here = self.screen.state().tab();
        if here == Some(tab) {
            return;
        }
        if here.is_some() {
            let current = self.screen.clone();
            self.tabs.retain(|s| s.state().tab() != here);
            self.tabs.push(current);
        }
        let next = self
            .tabs
            .iter()
            .find(|s| s.state().tab() == Some(tab))
            .cloned()
            .unwrap_or_else(|| tab.first_screen());
        self.go(next);
    }

    /// `f`: the filter of the screen's list, typed on the bottom line.
    pub(super) fn filter(&mut self) {
        if let Some(own) = self.screen.state_mut().own_filter() {
            let text = own.clone();
            self.ask(Asking::Filter, text);
            return;
        }
        let Some(listed) = self.screen.state().listing() else {
            self.status = Some(
                "Filters narrow the lists of the whole field: 1 alliances, 2 organisations, 3 focus areas, 4 claims"
                    .into(),
            );
            return;
        };
        let text = listed.narrowing.filter.clone();
        self.screen.set_focus(listed.pane);
        self.ask(Asking::Filter, text);
    }

    /// Esc on a filtered list: the whole list again.
    pub(super) fn clear_filter(&mut self) {
        let own = self
            .screen
            .state_mut()
            .own_filter()
            .is_some_and(|f| !f.is_empty());
        if own
            || self
                .screen
                .state()
                .listing()
                .is_some_and(|l| !l.narrowing.filter.is_empty())
        {
            self.set_filter("");
            self.status = Some("Filter cleared".into());
        } else {
            // Esc goes back, as in k9s, lazygit and yazi.
            self.back();
        }
    }

    /// Sets the screen's filter (while it is typed, and when it is cleared).
    pub(super) fn set_filter(&mut self, text: &str) {
        if let Some(n) = self.screen.state_mut().narrowing_mut()
            && n.filter != text
        {
            n.filter = text.to_string();
        } else if let Some(own) = self.screen.state_mut().own_filter()
            && own != text
        {
            *own = text.to_string();
            if let Some(c) = self.screen.cursor_mut(Pane::Picture) {
                *c = super::Cursor::default();
            }
        }
    }

    /// `s`, `S`: the next order of the screen's list, or the same order reversed.
    pub(super) fn sort(&mut self, reverse: bool) {
        let Some(listing) = self.screen.state().listing().map(|l| l.listing) else {
            self.status = Some("Only the lists of the whole field can be put in order".into());
            return;
        };
        let Some(n) = self.screen.state_mut().narrowing_mut() else {
            return;
        };
        n.order = if reverse {
            n.order.reversed()
        } else {
            n.order.next(listing)
        };
        self.status = Some(format!("{} {}", listing.label(), n.order.label()));
    }

    /// `p`: asks for where a path from the screen's subject should go.
    pub(super) fn ask_path(&mut self) {
        let Some(from) = self.screen.state().subject(&self.data()) else {
            self.status = Some("Select an alliance or an organisation to start a path from".into());
            return;
        };
        if !matches!(from, Entity::Alliance(_) | Entity::Org(_)) {
            self.status =
                Some("Paths join alliances and organisations: select one to start from".into());
            return;
        }
        self.open_finder(FinderKind::PathFrom(from));
    }

    /// Shows the path from `from` to `to`.
    pub(super) fn show_path(&mut self, from: Entity, to: Entity) {
        if !matches!(to, Entity::Alliance(_) | Entity::Org(_)) {
            self.status = Some("Paths join alliances and organisations: choose one of them".into());
            return;
        }
        self.go(Screen::new(View::Path(PathView::new(from, to)), Pane::List));
    }

    /// Scrolls the details to the alliance's `claim`-th claim.
    pub(super) fn scroll_to_claim(&mut self, claim: usize) {
        let Some(line) = self.page.doc.claim_line(claim) else {
            return;
        };
        let height = self.pane_height(Pane::Details);
        self.screen.set_focus(Pane::Details);
        if let Some(c) = self.screen.cursor_mut(Pane::Details) {
            c.offset = line;
            doc_cursor::clamp(&self.page.doc, c, height);
            doc_cursor::settle(&self.page.doc, c, height, false);
        }
    }

    /// The tabs of the row of views: each one's key, its name, and whether it is the one in
    /// use.
    pub fn tabs(&self) -> Vec<(String, [&'static str; 2], bool)> {
        let current = self.tab();
        TABS.iter()
            .map(|&tab| {
                let key = self
                    .keymap
                    .keys(crate::keymap::Mode::Browse, tab.action())
                    .first()
                    .map_or_else(String::new, ToString::to_string);
                (key, [tab.label(), tab.short()], Some(tab) == current)
            })
            .collect()
    }

    /// The title of the screen's list: its name, its order when not the default one, and its
    /// rows' count, over all of them when filtered (`Organisations · by country, A to Z (21/185)`).
    pub fn list_title(&self) -> Option<String> {
        let listed = self.screen.state().listing()?;
        let listing = listed.listing;
        let total = listing.total(self.kb(), self.index());
        let shown = self.rows.get().len();
        let count = if shown == total {
            crate::text::number(total)
        } else {
            format!(
                "{}/{}",
                crate::text::number(shown),
                crate::text::number(total)
            )
        };
        let order = listed.narrowing.order;
        Some(if order == crate::listing::Order::of(listing) {
            format!("{} ({count})", listing.label())
        } else {
            format!("{} · {} ({count})", listing.label(), order.label())
        })
    }

    /// What narrows the screen's list, beside the row of views: `filter country:de`, and
    /// `working…` while its rows are worked out.
    pub fn list_caption(&self) -> Option<String> {
        let listed = self.screen.state().listing()?;
        let mut parts = Vec::new();
        if !listed.narrowing.filter.is_empty() {
            parts.push(format!("filter {}", listed.narrowing.filter));
        }
        if self.rows.working() {
            parts.push("working…".to_string());
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    /// Why the filter typed cannot be read, if it cannot.
    pub fn filter_error(&self) -> Option<&str> {
        matches!(&self.overlay, Overlay::Input(i) if i.asking == Asking::Filter)
            .then(|| self.rows.error())
            .flatten()
    }

    /// The rows of the screen's list of a whole listing.
    pub fn rows(&self) -> &[u32] {
        self.rows.get()
    }
}

#[cfg(test)]
mod tests;
