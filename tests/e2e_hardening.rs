//! The real binary in tmux under what breaks careless explorers: signals sent from elsewhere,
//! a reload while a prompt is open, a pasted query, characters terminals draw differently.

mod common;

use common::tmux::Tmux;
use std::process::Command;
use std::time::{Duration, Instant};

/// A bash in a pane of its own, with the explorer started from it as a job of its own.
fn shell_with_explorer(name: &str, args: &str) -> Tmux {
    let t = Tmux::bare(name);
    t.session(110, 30, "bash --norc --noprofile -i");
    t.send(&["PS1='$ '; clear", "Enter"]);
    let line = format!(
        "XDG_CONFIG_HOME='{}' '{}' {args}",
        t.config.path().display(),
        env!("CARGO_BIN_EXE_alliances")
    );
    t.tmux(&["send-keys", "-t", "main", "-l", &line]);
    t.send(&["Enter"]);
    t
}

/// The explorer's process id: the pane's shell's child.
fn explorer_pid(t: &Tmux) -> String {
    let shell = t.display("#{pane_pid}");
    let start = Instant::now();
    loop {
        let children = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
        let pid = String::from_utf8_lossy(&children.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        if !pid.is_empty() {
            return pid;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "no explorer");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn kill(signal: &str, pid: &str) {
    let status = Command::new("kill").args([signal, pid]).status().unwrap();
    assert!(status.success());
}

/// The pane's terminal modes as `stty` reads them, typed in the shell (`echo` shows whether
/// keys echo, `icanon` whether lines are cooked).
fn tty_modes(t: &Tmux) -> String {
    t.send(&["clear", "Enter"]);
    t.tmux(&[
        "send-keys",
        "-t",
        "main",
        "-l",
        "stty -a | tr ' ' '\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' ' | sed 's/^/modes: /'; echo",
    ]);
    t.send(&["Enter"]);
    let screen = t.wait_for("the modes", |s| s.lines().any(|l| l.starts_with("modes: ")));
    screen
        .lines()
        .find(|l| l.starts_with("modes: "))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_tstp_from_elsewhere_restores_the_terminal_and_fg_takes_it_back() {
    let t = shell_with_explorer("tstp", "");
    let start = t.wait_text("Alliances (9)");
    let pid = explorer_pid(&t);
    kill("-TSTP", &pid);
    let stopped = t.wait_text("Stopped");
    assert_eq!(t.display("#{alternate_on}"), "0", "{stopped}");
    let modes = tty_modes(&t);
    assert!(
        modes.contains("icanon") && !modes.contains("-icanon") && !modes.contains("-echo"),
        "the terminal was left in raw mode: {modes}"
    );
    t.send(&["fg", "Enter"]);
    let resumed = t.wait_text("Alliances (9)");
    assert_eq!(
        common::tmux::body(&resumed),
        common::tmux::body(&start),
        "redrawn whole"
    );
    // Keys are read one by one again: `j` moves without Enter.
    t.send(&["j"]);
    let first = common::tmux::header(&start).to_string();
    t.wait_for("the second alliance selected", |s| {
        common::tmux::header(s) != first && common::tmux::header(s).starts_with("alliances")
    });
    t.send(&["q"]);
    t.wait_for("the prompt", |s| s.trim_end().ends_with('$'));
    assert_eq!(t.display("#{alternate_on}"), "0");
}

#[test]
fn a_quit_signal_restores_the_terminal() {
    let t = shell_with_explorer("quit-signal", "; echo EXIT=$?");
    t.wait_text("Alliances (9)");
    let pid = explorer_pid(&t);
    kill("-QUIT", &pid);
    let screen = t.wait_text("EXIT=131");
    assert_eq!(t.display("#{alternate_on}"), "0", "{screen}");
    let modes = tty_modes(&t);
    assert!(
        modes.contains("icanon") && !modes.contains("-icanon") && !modes.contains("-echo"),
        "the terminal was left in raw mode: {modes}"
    );
}

#[test]
fn a_reload_while_typing_a_search_keeps_the_prompt_and_its_query() {
    let kb = common::kb_copy();
    let file = kb.path().join("organizations.ron");
    let original = std::fs::read_to_string(&file).unwrap();
    let t = common::tmux::Tmux::start(
        "reload-prompt",
        110,
        30,
        &format!("--kb '{}'", kb.path().display()),
    );
    t.wait_text("Alliances (9)");
    t.send(&["/"]);
    t.tmux(&["send-keys", "-t", "main", "-l", "zyxw"]);
    t.wait_for("the query", |s| s.contains("/ zyxw") && s.contains("0/"));
    // The files change while the prompt is open: an organisation gets a name the query finds.
    let edited = original.replacen("name: \"IBM\"", "name: \"IBM Zyxwvut\"", 1);
    assert_ne!(edited, original);
    std::fs::write(&file, edited).unwrap();
    t.wait_for("the new data searched", |s| {
        s.contains("IBM Zyxwvut") && s.contains("/ zyxw")
    });
    // The next letters are text: ` q` does not quit.
    t.tmux(&["send-keys", "-t", "main", "-l", " q"]);
    let screen = t.wait_text("/ zyxw q");
    assert!(!screen.contains("EXIT="), "{screen}");
    t.send(&["Escape"]);
    t.send(&["q"]);
    t.wait_text("EXIT=0");
}

#[test]
fn a_paste_is_one_edit_of_the_query_not_keys() {
    let t = common::tmux::Tmux::start("paste", 110, 30, "");
    t.wait_text("Alliances (9)");
    // Pasted while browsing, with bracketed paste: the text goes to the member search, and
    // its letters (`q` among them) are not run as commands.
    let pasted = format!("quantum {}IBM", "ai ".repeat(100));
    t.tmux(&["set-buffer", "-b", "pasted", &pasted]);
    t.tmux(&["paste-buffer", "-p", "-b", "pasted", "-t", "main"]);
    let screen = t.wait_for("the pasted query", |s| {
        s.contains("Search members") && s.contains("/ quantum ai ai")
    });
    assert!(!screen.contains("EXIT="), "{screen}");
    // It searched once, for what was pasted: nothing matches all of it.
    t.wait_text("No match");
    t.send(&["C-u"]);
    t.tmux(&["set-buffer", "-b", "pasted", "ibm"]);
    t.tmux(&["paste-buffer", "-p", "-b", "pasted", "-t", "main"]);
    t.wait_for("IBM found", |s| {
        s.contains("/ ibm") && s.contains("▶") && s.contains("IBM")
    });
    t.send(&["Escape"]);
    t.send(&["q"]);
    t.wait_text("EXIT=0");
}

#[test]
fn joined_pictures_leave_nothing_behind_when_the_screen_changes() {
    let kb = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "data",
        "joined-pictures.ron",
    ]
    .iter()
    .collect::<std::path::PathBuf>();
    let args = format!("--kb '{}'", kb.display());
    let t = common::tmux::Tmux::start("pictures-moved", 100, 24, &args);
    t.wait_text("Alliances (3)");
    // Through every alliance and every member, to the plain one.
    for _ in 0..2 {
        t.send(&["Tab", "j", "j", "BTab", "j"]);
    }
    let moved = t.wait_for("the plain alliance", |s| {
        common::tmux::header(s) == "alliances  C Plain"
    });
    // The same state drawn afresh.
    let fresh =
        common::tmux::Tmux::start("pictures-fresh", 100, 24, &format!("{args} --open c-plain"));
    let drawn = fresh.wait_for("the plain alliance", |s| {
        common::tmux::header(s) == "alliances  C Plain"
    });
    assert_eq!(common::tmux::body(&moved), common::tmux::body(&drawn));
    // The pictures are drawn apart: a flag as its letters, nothing joined.
    t.send(&["k"]);
    let flag = t.wait_text("A Flag US alliance");
    for joined in [
        '\u{1F1FA}',
        '\u{1F1F8}',
        '\u{200D}',
        '\u{FE0F}',
        '\u{E0067}',
    ] {
        assert!(
            !flag.contains(joined),
            "{joined:?} reached the screen:\n{flag}"
        );
    }
    t.send(&["q"]);
    fresh.send(&["q"]);
    t.wait_text("EXIT=0");
}

#[test]
fn a_mistaken_key_map_or_a_folder_in_its_place_is_refused_before_the_screen_changes() {
    let here = std::path::Path::new(".");
    let t = common::tmux::Tmux::start_configured("keymap-mistakes", 110, 20, here, "", "", |dir| {
        std::fs::write(
            dir.join("keymap.ron"),
            "(browse: { quit: [\"j\"] }, global: { quit: [] })",
        )
        .unwrap();
    });
    let screen = t.wait_text("EXIT=1");
    assert!(
        screen.contains("keymap.ron:1:19: `j` is bound to both quit and down in browsing"),
        "{screen}"
    );
    assert!(
        screen.contains("error: 1 problem in the key map"),
        "{screen}"
    );
    let folder =
        common::tmux::Tmux::start_configured("keymap-folder", 110, 20, here, "", "", |dir| {
            std::fs::create_dir(dir.join("keymap.ron")).unwrap();
        });
    let screen = folder.wait_text("EXIT=1");
    assert!(
        screen.contains("keymap.ron: not a regular file: expected a key map written in RON here"),
        "{screen}"
    );
}

#[test]
fn an_unknown_id_to_open_in_a_terminal_is_not_found() {
    let t = common::tmux::Tmux::start("open-unknown", 160, 10, "--open nvidai");
    let screen = t.wait_text("EXIT=1");
    assert!(screen.contains("did you mean nvidia?"), "{screen}");
    assert_eq!(t.display("#{alternate_on}"), "0");
}

#[test]
fn a_panic_restores_the_terminal_before_the_message() {
    // The hook restores the terminal, then the message is printed, whether panics unwind (as
    // in this build) or abort (as in the release build: the hook runs before the abort).
    let t = shell_with_explorer("panic", "--panic-after-first-frame; echo EXIT=$?");
    let screen = t.wait_text("EXIT=");
    assert!(
        screen.contains("a panic asked for by --panic-after-first-frame"),
        "{screen}"
    );
    assert!(!screen.contains("EXIT=0"), "{screen}");
    assert_eq!(t.display("#{alternate_on}"), "0", "{screen}");
    assert_eq!(t.display("#{mouse_any_flag}"), "0", "{screen}");
    let modes = tty_modes(&t);
    assert!(
        modes.contains("icanon") && !modes.contains("-icanon") && !modes.contains("-echo"),
        "the terminal was left in raw mode: {modes}"
    );
}
