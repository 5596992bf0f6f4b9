use alliances::cli::{Cli, Command, ExportFormat};
use alliances::commands::{self, Outcome};
use alliances::kb::{self, Kb, LoadError};
use clap::Parser;
use std::io::{self, Write};
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
