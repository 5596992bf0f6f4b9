//! What a filter says: words that match names (as search does), and field terms that every list
//! understands where they apply (`country:de`, `in:ai-alliance`, `verdict:wrong`…; each is
//! described once, in [`TERMS_HELP`], which the commands' help and the manual show).
//!
//! Terms combine with *and*; `in:` and `role:` hold for the same alliance. An unknown field or
//! value is an error that names the expected ones, never ignored.

use super::{Listing, Scope};

/// The filter terms in words, for the help of the commands that take them and the manual.
pub const TERMS_HELP: &str = "\
Filters (the explorer's `f`, and the words given to `orgs` and `claims`): words match names
as search does (accents and case ignored); field terms narrow by a field, where they apply:

  country:de          an organisation from the country (a code or a name); an alliance with
                      a member or lead from it
  kind:university     that kind of organisation, or of alliance (kind:industry)
  in:ai-alliance      tied to the alliance (its id or name) on the day; an area it works on;
                      a claim about it
  role:lead           with that role on the day (lead, founding, steering, partner...)
  verdict:wrong       claims with that verdict (confirmed, imprecise, wrong, unverified)
  status:unverified   unverified rows; for alliances also active, dormant, ended, renamed,
                      merged
  alliances:>1        by the number of alliances (>1, >=2, <3, =0, 2)
  members:>20         alliances by the number of members on the day
  focus:ai-policy     alliances working on the focus area
  changed:yes         claims that changed after the article

Terms combine with and; in: and role: hold for the same alliance. A value with spaces is
quoted: in:\"AI Alliance\". An unknown field or value is an error that names the expected ones.";
use crate::kb::{AllianceKind, Ix, OrgKind, Role, State, Status, Verdict, country};
use crate::text::fold;

/// A parsed filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The words that are not terms, as typed: matched against names.
    pub text: String,
    terms: Vec<Term>,
}

/// Why a filter cannot be read: a sentence naming the term and what is expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct FilterError(pub String);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Term {
    Country(String),
    OrgKind(OrgKind),
    AllianceKind(AllianceKind),
    In(Ix),
    Role(RoleTerm),
    Verdict(Verdict),
    Status(Status),
    State(State),
    Focus(Ix),
    Count(Cmp, usize),
    Changed(bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoleTerm {
    Lead,
    Role(Role),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmp {
    Eq,
    More,
    AtLeast,
    Less,
    AtMost,
}

impl Cmp {
    fn holds(self, n: usize, value: usize) -> bool {
        match self {
            Cmp::Eq => n == value,
            Cmp::More => n > value,
            Cmp::AtLeast => n >= value,
            Cmp::Less => n < value,
            Cmp::AtMost => n <= value,
        }
    }
}

/// The fields each list understands.
pub fn fields(listing: Listing) -> &'static [&'static str] {
    match listing {
        Listing::Alliances => &["country", "kind", "status", "members", "focus"],
        Listing::Organizations => &["country", "kind", "in", "role", "status", "alliances"],
        Listing::FocusAreas => &["in", "alliances"],
        Listing::Claims => &["verdict", "in", "changed"],
    }
}

/// Every field some list understands.
const ALL_FIELDS: [&str; 10] = [
    "country",
    "kind",
    "in",
    "role",
    "verdict",
    "status",
    "alliances",
    "members",
    "focus",
    "changed",
];

/// The words of a filter: quoted values stay one word (`in:"AI Alliance"`).
fn words(input: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in input.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// `expected one of a, b, c`.
fn one_of<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.into_iter().collect();
    format!("expected one of {}", items.join(", "))
}

impl Filter {
    /// Reads what was typed for `listing`.
    pub fn parse(scope: &Scope, listing: Listing, input: &str) -> Result<Filter, FilterError> {
        let mut text = Vec::new();
        let mut terms = Vec::new();
        for word in words(input) {
            match word.split_once(':') {
                Some((field, value))
                    if !field.is_empty() && field.chars().all(|c| c.is_ascii_alphabetic()) =>
                {
                    terms.push(term(scope, listing, &field.to_ascii_lowercase(), value)?);
                }
                _ => text.push(word),
            }
        }
        Ok(Filter {
            text: text.join(" "),
            terms,
        })
    }

    /// Whether the filter narrows anything.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.terms.is_empty()
    }

    /// Whether `row` of `listing` passes the field terms (the text is matched apart, except
    /// for claims, whose words are matched here).
    pub fn keeps(&self, scope: &Scope, listing: Listing, row: u32) -> bool {
        let row = row as usize;
        match listing {
            Listing::Alliances => self.keeps_alliance(scope, row),
            Listing::Organizations => self.keeps_org(scope, row),
            Listing::FocusAreas => self.keeps_focus(scope, row),
            Listing::Claims => self.keeps_claim(scope, row),
        }
    }

    fn keeps_alliance(&self, scope: &Scope, a: Ix) -> bool {
        let Some(al) = scope.kb.alliances.get(a) else {
            return false;
        };
        self.terms.iter().all(|t| match t {
            Term::Country(code) => al
                .members_on(scope.day)
                .map(|(_, m)| m.org.as_str())
                .chain(al.leads_on(scope.day).map(|l| l.org.as_str()))
                .filter_map(|id| scope.index.org(scope.kb, id))
                .any(|o| scope.kb.organizations[o].country.as_deref() == Some(code)),
            Term::AllianceKind(k) => al.kind == *k,
            Term::State(s) => al.state_on(scope.day).label() == s.label(),
            Term::Status(Status::Unverified) => al
                .members_on(scope.day)
                .any(|(_, m)| m.status.is_unverified()),
            Term::Status(Status::Confirmed) => al
                .members_on(scope.day)
                .all(|(_, m)| !m.status.is_unverified()),
            Term::Count(cmp, n) => cmp.holds(al.size_on(scope.day), *n),
            Term::Focus(f) => scope.index.alliance_focus(a).contains(f),
            _ => true,
        })
    }

    fn keeps_org(&self, scope: &Scope, o: Ix) -> bool {
        let Some(org) = scope.kb.organizations.get(o) else {
            return false;
        };
        // `in:` and `role:` must hold for one and the same alliance.
        let within = self.terms.iter().find_map(|t| match t {
            Term::In(a) => Some(*a),
            _ => None,
        });
        let role = self.terms.iter().find_map(|t| match t {
            Term::Role(r) => Some(*r),
            _ => None,
        });
        if within.is_some() || role.is_some() {
            let tied = scope.index.org_links(o).iter().any(|l| {
                within.is_none_or(|a| l.alliance() == a)
                    && match role {
                        None => l.holds_on(scope.kb, scope.day),
                        Some(RoleTerm::Lead) => {
                            l.leads_on(scope.kb, scope.day)
                                || l.member_on(scope.kb, scope.day)
                                    && l.member()
                                        .and_then(|m| {
                                            scope.kb.alliances[l.alliance()].members.get(m)
                                        })
                                        .is_some_and(|m| m.role == Role::Lead)
                        }
                        Some(RoleTerm::Role(r)) => {
                            l.member_on(scope.kb, scope.day)
                                && l.member()
                                    .and_then(|m| scope.kb.alliances[l.alliance()].members.get(m))
                                    .is_some_and(|m| m.role == r)
                        }
                    }
            });
            if !tied {
                return false;
            }
        }
        self.terms.iter().all(|t| match t {
            Term::Country(code) => org.country.as_deref() == Some(code.as_str()),
            Term::OrgKind(k) => org.kind == *k,
            Term::Status(s) => scope.org_unverified(o) == s.is_unverified(),
            Term::Count(cmp, n) => cmp.holds(scope.alliance_count(o), *n),
            _ => true,
        })
    }

    fn keeps_focus(&self, scope: &Scope, f: Ix) -> bool {
        if f >= scope.kb.focus_areas.len() {
            return false;
        }
        self.terms.iter().all(|t| match t {
            Term::In(a) => scope.alliances_on(f).contains(a),
            Term::Count(cmp, n) => cmp.holds(scope.alliances_on(f).len(), *n),
            _ => true,
        })
    }

    fn keeps_claim(&self, scope: &Scope, n: usize) -> bool {
        let Some((a, c)) = scope.index.claim(n) else {
            return false;
        };
        let claim = &scope.kb.alliances[a].claims[c];
        let text_matches = self.text.is_empty() || {
            let wanted = fold(&self.text);
            let al = &scope.kb.alliances[a];
            [
                claim.article.as_str(),
                claim.claim.as_str(),
                claim.correction.as_deref().unwrap_or(""),
                al.name.as_str(),
            ]
            .iter()
            .any(|field| fold(field).contains(&wanted))
        };
        text_matches
            && self.terms.iter().all(|t| match t {
                Term::Verdict(v) => claim.verdict == *v,
                Term::In(x) => a == *x,
                Term::Changed(yes) => claim.later.is_some() == *yes,
                _ => true,
            })
    }
}

/// Reads one `field:value` term for `listing`.
fn term(scope: &Scope, listing: Listing, field: &str, value: &str) -> Result<Term, FilterError> {
    let known = fields(listing);
    if !known.contains(&field) {
        let applies = ALL_FIELDS.contains(&field);
        let what = if applies {
            format!(
                "`{field}:` does not apply to {}",
                listing.label().to_lowercase()
            )
        } else {
            format!("unknown field `{field}:`")
        };
        let expected: Vec<String> = known.iter().map(|f| format!("{f}:")).collect();
        return Err(FilterError(format!(
            "{what}: {}{}",
            one_of(expected.iter().map(String::as_str)),
            crate::suggest::did_you_mean(field, known.iter().copied())
        )));
    }
    let value_lower = value.to_ascii_lowercase();
    let bad = |what: &str, expected: String| {
        FilterError(format!(
            "unknown {what} `{value}` in `{field}:`: {expected}"
        ))
    };
    match field {
        "country" => {
            country::find(value)
                .map(|code| Term::Country(code.to_string()))
                .ok_or_else(|| {
                    bad(
                        "country",
                        "expected an ISO 3166-1 code such as de, or a country's name in English (quoted if it has spaces)".into(),
                    )
                })
        }
        "kind" if listing == Listing::Alliances => AllianceKind::ALL
            .iter()
            .find(|k| same_word(k.label(), &value_lower))
            .map(|&k| Term::AllianceKind(k))
            .ok_or_else(|| bad("kind", one_of(AllianceKind::ALL.iter().map(|k| k.label())))),
        "kind" => OrgKind::ALL
            .iter()
            .find(|k| same_word(k.label(), &value_lower))
            .map(|&k| Term::OrgKind(k))
            .ok_or_else(|| bad("kind", one_of(OrgKind::ALL.iter().map(|k| k.label())))),
        "in" => alliance(scope, value).map(Term::In).ok_or_else(|| {
            let ids = scope.kb.alliances.iter().map(|a| a.id.as_str());
            FilterError(format!(
                "unknown alliance `{value}` in `in:`: expected an alliance's id or name{}",
                crate::suggest::did_you_mean(value, ids)
            ))
        }),
        "role" => {
            if value_lower == "lead" {
                return Ok(Term::Role(RoleTerm::Lead));
            }
            Role::ALL
                .iter()
                .find(|r| r.label() == value_lower)
                .map(|&r| Term::Role(RoleTerm::Role(r)))
                .ok_or_else(|| bad("role", one_of(Role::ALL.iter().map(|r| r.label()))))
        }
        "verdict" => Verdict::ALL
            .iter()
            .find(|v| v.label() == value_lower)
            .map(|&v| Term::Verdict(v))
            .ok_or_else(|| bad("verdict", one_of(Verdict::ALL.iter().map(|v| v.label())))),
        "status" => {
            let statuses = [Status::Confirmed, Status::Unverified];
            if let Some(&s) = statuses.iter().find(|s| s.label() == value_lower) {
                return Ok(Term::Status(s));
            }
            let states = if listing == Listing::Alliances {
                &State::ALL[..]
            } else {
                &[]
            };
            if let Some(&s) = states.iter().find(|s| s.label() == value_lower) {
                return Ok(Term::State(s));
            }
            let expected = statuses
                .iter()
                .map(|s| s.label())
                .chain(states.iter().map(|s| s.label()));
            Err(bad("status", one_of(expected)))
        }
        "alliances" | "members" => count(value)
            .map(|(cmp, n)| Term::Count(cmp, n))
            .ok_or_else(|| bad("count", "expected a number, or >N, >=N, <N, <=N, =N".into())),
        "focus" => scope
            .index
            .focus(scope.kb, value)
            .or_else(|| {
                let wanted = fold(value);
                scope.kb.focus_areas.iter().position(|f| fold(&f.name) == wanted)
            })
            .map(Term::Focus)
            .ok_or_else(|| {
                let ids = scope.kb.focus_areas.iter().map(|f| f.id.as_str());
                FilterError(format!(
                    "unknown focus area `{value}` in `focus:`: expected a focus area's id or name{}",
                    crate::suggest::did_you_mean(value, ids)
                ))
            }),
        "changed" => match value_lower.as_str() {
            "yes" | "true" => Ok(Term::Changed(true)),
            "no" | "false" => Ok(Term::Changed(false)),
            _ => Err(bad("answer", one_of(["yes", "no"]))),
        },
        _ => unreachable!("every field of `fields` is read above"),
    }
}

/// `research lab` written as `research_lab`, `research-lab` or `researchlab`.
fn same_word(label: &str, typed: &str) -> bool {
    let squash = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    squash(label) == squash(typed)
}

/// An alliance by id or by name.
fn alliance(scope: &Scope, value: &str) -> Option<Ix> {
    scope.index.alliance(scope.kb, value).or_else(|| {
        let wanted = fold(value);
        scope
            .kb
            .alliances
            .iter()
            .position(|a| fold(&a.name) == wanted || fold(a.name_on(scope.day)) == wanted)
    })
}

/// `>1`, `>=2`, `<3`, `<=3`, `=0`, `2`.
fn count(value: &str) -> Option<(Cmp, usize)> {
    let (cmp, digits) = if let Some(d) = value.strip_prefix(">=") {
        (Cmp::AtLeast, d)
    } else if let Some(d) = value.strip_prefix("<=") {
        (Cmp::AtMost, d)
    } else if let Some(d) = value.strip_prefix('>') {
        (Cmp::More, d)
    } else if let Some(d) = value.strip_prefix('<') {
        (Cmp::Less, d)
    } else if let Some(d) = value.strip_prefix('=') {
        (Cmp::Eq, d)
    } else {
        (Cmp::Eq, value)
    };
    digits.parse().ok().map(|n| (cmp, n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::{TEST_DAY, embedded};

    fn keeps(listing: Listing, input: &str) -> Result<Vec<String>, String> {
        let (kb, index) = embedded();
        let scope = Scope {
            kb: &kb,
            index: &index,
            day: TEST_DAY,
        };
        let filter = Filter::parse(&scope, listing, input).map_err(|e| e.0)?;
        let total = listing.total(&kb, &index) as u32;
        Ok((0..total)
            .filter(|&r| filter.keeps(&scope, listing, r))
            .map(|r| match listing {
                Listing::Claims => {
                    let (a, c) = index.claim(r as usize).unwrap();
                    format!("{}#{c}", kb.alliances[a].id)
                }
                _ => scope.entity(listing, r).unwrap().id(&kb).to_string(),
            })
            .collect())
    }

    #[test]
    fn country_kind_and_status_keep_organisations() {
        let german = keeps(Listing::Organizations, "country:de").unwrap();
        assert!(german.contains(&"dfki".to_string()), "{german:?}");
        assert_eq!(
            keeps(Listing::Organizations, "country:germany").unwrap(),
            german
        );
        let unis = keeps(Listing::Organizations, "country:DE kind:university").unwrap();
        assert!(!unis.is_empty() && unis.len() < german.len());
        assert!(unis.contains(&"jgu-mainz".to_string()), "{unis:?}");
        // The universities only "probably" in the KI-Allianz Rheinland-Pfalz.
        let unverified = keeps(Listing::Organizations, "status:unverified").unwrap();
        assert!(
            unverified.contains(&"uni-trier".to_string()),
            "{unverified:?}"
        );
        assert!(!unverified.contains(&"ibm".to_string()));
    }

    #[test]
    fn in_and_role_hold_for_the_same_alliance() {
        let leads = keeps(Listing::Organizations, "in:ai-alliance role:lead").unwrap();
        assert_eq!(leads, ["ibm", "meta"]);
        let by_name = keeps(Listing::Organizations, r#"in:"AI Alliance" role:lead"#).unwrap();
        assert_eq!(by_name, leads);
        // NVIDIA leads the United AI Alliance, and is only absent from the AI Alliance.
        let nvidia_in = keeps(Listing::Organizations, "in:ai-alliance").unwrap();
        assert!(!nvidia_in.contains(&"nvidia".to_string()));
        let many = keeps(Listing::Organizations, "alliances:>1").unwrap();
        assert!(many.contains(&"ibm".to_string()) && !many.contains(&"nvidia".to_string()));
    }

    #[test]
    fn claims_by_verdict_alliance_and_words() {
        let wrong = keeps(Listing::Claims, "verdict:wrong").unwrap();
        assert!(!wrong.is_empty());
        let in_eu = keeps(Listing::Claims, "in:european-ai-alliance").unwrap();
        assert!(in_eu.iter().all(|c| c.starts_with("european-ai-alliance#")));
        let madrid = keeps(Listing::Claims, "madrid").unwrap();
        assert_eq!(madrid.len(), 1, "{madrid:?}");
    }

    #[test]
    fn an_unknown_field_or_value_names_what_is_expected() {
        let e = keeps(Listing::Organizations, "cuntry:de").unwrap_err();
        assert_eq!(
            e,
            "unknown field `cuntry:`: expected one of country:, kind:, in:, role:, status:, alliances:; did you mean `country`?"
        );
        let e = keeps(Listing::Organizations, "verdict:wrong").unwrap_err();
        assert!(
            e.starts_with("`verdict:` does not apply to organisations"),
            "{e}"
        );
        let e = keeps(Listing::Claims, "verdict:false").unwrap_err();
        assert!(
            e.contains("expected one of confirmed, imprecise, wrong, unverified"),
            "{e}"
        );
        let e = keeps(Listing::Organizations, "country:xx").unwrap_err();
        assert!(e.contains("ISO 3166-1"), "{e}");
        let e = keeps(Listing::Organizations, "alliances:many").unwrap_err();
        assert!(e.contains(">N"), "{e}");
        // Words without a field are text.
        let f = {
            let (kb, index) = embedded();
            let scope = Scope {
                kb: &kb,
                index: &index,
                day: TEST_DAY,
            };
            Filter::parse(&scope, Listing::Organizations, "univ of kind:university").unwrap()
        };
        assert_eq!(f.text, "univ of");
    }

    #[test]
    fn alliances_by_country_kind_size_focus_and_standing() {
        // An alliance with a member or lead from Germany.
        let german = keeps(Listing::Alliances, "country:de").unwrap();
        assert!(
            german.contains(&"ki-allianz-rheinland-pfalz".to_string()),
            "{german:?}"
        );
        assert!(german.contains(&"global-telco-ai-alliance".to_string()));
        assert!(!german.contains(&"scottish-ai-alliance".to_string()));
        let industry = keeps(Listing::Alliances, "kind:industry").unwrap();
        assert_eq!(industry, ["ai-alliance", "global-telco-ai-alliance"]);
        let big = keeps(Listing::Alliances, "members:>20").unwrap();
        assert_eq!(big, ["ai-alliance", "edsafe-ai-alliance"]);
        let policy = keeps(Listing::Alliances, "focus:ai-policy").unwrap();
        assert!(policy.contains(&"ai-alliance".to_string()), "{policy:?}");
        assert_eq!(
            keeps(Listing::Alliances, "status:dormant").unwrap(),
            ["international-ai-alliance", "united-ai-alliance"]
        );
        assert_eq!(
            keeps(Listing::Alliances, "status:renamed").unwrap(),
            ["european-ai-alliance"]
        );
        let e = keeps(Listing::Alliances, "status:asleep").unwrap_err();
        assert!(e.contains("dormant"), "{e}");
    }

    #[test]
    fn focus_areas_by_alliance_and_count_and_claims_that_changed() {
        // The AI Alliance's five areas, by name.
        let mut ai = keeps(Listing::FocusAreas, "in:ai-alliance").unwrap();
        ai.sort();
        assert_eq!(
            ai,
            [
                "ai-hardware",
                "ai-policy",
                "open-foundation-models",
                "responsible-ai",
                "skills-education-research"
            ]
        );
        let shared = keeps(Listing::FocusAreas, "alliances:>=2").unwrap();
        let alone = keeps(Listing::FocusAreas, "alliances:1").unwrap();
        let all = keeps(Listing::FocusAreas, "").unwrap();
        assert_eq!(shared.len() + alone.len(), all.len());
        assert!(shared.contains(&"ai-policy".to_string()), "{shared:?}");
        let changed = keeps(Listing::Claims, "changed:yes").unwrap();
        let unchanged = keeps(Listing::Claims, "changed:no").unwrap();
        assert!(!changed.is_empty() && !unchanged.is_empty());
        assert_eq!(
            changed.len() + unchanged.len(),
            keeps(Listing::Claims, "").unwrap().len()
        );
        // The European AI Alliance's renaming changed what its claims say.
        assert!(
            changed
                .iter()
                .any(|c| c.starts_with("european-ai-alliance#")),
            "{changed:?}"
        );
    }

    #[test]
    fn the_help_describes_every_field() {
        for field in ALL_FIELDS {
            assert!(TERMS_HELP.contains(&format!("\n  {field}:")), "{field}");
        }
    }

    #[test]
    fn counts_compare() {
        assert_eq!(count(">1"), Some((Cmp::More, 1)));
        assert_eq!(count(">=2"), Some((Cmp::AtLeast, 2)));
        assert_eq!(count("0"), Some((Cmp::Eq, 0)));
        assert_eq!(count("x"), None);
        assert!(Cmp::AtMost.holds(2, 2) && !Cmp::Less.holds(2, 2));
    }
}
