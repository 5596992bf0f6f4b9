//! `orgs` and `claims`, the explorer's views as commands: the same filter terms and orders,
//! human and JSON output, and a bad term said with what is expected.

mod common;

use common::cli::{alliances, alliances_env, json, stderr, stdout};
use serde_json::Value;

fn field<'a>(rows: &'a Value, key: &str) -> Vec<&'a str> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r.pointer(key).and_then(Value::as_str).unwrap_or(""))
        .collect()
}

#[test]
fn orgs_lists_the_german_organisations_and_says_which_alliances() {
    let rows = json(&["orgs", "country:de", "--json"]);
    let all = rows.as_array().unwrap();
    assert_eq!(all.len(), 21);
    assert!(
        all.iter()
            .all(|r| r["country"] == "DE" && r["country_name"] == "Germany")
    );
    // Twenty are tied to an alliance today; each says which, with its tie.
    let tied: Vec<&Value> = all
        .iter()
        .filter(|r| !r["alliances"].as_array().unwrap().is_empty())
        .collect();
    assert_eq!(tied.len(), 20);
    let telekom = all.iter().find(|r| r["id"] == "deutsche-telekom").unwrap();
    assert_eq!(telekom["tie"], "founding member");
    let mut ties = field(&telekom["alliances"], "/id");
    ties.sort();
    assert_eq!(ties, ["global-telco-ai-alliance", "partnership-on-ai"]);
    // Sorted by name, as the explorer lists them.
    let names = field(&rows, "/name");
    assert_eq!(names[0], "Baden-Württemberg");
    // The human table has the same rows, a heading first.
    let text = stdout(&alliances(&["orgs", "country:de"]));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ID "), "{text}");
    assert_eq!(lines.len(), 22, "{text}");
    assert!(lines.iter().any(|l| l.starts_with("deutsche-telekom ")
        && l.contains("DE Germany")
        && l.contains("Global Telco AI Alliance, Partnership on AI")));
    // On a terminal, the count and how many are tied.
    let colour = alliances(&["--color", "always", "orgs", "country:de"]);
    assert!(
        stderr(&colour).contains("21/185 organisations · 20 tied to an alliance"),
        "{}",
        stderr(&colour)
    );
}

#[test]
fn orgs_combines_terms_sorts_and_reverses() {
    let leads = json(&["orgs", "in:ai-alliance", "role:lead", "--json"]);
    assert_eq!(field(&leads, "/id"), ["ibm", "meta"]);
    // A quoted name works as an id does.
    let by_name = json(&["orgs", "in:\"AI Alliance\"", "role:lead", "--json"]);
    assert_eq!(field(&by_name, "/id"), ["ibm", "meta"]);
    let spaced = json(&["orgs", "in:AI Alliance", "role:lead", "--json"]);
    assert_eq!(field(&spaced, "/id"), ["ibm", "meta"]);
    let many = json(&["orgs", "alliances:>1", "--sort", "alliances", "--json"]);
    let counts: Vec<usize> = many
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["alliances"].as_array().unwrap().len())
        .collect();
    assert!(
        counts.iter().all(|&n| n > 1) && counts.is_sorted_by(|a, b| a >= b),
        "{counts:?}"
    );
    let reversed = json(&[
        "orgs",
        "alliances:>1",
        "--sort",
        "alliances",
        "--reverse",
        "--json",
    ]);
    let mut back = field(&reversed, "/id");
    back.reverse();
    assert_eq!(back, field(&many, "/id"));
    // The article's day: the European AI Alliance still had its experts.
    let then = json(&[
        "--as-of",
        "article",
        "orgs",
        "in:european-ai-alliance",
        "--json",
    ]);
    let now = json(&["orgs", "in:european-ai-alliance", "--json"]);
    assert!(then.as_array().unwrap().len() > now.as_array().unwrap().len());
}

#[test]
fn claims_lists_the_wrong_ones_and_those_of_an_alliance() {
    let wrong = json(&["claims", "verdict:wrong", "--json"]);
    let all = wrong.as_array().unwrap();
    assert_eq!(all.len(), 2);
    assert!(all.iter().all(|c| c["verdict"] == "wrong"));
    assert!(
        all.iter()
            .all(|c| c["sources"].as_array().is_some_and(|s| !s.is_empty()))
    );
    assert!(all.iter().any(|c| {
        c["article"]
            .as_str()
            .unwrap()
            .contains("Brabant-Septentrional")
    }));
    let eu = json(&["claims", "in:european-ai-alliance", "--json"]);
    assert!(eu.as_array().unwrap().len() >= 5);
    assert!(
        eu.as_array()
            .unwrap()
            .iter()
            .all(|c| c["alliance"]["id"] == "european-ai-alliance")
    );
    // Words of the claims narrow too.
    let madrid = json(&["claims", "madrid", "--json"]);
    assert_eq!(madrid.as_array().unwrap().len(), 1);
    let text = stdout(&alliances(&["claims", "verdict:wrong"]));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("VERDICT "), "{text}");
    assert_eq!(lines.len(), 3);
    assert!(
        lines[2].starts_with("wrong ") && lines[2].contains("Brabant"),
        "{text}"
    );
}

#[test]
fn a_bad_filter_term_or_order_exits_2_with_what_is_expected() {
    let out = alliances(&["orgs", "cuntry:de"]);
    assert_eq!(out.status.code(), Some(2));
    let why = stderr(&out);
    assert!(
        why.contains("unknown field `cuntry:`: expected one of country:, kind:, in:, role:, status:, alliances:")
            && why.contains("did you mean `country`"),
        "{why}"
    );
    assert!(stdout(&out).is_empty());
    let out = alliances(&["claims", "verdict:false"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("expected one of confirmed, imprecise, wrong, unverified"),
        "{}",
        stderr(&out)
    );
    let out = alliances(&["orgs", "--sort", "founded"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("expected one of name, kind, country, alliances"));
    // A term of another list.
    let out = alliances(&["orgs", "verdict:wrong", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("does not apply to organisations"));
    // Nothing matched is no error of usage: exit 1, said on standard error.
    let out = alliances_env(
        &[
            "orgs",
            "country:de",
            "kind:company",
            "in:scottish-ai-alliance",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no organisation matches"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn path_related_and_show_take_names_as_well_as_ids() {
    let by_id = json(&["path", "meta", "scottish-ai-alliance", "--json"]);
    let by_name = json(&["path", "Meta", "Scottish AI Alliance", "--json"]);
    assert_eq!(by_id, by_name);
    assert_eq!(by_name["from"]["id"], "meta");
    assert_eq!(by_name["to"]["id"], "scottish-ai-alliance");
    // A misspelt name is said with a suggestion.
    let out = alliances(&["path", "Meta", "Scotish AI Aliance"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("did you mean scottish-ai-alliance"),
        "{}",
        stderr(&out)
    );
    // Counting shared focus areas as links gives a chain through one.
    let via = json(&[
        "path",
        "meta",
        "scottish-ai-alliance",
        "--via",
        "focus",
        "--json",
    ]);
    let kinds = field(&via["steps"], "/link/kind");
    assert!(kinds.contains(&"focus"), "{kinds:?}");
    let related = json(&["related", "Partnership on AI", "--json"]);
    assert_eq!(related["id"], "partnership-on-ai");
    let shown = json(&["show", "Partnership on AI", "--json"]);
    assert_eq!(shown["id"], "partnership-on-ai");
}

#[test]
fn search_shows_the_id_that_the_other_commands_take() {
    let text = stdout(&alliances(&["search", "telekom"]));
    let first = text.lines().next().unwrap();
    let id = first.split_whitespace().nth(1).unwrap();
    assert_eq!(id, "deutsche-telekom");
    let shown = json(&["show", id, "--json"]);
    assert_eq!(shown["name"], "Deutsche Telekom");
}

#[test]
fn the_readme_and_the_manual_describe_the_same_filter_terms() {
    let man = stdout(&alliances(&["man"]));
    let fields: Vec<&str> = man
        .lines()
        .filter_map(|l| l.strip_prefix("  ")?.split_once(':').map(|(f, _)| f))
        .filter(|f| f.chars().all(|c| c.is_ascii_lowercase()))
        .collect();
    assert!(fields.len() >= 10, "{fields:?}");
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = &readme[readme.find("### Filters").expect("a Filters section")..];
    for field in fields {
        assert!(
            section.contains(&format!("| `{field}:")),
            "{field} missing from the README"
        );
    }
}
