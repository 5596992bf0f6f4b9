//! The terminal side of the explorer: entering and leaving the alternate screen, and the
//! event loop that turns terminal events, signals and background work into actions
//! (key → action → update → render).
//!
//! The terminal is restored however the loop ends: normally, on error (a guard), on panic (a
//! hook installed before the first frame), and on SIGTERM, SIGHUP, SIGINT or SIGQUIT (the loop
//! leaves cleanly). Ctrl-z, or a SIGTSTP from elsewhere (`kill -TSTP`), restores the terminal,
//! stops the process, and takes the terminal back and redraws everything on `fg`.

use crate::action::Action;
use crate::app::App;
use crate::app::effects::Effect;
use crate::kb::LoadError;
use crate::kb::cache::Cache;
use crate::kb::load::{Phase, Progress};
use crate::loaded::Loaded;
use crate::system;
use crate::ui::{self, Theme};
use crate::watch::{self, Reloaded};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use std::io::{self, Stdout};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

type Term = Terminal<CrosstermBackend<Stdout>>;

/// How the explorer runs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Capture the mouse.
    pub mouse: bool,
    /// Load this knowledge base in the background (the app shows the progress meanwhile).
    pub load: Option<PathBuf>,
    /// Watch this knowledge base and reload it when it changes.
    pub watch: Option<PathBuf>,
    /// Where parsed knowledge bases are kept, for loads and reloads.
    pub cache: Option<Cache>,
    /// Leave once the first screen is drawn, the knowledge base loaded (to measure start-up and
    /// opening).
    pub first_frame_only: bool,
    /// Panic once the first screen is drawn (to test that the terminal is restored).
    pub panic_after_first_frame: bool,
    /// The user's knowledge-base files, for `e` (none for the built-in one).
    pub kb: Option<PathBuf>,
    /// How `y` reaches the clipboard.
    pub clipboard: crate::system::Clipboard,
}

/// What arrives besides terminal events.
pub enum Message {
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT: leave, with this signal's number.
    Signal(i32),
    /// SIGTSTP: stop as Ctrl-z does, the terminal restored first.
    Stop,
    /// The process was stopped and continued: redraw everything.
    Continued,
    /// The background load has got further (how far, and the time since it started).
    Loading(Progress, Duration),
    /// The background load is done.
    Loaded(Result<Box<Loaded>, LoadError>),
    /// The watched knowledge base changed.
    Reloaded(Reloaded),
}

/// Runs the explorer until the user quits, a signal arrives or the background load fails
/// (then [`App::take_failure`] says why); returns the exit status.
pub fn run(app: &mut App, theme: &Theme, options: &Options) -> io::Result<u8> {
    install_panic_hook(options.mouse);
    let (tx, rx) = mpsc::channel();
    let done = Arc::new(AtomicBool::new(false));
    let editing = Arc::new(AtomicBool::new(false));
    listen_for_signals(tx.clone(), done.clone(), editing.clone(), options.mouse)?;
    match &options.load {
        Some(path) => spawn_loader(path.clone(), options, tx.clone()),
        None => {
            if let Some(path) = &options.watch {
                let tx = tx.clone();
                watch::spawn(path.clone(), options.cache.clone(), move |r| {
                    tx.send(Message::Reloaded(r)).is_ok()
                });
            }
        }
    }
    let guard = TerminalGuard::enter(options.mouse)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    clear(&mut terminal)?;
    let size = terminal.size()?;
    app.update(Action::Resize {
        cols: size.width,
        rows: size.height,
    });
    if options.panic_after_first_frame {
        terminal.draw(|frame| ui::draw(frame, app, theme))?;
        panic!("a panic asked for by --panic-after-first-frame");
    }
    let result = if options.first_frame_only {
        match options.load.as_ref().and_then(|_| await_load(app, &rx)) {
            Some(status) => Ok(status),
            None => terminal
                .draw(|frame| ui::draw(frame, app, theme))
                .map(|_| 0),
        }
    } else {
        event_loop(&mut terminal, app, theme, &rx, options, &editing)
    };
    done.store(true, Ordering::SeqCst);
    drop(guard);
    result
}

/// Waits for the background load to end, so that the first frame drawn is the loaded knowledge
/// base's (or its failure's): opening is measured to that frame. A signal ends the wait, and
/// its exit status is returned.
fn await_load(app: &mut App, rx: &Receiver<Message>) -> Option<u8> {
    for message in rx {
        match message {
            Message::Loaded(Ok(loaded)) => {
                app.loaded(*loaded);
                return None;
            }
            Message::Loaded(Err(error)) => {
                app.load_failed(error);
                return None;
            }
            Message::Signal(signal) => return Some(128 + signal as u8),
            _ => {}
        }
    }
    None
}

/// How often the background load reports (besides each change of phase).
const REPORT_EVERY: Duration = Duration::from_millis(40);

/// Loads the knowledge base at `path` on another thread, reporting progress, then watches it
/// if asked (from how the files were before loading, so that no edit made meanwhile is missed).
fn spawn_loader(path: PathBuf, options: &Options, tx: Sender<Message>) {
    let cache = options.cache.clone();
    let watch = options.watch.is_some();
    std::thread::spawn(move || {
        let start = Instant::now();
        let before = watch.then(|| watch::fingerprint(&path));
        let mut reported: Option<(Phase, Instant)> = None;
        let mut report = |p: Progress| {
            let due =
                reported.is_none_or(|(phase, at)| phase != p.phase || at.elapsed() >= REPORT_EVERY);
            if due {
                reported = Some((p.phase, Instant::now()));
                let _ = tx.send(Message::Loading(p, start.elapsed()));
            }
        };
        let result = crate::kb::load::load_path_with(&path, cache.as_ref(), &mut report);
        let loaded = result.map(|kb| {
            let s = kb.summary();
            report(Progress {
                phase: Phase::Indexing,
                bytes_done: 0,
                bytes_total: 0,
                files_done: s.organizations,
                files_total: s.organizations,
            });
            Box::new(Loaded::new(kb))
        });
        let ok = loaded.is_ok();
        if tx.send(Message::Loaded(loaded)).is_err() || !ok {
            return;
        }
        if let Some(before) = before {
            watch::spawn_since(path, cache, before, move |r| {
                tx.send(Message::Reloaded(r)).is_ok()
            });
        }
    });
}

/// Clears the screen and forgets what was drawn, so the next frame draws everything. (Not
/// `Terminal::clear`, which first asks the terminal where its cursor is and waits for the
/// answer.)
fn clear(terminal: &mut Term) -> io::Result<()> {
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))
}

/// Restores the terminal when dropped.
struct TerminalGuard {
    mouse: bool,
}

impl TerminalGuard {
    fn enter(mouse: bool) -> io::Result<Self> {
        enter(mouse)?;
        Ok(TerminalGuard { mouse })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore(self.mouse);
    }
}

fn enter(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    // A paste arrives as one event (one search), not as keys that would run as commands.
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Leaves the alternate screen, stops mouse reporting, shows the cursor and leaves raw mode.
/// Safe to call more than once.
pub fn restore(mouse: bool) {
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore(mouse);
        previous(info);
    }));
}

/// How long the event loop has to leave after SIGTERM, SIGHUP, SIGINT or SIGQUIT before the signal
/// thread restores the terminal and exits itself (the loop can be stuck reading a terminal
/// that has gone away).
const LEAVE_WITHIN: Duration = Duration::from_millis(500);

/// Forwards SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP and SIGCONT to the event loop; makes
/// sure the first four end the process, with the terminal restored, even if the loop does not
/// answer. While an editor has the terminal (`editing`), a SIGTSTP (Ctrl-z in the editor, which
/// stops the editor) stops the explorer at once as well, as it would without a handler, so that
/// the shell gets the terminal back; `fg` continues both.
fn listen_for_signals(
    tx: Sender<Message>,
    done: Arc<AtomicBool>,
    editing: Arc<AtomicBool>,
    mouse: bool,
) -> io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if signal == SIGTSTP && editing.load(Ordering::SeqCst) {
                let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
                continue;
            }
            if signal == SIGCONT || signal == SIGTSTP {
                let message = if signal == SIGCONT {
                    Message::Continued
                } else {
                    Message::Stop
                };
                let _ = tx.send(message);
                continue;
            }
            let _ = tx.send(Message::Signal(signal));
            std::thread::sleep(LEAVE_WITHIN);
            if !done.load(Ordering::SeqCst) {
                restore(mouse);
                std::process::exit(128 + signal);
            }
            return;
        }
    });
    Ok(())
}

/// Restores the terminal, stops the process as Ctrl-z would outside raw mode, and takes the
/// terminal back when the shell continues it. (SIGSTOP, as SIGTSTP is caught to come here.)
fn suspend(terminal: &mut Term, mouse: bool) -> io::Result<()> {
    restore(mouse);
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    enter(mouse)?;
    clear(terminal)
}

/// Two clicks on the same cell within this time make a double click.
const DOUBLE_CLICK: Duration = Duration::from_millis(400);

/// How long to wait for a terminal event before looking at other messages.
const TICK: Duration = Duration::from_millis(50);
/// The same while background work the screen waits for is running (a search, the load).
const BUSY_TICK: Duration = Duration::from_millis(4);
/// How often the loading panel is redrawn when the load has nothing new to say (its clock
/// and its bar for steps that count nothing keep moving).
const LOADING_FRAME: Duration = Duration::from_millis(100);

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

/// Carries out what the explorer asked for; the editor gets the terminal while it runs.
fn carry_out_effects(
    terminal: &mut Term,
    app: &mut App,
    options: &Options,
    editing: &AtomicBool,
) -> io::Result<()> {
    for effect in app.take_effects() {
        let done = match &effect {
            Effect::Edit(written) => match system::place(options.kb.as_deref(), written) {
                Ok((file, line)) => {
                    restore(options.mouse);
                    editing.store(true, Ordering::SeqCst);
                    let done = system::edit(&file, line);
                    editing.store(false, Ordering::SeqCst);
                    enter(options.mouse)?;
                    clear(terminal)?;
                    done
                }
                Err(done) => done,
            },
            other => match system::carry_out(other, options.clipboard, &mut io::stdout()) {
                Some(done) => done,
                None => continue,
            },
        };
        app.effect_done(done);
    }
    Ok(())
}

fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    theme: &Theme,
    rx: &Receiver<Message>,
    options: &Options,
    editing: &AtomicBool,
) -> io::Result<u8> {
    let mouse = options.mouse;
    let mut clicks = Clicks::default();
    // The load starts with the loop; its own clock is within a few microseconds of this one.
    let started = Instant::now();
    loop {
        terminal.draw(|frame| ui::draw(frame, app, theme))?;
        let drawn = Instant::now();
        // Wait for something to happen, then handle everything already waiting before drawing
        // again.
        loop {
            let mut handled = false;
            while let Ok(message) = rx.try_recv() {
                handled = true;
                match message {
                    Message::Signal(signal) => return Ok(128 + signal as u8),
                    Message::Stop => suspend(terminal, mouse)?,
                    Message::Continued => {
                        enter(mouse)?;
                        clear(terminal)?;
                    }
                    Message::Loading(progress, elapsed) => app.load_progress(progress, elapsed),
                    Message::Loaded(Ok(loaded)) => app.loaded(*loaded),
                    Message::Loaded(Err(error)) => {
                        app.load_failed(error);
                        return Ok(1);
                    }
                    Message::Reloaded(Ok(loaded)) => app.reload(*loaded),
                    Message::Reloaded(Err(problems)) => app.set_problems(problems),
                }
            }
            handled |= app.poll();
            let wait = |handled: bool, app: &App| {
                if handled {
                    Duration::ZERO
                } else if app.busy() {
                    BUSY_TICK
                } else {
                    TICK
                }
            };
            while event::poll(wait(handled, app))? {
                handled = true;
                let event = event::read()?;
                if let Event::Paste(text) = &event {
                    app.paste(text);
                    continue;
                }
                let mut next = to_action(app, event, &mut clicks);
                while let Some(action) = next {
                    if action == Action::Suspend {
                        suspend(terminal, mouse)?;
                        break;
                    }
                    next = app.update(action);
                }
                carry_out_effects(terminal, app, options, editing)?;
                if app.should_quit() {
                    return Ok(0);
                }
            }
            if !handled && app.load_state().is_some() && drawn.elapsed() >= LOADING_FRAME {
                app.load_tick(started.elapsed());
                handled = true;
            }
            if handled {
                break;
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

/// How bright the terminal's background is: asked of the terminal (OSC 11, answered by most
/// terminals within a millisecond; one that cannot answer says so at once, or after a short
/// wait), else read from `COLORFGBG` (set by rxvt, Konsole and others), else unknown.
pub fn background() -> Option<crate::ui::theme::Brightness> {
    use crate::ui::theme::Brightness;
    use terminal_colorsaurus::{QueryOptions, ThemeMode};
    let mut options = QueryOptions::default();
    options.timeout = Duration::from_millis(300);
    match terminal_colorsaurus::theme_mode(options) {
        Ok(ThemeMode::Light) => Some(Brightness::Light),
        Ok(ThemeMode::Dark) => Some(Brightness::Dark),
        Err(_) => colorfgbg(&std::env::var("COLORFGBG").ok()?),
    }
}

/// The background `COLORFGBG` (`15;0`, `default;default;0`) gives: its last field is the
/// background's colour number, 7 and 9–15 being light.
fn colorfgbg(value: &str) -> Option<crate::ui::theme::Brightness> {
    use crate::ui::theme::Brightness;
    let bg: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
    Some(if matches!(bg, 7 | 9..=15) {
        Brightness::Light
    } else {
        Brightness::Dark
    })
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
    fn colorfgbg_says_whether_the_background_is_light() {
        use crate::ui::theme::Brightness::{Dark, Light};
        assert_eq!(colorfgbg("0;15"), Some(Light));
        assert_eq!(colorfgbg("15;0"), Some(Dark));
        assert_eq!(colorfgbg("default;default;7"), Some(Light));
        assert_eq!(colorfgbg("12;8"), Some(Dark));
        assert_eq!(colorfgbg("nonsense"), None);
    }

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
