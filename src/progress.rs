//! A one-line report on standard error while a command loads a knowledge base that takes a
//! while (a big folder, read from its RON or from the cache): what is being done, how much of
//! it and the time so far, redrawn by a thread of its own so that the clock moves in steps that
//! report nothing. Nothing is written for a load that ends quickly, and the line is erased once
//! the load is over, so the command's own output starts on a clean line.
//!
//! Only for a terminal: the binary creates it when standard error is one.

use crate::kb::load::Progress;
use crate::text::{bytes, seconds};
use std::io::Write;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A load that ends before this shows nothing.
const SHOW_AFTER: Duration = Duration::from_millis(300);
/// The line is redrawn this often (and at once when the load starts a new step).
const EVERY: Duration = Duration::from_millis(100);
/// Erase the line: back to its start, clear it.
const ERASE: &str = "\r\x1b[2K";

/// What the load last reported, shared with the thread that draws it.
#[derive(Default)]
struct State {
    progress: Option<Progress>,
    /// The load is over: erase the line and stop.
    done: bool,
}

pub struct ProgressLine {
    state: Arc<(Mutex<State>, Condvar)>,
    drawer: Option<JoinHandle<()>>,
}

impl ProgressLine {
    /// Starts the clock; the line appears on `out` once the load has taken a moment.
    pub fn new(out: impl Write + Send + 'static) -> Self {
        let state = Arc::new((Mutex::new(State::default()), Condvar::new()));
        let shared = Arc::clone(&state);
        let drawer = std::thread::spawn(move || draw(out, &shared));
        ProgressLine {
            state,
            drawer: Some(drawer),
        }
    }

    /// The load has got as far as `progress`.
    pub fn report(&mut self, progress: Progress) {
        let (lock, wake) = &*self.state;
        let mut state = lock.lock().unwrap_or_else(PoisonError::into_inner);
        let new_step = state.progress.is_none_or(|p| p.phase != progress.phase);
        state.progress = Some(progress);
        if new_step {
            wake.notify_one();
        }
    }

    /// Erases the line, if one was drawn, and stops drawing.
    pub fn finish(&mut self) {
        let Some(drawer) = self.drawer.take() else {
            return;
        };
        let (lock, wake) = &*self.state;
        lock.lock().unwrap_or_else(PoisonError::into_inner).done = true;
        wake.notify_one();
        let _ = drawer.join();
    }
}

impl Drop for ProgressLine {
    fn drop(&mut self) {
        self.finish();
    }
}

/// The drawing thread: redraws the line until the load is over, then erases it.
fn draw(mut out: impl Write, state: &(Mutex<State>, Condvar)) {
    let started = Instant::now();
    let (lock, wake) = state;
    let mut shown = false;
    let mut guard = lock.lock().unwrap_or_else(PoisonError::into_inner);
    loop {
        if guard.done {
            break;
        }
        let elapsed = started.elapsed();
        if let (true, Some(p)) = (elapsed >= SHOW_AFTER, guard.progress) {
            // A terminal that went away is no reason to stop loading.
            let _ = write!(out, "{ERASE}{}", describe(&p, elapsed));
            let _ = out.flush();
            shown = true;
        }
        // Until the next redraw (or the first one), a new step or the end.
        let wait = if elapsed < SHOW_AFTER {
            SHOW_AFTER - elapsed
        } else {
            EVERY
        };
        guard = wake
            .wait_timeout(guard, wait)
            .unwrap_or_else(PoisonError::into_inner)
            .0;
    }
    if shown {
        let _ = write!(out, "{ERASE}");
        let _ = out.flush();
    }
}

/// "reading the files: 338 MB of 702 MB (48%) · 2 s", or "validating… · 4 s" for a step that
/// counts nothing.
fn describe(p: &Progress, elapsed: Duration) -> String {
    let phase = p.phase.label();
    let what = match p.fraction() {
        None if p.phase == crate::kb::load::Phase::Finding => format!(
            "{phase}: {} read, {} found",
            crate::text::count(p.files_total, "folder", "folders"),
            crate::text::count(p.files_done, ".ron file", ".ron files")
        ),
        Some(f) => format!(
            "{phase}: {} of {} ({:.0}%)",
            bytes(p.bytes_done),
            bytes(p.bytes_total),
            f * 100.0
        ),
        None => format!("{phase}…"),
    };
    format!("{what} · {}", seconds(elapsed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::load::Phase;

    fn at(phase: Phase, done: u64, total: u64) -> Progress {
        Progress {
            phase,
            bytes_done: done,
            bytes_total: total,
            files_done: 0,
            files_total: 0,
        }
    }

    /// A writer whose bytes the test can read while the line draws into it.
    #[derive(Clone, Default)]
    struct Screen(Arc<Mutex<Vec<u8>>>);

    impl Write for Screen {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Screen {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
        }
    }

    #[test]
    fn a_step_reads_as_what_how_much_and_how_long() {
        let s = Duration::from_millis;
        assert_eq!(
            describe(&at(Phase::Reading, 338_000_000, 702_000_000), s(1_200)),
            "reading the files: 338 MB of 702 MB (48%) · 2 s"
        );
        assert_eq!(
            describe(&at(Phase::Cached, 0, 90_000_000), s(300)),
            "reading the cache: 0 B of 90 MB (0%) · 1 s"
        );
        // Walking the folders counts them, and the files found.
        let walking = Progress {
            files_done: 12,
            files_total: 1_500,
            ..at(Phase::Finding, 0, 0)
        };
        assert_eq!(
            describe(&walking, s(2_500)),
            "finding the files: 1,500 folders read, 12 .ron files found · 3 s"
        );
        // Steps that count nothing say so, whatever bytes the last step left behind.
        assert_eq!(
            describe(&at(Phase::Validating, 702_000_000, 702_000_000), s(3_900)),
            "validating… · 4 s"
        );
    }

    #[test]
    fn a_quick_load_writes_nothing() {
        let screen = Screen::default();
        let mut line = ProgressLine::new(screen.clone());
        line.report(at(Phase::Reading, 10, 100));
        line.report(at(Phase::Validating, 0, 0));
        line.finish();
        assert_eq!(screen.text(), "");
    }

    #[test]
    fn a_slow_load_draws_one_line_then_erases_it() {
        let screen = Screen::default();
        let mut line = ProgressLine::new(screen.clone());
        line.report(at(Phase::Reading, 338_000_000, 702_000_000));
        // The line appears after a moment, with no further report.
        let start = Instant::now();
        while !screen.text().contains("reading the files") {
            assert!(start.elapsed() < Duration::from_secs(10), "never drawn");
            std::thread::sleep(Duration::from_millis(10));
        }
        line.report(at(Phase::Validating, 0, 0));
        while !screen.text().contains("validating…") {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "new step not drawn"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        line.finish();
        let text = screen.text();
        assert!(
            text.starts_with("\r\x1b[2Kreading the files: 338 MB of 702 MB (48%) · "),
            "{text:?}"
        );
        // Each draw replaces the line, and the last write erases it.
        assert!(text.ends_with("s\r\x1b[2K"), "{text:?}");
        assert!(!text.contains('\n'), "{text:?}");
        // Finishing again (as dropping does) writes nothing more.
        line.finish();
        drop(line);
        assert_eq!(screen.text(), text);
    }
}
