//! A deterministic synthetic knowledge base of realistic shape, for the benchmarks and the
//! `generate` example: organisations with accented, CJK and emoji names, other names and
//! descriptions; one alliance per twenty organisations, with 10 to 50 members each, leads,
//! absences, focus areas and declared relations.

#![allow(dead_code)]

use alliances::kb::{
    Absence, Alliance, AllianceKind, Artifact, ArtifactKind, Date, FocusArea, Kb, Member, OrgKind,
    Organization, Related, Role, Scope, Source, Status, Str, Tie, country,
};
use std::io::Write;
use std::path::Path;

/// A small, fast, deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const ADJECTIVES: &[&str] = &[
    "Quantum",
    "Nordic",
    "Open",
    "Deep",
    "Bright",
    "Cognitive",
    "Applied",
    "Federal",
    "Global",
    "Pacific",
    "Alpine",
    "Neural",
    "Civic",
    "Atlantic",
    "Green",
    "Secure",
    "Linked",
    "Trusted",
    "Frontier",
    "Urban",
];
const NOUNS: &[&str] = &[
    "Data",
    "Robotics",
    "Vision",
    "Language",
    "Compute",
    "Health",
    "Learning",
    "Systems",
    "Signals",
    "Analytics",
    "Sensors",
    "Logic",
    "Cloud",
    "Knowledge",
    "Mobility",
    "Energy",
    "Semantics",
    "Agents",
];
const SUFFIXES: &[&str] = &[
    "Labs",
    "Inc.",
    "GmbH",
    "SA",
    "Ltd",
    "Group",
    "Foundation",
    "Institute",
    "Corp.",
    "AG",
];
const CITIES: &[&str] = &[
    "Lyon",
    "Montréal",
    "Zürich",
    "Kraków",
    "São Paulo",
    "Göteborg",
    "Málaga",
    "Köln",
    "Québec",
    "Nairobi",
    "Accra",
    "Lagos",
    "Bengaluru",
    "Hanoi",
    "Osaka",
    "Busan",
    "Tartu",
    "Porto",
    "Reykjavík",
    "Ljubljana",
];
const FIELDS: &[&str] = &[
    "Informatics",
    "Artificial Intelligence",
    "Data Science",
    "Robotics",
    "Statistics",
    "Linguistics",
    "Mathematics",
    "Public Policy",
    "Ethics",
    "Engineering",
];
const FIELDS_FR: &[&str] = &[
    "électricité",
    "informatique",
    "énergie",
    "études numériques",
    "ingénierie",
];
const JP: &[&str] = &["東京", "大阪", "京都", "名古屋", "札幌", "福岡"];
const JP_FIELDS: &[&str] = &["情報", "人工知能", "データ", "ロボット", "言語"];
const KO: &[&str] = &["서울", "부산", "대전", "인천", "광주"];
const THEMES: &[&str] = &[
    "Safety",
    "Health",
    "Education",
    "Climate",
    "Telecom",
    "Mobility",
    "Finance",
    "Agriculture",
    "Open Models",
    "Hardware",
    "Policy",
    "Media Integrity",
    "Labour",
    "Statistics",
    "Language",
];
const REGIONS: &[&str] = &[
    "European",
    "Nordic",
    "Pacific",
    "African",
    "Andean",
    "Baltic",
    "Alpine",
    "Global",
    "Atlantic",
    "Asian",
    "Mediterranean",
    "Caribbean",
    "Arctic",
    "Danube",
    "Rhine",
];

fn org_name(rng: &mut Rng, i: usize) -> Str {
    match rng.below(10) {
        0..=3 => format!(
            "{} {} {}",
            rng.pick(ADJECTIVES),
            rng.pick(NOUNS),
            rng.pick(SUFFIXES)
        )
        .into(),
        4 => format!("Université de {}", rng.pick(CITIES)).into(),
        5 => format!("{} Institute of {}", rng.pick(CITIES), rng.pick(FIELDS)).into(),
        6 => format!(
            "Société {} d'{}",
            rng.pick(&["générale", "européenne", "française"]),
            rng.pick(FIELDS_FR)
        )
        .into(),
        7 => format!("{}{}研究所", rng.pick(JP), rng.pick(JP_FIELDS)).into(),
        8 => format!("{} 인공지능 연구원 {}", rng.pick(KO), i % 97).into(),
        _ => format!("{} {} 🤖 Works", rng.pick(ADJECTIVES), rng.pick(NOUNS)).into(),
    }
}

fn initials(name: &str) -> Str {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

fn date(rng: &mut Rng) -> Date {
    let year = 2012 + rng.below(13);
    match rng.below(3) {
        0 => Date::new(year.to_string()),
        1 => Date::new(format!("{year}-{:02}", 1 + rng.below(12))),
        _ => Date::new(format!(
            "{year}-{:02}-{:02}",
            1 + rng.below(12),
            1 + rng.below(28)
        )),
    }
}

/// A knowledge base with `orgs` organisations; the same `orgs` always gives the same data.
pub fn generate(orgs: usize) -> Kb {
    let mut rng = Rng::new(0x5EED ^ orgs as u64);
    let sources: Vec<Source> = (1..=200)
        .map(|i| Source {
            id: format!("s{i}").into(),
            title: format!("Report {i} on AI cooperation").into(),
            url: Some(format!("https://example.org/reports/{i}").into()),
            location: None,
            date: Some(date(&mut rng)),
            read: None,
        })
        .collect();
    let source = |rng: &mut Rng| format!("s{}", 1 + rng.below(200)).into();
    let focus_areas: Vec<FocusArea> = THEMES
        .iter()
        .flat_map(|t| ["research", "policy"].map(move |q| (t, q)))
        .enumerate()
        .map(|(i, (theme, qualifier))| FocusArea {
            id: format!("focus-{i}").into(),
            name: format!("{theme} {qualifier}").into(),
            names: Vec::new(),
            description: format!("Work on {} through {qualifier}.", theme.to_lowercase()).into(),
            sources: smallvec::smallvec![format!("s{}", 1 + i % 200).into()],
        })
        .collect();
    let kinds = [
        OrgKind::Company,
        OrgKind::University,
        OrgKind::ResearchLab,
        OrgKind::GovernmentBody,
        OrgKind::Nonprofit,
        OrgKind::Region,
    ];
    // Every assigned code, in code order: the same draw always gives the same country.
    let codes: Vec<&str> = country::all().map(|(code, _)| code).collect();
    let mut organizations = Vec::with_capacity(orgs);
    for i in 0..orgs {
        let name = org_name(&mut rng, i);
        let mut aka = alliances::kb::Few::new();
        if rng.chance(40) {
            let acronym = initials(&name);
            if acronym.chars().count() >= 2 {
                aka.push(acronym);
            }
        }
        if rng.chance(10) {
            aka.push(format!("{} {}", rng.pick(NOUNS), rng.pick(CITIES)).into());
        }
        let parent =
            (i > 10 && rng.chance(5)).then(|| Box::new(Tie::new(format!("org-{}", rng.below(i)))));
        let note = rng.chance(30).then(|| {
            format!(
                "Works on {} and {} with partners in {}.",
                rng.pick(FIELDS).to_lowercase(),
                rng.pick(NOUNS).to_lowercase(),
                rng.pick(CITIES)
            )
            .into()
        });
        organizations.push(Organization {
            id: format!("org-{i}").into(),
            name,
            aka,
            kind: *rng.pick(&kinds),
            country: Some(codes[rng.below(codes.len())].into()),
            location: None,
            website: rng
                .chance(50)
                .then(|| format!("https://org{i}.example").into()),
            parent,
            formerly: Vec::new(),
            alliance: None,
            note,
            status: if rng.chance(3) {
                Status::Unverified
            } else {
                Status::Confirmed
            },
            sources: smallvec::smallvec![source(&mut rng)],
        });
    }
    let n_alliances = (orgs / 20).max(1);
    let alliance_kinds = AllianceKind::ALL;
    let scopes = [
        Scope::International,
        Scope::Supranational,
        Scope::National,
        Scope::Subnational,
    ];
    let roles = [
        Role::Member,
        Role::Member,
        Role::Member,
        Role::Founding,
        Role::Partner,
        Role::Steering,
    ];
    let mut alliances = Vec::with_capacity(n_alliances);
    for a in 0..n_alliances {
        let size = (10 + rng.below(41)).min(orgs);
        let mut chosen: Vec<usize> = Vec::with_capacity(size);
        while chosen.len() < size {
            let o = rng.below(orgs);
            if !chosen.contains(&o) {
                chosen.push(o);
            }
        }
        let members: Vec<Member> = chosen
            .iter()
            .map(|&o| Member {
                org: format!("org-{o}").into(),
                role: *rng.pick(&roles),
                since: rng.chance(30).then(|| date(&mut rng)),
                until: None,
                status: if rng.chance(5) {
                    Status::Unverified
                } else {
                    Status::Confirmed
                },
                note: None,
                sources: smallvec::smallvec![source(&mut rng)],
            })
            .collect();
        let leads: alliances::kb::Few<Tie> = chosen
            .iter()
            .take(1 + rng.below(2))
            .map(|o| Tie::new(format!("org-{o}")))
            .collect();
        let mut absent = Vec::new();
        for _ in 0..rng.below(3) {
            let o = rng.below(orgs);
            if !chosen.contains(&o) && !absent.iter().any(|x: &Absence| x.org == format!("org-{o}"))
            {
                absent.push(Absence {
                    org: format!("org-{o}").into(),
                    note: "Not a member.".into(),
                    as_of: None,
                    sources: smallvec::smallvec![source(&mut rng)],
                });
            }
        }
        let mut focus: Vec<Str> = Vec::new();
        for _ in 0..1 + rng.below(4) {
            let f = format!("focus-{}", rng.below(focus_areas.len())).into();
            if !focus.contains(&f) {
                focus.push(f);
            }
        }
        let mut related: Vec<Related> = Vec::new();
        for _ in 0..rng.below(4) {
            let b = rng.below(n_alliances);
            if b != a
                && !related
                    .iter()
                    .any(|r| r.alliance == format!("alliance-{b}"))
            {
                related.push(Related {
                    alliance: format!("alliance-{b}").into(),
                    why: "They run joint programmes.".into(),
                    sources: smallvec::smallvec![source(&mut rng)],
                });
            }
        }
        let theme = rng.pick(THEMES);
        alliances.push(Alliance {
            id: format!("alliance-{a}").into(),
            name: format!("{} {theme} AI Alliance {a}", rng.pick(REGIONS)).into(),
            names: Vec::new(),
            kind: *rng.pick(&alliance_kinds),
            scope: *rng.pick(&scopes),
            region: None,
            founded: Some(date(&mut rng)),
            founded_note: None,
            website: None,
            summary: format!("An alliance on {} and AI.", theme.to_lowercase()).into(),
            leads,
            members,
            absent,
            focus,
            facts: Vec::new(),
            outputs: Vec::new(),
            related,
            claims: Vec::new(),
            standing: None,
            history: Vec::new(),
            sources: smallvec::smallvec![source(&mut rng)],
        });
    }
    let artifacts = (0..(orgs / 200).max(1))
        .map(|t| Artifact {
            id: format!("artifact-{t}").into(),
            name: format!("{} {}", rng.pick(ADJECTIVES), rng.pick(NOUNS)).into(),
            kind: ArtifactKind::Tool,
            origin: smallvec::smallvec![format!("org-{}", rng.below(orgs)).into()],
            released: Some(date(&mut rng)),
            description: "A tool.".into(),
            in_article: false,
            note: None,
            sources: smallvec::smallvec![source(&mut rng)],
        })
        .collect();
    Kb {
        alliances,
        organizations,
        focus_areas,
        artifacts,
        sources,
    }
}

/// Writes `kb` as a folder of RON files: organisations and alliances in files of at most
/// `per_file` entries, the small collections in one file. Returns the bytes written.
pub fn write_ron(kb: &Kb, dir: &Path, per_file: usize) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ")
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut written = 0u64;
    let mut write = |name: String, part: &Kb| -> std::io::Result<()> {
        let text =
            ron::ser::to_string_pretty(part, config.clone()).map_err(std::io::Error::other)?;
        let mut f = std::io::BufWriter::new(std::fs::File::create(dir.join(name))?);
        f.write_all(text.as_bytes())?;
        written += text.len() as u64;
        Ok(())
    };
    write(
        "common.ron".into(),
        &Kb {
            focus_areas: kb.focus_areas.clone(),
            artifacts: kb.artifacts.clone(),
            sources: kb.sources.clone(),
            ..Kb::default()
        },
    )?;
    for (i, chunk) in kb.organizations.chunks(per_file.max(1)).enumerate() {
        let part = Kb {
            organizations: chunk.to_vec(),
            ..Kb::default()
        };
        write(format!("organizations-{i:04}.ron"), &part)?;
    }
    for (i, chunk) in kb.alliances.chunks(per_file.max(1)).enumerate() {
        let part = Kb {
            alliances: chunk.to_vec(),
            ..Kb::default()
        };
        write(format!("alliances-{i:04}.ron"), &part)?;
    }
    Ok(written)
}

/// The RON folder of `generate(orgs)`, written once under `target/bench-data/` and reused by
/// later runs (a million organisations take a while to write).
pub fn folder(orgs: usize) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench-data")
        .join(format!("kb-{orgs}"));
    let done = dir.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        write_ron(&generate(orgs), &dir, 10_000).expect("the bench data folder is writable");
        std::fs::write(&done, "").expect("the bench data folder is writable");
    }
    dir
}
