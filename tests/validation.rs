//! Every kind of bad input gets a message that names the file, line and column and says what
//! was expected. One small file per kind lives in `tests/data/`.

use alliances::kb::{self, LoadError, Problem};
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// The problems of a file that must not load.
fn problems(name: &str) -> Vec<Problem> {
    match kb::load_path(&data(name)) {
        Err(LoadError::Invalid(problems)) => problems,
        Err(LoadError::Usage(u)) => panic!("{name}: usage error {u}"),
        Ok(_) => panic!("{name} loaded"),
    }
}

/// The file's only problem is at `line:col` and its message contains each of `words`.
fn assert_problem(name: &str, line: usize, col: usize, words: &[&str]) {
    let found = problems(name);
    assert_eq!(found.len(), 1, "{name}: {found:#?}");
    let p = &found[0];
    assert!(p.file.ends_with(name), "{name}: reported as {}", p.file);
    assert_eq!((p.line, p.col), (line, col), "{name}: {}", p.message);
    for w in words {
        assert!(p.message.contains(w), "{name}: {:?} lacks {w:?}", p.message);
    }
    // The rendered form leads with file:line:col and quotes the offending line.
    let shown = p.to_string();
    let head = format!("{}:{line}:{col}: ", p.file);
    assert!(shown.starts_with(&head), "{shown}");
    assert!(shown.lines().count() == 3, "{shown}");
}

#[test]
fn ron_syntax_error_says_what_was_expected() {
    assert_problem(
        "syntax-missing-comma.ron",
        4,
        9,
        &["expected `,` between two items"],
    );
}

#[test]
fn unknown_field_lists_the_fields_and_suggests_one() {
    assert_problem(
        "unknown-field.ron",
        14,
        13,
        &[
            "unknown field `memebers` in an alliance",
            "expected one of id, name,",
            "did you mean `members`?",
        ],
    );
}

#[test]
fn unknown_enum_value_lists_the_values_and_suggests_one() {
    assert_problem(
        "unknown-enum.ron",
        14,
        42,
        &["unknown role `foundng`", "did you mean `founding`?"],
    );
}

#[test]
fn missing_field_is_named() {
    assert_problem(
        "missing-field.ron",
        3,
        34,
        &["missing field `name` in an organization"],
    );
}

#[test]
fn duplicate_id_points_at_both_definitions() {
    assert_problem(
        "duplicate-id.ron",
        5,
        14,
        &["duplicate organization id `ibm`", "duplicate-id.ron:3:14"],
    );
}

#[test]
fn unknown_reference_suggests_the_closest_id() {
    assert_problem(
        "unknown-reference.ron",
        14,
        43,
        &["unknown organization `nvidai`; did you mean `nvidia`?"],
    );
}

#[test]
fn malformed_date() {
    assert_problem(
        "bad-date.ron",
        12,
        22,
        &["malformed date \"2023-13-05\"", "month must be 01 to 12"],
    );
}

#[test]
fn malformed_country_code() {
    assert_problem(
        "bad-country.ron",
        3,
        86,
        &["unknown country code \"UK\"", "ISO 3166-1 alpha-2", "`GB`"],
    );
}

#[test]
fn empty_name() {
    assert_problem("empty-name.ron", 9, 19, &["empty name"]);
}

#[test]
fn malformed_id() {
    assert_problem(
        "bad-id.ron",
        8,
        17,
        &["malformed id \"AI Alliance\"", "kebab-case"],
    );
}

#[test]
fn member_listed_twice() {
    assert_problem(
        "member-twice.ron",
        16,
        23,
        &[
            "`ibm` is listed twice as a member of `ai-alliance`",
            "member-twice.ron:15:23",
        ],
    );
}

#[test]
fn member_and_absent_of_the_same_alliance() {
    assert_problem(
        "member-and-absent.ron",
        15,
        28,
        &["`nvidia` is both a member of `ai-alliance` and listed as absent from it"],
    );
}

#[test]
fn alliance_related_to_itself() {
    assert_problem("self-related.ron", 14, 34, &["related to itself"]);
}

#[test]
fn file_that_is_not_utf8() {
    assert_problem("not-utf8.ron", 3, 30, &["not valid UTF-8", "0xC9"]);
}

#[test]
fn empty_file() {
    assert_problem("empty.ron", 1, 1, &["the file is empty"]);
}

#[test]
fn a_bevy_scene_is_rejected_as_foreign_ron() {
    assert_problem(
        "foreign/bevy-scene.scn.ron",
        2,
        3,
        &["unknown field `resources`", "another program"],
    );
}

#[test]
fn a_key_map_is_rejected_as_foreign_ron() {
    assert_problem(
        "foreign/keymap.ron",
        3,
        5,
        &["unknown field `move_left`", "another program"],
    );
}

#[test]
fn a_folder_reports_every_file_problem_at_once() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["bad-date.ron", "bad-country.ron", "empty-name.ron"] {
        std::fs::copy(data(name), dir.path().join(name)).unwrap();
    }
    // Copies of the same organisations in several files are duplicates too.
    let err = kb::load_path(dir.path()).unwrap_err();
    let LoadError::Invalid(found) = err else {
        panic!("usage error")
    };
    let files: Vec<String> = found
        .iter()
        .map(|p| {
            Path::new(&p.file)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert!(files.contains(&"bad-date.ron".to_string()));
    assert!(files.contains(&"bad-country.ron".to_string()));
    assert!(files.contains(&"empty-name.ron".to_string()));
    assert!(
        found
            .iter()
            .any(|p| p.message.starts_with("duplicate alliance id `ai-alliance`"))
    );
}

#[test]
fn a_folder_merges_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(data("valid-minimal.ron")).unwrap();
    // Split the one-file knowledge base into two files that refer to each other.
    let (orgs, rest) = text.split_once("    alliances: [").unwrap();
    std::fs::write(dir.path().join("a-orgs.ron"), format!("{orgs})\n")).unwrap();
    std::fs::create_dir(dir.path().join("more")).unwrap();
    std::fs::write(
        dir.path().join("more/b.ron"),
        format!("(\n    alliances: [{rest}"),
    )
    .unwrap();
    let kb = kb::load_path(dir.path()).unwrap();
    assert_eq!(
        (kb.alliances.len(), kb.organizations.len(), kb.sources.len()),
        (1, 2, 1)
    );
}

#[test]
fn a_missing_path_is_a_usage_error() {
    let err = kb::load_path(&data("no-such-file.ron")).unwrap_err();
    assert_eq!(err.exit_code(), 2);
    assert!(err.to_string().contains("no such file or folder"), "{err}");
}

#[test]
fn a_folder_without_ron_files_is_invalid() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "hello").unwrap();
    let err = kb::load_path(dir.path()).unwrap_err();
    assert_eq!(err.exit_code(), 1);
}

#[test]
fn every_mistake_of_a_file_is_reported_in_one_run_with_its_place() {
    // A misspelt value, a country code that does not exist, a reference to a misspelt
    // organisation (the three), and more of each kind, in one file.
    let found = problems("many-mistakes.ron");
    let places: Vec<(usize, usize)> = found.iter().map(|p| (p.line, p.col)).collect();
    let at = |line: usize, col: usize, words: &str| {
        let p = found
            .iter()
            .find(|p| (p.line, p.col) == (line, col))
            .unwrap_or_else(|| panic!("nothing at {line}:{col}: {found:#?}"));
        assert!(p.message.contains(words), "{line}:{col}: {}", p.message);
        assert!(p.to_string().lines().count() == 3, "{p}");
    };
    at(4, 60, "unknown country code \"XX\"");
    at(5, 40, "unknown organization kind `compnay`");
    at(6, 40, "`\"company\"` is quoted");
    at(7, 36, "unknown organization kind `compny`");
    at(7, 46, "unknown field `colour`");
    at(13, 19, "unknown alliance kind `industri`");
    at(16, 29, "unknown organization `acmee`; did you mean `acme`?");
    at(16, 59, "unknown organization `nobody`");
    at(16, 81, "unknown field `rank` in a member");
    assert_eq!(found.len(), 9, "{places:?}");
    // In file order.
    let mut sorted = places.clone();
    sorted.sort();
    assert_eq!(places, sorted);
}
