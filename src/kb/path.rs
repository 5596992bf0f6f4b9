//! The shortest chain of links between two alliances or organisations.
//!
//! The graph has a node per alliance and per organisation. An organisation is linked to each
//! alliance it leads or belongs to, to its parent and its group companies, and to the alliance it
//! embodies (the Partnership on AI is both). Alliances are linked by their declared relations.
//! Links through a concrete organisation cost 1; a declared relation costs 3, so the chain shows
//! who connects two alliances whenever a short such chain exists; being the same entity costs 0.

use super::index::{Index, Ix};
use super::{Day, Entity, Kb, Role};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// One link of a chain, and why it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// The organisation leads or belongs to the alliance (`role` is `None` for a lead that is
    /// not listed among the members).
    Member {
        org: Ix,
        alliance: Ix,
        role: Option<Role>,
    },
    /// `child` belongs to `parent`.
    Parent { child: Ix, parent: Ix },
    /// The organisation is the alliance.
    Same { org: Ix, alliance: Ix },
    /// A declared relation: the `index`-th `related` entry of alliance `from`.
    Declared { from: Ix, index: Ix },
    /// The alliance works on the focus area.
    Focus { alliance: Ix, focus: Ix },
}

/// Which links besides members, leads, groups and declared relations a chain may use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Via {
    /// Focus areas: two alliances that work on one are linked through it.
    pub focus: bool,
}

/// A step of a chain: the node reached and the link that reached it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub node: Entity,
    pub link: Link,
}

const MEMBER_COST: u32 = 1;
const PARENT_COST: u32 = 1;
const SAME_COST: u32 = 0;
const DECLARED_COST: u32 = 3;
/// Through a focus area (alliance → area → alliance) costs more than a declared relation: a
/// shared theme says less than a stated link.
const FOCUS_COST: u32 = 2;

/// The cheapest chain from `from` to `to`, as the steps after `from`; `None` when no chain
/// connects them. Among equally cheap chains, the one with fewer declared relations wins.
pub fn shortest(
    kb: &Kb,
    index: &Index,
    from: Entity,
    to: Entity,
    day: Day,
    via: Via,
) -> Option<Vec<Step>> {
    let n_alliances = kb.alliances.len();
    let with_orgs = n_alliances + kb.organizations.len();
    let total = with_orgs + if via.focus { kb.focus_areas.len() } else { 0 };
    // Alliances, then organisations, then focus areas: the nodes of the graph.
    let id = |node: Entity| match node {
        Entity::Alliance(a) => a,
        Entity::Org(o) => n_alliances + o,
        Entity::Focus(f) if via.focus => with_orgs + f,
        Entity::Focus(_) | Entity::Artifact(_) => total,
    };
    if id(from) >= total || id(to) >= total {
        return None;
    }
    let mut best: Vec<(u32, u32)> = vec![(u32::MAX, u32::MAX); total];
    let mut came: Vec<Option<(Entity, Link)>> = vec![None; total];
    let mut queue = BinaryHeap::new();
    best[id(from)] = (0, 0);
    queue.push(Reverse((0u32, 0u32, from)));
    while let Some(Reverse((cost, declared, node))) = queue.pop() {
        if (cost, declared) > best[id(node)] {
            continue;
        }
        if node == to {
            break;
        }
        for (next, link, step_cost) in neighbours(kb, index, node, day, via) {
            let d = declared + u32::from(matches!(link, Link::Declared { .. }));
            let c = cost + step_cost;
            if (c, d) < best[id(next)] {
                best[id(next)] = (c, d);
                came[id(next)] = Some((node, link));
                queue.push(Reverse((c, d, next)));
            }
        }
    }
    if best[id(to)].0 == u32::MAX {
        return None;
    }
    let mut steps = Vec::new();
    let mut at = to;
    while at != from {
        let (prev, link) = came[id(at)].clone()?;
        steps.push(Step { node: at, link });
        at = prev;
    }
    steps.reverse();
    Some(steps)
}

fn neighbours(
    kb: &Kb,
    index: &Index,
    node: Entity,
    day: Day,
    via: Via,
) -> Vec<(Entity, Link, u32)> {
    let mut out = Vec::new();
    match node {
        Entity::Alliance(a) => {
            let Some(alliance) = kb.alliances.get(a) else {
                return out;
            };
            let mut members: Vec<&str> = Vec::new();
            for (_, member) in alliance.members_on(day) {
                members.push(&member.org);
                if let Some(o) = index.org(kb, &member.org) {
                    let link = Link::Member {
                        org: o,
                        alliance: a,
                        role: Some(member.role),
                    };
                    out.push((Entity::Org(o), link, MEMBER_COST));
                }
            }
            for lead in alliance.leads_on(day) {
                if let Some(o) = index.org(kb, &lead.org)
                    && !members.contains(&lead.org.as_str())
                {
                    let link = Link::Member {
                        org: o,
                        alliance: a,
                        role: None,
                    };
                    out.push((Entity::Org(o), link, MEMBER_COST));
                }
            }
            if let Some(o) = index.alliance_org(a) {
                out.push((
                    Entity::Org(o),
                    Link::Same {
                        org: o,
                        alliance: a,
                    },
                    SAME_COST,
                ));
            }
            for &(from, i) in index.declared(a) {
                let other = if from == a {
                    alliance
                        .related
                        .get(i)
                        .and_then(|r| index.alliance(kb, &r.alliance))
                } else {
                    Some(from)
                };
                if let Some(b) = other.filter(|&b| b != a) {
                    let link = Link::Declared { from, index: i };
                    out.push((Entity::Alliance(b), link, DECLARED_COST));
                }
            }
            if via.focus {
                for &f in index.alliance_focus(a) {
                    let link = Link::Focus {
                        alliance: a,
                        focus: f,
                    };
                    out.push((Entity::Focus(f), link, FOCUS_COST));
                }
            }
        }
        Entity::Org(o) => {
            let Some(org) = kb.organizations.get(o) else {
                return out;
            };
            for l in index.org_links(o) {
                if !l.holds_on(kb, day) {
                    continue;
                }
                let role = l
                    .member()
                    .filter(|_| l.member_on(kb, day))
                    .and_then(|m| kb.alliances[l.alliance()].members.get(m))
                    .map(|m| m.role);
                let link = Link::Member {
                    org: o,
                    alliance: l.alliance(),
                    role,
                };
                out.push((Entity::Alliance(l.alliance()), link, MEMBER_COST));
            }
            if let Some(p) = index.parent_on(kb, o, day) {
                out.push((
                    Entity::Org(p),
                    Link::Parent {
                        child: o,
                        parent: p,
                    },
                    PARENT_COST,
                ));
            }
            for c in index.children_on(kb, o, day) {
                out.push((
                    Entity::Org(c),
                    Link::Parent {
                        child: c,
                        parent: o,
                    },
                    PARENT_COST,
                ));
            }
            if let Some(a) = org.alliance.as_deref().and_then(|a| index.alliance(kb, a)) {
                out.push((
                    Entity::Alliance(a),
                    Link::Same {
                        org: o,
                        alliance: a,
                    },
                    SAME_COST,
                ));
            }
        }
        Entity::Focus(f) => {
            if via.focus {
                for &a in index.focus_alliances(f) {
                    let link = Link::Focus {
                        alliance: a,
                        focus: f,
                    };
                    out.push((Entity::Alliance(a), link, FOCUS_COST));
                }
            }
        }
        Entity::Artifact(_) => {}
    }
    out
}

impl Link {
    /// The link in words.
    pub fn describe(&self, kb: &Kb) -> String {
        let org = |o: &Ix| kb.organizations.get(*o).map_or("?", |o| o.name.as_str());
        let alliance = |a: &Ix| kb.alliances.get(*a).map_or("?", |a| a.name.as_str());
        match self {
            Link::Member {
                org: o,
                alliance: a,
                role,
            } => match role {
                Some(Role::Lead) | None => format!("{} leads {}", org(o), alliance(a)),
                Some(role) => format!(
                    "{} is {} of {}",
                    org(o),
                    with_article(role.tie()),
                    alliance(a)
                ),
            },
            Link::Parent { child, parent } => format!("{} belongs to {}", org(child), org(parent)),
            Link::Same {
                org: o,
                alliance: a,
            } => {
                format!(
                    "the organisation {} is the alliance {}",
                    org(o),
                    alliance(a)
                )
            }
            Link::Declared { from, index } => kb
                .alliances
                .get(*from)
                .and_then(|a| a.related.get(*index))
                .map_or_else(String::new, |r| r.why.to_string()),
            Link::Focus { alliance: a, focus } => format!(
                "{} works on {}",
                alliance(a),
                kb.focus_areas.get(*focus).map_or("?", |f| f.name.as_str())
            ),
        }
    }
}

/// `a founding member`, `an associated`…: the tie with its article.
fn with_article(tie: &str) -> String {
    match tie {
        "associated" => "associated with the work".to_string(),
        "through experts" => "involved through experts in the work".to_string(),
        t if t.starts_with(['a', 'e', 'i', 'o', 'u']) => format!("an {t}"),
        t => format!("a {t}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::embedded as kb;

    fn names(kb: &Kb, steps: &[Step]) -> Vec<String> {
        steps
            .iter()
            .map(|s| match s.node {
                Entity::Alliance(a) => kb.alliances[a].name.to_string(),
                Entity::Org(o) => format!("({})", kb.organizations[o].name),
                other => other.name(kb).to_string(),
            })
            .collect()
    }

    #[test]
    fn the_telco_alliance_reaches_the_ai_alliance_through_concrete_members() {
        let (kb, index) = kb();
        let from = Entity::Alliance(index.alliance(&kb, "global-telco-ai-alliance").unwrap());
        let to = Entity::Alliance(index.alliance(&kb, "ai-alliance").unwrap());
        let steps = shortest(&kb, &index, from, to, Day::ARTICLE, Via::default()).unwrap();
        let path = names(&kb, &steps);
        let through_dt = path.contains(&"(Deutsche Telekom)".to_string())
            && path.contains(&"Partnership on AI".to_string());
        let through_softbank = path.contains(&"(SoftBank Corp.)".to_string())
            && path.contains(&"(SB Intuitions)".to_string());
        assert!(through_dt || through_softbank, "{path:?}");
        assert_eq!(path.last().unwrap(), "AI Alliance");
        assert!(
            steps
                .iter()
                .all(|s| !matches!(s.link, Link::Declared { .. }))
        );
        for step in &steps {
            assert!(!step.link.describe(&kb).is_empty());
        }
    }

    #[test]
    fn organisations_are_endpoints_too() {
        let (kb, index) = kb();
        let nvidia = Entity::Org(index.org(&kb, "nvidia").unwrap());
        let ibm = Entity::Org(index.org(&kb, "ibm").unwrap());
        let steps = shortest(&kb, &index, nvidia, ibm, Day::ARTICLE, Via::default()).unwrap();
        assert_eq!(steps.last().unwrap().node, ibm);
        assert_eq!(
            shortest(&kb, &index, ibm, ibm, Day::ARTICLE, Via::default()),
            Some(vec![])
        );
    }

    #[test]
    fn disconnected_nodes_have_no_path() {
        let text = r#"(
            organizations: [(id: "a", name: "A", kind: company), (id: "b", name: "B", kind: company)],
            alliances: [
                (id: "x", name: "X", kind: industry, scope: national, summary: "s", members: [(org: "a")]),
                (id: "y", name: "Y", kind: industry, scope: national, summary: "s", members: [(org: "b")]),
            ],
        )"#;
        let kb = crate::kb::load::load_files([("t.ron".into(), text.as_bytes().to_vec())]).unwrap();
        let index = Index::new(&kb);
        assert_eq!(
            shortest(
                &kb,
                &index,
                Entity::Alliance(0),
                Entity::Alliance(1),
                Day::ARTICLE,
                Via::default()
            ),
            None
        );
        assert_eq!(
            shortest(
                &kb,
                &index,
                Entity::Alliance(0),
                Entity::Org(9),
                Day::ARTICLE,
                Via::default()
            ),
            None
        );
    }

    #[test]
    fn links_read_as_sentences() {
        let (kb, index) = kb();
        let ibm = index.org(&kb, "ibm").unwrap();
        let aia = index.alliance(&kb, "ai-alliance").unwrap();
        let link = Link::Member {
            org: ibm,
            alliance: aia,
            role: Some(Role::Founding),
        };
        assert_eq!(
            link.describe(&kb),
            "IBM is a founding member of AI Alliance"
        );
        let link = Link::Member {
            org: ibm,
            alliance: aia,
            role: None,
        };
        assert_eq!(link.describe(&kb), "IBM leads AI Alliance");
    }
}
