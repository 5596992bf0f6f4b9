//! `alliances init DIR`: the built-in knowledge base as editable RON files, to open with
//! `alliances --kb DIR`.

use super::Outcome;
use crate::text::sanitize;
use std::io::{self, Write};
use std::path::Path;

/// Writes the built-in files into `dir`, made if missing; refuses a folder that holds anything
/// (nothing is overwritten) or a path that is not a folder.
pub fn run(dir: &Path, err: &mut dyn Write) -> io::Result<Outcome> {
    let shown = sanitize(&dir.display().to_string()).into_owned();
    match std::fs::symlink_metadata(dir) {
        Ok(meta) if !meta.is_dir() => {
            writeln!(err, "error: {shown} exists and is not a folder")?;
            return Ok(Outcome::Usage);
        }
        Ok(_) => {
            let mut entries = std::fs::read_dir(dir)?;
            if entries.next().is_some() {
                writeln!(
                    err,
                    "error: {shown} is not empty: give a new or empty folder (nothing was written)"
                )?;
                return Ok(Outcome::Usage);
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => std::fs::create_dir_all(dir)?,
        Err(e) => {
            writeln!(err, "error: cannot read {shown}: {e}")?;
            return Ok(Outcome::Failure);
        }
    }
    for (name, text) in crate::kb::embedded::FILES {
        std::fs::write(dir.join(name), text)?;
    }
    writeln!(
        err,
        "wrote {} files to {shown}: open them with `alliances --kb {shown}`; the explorer reloads what you change, and `e` opens your editor on what is selected",
        crate::kb::embedded::FILES.len()
    )?;
    Ok(Outcome::Success)
}
