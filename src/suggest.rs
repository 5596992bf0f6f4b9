//! "Did you mean …?": the closest candidates to a word that matched nothing.

/// The candidates close enough to `word` to be worth suggesting, best first (at most `limit`).
///
/// Close means a small edit distance for the word's length (a typo, a swapped pair), or one
/// being a prefix of the other (`ai` → `ai-alliance`). Comparison ignores case.
pub fn closest<'a, I>(word: &str, candidates: I, limit: usize) -> Vec<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let word = word.to_lowercase();
    let budget = (word.chars().count() / 3).max(1);
    let mut scored: Vec<(usize, &'a str)> = candidates
        .into_iter()
        .filter_map(|c| {
            let lower = c.to_lowercase();
            let d = strsim::damerau_levenshtein(&word, &lower);
            if d <= budget {
                Some((d, c))
            } else if word.len() >= 2 && (lower.starts_with(&word) || word.starts_with(&lower)) {
                Some((budget + 1 + lower.len().abs_diff(word.len()), c))
            } else {
                None
            }
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(limit).map(|(_, c)| c).collect()
}

/// `; did you mean `x`?` for the closest candidate, or nothing.
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> String
where
    I: IntoIterator<Item = &'a str>,
{
    match closest(word, candidates, 1).first() {
        Some(best) => format!("; did you mean `{best}`?"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_typos_and_prefixes() {
        let ids = ["nvidia", "ibm", "meta", "ai-alliance", "partnership-on-ai"];
        assert_eq!(closest("nvidai", ids, 1), vec!["nvidia"]);
        assert_eq!(closest("IBM", ids, 1), vec!["ibm"]);
        assert_eq!(closest("ai-aliance", ids, 1), vec!["ai-alliance"]);
        assert_eq!(closest("partnership", ids, 1), vec!["partnership-on-ai"]);
        assert!(closest("zzzzzz", ids, 3).is_empty());
    }

    #[test]
    fn did_you_mean_is_empty_without_a_close_candidate() {
        assert_eq!(
            did_you_mean("memebers", ["members", "name"]),
            "; did you mean `members`?"
        );
        assert_eq!(did_you_mean("resources", ["members", "name"]), "");
    }
}
