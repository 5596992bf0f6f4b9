//! The views of the whole field in a real terminal: what the explorer lists is what the
//! commands print, and Enter opens what is listed.

mod common;

use common::cli::json;
use common::tmux::{Tmux, header};
use serde_json::Value;

/// The rows of the pane that starts the screen's panes (under the header, the row of views,
/// the pane's top border and, for a table, its headings), each cut where the pane ends.
fn pane_rows(screen: &str, skip: usize) -> Vec<&str> {
    screen
        .lines()
        .skip(skip)
        .filter_map(|line| {
            let row = line.strip_prefix('┃')?;
            let row = row.strip_prefix("▶ ").or_else(|| row.strip_prefix("  "))?;
            let end = row.find(['┃', '│', '█', '║']).unwrap_or(row.len());
            Some(&row[..end])
        })
        .filter(|row| !row.trim().is_empty())
        .collect()
}

/// The cells of column `n` of the rows, columns being two spaces or more apart.
fn column(rows: &[&str], n: usize) -> Vec<String> {
    rows.iter()
        .filter_map(|row| {
            row.split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .nth(n)
                .map(str::to_string)
        })
        .collect()
}

fn names(rows: &Value, key: &str) -> Vec<String> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r.pointer(key).and_then(Value::as_str).unwrap().to_string())
        .collect()
}

#[test]
fn the_german_organisations_of_the_explorer_are_those_the_command_lists() {
    let listed = json(&["orgs", "country:de", "--json"]);
    let expected = names(&listed, "/name");
    assert!(expected.len() > 10, "{expected:?}");
    let t = Tmux::start("orgs", 200, 50, "");
    t.wait_text("Alliances (9)");
    t.send(&["2"]);
    t.wait_text("Organisations (185)");
    t.send(&["f"]);
    t.tmux(&["send-keys", "-t", "main", "-l", "country:de"]);
    t.send(&["Enter"]);
    let title = format!("Organisations ({}/185)", expected.len());
    let screen = t.wait_for("the German organisations", |s| {
        s.contains(&title) && !s.contains("Filter:")
    });
    assert_eq!(column(&pane_rows(&screen, 4), 0), expected, "{screen}");
    // Enter opens the first one.
    t.send(&["Enter"]);
    let opened = t.wait_text("Alliances and links");
    assert!(
        header(&opened).ends_with(&format!("› {}", expected[0])),
        "{opened}"
    );
    t.send(&["q"]);
    t.wait_text("EXIT=0");
}

#[test]
fn the_wrong_claims_of_the_explorer_are_the_knowledge_base_s() {
    // Every claim of the knowledge base marked wrong, from its export.
    let kb = json(&["export"]);
    let mut wrong = 0;
    for alliance in kb["alliances"].as_array().unwrap() {
        for claim in alliance["claims"].as_array().into_iter().flatten() {
            wrong += usize::from(claim["verdict"] == "wrong");
        }
    }
    let listed = json(&["claims", "verdict:wrong", "--json"]);
    assert_eq!(listed.as_array().unwrap().len(), wrong);
    assert!(wrong > 0);
    let t = Tmux::start("claims", 200, 50, "");
    t.wait_text("Alliances (9)");
    t.send(&["4", "f"]);
    t.tmux(&["send-keys", "-t", "main", "-l", "verdict:wrong"]);
    t.send(&["Enter"]);
    let title = format!("Claims ({wrong}/");
    let screen = t.wait_for("the wrong claims", |s| {
        s.contains(&title) && !s.contains("Filter:")
    });
    let rows = pane_rows(&screen, 4);
    assert_eq!(column(&rows, 0), vec!["wrong"; wrong], "{screen}");
    assert_eq!(column(&rows, 1), names(&listed, "/alliance/name"));
    t.send(&["q"]);
    t.wait_text("EXIT=0");
}

#[test]
fn the_path_from_meta_to_the_scottish_ai_alliance_is_the_one_the_command_prints() {
    let path = json(&["path", "meta", "scottish-ai-alliance", "--json"]);
    let mut expected = vec![path["from"]["name"].as_str().unwrap().to_string()];
    expected.extend(names(&path["steps"], "/name"));
    let t = Tmux::start("path", 200, 50, "--open meta");
    t.wait_text("Alliances and links");
    t.send(&["p"]);
    t.wait_text("Path to");
    t.tmux(&["send-keys", "-t", "main", "-l", "Scottish AI Alliance"]);
    t.send(&["Enter"]);
    let screen = t.wait_text("Path: Meta → Scottish AI Alliance");
    assert_eq!(column(&pane_rows(&screen, 3), 0), expected, "{screen}");
    // Each step with its reason, as the command gives it.
    for step in path["steps"].as_array().unwrap() {
        let reason = step["link"]["text"].as_str().unwrap();
        let start: String = reason.chars().take(20).collect();
        assert!(screen.contains(&start), "{start} in\n{screen}");
    }
    // Enter opens a step; back returns to the path.
    t.send(&["j", "Enter"]);
    t.wait_for("the first step", |s| {
        header(s).ends_with(&format!("› {}", expected[1]))
    });
    t.send(&["BSpace"]);
    t.wait_text("Path: Meta → Scottish AI Alliance");
    t.send(&["q"]);
    t.wait_text("EXIT=0");
}

#[test]
fn the_matrix_cell_of_the_ai_alliance_and_the_partnership_compares_them() {
    let t = Tmux::start("matrix", 120, 40, "");
    t.wait_text("Alliances (9)");
    t.send(&["5"]);
    t.wait_text("Matrix: organisations two alliances share (9×9)");
    t.send(&["l", "l", "l", "l"]);
    t.wait_text("AI Alliance × Partnership on AI: 5 organisations in both");
    t.send(&["Enter"]);
    let screen = t.wait_text("In both (5)");
    for name in ["IBM", "Intel", "Meta", "Sony Group", "University of Tokyo"] {
        assert!(screen.contains(name), "{name}:\n{screen}");
    }
    assert!(
        header(&screen).ends_with("Matrix › AI Alliance ⇄ Partnership on AI"),
        "{screen}"
    );
}
