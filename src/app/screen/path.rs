//! The shortest chain of links between two entities, as `alliances path` finds it: each step
//! with the reason for its link, and the selected step's page beside.

use super::{Data, Open, Page, Pane, Shape, View, ViewState, page_key};
use crate::action::Action;
use crate::app::Cursor;
use crate::doc::LinkRow;
use crate::kb::path::{Link, Via, shortest};
use crate::kb::{Entity, Index, Kb};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathView {
    pub from: Entity,
    pub to: Entity,
    pub via: Via,
    /// The chain: its start, then each step.
    pub steps: Cursor,
    /// The selected step's page.
    pub details: Cursor,
}

impl PathView {
    pub fn new(from: Entity, to: Entity) -> Self {
        PathView {
            from,
            to,
            via: Via::default(),
            steps: Cursor::default(),
            details: Cursor::default(),
        }
    }
}

/// The chain as rows: the start, then each step reached and how (an organisation that is an
/// alliance is one entity: that link is no step). Empty when no chain connects them.
pub fn chain(kb: &Kb, index: &Index, view: &PathView, day: crate::kb::Day) -> Vec<LinkRow> {
    let Some(steps) = shortest(kb, index, view.from, view.to, day, view.via) else {
        return Vec::new();
    };
    let name = |e: Entity| e.name_on(kb, day).to_string();
    let mut rows = vec![LinkRow {
        target: view.from,
        name: name(view.from),
        label: format!("start · {}", view.from.kind().label()),
    }];
    rows.extend(
        steps
            .iter()
            .filter(|s| !matches!(s.link, Link::Same { .. }))
            .map(|s| LinkRow {
                target: s.node,
                name: name(s.node),
                label: s.link.describe(kb),
            }),
    );
    rows
}

impl ViewState for PathView {
    fn panes(&self) -> &'static [Pane] {
        &[Pane::List, Pane::Details]
    }

    fn shape(&self) -> Shape {
        Shape::ListDetails
    }

    fn cursor(&self, pane: Pane) -> Option<&Cursor> {
        match pane {
            Pane::List => Some(&self.steps),
            Pane::Details => Some(&self.details),
            _ => None,
        }
    }

    fn cursor_mut(&mut self, pane: Pane) -> Option<&mut Cursor> {
        match pane {
            Pane::List => Some(&mut self.steps),
            Pane::Details => Some(&mut self.details),
            _ => None,
        }
    }

    fn title(&self, data: &Data) -> String {
        format!(
            "{} → {}",
            self.from.name_on(data.kb, data.day),
            self.to.name_on(data.kb, data.day)
        )
    }

    fn valid(&self, kb: &Kb) -> bool {
        self.from.exists(kb) && self.to.exists(kb)
    }

    fn remap(&self, old: &Kb, kb: &Kb, index: &Index) -> Option<View> {
        Some(View::Path(PathView {
            from: self.from.find_in(old, kb, index)?,
            to: self.to.find_in(old, kb, index)?,
            ..self.clone()
        }))
    }

    fn page_key(&self, _data: &Data) -> u64 {
        page_key(("path", self.from, self.to, self.via, self.steps.selected))
    }

    fn page(&self, data: &Data, width: u16) -> Page {
        let rows = chain(data.kb, data.index, self, data.day);
        let doc = crate::doc::path::step(
            data.kb,
            data.index,
            &rows,
            self.steps.selected,
            width,
            data.day,
        );
        Page::new(doc, vec![(Pane::List, rows)])
    }

    fn len(&self, pane: Pane, _data: &Data, page: &Page) -> usize {
        page.rows(pane).len()
    }

    fn open(&self, pane: Pane, _data: &Data, page: &Page) -> Open {
        page.rows(pane)
            .get(self.steps.selected)
            .filter(|_| pane == Pane::List)
            .map_or(Open::Nothing, |row| Open::Jump(row.target))
    }

    fn moved(&mut self, pane: Pane) {
        if pane == Pane::List {
            self.details = Cursor::default();
        }
    }

    fn subject(&self, data: &Data) -> Option<Entity> {
        chain(data.kb, data.index, self, data.day)
            .get(self.steps.selected)
            .map(|r| r.target)
    }

    fn hints(&self, pane: Pane) -> Vec<Action> {
        use Action::*;
        match pane {
            Pane::List => vec![Down, Up, Open, NextPane],
            _ => vec![Down, PageDown, PreviousPane],
        }
    }
}
