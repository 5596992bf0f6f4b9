//! The mouse over the panes: a click selects and focuses, the wheel scrolls the pane under the
//! pointer. Cells are found in the layout the state owns ([`super::layout`]).

use super::screen::Pane;
use super::{App, doc_cursor};

impl App {
    /// Selects what was clicked and focuses its pane; true when something was selected.
    pub(super) fn click(&mut self, col: u16, row: u16) -> bool {
        let Some(area) = self.areas().and_then(|a| a.pane_at(col, row).copied()) else {
            return false;
        };
        let pane = area.pane;
        self.screen.set_focus(pane);
        let line = usize::from(row - area.inner.y);
        if pane == Pane::Details {
            let Some(c) = self.screen.cursor_mut(pane) else {
                return false;
            };
            return doc_cursor::click(&self.page.doc, c, line);
        }
        let per_item = self.screen.state().lines_per_item(pane);
        let Some(line) = line.checked_sub(self.screen.state().header_lines(pane)) else {
            self.screen.set_focus(pane);
            return false;
        };
        let len = self.list_len(pane);
        let Some(c) = self.screen.cursor_mut(pane) else {
            return false;
        };
        let index = c.offset + line / per_item;
        if index >= len {
            return false;
        }
        let moved = c.selected != index;
        c.selected = index;
        if moved {
            self.screen.state_mut().moved(pane);
        }
        true
    }

    /// The wheel scrolls the pane under the pointer (or the problems panel, over it).
    pub(super) fn wheel(&mut self, col: u16, row: u16, delta: isize) {
        if self
            .problems_area()
            .is_some_and(|a| a.contains((col, row).into()))
        {
            self.scroll_problems(delta.signum());
            return;
        }
        let Some(pane) = self
            .areas()
            .and_then(|a| a.pane_at(col, row).map(|p| p.pane))
        else {
            return;
        };
        if pane == Pane::Details {
            let height = self.pane_height(pane);
            if let Some(c) = self.screen.cursor_mut(pane) {
                doc_cursor::scroll(&self.page.doc, c, height, delta);
            }
            return;
        }
        let len = self.list_len(pane);
        let Some(c) = self.screen.cursor_mut(pane) else {
            return;
        };
        let before = c.selected;
        c.select_by(delta, len);
        if c.selected != before {
            self.screen.state_mut().moved(pane);
        }
    }
}
