//! The page of one step of a chain of links: which step it is, why it is linked to the one
//! before, then the page of what it reaches.

use super::builder::Builder;
use super::{Doc, LinkRow, Tone};
use crate::kb::{Day, Entity, Index, Kb};

/// The page of step `at` of `chain` (its start, then each step): the reason for its link, in
/// full, above the page of the entity it reaches.
pub fn step(kb: &Kb, index: &Index, chain: &[LinkRow], at: usize, width: u16, day: Day) -> Doc {
    let Some(row) = chain.get(at) else {
        return Doc::default();
    };
    let links = chain.len().saturating_sub(1);
    let mut b = Builder::new(width);
    match at.checked_sub(1).and_then(|before| chain.get(before)) {
        None => {
            let end = chain.last().map_or("", |r| r.name.as_str());
            b.text(
                0,
                Some(("Start  ".into(), Tone::Label)),
                &format!(
                    "{} to {end} in {}.",
                    row.name,
                    crate::text::count(links, "link", "links")
                ),
                Tone::Normal,
                None,
            );
        }
        Some(before) => {
            b.text(
                0,
                Some((format!("Step {at} of {links}  "), Tone::Label)),
                &format!("{} → {}", before.name, row.name),
                Tone::Normal,
                None,
            );
            b.text(2, None, &row.label, Tone::Normal, None);
        }
    }
    b.blank();
    let mut doc = b.finish();
    doc.append(match row.target {
        Entity::Alliance(a) => super::alliance(kb, index, a, width, day),
        entity => super::entity::page_with_links(kb, index, entity, width, day),
    });
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::{TEST_DAY, load_embedded};

    #[test]
    fn a_step_says_why_it_is_linked_then_shows_its_page() {
        let kb = load_embedded().unwrap();
        let index = Index::new(&kb);
        let meta = Entity::Org(index.org(&kb, "meta").unwrap());
        let ai = Entity::Alliance(index.alliance(&kb, "ai-alliance").unwrap());
        let chain = [
            LinkRow {
                target: meta,
                name: "Meta".into(),
                label: "start".into(),
            },
            LinkRow {
                target: ai,
                name: "AI Alliance".into(),
                label: "Meta is a founding member of AI Alliance".into(),
            },
        ];
        let text = |doc: &Doc| {
            (0..doc.len())
                .map(|l| {
                    doc.segments(&kb, l)
                        .into_iter()
                        .map(|(t, _)| t)
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let start = step(&kb, &index, &chain, 0, 80, TEST_DAY);
        assert!(
            text(&start).starts_with("Start  Meta to AI Alliance in 1 link."),
            "{}",
            text(&start)
        );
        let one = step(&kb, &index, &chain, 1, 80, TEST_DAY);
        let shown = text(&one);
        assert!(
            shown.starts_with("Step 1 of 1  Meta → AI Alliance\n  Meta is a founding member"),
            "{shown}"
        );
        // The alliance's page follows, its links still links.
        assert!(shown.contains("Founded"), "{shown}");
        assert!(!one.links().is_empty());
        assert!(step(&kb, &index, &chain, 2, 80, TEST_DAY).is_empty());
    }
}
