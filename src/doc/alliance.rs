//! An alliance's page: summary and fields, members grouped by role, notable absences,
//! related alliances with their reasons, facts, outputs, the article's claims and sources.

use super::builder::{Builder, unverified};
use super::{Doc, LineKind, MemberRow, Tone};
use crate::kb::{Alliance, Entity, Index, Ix, Kb, Role, Status};
use crate::text;

/// The details of an alliance: summary and fields, members grouped by role, absences, related
/// alliances with their reasons, facts, outputs, the article's claims and sources.
pub fn alliance(kb: &Kb, index: &Index, a: Ix, width: u16) -> Doc {
    let mut b = Builder::new(width);
    let Some(al) = kb.alliances.get(a) else {
        b.text(0, None, "No alliance selected.", Tone::Dim, None);
        return b.finish();
    };
    b.title(&al.name);
    let kind = format!("{} · {}", al.kind.label(), al.scope.label());
    b.text(0, None, &kind, Tone::Dim, None);
    b.names(&al.names);
    b.blank();
    b.text(0, None, &al.summary, Tone::Normal, None);
    b.blank();
    if let Some(founded) = &al.founded {
        let mut value = founded.to_string();
        if let Some(note) = &al.founded_note {
            value.push_str(&format!(" ({note})"));
        }
        b.field("Founded", &value);
    }
    if let Some(region) = &al.region {
        b.field("Region", region);
    }
    let leads: Vec<&str> = al
        .leads
        .iter()
        .filter_map(|l| index.org(kb, l).map(|o| kb.organizations[o].name.as_str()))
        .collect();
    b.field("Leads", &leads.join(", "));
    if let Some(site) = &al.website {
        b.field("Website", site);
    }
    b.field("Members", &members_summary(al));
    members(&mut b, kb, index, a, al);
    absences(&mut b, kb, index, al);
    related(&mut b, kb, index, a);
    facts(&mut b, al);
    outputs(&mut b, al);
    claims(&mut b, al);
    b.sources(kb, index, &al.sources);
    b.finish()
}

fn members_summary(al: &Alliance) -> String {
    let n = al.members.len();
    let unverified = al
        .members
        .iter()
        .filter(|m| m.status == Status::Unverified)
        .count();
    let mut s = n.to_string();
    if unverified > 0 {
        s.push_str(&format!(" ({unverified} unverified)"));
    }
    s
}

fn members(b: &mut Builder, kb: &Kb, index: &Index, a: Ix, al: &Alliance) {
    let name_cols = al
        .members
        .iter()
        .filter_map(|m| index.org(kb, &m.org))
        .map(|o| text::width(&kb.organizations[o].name))
        .max()
        .unwrap_or(0)
        // Leave room for "  government body · SG  since 2024-02-08" when there is some.
        .min((b.width / 2).max(b.width.saturating_sub(38)))
        .min(u16::MAX as usize) as u16;
    for role in Role::ALL {
        let group: Vec<Ix> = al
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.role == role)
            .map(|(i, _)| i)
            .collect();
        if group.is_empty() {
            continue;
        }
        b.heading(format!("{} ({})", role.heading(), group.len()));
        for m in group {
            let member = &al.members[m];
            let Some(org) = index.org(kb, &member.org) else {
                continue;
            };
            b.push(
                LineKind::Member(MemberRow {
                    alliance: a,
                    member: m,
                    org,
                    name_cols,
                }),
                Some(Entity::Org(org)),
            );
            if let Some(note) = &member.note {
                b.text(4, None, note, Tone::Dim, None);
            }
        }
    }
}

fn absences(b: &mut Builder, kb: &Kb, index: &Index, al: &Alliance) {
    if al.absent.is_empty() {
        return;
    }
    b.heading(format!("Notable absences ({})", al.absent.len()));
    for x in &al.absent {
        let Some(org) = index.org(kb, &x.org) else {
            continue;
        };
        b.text(
            2,
            None,
            &kb.organizations[org].name,
            Tone::Normal,
            Some(Entity::Org(org)),
        );
        b.text(4, None, &x.note, Tone::Dim, None);
    }
}

fn related(b: &mut Builder, kb: &Kb, index: &Index, a: Ix) {
    let related = index.related(kb, a);
    if related.is_empty() {
        return;
    }
    b.heading(format!("Related ({})", related.len()));
    for r in &related {
        b.text(
            2,
            None,
            &kb.alliances[r.alliance].name,
            Tone::Normal,
            Some(Entity::Alliance(r.alliance)),
        );
        for reason in &r.reasons {
            b.text(
                4,
                Some(("· ".into(), Tone::Dim)),
                &index.describe(kb, reason),
                Tone::Dim,
                None,
            );
        }
    }
}

fn facts(b: &mut Builder, al: &Alliance) {
    if al.facts.is_empty() {
        return;
    }
    b.heading(format!("Facts ({})", al.facts.len()));
    for f in &al.facts {
        let tone = if f.status == Status::Unverified {
            Tone::Unverified
        } else {
            Tone::Normal
        };
        let body = format!("{}{}", f.text, unverified(f.status));
        b.text(
            2,
            Some((format!("{}: ", f.topic), Tone::Label)),
            &body,
            tone,
            None,
        );
    }
}

fn outputs(b: &mut Builder, al: &Alliance) {
    if al.outputs.is_empty() {
        return;
    }
    b.heading(format!("Outputs ({})", al.outputs.len()));
    for o in &al.outputs {
        let date = o
            .date
            .as_ref()
            .map_or_else(|| "—".to_string(), ToString::to_string);
        let head = format!("{} ({}){}", o.title, o.kind.label(), unverified(o.status));
        b.text(
            2,
            Some((format!("{date:<12}"), Tone::Dim)),
            &head,
            Tone::Normal,
            None,
        );
        if let Some(note) = &o.note {
            b.text(14, None, note, Tone::Dim, None);
        }
    }
}

fn claims(b: &mut Builder, al: &Alliance) {
    if al.claims.is_empty() {
        return;
    }
    b.heading(format!("The article's claims ({})", al.claims.len()));
    for c in &al.claims {
        let badge = format!("{:<11}", format!("[{}]", c.verdict.label().to_uppercase()));
        b.text(
            2,
            Some((badge, Tone::Verdict(c.verdict))),
            &format!("« {} »", c.article),
            Tone::Quote,
            None,
        );
        b.text(13, None, &c.claim, Tone::Normal, None);
        if let Some(correction) = &c.correction {
            b.text(
                13,
                Some(("→ ".into(), Tone::Dim)),
                correction,
                Tone::Normal,
                None,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::embedded;

    #[test]
    fn an_alliance_document_links_members_absences_and_related_alliances() {
        let (kb, index) = embedded();
        let a = index.alliance(&kb, "ai-alliance").unwrap();
        let doc = alliance(&kb, &index, a, 60);
        let targets: Vec<Entity> = (0..doc.links().len())
            .filter_map(|i| doc.target(i))
            .collect();
        assert_eq!(targets[0], Entity::Org(index.org(&kb, "ibm").unwrap()));
        assert!(targets.contains(&Entity::Org(index.org(&kb, "nvidia").unwrap())));
        assert!(targets.contains(&Entity::Alliance(
            index.alliance(&kb, "partnership-on-ai").unwrap()
        )));
        let headings: Vec<String> = doc
            .sections()
            .iter()
            .map(|&l| match &doc.lines[l].kind {
                LineKind::Heading(h) => h.clone(),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(
            headings,
            [
                "Founding members (57)",
                "Members (28)",
                "Notable absences (8)",
                "Related (7)",
                "Facts (9)",
                "Outputs (3)",
                "The article's claims (13)",
                "Sources (13)",
            ]
        );
    }

    #[test]
    fn text_wraps_to_the_width() {
        let (kb, index) = embedded();
        let a = index.alliance(&kb, "ai-alliance").unwrap();
        for width in [20u16, 45, 100] {
            let doc = alliance(&kb, &index, a, width);
            for line in &doc.lines {
                if let LineKind::Text {
                    indent,
                    prefix,
                    text: t,
                    ..
                } = &line.kind
                {
                    let w = usize::from(*indent)
                        + prefix.as_ref().map_or(0, |(p, _)| text::width(p))
                        + text::width(t);
                    assert!(w <= usize::from(width).max(8) + 4, "{w} > {width}: {t}");
                }
            }
        }
    }

    #[test]
    fn link_lookup_by_line() {
        let (kb, index) = embedded();
        let doc = alliance(&kb, &index, 0, 60);
        let first = doc.links()[0];
        assert_eq!(doc.link_at(first), Some(0));
        assert_eq!(doc.link_at(0), None);
        assert_eq!(doc.first_link_from(0), Some(0));
        assert_eq!(doc.first_link_from(doc.len()), None);
    }
}
