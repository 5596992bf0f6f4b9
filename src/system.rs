//! Carrying out what the explorer asks of the system (see [`crate::app::effects`]): the
//! clipboard (OSC 52, which works over SSH and inside tmux), the browser (`$BROWSER`, then the
//! platform's opener through the `open` crate), files, and the editor (`$VISUAL`, `$EDITOR`,
//! then `vi`). Each says back, in words for the status line, how it went.

use crate::app::effects::{Done, Effect};
use crate::kb::definition::{self, Written};
use base64::Engine;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// How the clipboard is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Clipboard {
    /// The terminal's OSC 52 sequence.
    #[default]
    Osc52,
    /// Not at all (for terminals that refuse or show the sequence).
    Off,
}

/// The most a copy sends: terminals drop longer sequences (tmux and xterm take about 1 MB).
const MAX_COPY_BYTES: usize = 512 * 1024;

/// The OSC 52 sequence that puts `text` on the clipboard: its control characters (an escape
/// in the data would end the sequence) dropped, its line breaks kept.
pub fn osc52(text: &str) -> Option<String> {
    let clean: String = text
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if crate::text::is_unsafe(c) => None,
            c => Some(c),
        })
        .collect();
    if clean.len() > MAX_COPY_BYTES {
        return None;
    }
    let payload = base64::engine::general_purpose::STANDARD.encode(clean.as_bytes());
    Some(format!("\x1b]52;c;{payload}\x07"))
}

/// Puts `text` on the clipboard.
pub fn copy(text: &str, what: &str, clipboard: Clipboard, out: &mut dyn Write) -> Done {
    if clipboard == Clipboard::Off {
        return Done::Said(
            "Copying is off (--clipboard off): w writes lists to a file, --no-mouse lets the terminal select".into(),
        );
    }
    let Some(sequence) = osc52(text) else {
        return Done::Said(format!(
            "Not copied: {what} is {} long, more than a terminal takes; w writes it to a file",
            crate::text::bytes(text.len() as u64)
        ));
    };
    match out
        .write_all(sequence.as_bytes())
        .and_then(|()| out.flush())
    {
        Ok(()) => {
            let first = text.lines().next().unwrap_or("");
            let shown = crate::text::display(first, 48);
            let more = if text.lines().nth(1).is_some() {
                " …"
            } else {
                ""
            };
            Done::Said(format!("Copied {what}: {shown}{more}"))
        }
        Err(e) => Done::Said(format!("Not copied: {e}")),
    }
}

/// The browser the user named, if any: `$BROWSER`, its first command (`firefox:chromium`
/// lists several), split into words, `%s` standing for the address when it is there.
fn browser_command(browser: &str, url: &str) -> Option<Command> {
    let first = browser.split(':').find(|s| !s.trim().is_empty())?;
    let mut words = first.split_whitespace();
    let mut command = Command::new(words.next()?);
    let mut placed = false;
    for w in words {
        if w.contains("%s") {
            command.arg(w.replace("%s", url));
            placed = true;
        } else {
            command.arg(w);
        }
    }
    if !placed {
        command.arg(url);
    }
    Some(command)
}

/// Runs `command` apart from the explorer: no terminal, output discarded, not waited for
/// (a thread reaps it).
fn detach(mut command: Command) -> io::Result<()> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// Opens an http or https address.
pub fn open(url: &str) -> Done {
    if let Some(browser) = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty())
    {
        return match browser_command(&browser, url).map(detach) {
            Some(Ok(())) => Done::Said(format!("Opened {} with $BROWSER", shown(url))),
            Some(Err(e)) => Done::Said(format!(
                "Could not run $BROWSER ({}): {e}; y copies the address",
                crate::text::sanitize(&browser)
            )),
            None => Done::Said("$BROWSER names no command; y copies the address".into()),
        };
    }
    let graphical = cfg!(any(target_os = "macos", target_os = "windows"))
        || std::env::var_os("DISPLAY").is_some()
        || std::env::var_os("WAYLAND_DISPLAY").is_some();
    if !graphical {
        return Done::Said(
            "No browser to open it with here (no display, BROWSER not set): y copies the address"
                .into(),
        );
    }
    match open::that_detached(url) {
        Ok(()) => Done::Said(format!("Opened {}", shown(url))),
        Err(e) => Done::Said(format!("Could not open it: {e}; y copies the address")),
    }
}

fn shown(url: &str) -> String {
    crate::text::display(url, 60).into_owned()
}

/// Writes a file, unless one is there and replacing it was not agreed.
pub fn write(path: &Path, contents: &str, what: &str, replace: bool) -> Done {
    if !replace && std::fs::symlink_metadata(path).is_ok() {
        return Done::Exists(path.to_path_buf());
    }
    match std::fs::write(path, contents) {
        Ok(()) => {
            let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            Done::Said(format!(
                "Wrote {what} to {}",
                crate::text::sanitize(&full.display().to_string())
            ))
        }
        Err(e) => Done::Said(format!(
            "Could not write {}: {e}",
            crate::text::sanitize(&path.display().to_string())
        )),
    }
}

/// The editor to run: `$VISUAL`, then `$EDITOR`, then `vi`, split into words.
fn editor() -> Vec<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|e| e.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .find(|words| !words.is_empty())
        .unwrap_or_else(|| vec!["vi".to_string()])
}

/// Where an editor should open for `written`, in the knowledge base at `kb`; or why it cannot.
pub fn place(kb: Option<&Path>, written: &Written) -> Result<(PathBuf, usize), Done> {
    let Some(kb) = kb else {
        return Err(Done::Said(
            "The built-in knowledge base is not a file to edit: `alliances init DIR` writes it as files, then `alliances --kb DIR`".into(),
        ));
    };
    match definition::find(kb, written) {
        Ok(Some(place)) => Ok((place.file, place.pos.line)),
        Ok(None) => Err(Done::Said(
            "Not found in the files: it may come from a file that has changed since".into(),
        )),
        Err(e) => Err(Done::Said(format!("Cannot read the files: {e}"))),
    }
}

/// Runs the editor on `file` at `line` and waits for it (the caller gives it the terminal).
pub fn edit(file: &Path, line: usize) -> Done {
    let words = editor();
    let mut command = Command::new(&words[0]);
    command.args(&words[1..]).arg(format!("+{line}")).arg(file);
    let shown = crate::text::sanitize(&file.display().to_string()).into_owned();
    match command.status() {
        Ok(status) if status.success() => Done::Said(format!(
            "Back from {} ({shown}:{line}); changes show once the files reload",
            words[0]
        )),
        Ok(status) => Done::Said(format!("{} ended with {status}", words[0])),
        Err(e) => Done::Said(format!(
            "Could not run {} ({e}): set $VISUAL or $EDITOR",
            crate::text::sanitize(&words[0])
        )),
    }
}

/// Carries out an effect that needs no terminal of its own (all but `Edit`).
pub fn carry_out(effect: &Effect, clipboard: Clipboard, out: &mut dyn Write) -> Option<Done> {
    Some(match effect {
        Effect::Copy { text, what } => copy(text, what, clipboard, out),
        Effect::Open(url) => open(url),
        Effect::Write {
            path,
            contents,
            what,
            replace,
        } => write(path, contents, what, *replace),
        Effect::Edit(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clipboard_gets_the_text_without_its_control_characters() {
        let seq = osc52("IBM\x1b]0;owned\x07\tCorp\nline two").unwrap();
        let payload = seq
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .unwrap();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(payload)
            .unwrap();
        assert_eq!(
            String::from_utf8(decoded).unwrap(),
            "IBM]0;owned Corp\nline two"
        );
        assert!(osc52(&"x".repeat(MAX_COPY_BYTES + 1)).is_none());
    }

    #[test]
    fn browser_takes_the_address_in_place_of_percent_s_or_at_the_end() {
        let args = |b: &str| {
            let c = browser_command(b, "https://a.b").unwrap();
            std::iter::once(c.get_program().to_string_lossy().into_owned())
                .chain(c.get_args().map(|a| a.to_string_lossy().into_owned()))
                .collect::<Vec<_>>()
        };
        assert_eq!(args("firefox"), ["firefox", "https://a.b"]);
        assert_eq!(args("w3m -o x=%s"), ["w3m", "-o", "x=https://a.b"]);
        assert_eq!(args(":lynx:firefox"), ["lynx", "https://a.b"]);
        assert!(browser_command(" : ", "u").is_none());
    }

    #[test]
    fn a_file_that_is_there_is_not_replaced_unless_agreed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        assert!(
            matches!(write(&path, "a", "x", false), Done::Said(s) if s.starts_with("Wrote x to"))
        );
        assert_eq!(write(&path, "b", "x", false), Done::Exists(path.clone()));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a");
        write(&path, "b", "x", true);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "b");
    }

    #[test]
    fn the_built_in_knowledge_base_points_to_init() {
        let Err(Done::Said(s)) = place(None, &Written::Source("s1".into())) else {
            panic!()
        };
        assert!(s.contains("alliances init"), "{s}");
    }
}
