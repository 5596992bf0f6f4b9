//! The explorer's state and how each action changes it.
//!
//! `update` is the only place state changes. After every action, `sync` rebuilds what depends
//! on the screen (its page, for the pane width) and clamps every selection, so what the list
//! shows and what the details describe always agree.
//!
//! The parts, each in its own file: the views and their cursors ([`screen`]), the geometry
//! ([`layout`]), the cursor over a detail document ([`doc_cursor`]), the background load and
//! reloads ([`load`]), marks for comparison ([`marks`]), the search prompt ([`prompt`] and
//! [`finder`]), the mouse ([`mouse`]), the words around the panes ([`captions`]).

mod captions;
pub mod cursor;
pub mod doc_cursor;
pub mod effects;
pub mod finder;
pub mod history;
pub mod input;
pub mod layout;
mod load;
pub mod marks;
mod mouse;
mod prompt;
pub mod rows;
pub mod screen;
mod views;

use crate::action::Action;
use crate::doc::{Doc, Item};
use crate::kb::{Day, Entity, Index, Ix, Kb, LoadError, Problem, Summary};
use crate::keymap::{Keymap, Mode};
use crate::loaded::Loaded;
pub use cursor::Cursor;
pub use finder::{Finder, FinderKind, Finders};
pub use history::History;
use layout::Areas;
pub use load::Loading;
use marks::{Marked, Marks};
use ratatui::layout::Rect;
pub use screen::{Alliances, Compare, Data, EntityView, Open, Page, Pane, Screen, View};
use std::sync::Arc;

/// What is drawn over the screen.
#[derive(Debug, Clone)]
pub enum Overlay {
    None,
    /// The help, with its scroll position.
    Help(Cursor),
    Finder(Finder),
    /// A value asked for on the bottom line.
    Input(input::Input),
    /// Choices, each with its key (what to copy, how to write).
    Menu(effects::Menu),
}

pub struct App {
    /// The knowledge base, its index and its names prepared for search: shared with the
    /// threads that work on big lists.
    loaded: Arc<Loaded>,
    keymap: Keymap,
    origin: String,
    size: Rect,
    screen: Screen,
    /// The day every screen is as of: today unless asked otherwise.
    day: Day,
    /// Whether `day` was taken as today (the header says so), not chosen.
    today: bool,
    history: History<Screen>,
    overlay: Overlay,
    finders: Finders,
    marks: Marks,
    /// What is wrong with the latest version of the knowledge base's files; the explorer
    /// keeps showing the last good data meanwhile.
    problems: Vec<Problem>,
    /// The first of the problems the panel shows (it scrolls one problem at a time).
    problem_at: usize,
    status: Option<String>,
    /// What the current screen shows beyond the knowledge base (its detail document and
    /// lists), and the view, width and day it was built for.
    page: Page,
    page_for: Option<(u64, u16, Day)>,
    /// The rows of the screen's list of a whole listing.
    rows: rows::Rows,
    /// A row to select once the list's rows are worked out again (the one selected before).
    reselect: Option<u32>,
    /// Which data the rows are of: a reload makes new data.
    data_id: usize,
    /// The last screen of each view of the row of views, to come back to.
    tabs: Vec<Screen>,
    /// A claim to scroll the details to once they are built (a jump from the Claims view).
    pending_claim: Option<usize>,
    /// The characters a filter's words match in the name of each visible row of the list.
    list_highlights: Vec<Vec<usize>>,
    quit: bool,
    /// Counts for the status line, taken once per knowledge base.
    summary: Summary,
    /// How far loading has got, while the knowledge base loads in the background.
    loading: Option<Loading>,
    /// What to open once the knowledge base has loaded (an id, as for `--open`).
    open_when_loaded: Option<String>,
    /// Why the knowledge base could not be loaded: the explorer ends and says why.
    failure: Option<LoadError>,
    /// What the explorer wants done outside it (copy, open, write, edit), for the event loop.
    effects: Vec<effects::Effect>,
    /// A table being written, while its format and file are asked for.
    pending_write: Option<effects::PendingWrite>,
}

impl App {
    /// An explorer over `kb`, on a terminal of `size`. `origin` names where the knowledge base
    /// comes from, for the status line.
    pub fn new(kb: Kb, keymap: Keymap, origin: impl Into<String>, size: Rect) -> Self {
        App::with(Loaded::new(kb), keymap, origin, size)
    }

    /// An explorer over a knowledge base already indexed.
    pub fn with(loaded: Loaded, keymap: Keymap, origin: impl Into<String>, size: Rect) -> Self {
        let haystack = loaded.haystack.clone();
        let mut app = App {
            summary: loaded.kb.summary(),
            loaded: Arc::new(loaded),
            keymap,
            origin: origin.into(),
            size,
            screen: Screen::alliances(0),
            day: Day::today(),
            today: true,
            history: History::default(),
            overlay: Overlay::None,
            finders: Finders::new(haystack),
            marks: Marks::default(),
            problems: Vec::new(),
            problem_at: 0,
            status: None,
            page: Page::default(),
            page_for: None,
            rows: rows::Rows::default(),
            reselect: None,
            data_id: 0,
            tabs: Vec::new(),
            pending_claim: None,
            list_highlights: Vec::new(),
            quit: false,
            loading: None,
            open_when_loaded: None,
            failure: None,
            effects: Vec::new(),
            pending_write: None,
        };
        app.sync();
        app
    }

    /// Whether something is being worked on in the background (loading, a search, a big
    /// list's rows), so the event loop should look for its outcome often.
    pub fn busy(&self) -> bool {
        self.loading.is_some() || self.finders.busy() || self.rows.working()
    }

    /// Takes in what background work has finished; true if the screen changed.
    pub fn poll(&mut self) -> bool {
        let rows = self.finder_rows();
        let found = match &mut self.overlay {
            Overlay::Finder(finder) => self.finders.poll(finder, rows),
            _ => false,
        };
        let listed = self.rows.poll();
        if listed {
            self.rows_changed();
            self.sync();
        } else if found {
            self.describe_results();
        }
        found || listed
    }

    /// What the finder's visible results are tied to, worked out when they change.
    fn describe_results(&mut self) {
        if let (Overlay::Finder(finder), Some(haystack)) =
            (&mut self.overlay, self.finders.prepared())
        {
            finder.describe(haystack, &self.loaded.kb, &self.loaded.index, self.day);
        }
    }

    pub fn kb(&self) -> &Kb {
        &self.loaded.kb
    }

    pub fn index(&self) -> &Index {
        &self.loaded.index
    }

    /// Where the knowledge base comes from.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The day every screen is as of.
    pub fn day(&self) -> Day {
        self.day
    }

    /// Shows every screen as of `day`.
    pub fn set_day(&mut self, day: Day) {
        self.day = day;
        self.today = false;
        self.sync();
    }

    /// Shows every screen as of today.
    pub fn set_today(&mut self) {
        self.day = Day::today();
        self.today = true;
        self.sync();
    }

    /// The knowledge base as the screens show it: on the app's day.
    pub fn data(&self) -> Data<'_> {
        Data {
            kb: &self.loaded.kb,
            index: &self.loaded.index,
            day: self.day,
            rows: self.rows.get(),
        }
    }

    pub fn size(&self) -> Rect {
        self.size
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The mode keys are read in.
    pub fn mode(&self) -> Mode {
        match self.overlay {
            Overlay::None => Mode::Browse,
            Overlay::Help(_) => Mode::Help,
            Overlay::Finder(_) | Overlay::Input(_) | Overlay::Menu(_) => Mode::Prompt,
        }
    }

    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    /// The help overlay's scroll position, when it is open.
    pub fn help(&self) -> Option<Cursor> {
        match self.overlay {
            Overlay::Help(c) => Some(c),
            _ => None,
        }
    }

    /// The open finder, with the names it searches.
    pub fn finder(&self) -> Option<(&Finder, &crate::search::Haystack)> {
        match &self.overlay {
            Overlay::Finder(f) => Some((f, self.finders.prepared()?)),
            _ => None,
        }
    }

    /// Alliances marked for comparison.
    pub fn marks(&self) -> &[Ix] {
        self.marks.get()
    }

    /// What the current screen shows: its detail document and the rows of its lists.
    pub fn page(&self) -> &Page {
        &self.page
    }

    /// The detail document of the current screen.
    pub fn doc(&self) -> &Doc {
        &self.page.doc
    }

    /// The selected alliance of the alliance view.
    pub fn selected_alliance(&self) -> Option<Ix> {
        match &self.screen.view {
            View::Alliances(a) => a.selected(&self.data()),
            _ => None,
        }
    }

    /// The focus areas shown in the side pane.
    pub fn side_items(&self) -> &[Ix] {
        self.selected_alliance()
            .map_or(&[], |a| self.loaded.index.alliance_focus(a))
    }

    /// The layout of the current screen, or `None` when the terminal is too small.
    pub fn areas(&self) -> Option<Areas> {
        layout::areas(self.size, &self.screen)
    }

    /// What is wrong with the state, if anything: every selection within its list, every
    /// screen of the history about entities that exist. Empty when all holds; property tests
    /// check it after every action.
    pub fn invariants(&self) -> Vec<String> {
        let mut wrong = Vec::new();
        if !self.screen.state().valid(&self.loaded.kb) {
            wrong.push(format!(
                "the screen is about a missing entity: {:?}",
                self.screen
            ));
        }
        for s in self.history.behind() {
            if !s.state().valid(&self.loaded.kb) {
                wrong.push(format!("history holds a missing entity: {s:?}"));
            }
        }
        for &pane in self.screen.panes() {
            let Some(c) = self.screen.cursor(pane) else {
                wrong.push(format!("{pane:?} has no cursor"));
                continue;
            };
            if pane == Pane::Details {
                let links = self.page.doc.links().len();
                if c.selected >= links.max(1) || c.offset > self.page.doc.len() {
                    wrong.push(format!(
                        "details cursor {c:?} over {links} links, {} lines",
                        self.page.doc.len()
                    ));
                }
            } else if c.selected >= self.list_len(pane).max(1) {
                wrong.push(format!(
                    "{pane:?} selects {} of {}",
                    c.selected,
                    self.list_len(pane)
                ));
            }
        }
        if let Overlay::Finder(f) = &self.overlay
            && f.cursor.selected >= f.results.hits.len().max(1)
        {
            wrong.push(format!(
                "finder selects {} of {}",
                f.cursor.selected,
                f.results.hits.len()
            ));
        }
        if !self.marks.valid(&self.loaded.kb) {
            wrong.push(format!("marks {:?}", self.marks));
        }
        if self.breadcrumb().is_empty() {
            wrong.push("empty breadcrumb".into());
        }
        wrong
    }

    /// Carries out an action; returns a follow-up action to carry out next, if any.
    pub fn update(&mut self, action: Action) -> Option<Action> {
        self.status = None;
        let follow = match action {
            Action::Quit => {
                self.quit = true;
                None
            }
            Action::Resize { cols, rows } => {
                self.size = Rect::new(0, 0, cols, rows);
                let rows = self.finder_rows();
                if let Overlay::Finder(finder) = &mut self.overlay {
                    self.finders.highlight(finder, rows);
                }
                None
            }
            _ => match self.overlay {
                Overlay::None => self.update_browse(action),
                Overlay::Help(_) => {
                    self.update_help(action);
                    None
                }
                Overlay::Finder(_) => self.update_finder(action),
                Overlay::Input(_) => {
                    self.update_input(action);
                    None
                }
                Overlay::Menu(_) => {
                    self.update_menu(action);
                    None
                }
            },
        };
        self.sync();
        follow
    }

    fn update_help(&mut self, action: Action) {
        let len = self.keymap.help_rows().len();
        let page = usize::from(layout::help(self.size).inner.height);
        let Overlay::Help(help) = &mut self.overlay else {
            return;
        };
        match action {
            Action::Close | Action::Help => self.overlay = Overlay::None,
            Action::Down | Action::ScrollDown { .. } => help.offset += 1,
            Action::Up | Action::ScrollUp { .. } => help.offset = help.offset.saturating_sub(1),
            Action::PageDown => help.offset += page.max(1),
            Action::PageUp => help.offset = help.offset.saturating_sub(page.max(1)),
            Action::First => help.offset = 0,
            Action::Last => help.offset = len,
            _ => {}
        }
        if let Overlay::Help(help) = &mut self.overlay {
            help.offset = help.offset.min(len.saturating_sub(page));
        }
    }

    fn update_browse(&mut self, action: Action) -> Option<Action> {
        // A picture answers some keys itself (its columns, its zoom, its mode).
        if self.screen.focus() == Pane::Picture {
            let data = Data {
                kb: &self.loaded.kb,
                index: &self.loaded.index,
                day: self.day,
                rows: self.rows.get(),
            };
            if self.screen.view.state_mut().steer(action, &data) {
                return None;
            }
        }
        match action {
            Action::Help => self.overlay = Overlay::Help(Cursor::default()),
            Action::Search => self.open_finder(FinderKind::Members),
            Action::GoTo => self.open_finder(FinderKind::Anything),
            Action::Mark => self.mark(),
            Action::Compare => self.compare(),
            Action::ToggleDay => self.toggle_day(),
            Action::Filter => self.filter(),
            Action::ClearFilter => self.clear_filter(),
            Action::NextProblem => self.scroll_problems(1),
            Action::Zoom => {
                self.screen.toggle_zoom();
                let z = self.keymap.label(Mode::Browse, Action::Zoom);
                self.status = Some(if self.screen.zoomed() {
                    format!("Zoomed ({z} again shows the other panes)")
                } else {
                    "Every pane that fits is shown".to_string()
                });
            }
            Action::SortNext => self.sort(false),
            Action::SortReverse => self.sort(true),
            Action::Path => self.ask_path(),
            Action::ViewAlliances => self.switch_to(crate::listing::Listing::Alliances),
            Action::ViewOrganizations => self.switch_to(crate::listing::Listing::Organizations),
            Action::ViewFocusAreas => self.switch_to(crate::listing::Listing::FocusAreas),
            Action::ViewClaims => self.switch_to(crate::listing::Listing::Claims),
            Action::ViewMatrix => self.switch_to(views::Tab::Matrix),
            Action::ViewTimeline => self.switch_to(views::Tab::Timeline),
            Action::ViewMap => self.switch_to(views::Tab::Map),
            Action::Mode => {
                self.status =
                    Some("v changes the mode of a picture: 5 matrix, 6 timeline, 7 map".into())
            }
            Action::TypeDay => self.ask(input::Asking::Day, ""),
            Action::Copy => self.copy_menu(),
            Action::OpenLink => self.open_link(),
            Action::Write => self.write_menu(),
            Action::Edit => self.edit(),
            Action::Down
            | Action::Up
            | Action::First
            | Action::Last
            | Action::PageDown
            | Action::PageUp => self.move_in(self.screen.focus(), action),
            Action::NextPane => self.screen.cycle_focus(1),
            Action::PreviousPane => self.screen.cycle_focus(-1),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::Forward => self.forward(),
            Action::NextSection => self.jump_section(true),
            Action::PreviousSection => self.jump_section(false),
            Action::Click { col, row } => {
                self.click(col, row);
            }
            Action::DoubleClick { col, row } => {
                if self.click(col, row) {
                    return Some(Action::Open);
                }
            }
            Action::ScrollDown { col, row } => self.wheel(col, row, 3),
            Action::ScrollUp { col, row } => self.wheel(col, row, -3),
            Action::Quit
            | Action::Resize { .. }
            | Action::Close
            | Action::Type(_)
            | Action::DeleteChar
            | Action::DeleteWord
            | Action::ClearQuery
            | Action::Suspend => {}
        }
        None
    }

    /// Rows inside a pane (0 when the terminal is too small).
    fn pane_height(&self, pane: Pane) -> usize {
        self.areas()
            .and_then(|a| a.pane(pane).map(|p| usize::from(p.inner.height)))
            .unwrap_or(0)
    }

    /// Items a list pane shows at once.
    fn items_visible(&self, pane: Pane) -> usize {
        let state = self.screen.state();
        self.pane_height(pane)
            .saturating_sub(state.header_lines(pane))
            / state.lines_per_item(pane)
    }

    /// Number of rows of a list pane.
    fn list_len(&self, pane: Pane) -> usize {
        self.screen.state().len(pane, &self.data(), &self.page)
    }

    fn move_in(&mut self, pane: Pane, action: Action) {
        if pane == Pane::Details {
            let height = self.pane_height(pane);
            if let Some(c) = self.screen.cursor_mut(pane) {
                doc_cursor::move_in(&self.page.doc, c, height, action);
            }
            return;
        }
        let len = self.list_len(pane);
        let page = self.items_visible(pane).max(1) as isize;
        let Some(cursor) = self.screen.cursor_mut(pane) else {
            return;
        };
        let before = cursor.selected;
        match action {
            Action::Down => cursor.select_next(len),
            Action::Up => cursor.select_previous(),
            Action::First => cursor.select_first(),
            Action::Last => cursor.select_last(len),
            Action::PageDown => cursor.select_by(page, len),
            Action::PageUp => cursor.select_by(-page, len),
            _ => {}
        }
        if cursor.selected != before {
            self.screen.state_mut().moved(pane);
        }
    }

    fn jump_section(&mut self, forward: bool) {
        if !self.screen.set_focus(Pane::Details) {
            return;
        }
        let height = self.pane_height(Pane::Details);
        let Some(c) = self.screen.cursor_mut(Pane::Details) else {
            return;
        };
        if !doc_cursor::jump_section(&self.page.doc, c, height, forward) {
            self.status = Some("No more sections below".into());
        }
    }

    /// Enter: opens the highlighted item, or follows the highlighted link.
    fn open(&mut self) {
        let pane = self.screen.focus();
        if pane == Pane::Details {
            let height = self.pane_height(pane);
            let c = self.screen.focused_cursor();
            match doc_cursor::visible_item(&self.page.doc, &c, height) {
                Some(Item::Entity(target)) => self.jump(target),
                Some(Item::Website(_) | Item::Source(_)) => self.open_link(),
                Some(Item::Fact(..) | Item::Claim(..)) => {
                    self.status = Some(
                        "y copies it with its sources (a citation); o opens its first source"
                            .into(),
                    );
                }
                None if self.page.doc.links().is_empty() => {}
                None => self.status = Some("No link here: move to a member or an alliance".into()),
            }
            return;
        }
        match self.screen.state().open(pane, &self.data(), &self.page) {
            Open::Jump(target) => self.jump(target),
            Open::Focus(pane) => {
                self.screen.set_focus(pane);
            }
            Open::Claim(a, c) => {
                self.jump(Entity::Alliance(a));
                self.pending_claim = Some(c);
            }
            Open::Compare(a, b) => {
                self.go(Screen::new(View::Compare(Compare::of(a, b)), Pane::Shared));
            }
            Open::Filtered(listing, filter) => {
                self.switch_to(views::Tab::List(listing));
                self.set_filter(&filter);
                self.status = Some(format!("Filtered by {filter}; Esc clears"));
            }
            Open::Nothing => {}
        }
    }

    /// Starts on an entity instead of the first alliance, with no history.
    pub fn open_at(&mut self, target: Entity) {
        self.screen = match target {
            Entity::Alliance(a) => Screen::new(View::Alliances(Alliances::picking(a)), Pane::List),
            _ => Screen::of(target),
        };
        self.sync();
    }

    /// Goes to an entity, recording the current screen in history.
    pub fn jump(&mut self, target: Entity) {
        self.go(Screen::of(target));
    }

    /// Shows `next`, recording the current screen in history.
    fn go(&mut self, next: Screen) {
        let current = std::mem::replace(&mut self.screen, next);
        self.history.push(current);
    }

    /// Selects the link of the detail document that leads to `target`, as if moved to; false
    /// when the document has none.
    pub fn select_link_to(&mut self, target: Entity) -> bool {
        let height = self.pane_height(Pane::Details);
        let Some(c) = self.screen.cursor_mut(Pane::Details) else {
            return false;
        };
        let found = doc_cursor::select_link_to(&self.page.doc, c, height, target);
        if found {
            self.screen.set_focus(Pane::Details);
        }
        self.sync();
        found
    }

    fn back(&mut self) {
        let current = self.screen.clone();
        match self.history.back(current) {
            Ok(previous) => self.screen = previous,
            Err(_) => self.status = Some("Nothing to go back to".into()),
        }
    }

    fn forward(&mut self) {
        let current = self.screen.clone();
        match self.history.forward(current) {
            Ok(next) => self.screen = next,
            Err(_) => self.status = Some("Nothing to go forward to".into()),
        }
    }

    /// Marks or unmarks the selected alliance; a third mark replaces the oldest.
    fn mark(&mut self) {
        let Some(a) = self.selected_alliance() else {
            self.status = Some("Select an alliance in the alliance view to mark it".into());
            return;
        };
        let name = |m: Ix| crate::text::capped(&self.loaded.kb.alliances[m].name, 256).into_owned();
        let compare = self.keymap.label(Mode::Browse, Action::Compare);
        self.status = Some(match self.marks.toggle(a) {
            Marked::None => "No alliance marked".to_string(),
            Marked::One(one) => format!(
                "Marked {}; mark another, or select one and press {compare} to compare",
                name(one)
            ),
            Marked::Two(a, b) => format!(
                "Marked {} and {}; press {compare} to compare",
                name(a),
                name(b)
            ),
        });
    }

    /// Opens the compare view of the two marked alliances (or the marked and the selected one).
    fn compare(&mut self) {
        let Some((a, b)) = self.marks.pair(self.selected_alliance()) else {
            let mark = self.keymap.label(Mode::Browse, Action::Mark);
            self.status = Some(format!("Mark two alliances with {mark} to compare them"));
            return;
        };
        self.go(Screen::new(View::Compare(Compare::of(a, b)), Pane::Shared));
    }

    /// Rebuilds the page when its subject or width changed, and clamps every selection to what
    /// exists and what is visible.
    fn sync(&mut self) {
        // The details' width; while they are out of sight, the width they were built for (a
        // page is not built again for a width nobody sees).
        let width = self
            .areas()
            .and_then(|a| a.pane(Pane::Details).map(|p| p.inner.width))
            .or(self.page_for.map(|(_, width, _)| width))
            .unwrap_or(60);
        self.sync_rows();
        let data = Data {
            kb: &self.loaded.kb,
            index: &self.loaded.index,
            day: self.day,
            rows: self.rows.get(),
        };
        self.screen.state_mut().settle(&data);
        if let Some(room) = self
            .areas()
            .and_then(|a| a.pane(Pane::Picture).map(|p| p.inner))
        {
            self.screen.view.state_mut().fit(&data, room);
        }
        let key = (self.screen.state().page_key(&data), width, self.day);
        if self.page_for != Some(key) {
            let subject_changed = self.page_for.is_none_or(|(k, _, _)| k != key.0);
            self.page = self.screen.state().page(&data, width);
            self.page_for = Some(key);
            // A new page's selection starts on its first link to a page (a member, not the
            // website above them).
            if subject_changed
                && let Some(first) = self.page.doc.first_entity_link()
                && let Some(c) = self.screen.cursor_mut(Pane::Details)
                && *c == Cursor::default()
            {
                c.selected = first;
            }
        }
        if let Some(claim) = self.pending_claim.take() {
            self.scroll_to_claim(claim);
        }
        for &pane in self.screen.panes() {
            if pane == Pane::Details {
                let height = self.pane_height(pane);
                if let Some(c) = self.screen.cursor_mut(pane) {
                    doc_cursor::clamp(&self.page.doc, c, height);
                }
                continue;
            }
            let len = self.list_len(pane);
            let visible = self.items_visible(pane);
            // The side pane shows its description under the list: it scrolls only its rows.
            let visible = if pane == Pane::Side {
                visible.min(len)
            } else {
                visible
            };
            if let Some(c) = self.screen.cursor_mut(pane) {
                c.clamp(len, visible);
            }
        }
        self.highlight_list();
        self.describe_results();
    }
}

#[cfg(test)]
mod tests;
