//! Where the members are: organisations per country, for one alliance or for every
//! organisation tied to an alliance on a day, with each country's position on the globe (from
//! the `keshvar` crate's geographic data).

use super::matrix::orgs;
use crate::kb::{Day, Index, Ix, Kb, country};

/// One country of the tally.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case.
    pub code: String,
    pub name: &'static str,
    pub count: usize,
    /// Longitude and latitude of its centre, when known.
    pub position: Option<(f64, f64)>,
}

/// Organisations per country, the most first (then by name), and those without a country.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub countries: Vec<Country>,
    pub without: usize,
    pub total: usize,
}

/// The centre of a country (longitude, latitude).
pub fn position(code: &str) -> Option<(f64, f64)> {
    let alpha2 = keshvar::Alpha2::try_from(code.to_ascii_uppercase().as_str()).ok()?;
    let geo = alpha2.to_country().geo();
    Some((geo.longitude(), geo.latitude()))
}

/// The organisations of `alliance` on the day (leads and members), or, for none, every
/// organisation that leads or belongs to an alliance on the day.
pub fn organisations(kb: &Kb, index: &Index, alliance: Option<Ix>, day: Day) -> Vec<Ix> {
    match alliance {
        Some(a) => orgs(kb, index, a, day),
        None => (0..kb.organizations.len())
            .filter(|&o| index.org_links(o).iter().any(|l| l.holds_on(kb, day)))
            .collect(),
    }
}

/// Counts the organisations by country.
pub fn tally(kb: &Kb, orgs: &[Ix]) -> Tally {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut without = 0;
    for &o in orgs {
        match kb.organizations.get(o).and_then(|o| o.country.as_deref()) {
            Some(code) => *counts.entry(code.to_ascii_uppercase()).or_default() += 1,
            None => without += 1,
        }
    }
    let mut countries: Vec<Country> = counts
        .into_iter()
        .map(|(code, count)| Country {
            name: country::name(&code).unwrap_or("?"),
            position: position(&code),
            code,
            count,
        })
        .collect();
    countries.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(b.name)));
    Tally {
        countries,
        without,
        total: orgs.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_of_the_knowledge_base_has_a_place_and_the_counts_add_up() {
        let (kb, index) = crate::kb::embedded();
        let all = organisations(&kb, &index, None, Day::today());
        let t = tally(&kb, &all);
        assert_eq!(t.total, all.len());
        assert_eq!(
            t.countries.iter().map(|c| c.count).sum::<usize>() + t.without,
            t.total
        );
        assert_eq!(t.countries[0].code, "US");
        for c in &t.countries {
            assert!(c.position.is_some(), "{} has no position", c.code);
        }
        let (lon, lat) = position("de").unwrap();
        assert!((5.0..16.0).contains(&lon) && (47.0..56.0).contains(&lat));
    }
}
