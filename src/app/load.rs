//! The knowledge base arriving: loading in the background with its progress, the first data,
//! a failed load, and new data after an edit (every screen kept on the same entities, by id).

use super::{App, FinderKind, Overlay, Screen};
use crate::kb::load::{Phase, Progress};
use crate::kb::{Entity, Kb, LoadError, Problem};
use crate::loaded::Loaded;
use std::time::Duration;

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
    fn start() -> Self {
        Loading {
            progress: Progress {
                phase: Phase::Reading,
                bytes_done: 0,
                bytes_total: 0,
                files_done: 0,
                files_total: 0,
            },
            elapsed: Duration::ZERO,
            phase_started: Duration::ZERO,
        }
    }

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
    /// An explorer whose knowledge base is still loading: it shows the progress until
    /// [`App::loaded`], then opens `open` (an id or a name) if given.
    pub fn loading(
        keymap: crate::keymap::Keymap,
        origin: impl Into<String>,
        size: ratatui::layout::Rect,
        open: Option<String>,
    ) -> Self {
        let empty = Loaded::new(Kb::default());
        let mut app = App::with(empty, keymap, origin, size);
        app.loading = Some(Loading::start());
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
        let _ = self.install(loaded);
        self.status = None;
        if let Some(id) = self.open_when_loaded.take() {
            match crate::kb::resolve(self.kb(), self.index(), &id, &[]) {
                Ok(found) => self.open_at(found[0]),
                Err(message) => self.status = Some(crate::text::sanitize(&message).into_owned()),
            }
        }
        self.sync();
    }

    /// The knowledge base could not be loaded: the explorer ends, and [`App::take_failure`]
    /// says why.
    pub fn load_failed(&mut self, error: LoadError) {
        self.failure = Some(error);
        self.quit = true;
    }

    /// Why the knowledge base could not be loaded.
    pub fn take_failure(&mut self) -> Option<LoadError> {
        self.failure.take()
    }

    /// Problems of the latest version of the files, while the last good data is shown.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The first problem the panel shows.
    pub fn problem_at(&self) -> usize {
        self.problem_at
    }

    /// Where the problems panel is, when there is one.
    pub fn problems_area(&self) -> Option<ratatui::layout::Rect> {
        if self.problems.is_empty() {
            return None;
        }
        // Each problem's headline, quoted line and caret; the panel takes at most half the
        // body, so a few dozen tell its height.
        let lines: usize = self
            .problems
            .iter()
            .take(64)
            .map(|p| if p.snippet.is_some() { 3 } else { 1 })
            .sum();
        self.areas()
            .map(|a| super::layout::problems_panel(a.body, lines))
    }

    /// Scrolls the problems panel by `step` problems, wrapping round (`P`, the wheel).
    pub(super) fn scroll_problems(&mut self, step: isize) {
        let n = self.problems.len();
        if n == 0 {
            self.status = Some("No problems in the knowledge base's files".into());
            return;
        }
        self.problem_at = (self.problem_at as isize + step).rem_euclid(n as isize) as usize;
    }

    /// The knowledge base's files changed but are invalid: show why, keep the data.
    pub fn set_problems(&mut self, problems: Vec<Problem>) {
        self.problems = problems;
        self.problem_at = 0;
        // The panel says what happened; an earlier "Reloaded" would contradict it.
        self.status = None;
    }

    /// The knowledge base's files changed: show the new data, keeping every screen on the
    /// same entities (by id) where they still exist.
    pub fn reload(&mut self, loaded: Loaded) {
        let gone = self.install(loaded);
        let s = self.summary;
        self.status = Some(match gone {
            Some(what) => format!(
                "Reloaded: {} is no longer in the knowledge base",
                crate::text::capped(&what, crate::text::NAME_BYTES)
            ),
            None => format!(
                "Reloaded: {} · {}",
                crate::text::count(s.alliances, "alliance", "alliances"),
                crate::text::count(s.organizations, "organization", "organizations")
            ),
        });
        self.sync();
    }

    /// Replaces the data, moving every screen to the same entities (by id) where they still
    /// exist; says what the screen was about if that is gone.
    fn install(&mut self, loaded: Loaded) -> Option<String> {
        let shown = self.title(&self.screen);
        let haystack = loaded.haystack.clone();
        // The row selected in the screen's list, to select it again among the new rows.
        let selected = self.screen.state().listing().and_then(|l| {
            let row = *self.rows.get().get(self.screen.cursor(l.pane)?.selected)?;
            Some((l.listing, row))
        });
        let old = std::mem::replace(&mut self.loaded, std::sync::Arc::new(loaded));
        let old = &old.kb;
        self.summary = self.loaded.kb.summary();
        let (kb, index) = (&self.loaded.kb, &self.loaded.index);
        let remap = |screen: Screen| -> Option<Screen> {
            let focus = screen.focus();
            let view = screen.state().remap(old, kb, index)?;
            Some(Screen::new(view, focus))
        };
        let current = std::mem::replace(&mut self.screen, Screen::alliances(0));
        let mut gone = None;
        self.screen = remap(current).unwrap_or_else(|| {
            gone = Some(shown);
            Screen::alliances(0)
        });
        self.history.retain_map(remap);
        self.marks.remap(old, kb, index);
        // Results and prepared names belong to the old data; an open finder stays open, its
        // query run again on the new data (a path's start found again by id).
        self.finders = super::Finders::new(haystack);
        let rows = self.finder_rows();
        if let Overlay::Finder(finder) = &mut self.overlay {
            let kind = match finder.kind {
                FinderKind::PathFrom(from) => {
                    from.find_in(old, kb, index).map(FinderKind::PathFrom)
                }
                kind => Some(kind),
            };
            match kind {
                Some(kind) => {
                    finder.kind = kind;
                    self.finders.run(kb, finder, rows);
                }
                None => {
                    self.overlay = Overlay::None;
                    gone.get_or_insert_with(|| "the path's start".into());
                }
            }
        }
        self.page = Default::default();
        self.page_for = None;
        self.data_id += 1;
        self.reselect = selected.and_then(|(listing, row)| {
            let found = match listing.kind() {
                Some(kind) => Entity::new(kind, row as usize)
                    .find_in(old, kb, index)?
                    .ix(),
                // A claim is found again by its alliance and its place there.
                None => {
                    let mut before = 0;
                    let (a, c) = old.alliances.iter().enumerate().find_map(|(a, al)| {
                        let n = al.claims.len();
                        let found = (row as usize) < before + n;
                        let at = (a, row as usize - before);
                        before += n;
                        found.then_some(at)
                    })?;
                    let a = Entity::Alliance(a).find_in(old, kb, index)?.ix();
                    (c < kb.alliances[a].claims.len()).then(|| index.claim_number(a, c))?
                }
            };
            Some(found as u32)
        });
        self.problems.clear();
        gone
    }
}
