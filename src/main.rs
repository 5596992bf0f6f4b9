use alliances::app::App;
use alliances::cli::{Cli, Command, ExportFormat};
use alliances::commands::{self, Outcome};
use alliances::kb::{self, Kb, LoadError};
use alliances::keymap::Keymap;
use alliances::ui::{Theme, theme};
use clap::Parser;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The knowledge base is loaded and validated before anything else happens.
    let origin = match &cli.kb {
        Some(path) => path.display().to_string(),
        None => "built-in knowledge base".to_string(),
    };
    let loaded = match &cli.kb {
        Some(path) => kb::load_path(path),
        None => kb::load_embedded().map_err(LoadError::Invalid),
    };
    let kb = match loaded {
        Ok(kb) => kb,
        Err(e) => return fail(&e, &origin),
    };
    if cli.command.is_none() {
        return explore(&cli, kb, origin);
    }
    let mut stdout = io::stdout().lock();
    let result = run(&cli, &kb, &origin, &mut stdout);
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failure) => ExitCode::from(1),
        // A closed pipe (`alliances export | head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: &Cli, kb: &Kb, origin: &str, out: &mut dyn Write) -> io::Result<Outcome> {
    match &cli.command {
        Some(Command::Check) | None => commands::check_ok(kb, origin, out),
        Some(Command::Export {
            format: ExportFormat::Json,
        }) => commands::export_json(kb, out),
    }
}

/// Opens the explorer: everything that can fail on user data (the knowledge base, the key map)
/// is checked before the terminal changes mode.
fn explore(cli: &Cli, kb: Kb, origin: String) -> ExitCode {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        eprintln!(
            "error: the explorer needs a terminal; for scripts, use a subcommand such as `alliances check` or `alliances export` (see --help)"
        );
        return ExitCode::from(2);
    }
    let keymap = match Keymap::load_user() {
        Ok(keymap) => keymap,
        Err(problem) => {
            eprintln!("{problem}");
            return ExitCode::from(1);
        }
    };
    let color = theme::use_color(cli.color, std::env::var_os("NO_COLOR").as_deref());
    let theme = Theme::new(color);
    let app = App::new(kb, keymap, origin, alliances::tui::initial_size());
    match alliances::tui::run(app, &theme, !cli.no_mouse) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn fail(error: &LoadError, origin: &str) -> ExitCode {
    let mut stderr = io::stderr().lock();
    match error {
        LoadError::Usage(message) => {
            let _ = writeln!(stderr, "error: {message}");
        }
        LoadError::Invalid(problems) => {
            let _ = commands::report_problems(problems, origin, &mut stderr);
        }
    }
    ExitCode::from(error.exit_code())
}
