//! The real binary in a real terminal: tmux runs it, `send-keys` types, `capture-pane` reads
//! the screen. `.ci/run` installs tmux.

use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A tmux server of its own (a private socket), running one command in one pane.
pub struct Tmux {
    socket: String,
    /// The binary's XDG_CONFIG_HOME, empty unless a test writes to it.
    pub config: tempfile::TempDir,
}

impl Tmux {
    /// A server of its own (a socket of its own per session: a server being killed never
    /// meets a new one) with nothing running yet.
    pub fn bare(name: &str) -> Tmux {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Tmux {
            socket: format!("alliances-{name}-{}-{n}", std::process::id()),
            config: tempfile::tempdir().unwrap(),
        }
    }

    /// Starts `args` of the binary in a `cols`×`rows` pane; the shell prints the exit status
    /// when the binary ends and keeps the pane open.
    pub fn start(name: &str, cols: u16, rows: u16, args: &str) -> Tmux {
        Tmux::start_with_env(name, cols, rows, "", args)
    }

    /// Like `start`, with `env` (`NAME=value …`) set for the binary.
    pub fn start_with_env(name: &str, cols: u16, rows: u16, env: &str, args: &str) -> Tmux {
        Tmux::start_in(name, cols, rows, std::path::Path::new("."), env, args)
    }

    /// Like `start_with_env`, in the folder `dir` (where the explorer writes files), with
    /// tmux taking the explorer's clipboard sequences into its buffer (`set-clipboard on`).
    pub fn start_in(
        name: &str,
        cols: u16,
        rows: u16,
        dir: &std::path::Path,
        env: &str,
        args: &str,
    ) -> Tmux {
        Tmux::start_configured(name, cols, rows, dir, env, args, |_| {})
    }

    /// Like `start_in`, with the binary's configuration folder (`alliances` under its
    /// XDG_CONFIG_HOME) made and handed to `configure` before it starts.
    pub fn start_configured(
        name: &str,
        cols: u16,
        rows: u16,
        dir: &std::path::Path,
        env: &str,
        args: &str,
        configure: impl FnOnce(&std::path::Path),
    ) -> Tmux {
        let t = Tmux::bare(name);
        let folder = t.config.path().join("alliances");
        std::fs::create_dir_all(&folder).unwrap();
        configure(&folder);
        let bin = env!("CARGO_BIN_EXE_alliances");
        let command = format!(
            "cd '{}' && env XDG_CONFIG_HOME='{}' XDG_CACHE_HOME='{}' TERM=xterm-256color {env} '{bin}' {args}; echo EXIT=$?; sleep 60",
            dir.display(),
            t.config.path().display(),
            env!("CARGO_TARGET_TMPDIR")
        );
        t.session(cols, rows, &command);
        t.tmux(&["set-option", "-g", "set-clipboard", "on"]);
        t
    }

    /// The newest tmux paste buffer (what the explorer last copied), or nothing.
    pub fn buffer(&self) -> String {
        let out = self.tmux(&["show-buffer"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the paste buffer holds something, and returns it.
    pub fn wait_buffer(&self) -> String {
        let start = Instant::now();
        loop {
            let b = self.buffer();
            if !b.is_empty() {
                return b;
            }
            if start.elapsed() > Duration::from_secs(40) {
                panic!("nothing was copied; the screen was:\n{}", self.capture());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Runs `command` in the server's one pane, `cols`×`rows`.
    pub fn session(&self, cols: u16, rows: u16, command: &str) {
        let out = self.tmux(&[
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            &cols.to_string(),
            "-y",
            &rows.to_string(),
            command,
        ]);
        assert!(
            out.status.success(),
            "tmux failed to start: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux is installed (.ci/run installs it)")
    }

    /// Types keys (tmux key names: `j`, `Tab`, `Enter`, `BSpace`, `Escape`). After `Escape`
    /// it waits for the screen to settle: a key read in the same burst as an Escape is taken
    /// for Alt and that key, as terminals send Alt.
    pub fn send(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", "main", key]);
            if *key == "Escape" {
                self.settled();
            }
        }
    }

    pub fn capture(&self) -> String {
        let out = self.tmux(&["capture-pane", "-p", "-t", "main"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The screen with its attributes as SGR escape sequences.
    pub fn capture_styled(&self) -> String {
        let out = self.tmux(&["capture-pane", "-p", "-e", "-t", "main"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn display(&self, format: &str) -> String {
        let out = self.tmux(&["display-message", "-p", "-t", "main", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// The screen once `check` holds and the screen has stopped changing (a frame is drawn
    /// in several writes), or a failure showing the last screen.
    pub fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if check(&screen) {
                let settled = self.settled();
                if check(&settled) {
                    return settled;
                }
                continue;
            }
            // Generous: a passing test never waits this long, and the tests share two cores
            // (one of them reads knowledge bases of a hundred megabytes).
            if start.elapsed() > Duration::from_secs(40) {
                panic!("timed out waiting for {what}; the screen was:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    /// Catches a passing screen: the first (captured as often as possible) for which `seen`
    /// holds, before `over` does; a failure naming `what` otherwise.
    pub fn catch(
        &self,
        what: &str,
        seen: impl Fn(&str) -> bool,
        over: impl Fn(&str) -> bool,
    ) -> String {
        let start = Instant::now();
        let mut last = String::new();
        while start.elapsed() < Duration::from_secs(40) {
            let screen = self.capture();
            if seen(&screen) {
                return screen;
            }
            if over(&screen) {
                break;
            }
            last = screen;
            std::thread::sleep(Duration::from_millis(5));
        }
        panic!("{what} was not shown; the screen was:\n{last}");
    }

    /// Waits until the screen stops changing, and returns it.
    pub fn settled(&self) -> String {
        let mut last = self.capture();
        loop {
            std::thread::sleep(Duration::from_millis(150));
            let now = self.capture();
            if now == last {
                return now;
            }
            last = now;
        }
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        self.tmux(&[
            "resize-window",
            "-t",
            "main",
            "-x",
            &cols.to_string(),
            "-y",
            &rows.to_string(),
        ]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// The screen without its last line, the hint bar (which lists `]` once there is somewhere to
/// go forward to).
pub fn body(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    lines[..lines.len().saturating_sub(1)].join("\n")
}

/// The header line's path: ` alliances  AI Alliance › NVIDIA` (without the day the screens
/// are as of, on its right).
pub fn header(screen: &str) -> &str {
    let line = screen.lines().next().unwrap_or("");
    let path = line.rfind(" as of ").map_or(line, |at| &line[..at]);
    path.trim()
}
