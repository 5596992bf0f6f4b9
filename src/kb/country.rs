//! ISO 3166-1 alpha-2 country codes and their English names, from the `keshvar` crate (the one
//! the map takes its countries' positions from): its ISO short names, except where the ISO's
//! name is a formal one that no reader uses ("United States" for "United States of America").

use std::sync::OnceLock;

/// Names in everyday English where the ISO short name is a formal one.
const EVERYDAY: [(&str, &str); 19] = [
    ("BN", "Brunei"),
    ("BO", "Bolivia"),
    ("CD", "DR Congo"),
    ("FK", "Falkland Islands"),
    ("FM", "Micronesia"),
    ("GB", "United Kingdom"),
    ("IR", "Iran"),
    ("KP", "North Korea"),
    ("KR", "South Korea"),
    ("LA", "Laos"),
    ("MD", "Moldova"),
    ("PS", "Palestine"),
    ("RU", "Russia"),
    ("SY", "Syria"),
    ("TW", "Taiwan"),
    ("TZ", "Tanzania"),
    ("US", "United States"),
    ("VE", "Venezuela"),
    ("VN", "Vietnam"),
];

/// A code with its name.
struct Entry {
    code: [u8; 2],
    name: &'static str,
}

/// Every assigned code, sorted, with its name: made once from keshvar's data.
fn table() -> &'static [Entry] {
    static TABLE: OnceLock<Vec<Entry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<Entry> = keshvar::CountryIterator::new()
            .filter_map(|c| {
                let code: [u8; 2] = c.alpha2().to_string().as_bytes().try_into().ok()?;
                let everyday = EVERYDAY.iter().find(|(e, _)| e.as_bytes() == code);
                let name = everyday.map_or(c.iso_short_name(), |(_, n)| *n);
                Some(Entry { code, name })
            })
            .collect();
        table.sort_by_key(|e| e.code);
        table
    })
}

/// The English name of an ISO 3166-1 alpha-2 code (upper-case), if the code is assigned.
pub fn name(code: &str) -> Option<&'static str> {
    let code: [u8; 2] = code.as_bytes().try_into().ok()?;
    let table = table();
    table
        .binary_search_by_key(&code, |e| e.code)
        .ok()
        .map(|i| table[i].name)
}

/// The code a user means by `value`: a code in either case (`de`), or a country's English name,
/// case and accents ignored (`germany`, `cote d'ivoire`).
pub fn find(value: &str) -> Option<&'static str> {
    let upper = value.trim().to_ascii_uppercase();
    if name(&upper).is_some() {
        return all().find(|(c, _)| *c == upper).map(|(c, _)| c);
    }
    let wanted = crate::text::fold(value.trim());
    all()
        .find(|(_, name)| crate::text::fold(name) == wanted)
        .map(|(code, _)| code)
}

/// Every assigned code with its name, in code order.
pub fn all() -> impl Iterator<Item = (&'static str, &'static str)> {
    table()
        .iter()
        .map(|e| (std::str::from_utf8(&e.code).unwrap_or("??"), e.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_name_in_everyday_english() {
        assert_eq!(all().count(), 249);
        assert_eq!(name("NL"), Some("Netherlands"));
        assert_eq!(name("DE"), Some("Germany"));
        assert_eq!(name("KR"), Some("South Korea"));
        assert_eq!(name("US"), Some("United States"));
        assert_eq!(name("CI"), Some("Côte d'Ivoire"));
        assert_eq!(name("UK"), None);
        assert_eq!(name("us"), None);
        assert_eq!(name("USA"), None);
        assert_eq!(find("de"), Some("DE"));
        assert_eq!(find("Germany"), Some("DE"));
        assert_eq!(find("cote d'ivoire"), Some("CI"));
        assert_eq!(find("Germania"), None);
        // Every everyday name stands for an assigned code.
        for (code, _) in EVERYDAY {
            assert!(all().any(|(c, _)| c == code), "{code}");
        }
    }
}
