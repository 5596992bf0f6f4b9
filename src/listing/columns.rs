//! The columns of each list: their headings and each row's cells as text, the same for the
//! explorer's tables, the commands' output and what is written to a file.

use super::{Listing, Scope};
use crate::kb::{Entity, country};
use crate::text;

/// A column: its heading, and whether it holds a count (right-aligned).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub heading: &'static str,
    pub numeric: bool,
}

const fn col(heading: &'static str) -> Column {
    Column {
        heading,
        numeric: false,
    }
}

const fn num(heading: &'static str) -> Column {
    Column {
        heading,
        numeric: true,
    }
}

const ALLIANCES: [Column; 5] = [
    col("Name"),
    col("Kind"),
    col("Founded"),
    col("Status"),
    num("Members"),
];
const ORGANIZATIONS: [Column; 6] = [
    col("Name"),
    col("Kind"),
    col("Country"),
    num("Alliances"),
    col("Strongest tie"),
    col("Status"),
];
const FOCUS_AREAS: [Column; 3] = [
    col("Name"),
    num("Alliances"),
    col("Alliances working on it"),
];
const CLAIMS: [Column; 6] = [
    col("Verdict"),
    col("Alliance"),
    col("The article says"),
    col("Meaning"),
    col("What the sources say"),
    col("Sources"),
];

/// The columns of a list, the name (or what stands for it) first.
pub fn columns(listing: Listing) -> &'static [Column] {
    match listing {
        Listing::Alliances => &ALLIANCES,
        Listing::Organizations => &ORGANIZATIONS,
        Listing::FocusAreas => &FOCUS_AREAS,
        Listing::Claims => &CLAIMS,
    }
}

/// How many names a cell lists before "and N more".
const SHOWN: usize = 4;

/// The cells of one row, in the order of [`columns`]. Every cell is the knowledge base's text
/// as it is (the caller makes it safe for where it goes); a long list is cut to a few names.
pub fn cells(scope: &Scope, listing: Listing, row: u32) -> Vec<String> {
    let kb = scope.kb;
    let r = row as usize;
    let names = |ids: &mut dyn Iterator<Item = String>, total: usize| {
        let shown: Vec<String> = ids.take(SHOWN).collect();
        let mut s = shown.join(", ");
        if total > shown.len() {
            s.push_str(&format!(" and {} more", total - shown.len()));
        }
        s
    };
    match listing {
        Listing::Alliances => {
            let Some(a) = kb.alliances.get(r) else {
                return Vec::new();
            };
            vec![
                a.name_on(scope.day).to_string(),
                a.kind.label().to_string(),
                a.founded
                    .as_ref()
                    .map_or_else(String::new, ToString::to_string),
                a.state_on(scope.day).label().to_string(),
                a.size_on(scope.day).to_string(),
            ]
        }
        Listing::Organizations => {
            let Some(o) = kb.organizations.get(r) else {
                return Vec::new();
            };
            let country = o.country.as_deref().map_or_else(String::new, |code| {
                format!("{code} {}", country::name(code).unwrap_or("?"))
            });
            vec![
                o.name.to_string(),
                o.kind.label().to_string(),
                country,
                scope.alliances_of(r).len().to_string(),
                scope
                    .strongest_tie(r)
                    .map_or_else(String::new, |(_, tie)| tie.to_string()),
                if scope.org_unverified(r) {
                    "unverified".to_string()
                } else {
                    String::new()
                },
            ]
        }
        Listing::FocusAreas => {
            let Some(f) = kb.focus_areas.get(r) else {
                return Vec::new();
            };
            let alliances = scope.alliances_on(r);
            vec![
                f.name.to_string(),
                alliances.len().to_string(),
                names(
                    &mut alliances
                        .iter()
                        .map(|&a| kb.alliances[a].name_on(scope.day).to_string()),
                    alliances.len(),
                ),
            ]
        }
        Listing::Claims => {
            let Some((a, c)) = scope.index.claim(r) else {
                return Vec::new();
            };
            let al = &kb.alliances[a];
            let claim = &al.claims[c];
            let mut correction = claim.correction.as_deref().unwrap_or("").to_string();
            if let Some(later) = claim.later.as_ref().filter(|l| l.date.by(scope.day)) {
                if !correction.is_empty() {
                    correction.push(' ');
                }
                correction.push_str(&format!("Since {}: {}", later.date, later.text));
            }
            vec![
                claim.verdict.label().to_string(),
                al.name_on(scope.day).to_string(),
                claim.article.to_string(),
                claim.claim.to_string(),
                correction,
                claim.sources.join(", "),
            ]
        }
    }
}

/// The entity a row opens, and the claim it stands on (for a claim).
pub fn opens(scope: &Scope, listing: Listing, row: u32) -> Option<(Entity, Option<usize>)> {
    match listing {
        Listing::Claims => {
            let (a, c) = scope.index.claim(row as usize)?;
            Some((Entity::Alliance(a), Some(c)))
        }
        _ => scope.entity(listing, row).map(|e| (e, None)),
    }
}

/// `12/177 organisations`.
pub fn count(shown: usize, total: usize, listing: Listing) -> String {
    let one = listing.one();
    format!(
        "{}/{} {}",
        text::number(shown),
        text::number(total),
        if total == 1 {
            one.to_string()
        } else {
            format!("{one}s")
        }
    )
}
