//! One line about an entity, for result lists.

use crate::kb::index::link_label;
use crate::kb::{Day, Entity, Index, Kb};
use crate::text;

/// One line about an entity for result lists: an organisation's country and ties to alliances, an
/// alliance's kind and size, the alliances working on a focus area, where an artifact comes
/// from; on `day`. At most a few names, each capped, so a line costs the same for any
/// knowledge base.
pub fn context(kb: &Kb, index: &Index, target: Entity, day: Day) -> String {
    const SHOWN: usize = 4;
    let list = |items: Vec<String>, total: usize, sep: &str| {
        let mut s = items.join(sep);
        if total > items.len() {
            s.push_str(&format!("{sep}and {} more", total - items.len()));
        }
        s
    };
    let name = |s: &str| text::capped(s, 256).into_owned();
    match target {
        Entity::Org(o) => {
            let links = index.org_links(o);
            let shown = links
                .iter()
                .take(SHOWN)
                .map(|l| {
                    format!(
                        "{} ({})",
                        name(kb.alliances[l.alliance()].name_on(day)),
                        link_label(kb, l, day)
                    )
                })
                .collect();
            let ties = list(shown, links.len(), "; ");
            // The country code first, so a narrow column keeps it.
            match kb.organizations[o].country.as_deref() {
                Some(code) if ties.is_empty() => code.to_string(),
                Some(code) => format!("{code} · {ties}"),
                None => ties,
            }
        }
        Entity::Alliance(a) => {
            let al = &kb.alliances[a];
            let year = al
                .founded
                .as_ref()
                .and_then(|d| d.year())
                .map_or_else(String::new, |y| format!(" · {y}"));
            format!(
                "{}{year} · {}",
                al.kind.label(),
                text::count(al.size_on(day), "member", "members")
            )
        }
        Entity::Focus(f) => {
            let alliances = index.focus_alliances(f);
            let shown = alliances
                .iter()
                .take(SHOWN)
                .map(|&a| name(kb.alliances[a].name_on(day)))
                .collect();
            list(shown, alliances.len(), ", ")
        }
        Entity::Artifact(t) => {
            let art = &kb.artifacts[t];
            let origin: Vec<String> = art
                .origin
                .iter()
                .filter_map(|o| index.org(kb, o))
                .take(SHOWN)
                .map(|o| name(&kb.organizations[o].name))
                .collect();
            format!(
                "{} from {}",
                art.kind.label(),
                list(origin, art.origin.len(), ", ")
            )
        }
    }
}
