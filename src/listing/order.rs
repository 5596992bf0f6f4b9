//! The orders a list can be put in: by name, founding date, size, kind, country, number of
//! alliances or verdict, whichever apply to it, either way round.

use super::{Listing, Scope};
use crate::kb::Verdict;
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    Name,
    Founded,
    Members,
    Kind,
    Country,
    Alliances,
    Verdict,
    /// The alliance a claim is about (claims in the order the alliances list them).
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

    /// `by name ↑`, for a pane's title.
    pub fn label(self) -> String {
        format!(
            "by {} {}",
            self.key.label(),
            if self.reverse { "↓" } else { "↑" }
        )
    }

    /// Puts `rows` of `listing` in this order.
    pub fn sort(self, scope: &Scope, listing: Listing, rows: &mut [u32]) {
        let kb = scope.kb;
        let name = |r: u32| -> &str {
            scope.entity(listing, r).map_or("", |e| match e {
                crate::kb::Entity::Alliance(a) => kb.alliances[a].name_on(scope.day),
                other => other.name(kb),
            })
        };
        let by_name = |a: &u32, b: &u32| compare_names(name(*a), name(*b));
        let cmp: Box<dyn Fn(&u32, &u32) -> Ordering> = match (listing, self.key) {
            (Listing::Claims, SortKey::Verdict) => {
                let verdict = |r: u32| {
                    scope.index.claim(r as usize).map_or(u8::MAX, |(a, c)| {
                        severity(kb.alliances[a].claims[c].verdict)
                    })
                };
                Box::new(move |a, b| verdict(*a).cmp(&verdict(*b)).then(a.cmp(b)))
            }
            (Listing::Claims, _) => Box::new(|a: &u32, b: &u32| a.cmp(b)),
            (_, SortKey::Name) => Box::new(by_name),
            (Listing::Alliances, SortKey::Founded) => {
                let founded = |r: u32| {
                    kb.alliances[r as usize]
                        .founded
                        .as_ref()
                        .and_then(|d| d.first_day())
                };
                Box::new(move |a, b| {
                    // Unknown dates last.
                    match (founded(*a), founded(*b)) {
                        (Some(x), Some(y)) => x.cmp(&y),
                        (Some(_), None) => Ordering::Less,
                        (None, Some(_)) => Ordering::Greater,
                        (None, None) => Ordering::Equal,
                    }
                    .then_with(|| by_name(a, b))
                })
            }
            (Listing::Alliances, SortKey::Members) => {
                let size = |r: u32| kb.alliances[r as usize].size_on(scope.day);
                // The biggest first.
                Box::new(move |a, b| size(*b).cmp(&size(*a)).then_with(|| by_name(a, b)))
            }
            (Listing::Alliances, SortKey::Kind) => {
                let kind = |r: u32| kb.alliances[r as usize].kind.label();
                Box::new(move |a, b| kind(*a).cmp(kind(*b)).then_with(|| by_name(a, b)))
            }
            (Listing::Organizations, SortKey::Kind) => {
                let kind = |r: u32| kb.organizations[r as usize].kind.label();
                Box::new(move |a, b| kind(*a).cmp(kind(*b)).then_with(|| by_name(a, b)))
            }
            (Listing::Organizations, SortKey::Country) => {
                let country = |r: u32| kb.organizations[r as usize].country.as_deref();
                Box::new(move |a, b| {
                    match (country(*a), country(*b)) {
                        (Some(x), Some(y)) => x.cmp(y),
                        (Some(_), None) => Ordering::Less,
                        (None, Some(_)) => Ordering::Greater,
                        (None, None) => Ordering::Equal,
                    }
                    .then_with(|| by_name(a, b))
                })
            }
            (Listing::Organizations, SortKey::Alliances) => {
                let n = |r: u32| scope.alliances_of(r as usize).len();
                Box::new(move |a, b| n(*b).cmp(&n(*a)).then_with(|| by_name(a, b)))
            }
            (Listing::FocusAreas, SortKey::Alliances) => {
                let n = |r: u32| scope.alliances_on(r as usize).len();
                Box::new(move |a, b| n(*b).cmp(&n(*a)).then_with(|| by_name(a, b)))
            }
            _ => Box::new(by_name),
        };
        if self.reverse {
            rows.sort_by(|a, b| cmp(b, a));
        } else {
            rows.sort_by(|a, b| cmp(a, b));
        }
    }
}

/// Names in the order a reader looks for them: case and accents ignored, then as written.
pub fn compare_names(a: &str, b: &str) -> Ordering {
    let folded = if a.is_ascii() && b.is_ascii() {
        // Lower-casing is all folding does to ASCII.
        a.bytes()
            .map(|c| c.to_ascii_lowercase())
            .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
    } else {
        let fold = |s: &str| s.chars().map(crate::text::fold_char).collect::<Vec<char>>();
        fold(a).cmp(&fold(b))
    };
    folded.then_with(|| a.cmp(b))
}

/// Worst first: the article's errors, then imprecisions, the unverified, the confirmed.
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

    fn sorted(listing: Listing, order: Order) -> Vec<String> {
        let (kb, index) = embedded();
        let scope = Scope {
            kb: &kb,
            index: &index,
            day: TEST_DAY,
        };
        rows(&scope, listing, &Filter::default(), order, None)
            .into_iter()
            .map(|r| scope.entity(listing, r).unwrap().name(&kb).to_string())
            .collect()
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
    fn keys_cycle_and_reverse() {
        let o = Order::of(Listing::Organizations);
        assert_eq!(o.label(), "by name ↑");
        let o = o.next(Listing::Organizations);
        assert_eq!(o.key, SortKey::Kind);
        assert_eq!(o.reversed().label(), "by kind ↓");
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
}
