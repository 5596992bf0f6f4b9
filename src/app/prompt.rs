//! What keys do while the search or go-to prompt is open: typed letters edit the query, the
//! results are moved in, Enter goes to the highlighted one.

use super::finder::{Finder, FinderKind};
use super::{App, Overlay, layout};
use crate::action::Action;
use crate::kb::Entity;

impl App {
    /// Rows of results the finder shows.
    pub(super) fn finder_rows(&self) -> usize {
        usize::from(layout::finder(self.size).list.height)
    }

    /// Opens a finder with an empty query.
    pub(super) fn open_finder(&mut self, kind: FinderKind) {
        if self.loading.is_some() {
            self.status = Some("Still loading: search opens once the knowledge base is in".into());
            return;
        }
        let mut finder = Finder::new(kind);
        let rows = self.finder_rows();
        self.finders.run(&self.loaded.kb, &mut finder, rows);
        self.overlay = Overlay::Finder(finder);
    }

    pub(super) fn update_finder(&mut self, action: Action) -> Option<Action> {
        let rows = self.finder_rows();
        let list = layout::finder(self.size).list;
        let Overlay::Finder(finder) = &mut self.overlay else {
            return None;
        };
        let len = finder.results.hits.len();
        let mut requery = false;
        match action {
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
            Action::Click { col, row } | Action::DoubleClick { col, row }
                if list.contains((col, row).into()) =>
            {
                let at = finder.cursor.offset + usize::from(row - list.y);
                if at < len {
                    finder.cursor.selected = at;
                    if matches!(action, Action::DoubleClick { .. }) {
                        return Some(Action::Open);
                    }
                }
            }
            Action::Open => {
                let kind = finder.kind;
                let target = self.finder_target();
                self.overlay = Overlay::None;
                match (target, kind) {
                    (Some(to), FinderKind::PathFrom(from)) => self.show_path(from, to),
                    (Some(target), _) => self.jump(target),
                    (None, _) => self.status = Some("Nothing matches".into()),
                }
                return None;
            }
            _ => {}
        }
        if let Overlay::Finder(finder) = &mut self.overlay {
            if requery {
                self.finders.run(&self.loaded.kb, finder, rows);
            } else {
                self.finders.highlight(finder, rows);
            }
        }
        None
    }

    /// Text pasted in the terminal (bracketed paste): added to the open prompt as one edit,
    /// so it costs one search, not one per character; while browsing, it opens the member
    /// search with it. Line breaks and tabs become spaces, other control characters are
    /// dropped, and only the first [`PASTE_CHARS`] characters are taken.
    pub fn paste(&mut self, pasted: &str) {
        self.status = None;
        let mut text = String::new();
        let mut taken = 0;
        for c in pasted.chars() {
            if taken == PASTE_CHARS {
                self.status = Some(format!(
                    "Pasted the first {} characters",
                    crate::text::number(PASTE_CHARS)
                ));
                break;
            }
            match c {
                '\n' | '\r' | '\t' => text.push(' '),
                c if crate::text::is_unsafe(c) => continue,
                c => text.push(c),
            }
            taken += 1;
        }
        if text.trim().is_empty() {
            return;
        }
        match &mut self.overlay {
            Overlay::None => {
                self.open_finder(FinderKind::Members);
                if let Overlay::Finder(finder) = &mut self.overlay {
                    finder.query = text.trim_start().to_string();
                }
            }
            Overlay::Finder(finder) => finder.query.push_str(&text),
            Overlay::Input(input) => {
                input.text.push_str(&text);
                input.error = None;
                if input.asking == super::input::Asking::Filter {
                    let filter = input.text.clone();
                    self.set_filter(&filter);
                }
            }
            Overlay::Help(_) | Overlay::Menu(_) => return,
        }
        let rows = self.finder_rows();
        if let Overlay::Finder(finder) = &mut self.overlay {
            self.finders.run(&self.loaded.kb, finder, rows);
        }
        self.sync();
    }

    /// Where the finder's selected result leads.
    fn finder_target(&self) -> Option<Entity> {
        let (finder, haystack) = self.finder()?;
        let hit = finder.results.hits.get(finder.cursor.selected)?;
        Some(haystack.entry(hit.entry))
    }
}

/// The most characters one paste adds to a prompt: more than any name, few enough that
/// every later keystroke stays cheap.
pub const PASTE_CHARS: usize = 1024;
