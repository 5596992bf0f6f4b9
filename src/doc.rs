//! The details of an alliance, organisation, focus area or artifact, laid out for a width:
//! lines, the links among them (what Enter follows in the explorer) and the section headings
//! (what `{` and `}` jump between). The explorer draws them; `alliances show` prints them.
//!
//! A document is built once when its entity or the width changes, never per frame; the
//! explorer draws only the visible slice. Member rows keep indices instead of text, so an
//! alliance with a million members costs one small row each.

//!
//! One module per thing laid out: [`alliance`] pages, [`entity`] pages (organisations, focus
//! areas, artifacts) with their link lists, the [`compare`] lists of two alliances, the
//! [`path`] step pages and the one-line [`context`] of a search result.

pub mod alliance;
mod builder;
pub mod cite;
pub mod compare;
pub mod context;
pub mod entity;
pub mod path;

use crate::kb::{Entity, Ix, Kb, Status, Verdict};
use crate::text;

pub use alliance::{alliance, claim};
pub use compare::compare;
pub use context::context;
pub use entity::{EntityPage, LinkRow, artifact, focus_area, organization, page};

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
    /// (Part of) a web address: the website or a source's URL, for the line that stands for it
    /// just above (a terminal hyperlink where the terminal draws them).
    Link,
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
    /// The columns of the alliance's widest member name, kind and country, dates and tag:
    /// what rows are padded to, so that their parts line up.
    pub cols: MemberCols,
}

/// See [`MemberRow`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct MemberCols {
    pub name: u16,
    pub kind: u16,
    pub dates: u16,
    pub tag: u16,
}

/// What a line that can be selected stands for: what Enter follows, `o` opens and `y` copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    /// An alliance, organisation, focus area or artifact: Enter opens its page.
    Entity(Entity),
    /// The website of an entity.
    Website(Entity),
    /// A source, by its position in the knowledge base.
    Source(Ix),
    /// A fact of an alliance: the alliance, the fact's position.
    Fact(Ix, usize),
    /// One of the article's claims: the alliance, the claim's position.
    Claim(Ix, usize),
}

impl Item {
    /// The entity it opens, for an entity.
    pub fn entity(self) -> Option<Entity> {
        match self {
            Item::Entity(e) => Some(e),
            _ => None,
        }
    }
}

impl From<Entity> for Item {
    fn from(e: Entity) -> Self {
        Item::Entity(e)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub kind: LineKind,
    /// What the line stands for when it can be selected.
    pub item: Option<Item>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub lines: Vec<DocLine>,
    links: Vec<usize>,
    sections: Vec<usize>,
    /// The line where each of the article's claims starts, by its position in the alliance.
    claims: Vec<(usize, usize)>,
}

impl Doc {
    /// A document of these lines.
    pub fn from_lines(lines: impl IntoIterator<Item = DocLine>) -> Self {
        let mut doc = Doc::default();
        for line in lines {
            doc.push(line);
        }
        doc
    }

    /// Adds a line at the end (a link if it stands for an item, a section if it is a heading).
    pub fn push(&mut self, line: DocLine) {
        if line.item.is_some() {
            self.links.push(self.lines.len());
        }
        if matches!(line.kind, LineKind::Heading(_)) {
            self.sections.push(self.lines.len());
        }
        self.lines.push(line);
    }

    /// Adds the lines of `other` at the end, with their links, sections and claims.
    pub fn append(&mut self, other: Doc) {
        let base = self.lines.len();
        self.claims
            .extend(other.claims.iter().map(|&(c, line)| (c, line + base)));
        for line in other.lines {
            self.push(line);
        }
    }

    /// Notes that the alliance's `claim`-th claim starts at the next line.
    pub fn mark_claim(&mut self, claim: usize) {
        self.claims.push((claim, self.lines.len()));
    }

    /// The line where the alliance's `claim`-th claim starts.
    pub fn claim_line(&self, claim: usize) -> Option<usize> {
        self.claims
            .iter()
            .find(|&&(c, _)| c == claim)
            .map(|&(_, line)| line)
    }

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

    /// What the `link`-th link stands for.
    pub fn item(&self, link: usize) -> Option<Item> {
        self.links
            .get(link)
            .and_then(|&l| self.lines.get(l))
            .and_then(|l| l.item)
    }

    /// The entity the `link`-th link opens, if it is one.
    pub fn target(&self, link: usize) -> Option<Entity> {
        self.item(link).and_then(Item::entity)
    }

    /// The first link that opens an entity (where a page's selection starts).
    pub fn first_entity_link(&self) -> Option<usize> {
        (0..self.links.len()).find(|&i| self.target(i).is_some())
    }
}

/// The parts of a member row: the organisation's name, `kind · CC`, the date it joined when
/// that differs from the alliance's founding date and the date it left, and whether the
/// membership is unverified.
pub fn member_columns<'a>(kb: &'a Kb, row: &MemberRow) -> Option<MemberColumns<'a>> {
    let a = kb.alliances.get(row.alliance)?;
    let m = a.members.get(row.member)?;
    let o = kb.organizations.get(row.org)?;
    Some(MemberColumns {
        name: o.name.as_str(),
        kind: kind_and_country(o),
        dates: member_dates(a, m),
        unverified: m.status == Status::Unverified,
    })
}

/// `since 2024-02-08  until 2025`: when a member joined, if not at the founding, and left.
pub fn member_dates(a: &crate::kb::Alliance, m: &crate::kb::Member) -> String {
    let mut dates = String::new();
    if let Some(since) = m.since.as_ref().filter(|&s| Some(s) != a.founded.as_ref()) {
        dates.push_str("since ");
        dates.push_str(since.as_str());
    }
    if let Some(until) = &m.until {
        if !dates.is_empty() {
            dates.push_str("  ");
        }
        dates.push_str("until ");
        dates.push_str(until.as_str());
    }
    dates
}

/// A member row's parts: `IBM`, `company · US`, `since 2024-02-08`, unverified or not.
pub struct MemberColumns<'a> {
    pub name: &'a str,
    pub kind: String,
    pub dates: String,
    pub unverified: bool,
}

/// `company · US`, or `company` for an organisation with no country.
pub fn kind_and_country(o: &crate::kb::Organization) -> String {
    match &o.country {
        Some(code) => format!("{} · {code}", o.kind.label()),
        None => o.kind.label().to_string(),
    }
}

/// The tag a row of something unverified ends with.
pub const UNVERIFIED: &str = "[unverified]";

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
                let Some(m) = member_columns(kb, row) else {
                    return Vec::new();
                };
                let mut out = vec![
                    (
                        format!("  {}  ", text::fit(m.name, usize::from(row.cols.name))),
                        Tone::Normal,
                    ),
                    (text::fit(&m.kind, usize::from(row.cols.kind)), Tone::Dim),
                ];
                if !m.dates.is_empty() {
                    out.push((format!("  {}", m.dates), Tone::Dim));
                }
                if m.unverified {
                    out.push((format!("  {UNVERIFIED}"), Tone::Unverified));
                }
                out
            }
        }
    }
}
