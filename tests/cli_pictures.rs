//! The pictures as commands: `matrix`, `timeline` and `map`, their JSON parsed back.

mod common;

use common::cli::{alliances, json, stderr, stdout};
use serde_json::Value;

#[test]
fn the_matrix_is_symmetric_and_its_diagonal_is_each_alliance_s_member_count() {
    let m = json(&["matrix", "--json"]);
    let ids: Vec<&str> = m["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let cells: Vec<Vec<u64>> = m["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r.as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_u64().unwrap())
                .collect()
        })
        .collect();
    let n = ids.len();
    assert_eq!(n, 9);
    for i in 0..n {
        for j in 0..n {
            assert_eq!(cells[i][j], cells[j][i], "{} × {}", ids[i], ids[j]);
        }
    }
    let list = json(&["list", "--json"]);
    for row in list.as_array().unwrap() {
        let i = ids.iter().position(|&id| id == row["id"]).unwrap();
        assert_eq!(cells[i][i], row["members"].as_u64().unwrap(), "{}", ids[i]);
    }
    let ai = ids.iter().position(|&id| id == "ai-alliance").unwrap();
    let pai = ids
        .iter()
        .position(|&id| id == "partnership-on-ai")
        .unwrap();
    assert_eq!(cells[ai][pai], 5);
    // As CSV: a heading of the column ids, a row per alliance.
    let csv = stdout(&alliances(&["matrix", "--format", "csv"]));
    assert!(csv.starts_with("Alliance,ai-alliance,"), "{csv}");
    assert_eq!(csv.lines().count(), n + 1);
    let focus = json(&["matrix", "--focus", "--json"]);
    assert_eq!(focus["kind"], "focus");
    assert_eq!(focus["columns"].as_array().unwrap().len(), 15);
}

#[test]
fn the_timeline_is_oldest_first_and_filtered_like_the_explorer_s() {
    let all = json(&["timeline", "--json"]);
    let dates: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"].as_str().unwrap())
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0][..4] <= w[1][..4]),
        "{dates:?}"
    );
    let founded = json(&["timeline", "kind:founded", "--json"]);
    let founded = founded.as_array().unwrap();
    assert_eq!(founded.len(), 9, "one founding per alliance");
    assert!(founded.iter().all(|h| h["kind"] == "founded"));
    let then = json(&["--as-of", "article", "timeline", "--json"]);
    assert!(
        then.as_array()
            .unwrap()
            .iter()
            .all(|h| h["date"].as_str().unwrap() <= "2023-12-05")
    );
    let bad = alliances(&["timeline", "kind:party"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("expected founded, joined"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn the_map_counts_organisations_by_country_with_their_positions() {
    let m = json(&["map", "--json"]);
    let countries = m["countries"].as_array().unwrap();
    let total: u64 = countries
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .sum::<u64>()
        + m["without_country"].as_u64().unwrap();
    assert_eq!(total, m["organizations"].as_u64().unwrap());
    assert_eq!(countries[0]["code"], "US");
    assert!(countries.iter().all(|c| c["latitude"].is_number()));
    let de = countries.iter().find(|c| c["code"] == "DE").unwrap();
    let orgs = json(&["orgs", "country:de", "alliances:>0", "--json"]);
    assert_eq!(
        de["count"].as_u64().unwrap() as usize,
        orgs.as_array().unwrap().len()
    );
    let one = json(&["map", "in:scottish-ai-alliance", "--json"]);
    assert_eq!(one["alliance"]["id"], "scottish-ai-alliance");
    assert!(
        one["countries"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c: &Value| c["code"] == "GB")
    );
}
