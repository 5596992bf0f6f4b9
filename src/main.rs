use alliances::app::App;
use alliances::cli::{Cli, ClipboardArg, Command, ExportFormat, Shell, ThemeChoice, ViaArg};
use alliances::commands::{self, Context, Outcome, Paint};
use alliances::kb::cache::Cache;
use alliances::kb::{self, Index, Kb, LoadError};
use alliances::keymap::Keymap;
use alliances::loaded::Loaded;
use alliances::progress::ProgressLine;
use alliances::ui::Theme;
use alliances::ui::theme::Brightness;
use clap::{CommandFactory, Parser};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    // The shell asking for completions (`COMPLETE=bash alliances -- …`): answered, then exit.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    let cli = Cli::parse();
    // Commands that do not need the knowledge base.
    match &cli.command {
        Some(Command::Completions { shell }) => return completions(*shell),
        Some(Command::Man) => return man(),
        Some(Command::Init { dir }) => {
            return finish(commands::init::run(dir, &mut io::stderr().lock()));
        }
        _ => {}
    }
    // The terminal is asked how bright its background is while the knowledge base loads.
    let background = Background::start(&cli);
    // The knowledge base is loaded and validated before anything else happens.
    let origin = match &cli.kb {
        Some(path) => path.display().to_string(),
        None => "built-in knowledge base".to_string(),
    };
    if let (None, Some(path)) = (&cli.command, &cli.kb) {
        match is_big(path) {
            Ok(true) => return explore_while_loading(&cli, path, origin, background),
            Ok(false) => {}
            Err(e) => {
                // The terminal is back from the background question before anything is said.
                drop(background);
                return fail(&e, &origin);
            }
        }
    }
    let loaded = match &cli.kb {
        Some(path) => {
            // A load long enough to notice says how far it has got, on a terminal.
            let mut line = io::stderr()
                .is_terminal()
                .then(|| ProgressLine::new(io::stderr()));
            // `check` reads the cache with its references checked too.
            let checking = matches!(cli.command, Some(Command::Check));
            let cache = cache(&cli).map(|c| {
                if checking {
                    c.verifying_references()
                } else {
                    c
                }
            });
            let loaded = kb::load::load_path_with(path, cache.as_ref(), &mut |p| {
                if let Some(line) = &mut line {
                    line.report(p);
                }
            });
            drop(line);
            loaded
        }
        None => kb::load_embedded().map_err(LoadError::Invalid),
    };
    let kb = match loaded {
        Ok(kb) => kb,
        Err(e) => {
            drop(background);
            return fail(&e, &origin);
        }
    };
    let Some(command) = &cli.command else {
        return explore(&cli, kb, origin, background);
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    // `check` and `export` need no index: a big knowledge base answers sooner without one.
    let unindexed = match command {
        Command::Check => Some(commands::check_ok(&kb, &origin, &mut out)),
        Command::Export {
            format: ExportFormat::Json,
            ..
        } => Some(commands::export_json(&kb, &mut out)),
        Command::Export {
            format: ExportFormat::Csv,
            out: Some(dir),
        } => Some(commands::export::write_csv(
            &kb,
            dir,
            &mut io::stderr().lock(),
        )),
        _ => None,
    };
    if let Some(result) = unindexed {
        return finish(result.and_then(|o| out.flush().map(|()| o)));
    }
    let index = Index::new(&kb);
    let terminal = stdout.is_terminal();
    let no_color = std::env::var_os("NO_COLOR");
    let cx = Context {
        kb: &kb,
        index: &index,
        day: cli.as_of.unwrap_or_else(kb::Day::today),
        paint: Paint::new(cli.color.enabled(terminal, no_color.as_deref())),
        width: if terminal {
            ratatui::crossterm::terminal::size().map_or(100, |(w, _)| usize::from(w).clamp(40, 160))
        } else {
            100
        },
    };
    let mut err = io::stderr().lock();
    finish(run(&cx, command, &mut out, &mut err).and_then(|o| out.flush().map(|()| o)))
}

/// The exit code of a command's outcome; its error, if any, on standard error.
fn finish(result: io::Result<Outcome>) -> ExitCode {
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failure) => ExitCode::from(1),
        Ok(Outcome::Usage) => ExitCode::from(2),
        // A closed pipe (`alliances export | head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// The commands that work on the indexed knowledge base.
fn run(
    cx: &Context,
    command: &Command,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    match command {
        Command::List {
            kind,
            country,
            focus,
            output,
        } => {
            let filter = commands::list::Filter {
                kind: kind.map(Into::into),
                country: country.clone(),
                focus: focus.clone(),
            };
            commands::list::run(cx, &filter, output.format(), out, err)
        }
        Command::Show { id, kind, output } => {
            commands::show::run(cx, id, kind.map(Into::into), output.format(), out, err)
        }
        Command::Search {
            query,
            limit,
            kind,
            output,
        } => {
            let kinds: Vec<_> = kind.iter().map(|&k| k.into()).collect();
            commands::search::run(
                cx,
                &query.join(" "),
                *limit,
                &kinds,
                output.format(),
                out,
                err,
            )
        }
        Command::Related { id, depth, output } => {
            commands::related::run(cx, id, *depth, output.format(), out, err)
        }
        Command::Path {
            from,
            to,
            via,
            output,
        } => commands::path::run(cx, from, to, ViaArg::to_via(via), output.format(), out, err),
        Command::Orgs {
            filter,
            sort,
            reverse,
            output,
        } => {
            let order = commands::rows::OrderArg::new(sort, *reverse);
            commands::orgs::run(cx, &filter_words(filter), order, output.format(), out, err)
        }
        Command::Claims {
            filter,
            sort,
            reverse,
            output,
        } => {
            let order = commands::rows::OrderArg::new(sort, *reverse);
            commands::claims::run(cx, &filter_words(filter), order, output.format(), out, err)
        }
        Command::Matrix { focus, output } => {
            commands::pictures::matrix(cx, *focus, output.format(), out)
        }
        Command::Timeline { filter, output } => {
            commands::pictures::timeline(cx, &filter_words(filter), output.format(), out, err)
        }
        Command::Map { filter, output } => {
            commands::pictures::map(cx, &filter_words(filter), output.format(), out, err)
        }
        Command::Check | Command::Export { .. } => unreachable!("answered before indexing"),
        Command::Completions { .. } | Command::Man | Command::Init { .. } => {
            unreachable!("handled before loading")
        }
    }
}

/// The words of a filter given as arguments, one filter: a term whose value has spaces (the
/// shell took its quotes) is quoted again, `in:"AI Alliance"`.
fn filter_words(args: &[String]) -> String {
    args.iter()
        .map(|a| match a.split_once(':') {
            // `in:AI Alliance` as one argument; one already quoted stays as it is.
            Some((field, value))
                if value.contains(char::is_whitespace) && !value.starts_with('"') =>
            {
                format!("{field}:\"{value}\"")
            }
            _ => a.clone(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The shell's registration of the completions: a function that asks this binary for the
/// candidates as each word is typed (clap's dynamic completion), so that ids complete too.
fn completions(shell: Shell) -> ExitCode {
    use clap_complete::env::EnvCompleter;
    let shell: &dyn EnvCompleter = match shell {
        Shell::Bash => &clap_complete::env::Bash,
        Shell::Zsh => &clap_complete::env::Zsh,
        Shell::Fish => &clap_complete::env::Fish,
    };
    // The binary that answers: this one, wherever it is.
    let completer = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "alliances".into());
    // Written to memory first, so that a write error (a closed pipe, a full disk) is answered
    // here like every other command's.
    let mut script = Vec::new();
    if let Err(e) = shell.write_registration(
        "COMPLETE",
        "alliances",
        "alliances",
        &completer,
        &mut script,
    ) {
        return finish(Err(e));
    }
    let mut out = io::stdout().lock();
    finish(
        out.write_all(&script)
            .and_then(|()| out.flush())
            .map(|()| Outcome::Success),
    )
}

fn man() -> ExitCode {
    // The keys as they are bound now; a key map with mistakes leaves the built-in keys.
    let keymap = Keymap::load_user().unwrap_or_default();
    match alliances::manual::render(&keymap, &mut io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// Opens the explorer: everything that can fail on user data (the knowledge base, the key map,
/// the entity to open) is checked before the terminal changes mode.
fn explore(cli: &Cli, kb: Kb, origin: String, background: Background) -> ExitCode {
    let loaded = Loaded::new(kb);
    let start = match &cli.open {
        Some(id) => match kb::resolve(&loaded.kb, &loaded.index, id, &[]) {
            Ok(found) => Ok(Some(found[0])),
            Err(message) => {
                eprintln!("error: {message}");
                Err(ExitCode::from(1))
            }
        },
        None => Ok(None),
    };
    // No terminal is a usage error (2), whatever else is wrong.
    let (keymap, theme) = match terminal_setup(cli, background) {
        Ok(setup) => setup,
        Err(code) => return code,
    };
    let start = match start {
        Ok(start) => start,
        Err(code) => return code,
    };
    let mut app = App::with(
        loaded,
        keymap,
        origin.clone(),
        alliances::tui::initial_size(),
    );
    if let Some(day) = cli.as_of {
        app.set_day(day);
    }
    if let Some(target) = start {
        app.open_at(target);
    }
    run_explorer(cli, app, &theme, None, &origin)
}

/// Opens the explorer at once on a big knowledge base, which loads in the background with its
/// progress on screen. Problems in its files end the explorer, and are reported as `check`
/// would.
fn explore_while_loading(
    cli: &Cli,
    path: &std::path::Path,
    origin: String,
    background: Background,
) -> ExitCode {
    let (keymap, theme) = match terminal_setup(cli, background) {
        Ok(setup) => setup,
        Err(code) => return code,
    };
    let mut app = App::loading(
        keymap,
        origin.clone(),
        alliances::tui::initial_size(),
        cli.open.clone(),
    );
    if let Some(day) = cli.as_of {
        app.set_day(day);
    }
    run_explorer(cli, app, &theme, Some(path.to_path_buf()), &origin)
}

/// How bright the terminal's background is, being asked on a thread of its own. The thread has
/// the terminal in raw mode while it waits for the answer: it is always waited for, on every
/// way out, so that the terminal is never left so.
struct Background(Option<std::thread::JoinHandle<Option<Brightness>>>);

impl Drop for Background {
    fn drop(&mut self) {
        if let Some(asking) = self.0.take() {
            let _ = asking.join();
        }
    }
}

impl Background {
    /// Asks, if the explorer is to run with colour on a terminal and the theme is `auto`.
    fn start(cli: &Cli) -> Self {
        let terminal = io::stdout().is_terminal() && io::stdin().is_terminal();
        let no_color = std::env::var_os("NO_COLOR");
        let asking = cli.command.is_none()
            && cli.theme == ThemeChoice::Auto
            && cli.color.enabled(terminal, no_color.as_deref());
        Background(asking.then(|| std::thread::spawn(alliances::tui::background)))
    }

    /// The answer: what `--theme` says, else the terminal, else dark.
    fn brightness(mut self, choice: ThemeChoice) -> Brightness {
        let answer = self
            .0
            .take()
            .and_then(|asking| asking.join().ok().flatten());
        match choice {
            ThemeChoice::Light => Brightness::Light,
            ThemeChoice::Dark => Brightness::Dark,
            ThemeChoice::Auto => answer.unwrap_or(Brightness::Dark),
        }
    }
}

/// What the explorer needs besides the data: a terminal, the key map and the colours.
fn terminal_setup(cli: &Cli, background: Background) -> Result<(Keymap, Theme), ExitCode> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        eprintln!(
            "error: the explorer needs a terminal; for scripts, use a subcommand such as `alliances list` or `alliances search` (see --help)"
        );
        return Err(ExitCode::from(2));
    }
    let keymap = Keymap::load_user().map_err(|problems| {
        let _ = kb::problem::report(&problems, "the key map", &mut io::stderr().lock());
        ExitCode::from(1)
    })?;
    let no_color = std::env::var_os("NO_COLOR");
    let brightness = background.brightness(cli.theme);
    let mut theme = if cli.color.enabled(true, no_color.as_deref()) {
        Theme::for_background(brightness)
    } else {
        Theme::plain()
    };
    // The user's colours, from theme.ron beside the key map.
    if let Some(path) = alliances::config::file("theme.ron") {
        let name = path.display().to_string();
        let read = alliances::config::read(&path, "a theme").and_then(|text| match text {
            Some(text) if theme != Theme::plain() => {
                theme.clone().with_overrides(brightness, &text, &name)
            }
            _ => Ok(theme.clone()),
        });
        match read {
            Ok(t) => theme = t,
            Err(problem) => {
                let _ = kb::problem::report(&[problem], "the theme", &mut io::stderr().lock());
                return Err(ExitCode::from(1));
            }
        }
    }
    theme.hyperlinks = true;
    Ok((keymap, theme))
}

fn run_explorer(
    cli: &Cli,
    mut app: App,
    theme: &Theme,
    load: Option<PathBuf>,
    origin: &str,
) -> ExitCode {
    let options = alliances::tui::Options {
        mouse: !cli.no_mouse,
        load,
        // The built-in knowledge base cannot change; a user's is watched unless asked not to.
        watch: cli.kb.clone().filter(|_| !cli.no_watch),
        cache: cache(cli),
        first_frame_only: cli.exit_after_first_frame,
        panic_after_first_frame: cli.panic_after_first_frame,
        kb: cli.kb.clone(),
        clipboard: match cli.clipboard {
            ClipboardArg::Osc52 => alliances::system::Clipboard::Osc52,
            ClipboardArg::Off => alliances::system::Clipboard::Off,
        },
    };
    let code = match alliances::tui::run(&mut app, theme, &options) {
        Ok(status) => match app.take_failure() {
            Some(error) => fail(&error, origin),
            None => ExitCode::from(status),
        },
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    };
    // Freeing a million organisations one by one takes a tenth of a second after the user has
    // quit; the system takes the memory back at once. (Nothing of the explorer's needs dropping:
    // the terminal is restored and every file written by now.)
    std::mem::forget(app);
    code
}

/// Knowledge bases from this size on open in the explorer at once and load in the
/// background: parsing them takes long enough to see.
const LOAD_IN_BACKGROUND_FROM: u64 = 16 << 20;

/// Whether the explorer should load the knowledge base at `path` in the background.
fn is_big(path: &std::path::Path) -> Result<bool, LoadError> {
    // A big folder tree takes a while to walk: say so on a terminal.
    let mut line = io::stderr()
        .is_terminal()
        .then(|| ProgressLine::new(io::stderr()));
    let files = kb::load::ron_files_with(path, &mut |folders, found| {
        if let Some(line) = &mut line {
            line.report(kb::load::Progress {
                phase: kb::load::Phase::Finding,
                bytes_done: 0,
                bytes_total: 0,
                files_done: found,
                files_total: folders,
            });
        }
    })?;
    drop(line);
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    Ok(bytes >= LOAD_IN_BACKGROUND_FROM)
}

fn fail(error: &LoadError, origin: &str) -> ExitCode {
    let mut stderr = io::stderr().lock();
    match error {
        LoadError::Usage(message) => {
            let _ = writeln!(stderr, "error: {}", alliances::text::sanitize(message));
        }
        LoadError::Invalid(problems) => {
            let _ = kb::problem::report(problems, origin, &mut stderr);
        }
    }
    ExitCode::from(error.exit_code())
}

/// The cache of parsed knowledge bases, unless asked not to use one.
fn cache(cli: &Cli) -> Option<Cache> {
    if cli.no_cache {
        None
    } else {
        Cache::from_env()
    }
}
