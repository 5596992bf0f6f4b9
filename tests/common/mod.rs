//! What the screen tests share: the explorer on the built-in knowledge base at a fixed day
//! and size, keys pressed as actions, and the screen drawn into a TestBackend; and, in
//! [`tmux`], the real binary in a real terminal.

#![allow(dead_code)]

pub mod cli;
pub mod tmux;

use alliances::action::Action;
use alliances::app::App;
use alliances::kb;
use alliances::keymap::Keymap;
use alliances::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// The day the screens are shown as of: fixed, so that no snapshot depends on the clock.
pub fn day() -> kb::Day {
    kb::Day::parse("2026-12-02").unwrap()
}

pub fn app(cols: u16, rows: u16) -> App {
    let kb = kb::load_embedded().unwrap();
    let mut a = App::new(
        kb,
        Keymap::default(),
        "built-in knowledge base",
        Rect::new(0, 0, cols, rows),
    );
    a.set_day(day());
    a
}

pub fn screen(app: &App, theme: &Theme) -> Terminal<TestBackend> {
    let size = app.size();
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app, theme)).unwrap();
    terminal
}

pub fn shot(app: &App) -> String {
    screen(app, &Theme::colored()).backend().to_string()
}

/// Each action, and what it leads to, as the event loop runs them.
pub fn press(app: &mut App, actions: &[Action]) {
    for &a in actions {
        let mut next = Some(a);
        while let Some(action) = next {
            next = app.update(action);
        }
    }
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, &[Action::Type(c)]);
    }
}

/// The lines of the screen as text.
pub fn lines(app: &App) -> Vec<String> {
    let terminal = screen(app, &Theme::colored());
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

/// A copy of the built-in knowledge base's files, for tests that edit them.
pub fn kb_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/kb");
    for entry in std::fs::read_dir(assets).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

/// The screen drawn in `theme` with its styles: each line, then under the lines a map of the
/// same cells where a letter stands for each style (`.` for the terminal's own), and the legend
/// of the letters. Reviewing it shows which text takes which colour.
pub fn styled_shot(app: &App, theme: &Theme) -> String {
    use std::fmt::Write;
    let terminal = screen(app, theme);
    let buf = terminal.backend().buffer();
    let mut styles: Vec<ratatui::style::Style> = Vec::new();
    let mut text = String::new();
    let mut map = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            text.push_str(cell.symbol());
            let style = cell.style();
            let plain = style
                == ratatui::style::Style::default()
                    .fg(ratatui::style::Color::Reset)
                    .bg(ratatui::style::Color::Reset)
                || (style.fg.is_none_or(|c| c == ratatui::style::Color::Reset)
                    && style.bg.is_none_or(|c| c == ratatui::style::Color::Reset)
                    && style.add_modifier.is_empty());
            let mark = if plain {
                '.'
            } else {
                let at = styles.iter().position(|s| *s == style).unwrap_or_else(|| {
                    styles.push(style);
                    styles.len() - 1
                });
                char::from(b'a' + (at % 26) as u8)
            };
            map.push(mark);
        }
        text.push('\n');
        map.push('\n');
    }
    let mut out = text;
    out.push('\n');
    out.push_str(&map);
    for (i, s) in styles.iter().enumerate() {
        let _ = writeln!(
            out,
            "{} = fg {:?}, bg {:?}, {:?}",
            char::from(b'a' + (i % 26) as u8),
            s.fg.unwrap_or(ratatui::style::Color::Reset),
            s.bg.unwrap_or(ratatui::style::Color::Reset),
            s.add_modifier
        );
    }
    out
}
