//! The scripting commands through the real binary: human and JSON output (JSON parsed back and
//! checked for content), exit codes, suggestions, and no escape bytes when piped.

mod common;

use common::cli::{alliances, alliances_env, data, ids, json, stderr, stdout};
use serde_json::Value;

#[test]
fn list_prints_an_aligned_table() {
    let out = alliances(&["list"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 10);
    assert!(
        lines[0].starts_with("ID") && lines[0].contains("NAME") && lines[0].ends_with("MEMBERS")
    );
    // Every row's name starts in the header's NAME column.
    let col = lines[0].find("NAME").unwrap();
    for line in &lines[1..] {
        assert_ne!(&line[col..col + 1], " ", "{line}");
        assert_eq!(&line[col - 2..col], "  ", "{line}");
    }
    assert!(text.contains("ai-alliance") && text.contains("85"));
}

#[test]
fn list_columns_align_by_display_width() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cjk.ron");
    std::fs::write(
        &file,
        r#"(alliances: [
            (id: "a", name: "글로벌 텔코 AI 얼라이언스", kind: industry, scope: international, founded: "2023", summary: "s"),
            (id: "b", name: "École", kind: academic, scope: national, founded: "2020", summary: "s"),
        ])"#,
    )
    .unwrap();
    let out = alliances(&["list", "--kb", file.to_str().unwrap()]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let header_kind =
        unicode_width::UnicodeWidthStr::width(&lines[0][..lines[0].find("KIND").unwrap()]);
    let row_kind = |line: &str, kind: &str| {
        unicode_width::UnicodeWidthStr::width(&line[..line.find(kind).unwrap()])
    };
    assert_eq!(row_kind(lines[1], "industry"), header_kind, "{text}");
    assert_eq!(row_kind(lines[2], "academic"), header_kind, "{text}");
}

#[test]
fn list_filters_and_json() {
    let all = json(&["list", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), 9);
    let aia = &all[0];
    assert_eq!(aia["id"], "ai-alliance");
    assert_eq!(aia["kind"], "industry");
    assert_eq!(aia["founded"], "2023-12-05");
    assert_eq!(aia["members"], 85);
    assert_eq!(aia["leads"], serde_json::json!(["ibm", "meta"]));
    assert_eq!(
        ids(&json(&["list", "--kind", "industry", "--json"])),
        ["ai-alliance", "global-telco-ai-alliance"]
    );
    assert_eq!(
        ids(&json(&["list", "--kind", "multi-stakeholder", "--json"])),
        ["partnership-on-ai"]
    );
    let korea = ids(&json(&["list", "--country", "kr", "--json"]));
    assert_eq!(korea, ["global-telco-ai-alliance"]);
    let policy = ids(&json(&["list", "--focus", "ai-policy", "--json"]));
    assert_eq!(
        policy,
        ["ai-alliance", "edsafe-ai-alliance", "european-ai-alliance"]
    );
    let bad = alliances(&["list", "--focus", "ai-polcy"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("did you mean `ai-policy`?"),
        "{}",
        stderr(&bad)
    );
    assert_eq!(
        alliances(&["list", "--country", "XX"]).status.code(),
        Some(2)
    );
    assert_eq!(
        alliances(&["list", "--kind", "party"]).status.code(),
        Some(2)
    );
}

#[test]
fn show_resolves_names_as_text() {
    let out = alliances(&["show", "ai-alliance"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("AI Alliance\n"), "{text}");
    assert!(text.contains("Leads     IBM, Meta"));
    assert!(text.contains("Founding members (57)"));
    assert!(text.contains("Notable absences (8)"));
    assert!(text.contains("[WRONG]") || text.contains("[IMPRECISE]"));
    let nvidia = stdout(&alliances(&["show", "nvidia"]));
    assert!(nvidia.contains("Alliances and links (2)"), "{nvidia}");
    assert!(nvidia.contains("United AI Alliance  lead"));
    assert!(nvidia.contains("AI Alliance         absent: not a member"));
}

#[test]
fn show_json_for_each_kind_of_entity() {
    let aia = json(&["show", "ai-alliance", "--json"]);
    assert_eq!(aia["type"], "alliance");
    assert_eq!(aia["members"][0]["org"], "ibm");
    assert_eq!(aia["members"][0]["name"], "IBM");
    assert_eq!(aia["members"][0]["country"], "US");
    assert_eq!(aia["leads"][1]["name"], "Meta");
    assert_eq!(aia["absent"][0]["name"], "NVIDIA");
    assert_eq!(aia["data"]["founded"], "2023-12-05");
    let pai = &aia["related"][0];
    assert_eq!(pai["alliance"], "partnership-on-ai");
    let kinds: Vec<&str> = pai["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"declared") && kinds.contains(&"shared_members"),
        "{kinds:?}"
    );

    let nvidia = json(&["show", "nvidia", "--json"]);
    assert_eq!(nvidia["type"], "organization");
    assert_eq!(nvidia["alliances"][0]["id"], "united-ai-alliance");
    assert_eq!(nvidia["alliances"][1]["absent"], true);
    let sbi = json(&["show", "sb-intuitions", "--json"]);
    assert_eq!(sbi["parent"]["name"], "SoftBank Corp.");

    let focus = json(&["show", "ai-policy", "--json"]);
    assert_eq!(focus["type"], "focus_area");
    assert_eq!(focus["alliances"].as_array().unwrap().len(), 3);

    let sd = json(&["show", "stable-diffusion", "--json"]);
    assert_eq!(sd["type"], "artifact");
    assert_eq!(sd["origin"][0]["id"], "stability-ai");
    assert_eq!(
        sd["origin"][0]["alliances"],
        serde_json::json!(["ai-alliance"])
    );

    // The Partnership on AI is an alliance and an organisation.
    let both = alliances(&["show", "partnership-on-ai", "--json"]);
    assert!(stderr(&both).contains("also the id of an organization (use --kind org)"));
    let org = json(&["show", "partnership-on-ai", "--kind", "org", "--json"]);
    assert_eq!(org["type"], "organization");
}

#[test]
fn an_unknown_id_exits_1_with_the_closest_ids() {
    let out = alliances(&["show", "ai-aliance"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("no alliance, organization, focus area or artifact has the id `ai-aliance`"),
        "{err}"
    );
    assert!(err.contains("did you mean ai-alliance?"), "{err}");
    let out = alliances(&["related", "nvidia"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is an organization"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn search_ranks_like_the_explorer() {
    let hits = json(&["search", "partnership", "on", "ai", "--json"]);
    assert_eq!(hits[0]["type"], "alliance");
    assert_eq!(hits[0]["id"], "partnership-on-ai");
    assert_eq!(hits[0]["tier"], "exact");
    assert_eq!(hits[1]["type"], "organization");

    let ecole = json(&["search", "ecole", "--kind", "org", "--json"]);
    assert_eq!(ecole[0]["id"], "epfl");
    assert_eq!(
        ecole[0]["matched"],
        "École polytechnique fédérale de Lausanne"
    );
    assert_eq!(ecole[0]["positions"], serde_json::json!([0, 1, 2, 3, 4]));
    assert_eq!(ecole[0]["alliances"][0]["tie"], "founding member");

    let limited = json(&["search", "univ", "--limit", "3", "--json"]);
    assert_eq!(limited.as_array().unwrap().len(), 3);
    let all = json(&["search", "univ", "--limit", "0", "--json"]);
    assert!(all.as_array().unwrap().len() > 20);

    let text = stdout(&alliances(&["search", "nvidia"]));
    let first = text.lines().next().unwrap();
    // The id that `show`, `path` and `related` take, then the name, country and ties.
    assert!(first.starts_with("organization  nvidia  NVIDIA"), "{first}");
    assert!(
        first.contains("US · United AI Alliance (lead); AI Alliance (absent: not a member)"),
        "{first}"
    );

    let none = alliances(&["search", "zzqqxx"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(stderr(&none).contains("no match"));
    let none = alliances(&["search", "zzqqxx", "--json"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&none.stdout).trim(), "[]");
}

#[test]
fn search_lines_up_the_alliances_of_its_hits() {
    // Names of every length, some matched through another name shown in brackets.
    let text = stdout(&alliances(&["search", "ecole", "--limit", "6"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "{text}");
    assert!(
        lines[0].starts_with(
            "organization  epfl                     EPFL (École polytechnique fédérale de Lausanne)  "
        ),
        "{text}"
    );
    // Where each hit's alliances start, in columns.
    let columns: Vec<usize> = lines
        .iter()
        .map(|line| {
            let at = line.rfind("  ").unwrap() + 2;
            unicode_width::UnicodeWidthStr::width(&line[..at])
        })
        .collect();
    assert!(
        columns.iter().all(|&c| c == columns[0]),
        "{columns:?}\n{text}"
    );
    for line in &lines {
        assert!(line.contains("Alliance ("), "{line}");
    }
}

#[test]
fn related_with_reasons_and_depth() {
    let one = json(&["related", "partnership-on-ai", "--json"]);
    assert_eq!(one["id"], "partnership-on-ai");
    let first = &one["related"][0];
    assert_eq!(first["id"], "ai-alliance");
    assert_eq!(first["depth"], 1);
    let texts: Vec<&str> = first["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    // IBM and Meta are founding members of both; only the AI Alliance has them as leads.
    assert!(
        texts.contains(&"5 shared members: IBM, Intel, Meta, Sony Group, University of Tokyo"),
        "{texts:?}"
    );

    let two = json(&[
        "related",
        "ki-allianz-rheinland-pfalz",
        "--depth",
        "2",
        "--json",
    ]);
    let related = two["related"].as_array().unwrap();
    let depth2: Vec<&Value> = related.iter().filter(|r| r["depth"] == 2).collect();
    assert!(!depth2.is_empty());
    assert!(depth2.iter().all(|r| r["via"]["id"].is_string()));
    let ids: Vec<&str> = related.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids.len(), unique.len());

    let text = stdout(&alliances(&["related", "ai-alliance"]));
    assert!(
        text.starts_with("AI Alliance (ai-alliance): 7 related alliances"),
        "{text}"
    );
    assert!(
        text.contains("  · 5 shared members: IBM, Intel, Meta, Sony Group, University of Tokyo")
    );
    assert_eq!(
        alliances(&["related", "ai-alliance", "--depth", "0"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn path_from_the_telco_alliance_to_the_ai_alliance() {
    let doc = json(&["path", "global-telco-ai-alliance", "ai-alliance", "--json"]);
    assert_eq!(doc["from"]["id"], "global-telco-ai-alliance");
    assert_eq!(doc["to"]["id"], "ai-alliance");
    let steps: Vec<&str> = doc["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    let through_dt = steps == ["deutsche-telekom", "partnership-on-ai", "ai-alliance"];
    let through_softbank = steps == ["softbank", "sb-intuitions", "ai-alliance"];
    assert!(through_dt || through_softbank, "{steps:?}");
    for step in doc["steps"].as_array().unwrap() {
        assert!(!step["link"]["text"].as_str().unwrap().is_empty());
    }
    let text = stdout(&alliances(&[
        "path",
        "global-telco-ai-alliance",
        "ai-alliance",
    ]));
    assert!(text.starts_with("Global Telco AI Alliance"), "{text}");
    assert!(text.contains("  → AI Alliance"), "{text}");
    assert!(text.trim_end().ends_with("3 links"), "{text}");
}

#[test]
fn no_path_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("two.ron");
    std::fs::write(
        &file,
        r#"(organizations: [(id: "a", name: "A", kind: company), (id: "b", name: "B", kind: company)],
            alliances: [(id: "x", name: "X", kind: industry, scope: national, summary: "s", members: [(org: "a")]),
                        (id: "y", name: "Y", kind: industry, scope: national, summary: "s", members: [(org: "b")])])"#,
    )
    .unwrap();
    let out = alliances(&["path", "x", "y", "--kb", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no chain"), "{}", stderr(&out));
}

#[test]
fn nothing_written_to_a_pipe_contains_escape_codes() {
    let hostile = data("hostile.ron");
    let commands: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["show", "evil-alliance"],
        vec!["show", "evil-org"],
        vec!["show", "c1-org"],
        vec!["search", "evil"],
        vec!["search", "c1"],
        vec!["related", "evil-alliance"],
        vec!["path", "evil-org", "c1-org"],
        vec!["check"],
    ];
    for args in &commands {
        let mut full = args.clone();
        full.extend(["--kb", &hostile]);
        let out = alliances(&full);
        let text = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
            assert!(!text.contains(bad), "{args:?} wrote {bad:?}: {text:?}");
        }
        assert!(!text.is_empty(), "{args:?}");
    }
    // The built-in knowledge base, with colour left to auto: a pipe gets none.
    for args in [
        vec!["list"],
        vec!["show", "ai-alliance"],
        vec!["search", "intel"],
        vec!["related", "ai-alliance"],
    ] {
        let out = alliances(&args);
        assert!(!out.stdout.contains(&0x1b), "{args:?}");
    }
}

#[test]
fn json_keeps_hostile_text_exactly() {
    let out = alliances(&[
        "show",
        "evil-alliance",
        "--json",
        "--kb",
        &data("hostile.ron"),
    ]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["name"], "Evil\u{1b}]2;pwned-title\u{7} Alliance");
    assert!(!out.stdout.contains(&0x1b), "escaped by JSON, not raw");
}

#[test]
fn colour_always_paints_and_never_forwards_escapes_from_data() {
    let out = alliances(&["list", "--color", "always", "--kb", &data("hostile.ron")]);
    let text = stdout(&out);
    assert!(text.contains("\u{1b}[1m"), "{text:?}");
    assert!(!text.contains("\u{1b}]"), "{text:?}");
    let out = alliances_env(&["list"], &[("NO_COLOR", "1")]);
    assert!(!out.stdout.contains(&0x1b));
    let out = alliances_env(&["list", "--color", "never"], &[]);
    assert!(!out.stdout.contains(&0x1b));
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let out = alliances(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = stdout(&out);
        assert!(
            text.contains("alliances") && text.contains("COMPLETE"),
            "{shell}"
        );
    }
    // The commands themselves complete too.
    assert_eq!(complete(&["alliances", "sea"], 1), ["search"]);
    let man = stdout(&alliances(&["man"]));
    assert!(man.contains(".TH alliances"), "{man}");
    assert!(man.contains("search"));
    assert_eq!(
        alliances(&["completions", "powershell"]).status.code(),
        Some(2)
    );
}

#[test]
fn open_with_an_unknown_id_fails_before_the_terminal() {
    // Both are said; without a terminal it is a usage error, as the README's table has it.
    let out = alliances(&["--open", "nvidai"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean nvidia?") && stderr(&out).contains("needs a terminal"),
        "{}",
        stderr(&out)
    );
    // Without a terminal the explorer refuses, as a usage error.
    let out = alliances(&["--open", "nvidia"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("needs a terminal"));
}

#[test]
fn a_query_of_thousands_of_terms_costs_what_sixteen_do() {
    // Repeated terms count once: the same hits as the term alone.
    let repeated: Vec<String> = std::iter::repeat_n("ibm".to_string(), 10_000).collect();
    let mut args = vec!["search", "--json"];
    args.extend(repeated.iter().map(String::as_str));
    let out = alliances(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let alone = json(&["search", "--json", "ibm"]);
    let hits: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ids(&hits), ids(&alone));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    // Different terms past the sixteenth are not searched, and stderr says so.
    let many: Vec<String> = (0..3_000).map(|n| format!("t{n}")).collect();
    let mut args = vec!["search"];
    args.extend(many.iter().map(String::as_str));
    let out = alliances(&args);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("only the first 16 different terms were searched (2,984 more ignored)"),
        "{err}"
    );
    // The query is quoted by its beginning, not whole.
    assert!(err.len() < 1_000, "{err}");
}

#[test]
fn every_bad_flag_value_is_a_usage_error() {
    for args in [
        &["list", "--country", "Germania"][..],
        &["list", "--country", "XX"],
        &["list", "--focus", "nosuch"],
        &["list", "--kind", "foo"],
        &["orgs", "--sort", "foo"],
        &["claims", "--sort", "foo"],
        &["search", "ibm", "--kind", "foo"],
        &["search", "ibm", "--limit", "-1"],
        &["show", "ibm", "--format", "foo"],
        &["related", "ai-alliance", "--depth", "0"],
        &["path", "ai-alliance", "ibm", "--via", "foo"],
        &["--as-of", "2020-13", "list"],
        &["--color", "sometimes", "list"],
        &["--theme", "sepia", "list"],
        &["orgs", "country:xx"],
        &["timeline", "kind:foo"],
        &["map", "in:nosuch"],
    ] {
        let out = alliances(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("error"), "{args:?}: {}", stderr(&out));
    }
    // A country's name in English is a value --country takes, as the filters do.
    let german = json(&["list", "--country", "Germany", "--json"]);
    let by_code = json(&["list", "--country", "de", "--json"]);
    assert_eq!(ids(&german), ids(&by_code));
    assert!(!ids(&german).is_empty());
}

#[test]
fn the_manual_page_renders_with_man_and_names_the_keys_and_no_missing_page() {
    let page = alliances(&["man"]);
    assert!(page.status.success());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("alliances.1");
    std::fs::write(&file, &page.stdout).unwrap();
    // `man` is installed by .ci/run; it renders the page as a reader sees it.
    let shown = std::process::Command::new("man")
        .args(["--warnings", "-l"])
        .arg(&file)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .output()
        .expect("man is installed (.ci/run installs man-db)");
    let text = String::from_utf8_lossy(&shown.stdout);
    let warnings = String::from_utf8_lossy(&shown.stderr);
    assert!(shown.status.success(), "{warnings}");
    assert!(warnings.trim().is_empty(), "{warnings}");
    for heading in [
        "COMMANDS",
        "KEYS",
        "FILTERS",
        "FILES",
        "ENVIRONMENT",
        "EXIT STATUS",
        "EXAMPLES",
    ] {
        assert!(text.lines().any(|l| l == heading), "{heading}");
    }
    // The keys, as bound, with what they do.
    assert!(text.contains("search members"), "{text}");
    assert!(text.contains("Ctrl-p"), "{text}");
    // Every command is on this page: it sends the reader to no other.
    assert!(!text.contains("alliances-check(1)"), "{text}");
    for command in ["alliances check", "alliances path", "alliances timeline"] {
        assert!(text.contains(command), "{command}");
    }
}

/// What the shell's completion gets for `words` (the word at `index` being completed), as
/// clap's bash registration asks the binary for it.
fn complete(words: &[&str], index: usize) -> Vec<String> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_alliances"))
        .env("COMPLETE", "bash")
        .env("_CLAP_IFS", "\n")
        .env("_CLAP_COMPLETE_INDEX", index.to_string())
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).lines().map(str::to_string).collect()
}

#[test]
fn the_shell_completes_ids_of_the_knowledge_base_named() {
    let show = complete(&["alliances", "show", "ai"], 2);
    assert!(show.contains(&"ai-alliance".to_string()), "{show:?}");
    assert!(show.iter().all(|c| c.starts_with("ai")), "{show:?}");
    let path = complete(&["alliances", "path", "ibm", "scot"], 3);
    assert_eq!(path, ["scottish-ai-alliance", "scottish-government"]);
    let related = complete(&["alliances", "related", "edsafe"], 2);
    assert_eq!(related, ["edsafe-ai-alliance"]);
    let open = complete(&["alliances", "--open", "nvid"], 2);
    assert_eq!(open, ["nvidia"]);
    let country = complete(&["alliances", "list", "--country", "d"], 3);
    assert!(country.contains(&"de".to_string()), "{country:?}");
    // With --kb, that knowledge base's ids.
    let kb = data("valid-minimal.ron");
    let mine = complete(&["alliances", "--kb", &kb, "show", ""], 4);
    let ids: Vec<&String> = mine.iter().filter(|c| !c.starts_with('-')).collect();
    assert_eq!(ids, ["ai-alliance", "ibm", "nvidia"]);
    // The registration script for each shell names the binary that answers.
    for shell in ["bash", "zsh", "fish"] {
        let script = alliances(&["completions", shell]);
        assert!(script.status.success());
        assert!(stdout(&script).contains("COMPLETE"), "{shell}");
    }
}
