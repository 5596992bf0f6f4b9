//! The details of an alliance, organisation, focus area or artifact, laid out for a width:
//! lines, the links among them (what Enter follows in the explorer) and the section headings
//! (what `{` and `}` jump between). The explorer draws them; `alliances show` prints them.
//!
//! A document is built once when its entity or the width changes, never per frame; the
//! explorer draws only the visible slice. Member rows keep indices instead of text, so an
//! alliance with a million members costs one small row each.

use crate::kb::index::{Ix, link_label};
use crate::kb::{Alliance, Index, Kb, LocalName, Role, Status, Verdict, country};
use crate::text;

/// What a link leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Alliance(Ix),
    Org(Ix),
    Focus(Ix),
    Artifact(Ix),
}

/// How a piece of text is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Normal,
    Dim,
    Label,
    Quote,
    Verdict(Verdict),
    Unverified,
    Title,
    Heading,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    Title(String),
    Heading(String),
    Text {
        indent: u16,
        /// A label or badge before the first line; continuation lines align after it.
        prefix: Option<(String, Tone)>,
        text: String,
        tone: Tone,
    },
    /// A member row, drawn from the knowledge base when visible.
    Member(MemberRow),
}

/// Where a member row's text comes from, and how wide its name column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberRow {
    pub alliance: Ix,
    pub member: Ix,
    pub org: Ix,
    pub name_cols: u16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub kind: LineKind,
    pub target: Option<Target>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub lines: Vec<DocLine>,
    links: Vec<usize>,
    sections: Vec<usize>,
}

impl Doc {
    /// Line index of each link, in order.
    pub fn links(&self) -> &[usize] {
        &self.links
    }

    /// Line index of each section heading, in order.
    pub fn sections(&self) -> &[usize] {
        &self.sections
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The link shown on `line`, as an index into [`Doc::links`].
    pub fn link_at(&self, line: usize) -> Option<usize> {
        self.links.binary_search(&line).ok()
    }

    /// The first link at or after `line`.
    pub fn first_link_from(&self, line: usize) -> Option<usize> {
        let i = self.links.partition_point(|&l| l < line);
        (i < self.links.len()).then_some(i)
    }

    /// The last line that belongs to the `link`-th link: the lines after it up to the next
    /// link or heading (a member's note, a related alliance's reasons).
    pub fn block_end(&self, link: usize) -> usize {
        let Some(&line) = self.links.get(link) else {
            return 0;
        };
        let next_link = self
            .links
            .get(link + 1)
            .copied()
            .unwrap_or(self.lines.len());
        let next_section = self
            .sections
            .iter()
            .find(|&&s| s > line)
            .copied()
            .unwrap_or(self.lines.len());
        next_link.min(next_section).saturating_sub(1).max(line)
    }

    /// The target of the `link`-th link.
    pub fn target(&self, link: usize) -> Option<Target> {
        self.links
            .get(link)
            .and_then(|&l| self.lines.get(l))
            .and_then(|l| l.target)
    }
}

/// The columns of a member row: the organisation's name, `kind · CC` with the date it joined
/// when that differs from the alliance's founding date, and whether the membership is
/// unverified.
pub fn member_columns<'a>(kb: &'a Kb, row: &MemberRow) -> Option<(&'a str, String, bool)> {
    let a = kb.alliances.get(row.alliance)?;
    let m = a.members.get(row.member)?;
    let o = kb.organizations.get(row.org)?;
    let mut detail = o.kind.label().to_string();
    if let Some(code) = &o.country {
        detail.push_str(" · ");
        detail.push_str(code);
    }
    if let Some(since) = m.since.as_ref().filter(|&s| Some(s) != a.founded.as_ref()) {
        detail.push_str("  since ");
        detail.push_str(since.as_str());
    }
    Some((o.name.as_str(), detail, m.status == Status::Unverified))
}

impl Doc {
    /// A line as text segments with their tones, for printing outside the explorer.
    pub fn segments(&self, kb: &Kb, line: usize) -> Vec<(String, Tone)> {
        let Some(l) = self.lines.get(line) else {
            return Vec::new();
        };
        match &l.kind {
            LineKind::Blank => Vec::new(),
            LineKind::Title(t) => vec![(t.clone(), Tone::Title)],
            LineKind::Heading(h) => vec![(h.clone(), Tone::Heading)],
            LineKind::Text {
                indent,
                prefix,
                text,
                tone,
            } => {
                let mut out = vec![(" ".repeat(usize::from(*indent)), Tone::Normal)];
                out.extend(prefix.clone());
                out.push((text.clone(), *tone));
                out
            }
            LineKind::Member(row) => {
                let Some((name, detail, unverified)) = member_columns(kb, row) else {
                    return Vec::new();
                };
                let mut out = vec![
                    (
                        format!("  {}  ", text::fit(name, usize::from(row.name_cols))),
                        Tone::Normal,
                    ),
                    (detail, Tone::Dim),
                ];
                if unverified {
                    out.push(("  [unverified]".into(), Tone::Unverified));
                }
                out
            }
        }
    }
}

/// Builds a document line by line, wrapping text to the width.
struct Builder {
    width: usize,
    doc: Doc,
}

const LABEL_COLS: usize = 10;

impl Builder {
    fn new(width: u16) -> Self {
        Builder {
            width: usize::from(width).max(8),
            doc: Doc::default(),
        }
    }

    fn push(&mut self, kind: LineKind, target: Option<Target>) {
        if target.is_some() {
            self.doc.links.push(self.doc.lines.len());
        }
        if matches!(kind, LineKind::Heading(_)) {
            self.doc.sections.push(self.doc.lines.len());
        }
        self.doc.lines.push(DocLine { kind, target });
    }

    fn blank(&mut self) {
        if self
            .doc
            .lines
            .last()
            .is_some_and(|l| l.kind != LineKind::Blank)
        {
            self.push(LineKind::Blank, None);
        }
    }

    fn title(&mut self, name: &str) {
        for line in text::wrap(&text::capped(name, text::NAME_BYTES), self.width) {
            self.push(LineKind::Title(line), None);
        }
    }

    fn heading(&mut self, heading: String) {
        self.blank();
        self.push(LineKind::Heading(heading), None);
    }

    /// Wrapped text; the first line may carry a prefix, and the rest align after it.
    fn text(
        &mut self,
        indent: u16,
        prefix: Option<(String, Tone)>,
        body: &str,
        tone: Tone,
        target: Option<Target>,
    ) {
        // A text could be megabytes long: the pane shows its beginning.
        let body = text::capped(body, text::TEXT_BYTES);
        let body = body.as_ref();
        let prefix_cols = prefix.as_ref().map_or(0, |(p, _)| text::width(p));
        // A narrow pane gives up indentation before it gives up text.
        let indent = if usize::from(indent) + prefix_cols + 8 > self.width {
            indent.min(2)
        } else {
            indent
        };
        // A prefix too wide to leave room for text goes on its own line.
        if usize::from(indent) + prefix_cols + 8 > self.width
            && let Some((p, ptone)) = prefix
        {
            self.text(indent, None, p.trim_end(), ptone, target);
            return self.text(indent + 2, None, body, tone, None);
        }
        let lead = usize::from(indent) + prefix_cols;
        let room = self.width.saturating_sub(lead).max(4);
        let mut prefix = prefix;
        let mut target = target;
        for line in text::wrap(body, room) {
            let p = prefix.take();
            let continuation = p.is_none() && lead > usize::from(indent);
            let p = p.or_else(|| {
                continuation.then(|| (" ".repeat(lead - usize::from(indent)), Tone::Normal))
            });
            self.push(
                LineKind::Text {
                    indent,
                    prefix: p,
                    text: line,
                    tone,
                },
                target.take(),
            );
        }
    }

    /// `Label     value`
    fn field(&mut self, label: &str, value: &str) {
        if value.trim().is_empty() {
            return;
        }
        let label = format!("{label:<LABEL_COLS$}");
        self.text(0, Some((label, Tone::Label)), value, Tone::Normal, None);
    }

    fn names(&mut self, names: &[LocalName]) {
        for n in names {
            let mut value = n.name.to_string();
            if let Some(note) = &n.note {
                value.push_str(&format!(" ({note})"));
            }
            if n.status == Status::Unverified {
                value.push_str(" [unverified]");
            }
            let label = format!("{:<LABEL_COLS$}", format!("Name ({})", n.lang));
            self.text(0, Some((label, Tone::Label)), &value, Tone::Normal, None);
        }
    }

    fn sources(&mut self, kb: &Kb, index: &Index, ids: &[crate::kb::Str]) {
        if ids.is_empty() {
            return;
        }
        self.heading(format!("Sources ({})", ids.len()));
        let cols = ids.iter().map(|s| text::width(s)).max().unwrap_or(0) + 2;
        for id in ids {
            let Some(s) = index.source(kb, id).map(|i| &kb.sources[i]) else {
                continue;
            };
            let mut title = s.title.to_string();
            if let Some(date) = &s.date {
                title.push_str(&format!(" ({date})"));
            }
            self.text(
                2,
                Some((format!("{id:<cols$}"), Tone::Dim)),
                &title,
                Tone::Normal,
                None,
            );
            for place in [s.url.as_deref(), s.location.as_deref().map(|l| l.as_str())]
                .into_iter()
                .flatten()
            {
                self.text(2 + cols as u16, None, place, Tone::Dim, None);
            }
        }
    }

    fn finish(self) -> Doc {
        self.doc
    }
}

fn unverified(status: Status) -> &'static str {
    if status == Status::Unverified {
        " [unverified]"
    } else {
        ""
    }
}

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
                Some(Target::Org(org)),
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
            Some(Target::Org(org)),
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
            Some(Target::Alliance(r.alliance)),
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

/// One row of an entity's link list: where it leads and how it relates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRow {
    pub target: Target,
    pub name: String,
    pub label: String,
}

/// An organisation, focus area or artifact: the list of what it links to, and its details.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityPage {
    pub links: Vec<LinkRow>,
    pub doc: Doc,
}

/// The member view of an organisation: every alliance it leads, belongs to or is absent from,
/// then its group and artifacts; and its details.
pub fn organization(kb: &Kb, index: &Index, o: Ix, width: u16) -> EntityPage {
    let mut b = Builder::new(width);
    let Some(org) = kb.organizations.get(o) else {
        return EntityPage::default();
    };
    let mut links: Vec<LinkRow> = index
        .org_links(o)
        .iter()
        .map(|l| LinkRow {
            target: Target::Alliance(l.alliance()),
            name: kb.alliances[l.alliance()].name.to_string(),
            label: link_label(kb, l),
        })
        .collect();
    if let Some(a) = org.alliance.as_deref().and_then(|a| index.alliance(kb, a)) {
        links.push(LinkRow {
            target: Target::Alliance(a),
            name: kb.alliances[a].name.to_string(),
            label: "this organisation is the alliance".into(),
        });
    }
    let parent = org.parent.as_deref().and_then(|p| index.org(kb, p));
    if let Some(p) = parent {
        links.push(LinkRow {
            target: Target::Org(p),
            name: kb.organizations[p].name.to_string(),
            label: "parent organisation".into(),
        });
    }
    for &c in index.children(o) {
        links.push(LinkRow {
            target: Target::Org(c),
            name: kb.organizations[c].name.to_string(),
            label: "part of this group".into(),
        });
    }
    for &t in index.artifacts_of(o) {
        links.push(LinkRow {
            target: Target::Artifact(t),
            name: kb.artifacts[t].name.to_string(),
            label: format!("{}: an origin", kb.artifacts[t].kind.label()),
        });
    }

    b.title(&org.name);
    let mut kind = org.kind.label().to_string();
    if let Some(code) = &org.country {
        kind.push_str(&format!(
            " · {} ({code})",
            country::name(code).unwrap_or("?")
        ));
    }
    b.text(0, None, &kind, Tone::Dim, None);
    b.blank();
    b.field("Also", &org.aka.join("; "));
    if let Some(location) = &org.location {
        b.field("Where", location);
    }
    if let Some(site) = &org.website {
        b.field("Website", site);
    }
    if let Some(p) = parent {
        b.field("Part of", &kb.organizations[p].name);
    }
    let children: Vec<&str> = index
        .children(o)
        .iter()
        .map(|&c| kb.organizations[c].name.as_str())
        .collect();
    b.field("Group", &children.join(", "));
    if let Some(note) = &org.note {
        b.blank();
        b.text(0, None, note, Tone::Normal, None);
    }
    if org.status == Status::Unverified {
        b.text(
            0,
            None,
            "Some details of this organisation are unverified.",
            Tone::Unverified,
            None,
        );
    }
    let n = index.org_links(o).len();
    b.blank();
    b.text(
        0,
        None,
        &match n {
            0 => "Not tied to any alliance in this knowledge base.".to_string(),
            n => format!("Tied to {}.", text::count(n, "alliance", "alliances")),
        },
        Tone::Dim,
        None,
    );
    b.sources(kb, index, &org.sources);
    EntityPage {
        links,
        doc: b.finish(),
    }
}

/// The organisations of two alliances (members and leads): those in both, only in the first,
/// only in the second, each by name, labelled with its ties.
pub fn compare(kb: &Kb, index: &Index, a: Ix, b: Ix) -> [Vec<LinkRow>; 3] {
    let ties = |alliance: Ix| -> std::collections::BTreeMap<Ix, String> {
        let mut map = std::collections::BTreeMap::new();
        let Some(al) = kb.alliances.get(alliance) else {
            return map;
        };
        for lead in &al.leads {
            if let Some(o) = index.org(kb, lead) {
                map.insert(o, "lead".to_string());
            }
        }
        for m in &al.members {
            if let Some(o) = index.org(kb, &m.org) {
                let tie = m.role.tie();
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
        target: Target::Org(o),
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

/// One line about an entity for result lists: an organisation's ties to alliances, an
/// alliance's kind and size, the alliances working on a focus area, where an artifact comes
/// from. At most a few names, each capped, so a line costs the same for any knowledge base.
pub fn context(kb: &Kb, index: &Index, target: Target) -> String {
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
        Target::Org(o) => {
            let links = index.org_links(o);
            let shown = links
                .iter()
                .take(SHOWN)
                .map(|l| {
                    format!(
                        "{} ({})",
                        name(&kb.alliances[l.alliance()].name),
                        link_label(kb, l)
                    )
                })
                .collect();
            list(shown, links.len(), "; ")
        }
        Target::Alliance(a) => {
            let al = &kb.alliances[a];
            let year = al
                .founded
                .as_ref()
                .and_then(|d| d.year())
                .map_or_else(String::new, |y| format!(" · {y}"));
            format!(
                "{}{year} · {}",
                al.kind.label(),
                text::count(al.members.len(), "member", "members")
            )
        }
        Target::Focus(f) => {
            let alliances = index.focus_alliances(f);
            let shown = alliances
                .iter()
                .take(SHOWN)
                .map(|&a| name(&kb.alliances[a].name))
                .collect();
            list(shown, alliances.len(), ", ")
        }
        Target::Artifact(t) => {
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

/// A focus area: the alliances that work on it, and its description.
pub fn focus_area(kb: &Kb, index: &Index, f: Ix, width: u16) -> EntityPage {
    let mut b = Builder::new(width);
    let Some(area) = kb.focus_areas.get(f) else {
        return EntityPage::default();
    };
    let links = index
        .focus_alliances(f)
        .iter()
        .map(|&a| LinkRow {
            target: Target::Alliance(a),
            name: kb.alliances[a].name.to_string(),
            label: kb.alliances[a].kind.label().to_string(),
        })
        .collect();
    b.title(&area.name);
    b.text(0, None, "focus area", Tone::Dim, None);
    b.names(&area.names);
    b.blank();
    b.text(0, None, &area.description, Tone::Normal, None);
    b.sources(kb, index, &area.sources);
    EntityPage {
        links,
        doc: b.finish(),
    }
}

/// An artifact: the organisations it comes from, and its details.
pub fn artifact(kb: &Kb, index: &Index, t: Ix, width: u16) -> EntityPage {
    let mut b = Builder::new(width);
    let Some(art) = kb.artifacts.get(t) else {
        return EntityPage::default();
    };
    let links = art
        .origin
        .iter()
        .filter_map(|o| index.org(kb, o))
        .map(|o| {
            let memberships: Vec<&str> = index
                .org_links(o)
                .iter()
                .filter(|l| l.lead() || l.member().is_some())
                .map(|l| kb.alliances[l.alliance()].name.as_str())
                .collect();
            LinkRow {
                target: Target::Org(o),
                name: kb.organizations[o].name.to_string(),
                label: if memberships.is_empty() {
                    "origin · in no alliance".into()
                } else {
                    format!("origin · {}", memberships.join(", "))
                },
            }
        })
        .collect();
    b.title(&art.name);
    let mut kind = art.kind.label().to_string();
    if let Some(date) = &art.released {
        kind.push_str(&format!(" · released {date}"));
    }
    b.text(0, None, &kind, Tone::Dim, None);
    b.blank();
    b.text(0, None, &art.description, Tone::Normal, None);
    if let Some(note) = &art.note {
        b.blank();
        b.text(0, None, note, Tone::Normal, None);
    }
    b.blank();
    let mention = if art.in_article {
        "Named in the article."
    } else {
        "Named in the launch press release, not in the article."
    };
    b.text(0, None, mention, Tone::Dim, None);
    b.sources(kb, index, &art.sources);
    EntityPage {
        links,
        doc: b.finish(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> (Kb, Index) {
        let kb = crate::kb::load_embedded().unwrap();
        let index = Index::new(&kb);
        (kb, index)
    }

    #[test]
    fn an_alliance_document_links_members_absences_and_related_alliances() {
        let (kb, index) = embedded();
        let a = index.alliance(&kb, "ai-alliance").unwrap();
        let doc = alliance(&kb, &index, a, 60);
        let targets: Vec<Target> = (0..doc.links().len())
            .filter_map(|i| doc.target(i))
            .collect();
        assert_eq!(targets[0], Target::Org(index.org(&kb, "ibm").unwrap()));
        assert!(targets.contains(&Target::Org(index.org(&kb, "nvidia").unwrap())));
        assert!(targets.contains(&Target::Alliance(
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

    #[test]
    fn the_member_view_lists_every_tie_with_its_label() {
        let (kb, index) = embedded();
        let page = organization(&kb, &index, index.org(&kb, "nvidia").unwrap(), 60);
        let rows: Vec<(&str, &str)> = page
            .links
            .iter()
            .map(|l| (l.name.as_str(), l.label.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("United AI Alliance", "lead"),
                ("AI Alliance", "absent: not a member")
            ]
        );
        let page = organization(&kb, &index, index.org(&kb, "sb-intuitions").unwrap(), 60);
        assert!(
            page.links
                .iter()
                .any(|l| l.name == "SoftBank Corp." && l.label == "parent organisation")
        );
    }

    #[test]
    fn focus_and_artifact_pages() {
        let (kb, index) = embedded();
        let page = focus_area(&kb, &index, index.focus(&kb, "trustworthy-ai").unwrap(), 60);
        let names: Vec<&str> = page.links.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "EDSAFE AI Alliance",
                "European AI Alliance",
                "Scottish AI Alliance"
            ]
        );
        let page = artifact(
            &kb,
            &index,
            index.artifact(&kb, "stable-diffusion").unwrap(),
            60,
        );
        assert_eq!(page.links[0].label, "origin · AI Alliance");
        assert_eq!(page.links[1].label, "origin · in no alliance");
    }
}
