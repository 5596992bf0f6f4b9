//! The knowledge base's types: the RON schema of `assets/kb/`. Also compiled into the build
//! script, which turns the built-in knowledge base into its binary form; so this file names
//! nothing outside itself but `super::date`.

use super::date::Date;
use serde::{Deserialize, Serialize};

/// The knowledge base's strings. Ids, codes, dates and most names fit in the 24 bytes of the
/// value itself, so a million organisations allocate little besides their longer texts.
pub type Str = compact_str::CompactString;

/// A short list (sources, other names, leads): one element is kept in place, without an
/// allocation of its own.
pub type Few<T> = smallvec::SmallVec<[T; 1]>;
/// A whole knowledge base, or the part of it that one file holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Kb {
    pub alliances: Vec<Alliance>,
    pub organizations: Vec<Organization>,
    pub focus_areas: Vec<FocusArea>,
    pub artifacts: Vec<Artifact>,
    pub sources: Vec<Source>,
}

impl Kb {
    /// Appends every collection of `other` to this one (files are merged in path order).
    pub fn merge(&mut self, other: Kb) {
        self.alliances.extend(other.alliances);
        self.organizations.extend(other.organizations);
        self.focus_areas.extend(other.focus_areas);
        self.artifacts.extend(other.artifacts);
        self.sources.extend(other.sources);
    }

    /// Merges the parts of a knowledge base (its files' contents) into one, allocating each
    /// collection once at its final size.
    pub fn merge_all(parts: impl IntoIterator<Item = Kb>) -> Kb {
        let parts: Vec<Kb> = parts.into_iter().collect();
        let total = |f: fn(&Kb) -> usize| parts.iter().map(f).sum::<usize>();
        let mut kb = Kb {
            alliances: Vec::with_capacity(total(|k| k.alliances.len())),
            organizations: Vec::with_capacity(total(|k| k.organizations.len())),
            focus_areas: Vec::with_capacity(total(|k| k.focus_areas.len())),
            artifacts: Vec::with_capacity(total(|k| k.artifacts.len())),
            sources: Vec::with_capacity(total(|k| k.sources.len())),
        };
        for part in parts {
            kb.merge(part);
        }
        kb
    }

    /// Gives back the room that reading left in every list (a list read from a file grows by
    /// doubling, and a one-element list takes room for four).
    pub fn shrink_to_fit(&mut self) {
        for a in &mut self.alliances {
            a.names.shrink_to_fit();
            a.leads.shrink_to_fit();
            a.members.shrink_to_fit();
            for m in &mut a.members {
                m.sources.shrink_to_fit();
            }
            a.absent.shrink_to_fit();
            a.focus.shrink_to_fit();
            a.facts.shrink_to_fit();
            a.outputs.shrink_to_fit();
            a.related.shrink_to_fit();
            a.claims.shrink_to_fit();
            a.history.shrink_to_fit();
            a.sources.shrink_to_fit();
        }
        for o in &mut self.organizations {
            o.aka.shrink_to_fit();
            o.formerly.shrink_to_fit();
            o.sources.shrink_to_fit();
        }
        for t in &mut self.artifacts {
            t.origin.shrink_to_fit();
            t.sources.shrink_to_fit();
        }
        self.alliances.shrink_to_fit();
        self.organizations.shrink_to_fit();
        self.focus_areas.shrink_to_fit();
        self.artifacts.shrink_to_fit();
        self.sources.shrink_to_fit();
    }

    /// Counts shown by `check` and by the status line.
    pub fn summary(&self) -> Summary {
        Summary {
            alliances: self.alliances.len(),
            organizations: self.organizations.len(),
            memberships: self.alliances.iter().map(|a| a.members.len()).sum(),
            focus_areas: self.focus_areas.len(),
            artifacts: self.artifacts.len(),
            sources: self.sources.len(),
        }
    }
}

/// Sizes of the collections of a knowledge base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub alliances: usize,
    pub organizations: usize,
    pub memberships: usize,
    pub focus_areas: usize,
    pub artifacts: usize,
    pub sources: usize,
}

/// A consortium that carries the name "AI Alliance" (or is closely tied to one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alliance {
    /// Kebab-case identifier, e.g. `ai-alliance`.
    pub id: Str,
    pub name: Str,
    /// The name in other languages, notably the article's French wording where it differs.
    #[serde(default)]
    pub names: Vec<LocalName>,
    pub kind: AllianceKind,
    pub scope: Scope,
    /// Where it works, in words ("Africa", "Scotland").
    #[serde(default)]
    pub region: Option<Str>,
    #[serde(default)]
    pub founded: Option<Date>,
    /// Caveats on the founding date (conflicting sources, relaunches).
    #[serde(default)]
    pub founded_note: Option<Str>,
    #[serde(default)]
    pub website: Option<Str>,
    pub summary: Str,
    /// Organisations that lead, host or founded it: an id, or an id with the dates it led.
    #[serde(default)]
    pub leads: Few<Tie>,
    #[serde(default)]
    pub members: Vec<Member>,
    /// Notable non-members.
    #[serde(default)]
    pub absent: Vec<Absence>,
    /// Focus-area ids.
    #[serde(default)]
    pub focus: Vec<Str>,
    /// Further facts: governance, size, scope, with their own status and sources.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// Documents, events and programmes it produced.
    #[serde(default)]
    pub outputs: Vec<Output>,
    /// Declared links to other alliances.
    #[serde(default)]
    pub related: Vec<Related>,
    /// What the article says about it, checked.
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// Where it stands at the latest look: active, dormant, ended, renamed or merged.
    #[serde(default)]
    pub standing: Option<Standing>,
    /// What happened to it, oldest first: founded, relaunched, renamed, merged, ended.
    #[serde(default)]
    pub history: Vec<Event>,
    #[serde(default)]
    pub sources: Few<Str>,
}

impl Alliance {
    /// The French name, if the knowledge base has one.
    pub fn name_in(&self, lang: &str) -> Option<&LocalName> {
        self.names.iter().find(|n| n.lang == lang)
    }
}

/// An organisation, and when it held a place (a lead, a parent): written as its id alone
/// (`"ibm"`) or with dates (`(org: "amd", since: "2024-08-09", sources: ["s1"])`).
#[derive(Debug, Clone, PartialEq)]
pub struct Tie {
    pub org: Str,
    pub since: Option<Date>,
    pub until: Option<Date>,
    pub sources: Few<Str>,
}

impl Tie {
    pub fn new(org: impl Into<Str>) -> Self {
        Tie {
            org: org.into(),
            since: None,
            until: None,
            sources: Few::new(),
        }
    }
}

impl PartialEq<&str> for Tie {
    fn eq(&self, other: &&str) -> bool {
        self.org == *other
    }
}

/// The fields of a tie written out, as the files and the binary forms hold it.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Tie")]
struct TieFields {
    org: Str,
    #[serde(default)]
    since: Option<Date>,
    #[serde(default)]
    until: Option<Date>,
    #[serde(default)]
    sources: Few<Str>,
}

impl Serialize for Tie {
    /// The id alone when it is all there is, in a text form (RON, JSON); every field in the
    /// binary forms.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let bare = self.since.is_none() && self.until.is_none() && self.sources.is_empty();
        if s.is_human_readable() && bare {
            return s.serialize_str(&self.org);
        }
        TieFields {
            org: self.org.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            sources: self.sources.clone(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Tie {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let fields = |f: TieFields| Tie {
            org: f.org,
            since: f.since,
            until: f.until,
            sources: f.sources,
        };
        // The binary forms (cache, built-in) always hold the fields; a file may hold the id alone.
        if !d.is_human_readable() {
            return TieFields::deserialize(d).map(fields);
        }
        struct Either;
        impl<'de> serde::de::Visitor<'de> for Either {
            type Value = Tie;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an organization id, or (org: \"id\", since: …, until: …)")
            }
            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<Tie, E> {
                Ok(Tie::new(id))
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(self, map: M) -> Result<Tie, M::Error> {
                let f = TieFields::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Tie {
                    org: f.org,
                    since: f.since,
                    until: f.until,
                    sources: f.sources,
                })
            }
        }
        d.deserialize_any(Either)
    }
}

/// Where an alliance stands at the latest look, and how sure that is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standing {
    pub state: State,
    /// When it was looked at.
    pub as_of: Date,
    /// The date of the latest sign of activity found.
    #[serde(default)]
    pub last_seen: Option<Date>,
    #[serde(default)]
    pub note: Option<Str>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub sources: Few<Str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Active,
    /// No sign of activity for a long while, and no end announced.
    Dormant,
    Ended,
    /// Goes on under another name.
    Renamed,
    /// Became part of another alliance.
    Merged,
}

impl State {
    pub const ALL: [State; 5] = [
        State::Active,
        State::Dormant,
        State::Ended,
        State::Renamed,
        State::Merged,
    ];

    pub fn label(self) -> &'static str {
        match self {
            State::Active => "active",
            State::Dormant => "dormant",
            State::Ended => "ended",
            State::Renamed => "renamed",
            State::Merged => "merged",
        }
    }
}

/// Something that happened to an alliance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub date: Date,
    pub event: EventKind,
    /// The name it took (renamed).
    #[serde(default)]
    pub name: Option<Str>,
    /// The alliance it became or joined (renamed, merged), by id.
    #[serde(default)]
    pub successor: Option<Str>,
    #[serde(default)]
    pub text: Option<Str>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub sources: Few<Str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Founded,
    Relaunched,
    Renamed,
    Merged,
    Ended,
}

impl EventKind {
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Founded => "founded",
            EventKind::Relaunched => "relaunched",
            EventKind::Renamed => "renamed",
            EventKind::Merged => "merged",
            EventKind::Ended => "ended",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AllianceKind {
    /// Companies, research institutions and others, industry-led.
    Industry,
    /// A non-profit partnership of companies, academia and civil society.
    MultiStakeholder,
    /// Set up by a government or a public body.
    Government,
    /// A public–private partnership.
    PublicPrivate,
    /// Universities and research institutes.
    Academic,
    /// Education organisations.
    Education,
}

impl AllianceKind {
    pub const ALL: [AllianceKind; 6] = [
        AllianceKind::Industry,
        AllianceKind::MultiStakeholder,
        AllianceKind::Government,
        AllianceKind::PublicPrivate,
        AllianceKind::Academic,
        AllianceKind::Education,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AllianceKind::Industry => "industry",
            AllianceKind::MultiStakeholder => "multi-stakeholder",
            AllianceKind::Government => "government",
            AllianceKind::PublicPrivate => "public-private",
            AllianceKind::Academic => "academic",
            AllianceKind::Education => "education",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    International,
    Supranational,
    National,
    Subnational,
}

impl Scope {
    pub fn label(self) -> &'static str {
        match self {
            Scope::International => "international",
            Scope::Supranational => "supranational",
            Scope::National => "national",
            Scope::Subnational => "subnational",
        }
    }
}

/// A name in another language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalName {
    /// ISO 639-1 language code.
    pub lang: Str,
    pub name: Str,
    #[serde(default)]
    pub note: Option<Str>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub sources: Few<Str>,
}

/// Whether the sources confirm a fact.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Confirmed,
    Unverified,
}

impl Status {
    pub fn is_unverified(self) -> bool {
        self == Status::Unverified
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Unverified => "unverified",
        }
    }
}

/// An organisation's place in an alliance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub org: Str,
    #[serde(default)]
    pub role: Role,
    #[serde(default)]
    pub since: Option<Date>,
    /// When it left (boxed: most members have not, and there is one per membership).
    #[serde(default)]
    pub until: Option<Box<Date>>,
    #[serde(default)]
    pub status: Status,
    /// Boxed: most members have none, and there is one per membership.
    #[serde(default)]
    pub note: Option<Box<Str>>,
    #[serde(default)]
    pub sources: Few<Str>,
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Co-launched it or was on its launch list.
    Founding,
    /// Leads or co-leads it.
    Lead,
    /// Hosts or runs it.
    Host,
    /// Sits on its steering committee or steering group.
    Steering,
    /// Funds it.
    Funding,
    /// Signed its founding agreement.
    Signatory,
    /// A partner organisation or partner region.
    Partner,
    /// Receives its programmes (e.g. a country served).
    Beneficiary,
    /// Took part through experts (e.g. in an expert group).
    Expert,
    /// Linked through a person, an event or a programme, without formal membership.
    Associated,
    #[default]
    Member,
}

impl Role {
    /// Every role, in the order member lists group them.
    pub const ALL: [Role; 11] = [
        Role::Lead,
        Role::Host,
        Role::Founding,
        Role::Steering,
        Role::Funding,
        Role::Signatory,
        Role::Partner,
        Role::Member,
        Role::Expert,
        Role::Associated,
        Role::Beneficiary,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::Founding => "founding",
            Role::Lead => "lead",
            Role::Host => "host",
            Role::Steering => "steering",
            Role::Funding => "funding",
            Role::Signatory => "signatory",
            Role::Partner => "partner",
            Role::Beneficiary => "beneficiary",
            Role::Expert => "expert",
            Role::Associated => "associated",
            Role::Member => "member",
        }
    }

    /// How a member with this role is described in its organisation's view.
    pub fn tie(self) -> &'static str {
        match self {
            Role::Founding => "founding member",
            Role::Lead => "lead",
            Role::Host => "host",
            Role::Steering => "steering committee",
            Role::Funding => "funding partner",
            Role::Signatory => "signatory",
            Role::Partner => "partner",
            Role::Beneficiary => "beneficiary",
            Role::Expert => "through experts",
            Role::Associated => "associated",
            Role::Member => "member",
        }
    }

    /// Heading of the group of members with this role.
    pub fn heading(self) -> &'static str {
        match self {
            Role::Founding => "Founding members",
            Role::Lead => "Leads",
            Role::Host => "Hosts",
            Role::Steering => "Steering",
            Role::Funding => "Funding partners",
            Role::Signatory => "Signatories",
            Role::Partner => "Partners",
            Role::Beneficiary => "Beneficiaries",
            Role::Expert => "Through experts",
            Role::Associated => "Associated",
            Role::Member => "Members",
        }
    }
}

/// A notable organisation that is not a member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Absence {
    pub org: Str,
    pub note: Str,
    /// The date the absence was noted (absent at launch, say).
    #[serde(default)]
    pub as_of: Option<Date>,
    #[serde(default)]
    pub sources: Few<Str>,
}

/// A sourced statement about an alliance that has no dedicated field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub topic: Str,
    pub text: Str,
    /// The date the fact describes ("more than 140 members" in 2024).
    #[serde(default)]
    pub as_of: Option<Date>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub sources: Few<Str>,
}

/// A document, event or programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Output {
    pub title: Str,
    pub kind: OutputKind,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub note: Option<Str>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub sources: Few<Str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputKind {
    Document,
    Event,
    Programme,
    Agreement,
    Platform,
    Course,
    WorkingGroup,
}

impl OutputKind {
    pub fn label(self) -> &'static str {
        match self {
            OutputKind::Document => "document",
            OutputKind::Event => "event",
            OutputKind::Programme => "programme",
            OutputKind::Agreement => "agreement",
            OutputKind::Platform => "platform",
            OutputKind::Course => "course",
            OutputKind::WorkingGroup => "working group",
        }
    }
}

/// A declared link to another alliance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Related {
    pub alliance: Str,
    pub why: Str,
    #[serde(default)]
    pub sources: Few<Str>,
}

/// Something the article says, and what the sources say about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The article's words (French), bare: the screens put them in guillemets (see
    /// [`Claim::quote`]).
    pub article: Str,
    /// What the article claims, in English.
    pub claim: Str,
    /// The verdict as of the article.
    pub verdict: Verdict,
    #[serde(default)]
    pub correction: Option<Str>,
    /// What changed since the article, if the claim no longer holds.
    #[serde(default)]
    pub later: Option<Later>,
    #[serde(default)]
    pub sources: Few<Str>,
}

impl Claim {
    /// The article's words without the guillemets or quotation marks a file may have put
    /// around them (the screens add their own).
    pub fn quote(&self) -> &str {
        let words = self.article.trim();
        let bare = words
            .strip_prefix(['«', '"', '“'])
            .and_then(|w| w.strip_suffix(['»', '"', '”']))
            .unwrap_or(words);
        bare.trim()
    }
}

/// A change after the article to what one of its claims says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Later {
    pub date: Date,
    pub text: Str,
    #[serde(default)]
    pub sources: Few<Str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Confirmed,
    Imprecise,
    Wrong,
    Unverified,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::Confirmed,
        Verdict::Imprecise,
        Verdict::Wrong,
        Verdict::Unverified,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Confirmed => "confirmed",
            Verdict::Imprecise => "imprecise",
            Verdict::Wrong => "wrong",
            Verdict::Unverified => "unverified",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub id: Str,
    pub name: Str,
    /// Other names and abbreviations.
    #[serde(default)]
    pub aka: Few<Str>,
    pub kind: OrgKind,
    /// ISO 3166-1 alpha-2 code; absent for international bodies.
    #[serde(default)]
    pub country: Option<Str>,
    /// Where, in words, when a country code says too little (a city, "sources conflict").
    #[serde(default)]
    pub location: Option<Box<Str>>,
    #[serde(default)]
    pub website: Option<Str>,
    /// The organisation it belongs to (SB Intuitions → SoftBank), with the date it joined the
    /// group if it was acquired.
    #[serde(default)]
    pub parent: Option<Box<Tie>>,
    /// Names it had before.
    #[serde(default)]
    pub formerly: Vec<FormerName>,
    /// The alliance this organisation is (the Partnership on AI is both).
    #[serde(default)]
    pub alliance: Option<Box<Str>>,
    #[serde(default)]
    pub note: Option<Str>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub sources: Few<Str>,
}

/// A name an organisation no longer has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormerName {
    pub name: Str,
    /// When it stopped being the name.
    #[serde(default)]
    pub until: Option<Date>,
    #[serde(default)]
    pub sources: Few<Str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Company,
    University,
    ResearchLab,
    GovernmentBody,
    Intergovernmental,
    Nonprofit,
    Region,
}

impl OrgKind {
    pub const ALL: [OrgKind; 7] = [
        OrgKind::Company,
        OrgKind::University,
        OrgKind::ResearchLab,
        OrgKind::GovernmentBody,
        OrgKind::Intergovernmental,
        OrgKind::Nonprofit,
        OrgKind::Region,
    ];

    pub fn label(self) -> &'static str {
        match self {
            OrgKind::Company => "company",
            OrgKind::University => "university",
            OrgKind::ResearchLab => "research lab",
            OrgKind::GovernmentBody => "government body",
            OrgKind::Intergovernmental => "intergovernmental",
            OrgKind::Nonprofit => "nonprofit",
            OrgKind::Region => "region",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FocusArea {
    pub id: Str,
    pub name: Str,
    #[serde(default)]
    pub names: Vec<LocalName>,
    pub description: Str,
    #[serde(default)]
    pub sources: Few<Str>,
}

/// A tool, framework, model or benchmark the article names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Artifact {
    pub id: Str,
    pub name: Str,
    pub kind: ArtifactKind,
    /// Organisations it comes from.
    #[serde(default)]
    pub origin: Few<Str>,
    #[serde(default)]
    pub released: Option<Date>,
    pub description: Str,
    /// Named in the article itself (otherwise only in the launch press release).
    #[serde(default = "yes")]
    pub in_article: bool,
    #[serde(default)]
    pub note: Option<Str>,
    #[serde(default)]
    pub sources: Few<Str>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArtifactKind {
    Tool,
    Framework,
    Model,
    Benchmark,
}

impl ArtifactKind {
    pub fn label(self) -> &'static str {
        match self {
            ArtifactKind::Tool => "tool",
            ArtifactKind::Framework => "framework",
            ArtifactKind::Model => "model",
            ArtifactKind::Benchmark => "benchmark",
        }
    }
}

/// Where a fact comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Str,
    pub title: Str,
    #[serde(default)]
    pub url: Option<Str>,
    /// Where to find it when there is no single URL (a repository path, a print edition).
    #[serde(default, rename = "where")]
    pub location: Option<Box<Str>>,
    /// The source's own date.
    #[serde(default)]
    pub date: Option<Date>,
    /// When it was read.
    #[serde(default)]
    pub read: Option<Date>,
}
