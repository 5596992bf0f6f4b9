//! The cursor over a detail document: `selected` is one of its links (what Enter follows),
//! `offset` the first line shown in a pane `height` lines tall. Moving goes from link to link
//! and scrolls the text between them; a document without links just scrolls.
//!
//! Pure functions of (document, cursor, height), so that each rule is tested on a small
//! document built by hand.

use super::Cursor;
use super::cursor::visible_offset;
use crate::action::Action;
use crate::doc::{Doc, Item};
use crate::kb::Entity;

/// Carries out a move (`Down`, `Up`, `First`, `Last`, `PageDown`, `PageUp`).
pub fn move_in(doc: &Doc, c: &mut Cursor, height: usize, action: Action) {
    let height = height.max(1);
    let len = doc.len();
    let max_offset = len.saturating_sub(height);
    let links = doc.links().len();
    let last_visible = c.offset + height;
    let before = c.selected;
    match action {
        Action::Down => {
            let next = c.selected + 1;
            match doc.links().get(next) {
                Some(&line)
                    if links > 0 && (line < last_visible + height || c.offset >= max_offset) =>
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
        _ => return,
    }
    // A move to another link shows it; a move that scrolled the text leaves the selected link
    // where it is, so that the text after the last link can be read.
    settle(doc, c, height, c.selected != before);
}

/// After a move: shows the selected link if the move was to it (`follow_selection`), or picks
/// a visible link if the text scrolled away from the selected one.
pub fn settle(doc: &Doc, c: &mut Cursor, height: usize, follow_selection: bool) {
    let height = height.max(1);
    let Some(&line) = doc.links().get(c.selected) else {
        return;
    };
    if follow_selection {
        // Show the link and, as far as it fits, the lines that go with it.
        let end = doc.block_end(c.selected).min(line + height - 1);
        c.offset = visible_offset(c.offset, end, height, doc.len());
        c.offset = visible_offset(c.offset, line, height, doc.len());
        return;
    }
    if line >= c.offset && line < c.offset + height {
        return;
    }
    if let Some(first) = doc.first_link_from(c.offset)
        && doc.links()[first] < c.offset + height
    {
        c.selected = first;
    }
}

/// Scrolls to the next (or previous) section heading; false when there is none further down.
pub fn jump_section(doc: &Doc, c: &mut Cursor, height: usize, forward: bool) -> bool {
    let height = height.max(1);
    let top = c.offset;
    let target = if forward {
        doc.sections().iter().find(|&&l| l > top).copied()
    } else {
        doc.sections().iter().rev().find(|&&l| l < top).copied()
    };
    let Some(line) = target.or((!forward).then_some(0)) else {
        return false;
    };
    c.offset = line.min(doc.len().saturating_sub(height));
    if let Some(first) = doc.first_link_from(line)
        && doc.links()[first] < c.offset + height
    {
        c.selected = first;
    }
    settle(doc, c, height, false);
    true
}

/// Scrolls by `delta` lines (the mouse wheel), keeping a visible link selected.
pub fn scroll(doc: &Doc, c: &mut Cursor, height: usize, delta: isize) {
    let max = doc.len().saturating_sub(height.max(1));
    c.offset = c.offset.saturating_add_signed(delta).min(max);
    settle(doc, c, height, false);
}

/// The selected link's target, if the link is on screen and opens an entity.
pub fn visible_link(doc: &Doc, c: &Cursor, height: usize) -> Option<Entity> {
    visible_item(doc, c, height).and_then(Item::entity)
}

/// What the selected line stands for, if it is on screen.
pub fn visible_item(doc: &Doc, c: &Cursor, height: usize) -> Option<Item> {
    let line = *doc.links().get(c.selected)?;
    (line >= c.offset && line < c.offset + height.max(1))
        .then(|| doc.item(c.selected))
        .flatten()
}

/// Selects the link on the `row`-th line shown; false if that line has none.
pub fn click(doc: &Doc, c: &mut Cursor, row: usize) -> bool {
    match doc.link_at(c.offset + row) {
        Some(link) => {
            c.selected = link;
            true
        }
        None => false,
    }
}

/// Moves to the first link to `target` the way a user does, from the top and down link by
/// link, so the cursor ends where theirs would; false (and the cursor unchanged) if the
/// document has no such link.
pub fn select_link_to(doc: &Doc, c: &mut Cursor, height: usize, target: Entity) -> bool {
    if !(0..doc.links().len()).any(|i| doc.target(i) == Some(target)) {
        return false;
    }
    let mut at = Cursor::default();
    // Each move selects the next link or scrolls a line: this many moves reach any link.
    for _ in 0..=doc.len() + doc.links().len() {
        if doc.target(at.selected) == Some(target) {
            *c = at;
            return true;
        }
        move_in(doc, &mut at, height, Action::Down);
    }
    false
}

/// Keeps the cursor on a link of the document and within its lines.
pub fn clamp(doc: &Doc, c: &mut Cursor, height: usize) {
    c.selected = c.selected.min(doc.links().len().saturating_sub(1));
    c.offset = c.offset.min(doc.len().saturating_sub(height.max(1)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{DocLine, LineKind, Tone};

    /// A document of `n` lines with a heading at each line of `headings` and a link (to
    /// organisation `line`) at each line of `links`.
    fn doc(n: usize, links: &[usize], headings: &[usize]) -> Doc {
        let lines: Vec<DocLine> = (0..n)
            .map(|i| DocLine {
                kind: if headings.contains(&i) {
                    LineKind::Heading(format!("Heading {i}"))
                } else {
                    LineKind::Text {
                        indent: 2,
                        prefix: None,
                        text: format!("line {i}"),
                        tone: Tone::Normal,
                    }
                },
                item: links.contains(&i).then_some(Entity::Org(i).into()),
            })
            .collect();
        Doc::from_lines(lines)
    }

    #[test]
    fn down_goes_from_link_to_link_and_scrolls_the_text_between() {
        let d = doc(40, &[2, 3, 35], &[1]);
        let mut c = Cursor::default();
        move_in(&d, &mut c, 10, Action::Down);
        // The link and, as far as they fit, the lines that go with it come into view.
        assert_eq!(
            c,
            Cursor {
                selected: 1,
                offset: 3
            }
        );
        // The next link is far below: the text scrolls a line at a time until it is near.
        move_in(&d, &mut c, 10, Action::Down);
        assert_eq!(
            c,
            Cursor {
                selected: 1,
                offset: 4
            }
        );
        for _ in 0..40 {
            if c.selected == 2 {
                break;
            }
            move_in(&d, &mut c, 10, Action::Down);
        }
        assert_eq!(
            c,
            Cursor {
                selected: 2,
                offset: 30
            }
        );
        move_in(&d, &mut c, 10, Action::First);
        assert_eq!(c, Cursor::default());
        move_in(&d, &mut c, 10, Action::Last);
        assert_eq!(
            c,
            Cursor {
                selected: 2,
                offset: 30
            }
        );
    }

    #[test]
    fn down_scrolls_past_the_last_link_to_the_end_of_the_text() {
        let d = doc(60, &[1, 2], &[]);
        let mut c = Cursor {
            selected: 1,
            offset: 0,
        };
        for _ in 0..60 {
            move_in(&d, &mut c, 10, Action::Down);
        }
        assert_eq!(
            c,
            Cursor {
                selected: 1,
                offset: 50
            }
        );
        // The link is off screen: Enter has nothing to follow until it is back.
        assert_eq!(visible_link(&d, &c, 10), None);
        for _ in 0..60 {
            move_in(&d, &mut c, 10, Action::Up);
        }
        assert_eq!(c, Cursor::default());
    }

    #[test]
    fn up_returns_to_the_previous_link_once_it_is_near() {
        let d = doc(30, &[0, 5], &[]);
        let mut c = Cursor {
            selected: 1,
            offset: 0,
        };
        move_in(&d, &mut c, 10, Action::Up);
        assert_eq!(
            c,
            Cursor {
                selected: 0,
                offset: 0
            }
        );
    }

    #[test]
    fn a_document_without_links_just_scrolls() {
        let d = doc(25, &[], &[]);
        let mut c = Cursor::default();
        move_in(&d, &mut c, 10, Action::Down);
        move_in(&d, &mut c, 10, Action::PageDown);
        assert_eq!(
            c,
            Cursor {
                selected: 0,
                offset: 11
            }
        );
        move_in(&d, &mut c, 10, Action::PageDown);
        assert_eq!(c.offset, 15);
        assert_eq!(visible_link(&d, &c, 10), None);
    }

    #[test]
    fn scrolling_away_selects_a_visible_link_and_enter_needs_it_on_screen() {
        let d = doc(50, &[1, 30, 31], &[]);
        let mut c = Cursor::default();
        assert_eq!(visible_link(&d, &c, 10), Some(Entity::Org(1)));
        scroll(&d, &mut c, 10, 25);
        assert_eq!(c.selected, 1, "link 30 is on screen");
        assert_eq!(visible_link(&d, &c, 10), Some(Entity::Org(30)));
        let mut off = Cursor {
            selected: 0,
            offset: 12,
        };
        assert_eq!(visible_link(&d, &off, 10), None);
        clamp(&d, &mut off, 10);
        assert_eq!(off.offset, 12);
    }

    #[test]
    fn sections_jump_to_headings_and_select_their_first_link() {
        let d = doc(60, &[3, 25, 45], &[2, 24, 44]);
        let mut c = Cursor::default();
        assert!(jump_section(&d, &mut c, 10, true));
        assert_eq!(
            c,
            Cursor {
                selected: 0,
                offset: 2
            }
        );
        assert!(jump_section(&d, &mut c, 10, true));
        assert_eq!(
            c,
            Cursor {
                selected: 1,
                offset: 24
            }
        );
        assert!(jump_section(&d, &mut c, 10, true));
        assert_eq!(
            c,
            Cursor {
                selected: 2,
                offset: 44
            }
        );
        assert!(!jump_section(&d, &mut c, 10, true), "no section below");
        assert!(jump_section(&d, &mut c, 10, false));
        assert_eq!(c.offset, 24);
    }

    #[test]
    fn a_link_is_selected_by_target_or_by_click() {
        let d = doc(80, &[4, 70], &[]);
        let mut c = Cursor::default();
        assert!(select_link_to(&d, &mut c, 10, Entity::Org(70)));
        assert_eq!(c.selected, 1);
        assert!(c.offset <= 70 && 70 < c.offset + 10);
        assert!(!select_link_to(&d, &mut c, 10, Entity::Focus(0)));
        let mut c = Cursor::default();
        assert!(click(&d, &mut c, 4));
        assert_eq!(c.selected, 0);
        assert!(!click(&d, &mut c, 5));
    }
}
