//! Citations: a fact, one of the article's claims, an entity or a source, with the sources it
//! rests on (title, date, address), as plain text and as Markdown, for a reader to quote.

use super::Item;
use crate::kb::{Day, Entity, Index, Ix, Kb, Source, Status, Str, country};

/// A citation in the two forms it is copied in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub text: String,
    pub markdown: String,
}

/// The citation of what a selectable line stands for, as of `day`.
pub fn cite(kb: &Kb, index: &Index, item: Item, day: Day) -> Option<Citation> {
    match item {
        Item::Entity(e) | Item::Website(e) => Some(entity(kb, index, e, day)),
        Item::Source(s) => kb.sources.get(s).map(|s| {
            let (text, markdown) = (source_text(s), source_markdown(s));
            Citation { text, markdown }
        }),
        Item::Fact(a, i) => fact(kb, index, a, i, day),
        Item::Claim(a, c) => claim(kb, index, a, c, day),
    }
}

/// `Source: title (2024-02-08), https://…` for the sources with these ids (unknown ids left
/// out), in the two forms.
fn sources(kb: &Kb, index: &Index, ids: &[&Str]) -> (String, String) {
    let found: Vec<&Source> = ids
        .iter()
        .filter_map(|id| index.source(kb, id))
        .map(|s| &kb.sources[s])
        .collect();
    if found.is_empty() {
        return (String::new(), String::new());
    }
    let label = if found.len() == 1 {
        "Source"
    } else {
        "Sources"
    };
    let text: Vec<String> = found.iter().map(|s| source_text(s)).collect();
    let markdown: Vec<String> = found.iter().map(|s| source_markdown(s)).collect();
    (
        format!("{label}: {}.", text.join("; ")),
        format!("{label}: {}.", markdown.join("; ")),
    )
}

/// `title (2024-02-08), https://…`, or `title (2023-12), where it is` with no address.
fn source_text(s: &Source) -> String {
    let mut out = s.title.to_string();
    if let Some(date) = &s.date {
        out.push_str(&format!(" ({date})"));
    }
    if let Some(place) = s
        .url
        .as_deref()
        .or(s.location.as_deref().map(|l| l.as_str()))
    {
        out.push_str(", ");
        out.push_str(place);
    }
    out
}

/// `[title](https://…) (2024-02-08)`, or the title and where it is with no address.
fn source_markdown(s: &Source) -> String {
    let title = markdown_text(&s.title);
    let mut out = match s.url.as_deref() {
        Some(url) => format!(
            "[{}](<{}>)",
            title.replace(['[', ']'], ""),
            url.replace('>', "%3E")
        ),
        None => title,
    };
    if let Some(date) = &s.date {
        out.push_str(&format!(" ({date})"));
    }
    if let (None, Some(place)) = (s.url.as_deref(), s.location.as_deref()) {
        out.push_str(", ");
        out.push_str(&markdown_text(place));
    }
    out
}

/// Text with the characters Markdown would act on escaped.
fn markdown_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The two forms of a citation: a sentence (quoted in Markdown), then its sources.
fn both(sentence: String, (text, markdown): (String, String)) -> Citation {
    let join = |a: &str, b: String| {
        if b.is_empty() {
            a.to_string()
        } else {
            format!("{a} {b}")
        }
    };
    let quoted = format!("> {}", markdown_text(&sentence));
    Citation {
        text: join(&sentence, text),
        markdown: if markdown.is_empty() {
            quoted
        } else {
            format!("{quoted}\n>\n> {markdown}")
        },
    }
}

fn unverified(status: Status) -> &'static str {
    if status.is_unverified() {
        " (unverified)"
    } else {
        ""
    }
}

fn entity(kb: &Kb, index: &Index, e: Entity, day: Day) -> Citation {
    let name = e.name_on(kb, day);
    let (about, ids, status): (String, Vec<&Str>, Status) = match e {
        Entity::Alliance(a) => {
            let al = &kb.alliances[a];
            let mut about = format!("{}, {}", al.kind.label(), al.scope.label());
            if let Some(founded) = &al.founded {
                about.push_str(&format!(", founded {founded}"));
            }
            if let Some(site) = &al.website {
                about.push_str(&format!(", {site}"));
            }
            (about, al.sources.iter().collect(), Status::default())
        }
        Entity::Org(o) => {
            let org = &kb.organizations[o];
            let mut about = org.kind.label().to_string();
            if let Some(code) = org.country.as_deref() {
                about.push_str(&format!(", {}", country::name(code).unwrap_or(code)));
            }
            if let Some(site) = &org.website {
                about.push_str(&format!(", {site}"));
            }
            (about, org.sources.iter().collect(), org.status)
        }
        Entity::Focus(f) => (
            "focus area".to_string(),
            kb.focus_areas[f].sources.iter().collect(),
            Status::default(),
        ),
        Entity::Artifact(t) => {
            let art = &kb.artifacts[t];
            (
                art.kind.label().to_string(),
                art.sources.iter().collect(),
                Status::default(),
            )
        }
    };
    both(
        format!("{name} ({about}){}.", unverified(status)),
        sources(kb, index, &ids),
    )
}

fn fact(kb: &Kb, index: &Index, a: Ix, i: usize, day: Day) -> Option<Citation> {
    let al = kb.alliances.get(a)?;
    let f = al.facts.get(i)?;
    let mut sentence = format!("{}: {}", al.name_on(day), f.text);
    if let Some(as_of) = &f.as_of {
        sentence.push_str(&format!(" (as of {as_of})"));
    }
    sentence.push_str(unverified(f.status));
    let ids: Vec<&Str> = f.sources.iter().collect();
    Some(both(sentence, sources(kb, index, &ids)))
}

fn claim(kb: &Kb, index: &Index, a: Ix, c: usize, day: Day) -> Option<Citation> {
    let al = kb.alliances.get(a)?;
    let claim = al.claims.get(c)?;
    let mut sentence = format!(
        "The article (December 2023) says of the {}: «{}» ({}) Verdict: {}.",
        al.name_on(day),
        claim.quote(),
        claim.claim.trim_end_matches('.'),
        claim.verdict.label()
    );
    if let Some(correction) = &claim.correction {
        sentence.push_str(&format!(" {correction}"));
    }
    let mut ids: Vec<&Str> = claim.sources.iter().collect();
    if let Some(later) = claim.later.as_ref().filter(|l| l.date.by(day)) {
        sentence.push_str(&format!(" Since {}: {}", later.date, later.text));
        ids.extend(later.sources.iter().filter(|s| !claim.sources.contains(s)));
    }
    Some(both(sentence, sources(kb, index, &ids)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> (Kb, Index) {
        crate::kb::embedded()
    }

    #[test]
    fn a_claim_citation_quotes_the_article_and_names_its_sources_with_their_addresses() {
        let (kb, index) = kb();
        let a = index.alliance(&kb, "international-ai-alliance").unwrap();
        let c = kb.alliances[a]
            .claims
            .iter()
            .position(|c| c.verdict == crate::kb::Verdict::Wrong && c.article.contains("Brabant"))
            .unwrap();
        let cite = cite(&kb, &index, Item::Claim(a, c), Day::today()).unwrap();
        assert!(
            cite.text.starts_with("The article (December 2023) says"),
            "{}",
            cite.text
        );
        assert!(cite.text.contains("Verdict: wrong."), "{}", cite.text);
        assert!(cite.text.contains("Noord-Brabant"), "{}", cite.text);
        assert!(
            cite.text.contains("https://ipa.fraunhofer.de/"),
            "{}",
            cite.text
        );
        assert!(
            cite.markdown.starts_with("> The article"),
            "{}",
            cite.markdown
        );
        assert!(
            cite.markdown.contains("](<https://ipa.fraunhofer.de/"),
            "{}",
            cite.markdown
        );
    }

    #[test]
    fn a_fact_citation_says_the_date_it_describes() {
        let (kb, index) = kb();
        let a = index.alliance(&kb, "ai-alliance").unwrap();
        let i = kb.alliances[a]
            .facts
            .iter()
            .position(|f| f.as_of.is_some() && !f.sources.is_empty())
            .unwrap();
        let f = &kb.alliances[a].facts[i];
        let cite = cite(&kb, &index, Item::Fact(a, i), Day::today()).unwrap();
        assert!(cite.text.starts_with("AI Alliance: "), "{}", cite.text);
        assert!(
            cite.text
                .contains(&format!("(as of {})", f.as_of.as_ref().unwrap())),
            "{}",
            cite.text
        );
        assert!(cite.text.contains("Source"), "{}", cite.text);
    }

    #[test]
    fn a_source_without_an_address_says_where_it_is() {
        let (kb, index) = kb();
        let s = index.source(&kb, "article").unwrap();
        let cite = cite(&kb, &index, Item::Source(s), Day::today()).unwrap();
        assert!(
            cite.text.contains("(2023-12), The seed article"),
            "{}",
            cite.text
        );
        assert!(!cite.markdown.contains("]("), "{}", cite.markdown);
    }

    #[test]
    fn an_organisation_citation_names_its_country_and_website() {
        let (kb, index) = kb();
        let o = index.org(&kb, "ibm").unwrap();
        let cite = cite(&kb, &index, Item::Entity(Entity::Org(o)), Day::today()).unwrap();
        assert!(
            cite.text.starts_with("IBM (company, United States"),
            "{}",
            cite.text
        );
    }

    #[test]
    fn markdown_characters_in_the_data_are_escaped() {
        assert_eq!(markdown_text("a*b_[c]|"), "a\\*b\\_\\[c\\]\\|");
    }
}
