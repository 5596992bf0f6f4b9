//! The plain subcommands for scripts. Each takes the loaded knowledge base and writes to the
//! given output; the binary maps their result to an exit code.

use crate::kb::{Kb, Problem};
use std::io::{self, Write};

/// What a subcommand reports back for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    /// Not found or invalid data (exit code 1).
    Failure,
}

/// `check` on a valid knowledge base: the one-line summary.
pub fn check_ok(kb: &Kb, origin: &str, out: &mut dyn Write) -> io::Result<Outcome> {
    writeln!(out, "ok: {} ({origin})", kb.summary())?;
    Ok(Outcome::Success)
}

/// Every problem, then a count: the failure report of `check` and of any command whose
/// knowledge base does not load.
pub fn report_problems(problems: &[Problem], origin: &str, out: &mut dyn Write) -> io::Result<()> {
    for p in problems {
        writeln!(out, "{p}")?;
    }
    let n = problems.len();
    writeln!(
        out,
        "error: {n} problem{} in {origin}",
        if n == 1 { "" } else { "s" }
    )
}

/// `export --format json`: the whole knowledge base.
pub fn export_json(kb: &Kb, out: &mut dyn Write) -> io::Result<Outcome> {
    serde_json::to_writer_pretty(&mut *out, kb).map_err(io::Error::other)?;
    writeln!(out)?;
    Ok(Outcome::Success)
}
