//! The plain subcommands for scripts. Each takes the loaded knowledge base and writes to the
//! given outputs (results to `out`, complaints to `err`); the binary maps their outcome to an
//! exit code. Human output goes through [`Paint`], which escapes control characters and adds
//! colour only when asked to; `--json` output is one JSON document with stable field names;
//! `--format csv|markdown` writes the table a listing shows (see [`Format`]).

pub mod claims;
pub mod export;
pub mod init;
pub mod list;
pub mod orgs;
mod paint;
pub mod path;
pub mod pictures;
pub mod related;
pub mod rows;
pub mod search;
pub mod show;
mod table;

use crate::kb::{Index, Kb};
pub use paint::{LINE_COLS, NAME_COLS, Paint, Sgr, name_cell};
use std::io::{self, Write};

/// What a subcommand reports back for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    /// Not found or invalid data (exit code 1).
    Failure,
    /// A value that cannot be read, said on standard error (exit code 2).
    Usage,
}

/// How a listing command writes its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for people.
    Text,
    /// One JSON document.
    Json,
    /// A table as CSV or Markdown (see [`crate::export`]).
    Sheet(crate::export::Format),
}

/// Writes a table in `format`.
fn write_sheet(
    sheet: &crate::export::Sheet,
    format: crate::export::Format,
    out: &mut dyn Write,
) -> io::Result<Outcome> {
    out.write_all(sheet.render(format).as_bytes())?;
    Ok(Outcome::Success)
}

/// What every command needs: the knowledge base, its index, the day it is as of, how to
/// paint, how wide to write.
pub struct Context<'a> {
    pub kb: &'a Kb,
    pub index: &'a Index,
    pub day: crate::kb::Day,
    pub paint: Paint,
    /// Columns to wrap human output to.
    pub width: usize,
}

/// `check` on a valid knowledge base: the one-line summary.
pub fn check_ok(kb: &Kb, origin: &str, out: &mut dyn Write) -> io::Result<Outcome> {
    writeln!(
        out,
        "ok: {} ({})",
        kb.summary(),
        crate::text::sanitize(origin)
    )?;
    Ok(Outcome::Success)
}

/// `export --format json`: the whole knowledge base.
pub fn export_json(kb: &Kb, out: &mut dyn Write) -> io::Result<Outcome> {
    write_json(kb, out)
}

/// Writes one pretty JSON document and a newline.
fn write_json<T: serde::Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> io::Result<Outcome> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(|e| match e.io_error_kind() {
        // Keep the kind, so a closed pipe is still recognised as one.
        Some(kind) => io::Error::new(kind, e),
        None => io::Error::other(e),
    })?;
    writeln!(out)?;
    Ok(Outcome::Success)
}

/// A reference to an entity in JSON output: `{"id": …, "name": …}`.
#[derive(Debug, serde::Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

impl Context<'_> {
    /// The knowledge base as the lists read it.
    pub fn scope(&self) -> crate::listing::Scope<'_> {
        crate::listing::Scope {
            kb: self.kb,
            index: self.index,
            day: self.day,
        }
    }

    fn alliance_ref(&self, a: usize) -> Named {
        let a = &self.kb.alliances[a];
        Named {
            id: a.id.to_string(),
            name: a.name_on(self.day).to_string(),
        }
    }

    fn org_ref(&self, o: usize) -> Named {
        let o = &self.kb.organizations[o];
        Named {
            id: o.id.to_string(),
            name: o.name.to_string(),
        }
    }
}
