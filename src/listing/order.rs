//! The orders a list can be put in: by name, founding date, size, kind, country, number of
//! alliances or verdict, whichever apply to it, either way round.

use super::{Listing, Scope};
use crate::kb::Verdict;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    Name,
    Founded,
    Members,
    Kind,
    Country,
    Alliances,
    Verdict,
    /// The alliance a claim is about, by name (each alliance's claims in the article's order).
    Alliance,
}

impl SortKey {
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Founded => "founded",
            SortKey::Members => "members",
            SortKey::Kind => "kind",
            SortKey::Country => "country",
            SortKey::Alliances => "alliances",
            SortKey::Verdict => "verdict",
            SortKey::Alliance => "alliance",
        }
    }

    /// The keys of a list, its default first.
    pub fn of(listing: Listing) -> &'static [SortKey] {
        match listing {
            Listing::Alliances => &[
                SortKey::Name,
                SortKey::Founded,
                SortKey::Members,
                SortKey::Kind,
            ],
            Listing::Organizations => &[
                SortKey::Name,
                SortKey::Kind,
                SortKey::Country,
                SortKey::Alliances,
            ],
            Listing::FocusAreas => &[SortKey::Name, SortKey::Alliances],
            Listing::Claims => &[SortKey::Alliance, SortKey::Verdict],
        }
    }

    /// Reads a key as typed for `--sort`.
    pub fn parse(listing: Listing, text: &str) -> Result<SortKey, String> {
        let keys = SortKey::of(listing);
        keys.iter()
            .find(|k| k.label() == text.to_ascii_lowercase())
            .copied()
            .ok_or_else(|| {
                let names: Vec<&str> = keys.iter().map(|k| k.label()).collect();
                format!(
                    "unknown order `{text}` for {}: expected one of {}",
                    listing.label().to_lowercase(),
                    names.join(", ")
                )
            })
    }
}

/// A key and a direction. Ties are broken by name (and claims by their place), so an order is
/// always the same for the same data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Order {
    pub key: SortKey,
    pub reverse: bool,
}

impl Order {
    /// The default order of a list.
    pub fn of(listing: Listing) -> Self {
        Order {
            key: SortKey::of(listing)[0],
            reverse: false,
        }
    }

    /// The next key of the list's keys, the same direction.
    pub fn next(self, listing: Listing) -> Self {
        let keys = SortKey::of(listing);
        let at = keys.iter().position(|&k| k == self.key).unwrap_or(0);
        Order {
            key: keys[(at + 1) % keys.len()],
            ..self
        }
    }

    pub fn reversed(self) -> Self {
        Order {
            reverse: !self.reverse,
            ..self
        }
    }

    /// Whether the rows go from the most to the least (counts and verdicts start with the
    /// most, unless reversed).
    pub fn descending(self) -> bool {
        let most_first = matches!(
            self.key,
            SortKey::Members | SortKey::Alliances | SortKey::Verdict
        );
        most_first != self.reverse
    }

    /// `by name, A to Z`, `by alliances, most first`: for a pane's title.
    pub fn label(self) -> String {
        let words = match (self.key, self.reverse) {
            (SortKey::Founded, false) => "oldest first",
            (SortKey::Founded, true) => "newest first",
            (SortKey::Members | SortKey::Alliances, false) => "most first",
            (SortKey::Members | SortKey::Alliances, true) => "fewest first",
            (SortKey::Verdict, false) => "wrong first",
            (SortKey::Verdict, true) => "confirmed first",
            (_, false) => "A to Z",
            (_, true) => "Z to A",
        };
        format!("by {}, {words}", self.key.label())
    }

    /// `↑` for rows that go up (A to Z, oldest first), `↓` for rows that go down.
    pub fn arrow(self) -> &'static str {
        if self.descending() { "↓" } else { "↑" }
    }

    /// Puts `rows` of `listing` in this order. `ranks`, when given, are [`name_ranks`] of the
    /// listing on the scope's day (worth keeping for a big list); otherwise the names of the
    /// rows are put in order here.
    pub fn sort(self, scope: &Scope, listing: Listing, rows: &mut [u32], ranks: Option<&[u32]>) {
        let kb = scope.kb;
        // Each row's place by name: from the ranks given, or among these rows.
        let own;
        let rank: &dyn Fn(u32) -> u32 = match ranks {
            Some(ranks) => &move |r: u32| ranks.get(r as usize).copied().unwrap_or(u32::MAX),
            None => {
                own = ranks_among(scope, listing, rows);
                &|r: u32| own.get(&r).copied().unwrap_or(u32::MAX)
            }
        };
        // The claims' alliances by name, for the claims' orders.
        let alliance_rank = if listing == Listing::Claims {
            name_ranks(scope, Listing::Alliances)
        } else {
            Vec::new()
        };
        let claim = |r: u32| scope.index.claim(r as usize);
        let alliance_kinds = crate::kb::AllianceKind::ALL.map(|k| k.label());
        let org_kinds = crate::kb::OrgKind::ALL.map(|k| k.label());
        let most = |n: usize| u64::MAX - n as u64;
        let key = |r: u32| -> (u64, u32, u32) {
            let primary = match (listing, self.key) {
                (Listing::Claims, SortKey::Verdict) => claim(r).map_or(u64::MAX, |(a, c)| {
                    u64::from(severity(kb.alliances[a].claims[c].verdict)) << 32
                        | u64::from(alliance_rank.get(a).copied().unwrap_or(u32::MAX))
                }),
                (Listing::Claims, _) => claim(r).map_or(u64::MAX, |(a, _)| {
                    u64::from(alliance_rank.get(a).copied().unwrap_or(u32::MAX))
                }),
                (_, SortKey::Name) => 0,
                (Listing::Alliances, SortKey::Founded) => kb.alliances[r as usize]
                    .founded
                    .as_ref()
                    .and_then(|d| d.first_day())
                    // Unknown dates last.
                    .map_or(u64::MAX, |d| {
                        u64::from(d.year) << 16 | u64::from(d.month) << 8 | u64::from(d.day)
                    }),
                (Listing::Alliances, SortKey::Members) => {
                    most(kb.alliances[r as usize].size_on(scope.day))
                }
                (Listing::Alliances, SortKey::Kind) => {
                    label_place(&alliance_kinds, kb.alliances[r as usize].kind.label())
                }
                (Listing::Organizations, SortKey::Kind) => {
                    label_place(&org_kinds, kb.organizations[r as usize].kind.label())
                }
                (Listing::Organizations, SortKey::Country) => kb.organizations[r as usize]
                    .country
                    .as_deref()
                    // Those without a country last.
                    .map_or(u64::MAX, |code| {
                        code.bytes().take(7).fold(0, |k, b| k << 8 | u64::from(b))
                    }),
                (Listing::Organizations, SortKey::Alliances) => {
                    most(scope.alliance_count(r as usize))
                }
                (Listing::FocusAreas, SortKey::Alliances) => {
                    most(scope.alliances_on(r as usize).len())
                }
                _ => 0,
            };
            // Ties by name, then (claims of one alliance) in the article's order.
            (primary, rank(r), r)
        };
        let mut keyed: Vec<(u64, u32, u32)> = rows.iter().map(|&r| key(r)).collect();
        keyed.sort_unstable();
        if self.reverse {
            keyed.reverse();
        }
        for (row, (_, _, r)) in rows.iter_mut().zip(keyed) {
            *row = r;
        }
    }
}

/// The place of `label` among `labels` in alphabetical order (kinds sort by their names).
fn label_place(labels: &[&str], label: &str) -> u64 {
    labels.iter().filter(|&&l| l < label).count() as u64
}

/// The name a row of `listing` goes by on the scope's day.
fn row_name<'a>(scope: &Scope<'a>, listing: Listing, row: u32) -> &'a str {
    scope
        .entity(listing, row)
        .map_or("", |e| e.name_on(scope.kb, scope.day))
}

/// Every row's place when the whole listing is put in order by name (case and accents
/// ignored, then as written, then by position): `ranks[row]`. Worked out once for a big list
/// and kept, it makes every order a sort of numbers.
pub fn name_ranks(scope: &Scope, listing: Listing) -> Vec<u32> {
    let total = listing.total(scope.kb, scope.index) as u32;
    let rows: Vec<u32> = (0..total).collect();
    let order = by_name(scope, listing, &rows);
    let mut ranks = vec![0; order.len()];
    for (place, &row) in order.iter().enumerate() {
        ranks[row as usize] = place as u32;
    }
    ranks
}

/// The places by name of `rows` among themselves.
fn ranks_among(scope: &Scope, listing: Listing, rows: &[u32]) -> hashbrown::HashMap<u32, u32> {
    by_name(scope, listing, rows)
        .into_iter()
        .enumerate()
        .map(|(place, row)| (row, place as u32))
        .collect()
}

/// `rows` put in order by name. Each name is folded once into a buffer, so that comparing
/// two is comparing bytes; a long list is folded and sorted in two halves, one per core, then
/// merged.
fn by_name(scope: &Scope, listing: Listing, rows: &[u32]) -> Vec<u32> {
    by_name_in_halves_from(scope, listing, rows, 50_000)
}

fn by_name_in_halves_from(
    scope: &Scope,
    listing: Listing,
    rows: &[u32],
    split_from: usize,
) -> Vec<u32> {
    if rows.len() < split_from.max(2) {
        return Folded::sorted(scope, listing, rows).into_rows();
    }
    let (left, right) = rows.split_at(rows.len() / 2);
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| Folded::sorted(scope, listing, left));
        let b = Folded::sorted(scope, listing, right);
        (a.join().unwrap_or_else(|p| std::panic::resume_unwind(p)), b)
    });
    let mut merged = Vec::with_capacity(rows.len());
    let (mut i, mut j) = (0, 0);
    while i < a.order.len() && j < b.order.len() {
        let (x, y) = (a.order[i], b.order[j]);
        if a.compare(x, &b, y, scope, listing).is_le() {
            merged.push(a.rows[x]);
            i += 1;
        } else {
            merged.push(b.rows[y]);
            j += 1;
        }
    }
    merged.extend(a.order[i..].iter().map(|&x| a.rows[x]));
    merged.extend(b.order[j..].iter().map(|&y| b.rows[y]));
    merged
}

/// Rows with their names folded (case and accents taken off) end to end in one buffer, and
/// their order by name.
struct Folded<'r> {
    rows: &'r [u32],
    folded: Vec<u8>,
    ends: Vec<usize>,
    order: Vec<usize>,
}

impl<'r> Folded<'r> {
    fn sorted(scope: &Scope, listing: Listing, rows: &'r [u32]) -> Self {
        let mut folded: Vec<u8> = Vec::new();
        let mut ends: Vec<usize> = Vec::with_capacity(rows.len());
        let mut buf = [0u8; 4];
        for &r in rows {
            let name = row_name(scope, listing, r);
            if name.is_ascii() {
                folded.extend(name.bytes().map(|b| b.to_ascii_lowercase()));
            } else {
                for c in name.chars() {
                    let c = crate::text::fold_char(c);
                    folded.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
            }
            ends.push(folded.len());
        }
        let mut f = Folded {
            rows,
            folded,
            ends,
            order: (0..rows.len()).collect(),
        };
        let mut order = std::mem::take(&mut f.order);
        order.sort_unstable_by(|&a, &b| f.compare(a, &f, b, scope, listing));
        f.order = order;
        f
    }

    fn key(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.folded[start..self.ends[i]]
    }

    /// The `i`-th row against the `j`-th of `other`: folded names, then names as written,
    /// then positions.
    fn compare(
        &self,
        i: usize,
        other: &Folded,
        j: usize,
        scope: &Scope,
        listing: Listing,
    ) -> std::cmp::Ordering {
        let (a, b) = (self.rows[i], other.rows[j]);
        self.key(i)
            .cmp(other.key(j))
            .then_with(|| row_name(scope, listing, a).cmp(row_name(scope, listing, b)))
            .then(a.cmp(&b))
    }

    fn into_rows(self) -> Vec<u32> {
        self.order.into_iter().map(|i| self.rows[i]).collect()
    }
}

/// How bad a verdict is: the wrong ones first.
fn severity(v: Verdict) -> u8 {
    match v {
        Verdict::Wrong => 0,
        Verdict::Imprecise => 1,
        Verdict::Unverified => 2,
        Verdict::Confirmed => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::{TEST_DAY, embedded};
    use crate::listing::{Filter, rows};
    use crate::text::compare_names;
    use std::cmp::Ordering;

    fn sorted(listing: Listing, order: Order) -> Vec<String> {
        keys_of(listing, order, |s, r| {
            s.entity(listing, r).unwrap().name(s.kb).to_string()
        })
    }

    #[test]
    fn names_sort_with_case_and_accents_ignored() {
        assert_eq!(compare_names("école", "Ecole z"), Ordering::Less);
        assert_eq!(compare_names("Zeta", "alpha"), Ordering::Greater);
        let names = sorted(Listing::Organizations, Order::of(Listing::Organizations));
        let mut again = names.clone();
        again.sort_by(|a, b| compare_names(a, b));
        assert_eq!(names, again);
    }

    #[test]
    fn kept_name_ranks_give_the_same_orders_as_names_compared_on_the_spot() {
        let (kb, index) = embedded();
        for day in [TEST_DAY, crate::kb::Day::ARTICLE] {
            let scope = Scope {
                kb: &kb,
                index: &index,
                day,
            };
            for listing in [
                Listing::Alliances,
                Listing::Organizations,
                Listing::FocusAreas,
                Listing::Claims,
            ] {
                let ranks = name_ranks(&scope, listing);
                for &key in SortKey::of(listing) {
                    for reverse in [false, true] {
                        let order = Order { key, reverse };
                        let total = listing.total(&kb, &index) as u32;
                        // Every other row, as a filter would leave them.
                        let mut kept: Vec<u32> = (0..total).step_by(2).collect();
                        let mut spot = kept.clone();
                        order.sort(&scope, listing, &mut kept, Some(&ranks));
                        order.sort(&scope, listing, &mut spot, None);
                        assert_eq!(kept, spot, "{listing:?} {order:?} {day}");
                    }
                }
            }
        }
    }

    #[test]
    fn names_sorted_in_two_halves_and_merged_are_in_the_same_order() {
        let (kb, index) = embedded();
        let scope = Scope {
            kb: &kb,
            index: &index,
            day: TEST_DAY,
        };
        let rows: Vec<u32> = (0..kb.organizations.len() as u32).rev().collect();
        let whole = by_name_in_halves_from(&scope, Listing::Organizations, &rows, usize::MAX);
        let halves = by_name_in_halves_from(&scope, Listing::Organizations, &rows, 2);
        assert_eq!(whole, halves);
        let names: Vec<&str> = whole
            .iter()
            .map(|&r| row_name(&scope, Listing::Organizations, r))
            .collect();
        assert!(names.is_sorted_by(|a, b| compare_names(a, b).is_le()));
    }

    #[test]
    fn keys_cycle_and_reverse() {
        let o = Order::of(Listing::Organizations);
        assert_eq!(o.label(), "by name, A to Z");
        assert_eq!(o.arrow(), "↑");
        let o = o.next(Listing::Organizations);
        assert_eq!(o.key, SortKey::Kind);
        assert_eq!(o.reversed().label(), "by kind, Z to A");
        assert_eq!(o.reversed().arrow(), "↓");
        let most = Order {
            key: SortKey::Alliances,
            reverse: false,
        };
        assert_eq!(
            (most.label().as_str(), most.arrow()),
            ("by alliances, most first", "↓")
        );
        let back = SortKey::of(Listing::Organizations)
            .iter()
            .fold(o, |o, _| o.next(Listing::Organizations));
        assert_eq!(back.key, SortKey::Kind);
        assert!(SortKey::parse(Listing::Claims, "country").is_err());
        assert_eq!(
            SortKey::parse(Listing::Claims, "Verdict"),
            Ok(SortKey::Verdict)
        );
    }

    #[test]
    fn the_biggest_alliances_first_and_the_oldest_first() {
        let by_size = sorted(
            Listing::Alliances,
            Order {
                key: SortKey::Members,
                reverse: false,
            },
        );
        assert_eq!(by_size[0], "AI Alliance");
        let by_age = sorted(
            Listing::Alliances,
            Order {
                key: SortKey::Founded,
                reverse: false,
            },
        );
        assert_eq!(by_age[0], "Partnership on AI");
    }

    fn by(key: SortKey) -> Order {
        Order {
            key,
            reverse: false,
        }
    }

    /// The rows of a listing in an order, each turned into a key by `f`.
    fn keys_of<T>(listing: Listing, order: Order, f: impl Fn(&Scope, u32) -> T) -> Vec<T> {
        let (kb, index) = embedded();
        let scope = Scope {
            kb: &kb,
            index: &index,
            day: TEST_DAY,
        };
        rows(&scope, listing, &Filter::default(), order, None, None)
            .into_iter()
            .map(|r| f(&scope, r))
            .collect()
    }

    #[test]
    fn organisations_by_kind_country_and_number_of_alliances() {
        let kinds = keys_of(Listing::Organizations, by(SortKey::Kind), |s, r| {
            s.kb.organizations[r as usize].kind.label()
        });
        assert!(kinds.is_sorted(), "{kinds:?}");
        // Countries in code order, those without one last.
        let countries = keys_of(Listing::Organizations, by(SortKey::Country), |s, r| {
            s.kb.organizations[r as usize]
                .country
                .as_deref()
                .map(str::to_string)
        });
        let known = countries.iter().take_while(|c| c.is_some()).count();
        assert!(known > 0 && countries[known..].iter().all(Option::is_none));
        assert!(countries[..known].is_sorted());
        // The most alliances first; reversed, the fewest.
        let counts = keys_of(Listing::Organizations, by(SortKey::Alliances), |s, r| {
            s.alliances_of(r as usize).len()
        });
        assert!(counts.is_sorted_by(|a, b| a >= b), "{counts:?}");
        let reversed = keys_of(
            Listing::Organizations,
            by(SortKey::Alliances).reversed(),
            |s, r| s.alliances_of(r as usize).len(),
        );
        assert!(reversed.is_sorted());
    }

    #[test]
    fn focus_areas_by_alliances_and_claims_by_alliance_and_verdict() {
        let counts = keys_of(Listing::FocusAreas, by(SortKey::Alliances), |s, r| {
            s.alliances_on(r as usize).len()
        });
        assert!(
            counts.is_sorted_by(|a, b| a >= b) && counts[0] > 1,
            "{counts:?}"
        );
        // Claims by their alliance's name on the day, then in the article's order.
        let claims = keys_of(Listing::Claims, Order::of(Listing::Claims), |s, r| {
            let (a, c) = s.index.claim(r as usize).unwrap();
            (s.kb.alliances[a].name_on(s.day).to_string(), c)
        });
        assert!(
            claims.is_sorted_by(|a, b| compare_names(&a.0, &b.0).then(a.1.cmp(&b.1)).is_le()),
            "{claims:?}"
        );
        assert_eq!(claims[0].0, "AI Alliance");
        // By verdict: the wrong ones first.
        let verdicts = keys_of(Listing::Claims, by(SortKey::Verdict), |s, r| {
            let (a, c) = s.index.claim(r as usize).unwrap();
            s.kb.alliances[a].claims[c].verdict
        });
        assert_eq!(verdicts[0], Verdict::Wrong);
        assert!(verdicts.is_sorted_by_key(|&v| severity(v)));
    }
}
