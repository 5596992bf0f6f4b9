//! The timeline: what happened when, on an axis from the earliest date to the day the screen
//! is as of, the list of it under the axis. `v` zooms between the whole span and months,
//! `f` filters (`in:ai-alliance`, `kind:joined`, words), Enter opens what a mark is about.

use super::{Data, Open, Page, Pane, Picture, Shape, View, ViewState, page_key};
use crate::action::Action;
use crate::app::Cursor;
use crate::app::layout;
use crate::app::views::Tab;
use crate::kb::{Day, Index, Kb};
use crate::pictures::timeline::{self, Filter, Happening};
use ratatui::layout::Rect;

/// How much of time a column of the axis stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Zoom {
    /// The whole span in the width.
    #[default]
    Whole,
    /// A column a month.
    Months,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TimelineView {
    pub zoom: Zoom,
    /// A position in the list of what the filter keeps.
    pub list: Cursor,
    /// The filter, as typed.
    pub filter: String,
}

/// What the timeline shows: what the filter keeps, oldest first; the span of the axis; why
/// the filter cannot be read, if it cannot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelinePage {
    pub shown: Vec<Happening>,
    /// How many of them fall in each month that has any, oldest first (what the axis draws,
    /// whatever their number).
    pub months: Vec<(i32, usize)>,
    pub total: usize,
    pub start: Day,
    pub end: Day,
    pub error: Option<String>,
}

impl ViewState for TimelineView {
    fn panes(&self) -> &'static [Pane] {
        &[Pane::Picture]
    }

    fn shape(&self) -> Shape {
        Shape::Columns
    }

    fn cursor(&self, pane: Pane) -> Option<&Cursor> {
        (pane == Pane::Picture).then_some(&self.list)
    }

    fn cursor_mut(&mut self, pane: Pane) -> Option<&mut Cursor> {
        (pane == Pane::Picture).then_some(&mut self.list)
    }

    fn header_lines(&self, _pane: Pane) -> usize {
        usize::from(layout::TIMELINE_AXIS_LINES)
    }

    fn title(&self, _data: &Data) -> String {
        "Timeline".into()
    }

    fn valid(&self, _kb: &Kb) -> bool {
        true
    }

    fn remap(&self, _old: &Kb, _kb: &Kb, _index: &Index) -> Option<View> {
        Some(View::Timeline(self.clone()))
    }

    fn tab(&self) -> Option<Tab> {
        Some(Tab::Timeline)
    }

    fn fit(&mut self, _data: &Data, _room: Rect) {}

    fn steer(&mut self, action: Action, _data: &Data) -> bool {
        match action {
            Action::Mode => {
                self.zoom = match self.zoom {
                    Zoom::Whole => Zoom::Months,
                    Zoom::Months => Zoom::Whole,
                };
            }
            // Left and right move along time, as down and up do.
            Action::NextPane => self.list.selected += 1,
            Action::PreviousPane => self.list.selected = self.list.selected.saturating_sub(1),
            _ => return false,
        }
        true
    }

    fn own_filter(&mut self) -> Option<&mut String> {
        Some(&mut self.filter)
    }

    fn page_key(&self, _data: &Data) -> u64 {
        page_key(("timeline", &self.filter))
    }

    fn page(&self, data: &Data, _width: u16) -> Page {
        let all = timeline::happenings(data.kb, data.index, data.day);
        let total = all.len();
        let start = all.first().map_or(data.day, |h| h.day);
        let (shown, error) = match Filter::parse(data.kb, data.index, &self.filter) {
            Ok(f) => (
                all.into_iter().filter(|h| f.keeps(data.kb, h)).collect(),
                None,
            ),
            Err(why) => (all, Some(why)),
        };
        let mut months: Vec<(i32, usize)> = Vec::new();
        for h in &shown {
            let m = timeline::month(h.day);
            match months.last_mut() {
                Some((last, n)) if *last == m => *n += 1,
                _ => months.push((m, 1)),
            }
        }
        let mut page = Page::new(crate::doc::Doc::default(), Vec::new());
        page.picture = Picture::Timeline(TimelinePage {
            months,
            shown,
            total,
            start,
            end: data.day,
            error,
        });
        page
    }

    fn len(&self, pane: Pane, _data: &Data, page: &Page) -> usize {
        match (&page.picture, pane) {
            (Picture::Timeline(t), Pane::Picture) => t.shown.len(),
            _ => 0,
        }
    }

    fn open(&self, _pane: Pane, _data: &Data, page: &Page) -> Open {
        match &page.picture {
            Picture::Timeline(t) => t
                .shown
                .get(self.list.selected)
                .map_or(Open::Nothing, |h| Open::Jump(h.opens)),
            _ => Open::Nothing,
        }
    }

    fn subject(&self, _data: &Data) -> Option<crate::kb::Entity> {
        None
    }

    fn hints(&self, _pane: Pane) -> Vec<Action> {
        use Action::*;
        vec![Down, Up, Open, Filter, Mode]
    }
}
