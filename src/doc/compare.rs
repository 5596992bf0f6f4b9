//! The organisations of two alliances side by side.

use super::LinkRow;
use crate::kb::{Day, Entity, Index, Ix, Kb};

/// The organisations of two alliances on `day` (members and leads): those in both, only in
/// the first, only in the second, each by name, labelled with its ties.
pub fn compare(kb: &Kb, index: &Index, a: Ix, b: Ix, day: Day) -> [Vec<LinkRow>; 3] {
    let ties = |alliance: Ix| -> std::collections::BTreeMap<Ix, String> {
        let mut map = std::collections::BTreeMap::new();
        let Some(al) = kb.alliances.get(alliance) else {
            return map;
        };
        if !al.founded_by(day) {
            return map;
        }
        let founded = al.founded.as_ref();
        for lead in al.leads.iter().filter(|l| l.held_on(founded, day)) {
            if let Some(o) = index.org(kb, &lead.org) {
                map.insert(o, "lead".to_string());
            }
        }
        for m in al.members.iter().filter(|m| m.held_on(founded, day)) {
            if let Some(o) = index.org(kb, &m.org) {
                // The short word: two roles side by side fit a column.
                let tie = m.role.label();
                map.entry(o)
                    .and_modify(|t| {
                        if t != tie {
                            *t = format!("{t} · {tie}");
                        }
                    })
                    .or_insert_with(|| tie.to_string());
            }
        }
        map
    };
    let (first, second) = (ties(a), ties(b));
    let row = |o: Ix, label: String| LinkRow {
        target: Entity::Org(o),
        name: kb.organizations[o].name.to_string(),
        label,
    };
    let mut both = Vec::new();
    let mut only_first = Vec::new();
    for (&o, tie) in &first {
        match second.get(&o) {
            Some(other) if other == tie => both.push(row(o, format!("{tie} in both"))),
            Some(other) => both.push(row(o, format!("{tie} / {other}"))),
            None => only_first.push(row(o, tie.clone())),
        }
    }
    let mut only_second: Vec<LinkRow> = second
        .iter()
        .filter(|(o, _)| !first.contains_key(o))
        .map(|(&o, tie)| row(o, tie.clone()))
        .collect();
    for list in [&mut both, &mut only_first, &mut only_second] {
        list.sort_by_cached_key(|x| x.name.to_lowercase());
    }
    [both, only_first, only_second]
}
