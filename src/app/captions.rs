//! The words around the panes: the status line, the breadcrumb of screen titles, and which
//! actions the hint bar offers, with their keys as the key map binds them.

use super::{App, Overlay, Pane, Screen};
use crate::action::Action::{self, Down, Up};
use crate::keymap::Mode;

/// How many screens the breadcrumb names at most.
const CRUMBS: usize = 16;

impl App {
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

    pub(super) fn title(&self, screen: &Screen) -> String {
        let title = screen.state().title(&self.data());
        crate::text::capped(&title, 256).into_owned()
    }

    /// The actions worth a hint for the focused pane.
    pub fn hint_actions(&self) -> Vec<Action> {
        use Action::*;
        match self.overlay {
            Overlay::Help(_) => return vec![Close, Down, Up, PageDown, Quit],
            Overlay::Finder(_) => return vec![Open, Down, Up, Close, DeleteWord, ClearQuery],
            Overlay::Input(_) => return vec![Open, Close, DeleteWord, ClearQuery],
            Overlay::Menu(_) => return vec![Open, Down, Up, Close],
            Overlay::None if self.loading.is_some() => return vec![Help, Quit],
            Overlay::None => {}
        }
        let mut hints = self.screen.state().hints(self.screen.focus());
        // Esc clears a filter the focused list has.
        if let Some(listed) = self.screen.state().listing()
            && listed.pane == self.screen.focus()
            && !listed.narrowing.filter.is_empty()
        {
            let at = hints
                .iter()
                .position(|&h| h == Filter)
                .map_or(hints.len(), |i| i + 1);
            hints.insert(at, ClearFilter);
        }
        if self.marks.pair(self.selected_alliance()).is_some() {
            hints.push(Compare);
        }
        if !self.history.behind().is_empty() {
            hints.push(Back);
        }
        if self.history.ahead() > 0 {
            hints.push(Forward);
        }
        hints.extend([ToggleDay, Help, Quit]);
        hints
    }

    /// The hint bar's (keys, words): the first key of each action, with Down and Up shown as
    /// one hint ("j/k move").
    pub fn hints(&self) -> Vec<(String, &'static str)> {
        let mode = self.mode();
        let first = |a: Action| self.keymap.keys(mode, a).first().map(ToString::to_string);
        let actions = self.hint_actions();
        let mut pairs = Vec::new();
        for &a in &actions {
            if a == Up && actions.contains(&Down) {
                continue;
            }
            let keys = if a == Down && actions.contains(&Up) {
                match (first(Down), first(Up)) {
                    (Some(d), Some(u)) => Some(format!("{d}/{u}")),
                    (d, u) => d.or(u),
                }
            } else {
                first(a)
            };
            if let Some(keys) = keys {
                let picture = self.screen.focus() == Pane::Picture;
                let words = match (&self.overlay, a) {
                    (Overlay::Menu(_), Action::Open) => "choose",
                    (_, Action::NextPane) if picture => "next column",
                    _ => a.hint(),
                };
                pairs.push((keys, words));
            }
        }
        // A menu's choices have keys of their own.
        if let Overlay::Menu(menu) = &self.overlay {
            let keys: String = menu.choices.iter().map(|c| c.key).collect();
            pairs.insert(0, (keys, "choose"));
        }
        pairs
    }

    /// `q quits`: the first key of `action` in browse mode and its words, for the screens that
    /// have no hint bar (loading, too small).
    pub fn key_hint(&self, action: Action, words: &str) -> String {
        match self.keymap.keys(Mode::Browse, action).first() {
            Some(key) => format!("{key} {words}"),
            None => String::new(),
        }
    }
}
