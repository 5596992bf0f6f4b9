//! The command line: clap definitions of the global options and the subcommands.

use crate::completion;
use clap::{Parser, Subcommand, ValueEnum};
use clap_complete::engine::ArgValueCandidates;
use std::ffi::OsStr;
use std::path::PathBuf;

/// Explore AI alliances: the industry, government and education consortia called "AI Alliance",
/// their members, focus areas and the links between them.
///
/// With no command, opens the explorer on the built-in knowledge base (or on --kb PATH).
/// Exit codes: 0 success, 1 not found or invalid data, 2 usage error.
#[derive(Debug, Parser)]
#[command(
    name = "alliances",
    version,
    about,
    long_about,
    after_long_help = crate::listing::filter::TERMS_HELP
)]
pub struct Cli {
    /// Knowledge base to open: a .ron file or a folder of .ron files [default: the built-in one]
    #[arg(long, global = true, value_name = "PATH")]
    pub kb: Option<PathBuf>,

    /// When to use colour (NO_COLOR in the environment means never, unless "always")
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Colours for a dark or a light background; `auto` asks the terminal (then reads
    /// COLORFGBG, then takes dark)
    #[arg(long, value_enum, default_value_t = ThemeChoice::Auto, value_name = "THEME")]
    pub theme: ThemeChoice,

    /// Leave mouse capture off, so the terminal's own text selection works
    #[arg(long)]
    pub no_mouse: bool,

    /// How `y` copies: with the terminal's OSC 52 sequence (works over SSH and in tmux with
    /// set-clipboard on), or not at all
    #[arg(long, value_enum, env = "ALLIANCES_CLIPBOARD", default_value_t = ClipboardArg::Osc52, value_name = "HOW")]
    pub clipboard: ClipboardArg,

    /// Do not reload the --kb files when they change
    #[arg(long)]
    pub no_watch: bool,

    /// Parse the --kb files even if the cache has them, and do not write to the cache
    /// (kept in $XDG_CACHE_HOME/alliances, for knowledge bases of a megabyte or more)
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Leave the explorer as soon as its first screen of the loaded knowledge base is drawn (for
    /// measuring start-up and opening)
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,

    /// Panic once the first screen is drawn (for testing that the terminal is restored)
    #[arg(long, hide = true)]
    pub panic_after_first_frame: bool,

    /// Start the explorer on this alliance, organisation, focus area or artifact (an id or a name)
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(completion::entities))]
    pub open: Option<String>,

    /// Show the knowledge base as it stood on this day: YYYY-MM-DD, or YYYY-MM or YYYY (the end
    /// of that period), `article` (2023-12-05) or `today` [default: today]
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_day)]
    pub as_of: Option<crate::kb::Day>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the knowledge base: a one-line summary, or every problem with file, line and column
    Check,
    /// Print the whole validated knowledge base as JSON, or write it as one CSV file per collection
    Export {
        /// Output format
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// The folder for the CSV files (made if missing; files of the same names are replaced)
        #[arg(long, value_name = "DIR", required_if_eq("format", "csv"))]
        out: Option<PathBuf>,
    },
    /// Write the built-in knowledge base as RON files into DIR, to edit and open with --kb DIR
    Init {
        /// A folder that is empty or does not exist yet
        dir: PathBuf,
    },
    /// List alliances: id, name, kind, founding date, member count
    List {
        /// Only alliances of this kind
        #[arg(long, value_enum)]
        kind: Option<AllianceKindArg>,
        /// Only alliances with a member or lead from this country (an ISO 3166-1 code such as DE, or its English name)
        #[arg(long, value_name = "CC", add = ArgValueCandidates::new(completion::countries))]
        country: Option<String>,
        /// Only alliances working on this focus area (its id, e.g. ai-policy)
        #[arg(long, value_name = "ID", add = ArgValueCandidates::new(completion::focus_areas))]
        focus: Option<String>,
        #[command(flatten)]
        output: Output,
    },
    /// Show an alliance, organisation, focus area or artifact by id or name, with names resolved
    Show {
        /// The id or name, e.g. ai-alliance, nvidia, "Scottish AI Alliance", pytorch
        #[arg(add = ArgValueCandidates::new(completion::entities))]
        id: String,
        /// Which collection to look in, when an id names more than one entity
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        #[command(flatten)]
        output: Output,
    },
    /// Search names with the explorer's ranking: fzf syntax ('exact ^prefix suffix$ !not)
    Search {
        /// The query; several words are one query
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// At most this many results (0: all)
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Only this kind of entity
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        #[command(flatten)]
        output: Output,
    },
    /// Alliances related to an alliance, with the reason for each link
    Related {
        /// The alliance's id or name
        #[arg(add = ArgValueCandidates::new(completion::alliances))]
        id: String,
        /// Follow links this many steps away
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=10))]
        depth: u8,
        #[command(flatten)]
        output: Output,
    },
    /// The shortest chain of links between two alliances or organisations
    Path {
        /// Where the chain starts (an alliance or organisation, by id or name)
        #[arg(add = ArgValueCandidates::new(completion::alliances_and_organizations))]
        from: String,
        /// Where it ends
        #[arg(add = ArgValueCandidates::new(completion::alliances_and_organizations))]
        to: String,
        /// Links to count besides members, leads, groups and declared relations
        #[arg(long, value_enum, value_name = "LINKS")]
        via: Vec<ViaArg>,
        #[command(flatten)]
        output: Output,
    },
    /// List organisations (the explorer's Organisations view): filter terms such as country:de kind:university in:ai-alliance role:lead status:unverified alliances:>1, and words that match names
    #[command(after_long_help = crate::listing::filter::TERMS_HELP)]
    Orgs {
        /// Filter terms and words, as the explorer's `f` takes them
        filter: Vec<String>,
        /// Order: name, kind, country or alliances
        #[arg(long, value_name = "KEY")]
        sort: Option<String>,
        /// Reverse the order
        #[arg(long)]
        reverse: bool,
        #[command(flatten)]
        output: Output,
    },
    /// List the article's claims, checked: filter terms such as verdict:wrong in:european-ai-alliance changed:yes, and words of the claims
    #[command(after_long_help = crate::listing::filter::TERMS_HELP)]
    Claims {
        /// Filter terms and words, as the explorer's `f` takes them
        filter: Vec<String>,
        /// Order: alliance or verdict
        #[arg(long, value_name = "KEY")]
        sort: Option<String>,
        /// Reverse the order
        #[arg(long)]
        reverse: bool,
        #[command(flatten)]
        output: Output,
    },
    /// The overlap matrix: organisations each two alliances share (the diagonal: each one's size), the largest first
    Matrix {
        /// Alliances × focus areas instead (1 where an alliance works on one)
        #[arg(long)]
        focus: bool,
        #[command(flatten)]
        output: Output,
    },
    /// What happened when, oldest first: foundings, members joining and leaving, outputs, renamings; filter terms in:ALLIANCE kind:joined|left|founded|output|event, and words
    Timeline {
        /// Filter terms and words
        filter: Vec<String>,
        #[command(flatten)]
        output: Output,
    },
    /// Organisations per country, of every alliance or of one (in:ALLIANCE), with each country's position
    Map {
        /// in:ALLIANCE
        filter: Vec<String>,
        #[command(flatten)]
        output: Output,
    },
    /// Print the shell's completion (ids included): `source <(alliances completions bash)`
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff)
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to use colour, for output that goes to a terminal or not, with the value of the
    /// NO_COLOR environment variable.
    pub fn enabled(self, terminal: bool, no_color: Option<&OsStr>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && no_color.is_none_or(|v| v.is_empty()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeChoice {
    /// As the terminal's background is
    Auto,
    /// Dark text on a light background
    Light,
    /// Light text on a dark background
    Dark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClipboardArg {
    /// The terminal's clipboard sequence
    Osc52,
    /// No copying
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// JSON with the same field names as the RON files
    Json,
    /// One CSV file per collection, into --out DIR
    Csv,
}

/// How a listing command writes its answer.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct Output {
    /// Output format [default: text]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,
    /// Print one JSON document (the same as --format json)
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Aligned columns
    Text,
    /// One JSON document
    Json,
    /// The table as CSV (a heading row; cells that look like formulas start with ')
    Csv,
    /// The table as a Markdown table
    Markdown,
}

impl Output {
    pub fn format(self) -> crate::commands::Format {
        use crate::commands::Format;
        use crate::export::Format as Sheet;
        match (self.json, self.format) {
            (true, _) | (false, Some(FormatArg::Json)) => Format::Json,
            (false, None | Some(FormatArg::Text)) => Format::Text,
            (false, Some(FormatArg::Csv)) => Format::Sheet(Sheet::Csv),
            (false, Some(FormatArg::Markdown)) => Format::Sheet(Sheet::Markdown),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Alliance,
    #[value(alias = "organization", alias = "organisation")]
    Org,
    #[value(alias = "focus-area")]
    Focus,
    Artifact,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AllianceKindArg {
    Industry,
    #[value(alias = "multi_stakeholder")]
    MultiStakeholder,
    Government,
    #[value(alias = "public_private")]
    PublicPrivate,
    Academic,
    Education,
}

impl From<AllianceKindArg> for crate::kb::AllianceKind {
    fn from(k: AllianceKindArg) -> Self {
        use crate::kb::AllianceKind as K;
        match k {
            AllianceKindArg::Industry => K::Industry,
            AllianceKindArg::MultiStakeholder => K::MultiStakeholder,
            AllianceKindArg::Government => K::Government,
            AllianceKindArg::PublicPrivate => K::PublicPrivate,
            AllianceKindArg::Academic => K::Academic,
            AllianceKindArg::Education => K::Education,
        }
    }
}

impl From<KindArg> for crate::kb::EntityKind {
    fn from(k: KindArg) -> Self {
        use crate::kb::EntityKind as K;
        match k {
            KindArg::Alliance => K::Alliance,
            KindArg::Org => K::Org,
            KindArg::Focus => K::Focus,
            KindArg::Artifact => K::Artifact,
        }
    }
}

/// Links a path may also go through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViaArg {
    /// Focus areas: two alliances working on one are linked through it
    Focus,
}

impl ViaArg {
    /// The links a path may use besides the usual ones.
    pub fn to_via(via: &[ViaArg]) -> crate::kb::path::Via {
        crate::kb::path::Via {
            focus: via.contains(&ViaArg::Focus),
        }
    }
}

/// A day as typed for `--as-of`.
fn parse_day(text: &str) -> Result<crate::kb::Day, String> {
    crate::kb::Day::parse(text).map_err(|why| format!("{why}, or `article` or `today`"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        let set = Some(OsStr::new("1"));
        assert!(ColorChoice::Auto.enabled(true, None));
        assert!(!ColorChoice::Auto.enabled(false, None));
        assert!(!ColorChoice::Auto.enabled(true, set));
        assert!(ColorChoice::Auto.enabled(true, Some(OsStr::new(""))));
        assert!(ColorChoice::Always.enabled(false, set));
        assert!(!ColorChoice::Never.enabled(true, None));
    }
}
