//! Getting answers out of the explorer in a real terminal: `y` copies through the terminal's
//! clipboard sequence (tmux's buffer receives it), `o` runs the browser, `w` writes a file,
//! `e` runs the editor and the reload shows the change.

mod common;

use common::cli::{alliances, stdout};
use common::tmux::Tmux;
use std::path::Path;
use std::time::{Duration, Instant};

/// A shell script at `dir/name` that runs `body` (`$1`, `$2` its arguments).
fn script(dir: &Path, name: &str, body: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&path, perms).unwrap();
    path.display().to_string()
}

/// The content of `path` once it exists and is not empty.
fn wait_file(path: &Path, t: &Tmux) -> String {
    let start = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && !text.is_empty()
        {
            return text;
        }
        if start.elapsed() > Duration::from_secs(40) {
            panic!(
                "{} was not written; the screen was:\n{}",
                path.display(),
                t.capture()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn y_copies_the_name_of_the_page_and_a_citation_with_its_source_s_address() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start_in("copy", 120, 40, dir.path(), "", "");
    t.wait_text("Alliances (9)");
    t.send(&["C-p"]);
    t.tmux(&["send-keys", "-t", "main", "-l", "IBM"]);
    t.wait_text("▶ organization  IBM");
    t.send(&["Enter"]);
    t.wait_text("Alliances and links");
    t.send(&["y"]);
    t.wait_text("page's name");
    t.send(&["N"]);
    let screen = t.wait_text("Copied the page's name: IBM");
    assert!(
        !screen.contains("Esc to close"),
        "the menu closes:\n{screen}"
    );
    assert_eq!(t.wait_buffer(), "IBM");

    // The article's claims: a citation names where to read the truth.
    t.send(&["4", "y"]);
    t.wait_text("citation (Markdown)");
    t.send(&["c"]);
    t.wait_text("Copied the citation");
    let cited = t.wait_buffer();
    assert!(
        cited.starts_with("The article (December 2023) says"),
        "{cited}"
    );
    assert!(cited.contains("Source"), "{cited}");
    assert!(cited.contains("https://"), "{cited}");
}

#[test]
fn o_gives_the_browser_the_website_of_the_selected_alliance() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("opened");
    let browser = script(
        dir.path(),
        "browser",
        &format!("echo \"$1\" >> '{}'", log.display()),
    );
    let t = Tmux::start_in(
        "open",
        100,
        30,
        dir.path(),
        &format!("BROWSER='{browser}'"),
        "",
    );
    t.wait_text("Alliances (9)");
    t.send(&["o"]);
    t.wait_text("Opened https://thealliance.ai with $BROWSER");
    assert_eq!(wait_file(&log, &t), "https://thealliance.ai\n");
}

#[test]
fn w_writes_the_filtered_list_as_the_command_prints_it() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start_in("write", 120, 40, dir.path(), "", "");
    t.wait_text("Alliances (9)");
    t.send(&["2", "f"]);
    t.tmux(&["send-keys", "-t", "main", "-l", "country:de"]);
    t.send(&["Enter", "w"]);
    t.wait_text("Markdown");
    t.send(&["c"]);
    t.wait_text("Write to: organisations-country-de.csv");
    t.send(&["Enter"]);
    let written = dir.path().join("organisations-country-de.csv");
    t.wait_text("Wrote organisations (country:de) to");
    let expected = stdout(&alliances(&["orgs", "country:de", "--format", "csv"]));
    assert_eq!(wait_file(&written, &t), expected);

    // Again: the file is there, and is replaced only when asked.
    std::fs::write(&written, "mine").unwrap();
    t.send(&["w", "c", "Enter"]);
    t.wait_text("is there already");
    t.send(&["Escape"]);
    t.wait_for("the menu closed", |s| !s.contains("is there already"));
    assert_eq!(std::fs::read_to_string(&written).unwrap(), "mine");
    t.send(&["w", "c", "Enter"]);
    t.wait_text("is there already");
    t.send(&["r"]);
    t.wait_text("Wrote organisations (country:de) to");
    assert_eq!(std::fs::read_to_string(&written).unwrap(), expected);
}

#[test]
fn e_opens_the_editor_where_the_alliance_is_written_and_the_reload_shows_the_edit() {
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("kb");
    let init = alliances(&["init", kb.to_str().unwrap()]);
    assert!(init.status.success(), "{init:?}");
    let log = dir.path().join("edited");
    // The editor is given `+LINE FILE`: the id's line; the name is on the next one.
    let editor = script(
        dir.path(),
        "editor",
        &format!(
            "echo \"$1 $2\" > '{}'\nline=$(( ${{1#+}} + 1 ))\nsed -i \"${{line}}s/\\\"AI Alliance\\\"/\\\"AI Alliance Edited\\\"/\" \"$2\"",
            log.display()
        ),
    );
    let t = Tmux::start_in(
        "edit",
        100,
        30,
        dir.path(),
        &format!("VISUAL='{editor}'"),
        &format!("--kb '{}'", kb.display()),
    );
    t.wait_text("Alliances (9)");
    t.send(&["e"]);
    t.wait_text("AI Alliance Edited");
    let edited = wait_file(&log, &t);
    assert!(edited.starts_with("+11 "), "{edited}");
    assert!(edited.trim_end().ends_with("ai-alliance.ron"), "{edited}");
}

#[test]
fn e_on_the_built_in_knowledge_base_says_how_to_get_files() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start_in("edit-built-in", 120, 30, dir.path(), "", "");
    t.wait_text("Alliances (9)");
    t.send(&["e"]);
    t.wait_text("`alliances init DIR` writes it as files");
}

#[test]
fn a_name_with_escape_sequences_is_copied_without_them() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = std::fs::canonicalize("tests/data/hostile.ron").unwrap();
    let t = Tmux::start_in(
        "copy-hostile",
        120,
        30,
        dir.path(),
        "",
        &format!("--kb '{}'", hostile.display()),
    );
    t.wait_text("Alliances (1)");
    t.send(&["y"]);
    t.wait_text("Esc to close");
    t.send(&["n"]);
    t.wait_text("Copied the name");
    let copied = t.wait_buffer();
    assert_eq!(copied, "Evil]2;pwned-title Alliance");
    assert!(!copied.chars().any(char::is_control), "{copied:?}");
}
