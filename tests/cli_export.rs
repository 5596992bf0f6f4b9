//! Tables out of the commands: `--format csv|markdown` on every listing, `export --format csv
//! --out DIR`, `init DIR`; hostile text never reaches a cell as a control character or a
//! formula.

mod common;

use common::cli::{alliances, stderr, stdout};

fn records(csv: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn every_listing_command_writes_csv_and_markdown() {
    for args in [
        &["list"][..],
        &["orgs", "country:de"],
        &["claims", "verdict:wrong"],
        &["search", "ibm"],
        &["related", "ai-alliance"],
        &["show", "ai-alliance"],
        &["show", "ibm"],
        &["path", "meta", "scottish-ai-alliance"],
    ] {
        let csv = alliances(&[args, &["--format", "csv"]].concat());
        assert!(csv.status.success(), "{args:?}: {}", stderr(&csv));
        let rows = records(&stdout(&csv));
        assert!(!rows.is_empty(), "{args:?}");
        let md = stdout(&alliances(&[args, &["--format", "markdown"]].concat()));
        let lines: Vec<&str> = md.lines().collect();
        assert!(lines[1].starts_with("| --- |"), "{args:?}: {md}");
        assert_eq!(lines.len(), rows.len() + 2, "{args:?}: one line per row");
    }
}

#[test]
fn the_csv_of_the_german_organisations_has_their_ids_and_countries() {
    let rows = records(&stdout(&alliances(&[
        "orgs",
        "country:de",
        "--format",
        "csv",
    ])));
    assert!(rows.iter().all(|r| r[3].starts_with("DE ")), "{rows:?}");
    assert!(
        rows.iter()
            .any(|r| r[0] == "deutsche-telekom" && r[1] == "Deutsche Telekom")
    );
    // --json stays a synonym of --format json.
    let a = stdout(&alliances(&["orgs", "country:de", "--json"]));
    let b = stdout(&alliances(&["orgs", "country:de", "--format", "json"]));
    assert_eq!(a, b);
    assert!(
        !alliances(&["orgs", "--json", "--format", "csv"])
            .status
            .success()
    );
}

#[test]
fn a_member_table_keeps_the_dates_of_former_members() {
    let rows = records(&stdout(&alliances(&[
        "show",
        "european-ai-alliance",
        "--format",
        "csv",
    ])));
    assert!(
        rows.iter().any(|r| r[0] == "ai-hleg" && r[6] == "2020-07"),
        "{rows:?}"
    );
}

#[test]
fn export_writes_one_csv_per_collection_and_init_gives_files_that_export_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("csv");
    let run = alliances(&["export", "--format", "csv", "--out", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "alliances.csv",
            "artifacts.csv",
            "claims.csv",
            "facts.csv",
            "focus_areas.csv",
            "leads.csv",
            "members.csv",
            "organizations.csv",
            "sources.csv"
        ]
    );
    let orgs = records(&std::fs::read_to_string(out.join("organizations.csv")).unwrap());
    let json: serde_json::Value = serde_json::from_str(&stdout(&alliances(&["export"]))).unwrap();
    assert_eq!(orgs.len(), json["organizations"].as_array().unwrap().len());

    let kb = dir.path().join("kb");
    let init = alliances(&["init", kb.to_str().unwrap()]);
    assert!(init.status.success(), "{}", stderr(&init));
    assert!(
        stderr(&init).contains("alliances --kb"),
        "{}",
        stderr(&init)
    );
    let check = alliances(&["--kb", kb.to_str().unwrap(), "check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert_eq!(
        stdout(&alliances(&["--kb", kb.to_str().unwrap(), "export"])),
        stdout(&alliances(&["export"]))
    );
    // A folder with something in it is refused, and nothing in it changes.
    let again = alliances(&["init", kb.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("is not empty"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn hostile_names_leave_no_control_character_and_no_formula_in_a_cell() {
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("hostile.ron");
    std::fs::write(
        &kb,
        r#"(
    alliances: [(
        id: "al",
        name: "=HYPERLINK(\"http://evil\")",
        kind: industry,
        scope: international,
        summary: "s",
        members: [(org: "evil"), (org: "plus")],
    )],
    organizations: [
        (id: "evil", name: "Evil\u{1b}]52;c;cHduZWQ=\u{7} Corp\nnext", kind: company),
        (id: "plus", name: "+1 Org", kind: company),
        (id: "at", name: "@SUM(A1)", kind: company),
    ],
)"#,
    )
    .unwrap();
    let kb = kb.to_str().unwrap();
    for args in [
        &["orgs", "--format", "csv"][..],
        &["list", "--format", "csv"],
        &["show", "al", "--format", "csv"],
        &["orgs", "--format", "markdown"],
    ] {
        let out = alliances(&[&["--kb", kb][..], args].concat());
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\r'),
            "{args:?}: {text:?}"
        );
        if args[args.len() - 1] == "csv" {
            for cell in records(&text).iter().flatten() {
                assert!(!cell.starts_with(['=', '+', '-', '@']), "{args:?}: {cell}");
            }
        }
    }
    let dir_out = dir.path().join("out");
    let run = alliances(&[
        "--kb",
        kb,
        "export",
        "--format",
        "csv",
        "--out",
        dir_out.to_str().unwrap(),
    ]);
    assert!(run.status.success());
    let orgs = std::fs::read_to_string(dir_out.join("organizations.csv")).unwrap();
    assert!(orgs.contains("'+1 Org"), "{orgs}");
    assert!(orgs.contains("Evil]52;c;cHduZWQ= Corp next"), "{orgs}");
}
