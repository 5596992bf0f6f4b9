//! The user's configuration files (`keymap.ron`, `theme.ron`): where they are, and reading
//! them as safely as a knowledge base's files (a regular file only, of a bounded size, its
//! byte order mark and old line endings read as an editor shows them).

use crate::kb::Problem;
use std::path::{Path, PathBuf};

/// `$XDG_CONFIG_HOME/alliances/NAME`, or `~/.config/alliances/NAME`.
pub fn file(name: &str) -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".config")))?;
    Some(base.join("alliances").join(name))
}

/// The text of the configuration file at `path`: `None` when there is none; a problem when
/// something is there that cannot be read as one (a folder, a FIFO, a device, an unreadable or
/// huge file, text that is not UTF-8). `what` names it in messages (`a key map`).
pub fn read(path: &Path, what: &str) -> Result<Option<String>, Problem> {
    let name = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Problem::whole(&name, format!("cannot read {what}: {e}"))),
    };
    if !meta.is_file() {
        return Err(Problem::whole(
            &name,
            format!(
                "not a regular file: expected {what} written in RON here; remove it, or put the file in its place"
            ),
        ));
    }
    let bytes = crate::kb::load::read_regular(path)
        .map_err(|e| Problem::whole(&name, format!("cannot read {what}: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Problem::whole(
            &name,
            format!("{what} must be UTF-8 text: re-save it as UTF-8"),
        )
    })?;
    Ok(Some(crate::kb::load::normalize(text)))
}

/// A RON mistake of a configuration file as a problem at its place, in the words the
/// knowledge base's messages use; `words` gives the file's own wording for an error first.
pub fn ron_problem(
    name: &str,
    text: &str,
    error: &ron::error::SpannedError,
    words: impl Fn(&ron::Error) -> Option<String>,
) -> Problem {
    let message =
        words(&error.code).unwrap_or_else(|| crate::kb::load::describe(&error.code, false));
    let (line, col) =
        crate::kb::load::settled_place(text, error.span.start.line, error.span.start.col);
    Problem::at(name, text, line, col, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_or_a_fifo_is_a_problem_a_missing_file_is_none() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(&dir.path().join("keymap.ron"), "a key map"), Ok(None));
        let folder = dir.path().join("folder.ron");
        std::fs::create_dir(&folder).unwrap();
        let p = read(&folder, "a key map").unwrap_err();
        assert!(p.message.starts_with("not a regular file"), "{}", p.message);
        assert_eq!(p.line, 0);
        let fifo = dir.path().join("fifo.ron");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        assert!(read(&fifo, "a key map").is_err());
        let file = dir.path().join("k.ron");
        std::fs::write(&file, "\u{FEFF}(browse: {})\r").unwrap();
        assert_eq!(
            read(&file, "a key map").unwrap().as_deref(),
            Some("(browse: {})\n")
        );
    }
}
