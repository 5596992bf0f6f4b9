//! An alliance's page: summary and fields, members grouped by role, notable absences,
//! related alliances with their reasons, facts, outputs, the article's claims and sources.

use super::builder::{Builder, unverified};
use super::{Doc, Item, LineKind, MemberCols, MemberRow, Tone};
use crate::export::Sheet;
use crate::kb::time::StateOn;
use crate::kb::{Alliance, Day, Entity, EventKind, Index, Ix, Kb, Role, State, Status};
use crate::text;

/// The details of an alliance as of `day`: summary and fields, its standing and history,
/// members grouped by role (former members apart), absences, related alliances with their
/// reasons, facts, outputs, the article's claims and sources.
pub fn alliance(kb: &Kb, index: &Index, a: Ix, width: u16, day: Day) -> Doc {
    let mut b = Builder::new(width);
    let Some(al) = kb.alliances.get(a) else {
        b.text(0, None, "No alliance selected.", Tone::Dim, None);
        return b.finish();
    };
    b.title(al.name_on(day));
    let kind = format!("{} · {}", al.kind.label(), al.scope.label());
    b.text(0, None, &kind, Tone::Dim, None);
    if let Some(renamed) = al
        .history_by(day)
        .filter(|e| e.event == EventKind::Renamed && e.name.is_some())
        .last()
    {
        let was = format!("formerly {} (renamed {})", al.name, renamed.date);
        b.text(0, None, &was, Tone::Dim, None);
    }
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
    b.field("Status", &state_text(kb, al, day));
    if let Some(region) = &al.region {
        b.field("Region", region);
    }
    b.field("Leads", &leads_text(kb, index, al, day));
    if let Some(site) = &al.website {
        b.field_link("Website", site, Item::Website(Entity::Alliance(a)));
    }
    let current: Vec<Ix> = al.members_on(day).map(|(m, _)| m).collect();
    b.field("Members", &members_summary(al, &current));
    // One set of columns for the members and the former members, so that they line up.
    let cols = member_cols(kb, index, al);
    members(&mut b, kb, index, (a, al), &current, cols);
    former_members(&mut b, kb, index, (a, al), day, cols);
    let later =
        al.members.len() - current.len() - al.members.iter().filter(|m| m.left_by(day)).count();
    if later > 0 {
        b.blank();
        b.text(
            0,
            None,
            &format!(
                "{} after {day}.",
                text::count(later, "member joined", "members joined")
            ),
            Tone::Dim,
            None,
        );
    }
    absences(&mut b, kb, index, al);
    related(&mut b, kb, index, a, day);
    history(&mut b, kb, al, day);
    facts(&mut b, a, al, day);
    outputs(&mut b, al, day);
    claims(&mut b, a, al, day);
    b.sources(kb, index, &al.sources);
    b.finish()
}

/// `active`, `dormant: nothing newer than 2022-08-31 found (looked 2026-12-02)`, `renamed
/// Apply AI Alliance on 2025-10-08`, `not founded yet`.
fn state_text(kb: &Kb, al: &Alliance, day: Day) -> String {
    match al.state_on(day) {
        StateOn::NotYet => format!("not founded yet on {day}"),
        StateOn::Changed(e) => {
            let successor = e
                .successor
                .as_deref()
                .and_then(|s| kb.alliances.iter().find(|a| a.id == s))
                .map(|a| a.name.as_str())
                .or(e.name.as_deref());
            match (e.event, successor) {
                (EventKind::Renamed, Some(to)) => format!("renamed {to} on {}", e.date),
                (EventKind::Merged, Some(to)) => format!("merged into {to} on {}", e.date),
                (kind, _) => format!("{} on {}", kind.label(), e.date),
            }
        }
        StateOn::Going(None) => "active".to_string(),
        StateOn::Going(Some(state)) => {
            let mut s = state.label().to_string();
            if let Some(st) = al.standing.as_ref() {
                match (&st.last_seen, state) {
                    (Some(seen), State::Active) => s.push_str(&format!(" · latest sign {seen}")),
                    (Some(seen), _) => s.push_str(&format!(" · nothing newer than {seen} found")),
                    (None, _) => {}
                }
                s.push_str(&format!(" · looked {}", st.as_of));
                s.push_str(unverified(st.status));
            }
            s
        }
    }
}

/// The leads on `day`, then those who led before: `European Commission; formerly AI HLEG
/// (until 2020-07)`.
fn leads_text(kb: &Kb, index: &Index, al: &Alliance, day: Day) -> String {
    let founded = al.founded.as_ref();
    let name = |org: &str| {
        index
            .org(kb, org)
            .map(|o| kb.organizations[o].name.as_str())
    };
    let now: Vec<&str> = al
        .leads
        .iter()
        .filter(|l| al.founded_by(day) && l.held_on(founded, day))
        .filter_map(|l| name(&l.org))
        .collect();
    let before: Vec<String> = al
        .leads
        .iter()
        .filter(|l| crate::kb::time::ended_by(l.until.as_ref(), day))
        .filter_map(|l| {
            let until = l.until.as_ref()?;
            Some(format!("{} (until {until})", name(&l.org)?))
        })
        .collect();
    match (now.is_empty(), before.is_empty()) {
        (_, true) => now.join(", "),
        (true, false) => format!("formerly {}", before.join(", ")),
        (false, false) => format!("{}; formerly {}", now.join(", "), before.join(", ")),
    }
}

/// `16 (9 unverified)`.
fn members_summary(al: &Alliance, current: &[Ix]) -> String {
    let unverified = current
        .iter()
        .filter(|&&m| al.members[m].status == Status::Unverified)
        .count();
    let mut s = text::number(current.len());
    if unverified > 0 {
        s.push_str(&format!(" ({unverified} unverified)"));
    }
    s
}

/// The widths of the columns of member rows (see [`MemberRow`]).
fn member_cols(kb: &Kb, index: &Index, al: &Alliance) -> MemberCols {
    let widest = |w: usize| w.min(usize::from(u16::MAX)) as u16;
    let mut cols = MemberCols::default();
    for m in &al.members {
        let Some(o) = index.org(kb, &m.org).map(|o| &kb.organizations[o]) else {
            continue;
        };
        cols.name = cols.name.max(widest(text::width(&o.name)));
        cols.kind = cols
            .kind
            .max(widest(text::width(&super::kind_and_country(o))));
        cols.dates = cols.dates.max(widest(super::member_dates(al, m).len()));
        if m.status == crate::kb::Status::Unverified {
            cols.tag = super::UNVERIFIED.chars().count() as u16;
        }
    }
    cols
}

/// One member row (a link to the organisation), and its note.
fn member_row(b: &mut Builder, kb: &Kb, index: &Index, a: Ix, m: Ix, cols: MemberCols) {
    let member = &kb.alliances[a].members[m];
    let Some(org) = index.org(kb, &member.org) else {
        return;
    };
    b.push(
        LineKind::Member(MemberRow {
            alliance: a,
            member: m,
            org,
            cols,
        }),
        Some(Item::Entity(Entity::Org(org))),
    );
    if let Some(note) = &member.note {
        b.text(4, None, note, Tone::Dim, None);
    }
}

/// The members of an alliance on the day as a table to write out, in the page's order (by
/// role, then by name), the former members after them: what `show --format csv` prints and
/// `w` writes from an alliance's page.
pub fn member_sheet(kb: &Kb, index: &Index, a: Ix, day: Day) -> Sheet {
    let mut sheet = Sheet::new(&[
        "ID", "Name", "Kind", "Country", "Role", "Since", "Until", "Status", "Sources",
    ]);
    let Some(al) = kb.alliances.get(a) else {
        return sheet;
    };
    let mut current: Vec<Ix> = al.members_on(day).map(|(m, _)| m).collect();
    by_name(kb, index, al, &mut current);
    current.sort_by_key(|&m| al.members[m].role);
    let mut former: Vec<Ix> = (0..al.members.len())
        .filter(|&m| al.members[m].left_by(day))
        .collect();
    by_name(kb, index, al, &mut former);
    let date = |d: Option<&crate::kb::Date>| d.map_or_else(String::new, ToString::to_string);
    for m in current.into_iter().chain(former) {
        let member = &al.members[m];
        let Some(o) = index.org(kb, &member.org) else {
            continue;
        };
        let org = &kb.organizations[o];
        sheet.push(vec![
            org.id.to_string(),
            org.name_on(day).to_string(),
            org.kind.label().to_string(),
            org.country.as_deref().unwrap_or("").to_string(),
            member.role.label().to_string(),
            date(member.since.as_ref()),
            date(member.until.as_deref()),
            member.status.label().to_string(),
            member.sources.join(" "),
        ]);
    }
    sheet
}

/// Member entries in the order of their organisations' names.
fn by_name(kb: &Kb, index: &Index, al: &Alliance, members: &mut [Ix]) {
    let name = |m: Ix| {
        index
            .org(kb, &al.members[m].org)
            .map_or("", |o| kb.organizations[o].name.as_str())
    };
    members.sort_by(|&x, &y| text::compare_names(name(x), name(y)));
}

/// The members on the day, grouped by role, each group by name.
fn members(
    b: &mut Builder,
    kb: &Kb,
    index: &Index,
    (a, al): (Ix, &Alliance),
    current: &[Ix],
    cols: MemberCols,
) {
    for role in Role::ALL {
        let mut group: Vec<Ix> = current
            .iter()
            .copied()
            .filter(|&m| al.members[m].role == role)
            .collect();
        by_name(kb, index, al, &mut group);
        if group.is_empty() {
            continue;
        }
        b.heading(format!("{} ({})", role.heading(), group.len()));
        for m in group {
            member_row(b, kb, index, a, m, cols);
        }
    }
}

/// The members that had left by the day, each with the date it left.
fn former_members(
    b: &mut Builder,
    kb: &Kb,
    index: &Index,
    (a, al): (Ix, &Alliance),
    day: Day,
    cols: MemberCols,
) {
    let mut former: Vec<Ix> = (0..al.members.len())
        .filter(|&m| al.members[m].left_by(day))
        .collect();
    by_name(kb, index, al, &mut former);
    if former.is_empty() {
        return;
    }
    b.heading(format!("Former members ({})", former.len()));
    for m in former {
        member_row(b, kb, index, a, m, cols);
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
            Some(Item::Entity(Entity::Org(org))),
        );
        b.text(4, None, &x.note, Tone::Dim, None);
    }
}

fn related(b: &mut Builder, kb: &Kb, index: &Index, a: Ix, day: Day) {
    let related = index.related(kb, a, day);
    if related.is_empty() {
        return;
    }
    b.heading(format!("Related ({})", related.len()));
    for r in &related {
        b.text(
            2,
            None,
            kb.alliances[r.alliance].name_on(day),
            Tone::Normal,
            Some(Item::Entity(Entity::Alliance(r.alliance))),
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

/// What happened to it up to the day (founded, relaunched, renamed, merged, ended), then
/// what the latest look at it found, if that was by the day.
fn history(b: &mut Builder, kb: &Kb, al: &Alliance, day: Day) {
    let events: Vec<_> = al.history_by(day).collect();
    let look = al
        .standing
        .as_ref()
        .filter(|s| s.as_of.by(day) && s.note.is_some());
    if events.is_empty() && look.is_none() {
        return;
    }
    b.heading(format!(
        "History ({})",
        events.len() + usize::from(look.is_some())
    ));
    let mut line = |date: &crate::kb::Date, head: String| {
        b.text(
            2,
            Some((format!("{:<12}", date.as_str()), Tone::Dim)),
            &head,
            Tone::Normal,
            None,
        );
    };
    for e in events {
        let mut head = e.event.label().to_string();
        let successor = e
            .successor
            .as_deref()
            .and_then(|s| kb.alliances.iter().find(|a| a.id == s))
            .map(|a| a.name.as_str());
        if let Some(to) = e.name.as_deref().or(successor) {
            head.push_str(match e.event {
                EventKind::Merged => " into ",
                _ => ": ",
            });
            head.push_str(to);
        }
        if let Some(t) = &e.text {
            head.push_str(". ");
            head.push_str(t);
        }
        head.push_str(unverified(e.status));
        line(&e.date, head);
    }
    if let Some(st) = look {
        let mut head = format!("looked: {}", st.state.label());
        if let Some(note) = &st.note {
            head.push_str(". ");
            head.push_str(note);
        }
        head.push_str(unverified(st.status));
        line(&st.as_of, head);
    }
}

/// The facts known by the day (a fact dated later is not yet one), each with the date it
/// describes.
fn facts(b: &mut Builder, a: Ix, al: &Alliance, day: Day) {
    let known: Vec<_> = al
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.as_of.as_ref().is_none_or(|d| d.by(day)))
        .collect();
    if known.is_empty() {
        return;
    }
    b.heading(format!("Facts ({})", known.len()));
    for (i, f) in known {
        let tone = if f.status == Status::Unverified {
            Tone::Unverified
        } else {
            Tone::Normal
        };
        let topic = match &f.as_of {
            Some(d) => format!("{} ({d}): ", f.topic),
            None => format!("{}: ", f.topic),
        };
        let body = format!("{}{}", f.text, unverified(f.status));
        b.text(
            2,
            Some((topic, Tone::Label)),
            &body,
            tone,
            Some(Item::Fact(a, i)),
        );
    }
}

/// The outputs dated by the day (and those with no date).
fn outputs(b: &mut Builder, al: &Alliance, day: Day) {
    let known: Vec<_> = al
        .outputs
        .iter()
        .filter(|o| o.date.as_ref().is_none_or(|d| d.by(day)))
        .collect();
    if known.is_empty() {
        return;
    }
    b.heading(format!("Outputs ({})", known.len()));
    for o in known {
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

/// What the article claims, checked; what changed since, if it had by the day.
fn claims(b: &mut Builder, a: Ix, al: &Alliance, day: Day) {
    if al.claims.is_empty() {
        return;
    }
    b.heading(format!("The article's claims ({})", al.claims.len()));
    for (k, c) in al.claims.iter().enumerate() {
        b.mark_claim(k);
        claim_lines(b, c, day, Item::Claim(a, k));
    }
}

/// A claim: its verdict and the article's words, what it means, what the sources say, and
/// what changed since, if it had by the day.
fn claim_lines(b: &mut Builder, c: &crate::kb::Claim, day: Day, item: Item) {
    // `[UNVERIFIED] `, the widest badge, sets where the words start.
    const BADGE: u16 = 13;
    let badge = format!(
        "{:<width$}",
        format!("[{}]", c.verdict.label().to_uppercase()),
        width = usize::from(BADGE)
    );
    // On a narrow page the badge stands on its own line and the words under it.
    let hang = if b.too_wide(usize::from(2 + BADGE)) {
        4
    } else {
        2 + BADGE
    };
    b.text(
        2,
        Some((badge, Tone::Verdict(c.verdict))),
        &format!("« {} »", c.quote()),
        Tone::Quote,
        Some(item),
    );
    b.text(hang, None, &c.claim, Tone::Normal, None);
    if let Some(correction) = &c.correction {
        b.text(
            hang,
            Some(("→ ".into(), Tone::Dim)),
            correction,
            Tone::Normal,
            None,
        );
    }
    if let Some(later) = c.later.as_ref().filter(|l| l.date.by(day)) {
        b.text(
            hang,
            Some((format!("Since {}: ", later.date), Tone::Label)),
            &later.text,
            Tone::Normal,
            None,
        );
    }
}

/// One of the article's claims on a page of its own: the alliance it is about (a link), the
/// claim, and its sources with their addresses.
pub fn claim(kb: &Kb, index: &Index, a: Ix, c: Ix, width: u16, day: Day) -> Doc {
    let mut b = Builder::new(width);
    let Some(claim) = kb.alliances.get(a).and_then(|al| al.claims.get(c)) else {
        b.text(0, None, "No claim selected.", Tone::Dim, None);
        return b.finish();
    };
    let al = &kb.alliances[a];
    b.title(&format!("What the article says of {}", al.name_on(day)));
    b.text(
        2,
        None,
        al.name_on(day),
        Tone::Normal,
        Some(Item::Entity(Entity::Alliance(a))),
    );
    b.blank();
    claim_lines(&mut b, claim, day, Item::Claim(a, c));
    let mut sources: Vec<crate::kb::Str> = claim.sources.to_vec();
    if let Some(later) = claim.later.as_ref().filter(|l| l.date.by(day)) {
        sources.extend(
            later
                .sources
                .iter()
                .filter(|s| !claim.sources.contains(s))
                .cloned(),
        );
    }
    b.sources(kb, index, &sources);
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::embedded;

    #[test]
    fn an_article_quote_written_in_its_own_guillemets_is_not_doubled() {
        let (mut kb, _) = embedded();
        let a = kb
            .alliances
            .iter()
            .position(|a| !a.claims.is_empty())
            .unwrap();
        kb.alliances[a].claims[0].article = "« Acme et consorts »".into();
        kb.alliances[a].claims[1].article = "\"Acme\"".into();
        let index = crate::kb::Index::new(&kb);
        let doc = alliance(&kb, &index, a, 100, crate::kb::TEST_DAY);
        let text: Vec<String> = (0..doc.len())
            .map(|i| doc.segments(&kb, i).into_iter().map(|(t, _)| t).collect())
            .collect();
        let quoted = |q: &str| text.iter().any(|l| l.trim_end().ends_with(q));
        assert!(quoted("]  « Acme et consorts »"), "{text:#?}");
        assert!(quoted("]  « Acme »"), "{text:#?}");
    }

    #[test]
    fn an_alliance_document_links_members_absences_and_related_alliances() {
        let (kb, index) = embedded();
        let a = index.alliance(&kb, "ai-alliance").unwrap();
        let doc = alliance(&kb, &index, a, 60, crate::kb::TEST_DAY);
        let targets: Vec<Entity> = (0..doc.links().len())
            .filter_map(|i| doc.target(i))
            .collect();
        // Members come by name within their group: A*STAR first of the founding members.
        assert_eq!(targets[0], Entity::Org(index.org(&kb, "a-star").unwrap()));
        assert!(targets.contains(&Entity::Org(index.org(&kb, "ibm").unwrap())));
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
                "History (2)",
                "Facts (24)",
                "Outputs (18)",
                "The article's claims (15)",
                "Sources (19)",
            ]
        );
    }

    #[test]
    fn text_wraps_to_the_width() {
        let (kb, index) = embedded();
        let a = index.alliance(&kb, "ai-alliance").unwrap();
        for width in [20u16, 45, 100] {
            let doc = alliance(&kb, &index, a, width, crate::kb::TEST_DAY);
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
        let doc = alliance(&kb, &index, 0, 60, crate::kb::TEST_DAY);
        let first = doc.links()[0];
        assert_eq!(doc.link_at(first), Some(0));
        assert_eq!(doc.link_at(0), None);
        assert_eq!(doc.first_link_from(0), Some(0));
        assert_eq!(doc.first_link_from(doc.len()), None);
    }
}
