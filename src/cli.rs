//! The command line: clap definitions of the global options and the subcommands.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Explore AI alliances: the industry, government and education consortia called "AI Alliance",
/// their members, focus areas and the links between them.
///
/// With no command, opens the explorer on the built-in knowledge base (or on --kb PATH).
#[derive(Debug, Parser)]
#[command(name = "alliances", version, about, long_about)]
pub struct Cli {
    /// Knowledge base to open: a .ron file or a folder of .ron files [default: the built-in one]
    #[arg(long, global = true, value_name = "PATH")]
    pub kb: Option<PathBuf>,

    /// When to use colour (NO_COLOR in the environment means never, unless "always")
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Leave mouse capture off, so the terminal's own text selection works
    #[arg(long)]
    pub no_mouse: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the knowledge base: a one-line summary, or every problem with file, line and column
    Check,
    /// Print the whole validated knowledge base
    Export {
        /// Output format
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// JSON with the same field names as the RON files
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
