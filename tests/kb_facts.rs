//! The built-in knowledge base says what the article and the fact sheet say: facts checked
//! against the loaded data, not the RON text.

use alliances::kb::{self, Alliance, Index, Kb, Organization, Role, Status, Verdict};

struct Facts {
    kb: Kb,
    ix: Index,
}

impl Facts {
    fn load() -> Self {
        let kb = kb::load_embedded().expect("the built-in knowledge base is valid");
        let ix = Index::new(&kb);
        Facts { kb, ix }
    }

    fn alliance(&self, id: &str) -> &Alliance {
        &self.kb.alliances[self
            .ix
            .alliance(&self.kb, id)
            .unwrap_or_else(|| panic!("no alliance {id}"))]
    }

    fn org(&self, id: &str) -> &Organization {
        &self.kb.organizations[self
            .ix
            .org(&self.kb, id)
            .unwrap_or_else(|| panic!("no organization {id}"))]
    }

    /// (role, status, since) of `org` in `alliance`.
    fn membership(&self, alliance: &str, org: &str) -> Option<(Role, Status, Option<String>)> {
        self.org(org); // the organisation exists
        self.alliance(alliance)
            .members
            .iter()
            .find(|m| m.org == org)
            .map(|m| (m.role, m.status, m.since.as_ref().map(|d| d.to_string())))
    }

    fn leads(&self, alliance: &str, org: &str) -> bool {
        self.org(org);
        self.alliance(alliance).leads.iter().any(|l| l.org == org)
    }

    fn absence_note(&self, alliance: &str, org: &str) -> Option<&str> {
        self.org(org);
        self.alliance(alliance)
            .absent
            .iter()
            .find(|a| a.org == org)
            .map(|a| a.note.as_str())
    }

    /// The verdict of the claim quoting `words` of the article.
    fn verdict(&self, alliance: &str, words: &str) -> Verdict {
        let mut claims: Vec<_> = self
            .alliance(alliance)
            .claims
            .iter()
            .filter(|c| c.article.contains(words))
            .collect();
        if claims.len() > 1 {
            claims.retain(|c| c.article.starts_with(words));
        }
        assert_eq!(claims.len(), 1, "one claim of {alliance} quotes {words:?}");
        claims[0].verdict
    }

    fn founded(&self, alliance: &str) -> String {
        self.alliance(alliance)
            .founded
            .as_ref()
            .unwrap()
            .to_string()
    }

    fn output_date(&self, alliance: &str, title: &str) -> String {
        let o = self
            .alliance(alliance)
            .outputs
            .iter()
            .find(|o| o.title.contains(title))
            .unwrap_or_else(|| panic!("{alliance} has no output {title:?}"));
        o.date.as_ref().map(|d| d.to_string()).unwrap_or_default()
    }

    fn origin(&self, artifact: &str) -> Vec<&str> {
        let i = self.ix.artifact(&self.kb, artifact).unwrap();
        self.kb.artifacts[i]
            .origin
            .iter()
            .map(|s| s.as_str())
            .collect()
    }
}

fn founding(since: &str) -> Option<(Role, Status, Option<String>)> {
    Some((Role::Founding, Status::Confirmed, Some(since.to_string())))
}

#[test]
fn the_ai_alliance_as_the_article_and_fact_sheet_describe_it() {
    let f = Facts::load();
    // 1-3. IBM and Meta lead it; launched 2023-12-05.
    assert!(f.leads("ai-alliance", "ibm"));
    assert!(f.leads("ai-alliance", "meta"));
    assert_eq!(f.founded("ai-alliance"), "2023-12-05");
    // 4. The launch-day list has 57 names, IBM and Meta included.
    let launch = f
        .alliance("ai-alliance")
        .members
        .iter()
        .filter(|m| m.role == Role::Founding)
        .count();
    assert_eq!(launch, 57);
    assert_eq!(f.membership("ai-alliance", "ibm"), founding("2023-12-05"));
    // 5. « Intel et AMD en sont ; pas NVIDIA. »
    assert_eq!(f.membership("ai-alliance", "intel"), founding("2023-12-05"));
    assert_eq!(f.membership("ai-alliance", "amd"), founding("2023-12-05"));
    assert!(f.membership("ai-alliance", "nvidia").is_none());
    assert!(
        f.absence_note("ai-alliance", "nvidia")
            .unwrap()
            .contains("correct")
    );
    assert_eq!(f.verdict("ai-alliance", "pas NVIDIA"), Verdict::Confirmed);
    // 6. Dell, Oracle and ServiceNow joined.
    for org in ["dell", "oracle", "servicenow"] {
        assert_eq!(
            f.membership("ai-alliance", org),
            founding("2023-12-05"),
            "{org}"
        );
    }
    // 7. Neither Amazon, Google nor Microsoft, but linked through the Partnership on AI.
    for org in ["amazon", "google", "microsoft"] {
        assert!(
            f.absence_note("ai-alliance", org)
                .unwrap()
                .contains("Partnership on AI")
        );
        assert_eq!(
            f.membership("partnership-on-ai", org),
            founding("2016-09-28"),
            "{org}"
        );
    }
    assert_eq!(f.verdict("ai-alliance", "Ni Amazon"), Verdict::Imprecise);
    // 8. The Partnership on AI is itself a founding member.
    assert_eq!(
        f.membership("ai-alliance", "partnership-on-ai"),
        founding("2023-12-05")
    );
    // 9. « une cinquantaine » is imprecise.
    assert_eq!(
        f.verdict("ai-alliance", "une cinquantaine"),
        Verdict::Imprecise
    );
    // 10. No Stanford (correct), no Harvard (imprecise: the Mass Open Cloud Alliance).
    assert!(f.absence_note("ai-alliance", "stanford").is_some());
    assert!(
        f.absence_note("ai-alliance", "harvard")
            .unwrap()
            .contains("Mass Open Cloud")
    );
    assert_eq!(
        f.verdict("ai-alliance", "pas de Stanford"),
        Verdict::Imprecise
    );
    // 11. "Berkeley" is UC Berkeley's College of Computing, Data Science, and Society.
    assert!(
        f.org("uc-berkeley-cdss")
            .aka
            .iter()
            .any(|a| a == "Berkeley")
    );
    // The launch release's own subtitle names "University of California Berkeley": the
    // article's "Berkeley" is right (update sheet, section 2).
    assert_eq!(f.verdict("ai-alliance", "Berkeley"), Verdict::Confirmed);
    // 12. Tokyo, Imperial College, EPFL, CERN and NASA take part.
    for org in [
        "university-of-tokyo",
        "imperial-college-london",
        "epfl",
        "cern",
        "nasa",
    ] {
        assert_eq!(
            f.membership("ai-alliance", org),
            founding("2023-12-05"),
            "{org}"
        );
    }
    assert_eq!(f.org("cern").country.as_deref(), Some("CH"));
    assert!(
        f.org("epfl")
            .aka
            .iter()
            .any(|a| a == "École polytechnique fédérale de Lausanne")
    );
    // 13. Four focus areas at launch, with the article's French names.
    let focus = &f.alliance("ai-alliance").focus;
    for id in [
        "responsible-ai",
        "open-foundation-models",
        "ai-hardware",
        "skills-education-research",
    ] {
        assert!(focus.iter().any(|x| x == id), "{id}");
    }
    let hardware = &f.kb.focus_areas[f.ix.focus(&f.kb, "ai-hardware").unwrap()];
    assert_eq!(hardware.names[0].name, "Écosystème hardware");
    // 14. Members announced on 2024-02-08 (after the article).
    assert_eq!(
        f.membership("ai-alliance", "databricks"),
        Some((Role::Member, Status::Confirmed, Some("2024-02-08".into())))
    );
    // 15. SB Intuitions is a SoftBank company.
    assert_eq!(
        f.org("sb-intuitions")
            .parent
            .as_deref()
            .map(|p| p.org.as_str()),
        Some("softbank")
    );
}

#[test]
fn the_partnership_on_ai() {
    let f = Facts::load();
    // 16. Announced 2016-09-28; Apple confirmed as a founding member in January 2017.
    assert_eq!(f.founded("partnership-on-ai"), "2016-09-28");
    assert_eq!(
        f.membership("partnership-on-ai", "apple"),
        founding("2017-01-27")
    );
    // 17. IBM and Meta are founders of both; the founding companies do not lead the
    // Partnership on AI, whose CEO and board run it (update sheet, section 1).
    for org in ["ibm", "meta"] {
        assert_eq!(
            f.membership("partnership-on-ai", org).unwrap().0,
            Role::Founding
        );
        assert!(!f.leads("partnership-on-ai", org), "{org}");
    }
    // 18. Deutsche Telekom, UNDP and the University of Tokyo became partners in 2018.
    for org in ["deutsche-telekom", "undp", "university-of-tokyo"] {
        let (role, _, since) = f.membership("partnership-on-ai", org).unwrap();
        assert_eq!(role, Role::Partner, "{org}");
        assert!(since.is_some_and(|s| s.starts_with("2018")), "{org}");
    }
    // 19. The foundation-model deployment guidance of 2023-10-24.
    assert_eq!(
        f.output_date(
            "partnership-on-ai",
            "Guidance for Safe Foundation Model Deployment"
        ),
        "2023-10-24"
    );
    // 20. The French name the article uses.
    assert_eq!(
        f.alliance("partnership-on-ai").name_in("fr").unwrap().name,
        "Partenariat sur l’IA"
    );
}

#[test]
fn the_european_ai_alliance() {
    let f = Facts::load();
    // 21. Launched 2018-06-14 by the Commission.
    assert_eq!(f.founded("european-ai-alliance"), "2018-06-14");
    assert!(f.leads("european-ai-alliance", "european-commission"));
    // 22. The HLEG steered the Alliance, not the reverse: the article is wrong.
    assert_eq!(
        f.verdict("european-ai-alliance", "piloté les travaux"),
        Verdict::Wrong
    );
    let (role, ..) = f.membership("european-ai-alliance", "ai-hleg").unwrap();
    assert_eq!(role, Role::Steering);
    // 23. Ethics guidelines 2019-04-08; the Madrid assembly was the 4th, 16-17 Nov 2023.
    assert_eq!(
        f.output_date("european-ai-alliance", "Ethics Guidelines"),
        "2019-04-08"
    );
    assert_eq!(f.output_date("european-ai-alliance", "4th"), "2023-11-16");
    // The sentence is right: the 4th Assembly was in Madrid on 2023-11-16 (update sheet, 2).
    assert_eq!(
        f.verdict("european-ai-alliance", "Madrid"),
        Verdict::Confirmed
    );
    // 24. The French name is unverified.
    let fr = f.alliance("european-ai-alliance").name_in("fr").unwrap();
    assert_eq!(fr.status, Status::Unverified);
}

#[test]
fn the_united_ai_alliance() {
    let f = Facts::load();
    // 25. Led by UNECA with GPSDD and NVIDIA; founded 2021.
    for org in ["uneca", "gpsdd", "nvidia"] {
        assert!(f.leads("united-ai-alliance", org), "{org}");
    }
    assert_eq!(f.founded("united-ai-alliance"), "2021");
    // 26. The countries are those the lead partner lists: Togo is one; Mali and Nigeria,
    // which a secondary source named, are not (update sheet, section 1).
    for country in [
        "ghana",
        "togo",
        "kenya",
        "central-african-republic",
        "somaliland",
    ] {
        assert_eq!(
            f.membership("united-ai-alliance", country).unwrap().1,
            Status::Confirmed,
            "{country}"
        );
    }
    for country in ["mali", "nigeria"] {
        assert_eq!(
            f.membership("united-ai-alliance", country),
            None,
            "{country}"
        );
        assert!(
            f.absence_note("united-ai-alliance", country).is_some(),
            "{country}"
        );
    }
    // 27. Latin America and South-East Asia plans are unverified; the name was wrong.
    assert_eq!(
        f.verdict("united-ai-alliance", "Amérique latine"),
        Verdict::Unverified
    );
    assert_eq!(
        f.verdict("united-ai-alliance", "Nations unies"),
        Verdict::Imprecise
    );
}

#[test]
fn the_regional_alliances() {
    let f = Facts::load();
    // 28. North Brabant is in the Netherlands; the article says Belgium.
    assert_eq!(f.org("noord-brabant").country.as_deref(), Some("NL"));
    assert_eq!(
        f.verdict(
            "international-ai-alliance",
            "le Brabant-Septentrional (Belgique)"
        ),
        Verdict::Wrong
    );
    assert_eq!(
        f.membership("international-ai-alliance", "noord-brabant")
            .unwrap()
            .1,
        Status::Unverified
    );
    // 29. BW_i launched it; S-GE and Dubai SME signed MoUs on 2021-10-06 and 2021-10-04.
    assert!(f.leads("international-ai-alliance", "bw-i"));
    assert_eq!(
        f.membership("international-ai-alliance", "s-ge"),
        Some((
            Role::Signatory,
            Status::Confirmed,
            Some("2021-10-06".into())
        ))
    );
    assert_eq!(
        f.membership("international-ai-alliance", "dubai-sme")
            .unwrap()
            .2
            .as_deref(),
        Some("2021-10-04")
    );
    // 30. Scotland: The Data Lab and the Scottish Government; Living with AI, 2023-09-12.
    assert!(f.leads("scottish-ai-alliance", "the-data-lab"));
    assert!(f.leads("scottish-ai-alliance", "scottish-government"));
    assert_eq!(
        f.output_date("scottish-ai-alliance", "Living with AI"),
        "2023-09-12"
    );
    // 31. Rhineland-Palatinate: MoU 2021-02-25; JGU confirmed, Trier unverified.
    assert_eq!(f.founded("ki-allianz-rheinland-pfalz"), "2021-02-25");
    assert_eq!(
        f.membership("ki-allianz-rheinland-pfalz", "jgu-mainz")
            .unwrap()
            .1,
        Status::Confirmed
    );
    assert_eq!(
        f.membership("ki-allianz-rheinland-pfalz", "uni-trier")
            .unwrap()
            .1,
        Status::Unverified
    );
    assert_eq!(
        f.verdict("ki-allianz-rheinland-pfalz", "une dizaine"),
        Verdict::Imprecise
    );
}

#[test]
fn the_telco_and_education_alliances() {
    let f = Facts::load();
    // 32. Four founding operators on 2023-07-27; SoftBank joined in February 2024.
    for org in ["sk-telecom", "deutsche-telekom", "e-and", "singtel"] {
        assert_eq!(
            f.membership("global-telco-ai-alliance", org),
            founding("2023-07-27"),
            "{org}"
        );
    }
    assert_eq!(
        f.membership("global-telco-ai-alliance", "softbank"),
        Some((Role::Member, Status::Confirmed, Some("2024-02-26".into())))
    );
    assert_eq!(
        f.alliance("global-telco-ai-alliance")
            .name_in("ko")
            .unwrap()
            .name,
        "글로벌 텔코 AI 얼라이언스"
    );
    // 33. EDSAFE: InnovateEDU hosts the relaunch; a 19-member steering committee with DXtera.
    assert!(f.leads("edsafe-ai-alliance", "innovateedu"));
    let steering = f
        .alliance("edsafe-ai-alliance")
        .members
        .iter()
        .filter(|m| m.role == Role::Steering)
        .count();
    assert_eq!(steering, 19);
    // DXtera co-founded the first alliance (2021 to 2023-09) and sits on the relaunch's
    // steering committee: at the article's date it is a steering member.
    let dxtera: Vec<Role> = f
        .alliance("edsafe-ai-alliance")
        .members_on(kb::Day::ARTICLE)
        .filter(|(_, m)| m.org == "dxtera")
        .map(|(_, m)| m.role)
        .collect();
    assert_eq!(dxtera, [Role::Steering]);
}

#[test]
fn artifacts_and_their_origins() {
    let f = Facts::load();
    // 34. Where the tools, frameworks and models come from.
    assert_eq!(f.origin("mlperf"), ["mlcommons"]);
    assert_eq!(f.origin("llama-2"), ["meta"]);
    assert_eq!(
        f.origin("stable-diffusion"),
        ["stability-ai", "compvis-lmu", "runway"]
    );
    assert!(f.origin("bloom").contains(&"bigscience"));
    assert!(f.origin("ray").contains(&"anyscale"));
    let llama = &f.kb.artifacts[f.ix.artifact(&f.kb, "llama-2").unwrap()];
    assert_eq!(llama.released.as_ref().unwrap().as_str(), "2023-07-18");
    assert!(!f.kb.artifacts[f.ix.artifact(&f.kb, "kubernetes").unwrap()].in_article);
}

#[test]
fn related_alliances_carry_reasons() {
    let f = Facts::load();
    // 35. The AI Alliance and the Partnership on AI share members beyond their leads.
    let aia = f.ix.alliance(&f.kb, "ai-alliance").unwrap();
    let pai = f.ix.alliance(&f.kb, "partnership-on-ai").unwrap();
    let link =
        f.ix.related(&f.kb, aia, kb::Day::ARTICLE)
            .into_iter()
            .find(|r| r.alliance == pai)
            .unwrap();
    let reasons: Vec<String> = link
        .reasons
        .iter()
        .map(|r| f.ix.describe(&f.kb, r))
        .collect();
    // IBM and Meta lead the AI Alliance only: they are shared members, not shared leads.
    assert!(
        reasons.contains(
            &"5 shared members: IBM, Intel, Meta, Sony Group, University of Tokyo".to_string()
        ),
        "{reasons:?}"
    );
    assert!(
        !reasons.iter().any(|r| r.contains("shared lead")),
        "{reasons:?}"
    );
    // 36. NVIDIA: absent from the AI Alliance, a lead of the United AI Alliance.
    let nvidia = f.ix.org(&f.kb, "nvidia").unwrap();
    let labels: Vec<String> =
        f.ix.org_links(nvidia)
            .iter()
            .map(|l| {
                format!(
                    "{}: {}",
                    f.kb.alliances[l.alliance()].id,
                    kb::index::link_label(&f.kb, l, kb::Day::ARTICLE)
                )
            })
            .collect();
    assert_eq!(
        labels,
        [
            "united-ai-alliance: lead",
            "ai-alliance: absent: not a member"
        ]
    );
}

#[test]
fn every_fact_has_a_source_and_unverified_ones_are_marked() {
    let f = Facts::load();
    for a in &f.kb.alliances {
        assert!(!a.sources.is_empty(), "{}", a.id);
        for m in &a.members {
            assert!(!m.sources.is_empty(), "{} / {}", a.id, m.org);
            let note = m.note.as_deref().map_or("", |n| n.as_str());
            if note.contains("Probable")
                || note.contains("secondary source")
                || note.starts_with("Named by the article")
            {
                assert_eq!(m.status, Status::Unverified, "{} / {}", a.id, m.org);
            }
        }
        for x in &a.absent {
            assert!(!x.sources.is_empty(), "{} / {}", a.id, x.org);
        }
        for c in &a.claims {
            assert!(!c.sources.is_empty(), "{}: {}", a.id, c.article);
        }
        for fact in &a.facts {
            assert!(!fact.sources.is_empty(), "{}: {}", a.id, fact.topic);
        }
    }
    for o in &f.kb.organizations {
        assert!(!o.sources.is_empty(), "{}", o.id);
    }
    // Every organisation is tied to an alliance or an artifact, or is cited in a note.
    assert_eq!(f.kb.alliances.len(), 9);
    assert!(f.kb.organizations.len() >= 172);
}

#[test]
fn every_source_can_be_opened_or_found() {
    let f = Facts::load();
    for s in &f.kb.sources {
        match (&s.url, &s.location) {
            (Some(url), _) => assert!(
                url.starts_with("https://") || url.starts_with("http://"),
                "{}: {url}",
                s.id
            ),
            (None, Some(place)) => assert!(!place.trim().is_empty(), "{}", s.id),
            (None, None) => panic!("source {} has neither a url nor a where", s.id),
        }
    }
    // Only the article itself is not online, of the sources that have no address.
    let offline: Vec<&str> =
        f.kb.sources
            .iter()
            .filter(|s| s.url.is_none())
            .map(|s| s.id.as_str())
            .collect();
    assert!(offline.contains(&"article"), "{offline:?}");
    assert!(offline.len() <= 2, "{offline:?}");
}

/// The alliance as of a day: its name, its members' ids, its leads' ids, its state.
fn as_of(f: &Facts, id: &str, day: &str) -> (String, Vec<String>, Vec<String>, &'static str) {
    let day = kb::Day::parse(day).unwrap();
    let a = f.alliance(id);
    (
        a.name_on(day).to_string(),
        a.members_on(day).map(|(_, m)| m.org.to_string()).collect(),
        a.leads_on(day).map(|l| l.org.to_string()).collect(),
        a.state_on(day).label(),
    )
}

#[test]
fn the_knowledge_base_is_right_as_of_the_article_and_as_of_today() {
    let f = Facts::load();
    // The AI Alliance had its 57 launch members at the article's date; those who joined on
    // 2024-02-08 came after, and more than 200 members by 2026.
    let (_, then, leads, state) = as_of(&f, "ai-alliance", "2023-12-05");
    assert_eq!((then.len(), state), (57, "active"));
    assert_eq!(leads, ["ibm", "meta"]);
    assert!(!then.contains(&"databricks".to_string()));
    let (_, now, _, _) = as_of(&f, "ai-alliance", "2026-12-02");
    assert!(now.contains(&"databricks".to_string()) && now.len() == 85);
    assert!(
        f.alliance("ai-alliance").facts.iter().any(|x| x
            .as_of
            .as_ref()
            .is_some_and(|d| d.as_str() == "2026-04-08")
            && x.text.contains("200")),
        "the 2026 size"
    );
    // The AI HLEG steered the European AI Alliance until its mandate ended in July 2020.
    let (name, members, leads, _) = as_of(&f, "european-ai-alliance", "2019");
    assert_eq!(name, "European AI Alliance");
    assert!(members.contains(&"ai-hleg".to_string()));
    assert!(leads.contains(&"ai-hleg".to_string()));
    let (name, members, leads, _) = as_of(&f, "european-ai-alliance", "2023-12-05");
    assert_eq!(name, "European AI Alliance");
    assert!(!members.contains(&"ai-hleg".to_string()));
    assert_eq!(leads, ["european-commission"]);
    // It became the Apply AI Alliance on 2025-10-08.
    let (name, _, _, state) = as_of(&f, "european-ai-alliance", "2026-12-02");
    assert_eq!((name.as_str(), state), ("Apply AI Alliance", "renamed"));
    // Silo AI has been part of AMD since its acquisition in 2024; not at the article's date.
    let silo = f.org("silo-ai");
    let parent = silo.parent.as_deref().expect("a parent");
    assert_eq!(parent.org, "amd");
    assert!(!parent.held_on(None, kb::Day::ARTICLE));
    assert!(parent.held_on(None, kb::Day::parse("2026-12-02").unwrap()));
    // Where nothing newer was found, the knowledge base says so, dated.
    for id in ["united-ai-alliance", "international-ai-alliance"] {
        let standing = f.alliance(id).standing.as_ref().expect("a standing");
        assert_eq!(standing.state, kb::State::Dormant, "{id}");
        assert!(standing.last_seen.is_some(), "{id}");
    }
    // Every alliance says where it stood at the latest look.
    for a in &f.kb.alliances {
        let standing = a.standing.as_ref().unwrap_or_else(|| panic!("{}", a.id));
        assert_eq!(standing.as_of.as_str(), "2026-12-02", "{}", a.id);
    }
}

#[test]
fn the_claims_the_article_makes_are_all_checked() {
    let f = Facts::load();
    // Two claims the first review missed.
    assert_eq!(
        f.verdict("ai-alliance", "anglo-américaine"),
        Verdict::Confirmed
    );
    assert_eq!(
        f.verdict("ai-alliance", "Le premier volet"),
        Verdict::Confirmed
    );
    // Verdicts looked at again.
    assert_eq!(f.verdict("united-ai-alliance", "2021"), Verdict::Unverified);
    assert_eq!(
        f.verdict("international-ai-alliance", "bonnes pratiques"),
        Verdict::Imprecise
    );
    // A claim that held in December 2023 and changed since says when.
    let eu = f.alliance("european-ai-alliance");
    assert!(
        eu.claims.iter().any(|c| c
            .later
            .as_ref()
            .is_some_and(|l| l.date.as_str() == "2025-10-08")),
        "the renaming"
    );
}
