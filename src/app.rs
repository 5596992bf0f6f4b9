//! The explorer's state and how each action changes it.
//!
//! `update` is the only place state changes. After every action, `sync` rebuilds what depends
//! on the screen (the detail document for the pane width) and clamps every selection, so what
//! the list shows and what the details describe always agree.

pub mod cursor;
pub mod finder;
pub mod history;

use crate::action::Action;
use crate::doc;
pub use crate::doc::{Doc, EntityPage, Target};
use crate::kb::index::Ix;
use crate::kb::load::{Phase, Progress};
use crate::kb::{Index, Kb, LoadError, Summary};
use crate::keymap::{Keymap, Mode};
use crate::loaded::Loaded;
use crate::ui::layout::{self, Areas};
pub use cursor::Cursor;
pub use finder::{Finder, FinderKind, Finders};
pub use history::History;
use ratatui::layout::Rect;
use std::time::Duration;

/// What the body of the screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// The alliance list, the selected alliance's details and its focus areas.
    Alliances,
    /// An organisation (the member view), a focus area or an artifact.
    Entity(Entity),
    /// The organisations two alliances share, and those only one has.
    Compare(Ix, Ix),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    Org(Ix),
    Focus(Ix),
    Artifact(Ix),
}

/// A pane of a view: the list on the left, the details, the focus areas on the right; in the
/// compare view, the organisations in both alliances, only in the first, only in the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    List,
    Details,
    Side,
    Shared,
    OnlyFirst,
    OnlySecond,
}

impl View {
    /// The panes of this view, in Tab order.
    pub fn panes(&self) -> &'static [Pane] {
        match self {
            View::Alliances => &[Pane::List, Pane::Details, Pane::Side],
            View::Entity(_) => &[Pane::List, Pane::Details],
            View::Compare(..) => &[Pane::Shared, Pane::OnlyFirst, Pane::OnlySecond],
        }
    }
}

/// Everything needed to show a screen again exactly: what history records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub view: View,
    pub focus: Pane,
    /// The alliance list, the entity's link list, or the compare view's shared organisations.
    pub list: Cursor,
    /// The detail document (`selected` is a link, `offset` the first line shown), or the
    /// organisations only in the first compared alliance.
    pub details: Cursor,
    /// The focus-area list of the alliance view, or the organisations only in the second
    /// compared alliance.
    pub side: Cursor,
}

impl Screen {
    fn alliances(selected: Ix) -> Self {
        Screen {
            view: View::Alliances,
            focus: Pane::List,
            list: Cursor {
                selected,
                offset: 0,
            },
            details: Cursor::default(),
            side: Cursor::default(),
        }
    }
}

/// What the current screen shows beyond the knowledge base itself: the detail document built
/// for a width, and the lists of an entity or compare screen.
#[derive(Debug, Clone, Default)]
struct Page {
    key: Option<(View, Ix, u16)>,
    doc: Doc,
    /// The entity's links, or the compare view's three lists.
    lists: [Vec<doc::LinkRow>; 3],
    name_cols: [u16; 3],
}

/// What is drawn over the screen.
#[derive(Debug, Clone)]
pub enum Overlay {
    None,
    /// The help, with its scroll position.
    Help(Cursor),
    Finder(Finder),
}

/// A row of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Heading(&'static str),
    Binding(String, &'static str),
    Blank,
}

/// How many screens the breadcrumb names at most.
const CRUMBS: usize = 16;

pub struct App {
    kb: Kb,
    index: Index,
    keymap: Keymap,
    origin: String,
    size: Rect,
    screen: Screen,
    history: History<Screen>,
    overlay: Overlay,
    finders: Finders,
    /// Alliances marked for comparison (at most two).
    marks: Vec<Ix>,
    /// What is wrong with the latest version of the knowledge base's files; the explorer
    /// keeps showing the last good data meanwhile.
    problems: Vec<crate::kb::Problem>,
    status: Option<String>,
    page: Page,
    quit: bool,
    /// Counts for the status line, taken once per knowledge base.
    summary: Summary,
    /// How far loading has got, while the knowledge base loads in the background.
    loading: Option<Loading>,
    /// What to open once the knowledge base has loaded (an id, as for `--open`).
    open_when_loaded: Option<String>,
    /// Why the knowledge base could not be loaded: the explorer ends and says why.
    failure: Option<LoadError>,
}

/// How far a background load has got, and how long it has taken.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Loading {
    pub progress: Progress,
    /// Since loading started.
    pub elapsed: Duration,
    /// When the current phase started, since loading started.
    pub phase_started: Duration,
}

impl Loading {
    /// How much of the current phase is done, for phases that count bytes.
    pub fn fraction(&self) -> Option<f64> {
        self.progress.fraction()
    }

    /// The time the current phase still needs at its pace so far, once there is a pace.
    pub fn eta(&self) -> Option<Duration> {
        let f = self.fraction()?;
        let spent = self.elapsed.saturating_sub(self.phase_started);
        (f >= 0.02 && spent >= Duration::from_millis(200)).then(|| spent.mul_f64((1.0 - f) / f))
    }
}

impl App {
    /// An explorer over `kb`, on a terminal of `size`. `origin` names where the knowledge base
    /// comes from, for the status line.
    pub fn new(kb: Kb, keymap: Keymap, origin: impl Into<String>, size: Rect) -> Self {
        App::with(Loaded::new(kb), keymap, origin, size)
    }

    /// An explorer over a knowledge base already indexed.
    pub fn with(loaded: Loaded, keymap: Keymap, origin: impl Into<String>, size: Rect) -> Self {
        let Loaded {
            kb,
            index,
            haystack,
        } = loaded;
        let mut app = App {
            summary: kb.summary(),
            kb,
            index,
            keymap,
            origin: origin.into(),
            size,
            screen: Screen::alliances(0),
            history: History::default(),
            overlay: Overlay::None,
            finders: Finders::new(haystack),
            marks: Vec::new(),
            problems: Vec::new(),
            status: None,
            page: Page::default(),
            quit: false,
            loading: None,
            open_when_loaded: None,
            failure: None,
        };
        app.sync();
        app
    }

    /// An explorer whose knowledge base is still loading: it shows the progress until
    /// [`App::loaded`], then opens `open` (an id) if given.
    pub fn loading(
        keymap: Keymap,
        origin: impl Into<String>,
        size: Rect,
        open: Option<String>,
    ) -> Self {
        let empty = Loaded {
            kb: Kb::default(),
            index: Index::default(),
            haystack: None,
        };
        let mut app = App::with(empty, keymap, origin, size);
        app.loading = Some(Loading {
            progress: Progress {
                phase: Phase::Reading,
                bytes_done: 0,
                bytes_total: 0,
                files_done: 0,
                files_total: 0,
            },
            elapsed: Duration::ZERO,
            phase_started: Duration::ZERO,
        });
        app.open_when_loaded = open;
        app
    }

    /// How far loading has got, while the knowledge base loads.
    pub fn load_state(&self) -> Option<&Loading> {
        self.loading.as_ref()
    }

    /// Loading has got further.
    pub fn load_progress(&mut self, progress: Progress, elapsed: Duration) {
        if let Some(l) = &mut self.loading {
            if l.progress.phase != progress.phase {
                l.phase_started = elapsed;
            }
            l.progress = progress;
            l.elapsed = l.elapsed.max(elapsed);
        }
    }

    /// Time has passed while loading, with no news from the load (a step that counts nothing):
    /// the clock on the loading panel keeps moving.
    pub fn load_tick(&mut self, elapsed: Duration) {
        if let Some(l) = &mut self.loading {
            l.elapsed = l.elapsed.max(elapsed);
        }
    }

    /// The knowledge base has loaded: show it, and open what was asked for.
    pub fn loaded(&mut self, loaded: Loaded) {
        self.loading = None;
        self.install(loaded);
        self.status = None;
        if let Some(id) = self.open_when_loaded.take() {
            match crate::commands::resolve(&self.kb, &self.index, &id, &[]) {
                Ok(found) => self.open_at(found[0].target()),
                Err(message) => self.status = Some(crate::text::sanitize(&message).into_owned()),
            }
        }
        self.sync();
    }

    /// The knowledge base could not be loaded: the explorer ends, and [`App::failure`] says
    /// why.
    pub fn load_failed(&mut self, error: LoadError) {
        self.failure = Some(error);
        self.quit = true;
    }

    /// Why the knowledge base could not be loaded.
    pub fn take_failure(&mut self) -> Option<LoadError> {
        self.failure.take()
    }

    /// Whether something is being worked on in the background (loading, a search), so the
    /// event loop should look for its outcome often.
    pub fn busy(&self) -> bool {
        self.loading.is_some() || self.finders.busy()
    }

    /// Takes in what background work has finished; true if the screen changed.
    pub fn poll(&mut self) -> bool {
        let rows = self.finder_rows();
        match &mut self.overlay {
            Overlay::Finder(finder) => self.finders.poll(finder, rows),
            _ => false,
        }
    }

    pub fn kb(&self) -> &Kb {
        &self.kb
    }

    pub fn index(&self) -> &Index {
        &self.index
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
            Overlay::Finder(_) => Mode::Prompt,
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
        &self.marks
    }

    /// Problems of the latest version of the files, while the last good data is shown.
    pub fn problems(&self) -> &[crate::kb::Problem] {
        &self.problems
    }

    /// The knowledge base's files changed but are invalid: show why, keep the data.
    pub fn set_problems(&mut self, problems: Vec<crate::kb::Problem>) {
        self.problems = problems;
    }

    /// The knowledge base's files changed: show the new data, keeping every screen on the
    /// same entities (by id) where they still exist.
    pub fn reload(&mut self, loaded: Loaded) {
        self.install(loaded);
        let s = self.summary;
        self.status = Some(format!(
            "Reloaded: {} · {}",
            crate::text::count(s.alliances, "alliance", "alliances"),
            crate::text::count(s.organizations, "organization", "organizations")
        ));
        self.sync();
    }

    /// Replaces the data, moving every screen to the same entities (by id) where they still
    /// exist.
    fn install(&mut self, loaded: Loaded) {
        let old = std::mem::replace(&mut self.kb, loaded.kb);
        self.index = loaded.index;
        self.summary = self.kb.summary();
        let (kb, index) = (&self.kb, &self.index);
        let alliance = |a: Ix| old.alliances.get(a).and_then(|x| index.alliance(kb, &x.id));
        let remap = |screen: Screen| -> Option<Screen> {
            let view = match screen.view {
                View::Alliances => {
                    let selected = alliance(screen.list.selected)?;
                    return Some(Screen {
                        list: Cursor {
                            selected,
                            ..screen.list
                        },
                        ..screen
                    });
                }
                View::Entity(Entity::Org(o)) => {
                    View::Entity(Entity::Org(index.org(kb, &old.organizations.get(o)?.id)?))
                }
                View::Entity(Entity::Focus(f)) => {
                    View::Entity(Entity::Focus(index.focus(kb, &old.focus_areas.get(f)?.id)?))
                }
                View::Entity(Entity::Artifact(t)) => View::Entity(Entity::Artifact(
                    index.artifact(kb, &old.artifacts.get(t)?.id)?,
                )),
                View::Compare(a, b) => View::Compare(alliance(a)?, alliance(b)?),
            };
            Some(Screen { view, ..screen })
        };
        self.screen = remap(self.screen).unwrap_or_else(|| Screen::alliances(0));
        self.history.retain_map(remap);
        self.marks = self.marks.iter().filter_map(|&m| alliance(m)).collect();
        // Results and prepared names belong to the old data.
        self.finders = Finders::new(loaded.haystack);
        if matches!(self.overlay, Overlay::Finder(_)) {
            self.overlay = Overlay::None;
        }
        self.page = Page::default();
        self.problems.clear();
    }

    /// The detail document of the current screen.
    pub fn doc(&self) -> &Doc {
        &self.page.doc
    }

    /// The link list of an entity screen.
    pub fn links(&self) -> &[doc::LinkRow] {
        self.rows(Pane::List)
    }

    /// The rows of a list pane of an entity or compare screen.
    pub fn rows(&self, pane: Pane) -> &[doc::LinkRow] {
        match list_slot(pane) {
            Some(i) => &self.page.lists[i],
            None => &[],
        }
    }

    /// Columns of the widest name of a list pane's rows.
    pub fn rows_name_cols(&self, pane: Pane) -> u16 {
        list_slot(pane).map_or(0, |i| self.page.name_cols[i])
    }

    /// The message of the status line.
    pub fn status(&self) -> String {
        if let Some(l) = &self.loading {
            return format!("Loading {}: {}…", self.origin, l.progress.phase.label());
        }
        match &self.status {
            Some(message) => message.clone(),
            None => {
                let s = self.summary;
                format!(
                    "{} · {} · {}",
                    crate::text::count(s.alliances, "alliance", "alliances"),
                    crate::text::count(s.organizations, "organization", "organizations"),
                    self.origin
                )
            }
        }
    }

    /// The selected alliance of the alliance view.
    pub fn selected_alliance(&self) -> Option<Ix> {
        (self.screen.view == View::Alliances && self.screen.list.selected < self.kb.alliances.len())
            .then_some(self.screen.list.selected)
    }

    /// The focus areas shown in the side pane.
    pub fn side_items(&self) -> &[Ix] {
        self.selected_alliance()
            .map_or(&[], |a| self.index.alliance_focus(a))
    }

    /// The title of each screen on the path here, oldest first, ending with this one (the
    /// last few: a header cannot show more).
    pub fn breadcrumb(&self) -> Vec<String> {
        let behind = self.history.behind();
        let shown = &behind[behind.len().saturating_sub(CRUMBS - 1)..];
        shown
            .iter()
            .chain(std::iter::once(&self.screen))
            .map(|s| self.title(s))
            .collect()
    }

    fn title(&self, screen: &Screen) -> String {
        let title = self.full_title(screen);
        crate::text::capped(&title, 256).into_owned()
    }

    fn full_title(&self, screen: &Screen) -> String {
        match screen.view {
            View::Alliances => self
                .kb
                .alliances
                .get(screen.list.selected)
                .map_or_else(|| "Alliances".to_string(), |a| a.name.to_string()),
            View::Entity(Entity::Org(o)) => self.kb.organizations[o].name.to_string(),
            View::Entity(Entity::Focus(f)) => self.kb.focus_areas[f].name.to_string(),
            View::Entity(Entity::Artifact(t)) => self.kb.artifacts[t].name.to_string(),
            View::Compare(a, b) => format!(
                "{} ⇄ {}",
                self.kb.alliances[a].name, self.kb.alliances[b].name
            ),
        }
    }

    /// The actions worth a hint for the focused pane.
    pub fn hint_actions(&self) -> Vec<Action> {
        use Action::*;
        match self.overlay {
            Overlay::Help(_) => return vec![Close, Down, Up, PageDown, Quit],
            Overlay::Finder(_) => return vec![Open, Down, Up, Close, DeleteWord, ClearQuery],
            Overlay::None if self.loading.is_some() => return vec![Help, Quit],
            Overlay::None => {}
        }
        let mut hints = match (self.screen.view, self.screen.focus) {
            (View::Alliances, Pane::List) => vec![Down, Up, Open, Search, GoTo, Mark, NextPane],
            (View::Alliances, Pane::Details) => vec![Down, Up, Open, NextSection, Search, NextPane],
            (View::Alliances, _) => vec![Down, Up, Open, Search, PreviousPane],
            (View::Entity(_), Pane::List) => vec![Down, Up, Open, Search, NextPane],
            (View::Entity(_), _) => vec![Down, PageDown, PreviousPane],
            (View::Compare(..), _) => vec![Down, Up, Open, NextPane],
        };
        if self.marks.len() == 2
            || (self.marks.len() == 1
                && self.selected_alliance().is_some_and(|a| a != self.marks[0]))
        {
            hints.push(Compare);
        }
        if !self.history.behind().is_empty() {
            hints.push(Back);
        }
        if self.history.ahead() > 0 {
            hints.push(Forward);
        }
        hints.extend([Help, Quit]);
        hints
    }

    /// The help overlay's rows, generated from the key map.
    pub fn help_rows(&self) -> Vec<HelpRow> {
        let mut rows = Vec::new();
        for mode in Mode::ALL {
            rows.push(HelpRow::Heading(mode.label()));
            for (action, _) in self.keymap.bindings(mode) {
                rows.push(HelpRow::Binding(
                    self.keymap.label(mode, action),
                    action.describe(),
                ));
            }
            rows.push(HelpRow::Blank);
        }
        rows.push(HelpRow::Heading("Mouse"));
        rows.push(HelpRow::Binding(
            "click".into(),
            "select and focus the pane",
        ));
        rows.push(HelpRow::Binding("double-click".into(), "open"));
        rows.push(HelpRow::Binding(
            "wheel".into(),
            "scroll the pane under the pointer",
        ));
        rows
    }

    /// What is wrong with the state, if anything: every selection within its list, the focus
    /// on a pane of the view, every screen of the history about entities that exist. Empty
    /// when all holds; property tests check it after every action.
    pub fn invariants(&self) -> Vec<String> {
        let mut wrong = Vec::new();
        let valid = |s: &Screen| match s.view {
            View::Alliances => {
                self.kb.alliances.is_empty() || s.list.selected < self.kb.alliances.len()
            }
            View::Entity(Entity::Org(o)) => o < self.kb.organizations.len(),
            View::Entity(Entity::Focus(f)) => f < self.kb.focus_areas.len(),
            View::Entity(Entity::Artifact(t)) => t < self.kb.artifacts.len(),
            View::Compare(a, b) => a < self.kb.alliances.len() && b < self.kb.alliances.len(),
        };
        if !valid(&self.screen) {
            wrong.push(format!(
                "the screen is about a missing entity: {:?}",
                self.screen
            ));
        }
        for s in self.history.behind() {
            if !valid(s) {
                wrong.push(format!("history holds a missing entity: {s:?}"));
            }
        }
        if !self.screen.view.panes().contains(&self.screen.focus) {
            wrong.push(format!(
                "focus {:?} is not a pane of {:?}",
                self.screen.focus, self.screen.view
            ));
        }
        for &pane in self.screen.view.panes() {
            if pane == Pane::Details {
                let d = self.screen.details;
                let links = self.page.doc.links().len();
                if d.selected >= links.max(1) || d.offset > self.page.doc.len() {
                    wrong.push(format!(
                        "details cursor {d:?} over {links} links, {} lines",
                        self.page.doc.len()
                    ));
                }
                continue;
            }
            let len = self.list_len(pane);
            let c = match pane {
                Pane::List | Pane::Shared => self.screen.list,
                Pane::OnlyFirst => self.screen.details,
                _ => self.screen.side,
            };
            if c.selected >= len.max(1) {
                wrong.push(format!("{pane:?} selects {} of {len}", c.selected));
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
        if self.marks.iter().any(|&m| m >= self.kb.alliances.len()) || self.marks.len() > 2 {
            wrong.push(format!("marks {:?}", self.marks));
        }
        if self.breadcrumb().is_empty() {
            wrong.push("empty breadcrumb".into());
        }
        wrong
    }

    /// The layout of the current screen, or `None` when the terminal is too small.
    pub fn areas(&self) -> Option<Areas> {
        layout::areas(self.size, &self.screen.view)
    }

    /// Carries out an action; returns a follow-up action to carry out next, if any.
    pub fn update(&mut self, action: Action) -> Option<Action> {
        self.status = None;
        let follow = match self.overlay {
            Overlay::None => self.update_browse(action),
            Overlay::Help(_) => self.update_help(action),
            Overlay::Finder(_) => self.update_finder(action),
        };
        self.sync();
        follow
    }

    fn update_help(&mut self, action: Action) -> Option<Action> {
        let len = self.help_rows().len();
        let page = self.help_height();
        let Overlay::Help(help) = &mut self.overlay else {
            return None;
        };
        match action {
            Action::Quit => self.quit = true,
            Action::Close | Action::Help => self.overlay = Overlay::None,
            Action::Down | Action::ScrollDown { .. } => help.offset += 1,
            Action::Up | Action::ScrollUp { .. } => help.offset = help.offset.saturating_sub(1),
            Action::PageDown => help.offset += page.max(1),
            Action::PageUp => help.offset = help.offset.saturating_sub(page.max(1)),
            Action::First => help.offset = 0,
            Action::Last => help.offset = len,
            Action::Resize { cols, rows } => self.size = Rect::new(0, 0, cols, rows),
            _ => {}
        }
        if let Overlay::Help(help) = &mut self.overlay {
            help.offset = help.offset.min(len.saturating_sub(page));
        }
        None
    }

    /// Rows of results the finder shows.
    fn finder_rows(&self) -> usize {
        usize::from(crate::ui::finder::list_area(self.size).height)
    }

    /// Opens a finder with an empty query.
    fn open_finder(&mut self, kind: FinderKind) {
        if self.loading.is_some() {
            self.status = Some("Still loading: search opens once the knowledge base is in".into());
            return;
        }
        let mut finder = Finder::new(kind);
        let rows = self.finder_rows();
        self.finders.run(&self.kb, &mut finder, rows);
        self.overlay = Overlay::Finder(finder);
    }

    fn update_finder(&mut self, action: Action) -> Option<Action> {
        let rows = self.finder_rows();
        let Overlay::Finder(finder) = &mut self.overlay else {
            return None;
        };
        let len = finder.results.hits.len();
        let mut requery = false;
        match action {
            Action::Quit => self.quit = true,
            Action::Close => self.overlay = Overlay::None,
            Action::Type(c) => {
                finder.query.push(c);
                requery = true;
            }
            Action::DeleteChar => requery = finder.query.pop().is_some(),
            Action::DeleteWord => {
                let kept = finder.query.trim_end().rfind(' ').map_or(0, |i| i + 1);
                requery = kept != finder.query.len();
                finder.query.truncate(kept);
            }
            Action::ClearQuery => {
                requery = !finder.query.is_empty();
                finder.query.clear();
            }
            Action::Down | Action::ScrollDown { .. } => finder.cursor.select_next(len),
            Action::Up | Action::ScrollUp { .. } => finder.cursor.select_previous(),
            Action::PageDown => finder.cursor.select_by(rows.max(1) as isize, len),
            Action::PageUp => finder.cursor.select_by(-(rows.max(1) as isize), len),
            Action::First => finder.cursor.select_first(),
            Action::Last => finder.cursor.select_last(len),
            Action::Click { col, row } | Action::DoubleClick { col, row } => {
                let list = crate::ui::finder::list_area(self.size);
                if list.contains((col, row).into()) {
                    let at = finder.cursor.offset + usize::from(row - list.y);
                    if at < len {
                        finder.cursor.selected = at;
                        if matches!(action, Action::DoubleClick { .. }) {
                            return Some(Action::Open);
                        }
                    }
                }
            }
            Action::Open => {
                let target = self.finder_target();
                self.overlay = Overlay::None;
                match target {
                    Some(target) => self.jump(target),
                    None => self.status = Some("Nothing matches".into()),
                }
                return None;
            }
            Action::Resize { cols, rows } => self.size = Rect::new(0, 0, cols, rows),
            _ => {}
        }
        let rows = self.finder_rows();
        if let Overlay::Finder(finder) = &mut self.overlay {
            if requery {
                self.finders.run(&self.kb, finder, rows);
            } else {
                self.finders.highlight(finder, rows);
            }
        }
        None
    }

    /// Where the finder's selected result leads.
    fn finder_target(&self) -> Option<Target> {
        let (finder, haystack) = self.finder()?;
        let hit = finder.results.hits.get(finder.cursor.selected)?;
        Some(haystack.entry(hit.entry).target())
    }

    /// Marks or unmarks the selected alliance; a third mark replaces the oldest.
    fn mark(&mut self) {
        let Some(a) = self.selected_alliance() else {
            self.status = Some("Select an alliance in the alliance view to mark it".into());
            return;
        };
        if let Some(i) = self.marks.iter().position(|&m| m == a) {
            self.marks.remove(i);
        } else {
            self.marks.push(a);
            if self.marks.len() > 2 {
                self.marks.remove(0);
            }
        }
        let names: Vec<String> = self
            .marks
            .iter()
            .map(|&m| crate::text::capped(&self.kb.alliances[m].name, 256).into_owned())
            .collect();
        let compare = self.keymap.label(Mode::Browse, Action::Compare);
        self.status = Some(match names.as_slice() {
            [] => "No alliance marked".to_string(),
            [one] => {
                format!("Marked {one}; mark another, or select one and press {compare} to compare")
            }
            _ => format!(
                "Marked {} and {}; press {compare} to compare",
                names[0], names[1]
            ),
        });
    }

    /// Opens the compare view of the two marked alliances (or the marked and the selected one).
    fn compare(&mut self) {
        let pair = match (self.marks.as_slice(), self.selected_alliance()) {
            ([a, b], _) => Some((*a, *b)),
            ([a], Some(b)) if *a != b => Some((*a, b)),
            _ => None,
        };
        let Some((a, b)) = pair else {
            let mark = self.keymap.label(Mode::Browse, Action::Mark);
            self.status = Some(format!("Mark two alliances with {mark} to compare them"));
            return;
        };
        let next = Screen {
            view: View::Compare(a, b),
            focus: Pane::Shared,
            list: Cursor::default(),
            details: Cursor::default(),
            side: Cursor::default(),
        };
        let current = std::mem::replace(&mut self.screen, next);
        self.history.push(current);
    }

    fn update_browse(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.overlay = Overlay::Help(Cursor::default()),
            Action::Search => self.open_finder(FinderKind::Members),
            Action::GoTo => self.open_finder(FinderKind::Anything),
            Action::Mark => self.mark(),
            Action::Compare => self.compare(),
            Action::Close
            | Action::Type(_)
            | Action::DeleteChar
            | Action::DeleteWord
            | Action::ClearQuery
            | Action::Suspend => {}
            Action::Down
            | Action::Up
            | Action::First
            | Action::Last
            | Action::PageDown
            | Action::PageUp => self.move_in(self.screen.focus, action),
            Action::NextPane => self.cycle_focus(1),
            Action::PreviousPane => self.cycle_focus(-1),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::Forward => self.forward(),
            Action::NextSection => self.jump_section(true),
            Action::PreviousSection => self.jump_section(false),
            Action::Resize { cols, rows } => self.size = Rect::new(0, 0, cols, rows),
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
        }
        None
    }

    fn help_height(&self) -> usize {
        usize::from(crate::ui::help::area(self.size).height.saturating_sub(2))
    }

    /// Rows inside a pane (0 when the terminal is too small).
    fn pane_height(&self, pane: Pane) -> usize {
        self.areas()
            .and_then(|a| a.pane(pane))
            .map_or(0, |r| usize::from(layout::inner(r).height))
    }

    /// Screen lines each item of a list-like pane takes.
    fn lines_per_item(&self, pane: Pane) -> usize {
        match (self.screen.view, pane) {
            (View::Alliances, Pane::List) => crate::ui::alliance_list::LINES_PER_ITEM,
            _ => 1,
        }
    }

    /// Items a list-like pane shows at once.
    fn items_visible(&self, pane: Pane) -> usize {
        self.pane_height(pane) / self.lines_per_item(pane)
    }

    /// Number of rows of a list-like pane.
    fn list_len(&self, pane: Pane) -> usize {
        match (self.screen.view, pane) {
            (View::Alliances, Pane::List) => self.kb.alliances.len(),
            (View::Alliances, Pane::Side) => self.side_items().len(),
            (View::Alliances, _) => 0,
            (_, pane) => self.rows(pane).len(),
        }
    }

    fn cursor_mut(&mut self, pane: Pane) -> &mut Cursor {
        match pane {
            Pane::List | Pane::Shared => &mut self.screen.list,
            Pane::Details | Pane::OnlyFirst => &mut self.screen.details,
            Pane::Side | Pane::OnlySecond => &mut self.screen.side,
        }
    }

    fn move_in(&mut self, pane: Pane, action: Action) {
        if pane == Pane::Details {
            return self.move_in_doc(action);
        }
        let len = self.list_len(pane);
        let page = self.items_visible(pane).max(1) as isize;
        let before = self.cursor_mut(pane).selected;
        let cursor = self.cursor_mut(pane);
        match action {
            Action::Down => cursor.select_next(len),
            Action::Up => cursor.select_previous(),
            Action::First => cursor.select_first(),
            Action::Last => cursor.select_last(len),
            Action::PageDown => cursor.select_by(page, len),
            Action::PageUp => cursor.select_by(-page, len),
            _ => {}
        }
        if self.screen.list.selected != before && pane == Pane::List {
            self.list_changed();
        }
    }

    /// A new alliance in the list: its details and focus areas start at the top.
    fn list_changed(&mut self) {
        if self.screen.view == View::Alliances {
            self.screen.details = Cursor::default();
            self.screen.side = Cursor::default();
        }
    }

    /// Moves between the links of the detail document, scrolling the text between them; a
    /// document without links just scrolls.
    fn move_in_doc(&mut self, action: Action) {
        let height = self.pane_height(Pane::Details).max(1);
        let doc = &self.page.doc;
        let len = doc.len();
        let max_offset = len.saturating_sub(height);
        let links = doc.links().len();
        let c = &mut self.screen.details;
        let last_visible = c.offset + height;
        match action {
            Action::Down => {
                let next = c.selected + 1;
                match doc.links().get(next) {
                    Some(&line)
                        if links > 0
                            && (line < last_visible + height || c.offset >= max_offset) =>
                    {
                        c.selected = next;
                    }
                    _ => c.offset = (c.offset + 1).min(max_offset),
                }
            }
            Action::Up => {
                let selected_visible = doc
                    .links()
                    .get(c.selected)
                    .is_some_and(|&l| l >= c.offset && l < last_visible);
                match c
                    .selected
                    .checked_sub(1)
                    .and_then(|p| doc.links().get(p).map(|&l| (p, l)))
                {
                    Some((prev, line)) if selected_visible && line + height > c.offset => {
                        c.selected = prev
                    }
                    _ => c.offset = c.offset.saturating_sub(1),
                }
                if c.selected == 0 && doc.links().first().is_some_and(|&l| l < height) {
                    c.offset = 0;
                }
            }
            Action::First => {
                c.selected = 0;
                c.offset = 0;
                return;
            }
            Action::Last => {
                c.selected = links.saturating_sub(1);
                c.offset = max_offset;
                return;
            }
            Action::PageDown => c.offset = (c.offset + height).min(max_offset),
            Action::PageUp => c.offset = c.offset.saturating_sub(height),
            _ => {}
        }
        self.settle_doc(matches!(action, Action::Down | Action::Up));
    }

    /// After a move: show the selected link if the move was to it, or pick a visible link if
    /// the text scrolled away from the selected one.
    fn settle_doc(&mut self, follow_selection: bool) {
        let height = self.pane_height(Pane::Details).max(1);
        let doc = &self.page.doc;
        let c = &mut self.screen.details;
        let Some(&line) = doc.links().get(c.selected) else {
            return;
        };
        if follow_selection {
            // Show the link and, as far as it fits, the lines that go with it.
            let end = doc.block_end(c.selected).min(line + height - 1);
            c.offset = cursor::visible_offset(c.offset, end, height, doc.len());
            c.offset = cursor::visible_offset(c.offset, line, height, doc.len());
            return;
        }
        let visible = line >= c.offset && line < c.offset + height;
        if visible {
            return;
        }
        if let Some(first) = doc.first_link_from(c.offset)
            && doc.links()[first] < c.offset + height
        {
            c.selected = first;
        }
    }

    fn jump_section(&mut self, forward: bool) {
        if self.screen.focus != Pane::Details {
            self.screen.focus = Pane::Details;
        }
        let height = self.pane_height(Pane::Details).max(1);
        let doc = &self.page.doc;
        let top = self.screen.details.offset;
        let target = if forward {
            doc.sections().iter().find(|&&l| l > top).copied()
        } else {
            doc.sections().iter().rev().find(|&&l| l < top).copied()
        };
        let Some(line) = target.or((!forward).then_some(0)) else {
            self.status = Some("No more sections below".into());
            return;
        };
        let max_offset = doc.len().saturating_sub(height);
        self.screen.details.offset = line.min(max_offset);
        if let Some(first) = doc.first_link_from(line)
            && doc.links()[first] < self.screen.details.offset + height
        {
            self.screen.details.selected = first;
        }
        self.settle_doc(false);
    }

    fn cycle_focus(&mut self, step: isize) {
        let panes = self.screen.view.panes();
        let at = panes
            .iter()
            .position(|p| *p == self.screen.focus)
            .unwrap_or(0);
        let next = (at as isize + step).rem_euclid(panes.len() as isize) as usize;
        self.screen.focus = panes[next];
    }

    /// Enter: opens the highlighted item, or follows the highlighted link.
    fn open(&mut self) {
        match (self.screen.view, self.screen.focus) {
            (View::Alliances, Pane::List) => {
                if self.selected_alliance().is_some() {
                    self.screen.focus = Pane::Details;
                }
            }
            (View::Alliances, Pane::Details) => match self.visible_link() {
                Some(target) => self.jump(target),
                None => self.status = Some("No link here: move to a member or an alliance".into()),
            },
            (View::Alliances, Pane::Side) => {
                if let Some(&f) = self.side_items().get(self.screen.side.selected) {
                    self.jump(Target::Focus(f));
                }
            }
            (View::Entity(_), Pane::Details) => {}
            (_, pane) => {
                let selected = self.cursor_mut(pane).selected;
                if let Some(row) = self.rows(pane).get(selected) {
                    self.jump(row.target);
                }
            }
        }
    }

    /// The selected link of the detail document, if it is on screen.
    fn visible_link(&self) -> Option<Target> {
        let height = self.pane_height(Pane::Details).max(1);
        let c = self.screen.details;
        let line = *self.page.doc.links().get(c.selected)?;
        (line >= c.offset && line < c.offset + height).then(|| self.page.doc.target(c.selected))?
    }

    /// Starts on a target instead of the first alliance, with no history.
    pub fn open_at(&mut self, target: Target) {
        self.screen = match target {
            Target::Alliance(a) => Screen::alliances(a),
            _ => Self::screen_for(target),
        };
        self.sync();
    }

    /// Goes to a target, recording the current screen in history.
    pub fn jump(&mut self, target: Target) {
        let next = Self::screen_for(target);
        let current = std::mem::replace(&mut self.screen, next);
        self.history.push(current);
    }

    /// The screen a jump to `target` shows.
    fn screen_for(target: Target) -> Screen {
        match target {
            Target::Alliance(a) => Screen {
                focus: Pane::Details,
                ..Screen::alliances(a)
            },
            Target::Org(o) => entity_screen(Entity::Org(o)),
            Target::Focus(f) => entity_screen(Entity::Focus(f)),
            Target::Artifact(t) => entity_screen(Entity::Artifact(t)),
        }
    }

    fn back(&mut self) {
        match self.history.back(self.screen) {
            Ok(previous) => self.screen = previous,
            Err(_) => self.status = Some("Nothing to go back to".into()),
        }
    }

    fn forward(&mut self) {
        match self.history.forward(self.screen) {
            Ok(next) => self.screen = next,
            Err(_) => self.status = Some("Nothing to go forward to".into()),
        }
    }

    /// Selects what was clicked and focuses its pane; true when something was selected.
    fn click(&mut self, col: u16, row: u16) -> bool {
        let Some((pane, inner)) = self.areas().and_then(|a| a.pane_at(col, row)) else {
            return false;
        };
        self.screen.focus = pane;
        let line = usize::from(row - inner.y);
        if pane == Pane::Details {
            let at = self.screen.details.offset + line;
            return match self.page.doc.link_at(at) {
                Some(link) => {
                    self.screen.details.selected = link;
                    true
                }
                None => false,
            };
        }
        let index = self.cursor_mut(pane).offset + line / self.lines_per_item(pane);
        if index >= self.list_len(pane) {
            return false;
        }
        let before = self.screen.list.selected;
        self.cursor_mut(pane).selected = index;
        if pane == Pane::List && index != before {
            self.list_changed();
        }
        true
    }

    /// The wheel scrolls the pane under the pointer.
    fn wheel(&mut self, col: u16, row: u16, delta: isize) {
        let Some((pane, _)) = self.areas().and_then(|a| a.pane_at(col, row)) else {
            return;
        };
        if pane == Pane::Details {
            let height = self.pane_height(pane).max(1);
            let max = self.page.doc.len().saturating_sub(height);
            let c = &mut self.screen.details;
            c.offset = c.offset.saturating_add_signed(delta).min(max);
            self.settle_doc(false);
            return;
        }
        let len = self.list_len(pane);
        let before = self.screen.list.selected;
        self.cursor_mut(pane).select_by(delta, len);
        if pane == Pane::List && self.screen.list.selected != before {
            self.list_changed();
        }
    }

    /// Rebuilds the detail document when its subject or width changed, and clamps every
    /// selection to what exists and what is visible.
    fn sync(&mut self) {
        let areas = self.areas();
        let width = areas
            .as_ref()
            .and_then(|a| a.pane(Pane::Details))
            .map_or(60, |r| layout::inner(r).width);
        if self.screen.view == View::Alliances {
            let n = self.kb.alliances.len();
            self.screen.list.selected = self.screen.list.selected.min(n.saturating_sub(1));
        }
        let subject = match self.screen.view {
            View::Alliances => self.screen.list.selected,
            View::Entity(Entity::Org(i) | Entity::Focus(i) | Entity::Artifact(i)) => i,
            View::Compare(a, _) => a,
        };
        let key = Some((self.screen.view, subject, width));
        if self.page.key != key {
            let (kb, index) = (&self.kb, &self.index);
            let (doc, lists) = match self.screen.view {
                View::Alliances => (doc::alliance(kb, index, subject, width), Default::default()),
                View::Entity(e) => {
                    let page = match e {
                        Entity::Org(o) => doc::organization(kb, index, o, width),
                        Entity::Focus(f) => doc::focus_area(kb, index, f, width),
                        Entity::Artifact(t) => doc::artifact(kb, index, t, width),
                    };
                    (page.doc, [page.links, Vec::new(), Vec::new()])
                }
                View::Compare(a, b) => (Doc::default(), doc::compare(kb, index, a, b)),
            };
            let name_cols = lists.each_ref().map(|rows| {
                let widest = rows.iter().map(|l| crate::text::width(&l.name)).max();
                widest.unwrap_or(0).min(usize::from(u16::MAX)) as u16
            });
            self.page = Page {
                key,
                doc,
                lists,
                name_cols,
            };
        }
        for &pane in self.screen.view.panes() {
            if pane == Pane::Details {
                continue;
            }
            let len = self.list_len(pane);
            let height = self.items_visible(pane);
            let height = if pane == Pane::Side {
                height.min(len)
            } else {
                height
            };
            self.cursor_mut(pane).clamp(len, height);
        }
        if self.screen.view.panes().contains(&Pane::Details) {
            let height = self.pane_height(Pane::Details);
            let doc_len = self.page.doc.len();
            let links = self.page.doc.links().len();
            let d = &mut self.screen.details;
            d.selected = d.selected.min(links.saturating_sub(1));
            d.offset = d.offset.min(doc_len.saturating_sub(height.max(1)));
        }
        if !self.screen.view.panes().contains(&self.screen.focus) {
            self.screen.focus = self.screen.view.panes()[0];
        }
    }
}

/// Which of the page's lists a pane shows.
fn list_slot(pane: Pane) -> Option<usize> {
    match pane {
        Pane::List | Pane::Shared => Some(0),
        Pane::OnlyFirst => Some(1),
        Pane::OnlySecond => Some(2),
        Pane::Details | Pane::Side => None,
    }
}

fn entity_screen(entity: Entity) -> Screen {
    Screen {
        view: View::Entity(entity),
        focus: Pane::List,
        list: Cursor::default(),
        details: Cursor::default(),
        side: Cursor::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        let kb = crate::kb::load_embedded().unwrap();
        App::new(kb, Keymap::default(), "built-in", Rect::new(0, 0, 120, 40))
    }

    fn org(app: &App, id: &str) -> Ix {
        app.index().org(app.kb(), id).unwrap()
    }

    fn alliance(app: &App, id: &str) -> Ix {
        app.index().alliance(app.kb(), id).unwrap()
    }

    /// Moves the detail cursor to the link that leads to `target`.
    fn select_link(app: &mut App, target: Target) {
        app.update(Action::First);
        for _ in 0..500 {
            if app.doc().target(app.screen().details.selected) == Some(target) {
                return;
            }
            app.update(Action::Down);
        }
        panic!("no link to {target:?}");
    }

    #[test]
    fn moving_in_the_list_changes_the_details_and_resets_them() {
        let mut a = app();
        assert_eq!(a.breadcrumb(), ["AI Alliance"]);
        a.update(Action::NextPane);
        a.update(Action::Down);
        assert_eq!(a.screen().details.selected, 1);
        a.update(Action::PreviousPane);
        a.update(Action::Down);
        assert_eq!(a.breadcrumb(), ["EDSAFE AI Alliance"]);
        assert_eq!(a.screen().details, Cursor::default());
        a.update(Action::Last);
        assert_eq!(a.screen().list.selected, a.kb().alliances.len() - 1);
        a.update(Action::Down);
        assert_eq!(a.screen().list.selected, a.kb().alliances.len() - 1);
    }

    #[test]
    fn enter_on_a_member_opens_its_view_and_back_restores_the_identical_screen() {
        let mut a = app();
        a.update(Action::Open);
        assert_eq!(a.screen().focus, Pane::Details);
        let nvidia = org(&a, "nvidia");
        select_link(&mut a, Target::Org(nvidia));
        let before = *a.screen();
        a.update(Action::Open);
        assert_eq!(a.screen().view, View::Entity(Entity::Org(nvidia)));
        assert_eq!(a.screen().focus, Pane::List);
        assert_eq!(a.breadcrumb(), ["AI Alliance", "NVIDIA"]);
        let names: Vec<&str> = a.links().iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["United AI Alliance", "AI Alliance"]);
        a.update(Action::Back);
        assert_eq!(*a.screen(), before);
    }

    #[test]
    fn history_walks_back_and_forward_and_a_new_jump_drops_forward() {
        let mut a = app();
        let start = *a.screen();
        a.update(Action::Open);
        let nvidia = org(&a, "nvidia");
        select_link(&mut a, Target::Org(nvidia));
        let on_link = *a.screen();
        a.update(Action::Open); // NVIDIA
        a.update(Action::Open); // United AI Alliance
        let united = alliance(&a, "united-ai-alliance");
        assert_eq!(a.selected_alliance(), Some(united));
        assert_eq!(a.screen().focus, Pane::Details);
        assert_eq!(
            a.breadcrumb(),
            ["AI Alliance", "NVIDIA", "United AI Alliance"]
        );
        let at_united = *a.screen();
        a.update(Action::Back);
        a.update(Action::Back);
        assert_eq!(*a.screen(), on_link);
        a.update(Action::Forward);
        a.update(Action::Forward);
        assert_eq!(*a.screen(), at_united);
        a.update(Action::Forward);
        assert_eq!(a.status(), "Nothing to go forward to");
        // Back twice, then a new jump: forward is gone.
        a.update(Action::Back);
        a.update(Action::Back);
        a.update(Action::PreviousPane);
        a.update(Action::Down); // another alliance: not a jump
        a.update(Action::Open);
        a.update(Action::First);
        a.update(Action::Open); // its first member: a jump
        a.update(Action::Forward);
        assert_eq!(a.status(), "Nothing to go forward to");
        a.update(Action::Back);
        a.update(Action::Back);
        assert_eq!(a.status(), "Nothing to go back to");
        assert_eq!(a.screen().view, start.view);
    }

    #[test]
    fn the_side_pane_opens_a_focus_area_with_the_alliances_sharing_it() {
        let mut a = app();
        a.update(Action::PreviousPane); // wraps to the side pane
        assert_eq!(a.screen().focus, Pane::Side);
        a.update(Action::Last);
        a.update(Action::Open);
        let policy = a.index().focus(a.kb(), "ai-policy").unwrap();
        assert_eq!(a.screen().view, View::Entity(Entity::Focus(policy)));
        let names: Vec<&str> = a.links().iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            names,
            ["AI Alliance", "EDSAFE AI Alliance", "European AI Alliance"]
        );
    }

    #[test]
    fn related_alliances_are_followed_from_the_details() {
        let mut a = app();
        a.update(Action::Open);
        let pai = alliance(&a, "partnership-on-ai");
        select_link(&mut a, Target::Alliance(pai));
        a.update(Action::Open);
        assert_eq!(a.selected_alliance(), Some(pai));
        assert_eq!(a.breadcrumb(), ["AI Alliance", "Partnership on AI"]);
    }

    #[test]
    fn section_keys_jump_between_headings() {
        let mut a = app();
        a.update(Action::NextSection);
        assert_eq!(a.screen().focus, Pane::Details);
        let first_heading = a.doc().sections()[0];
        assert_eq!(a.screen().details.offset, first_heading);
        a.update(Action::NextSection);
        assert_eq!(a.screen().details.offset, a.doc().sections()[1]);
        a.update(Action::PreviousSection);
        assert_eq!(a.screen().details.offset, first_heading);
    }

    #[test]
    fn help_opens_scrolls_and_closes() {
        let mut a = app();
        a.update(Action::Help);
        assert_eq!(a.mode(), Mode::Help);
        a.update(Action::Down);
        a.update(Action::Close);
        assert_eq!(a.mode(), Mode::Browse);
        let rows = a.help_rows();
        assert!(rows.contains(&HelpRow::Binding("j/↓".into(), "down")));
        assert!(rows.contains(&HelpRow::Binding("Bksp/Ctrl-o/[".into(), "back")));
    }

    #[test]
    fn clicks_select_and_double_clicks_follow() {
        let mut a = app();
        let areas = a.areas().unwrap();
        let list = layout::inner(areas.pane(Pane::List).unwrap());
        a.update(Action::Click {
            col: list.x + 2,
            row: list.y + 5,
        });
        assert_eq!(a.screen().list.selected, 2);
        assert_eq!(a.screen().focus, Pane::List);
        let side = layout::inner(areas.pane(Pane::Side).unwrap());
        let follow = a.update(Action::DoubleClick {
            col: side.x + 1,
            row: side.y,
        });
        assert_eq!(follow, Some(Action::Open));
        a.update(Action::Open);
        assert!(matches!(a.screen().view, View::Entity(Entity::Focus(_))));
        // Clicking outside any pane does nothing.
        assert_eq!(a.update(Action::DoubleClick { col: 0, row: 0 }), None);
    }

    #[test]
    fn the_wheel_scrolls_the_pane_under_the_pointer() {
        let mut a = app();
        let areas = a.areas().unwrap();
        let details = layout::inner(areas.pane(Pane::Details).unwrap());
        a.update(Action::ScrollDown {
            col: details.x + 1,
            row: details.y + 1,
        });
        assert_eq!(a.screen().details.offset, 3);
        assert_eq!(a.screen().focus, Pane::List);
        let list = layout::inner(areas.pane(Pane::List).unwrap());
        a.update(Action::ScrollDown {
            col: list.x + 1,
            row: list.y + 1,
        });
        assert_eq!(a.screen().list.selected, 3);
    }

    #[test]
    fn resizing_keeps_the_selection_visible() {
        let mut a = app();
        a.update(Action::Last);
        a.update(Action::Resize { cols: 60, rows: 12 });
        let h = a.items_visible(Pane::List);
        let c = a.screen().list;
        assert!(c.selected >= c.offset && c.selected < c.offset + h);
        a.update(Action::Resize { cols: 1, rows: 1 });
        a.update(Action::Down);
        a.update(Action::Open);
        a.update(Action::Resize {
            cols: 120,
            rows: 40,
        });
        assert_eq!(a.screen().list.selected, a.kb().alliances.len() - 1);
    }

    #[test]
    fn an_empty_knowledge_base_is_browsable() {
        let mut a = App::new(
            Kb::default(),
            Keymap::default(),
            "empty",
            Rect::new(0, 0, 80, 24),
        );
        for action in [
            Action::Down,
            Action::Open,
            Action::NextPane,
            Action::Open,
            Action::Last,
            Action::Back,
        ] {
            a.update(action);
        }
        assert_eq!(a.breadcrumb(), ["Alliances"]);
    }

    fn type_text(a: &mut App, text: &str) {
        for c in text.chars() {
            a.update(Action::Type(c));
        }
    }

    #[test]
    fn member_search_opens_the_member_view_and_esc_changes_nothing() {
        let mut a = app();
        let before = *a.screen();
        a.update(Action::Search);
        assert_eq!(a.mode(), Mode::Prompt);
        type_text(&mut a, "qj");
        // Typed letters are text, not commands.
        assert!(!a.should_quit());
        assert_eq!(a.finder().unwrap().0.query, "qj");
        a.update(Action::Close);
        assert_eq!(*a.screen(), before);
        assert_eq!(a.mode(), Mode::Browse);

        a.update(Action::Search);
        type_text(&mut a, "nvidia");
        let (finder, haystack) = a.finder().unwrap();
        let first = finder.results.hits[0];
        assert_eq!(
            a.kb().organizations[haystack.entry(first.entry).ix].id,
            "nvidia"
        );
        assert_eq!(finder.highlights[0], [0, 1, 2, 3, 4, 5]);
        a.update(Action::Open);
        let nvidia = org(&a, "nvidia");
        assert_eq!(a.screen().view, View::Entity(Entity::Org(nvidia)));
        a.update(Action::Back);
        assert_eq!(*a.screen(), before);
    }

    #[test]
    fn the_finder_edits_its_query_and_moves_in_results() {
        let mut a = app();
        a.update(Action::Search);
        type_text(&mut a, "univ of");
        let n = a.finder().unwrap().0.results.hits.len();
        a.update(Action::DeleteWord);
        assert_eq!(a.finder().unwrap().0.query, "univ ");
        assert!(a.finder().unwrap().0.results.hits.len() >= n);
        a.update(Action::DeleteChar);
        a.update(Action::Down);
        a.update(Action::Down);
        assert_eq!(a.finder().unwrap().0.cursor.selected, 2);
        a.update(Action::ClearQuery);
        let finder = a.finder().unwrap().0;
        assert_eq!(finder.query, "");
        assert_eq!(finder.results.hits.len(), a.kb().organizations.len());
        assert_eq!(finder.results.total, a.kb().organizations.len());
        assert_eq!(finder.cursor.selected, 0);
    }

    /// Waits for the search thread to answer the finder's query.
    fn settle(a: &mut App) {
        let start = std::time::Instant::now();
        while a.finder().is_some_and(|f| f.0.searching) {
            assert!(start.elapsed() < Duration::from_secs(10), "no answer");
            a.poll();
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    #[test]
    fn a_search_on_the_search_thread_answers_the_latest_query_only() {
        let mut a = app();
        a.finders.search_in_background_from(0);
        a.update(Action::Search);
        settle(&mut a);
        type_text(&mut a, "nvid");
        // Typing does not wait: the finder shows it is searching.
        assert!(a.finder().unwrap().0.searching || a.finder().unwrap().0.results.query == "nvid");
        type_text(&mut a, "ia");
        settle(&mut a);
        let (finder, haystack) = a.finder().unwrap();
        assert_eq!(finder.results.query, "nvidia");
        let first = haystack.entry(finder.results.hits[0].entry);
        assert_eq!(a.kb().organizations[first.ix].id, "nvidia");
        assert!(!finder.highlights.is_empty());
        assert!(!a.busy());
        a.update(Action::Open);
        assert_eq!(
            a.screen().view,
            View::Entity(Entity::Org(org(&a, "nvidia")))
        );
    }

    #[test]
    fn while_loading_the_explorer_shows_progress_then_opens_what_was_asked() {
        let keymap = Keymap::default();
        let mut a = App::loading(
            keymap,
            "big.ron",
            Rect::new(0, 0, 120, 40),
            Some("nvidia".into()),
        );
        assert!(a.busy());
        assert!(a.status().starts_with("Loading big.ron"), "{}", a.status());
        // Search waits for the data.
        a.update(Action::Search);
        assert!(a.finder().is_none());
        let mut progress = Progress {
            phase: Phase::Reading,
            bytes_done: 250,
            bytes_total: 1000,
            files_done: 1,
            files_total: 4,
        };
        a.load_progress(progress, Duration::from_secs(1));
        let state = *a.load_state().unwrap();
        assert_eq!(state.fraction(), Some(0.25));
        assert_eq!(state.eta(), Some(Duration::from_secs(3)));
        progress.phase = Phase::Validating;
        a.load_progress(progress, Duration::from_secs(5));
        assert_eq!(
            a.load_state().unwrap().phase_started,
            Duration::from_secs(5)
        );
        assert_eq!(a.load_state().unwrap().eta(), None);
        a.loaded(Loaded::new(crate::kb::load_embedded().unwrap()));
        assert!(a.load_state().is_none() && !a.busy());
        assert_eq!(
            a.screen().view,
            View::Entity(Entity::Org(org(&a, "nvidia")))
        );
        assert!(a.invariants().is_empty(), "{:?}", a.invariants());
    }

    #[test]
    fn a_failed_load_ends_the_explorer_with_the_reason() {
        let keymap = Keymap::default();
        let mut a = App::loading(keymap, "big.ron", Rect::new(0, 0, 120, 40), None);
        a.load_failed(LoadError::Usage("gone".into()));
        assert!(a.should_quit());
        assert!(matches!(a.take_failure(), Some(LoadError::Usage(m)) if m == "gone"));
    }

    #[test]
    fn an_unknown_entity_to_open_after_loading_is_said_in_the_status_line() {
        let keymap = Keymap::default();
        let mut a = App::loading(
            keymap,
            "big.ron",
            Rect::new(0, 0, 120, 40),
            Some("nvidai".into()),
        );
        a.loaded(Loaded::new(crate::kb::load_embedded().unwrap()));
        assert_eq!(a.screen().view, View::Alliances);
        assert!(a.status().contains("nvidai"), "{}", a.status());
    }

    #[test]
    fn go_to_anything_opens_an_alliance_by_name() {
        let mut a = app();
        a.update(Action::GoTo);
        type_text(&mut a, "partnership on ai");
        a.update(Action::Open);
        let pai = alliance(&a, "partnership-on-ai");
        assert_eq!(a.selected_alliance(), Some(pai));
        assert_eq!(a.screen().focus, Pane::Details);
        a.update(Action::GoTo);
        type_text(&mut a, "pytorch");
        a.update(Action::Open);
        let pytorch = a.index().artifact(a.kb(), "pytorch").unwrap();
        assert_eq!(a.screen().view, View::Entity(Entity::Artifact(pytorch)));
        assert_eq!(
            a.breadcrumb(),
            ["AI Alliance", "Partnership on AI", "PyTorch"]
        );
    }

    #[test]
    fn marking_two_alliances_and_comparing_them() {
        let mut a = app();
        a.update(Action::Compare);
        assert!(
            a.status().starts_with("Mark two alliances"),
            "{}",
            a.status()
        );
        a.update(Action::Mark);
        let pai = alliance(&a, "partnership-on-ai");
        while a.selected_alliance() != Some(pai) {
            a.update(Action::Down);
        }
        a.update(Action::Mark);
        assert_eq!(a.marks(), [0, pai]);
        a.update(Action::Compare);
        assert_eq!(a.screen().view, View::Compare(0, pai));
        assert_eq!(
            a.breadcrumb(),
            ["Partnership on AI", "AI Alliance ⇄ Partnership on AI"]
        );
        let names = |pane| {
            a.rows(pane)
                .iter()
                .map(|r| r.name.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(Pane::Shared),
            ["IBM", "Intel", "Meta", "Sony Group", "University of Tokyo"]
        );
        assert!(names(Pane::OnlyFirst).contains(&"AMD".to_string()));
        assert!(names(Pane::OnlySecond).contains(&"Amazon".to_string()));
        // IBM leads both and is a founding member of both.
        assert_eq!(
            a.rows(Pane::Shared)[0].label,
            "lead · founding member in both"
        );
        assert_eq!(a.rows(Pane::Shared)[1].label, "founding member / partner");
        // Enter on a shared organisation opens its member view; back returns to the comparison.
        a.update(Action::Open);
        assert_eq!(a.screen().view, View::Entity(Entity::Org(org(&a, "ibm"))));
        a.update(Action::Back);
        assert_eq!(a.screen().view, View::Compare(0, pai));
        a.update(Action::NextPane);
        assert_eq!(a.screen().focus, Pane::OnlyFirst);
        a.update(Action::Down);
        a.update(Action::Open);
        assert!(matches!(a.screen().view, View::Entity(Entity::Org(_))));
    }

    #[test]
    fn a_third_mark_replaces_the_oldest_and_marking_again_unmarks() {
        let mut a = app();
        for _ in 0..3 {
            a.update(Action::Mark);
            a.update(Action::Down);
        }
        assert_eq!(a.marks(), [1, 2]);
        a.update(Action::Up);
        a.update(Action::Mark);
        assert_eq!(a.marks(), [1]);
    }

    #[test]
    fn a_reload_keeps_every_screen_on_the_same_entities() {
        let mut a = app();
        a.update(Action::Open);
        let nvidia = org(&a, "nvidia");
        select_link(&mut a, Target::Org(nvidia));
        a.update(Action::Open);
        a.update(Action::Open); // United AI Alliance
        // The new data lists the alliances in another order and drops one organisation.
        let mut kb = crate::kb::load_embedded().unwrap();
        kb.alliances.reverse();
        kb.alliances[0].name = "United AI Alliance (renamed)".into();
        a.set_problems(vec![crate::kb::Problem::at("x.ron", "", 1, 1, "boom")]);
        a.reload(Loaded::new(kb));
        assert!(a.problems().is_empty());
        assert_eq!(
            a.breadcrumb(),
            ["AI Alliance", "NVIDIA", "United AI Alliance (renamed)"]
        );
        assert!(a.invariants().is_empty(), "{:?}", a.invariants());
        a.update(Action::Back);
        assert_eq!(
            a.screen().view,
            View::Entity(Entity::Org(a.index().org(a.kb(), "nvidia").unwrap()))
        );
        // An entity that is gone leaves the history.
        let mut kb = crate::kb::load_embedded().unwrap();
        kb.organizations.retain(|o| o.id != "nvidia");
        for al in &mut kb.alliances {
            al.members.retain(|m| m.org != "nvidia");
            al.absent.retain(|m| m.org != "nvidia");
            al.leads.retain(|l| l != "nvidia");
        }
        a.reload(Loaded::new(kb));
        assert_eq!(a.screen().view, View::Alliances);
        assert!(a.invariants().is_empty(), "{:?}", a.invariants());
    }
}
