//! The real binary in a real terminal: tmux runs it, `send-keys` types, `capture-pane` reads
//! the screen. `.ci/run` installs tmux.

mod common;

use common::tmux::{Tmux, body, header};
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn browse_open_a_member_go_back_help_resize_and_quit() {
    let t = Tmux::start("browse", 150, 40, "");
    // The start screen lists the alliances.
    let start = t.wait_text("Alliances (9)");
    for name in [
        "AI Alliance",
        "EDSAFE AI Alliance",
        "Apply AI Alliance",
        "Global Telco AI Alliance",
        "International AI Alliance",
        "KI-Allianz Rheinland-Pfalz",
        "Partnership on AI",
        "Scottish AI Alliance",
        "United AI Alliance",
    ] {
        assert!(start.contains(name), "{name} missing from\n{start}");
    }
    assert_eq!(header(&start), "alliances  AI Alliance");
    assert_eq!(t.display("#{alternate_on}"), "1");

    // j selects the next alliance and the details follow; the list is by name.
    t.send(&["j"]);
    t.wait_for("the Apply AI Alliance details", |s| {
        header(s) == "alliances  Apply AI Alliance"
    });
    t.send(&["j"]);
    let edsafe = t.wait_for("the EDSAFE details", |s| {
        header(s) == "alliances  EDSAFE AI Alliance"
    });
    assert!(edsafe.contains("InnovateEDU"), "{edsafe}");

    // Tab to the details, Enter on the first member opens its view.
    t.send(&["Tab"]);
    t.wait_for("the details focused", |s| s.contains("┏ Details"));
    let before = t.settled();
    t.send(&["Enter"]);
    let member = t.wait_text("Alliances and links");
    assert_eq!(
        header(&member),
        "alliances  EDSAFE AI Alliance › InnovateEDU"
    );
    assert!(member.contains("host"), "{member}");

    // Backspace returns to the identical screen.
    t.send(&["BSpace"]);
    t.wait_for("the details again", |s| s.contains("┏ Details"));
    assert_eq!(
        body(&t.settled()),
        body(&before),
        "back did not restore the screen"
    );
    t.send(&["]"]);
    t.wait_text("› InnovateEDU");
    t.send(&["["]);
    t.wait_for("back again", |s| s.contains("┏ Details"));
    assert_eq!(body(&t.settled()), body(&before));

    // ? shows the help, Esc closes it.
    t.send(&["?"]);
    let help = t.wait_text("Help — Esc to close");
    assert!(
        help.contains("next pane") && help.contains("forward"),
        "{help}"
    );
    t.send(&["Escape"]);
    t.wait_for("help closed", |s| !s.contains("Help — Esc to close"));
    assert_eq!(body(&t.settled()), body(&before));

    // Too small, then back to the same screen.
    t.resize(20, 6);
    t.wait_text("Terminal too small");
    t.resize(150, 40);
    t.wait_for("the explorer again", |s| s.contains("┏ Details"));
    assert_eq!(body(&t.settled()), body(&before));

    // q quits with status 0 and the terminal restored.
    t.send(&["q"]);
    let after = t.wait_text("EXIT=0");
    assert!(!after.contains("Alliances (9)"), "{after}");
    assert_eq!(
        t.display("#{alternate_on}"),
        "0",
        "still on the alternate screen"
    );
    assert_eq!(
        t.display("#{mouse_any_flag}"),
        "0",
        "mouse reporting left on"
    );
    assert_eq!(t.display("#{cursor_flag}"), "1", "cursor left hidden");
}

#[test]
fn the_mouse_selects_and_a_double_click_follows() {
    let t = Tmux::start("mouse", 120, 36, "");
    t.wait_text("Alliances (9)");
    assert_eq!(t.display("#{mouse_any_flag}"), "1");
    // tmux can type mouse events as escape bytes (SGR 1006, 1-based cells). Under the header
    // and the row of views, the alliance list starts on the fourth line and shows each
    // alliance on two lines: click the second alliance by name.
    let click = |col: u16, row: u16| format!("\x1b[<0;{col};{row}M\x1b[<0;{col};{row}m");
    t.tmux(&["send-keys", "-t", "main", "-l", &click(5, 7)]);
    // The European AI Alliance, called the Apply AI Alliance since 2025-10-08.
    let european = t.wait_for("the second alliance", |s| {
        header(s) == "alliances  Apply AI Alliance"
    });
    assert!(european.contains("┏ Alliances"), "the list has the focus");
    // Double-click the first focus area (the side pane is the last 28 columns).
    let twice = click(96, 4).repeat(2);
    t.tmux(&["send-keys", "-t", "main", "-l", &twice]);
    let focus = t.wait_text("Alliances working on it");
    assert_eq!(
        header(&focus),
        "alliances  Apply AI Alliance › Trustworthy and ethical AI"
    );
    t.send(&["q"]);
    t.wait_text("EXIT=0");
}

#[test]
fn no_mouse_leaves_mouse_reporting_off() {
    let t = Tmux::start("nomouse", 100, 30, "--no-mouse");
    t.wait_text("Alliances (9)");
    assert_eq!(t.display("#{mouse_any_flag}"), "0");
    t.send(&["C-c"]);
    t.wait_text("EXIT=0");
}

#[test]
fn a_bad_knowledge_base_is_reported_before_the_terminal_changes() {
    let data: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "data",
        "unknown-reference.ron",
    ]
    .iter()
    .collect();
    let t = Tmux::start("bad", 100, 30, &format!("--kb '{}'", data.display()));
    let screen = t.wait_text("EXIT=1");
    assert!(
        screen.contains("unknown-reference.ron:14:43: unknown organization `nvidai`"),
        "{screen}"
    );
    assert_eq!(t.display("#{alternate_on}"), "0");
}

/// Every SGR parameter list (`ESC [ … m`) in a styled capture.
fn sgr_params(styled: &str) -> Vec<Vec<u16>> {
    let mut all = Vec::new();
    let mut rest = styled;
    while let Some(at) = rest.find("\x1b[") {
        let tail = &rest[at + 2..];
        let end = tail
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(tail.len());
        if tail[end..].starts_with('m') {
            all.push(
                tail[..end]
                    .split(';')
                    .filter_map(|p| p.parse().ok())
                    .collect(),
            );
        }
        rest = &tail[end..];
    }
    all
}

#[test]
fn no_color_draws_without_colours_and_keeps_the_selection_visible() {
    for (env, args) in [("NO_COLOR=1", ""), ("", "--color never")] {
        let t = Tmux::start_with_env("nocolor", 100, 30, env, args);
        t.wait_text("Alliances (9)");
        let styled = t.capture_styled();
        let params = sgr_params(&styled);
        let colour = |p: &u16| matches!(p, 30..=37 | 40..=47 | 90..=97 | 100..=107 | 38 | 48);
        assert!(
            !params.iter().flatten().any(colour),
            "{env}{args}: colours in {params:?}"
        );
        // The selected row is marked and in reverse video (SGR 7 in effect at the marker).
        let row = styled.lines().nth(3).unwrap();
        let before = &row[..row.find("▶ AI Alliance").expect("the marker")];
        let mut reverse = false;
        for p in sgr_params(before).into_iter().flatten() {
            match p {
                0 | 27 => reverse = false,
                7 => reverse = true,
                _ => {}
            }
        }
        assert!(reverse, "{env}{args}: {row:?}");
        t.send(&["q"]);
        t.wait_text("EXIT=0");
    }
}

#[test]
fn colour_is_used_by_default() {
    let t = Tmux::start("colour", 100, 30, "");
    t.wait_text("Alliances (9)");
    let params = sgr_params(&t.capture_styled());
    assert!(
        params
            .iter()
            .any(|p| matches!(p.first(), Some(30..=38 | 90..=97))),
        "{params:?}"
    );
}

#[test]
fn open_starts_the_explorer_on_an_entity() {
    let t = Tmux::start("open", 120, 36, "--open nvidia");
    let screen = t.wait_text("Alliances and links");
    assert_eq!(header(&screen), "alliances  NVIDIA");
    assert!(screen.contains("United AI Alliance"), "{screen}");
    t.send(&["Enter"]);
    t.wait_for("the United AI Alliance", |s| {
        header(s) == "alliances  NVIDIA › United AI Alliance"
    });
    t.send(&["q"]);
    t.wait_text("EXIT=0");
}

#[test]
fn search_members_jump_between_alliances_and_go_to_anything() {
    let t = Tmux::start("search", 140, 44, "");
    let start = t.wait_text("Alliances (9)");
    // `/` then "nvidia": NVIDIA shows while typing.
    t.send(&["/"]);
    t.wait_text("Search members");
    for c in ["n", "v", "i"] {
        t.send(&[c]);
    }
    let typing = t.wait_for("NVIDIA on top", |s| {
        s.contains("/ nvi") && s.contains("▶ NVIDIA")
    });
    assert!(typing.contains("/185"), "{typing}");
    t.tmux(&["send-keys", "-t", "main", "-l", "dia"]);
    t.wait_for("the full query", |s| {
        s.contains("/ nvidia") && s.contains("▶ NVIDIA")
    });
    // Enter: NVIDIA's view, with the United AI Alliance and its absence from the AI Alliance.
    t.send(&["Enter"]);
    let nvidia = t.wait_for("NVIDIA's view", |s| {
        header(s) == "alliances  AI Alliance › NVIDIA"
    });
    assert!(
        nvidia.contains("United AI Alliance") && nvidia.contains("lead"),
        "{nvidia}"
    );
    assert!(nvidia.contains("absent: not a member"), "{nvidia}");
    // Enter jumps to the highlighted alliance.
    t.send(&["Enter"]);
    t.wait_for("the United AI Alliance", |s| {
        header(s) == "alliances  AI Alliance › NVIDIA › United AI Alliance"
    });
    // Backspace twice returns to the start screen; ] goes forward again.
    t.send(&["BSpace"]);
    t.wait_for("NVIDIA again", |s| {
        header(s) == "alliances  AI Alliance › NVIDIA"
    });
    t.send(&["BSpace"]);
    let back = t.wait_for("the start", |s| header(s) == "alliances  AI Alliance");
    assert_eq!(body(&back), body(&start));
    t.send(&["]"]);
    t.wait_for("forward to NVIDIA", |s| {
        header(s) == "alliances  AI Alliance › NVIDIA"
    });
    // Ctrl-p "partnership on ai" Enter: its related alliances, the AI Alliance among them.
    t.send(&["C-p"]);
    t.wait_text("Go to anything");
    t.tmux(&["send-keys", "-t", "main", "-l", "partnership on ai"]);
    t.wait_for("the alliance on top", |s| {
        s.contains("▶ alliance      Partnership on AI")
    });
    t.send(&["Enter"]);
    t.wait_for("the Partnership on AI", |s| {
        header(s).ends_with("› Partnership on AI")
    });
    let mut screen = t.capture();
    for _ in 0..20 {
        if screen.contains("Related (") {
            break;
        }
        t.send(&["}"]);
        screen = t.wait_for("the next section", |_| true);
    }
    let related = screen
        .lines()
        .skip_while(|l| !l.contains("Related ("))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(related.contains("AI Alliance"), "{screen}");
    // IBM and Meta are founding members of both (the Partnership on AI has no leads).
    assert!(
        related.contains("5 shared members: IBM, Intel, Meta"),
        "{screen}"
    );
    t.send(&["q"]);
    t.wait_text("EXIT=0");
}

#[test]
fn compare_two_marked_alliances() {
    let t = Tmux::start("compare", 130, 36, "");
    t.wait_text("Alliances (9)");
    t.send(&["m"]);
    for _ in 0..6 {
        t.send(&["j"]);
    }
    t.wait_for("the Partnership on AI", |s| {
        header(s) == "alliances  Partnership on AI"
    });
    t.send(&["m", "c"]);
    let compare = t.wait_text("In both (5)");
    assert!(
        compare.contains("Only in AI Alliance (80)")
            && compare.contains("Only in Partnership on AI (8)"),
        "{compare}"
    );
    t.send(&["Enter"]);
    t.wait_for("IBM's view", |s| header(s).ends_with("› IBM"));
    t.send(&["q"]);
    t.wait_text("EXIT=0");
}

#[test]
fn live_edits_reload_keep_the_last_good_data_and_sigterm_restores_the_terminal() {
    let kb = common::kb_copy();
    let file = kb.path().join("partnership-on-ai.ron");
    let original = std::fs::read_to_string(&file).unwrap();
    let t = Tmux::start("live", 130, 40, &format!("--kb '{}'", kb.path().display()));
    t.wait_text("Alliances (9)");
    // Select the Partnership on AI, then rename it in its file.
    for _ in 0..6 {
        t.send(&["j"]);
    }
    t.wait_for("the Partnership on AI", |s| {
        header(s) == "alliances  Partnership on AI"
    });
    let renamed = original.replacen(
        "name: \"Partnership on AI\",",
        "name: \"Partnership on AI (edited)\",",
        1,
    );
    assert_ne!(renamed, original);
    std::fs::write(&file, &renamed).unwrap();
    // The edit appears and the selection stays on the same alliance.
    t.wait_for("the new name", |s| {
        header(s) == "alliances  Partnership on AI (edited)"
    });
    // Break the syntax: the panel names the file and position; the old list stays.
    let broken = renamed.replacen("kind: multi_stakeholder,", "kind: multi_stakeholder", 1);
    std::fs::write(&file, &broken).unwrap();
    let panel = t.wait_text("1 problem in the knowledge base's files");
    assert!(panel.contains("partnership-on-ai.ron:"), "{panel}");
    assert!(panel.contains("expected `,` between two items"), "{panel}");
    assert!(
        panel.contains("Partnership on AI (edited)") && panel.contains("Alliances (9)"),
        "{panel}"
    );
    // Save a fix the way editors do: a new file renamed over the old one.
    let tmp = kb.path().join(".partnership-on-ai.ron.swp");
    std::fs::write(&tmp, &original).unwrap();
    std::fs::rename(&tmp, &file).unwrap();
    let fixed = t.wait_for("the fix", |s| header(s) == "alliances  Partnership on AI");
    assert!(!fixed.contains("problem in the knowledge base"), "{fixed}");
    // The explorer never wrote to the files.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original);
    // SIGTERM: the terminal is restored and the process exits.
    let pid = t.display("#{pane_pid}");
    let children = Command::new("pgrep").args(["-P", &pid]).output().unwrap();
    let child = String::from_utf8_lossy(&children.stdout)
        .lines()
        .next()
        .unwrap_or("")
        .to_string();
    let target = if child.is_empty() { pid } else { child };
    Command::new("kill")
        .args(["-TERM", &target])
        .status()
        .unwrap();
    t.wait_text("EXIT=143");
    assert_eq!(t.display("#{alternate_on}"), "0");
    assert_eq!(t.display("#{mouse_any_flag}"), "0");
    assert_eq!(t.display("#{cursor_flag}"), "1");
}

#[test]
fn no_watch_leaves_edits_alone() {
    let kb = common::kb_copy();
    let file = kb.path().join("partnership-on-ai.ron");
    let t = Tmux::start(
        "nowatch",
        120,
        36,
        &format!("--no-watch --kb '{}'", kb.path().display()),
    );
    t.wait_text("Alliances (9)");
    std::fs::write(&file, "(alliances: [").unwrap();
    std::thread::sleep(Duration::from_millis(1200));
    assert!(!t.capture().contains("problem in the knowledge base"));
    t.send(&["q"]);
    t.wait_text("EXIT=0");
}

#[test]
fn a_name_that_sets_the_title_or_the_clipboard_does_neither() {
    let hostile: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "data", "hostile.ron"]
        .iter()
        .collect();
    let t = Tmux::start("hostile", 120, 36, &format!("--kb '{}'", hostile.display()));
    let before = t.display("#{pane_title}");
    let screen = t.wait_text("Alliances (1)");
    // The sequences are shown, not sent.
    assert!(screen.contains("Evil␛]2;pwned-title␇"), "{screen}");
    t.send(&["Tab", "j", "Enter"]);
    t.wait_text("Alliances and links");
    t.send(&["/"]);
    t.tmux(&["send-keys", "-t", "main", "-l", "evil"]);
    t.wait_text("/ evil");
    assert_eq!(t.display("#{pane_title}"), before);
    assert!(!t.display("#{pane_title}").contains("pwned"));
    let buffers = t.tmux(&["list-buffers"]);
    assert!(
        String::from_utf8_lossy(&buffers.stdout).trim().is_empty(),
        "OSC 52 reached the clipboard"
    );
    t.send(&["Escape", "q"]);
    t.wait_text("EXIT=0");
}

#[test]
fn ctrl_z_suspends_and_fg_resumes_with_a_full_redraw() {
    let t = Tmux::bare("suspend");
    t.session(110, 30, "bash --norc --noprofile -i");
    t.send(&["PS1='$ '; clear", "Enter"]);
    // The binary alone on the line: bash stops it as a job of its own.
    let line = format!(
        "XDG_CONFIG_HOME='{}' '{}'",
        t.config.path().display(),
        env!("CARGO_BIN_EXE_alliances")
    );
    t.tmux(&["send-keys", "-t", "main", "-l", &line]);
    t.send(&["Enter"]);
    let start = t.wait_text("Alliances (9)");
    t.send(&["C-z"]);
    let stopped = t.wait_text("Stopped");
    assert_eq!(t.display("#{alternate_on}"), "0", "{stopped}");
    t.send(&["fg", "Enter"]);
    let resumed = t.wait_text("Alliances (9)");
    assert_eq!(body(&resumed), body(&start));
    t.send(&["q"]);
    t.wait_for("the prompt", |s| s.trim_end().ends_with('$'));
    assert_eq!(t.display("#{alternate_on}"), "0");
}

#[test]
fn closing_the_terminal_ends_the_explorer() {
    let t = Tmux::start("hangup", 100, 30, "");
    t.wait_text("Alliances (9)");
    let shell = t.display("#{pane_pid}");
    let children = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
    let pid = String::from_utf8_lossy(&children.stdout)
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    assert!(!pid.is_empty(), "the explorer runs under the pane's shell");
    // The terminal goes away (SIGHUP, and reads that return nothing): the process must end.
    t.tmux(&["kill-server"]);
    let start = Instant::now();
    while std::path::Path::new(&format!("/proc/{pid}")).exists() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the explorer outlived its terminal"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A knowledge base of `orgs` organisations over four files, with an alliance of ten members
/// per twenty organisations: tens of megabytes, big enough to load in the background.
fn big_kb(orgs: usize) -> tempfile::TempDir {
    use std::fmt::Write;
    let dir = tempfile::tempdir().unwrap();
    let per_file = orgs.div_ceil(4);
    for part in 0..4 {
        let mut text = String::from("(organizations: [\n");
        for i in part * per_file..((part + 1) * per_file).min(orgs) {
            let _ = writeln!(
                text,
                "  (id: \"org-{i}\", name: \"Organisation {i} of the Łódź–Kyōto registry\", aka: [\"O{i}\"], kind: research_lab, country: \"PL\", website: \"https://org{i}.example\", note: \"A member of the synthetic registry used to try a big knowledge base.\"),"
            );
        }
        text.push_str("])\n");
        std::fs::write(dir.path().join(format!("orgs-{part}.ron")), text).unwrap();
    }
    let mut text = String::from("(alliances: [\n");
    for a in 0..orgs / 20 {
        let members: Vec<String> = (0..10)
            .map(|m| format!("(org: \"org-{}\")", (a * 20 + m * 2) % orgs))
            .collect();
        let _ = writeln!(
            text,
            "  (id: \"alliance-{a}\", name: \"Registry AI Alliance {a}\", kind: industry, scope: national, summary: \"A synthetic alliance.\", members: [{}]),",
            members.join(", ")
        );
    }
    text.push_str("])\n");
    std::fs::write(dir.path().join("alliances.ron"), text).unwrap();
    dir
}

#[test]
fn a_big_knowledge_base_opens_at_once_loads_in_the_background_then_comes_from_the_cache() {
    let kb = big_kb(200_000);
    let cache = tempfile::tempdir().unwrap();
    let env = format!("XDG_CACHE_HOME='{}'", cache.path().display());
    let args = format!("--kb '{}'", kb.path().display());
    let t = Tmux::start_with_env("big", 120, 30, &env, &args);
    // The explorer is up while the files are read: a progress bar with bytes and time (the
    // first frame may come before the first report).
    let loading = t.catch(
        "the loading panel",
        |s| s.contains("┏ Loading") && s.contains(" MB of "),
        |s| s.contains("organizations ·"),
    );
    assert!(loading.contains('%'), "{loading}");
    assert!(loading.contains("so far"), "{loading}");
    assert!(loading.contains("? help  q quit"), "{loading}");
    // It stays usable meanwhile: the help opens and closes.
    t.send(&["?"]);
    // Then the data is in.
    let loaded = t.wait_for("the loaded knowledge base", |s| {
        s.contains("10,000 alliances · 200,000 organizations")
    });
    assert!(loaded.contains("Registry AI Alliance 0"), "{loaded}");
    // The help opened during the load is still open over the data.
    assert!(loaded.contains("Help — Esc to close"), "{loaded}");
    t.send(&["Escape"]);
    // Search the 200 000 organisations.
    t.send(&["/"]);
    t.wait_text("Search members");
    t.send(&["org 199999"]);
    let found = t.wait_for("the organisation found", |s| {
        s.contains("Organisation 199999 of the") && !s.contains("searching…")
    });
    assert!(found.contains("/ org 199999"), "{found}");
    t.send(&["Escape", "q"]);
    t.wait_text("EXIT=0");
    // The second open comes from the cache.
    let entries: Vec<_> = std::fs::read_dir(cache.path().join("alliances"))
        .expect("the cache folder was made")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert!(entries[0].ends_with(".kbc"), "{entries:?}");
    let again = Tmux::start_with_env("big-again", 120, 30, &env, &args);
    again.wait_for("the cached knowledge base", |s| {
        s.contains("10,000 alliances · 200,000 organizations")
    });
    // Measuring the opening: the explorer waits for the data, draws it once and leaves.
    let args = format!("{args} --exit-after-first-frame");
    let measured = Tmux::start_with_env("big-measured", 120, 30, &env, &args);
    measured.wait_text("EXIT=0");
    // A load that fails ends the wait too, with the failure.
    std::fs::write(
        kb.path().join("zz-broken.ron"),
        "(organizations: [(id: 1)])",
    )
    .unwrap();
    let failed = Tmux::start_with_env("big-measured-failing", 120, 30, &env, &args);
    let failed = failed.wait_text("EXIT=");
    assert!(failed.contains("EXIT=1"), "{failed}");
    assert!(failed.contains("zz-broken.ron:1:"), "{failed}");
}

#[test]
fn a_command_on_a_big_knowledge_base_shows_its_progress_on_the_terminal_then_erases_it() {
    // Big enough to take a good second to read: the line shows after a moment.
    let kb = big_kb(400_000);
    let args = format!("--no-cache --kb '{}' check", kb.path().display());
    let t = Tmux::start("check-progress", 100, 10, &args);
    let progress = t.catch(
        "the progress line",
        |s| s.contains("reading the files: "),
        |s| s.contains("EXIT="),
    );
    assert!(
        progress.contains(" of 108 MB (") && progress.contains("%) · "),
        "{progress}"
    );
    let done = t.wait_text("EXIT=0");
    // The line was erased: the summary starts the screen, with nothing left of the progress.
    assert!(
        done.starts_with("ok: 20,000 alliances, 400,000 organizations"),
        "{done}"
    );
    assert!(!done.contains("reading the files"), "{done}");
    assert!(!done.contains("validating"), "{done}");
}

#[test]
fn esc_goes_back_and_z_zooms_the_focused_pane() {
    let t = Tmux::start("esc-zoom", 80, 24, "");
    t.wait_text("Alliances (9)");
    // Into a member's page, then Esc goes back as Backspace does.
    t.send(&["Tab", "Enter"]);
    t.wait_for("a member's page", |s| {
        header(s).starts_with("alliances  AI Alliance › ")
    });
    t.send(&["Escape"]);
    t.wait_for("back on the alliance", |s| {
        header(s) == "alliances  AI Alliance"
    });
    // With nothing to go back to, it says so.
    t.send(&["Escape"]);
    t.wait_text("Nothing to go back to");
    // At 80 columns the focus areas are out of sight: the border says so, Tab reaches them.
    let screen = t.wait_text("Tab: 1 more ▸");
    assert!(!screen.contains("Focus areas ("), "{screen}");
    t.send(&["Tab"]);
    t.wait_text("Focus areas (5)");
    // z: the focused pane alone, then all that fit again.
    t.send(&["z"]);
    let zoomed = t.wait_text("zoomed · z");
    assert!(
        !zoomed.contains("Details") && !zoomed.contains("Alliances (9)"),
        "{zoomed}"
    );
    t.send(&["z"]);
    t.wait_for("the panes back", |s| {
        s.contains("Details") && !s.contains("zoomed · z")
    });
    t.send(&["q"]);
    t.wait_text("EXIT=0");
}

#[test]
fn a_light_background_gets_the_light_theme() {
    // TERM=screen-… asks the terminal nothing: what the background is comes from COLORFGBG.
    let grey = |env: &str, args: &str| {
        let t = Tmux::start_with_env(
            "theme",
            100,
            30,
            &format!("TERM=screen-256color {env}"),
            args,
        );
        t.wait_text("Alliances (9)");
        let params = sgr_params(&t.capture_styled());
        t.send(&["q"]);
        t.wait_text("EXIT=0");
        params
    };
    let has = |params: &[Vec<u16>], colour: u16| {
        params
            .iter()
            .any(|p| p.windows(3).any(|w| w == [38, 5, colour]))
    };
    // Secondary text: a dark grey on white, a light grey on black.
    let light = grey("COLORFGBG='0;15'", "");
    assert!(has(&light, 240) && !has(&light, 245), "{light:?}");
    let dark = grey("COLORFGBG='15;0'", "");
    assert!(has(&dark, 245) && !has(&dark, 240), "{dark:?}");
    // --theme decides over the terminal.
    let forced = grey("COLORFGBG='15;0'", "--theme light");
    assert!(has(&forced, 240), "{forced:?}");
}

#[test]
fn a_theme_file_sets_colours_and_its_mistakes_are_placed() {
    let here = std::path::Path::new(".");
    let env = "TERM=screen-256color COLORFGBG='15;0'";
    let t = Tmux::start_configured("theme-file", 100, 30, here, env, "", |dir| {
        std::fs::write(dir.join("theme.ron"), "(dark: (dim: (fg: 123)))").unwrap();
    });
    t.wait_text("Alliances (9)");
    let params = sgr_params(&t.capture_styled());
    assert!(
        params
            .iter()
            .any(|p| p.windows(3).any(|w| w == [38, 5, 123])),
        "{params:?}"
    );
    t.send(&["q"]);
    let bad = Tmux::start_configured("theme-bad", 110, 20, here, env, "", |dir| {
        std::fs::write(dir.join("theme.ron"), "(dark: (dim: (fg: \"gren\")))").unwrap();
    });
    let screen = bad.wait_text("EXIT=1");
    assert!(
        screen.contains("theme.ron:1:20: unknown colour \"gren\""),
        "{screen}"
    );
}
