//! The terminal side of the explorer: entering and leaving the alternate screen, and the
//! event loop that turns terminal events into actions (key → action → update → render).
//!
//! The terminal is restored however the loop ends: normally, on error (a guard), and on panic
//! (a hook installed before the first frame).

use crate::action::Action;
use crate::app::App;
use crate::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEvent,
    MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use std::io::{self, Stdout};
use std::time::{Duration, Instant};

type Term = Terminal<CrosstermBackend<Stdout>>;

/// Runs the explorer until the user quits.
pub fn run(mut app: App, theme: &Theme, mouse: bool) -> io::Result<()> {
    install_panic_hook(mouse);
    let guard = TerminalGuard::enter(mouse)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    terminal.clear()?;
    let size = terminal.size()?;
    app.update(Action::Resize {
        cols: size.width,
        rows: size.height,
    });
    let result = event_loop(&mut terminal, &mut app, theme);
    drop(guard);
    result
}

/// Restores the terminal when dropped.
struct TerminalGuard {
    mouse: bool,
}

impl TerminalGuard {
    fn enter(mouse: bool) -> io::Result<Self> {
        enable_raw_mode()?;
        let guard = TerminalGuard { mouse };
        execute!(io::stdout(), EnterAlternateScreen)?;
        if mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore(self.mouse);
    }
}

/// Leaves the alternate screen, stops mouse reporting, shows the cursor and leaves raw mode.
/// Safe to call more than once.
pub fn restore(mouse: bool) {
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, ratatui::crossterm::cursor::Show);
    let _ = disable_raw_mode();
}

fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore(mouse);
        previous(info);
    }));
}

/// Two clicks on the same cell within this time make a double click.
const DOUBLE_CLICK: Duration = Duration::from_millis(400);

/// Remembers the last click to recognise double clicks.
#[derive(Default)]
struct Clicks {
    last: Option<(Instant, u16, u16)>,
}

impl Clicks {
    fn click(&mut self, col: u16, row: u16, now: Instant) -> Action {
        let double = self
            .last
            .is_some_and(|(t, c, r)| c == col && r == row && now.duration_since(t) <= DOUBLE_CLICK);
        if double {
            self.last = None;
            Action::DoubleClick { col, row }
        } else {
            self.last = Some((now, col, row));
            Action::Click { col, row }
        }
    }
}

fn event_loop(terminal: &mut Term, app: &mut App, theme: &Theme) -> io::Result<()> {
    let mut clicks = Clicks::default();
    loop {
        terminal.draw(|frame| ui::draw(frame, app, theme))?;
        // Handle every event already waiting before drawing again.
        let mut event = Some(event::read()?);
        while let Some(ev) = event.take() {
            let mut next = to_action(app, ev, &mut clicks);
            while let Some(action) = next {
                next = app.update(action);
            }
            if app.should_quit() {
                return Ok(());
            }
            if event::poll(Duration::ZERO)? {
                event = Some(event::read()?);
            }
        }
    }
}

fn to_action(app: &App, event: Event, clicks: &mut Clicks) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            app.keymap().action(app.mode(), key)
        }
        Event::Mouse(MouseEvent {
            kind, column, row, ..
        }) => match kind {
            MouseEventKind::Down(MouseButton::Left) => {
                Some(clicks.click(column, row, Instant::now()))
            }
            MouseEventKind::ScrollDown => Some(Action::ScrollDown { col: column, row }),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp { col: column, row }),
            _ => None,
        },
        Event::Resize(cols, rows) => Some(Action::Resize { cols, rows }),
        _ => None,
    }
}

/// The size the app starts with before the terminal reports its own.
pub fn initial_size() -> Rect {
    ratatui::crossterm::terminal::size()
        .map(|(w, h)| Rect::new(0, 0, w, h))
        .unwrap_or(Rect::new(0, 0, 80, 24))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_quick_clicks_on_one_cell_are_a_double_click() {
        let mut c = Clicks::default();
        let t = Instant::now();
        assert_eq!(c.click(3, 4, t), Action::Click { col: 3, row: 4 });
        assert_eq!(
            c.click(3, 4, t + Duration::from_millis(100)),
            Action::DoubleClick { col: 3, row: 4 }
        );
        // A third click starts over.
        assert_eq!(
            c.click(3, 4, t + Duration::from_millis(150)),
            Action::Click { col: 3, row: 4 }
        );
        assert_eq!(
            c.click(5, 4, t + Duration::from_millis(200)),
            Action::Click { col: 5, row: 4 }
        );
        assert_eq!(
            c.click(5, 4, t + Duration::from_secs(2)),
            Action::Click { col: 5, row: 4 }
        );
    }
}
