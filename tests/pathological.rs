//! Pathological knowledge bases: each gets a clear answer (a message with file and position,
//! or correct handling), with no stack overflow, hang or panic.

use alliances::action::Action;
use alliances::app::App;
use alliances::kb::{self, Index, Kb, LoadError, Problem};
use alliances::keymap::Keymap;
use alliances::ui::{self, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn load(text: &str) -> Result<Kb, Vec<Problem>> {
    kb::load::load_files([("p.ron".to_string(), text.as_bytes().to_vec())])
}

/// Renders the explorer over `kb` after the actions, at a usual size.
fn explore(kb: Kb, actions: &[Action]) -> Buffer {
    let mut app = App::new(kb, Keymap::default(), "p.ron", Rect::new(0, 0, 120, 40));
    for &a in actions {
        app.update(a);
    }
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    ui::render(&app, &Theme::plain(), area, &mut buf);
    buf
}

fn screen_text(buf: &Buffer) -> String {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn nesting_200000_deep_is_an_error_with_a_position() {
    let deep = format!(
        "(alliances: {}{})",
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    let problems = load(&deep).unwrap_err();
    assert_eq!(problems.len(), 1);
    let p = &problems[0];
    assert_eq!(p.file, "p.ron");
    // The schema refuses the second bracket: a list of alliances holds structs.
    assert_eq!((p.line, p.col), (1, 14), "{p:?}");
    assert!(
        p.message.contains("expected `(` opening an alliance"),
        "{}",
        p.message
    );
    // The message quotes a window of the 400 000-character line, not all of it.
    assert!(p.to_string().len() < 1_000);
}

#[test]
fn deep_nesting_where_any_value_is_allowed_stops_at_the_recursion_limit() {
    // A key map's file is read the same way: deep nesting there is an error too.
    let deep = format!(
        "(browse: {{ quit: {}{} }})",
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    let p = &Keymap::with_overrides(&deep, "k.ron").unwrap_err()[0];
    assert!(p.line == 1 && p.col > 1, "{p:?}");
}

#[test]
fn a_50_megabyte_name_loads_and_shows_its_beginning() {
    let huge = "Ω".repeat(25 << 20); // 25 M two-byte characters: 50 MB
    let text = format!(
        r#"(alliances: [(id: "big", name: "{huge}", kind: industry, scope: national, summary: "{huge}", members: [(org: "o")])],
           organizations: [(id: "o", name: "{huge}", kind: company)])"#
    );
    let kb = load(&text).expect("valid, if large");
    assert_eq!(kb.alliances[0].name.len(), 50 << 20);
    let buf = explore(kb.clone(), &[Action::Open, Action::Down]);
    let shown = screen_text(&buf);
    assert!(shown.contains("ΩΩΩ…"), "the name is cut to the pane");
    assert!(shown.contains("more bytes not shown") || shown.contains('…'));
    // Searching and the command line's plain output are bounded too.
    let mut app = App::new(kb, Keymap::default(), "p.ron", Rect::new(0, 0, 120, 40));
    app.update(Action::Search);
    for c in "ωω".chars() {
        app.update(Action::Type(c));
    }
    assert_eq!(app.finder().unwrap().0.results.hits.len(), 1);
}

#[test]
fn an_alliance_with_a_million_members() {
    let n = 1_000_000;
    let mut text = String::with_capacity(n * 60);
    text.push_str("(organizations: [");
    for i in 0..n {
        text.push_str(&format!("(id:\"o{i}\",name:\"Org {i}\",kind:company),"));
    }
    text.push_str("], alliances: [(id: \"huge\", name: \"Huge\", kind: industry, scope: international, summary: \"s\", members: [");
    for i in 0..n {
        text.push_str(&format!("(org:\"o{i}\"),"));
    }
    text.push_str("])])");
    let kb = load(&text).expect("valid");
    assert_eq!(kb.alliances[0].members.len(), n);
    let index = Index::new(&kb);
    assert_eq!(index.org_links(index.org(&kb, "o999999").unwrap()).len(), 1);
    // The explorer opens it, jumps to its last member, and draws only what is visible.
    let buf = explore(kb, &[Action::Open, Action::Last]);
    assert!(screen_text(&buf).contains("Org 999999"));
}

#[test]
fn a_member_listed_twice_among_a_million_is_found() {
    let mut text = String::from(
        "(organizations: [(id: \"a\", name: \"A\", kind: company)], alliances: [(id: \"x\", name: \"X\", kind: industry, scope: national, summary: \"s\", members: [",
    );
    for _ in 0..1000 {
        text.push_str("(org: \"a\"),");
    }
    text.push_str("])])");
    let problems = load(&text).unwrap_err();
    // The first few hundred are listed, the rest counted.
    let (listed, count) = problems.split_at(problems.len() - 1);
    assert_eq!(listed.len(), alliances::kb::load::LISTED);
    assert!(listed.iter().all(|p| p.message.contains("listed twice")));
    assert_eq!(
        count[0].message,
        format!(
            "and {} more problems, not listed: fix these first",
            999 - listed.len()
        )
    );
}

#[test]
fn cyclic_and_self_relations() {
    // Two alliances that declare each other: valid, one link with both reasons.
    let cycle = r#"(alliances: [
        (id: "a", name: "A", kind: industry, scope: national, summary: "s", related: [(alliance: "b", why: "a to b")]),
        (id: "b", name: "B", kind: industry, scope: national, summary: "s", related: [(alliance: "a", why: "b to a")]),
    ])"#;
    let kb = load(cycle).expect("a cycle of declared links is fine");
    let index = Index::new(&kb);
    assert_eq!(index.related(&kb, 0, alliances::kb::Day::ARTICLE).len(), 1);
    assert_eq!(
        index.related(&kb, 0, alliances::kb::Day::ARTICLE)[0]
            .reasons
            .len(),
        2
    );
    explore(
        kb,
        &[
            Action::Open,
            Action::Last,
            Action::Open,
            Action::Back,
            Action::Forward,
        ],
    );
    // An alliance related to itself, and organisations that are their own ancestors.
    let selfish = r#"(alliances: [(id: "a", name: "A", kind: industry, scope: national, summary: "s",
        related: [(alliance: "a", why: "me")])],
      organizations: [(id: "x", name: "X", kind: company, parent: "y"), (id: "y", name: "Y", kind: company, parent: "x")])"#;
    let problems = load(selfish).unwrap_err();
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert!(
        messages.iter().any(|m| m.contains("related to itself")),
        "{messages:?}"
    );
    assert_eq!(
        messages
            .iter()
            .filter(|m| m.contains("its own ancestor"))
            .count(),
        2,
        "{messages:?}"
    );
    assert!(problems.iter().all(|p| p.line >= 1 && p.col >= 1));
}

#[test]
fn ids_that_differ_only_by_case_or_normalisation_are_rejected_clearly() {
    let text = "(organizations: [
        (id: \"ibm\", name: \"IBM\", kind: company),
        (id: \"IBM\", name: \"IBM again\", kind: company),
        (id: \"caf\u{e9}\", name: \"NFC\", kind: company),
        (id: \"cafe\u{301}\", name: \"NFD\", kind: company),
    ])";
    let problems = load(text).unwrap_err();
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert_eq!(
        (problems[0].line, problems[1].line, problems[2].line),
        (3, 4, 5)
    );
    for p in &problems {
        assert!(
            p.message.contains("malformed id") && p.message.contains("kebab-case"),
            "{}",
            p.message
        );
    }
}

#[test]
fn a_missing_folder_and_an_unreadable_path_are_usage_errors() {
    let err = kb::load_path(std::path::Path::new("/no/such/place.ron")).unwrap_err();
    assert!(matches!(err, LoadError::Usage(_)));
    assert_eq!(err.exit_code(), 2);
}

/// Runs `check --kb dir`, killing it if it has not answered in 30 s (a hang is the failure).
fn check_within(dir: &std::path::Path) -> std::process::Output {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_alliances"))
        .args(["--no-cache", "--kb", dir.to_str().unwrap(), "check"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("check did not answer on {}", dir.display());
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_fifo_in_a_knowledge_base_folder_is_a_problem_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.ron"),
        r#"(organizations: [(id: "a", name: "A", kind: company)])"#,
    )
    .unwrap();
    let fifo = dir.path().join("x.ron");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = check_within(dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("x.ron: cannot read the file: not a regular file"),
        "{err}"
    );
}

#[test]
fn a_symlink_loop_is_read_once_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.ron"),
        r#"(organizations: [(id: "a", name: "A", kind: company)])"#,
    )
    .unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("self")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("again")).unwrap();
    let out = check_within(dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("a link to a folder it lies in (a loop)"),
        "{err}"
    );
    assert!(err.len() < 2000, "one problem, not one per path: {err}");
}

#[test]
fn two_links_to_one_folder_read_it_once_and_are_no_loop() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::write(
        shared.join("a.ron"),
        r#"(organizations: [(id: "a", name: "A", kind: company)])"#,
    )
    .unwrap();
    std::os::unix::fs::symlink(&shared, dir.path().join("one")).unwrap();
    std::os::unix::fs::symlink(&shared, dir.path().join("two")).unwrap();
    let out = check_within(dir.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 organization"),
        "read once, not three times"
    );
}

#[test]
fn human_output_is_cut_by_width_and_json_keeps_every_string_whole() {
    let dir = tempfile::tempdir().unwrap();
    let big = "N".repeat(20 << 20);
    let flood = format!("e{}", "\u{301}".repeat(100_000));
    let text = format!(
        r#"(
 organizations: [
  (id: "big", name: "{big}", kind: company, country: "US", sources: ["s1"]),
  (id: "flood", name: "{flood}", kind: company, country: "FR", sources: ["s1"]),
  (id: "ibm", name: "IBM", kind: company, country: "US", sources: ["s1"]),
 ],
 alliances: [
  (id: "a", name: "A", kind: industry, scope: international, summary: "S {flood}",
   members: [(org: "big"), (org: "ibm"), (org: "flood")], sources: ["s1"]),
  (id: "b", name: "B", kind: industry, scope: international, summary: "S",
   members: [(org: "ibm")], sources: ["s1"]),
 ],
 sources: [(id: "s1", title: "T", url: "https://example.com")],
)"#
    );
    std::fs::write(dir.path().join("kb.ron"), text).unwrap();
    let kb = dir.path().to_str().unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_alliances"))
            .args(["--no-cache", "--kb", kb])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        out.stdout
    };
    for args in [
        &["show", "a"][..],
        &["show", "big"],
        &["show", "flood"],
        &["path", "big", "b"],
        &["path", "flood", "b"],
        &["matrix"],
        &["orgs"],
        &["search", "n"],
    ] {
        let out = run(args);
        assert!(out.len() < 64 << 10, "{args:?} printed {} bytes", out.len());
    }
    // JSON is the data: every string exact.
    let json: serde_json::Value = serde_json::from_slice(&run(&["show", "big", "--json"])).unwrap();
    assert_eq!(json["name"].as_str().map(str::len), Some(20 << 20));
}
