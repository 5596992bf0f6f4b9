//! Drawing: one widget per pane and popup, each given only what it draws. Nothing here changes
//! the state; `draw` reads the `App` and fills a frame.

pub mod alliance_list;
pub mod chrome;
pub mod doc_view;
pub mod draw;
pub mod finder;
pub mod focus_pane;
pub mod help;
pub mod link_list;
pub mod loading;
pub mod map;
pub mod matrix;
pub mod menu;
pub mod problems;
pub mod rows;
pub mod table;
pub mod theme;
pub mod timeline;

use crate::action::Action;
use crate::app::layout::{self, PaneArea};
use crate::app::screen::Picture;
use crate::app::{App, Pane, View};
use crate::text;
use alliance_list::AllianceList;
use chrome::{Header, HintBar, InputLine, StatusLine, Tabs};
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
    let Some(areas) = layout::areas(area, app.screen()) else {
        TooSmall {
            quit: &app.key_hint(Action::Quit, "quits"),
            theme,
        }
        .render(area, buf);
        return;
    };
    let crumbs = app.breadcrumb();
    let [path, views] = areas.header.layout(&ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length(1),
        ratatui::layout::Constraint::Length(1),
    ]));
    Header {
        crumbs: &crumbs,
        day: &app.day_caption(),
        theme,
    }
    .render(path, buf);
    Tabs {
        tabs: &app.tabs(),
        caption: app.list_caption().as_deref(),
        theme,
    }
    .render(views, buf);
    match app.load_state() {
        // While the knowledge base loads there is nothing to show but the progress.
        Some(state) => {
            let keys = format!(
                "{} · {}",
                app.key_hint(Action::Quit, "quits"),
                app.key_hint(Action::Help, "help")
            );
            loading::LoadingPanel {
                origin: app.origin(),
                loading: state,
                keys: &keys,
                theme,
            }
            .render(areas.body, buf);
        }
        None => {
            for pane in &areas.panes {
                render_pane(app, pane, theme, buf);
            }
            let keys = |a: Action| {
                let keys = app.keymap().keys(crate::keymap::Mode::Browse, a);
                keys.first().map(ToString::to_string).unwrap_or_default()
            };
            let tab = (keys(Action::PreviousPane), keys(Action::NextPane));
            hidden_panes(&areas, app.screen().zoomed(), &tab, theme, buf);
        }
    }
    if let Some(panel) = app.problems_area() {
        let next = app
            .keymap()
            .label(crate::keymap::Mode::Browse, Action::NextProblem);
        problems::ProblemsPanel {
            problems: app.problems(),
            first: app.problem_at(),
            next_key: &next,
            theme,
        }
        .render(panel, buf);
    }
    // Why a typed value cannot be taken may run on over the hint bar.
    let error = app
        .input()
        .and_then(|i| i.error.as_deref().or(app.filter_error()));
    match app.input() {
        Some(input) => InputLine {
            input,
            error,
            theme,
        }
        .render(areas.status.union(areas.hints), buf),
        None => StatusLine {
            message: &app.status(),
            theme,
        }
        .render(areas.status, buf),
    }
    if error.is_none() {
        HintBar {
            hints: &app.hints(),
            theme,
        }
        .render(areas.hints, buf);
    }
    if let Some(help) = app.help() {
        HelpOverlay {
            rows: &app.keymap().help_rows(),
            offset: help.offset,
            theme,
        }
        .render(area, buf);
    }
    if let Some(menu) = app.menu() {
        menu::MenuPopup { menu, theme }.render(area, buf);
    }
    if let Some((finder, haystack)) = app.finder() {
        finder::FinderPopup {
            finder,
            haystack,
            kb: app.kb(),
            day: app.day(),
            theme,
        }
        .render(area, buf);
    }
}

/// Says that panes are out of sight, on the bottom border: `◂ S-Tab: 1 more` at the left,
/// `Tab: 2 more ▸` at the right (the keys that reach them, `tab`); and `zoomed` on a zoomed
/// pane's.
fn hidden_panes(
    areas: &layout::Areas,
    zoomed: bool,
    tab: &(String, String),
    theme: &Theme,
    buf: &mut Buffer,
) {
    let (Some(first), Some(last)) = (areas.panes.first(), areas.panes.last()) else {
        return;
    };
    let bottom = |f: Rect| f.bottom().saturating_sub(1);
    let (before, after) = areas.hidden;
    if before > 0 {
        let mark = format!(" ◂ {}: {before} more ", tab.0);
        let x = first.frame.x + 1;
        draw::put(
            buf,
            x,
            bottom(first.frame),
            first.frame.width.saturating_sub(2),
            &mark,
            theme.key,
        );
    }
    if after > 0 {
        let mark = format!(" {}: {after} more ▸ ", tab.1);
        let w = text::width(&mark) as u16;
        let x = last
            .frame
            .right()
            .saturating_sub(w + 1)
            .max(last.frame.x + 1);
        draw::put(buf, x, bottom(last.frame), w, &mark, theme.key);
    }
    if zoomed {
        let mark = " zoomed · z ";
        let w = text::width(mark) as u16;
        let f = first.frame;
        let x = (f.x + f.width.saturating_sub(w) / 2).max(f.x + 1);
        draw::put(
            buf,
            x,
            bottom(f),
            w.min(f.width.saturating_sub(2)),
            mark,
            theme.key,
        );
    }
}

/// Draws one pane of the current view.
fn render_pane(app: &App, area: &PaneArea, theme: &Theme, buf: &mut Buffer) {
    let screen = app.screen();
    let pane = area.pane;
    let focused = screen.focus() == pane;
    let cursor = screen.cursor(pane).copied().unwrap_or_default();
    let (kb, page) = (app.kb(), app.page());
    if pane == Pane::Details {
        DocView {
            title: "Details",
            doc: app.doc(),
            kb,
            cursor,
            focused,
            theme,
        }
        .render(area.frame, buf);
        return;
    }
    let links = |title: &str, empty: &str, buf: &mut Buffer| {
        LinkList {
            title,
            empty,
            rows: page.rows(pane),
            cols: page.cols(pane),
            lines: screen.state().lines_per_item(pane),
            cursor,
            focused,
            theme,
        }
        .render(area.frame, buf)
    };
    match (&screen.view, &page.picture) {
        (View::Matrix(v), Picture::Matrix(m)) => {
            return matrix::MatrixPicture {
                view: v,
                page: m,
                kb,
                day: app.day(),
                focused,
                theme,
            }
            .render(area.frame, buf);
        }
        (View::Timeline(v), Picture::Timeline(t)) => {
            return timeline::TimelinePicture {
                view: v,
                page: t,
                kb,
                focused,
                theme,
            }
            .render(area.frame, buf);
        }
        (View::Map(_), Picture::Map(m)) => {
            return map::MapPicture {
                page: m,
                cursor,
                focused,
                theme,
            }
            .render(area.frame, buf);
        }
        _ => {}
    }
    match &screen.view {
        View::Matrix(_) | View::Timeline(_) | View::Map(_) => {}
        View::Alliances(v) if pane == Pane::List => AllianceList {
            kb,
            rows: app.rows(),
            title: &app.list_title().unwrap_or_default(),
            day: app.day(),
            cursor,
            marks: app.marks(),
            focused,
            theme,
        }
        .render(area.frame, buf),
        View::Alliances(_) => FocusPane {
            kb,
            index: app.index(),
            alliance: app.selected_alliance(),
            items: app.side_items(),
            cursor,
            focused,
            theme,
        }
        .render(area.frame, buf),
        View::Entity(v) => {
            let (title, empty) = crate::doc::entity::links_heading(v.entity.kind());
            links(title, empty, buf)
        }
        View::Table(t) => {
            let title = app.list_title().unwrap_or_default();
            let empty = if app.rows().is_empty() && !t.narrowing.filter.is_empty() {
                "Nothing matches the filter (f to change it, Esc in it to clear it)"
            } else {
                "None"
            };
            table::Table {
                title: &title,
                scope: app.data().scope(),
                listing: t.listing,
                rows: app.rows(),
                highlights: app.list_highlights(),
                empty,
                order: t.narrowing.order,
                cursor,
                focused,
                theme,
            }
            .render(area.frame, buf)
        }
        View::Path(p) => {
            let n = page.rows(pane).len().saturating_sub(1);
            let title = format!(
                "Path: {} → {} ({})",
                p.from.name_on(kb, app.day()),
                p.to.name_on(kb, app.day()),
                crate::text::count(n, "link", "links")
            );
            links(
                &title,
                "No chain of members, leads, groups or declared links joins them",
                buf,
            )
        }
        View::Compare(c) => {
            let n = page.rows(pane).len();
            let (title, empty) = match pane {
                Pane::Shared => (format!("In both ({n})"), "No organisation is in both"),
                Pane::OnlyFirst => (
                    format!("Only in {} ({n})", kb.alliances[c.a].name),
                    "Every member is in both",
                ),
                _ => (
                    format!("Only in {} ({n})", kb.alliances[c.b].name),
                    "Every member is in both",
                ),
            };
            links(&title, empty, buf)
        }
    }
}

/// Shown instead of the explorer when the terminal is smaller than the layout needs.
pub struct TooSmall<'a> {
    /// How to quit, as the key map binds it (`q quits`).
    pub quit: &'a str,
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
            self.quit.to_string(),
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
    use crate::kb::embedded as kb;

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
        let doc = crate::doc::alliance(&kb, &index, 0, 40, crate::kb::Day::ARTICLE);
        let rows = vec![LinkRow {
            target: crate::kb::Entity::Alliance(0),
            name: "AI Alliance".into(),
            label: "member".into(),
        }];
        let crumbs = vec!["AI Alliance".to_string(), "NVIDIA".to_string()];
        let hints = vec![("j/↓".to_string(), "down")];
        let help = vec![
            crate::keymap::HelpRow::Heading("Browsing"),
            crate::keymap::HelpRow::Blank,
        ];
        tiny(|| AllianceList {
            kb: &kb,
            rows: &[0, 1, 2],
            title: "Alliances (9)",
            day: crate::kb::Day::ARTICLE,
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
            cols: (11, 0),
            lines: 1,
            cursor,
            focused: false,
            theme: &theme,
        });
        tiny(|| Header {
            crumbs: &crumbs,
            day: "as of today (2026-12-02)",
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
        tiny(|| TooSmall {
            quit: "q quits",
            theme: &theme,
        });
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
