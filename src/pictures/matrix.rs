//! The overlap matrix: alliances × alliances, each cell the number of organisations the two
//! share on a day (leads and members, as the compare view counts them), the diagonal an
//! alliance's size; or alliances × focus areas, a cell marking an alliance working on one.
//! Cells are worked out one by one, so a window of a big matrix costs only what it shows.

use crate::kb::{Day, Index, Ix, Kb};

/// The alliances in the matrix's order: the largest on the day first, then by name.
pub fn axis(kb: &Kb, day: Day) -> Vec<Ix> {
    let mut axis: Vec<(usize, Ix)> = kb
        .alliances
        .iter()
        .enumerate()
        .map(|(a, al)| (al.size_on(day), a))
        .collect();
    axis.sort_by(|x, y| {
        y.0.cmp(&x.0).then_with(|| {
            crate::text::compare_names(
                kb.alliances[x.1].name_on(day),
                kb.alliances[y.1].name_on(day),
            )
        })
    });
    axis.into_iter().map(|(_, a)| a).collect()
}

/// The organisations that lead or belong to an alliance on the day, sorted, each once.
pub fn orgs(kb: &Kb, index: &Index, a: Ix, day: Day) -> Vec<Ix> {
    let Some(al) = kb.alliances.get(a) else {
        return Vec::new();
    };
    if !al.founded_by(day) {
        return Vec::new();
    }
    let founded = al.founded.as_ref();
    let mut orgs: Vec<Ix> = al
        .leads
        .iter()
        .filter(|l| l.held_on(founded, day))
        .map(|l| l.org.as_str())
        .chain(
            al.members
                .iter()
                .filter(|m| m.held_on(founded, day))
                .map(|m| m.org.as_str()),
        )
        .filter_map(|id| index.org(kb, id))
        .collect();
    orgs.sort_unstable();
    orgs.dedup();
    orgs
}

/// What two sorted lists of organisations have in common.
pub fn shared(x: &[Ix], y: &[Ix]) -> Vec<Ix> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(x[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// A cell of the overlap matrix: the organisations two alliances share, or for an alliance
/// with itself its size (its members on the day, as `list` counts them).
pub fn cell(kb: &Kb, index: &Index, a: Ix, b: Ix, day: Day) -> usize {
    if a == b {
        return kb.alliances.get(a).map_or(0, |al| al.size_on(day));
    }
    shared(&orgs(kb, index, a, day), &orgs(kb, index, b, day)).len()
}

/// Whether an alliance works on a focus area.
pub fn works_on(index: &Index, a: Ix, focus: Ix) -> bool {
    index.alliance_focus(a).contains(&focus)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ai_alliance_and_the_partnership_share_five_organisations() {
        let (kb, index) = crate::kb::embedded();
        let day = Day::ARTICLE;
        let ai = index.alliance(&kb, "ai-alliance").unwrap();
        let pai = index.alliance(&kb, "partnership-on-ai").unwrap();
        let both = shared(&orgs(&kb, &index, ai, day), &orgs(&kb, &index, pai, day));
        let mut names: Vec<&str> = both
            .iter()
            .map(|&o| kb.organizations[o].name.as_str())
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["IBM", "Intel", "Meta", "Sony Group", "University of Tokyo"]
        );
        assert_eq!(cell(&kb, &index, ai, pai, day), 5);
        assert_eq!(cell(&kb, &index, pai, ai, day), 5);
        assert_eq!(
            cell(&kb, &index, ai, ai, day),
            kb.alliances[ai].size_on(day)
        );
        assert_eq!(axis(&kb, day)[0], ai, "the largest first");
    }
}
