//! Two alliances compared: the organisations in both, only in the first, only in the second.

use super::{Data, Open, Page, Pane, Shape, View, ViewState, page_key};
use crate::action::Action;
use crate::app::Cursor;
use crate::doc::Doc;
use crate::kb::{Entity, Index, Ix, Kb};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compare {
    /// The first alliance.
    pub a: Ix,
    /// The second alliance.
    pub b: Ix,
    /// The organisations in both.
    pub both: Cursor,
    pub only_first: Cursor,
    pub only_second: Cursor,
}

impl Compare {
    pub fn of(a: Ix, b: Ix) -> Self {
        Compare {
            a,
            b,
            both: Cursor::default(),
            only_first: Cursor::default(),
            only_second: Cursor::default(),
        }
    }
}

impl ViewState for Compare {
    fn panes(&self) -> &'static [Pane] {
        &[Pane::Shared, Pane::OnlyFirst, Pane::OnlySecond]
    }

    fn shape(&self) -> Shape {
        Shape::Compare
    }

    /// An organisation in both takes two lines: its name, then its ties to each alliance.
    fn lines_per_item(&self, pane: Pane) -> usize {
        if pane == Pane::Shared { 2 } else { 1 }
    }

    fn cursor(&self, pane: Pane) -> Option<&Cursor> {
        match pane {
            Pane::Shared => Some(&self.both),
            Pane::OnlyFirst => Some(&self.only_first),
            Pane::OnlySecond => Some(&self.only_second),
            _ => None,
        }
    }

    fn cursor_mut(&mut self, pane: Pane) -> Option<&mut Cursor> {
        match pane {
            Pane::Shared => Some(&mut self.both),
            Pane::OnlyFirst => Some(&mut self.only_first),
            Pane::OnlySecond => Some(&mut self.only_second),
            _ => None,
        }
    }

    fn title(&self, data: &Data) -> String {
        let name = |a: Ix| data.kb.alliances.get(a).map_or("", |x| x.name_on(data.day));
        format!("{} ⇄ {}", name(self.a), name(self.b))
    }

    fn valid(&self, kb: &Kb) -> bool {
        self.a < kb.alliances.len() && self.b < kb.alliances.len()
    }

    fn remap(&self, old: &Kb, kb: &Kb, index: &Index) -> Option<View> {
        let a = Entity::Alliance(self.a).find_in(old, kb, index)?;
        let b = Entity::Alliance(self.b).find_in(old, kb, index)?;
        Some(View::Compare(Compare {
            a: a.ix(),
            b: b.ix(),
            ..self.clone()
        }))
    }

    fn page_key(&self, _data: &Data) -> u64 {
        page_key(("compare", self.a, self.b))
    }

    fn page(&self, data: &Data, _width: u16) -> Page {
        let [both, first, second] =
            crate::doc::compare(data.kb, data.index, self.a, self.b, data.day);
        Page::new(
            Doc::default(),
            vec![
                (Pane::Shared, both),
                (Pane::OnlyFirst, first),
                (Pane::OnlySecond, second),
            ],
        )
    }

    fn len(&self, pane: Pane, _data: &Data, page: &Page) -> usize {
        page.rows(pane).len()
    }

    fn open(&self, pane: Pane, _data: &Data, page: &Page) -> Open {
        let selected = self.cursor(pane).map_or(0, |c| c.selected);
        page.rows(pane)
            .get(selected)
            .map_or(Open::Nothing, |row| Open::Jump(row.target))
    }

    fn subject(&self, _data: &Data) -> Option<Entity> {
        Some(Entity::Alliance(self.a))
    }

    fn hints(&self, _pane: Pane) -> Vec<Action> {
        use Action::*;
        vec![Down, Up, Open, NextPane]
    }
}
