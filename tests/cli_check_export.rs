//! `check` and `export` through the real binary: output, JSON shape and exit codes.

use std::process::{Command, Output};

fn alliances(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alliances"))
        // Never the user's own cache.
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn data(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

#[test]
fn check_summarises_the_built_in_knowledge_base() {
    let out = alliances(&["check"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("ok: 9 alliances, 185 organizations, "),
        "{stdout}"
    );
    assert!(
        stdout.contains(" memberships, 15 focus areas, 14 artifacts, 304 sources"),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 1);
}

#[test]
fn check_on_invalid_data_exits_1_with_positions() {
    let out = alliances(&["check", "--kb", &data("unknown-reference.ron")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("unknown-reference.ron:14:43: unknown organization `nvidai`"),
        "{stderr}"
    );
    assert!(stderr.contains("error: 1 problem in "), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn foreign_ron_exits_1() {
    for file in ["foreign/bevy-scene.scn.ron", "foreign/keymap.ron"] {
        let out = alliances(&["check", "--kb", &data(file)]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert!(text(&out.stderr).contains("another program"), "{file}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let missing = alliances(&["check", "--kb", &data("no-such.ron")]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("cannot open knowledge base"));
    assert_eq!(
        alliances(&["check", "--no-such-flag"]).status.code(),
        Some(2)
    );
    assert_eq!(
        alliances(&["export", "--format", "xml"]).status.code(),
        Some(2)
    );
    assert_eq!(alliances(&["frobnicate"]).status.code(), Some(2));
}

/// The element of a JSON array whose `id` is `id`.
fn by_id<'a>(array: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    array
        .as_array()
        .and_then(|items| items.iter().find(|item| item["id"] == id))
        .unwrap_or_else(|| panic!("no element with id {id}"))
}

#[test]
fn export_json_keeps_the_ron_field_names() {
    let out = alliances(&["export", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    for key in [
        "alliances",
        "organizations",
        "focus_areas",
        "artifacts",
        "sources",
    ] {
        assert!(json[key].is_array(), "{key}");
    }
    let aia = by_id(&json["alliances"], "ai-alliance");
    assert_eq!(aia["leads"], serde_json::json!(["ibm", "meta"]));
    assert_eq!(aia["founded"], "2023-12-05");
    assert_eq!(aia["members"][0]["org"], "ibm");
    assert_eq!(aia["members"][0]["role"], "founding");
    assert_eq!(aia["absent"][0]["org"], "nvidia");
    assert_eq!(aia["related"][0]["alliance"], "partnership-on-ai");
    assert!(aia["claims"][0]["verdict"].is_string());
    let ray = by_id(&json["artifacts"], "ray");
    assert_eq!(
        ray["origin"],
        serde_json::json!(["uc-berkeley-riselab", "anyscale"])
    );
    let s1 = json["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "s1")
        .unwrap();
    assert!(
        s1["where"]
            .as_str()
            .unwrap()
            .contains("The-AI-Alliance/website")
    );
}

#[test]
fn export_of_a_user_file_round_trips_its_content() {
    let out = alliances(&["export", "--kb", &data("valid-minimal.ron")]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["alliances"][0]["members"][0]["org"], "ibm");
    assert_eq!(json["alliances"][0]["absent"][0]["note"], "Not a member.");
    assert_eq!(json["organizations"].as_array().unwrap().len(), 2);
}

#[test]
fn export_of_invalid_data_prints_nothing_and_exits_1() {
    let out = alliances(&["export", "--kb", &data("bad-date.ron")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}
