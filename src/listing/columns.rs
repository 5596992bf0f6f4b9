//! The columns of each list: their headings and each row's cells as text, the same for the
//! explorer's tables, the commands' output and what is written to a file.

use super::{Listing, Scope};
use crate::export::Sheet;
use crate::kb::{Entity, country};
use crate::text;

/// A column: its heading, whether it holds a count (right-aligned), how long it stays when
/// room runs short, and whether its cells can be cut to their first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub heading: &'static str,
    pub numeric: bool,
    /// The higher, the longer the column stays on a narrow screen; the first never goes.
    pub keep: u8,
    /// Cut to the first word when room is short (`DE Germany` to `DE`).
    pub compact: bool,
}

const fn col(heading: &'static str, keep: u8) -> Column {
    Column {
        heading,
        numeric: false,
        keep,
        compact: false,
    }
}

const fn num(heading: &'static str, keep: u8) -> Column {
    Column {
        numeric: true,
        ..col(heading, keep)
    }
}

const fn compact(heading: &'static str, keep: u8) -> Column {
    Column {
        compact: true,
        ..col(heading, keep)
    }
}

const ALLIANCES: [Column; 5] = [
    col("Name", 9),
    col("Kind", 5),
    col("Founded", 6),
    col("Status", 4),
    num("Members", 7),
];
const ORGANIZATIONS: [Column; 6] = [
    col("Name", 9),
    col("Kind", 3),
    compact("Country", 8),
    num("Alliances", 7),
    col("Strongest tie", 6),
    col("Status", 5),
];
const FOCUS_AREAS: [Column; 3] = [
    col("Name", 9),
    num("Alliances", 7),
    col("Alliances working on it", 5),
];
const CLAIMS: [Column; 6] = [
    col("Verdict", 9),
    col("Alliance", 7),
    col("The article says", 6),
    col("Meaning", 4),
    col("What the sources say", 5),
    col("Sources", 3),
];

/// How a table's columns share `room` cells, two cells apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fit {
    /// Each column's width, `None` for a column left out.
    pub widths: Vec<Option<usize>>,
    /// Whether compact columns show only their first word.
    pub compacted: bool,
}

/// The widest a column other than the first is before it is cut.
const MAX_COLS: usize = 28;
/// The narrowest the first column gets before other columns are left out.
const MIN_FIRST: usize = 16;

/// The narrowest a cut text column gets before it is left out instead.
const MIN_CUT: usize = 16;

/// Shares `room` between `cols` whose widest cells (heading included) are `widest` and, cut
/// to their first word, `widest_compact`. Room short, compact columns are cut first; then, as
/// long as every column kept can have a useful width, the first column narrows to a minimum
/// and the widest text columns are cut; otherwise the column with the lowest `keep` goes and
/// the rest are tried again. What is left over widens the first column up to its widest.
pub fn fit(cols: &[Column], widest: &[usize], widest_compact: &[usize], room: usize) -> Fit {
    let n = cols.len().min(widest.len()).min(widest_compact.len());
    if n == 0 {
        return Fit {
            widths: Vec::new(),
            compacted: false,
        };
    }
    let first_wants = widest[0].max(1);
    let first_min = first_wants.min(MIN_FIRST);
    let natural = |compacted: bool| -> Vec<usize> {
        (0..n)
            .map(|i| {
                let w = if compacted && cols[i].compact {
                    widest_compact[i]
                } else {
                    widest[i]
                };
                w.min(MAX_COLS)
            })
            .collect()
    };
    // What the columns after the first take, two cells apart.
    let others = |widths: &[usize], shown: &[bool]| -> usize {
        (1..n).filter(|&i| shown[i]).map(|i| widths[i] + 2).sum()
    };
    let mut shown = vec![true; n];
    let mut compacted = false;
    let mut widths = natural(false);
    if room < others(&widths, &shown) + first_wants {
        compacted = cols.iter().take(n).any(|c| c.compact);
        widths = natural(compacted);
        let cuttable = |i: usize| !(cols[i].numeric || compacted && cols[i].compact);
        loop {
            let narrowest: Vec<usize> = (0..n)
                .map(|i| {
                    if cuttable(i) {
                        widths[i].min(MIN_CUT)
                    } else {
                        widths[i]
                    }
                })
                .collect();
            if room >= others(&narrowest, &shown) + first_min {
                break;
            }
            // Leave out the column that matters least.
            let Some(drop) = (1..n)
                .filter(|&i| shown[i])
                .min_by_key(|&i| (cols[i].keep, n - i))
            else {
                break;
            };
            shown[drop] = false;
        }
        // Cut the widest text columns, a cell at a time, until the first has its minimum.
        while room < others(&widths, &shown) + first_min {
            let Some(widest_cut) = (1..n)
                .filter(|&i| shown[i] && cuttable(i) && widths[i] > MIN_CUT)
                .max_by_key(|&i| (widths[i], n - i))
            else {
                break;
            };
            widths[widest_cut] -= 1;
        }
    }
    let first = room
        .saturating_sub(others(&widths, &shown))
        .clamp(1, first_wants);
    let mut widths: Vec<Option<usize>> = (0..n)
        .map(|i| match i {
            0 => Some(first),
            _ if shown[i] => Some(widths[i]),
            _ => None,
        })
        .collect();
    // Room left over widens the columns that were cut, in order.
    let used: usize = widths.iter().flatten().map(|w| w + 2).sum::<usize>() - 2;
    let mut spare = room.saturating_sub(used);
    for i in 1..n {
        if let Some(w) = widths[i].as_mut()
            && !(compacted && cols[i].compact)
        {
            let more = widest[i].saturating_sub(*w).min(spare);
            *w += more;
            spare -= more;
        }
    }
    Fit { widths, compacted }
}

/// The first word of a cell, for a compact column.
pub fn first_word(cell: &str) -> &str {
    cell.split_whitespace().next().unwrap_or("")
}

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
    cells_naming(scope, listing, row, SHOWN)
}

/// The cells of one row, a list of names in a cell cut after `shown` names.
fn cells_naming(scope: &Scope, listing: Listing, row: u32, shown: usize) -> Vec<String> {
    let kb = scope.kb;
    let r = row as usize;
    let names = |ids: &mut dyn Iterator<Item = String>, total: usize| {
        let shown: Vec<String> = ids.take(shown).collect();
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

/// The rows of a list as a table to write out: the id of what each row stands for (for a
/// claim, its alliance's), then the explorer's columns with every name in full, and for claims
/// the addresses of their sources.
pub fn sheet(scope: &Scope, listing: Listing, rows: &[u32]) -> Sheet {
    let mut headings = vec![if listing == Listing::Claims {
        "Alliance ID"
    } else {
        "ID"
    }];
    headings.extend(columns(listing).iter().map(|c| c.heading));
    if listing == Listing::Claims {
        headings.push("Source URLs");
    }
    let mut sheet = Sheet::new(&headings);
    for &row in rows {
        let Some((entity, claim)) = opens(scope, listing, row) else {
            continue;
        };
        let mut cells = vec![entity.id(scope.kb).to_string()];
        cells.extend(cells_naming(scope, listing, row, usize::MAX));
        if let (Some(c), Entity::Alliance(a)) = (claim, entity) {
            let urls: Vec<&str> = scope.kb.alliances[a].claims[c]
                .sources
                .iter()
                .filter_map(|id| scope.index.source(scope.kb, id))
                .filter_map(|s| scope.kb.sources[s].url.as_deref())
                .collect();
            cells.push(urls.join(" "));
        }
        sheet.push(cells);
    }
    sheet
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_enough_shows_every_column_whole() {
        let cols = columns(Listing::Organizations);
        let widest = [20, 10, 16, 9, 15, 10];
        let compact = [20, 10, 7, 9, 15, 10];
        let fit = fit(cols, &widest, &compact, 200);
        assert!(!fit.compacted);
        assert_eq!(
            fit.widths,
            vec![Some(20), Some(10), Some(16), Some(9), Some(15), Some(10)]
        );
    }

    #[test]
    fn short_of_room_countries_shrink_to_codes_then_kinds_go_first() {
        let cols = columns(Listing::Organizations);
        let widest = [30, 15, 20, 9, 15, 10];
        let compact = [30, 15, 7, 9, 15, 10];
        // Everything whole needs 30 + 5 × 2 + 15 + 20 + 9 + 15 + 10 = 109.
        let fit1 = fit(cols, &widest, &compact, 100);
        assert!(fit1.compacted, "the country is cut to its code first");
        assert!(fit1.widths.iter().all(Option::is_some));
        // Less room: the kind (kept least) goes before the country, count or tie.
        let fit2 = fit(cols, &widest, &compact, 70);
        assert_eq!(fit2.widths[1], None, "{fit2:?}");
        assert!(fit2.widths[2].is_some() && fit2.widths[3].is_some());
        assert!(fit2.widths[0].unwrap() >= MIN_FIRST);
        // Very little: only the name.
        let fit3 = fit(cols, &widest, &compact, 12);
        assert_eq!(fit3.widths[0], Some(12));
        assert!(fit3.widths[1..].iter().all(Option::is_none));
    }

    #[test]
    fn a_text_column_is_cut_while_it_keeps_a_useful_width_and_spare_room_widens_it() {
        let cols = columns(Listing::Claims);
        let claims = [10, 25, 28, 28, 28, 10];
        let cut = fit(cols, &claims, &claims, 50);
        assert_eq!(cut.widths[..3], [Some(10), Some(18), Some(18)], "{cut:?}");
        assert!(cut.widths[3..].iter().all(Option::is_none));
        let wide = [10, 7, 60];
        let widened = fit(&cols[..3], &wide, &wide, 90);
        assert_eq!(
            widened.widths,
            vec![Some(10), Some(7), Some(60)],
            "{widened:?}"
        );
    }

    #[test]
    fn the_first_word_of_a_cell() {
        assert_eq!(first_word("DE Germany"), "DE");
        assert_eq!(first_word(""), "");
    }
}
