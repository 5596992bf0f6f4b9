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
