//! Drawing: one widget per pane and popup, each given only what it draws. Nothing here changes
//! the state; `draw` reads the `App` and fills a frame.

pub mod alliance_list;
pub mod chrome;
pub mod doc_view;
pub mod draw;
pub mod finder;
pub mod focus_pane;
pub mod help;
pub mod layout;
pub mod link_list;
pub mod loading;
pub mod problems;
pub mod theme;

use crate::app::{App, Entity, Pane, View};
use alliance_list::AllianceList;
use chrome::{Header, HintBar, StatusLine};
use doc_view::DocView;
use focus_pane::FocusPane;
use help::HelpOverlay;
use link_list::LinkList;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
pub use theme::Theme;

/// Draws the whole screen for the app's state.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    render(app, theme, area, frame.buffer_mut());
}

/// Renders the app into a buffer area (what `draw` does, without a terminal).
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(areas) = layout::areas(area, &app.screen().view) else {
        TooSmall { theme }.render(area, buf);
        return;
    };
    let crumbs = app.breadcrumb();
    Header {
        crumbs: &crumbs,
        theme,
    }
    .render(areas.header, buf);
    let screen = app.screen();
    // While the knowledge base loads there is nothing to show but the progress.
    let panes = if app.load_state().is_some() {
        &[][..]
    } else {
        &areas.panes[..]
    };
    for &(pane, rect) in panes {
        let focused = screen.focus == pane;
        match (screen.view, pane) {
            (View::Alliances, Pane::List) => AllianceList {
                kb: app.kb(),
                cursor: screen.list,
                marks: app.marks(),
                focused,
                theme,
            }
            .render(rect, buf),
            (View::Alliances, Pane::Details) | (View::Entity(_), Pane::Details) => DocView {
                title: "Details",
                doc: app.doc(),
                kb: app.kb(),
                cursor: screen.details,
                focused,
                theme,
            }
            .render(rect, buf),
            (View::Alliances, Pane::Side) => FocusPane {
                kb: app.kb(),
                index: app.index(),
                alliance: app.selected_alliance(),
                items: app.side_items(),
                cursor: screen.side,
                focused,
                theme,
            }
            .render(rect, buf),
            (view, pane) => {
                let kb = app.kb();
                let rows = app.rows(pane);
                let (title, empty) = match (view, pane) {
                    (View::Entity(Entity::Org(_)), _) => {
                        ("Alliances and links".to_string(), "Tied to no alliance")
                    }
                    (View::Entity(Entity::Focus(_)), _) => (
                        "Alliances working on it".to_string(),
                        "No alliance works on it",
                    ),
                    (View::Entity(Entity::Artifact(_)), _) => {
                        ("Where it comes from".to_string(), "No known origin")
                    }
                    (View::Compare(..), Pane::Shared) => (
                        format!("In both ({})", rows.len()),
                        "No organisation is in both",
                    ),
                    (View::Compare(a, _), Pane::OnlyFirst) => (
                        format!("Only in {} ({})", kb.alliances[a].name, rows.len()),
                        "Every member is in both",
                    ),
                    (View::Compare(_, b), _) => (
                        format!("Only in {} ({})", kb.alliances[b].name, rows.len()),
                        "Every member is in both",
                    ),
                    _ => (String::new(), "Nothing here"),
                };
                let cursor = match pane {
                    Pane::OnlyFirst => screen.details,
                    Pane::OnlySecond => screen.side,
                    _ => screen.list,
                };
                LinkList {
                    title: &title,
                    empty,
                    rows,
                    name_cols: app.rows_name_cols(pane),
                    cursor,
                    focused,
                    theme,
                }
                .render(rect, buf)
            }
        }
    }
    // Between the header and the status line.
    let body = Rect {
        y: areas.header.bottom(),
        height: areas.status.y.saturating_sub(areas.header.bottom()),
        ..area
    };
    if let Some(state) = app.load_state() {
        loading::LoadingPanel {
            origin: app.origin(),
            loading: state,
            theme,
        }
        .render(body, buf);
    }
    if !app.problems().is_empty() {
        problems::ProblemsPanel {
            problems: app.problems(),
            theme,
        }
        .render(body, buf);
    }
    StatusLine {
        message: &app.status(),
        theme,
    }
    .render(areas.status, buf);
    let mode = app.mode();
    let hints = hint_pairs(app, mode);
    HintBar {
        hints: &hints,
        theme,
    }
    .render(areas.hints, buf);
    if let Some(help) = app.help() {
        HelpOverlay {
            rows: &app.help_rows(),
            offset: help.offset,
            theme,
        }
        .render(area, buf);
    }
    if let Some((finder, haystack)) = app.finder() {
        finder::FinderPopup {
            finder,
            haystack,
            kb: app.kb(),
            index: app.index(),
            theme,
        }
        .render(area, buf);
    }
}

/// The hint bar's (keys, words): the first key of each action, with Down and Up shown as one
/// hint ("j/k move").
fn hint_pairs(app: &App, mode: crate::keymap::Mode) -> Vec<(String, &'static str)> {
    use crate::action::Action;
    let first = |a: Action| app.keymap().keys(mode, a).first().map(ToString::to_string);
    let actions = app.hint_actions();
    let mut pairs = Vec::new();
    for &a in &actions {
        if a == Action::Up && actions.contains(&Action::Down) {
            continue;
        }
        let keys = if a == Action::Down && actions.contains(&Action::Up) {
            match (first(Action::Down), first(Action::Up)) {
                (Some(d), Some(u)) => Some(format!("{d}/{u}")),
                (d, u) => d.or(u),
            }
        } else {
            first(a)
        };
        if let Some(keys) = keys {
            pairs.push((keys, a.hint()));
        }
    }
    pairs
}

/// Shown instead of the explorer when the terminal is smaller than the layout needs.
pub struct TooSmall<'a> {
    pub theme: &'a Theme,
}

impl Widget for TooSmall<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let lines = [
            "Terminal too small".to_string(),
            format!(
                "{}×{}, needs {}×{}",
                area.width,
                area.height,
                layout::MIN_COLS,
                layout::MIN_ROWS
            ),
            "q quits".to_string(),
        ];
        let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
        for (i, line) in lines.iter().enumerate() {
            let y = top + i as u16;
            if y >= area.bottom() {
                break;
            }
            let w = crate::text::width(line) as u16;
            let x = area.x + area.width.saturating_sub(w) / 2;
            draw::put(
                buf,
                x,
                y,
                area.width,
                line,
                if i == 0 {
                    self.theme.title
                } else {
                    self.theme.text
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Cursor;
    use crate::doc::LinkRow;
    use crate::kb::{Index, Kb};

    fn kb() -> (Kb, Index) {
        let kb = crate::kb::load_embedded().unwrap();
        let index = Index::new(&kb);
        (kb, index)
    }

    /// Renders a widget into a 1×1 buffer and into a zero-size one.
    fn tiny<W: Widget>(make: impl Fn() -> W) {
        for area in [Rect::new(0, 0, 1, 1), Rect::ZERO, Rect::new(0, 0, 2, 2)] {
            let mut buf = Buffer::empty(area);
            make().render(area, &mut buf);
        }
    }

    #[test]
    fn every_widget_renders_into_minimal_and_zero_size_areas() {
        let (kb, index) = kb();
        let theme = Theme::colored();
        let cursor = Cursor {
            selected: 3,
            offset: 1,
        };
        let doc = crate::doc::alliance(&kb, &index, 0, 40);
        let rows = vec![LinkRow {
            target: crate::app::Target::Alliance(0),
            name: "AI Alliance".into(),
            label: "member".into(),
        }];
        let crumbs = vec!["AI Alliance".to_string(), "NVIDIA".to_string()];
        let hints = vec![("j/↓".to_string(), "down")];
        let help = vec![
            crate::app::HelpRow::Heading("Browsing"),
            crate::app::HelpRow::Blank,
        ];
        tiny(|| AllianceList {
            kb: &kb,
            cursor,
            marks: &[0],
            focused: true,
            theme: &theme,
        });
        tiny(|| DocView {
            title: "Details",
            doc: &doc,
            kb: &kb,
            cursor,
            focused: true,
            theme: &theme,
        });
        tiny(|| FocusPane {
            kb: &kb,
            index: &index,
            alliance: Some(0),
            items: index.alliance_focus(0),
            cursor,
            focused: true,
            theme: &theme,
        });
        tiny(|| LinkList {
            title: "Links",
            empty: "No links",
            rows: &rows,
            name_cols: 11,
            cursor,
            focused: false,
            theme: &theme,
        });
        tiny(|| Header {
            crumbs: &crumbs,
            theme: &theme,
        });
        tiny(|| StatusLine {
            message: "9 alliances",
            theme: &theme,
        });
        tiny(|| HintBar {
            hints: &hints,
            theme: &theme,
        });
        tiny(|| HelpOverlay {
            rows: &help,
            offset: 0,
            theme: &theme,
        });
        tiny(|| TooSmall { theme: &theme });
    }

    #[test]
    fn the_whole_screen_renders_at_every_small_size() {
        let (kb, _) = kb();
        let theme = Theme::plain();
        let app = App::new(
            kb,
            crate::keymap::Keymap::default(),
            "t",
            Rect::new(0, 0, 80, 24),
        );
        for w in 0..60 {
            for h in [0, 1, 2, 5, 11, 12, 13] {
                let area = Rect::new(0, 0, w, h);
                let mut buf = Buffer::empty(area);
                render(&app, &theme, area, &mut buf);
            }
        }
    }
}
