//! The manual page (`alliances man`): clap's title, synopsis, description and options, then the
//! sections a reader looks for that clap does not write: every command with its own options (on
//! this one page, so that it names no other), the keys (from the key map that dispatches them),
//! the filters, the files, the environment, the exit status and examples.

use crate::cli::Cli;
use crate::keymap::{HelpRow, Keymap};
use clap::CommandFactory;
use roff::{Roff, bold, italic, roman};
use std::io::{self, Write};

/// Writes the manual page in roff.
pub fn render(keymap: &Keymap, out: &mut dyn Write) -> io::Result<()> {
    let command = Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    let mut page = Roff::new();
    commands(&mut page, &command);
    keys(&mut page, keymap);
    section(&mut page, "FILTERS");
    page.text([roman(
        "One filter language for the explorer's f and for the words given to orgs, claims, timeline and map; terms combine with and.",
    )]);
    page.control("nf", []);
    for line in crate::listing::filter::TERMS_HELP.lines().skip(1) {
        page.text([roman(line)]);
    }
    page.control("fi", []);
    files(&mut page);
    environment(&mut page);
    exit_status(&mut page);
    examples(&mut page);
    section(&mut page, "VERSION");
    page.text([roman(format!("v{}", env!("CARGO_PKG_VERSION")))]);
    page.to_writer(out)
}

fn section(page: &mut Roff, title: &str) {
    page.control("SH", [title]);
}

/// A term and what it means: `.TP`, the term in bold, then the text.
fn item(page: &mut Roff, term: &str, text: &str) {
    page.control("TP", []);
    page.text([bold(term)]);
    page.text([roman(text)]);
}

/// Every command: its usage, what it does, and its own options.
fn commands(page: &mut Roff, command: &clap::Command) {
    section(page, "COMMANDS");
    page.text([roman(
        "With no command, alliances opens the explorer. The global options above apply to every command.",
    )]);
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let mut sub = sub
            .clone()
            .bin_name(format!("alliances {}", sub.get_name()));
        let usage = sub.render_usage().to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage).to_string();
        page.control("TP", []);
        page.text([bold(usage)]);
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            page.text([roman(about.to_string())]);
        }
        let own = sub
            .get_arguments()
            .filter(|a| !a.is_global_set() && !a.is_hide_set() && a.get_id() != "help");
        for arg in own {
            let values = arg
                .get_action()
                .takes_values()
                .then(|| arg.get_value_names())
                .flatten();
            let name = match (arg.get_long(), values) {
                (Some(long), Some(values)) => format!("--{long} {}", values.join(" ")),
                (Some(long), None) => format!("--{long}"),
                (None, _) => arg
                    .get_value_names()
                    .map_or_else(|| arg.get_id().to_string(), |v| v.join(" ")),
            };
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .map(|v| v.get_name().to_string())
                .collect();
            page.control("RS", []);
            page.control("TP", []);
            page.text([italic(name)]);
            if values.is_empty() {
                page.text([roman(help)]);
            } else {
                page.text([roman(format!("{help} ({})", values.join(", ")))]);
            }
            page.control("RE", []);
        }
    }
}

/// The keys of each mode, as the help overlay lists them.
fn keys(page: &mut Roff, keymap: &Keymap) {
    section(page, "KEYS");
    page.text([roman(
        "The keys of the explorer, by mode, as they are bound now (the built-in key map with keymap.ron laid over it; see FILES).",
    )]);
    for row in keymap.help_rows() {
        match row {
            HelpRow::Heading(heading) => {
                page.control("SS", [heading]);
            }
            HelpRow::Binding(keys, does) => item(page, &keys, does),
            HelpRow::Blank => {}
        }
    }
}

fn files(page: &mut Roff) {
    section(page, "FILES");
    for (file, what) in [
        (
            "$XDG_CONFIG_HOME/alliances/keymap.ron",
            "Keys to change: the intents you name replace the built-in keys for them, e.g. (browse: { quit: [\"q\", \"ctrl-q\"] }). ~/.config/alliances/keymap.ron without XDG_CONFIG_HOME.",
        ),
        (
            "$XDG_CONFIG_HOME/alliances/theme.ron",
            "Colours to change, for the dark theme, the light one or both, e.g. (dark: (heading: (fg: \"magenta\"))).",
        ),
        (
            "$XDG_CACHE_HOME/alliances/",
            "The cache of knowledge bases of a megabyte or more, keyed by their files' contents; the four used last are kept. ~/.cache/alliances/ without XDG_CACHE_HOME.",
        ),
        (
            "--kb PATH",
            "A .ron file or a folder of .ron files holding alliances, organizations, focus_areas, artifacts and sources; alliances init DIR writes the built-in knowledge base as such files.",
        ),
    ] {
        item(page, file, what);
    }
}

fn environment(page: &mut Roff) {
    section(page, "ENVIRONMENT");
    for (name, what) in [
        (
            "NO_COLOR",
            "When set and not empty, no colour (as --color never).",
        ),
        (
            "COLORFGBG",
            "Whether the background is light (its last field 7 or 9 to 15), when the terminal cannot be asked (--theme auto).",
        ),
        (
            "XDG_CONFIG_HOME",
            "Where keymap.ron and theme.ron are looked for.",
        ),
        ("XDG_CACHE_HOME", "Where the cache is kept."),
        (
            "HOME",
            "The base of ~/.config and ~/.cache when the XDG variables are not set.",
        ),
        (
            "VISUAL, EDITOR",
            "The editor e opens at the line where the highlighted item is written (+LINE FILE).",
        ),
        (
            "BROWSER",
            "The program o opens web addresses with (%s stands for the address); else the system's opener.",
        ),
        (
            "ALLIANCES_CLIPBOARD",
            "How y copies: osc52 (the default) or off (as --clipboard).",
        ),
        (
            "TERM",
            "The terminal's kind; dumb or screen terminals are not asked their colours.",
        ),
    ] {
        item(page, name, what);
    }
}

fn exit_status(page: &mut Roff) {
    section(page, "EXIT STATUS");
    for (code, what) in [
        ("0", "Success."),
        (
            "1",
            "Not found (an unknown id, no search result, no path), or invalid data: every problem is listed on standard error with its file, line and column.",
        ),
        (
            "2",
            "Usage error: a path that does not exist, a bad flag or a flag's value that names nothing, a filter term that cannot be read, the explorer without a terminal.",
        ),
        (
            "128+N",
            "The explorer was ended by signal N (SIGTERM, SIGHUP, SIGINT, SIGQUIT), the terminal restored.",
        ),
    ] {
        item(page, code, what);
    }
}

fn examples(page: &mut Roff) {
    section(page, "EXAMPLES");
    for (command, what) in [
        (
            "alliances",
            "Open the explorer on the built-in knowledge base.",
        ),
        (
            "alliances orgs country:de",
            "The German organisations, and what they are tied to.",
        ),
        (
            "alliances claims verdict:wrong",
            "What the article got wrong, with what the sources say.",
        ),
        (
            "alliances path meta scottish-ai-alliance",
            "How Meta is tied to Scotland's alliance, link by link.",
        ),
        (
            "alliances --as-of article show european-ai-alliance",
            "An alliance as it stood on the article's day (2023-12-05).",
        ),
        (
            "alliances search telekom --json",
            "A ranked search, as JSON for a script.",
        ),
        (
            "alliances init my-kb && alliances --kb my-kb",
            "Your own copy of the knowledge base, explored live as you edit it.",
        ),
    ] {
        item(page, command, what);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_names_its_keys_and_no_other_page() {
        let mut out = Vec::new();
        render(&Keymap::default(), &mut out).unwrap();
        let page = String::from_utf8(out).unwrap();
        for section in [
            "COMMANDS",
            "KEYS",
            "FILTERS",
            "FILES",
            "ENVIRONMENT",
            "EXIT STATUS",
            "EXAMPLES",
        ] {
            let heading = |l: &str| l.starts_with(".SH") && l.contains(section);
            assert!(page.lines().any(heading), "{section}");
        }
        assert!(page.contains("search members"), "the keys' intents");
        assert!(
            !page.contains("alliances\\-check(1)"),
            "a page that does not exist"
        );
        assert!(!page.contains("(1)\n"), "a page that does not exist");
    }
}
