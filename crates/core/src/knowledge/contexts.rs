//! PLOVER contexts from the words of a sentence (`knowledge/contexts.txt`).

use std::collections::HashMap;

use super::inflect::forms;
use super::{list, parse_rows};
use crate::error::Result;
use crate::stages::segment::{normalize_token, tokenize};

/// A context phrase: for each of its words, the sorted forms that match it.
type FormPhrase = Vec<Vec<String>>;

/// Context words indexed by the forms of their first token.
#[derive(Clone, Debug, Default)]
pub struct ContextIndex {
    /// Context names in table order.
    pub names: Vec<String>,
    /// First-token form → (context index, the phrase's tokens as sorted form lists).
    by_first: HashMap<String, Vec<(usize, FormPhrase)>>,
}

impl ContextIndex {
    /// Parse `context | words` lines.
    pub fn parse(file: &str, text: &str) -> Result<ContextIndex> {
        let mut ix = ContextIndex::default();
        for r in parse_rows(file, text, 2)? {
            let c = ix.names.len();
            ix.names.push(r.fields[0].clone());
            for phrase in list(&r.fields[1]) {
                let toks: Vec<Vec<String>> = tokenize(&phrase)
                    .into_iter()
                    .map(|(s, _)| normalize_token(s.text(&phrase)))
                    .filter(|t| t != "-")
                    .map(|t| {
                        let mut f = forms(&t);
                        f.sort();
                        f
                    })
                    .collect();
                if let Some(first) = toks.first() {
                    for f in first.clone() {
                        ix.by_first.entry(f).or_default().push((c, toks.clone()));
                    }
                }
            }
        }
        Ok(ix)
    }

    /// Context indices named by the words `norms` (normalised tokens of one sentence).
    pub fn find(&self, norms: &[&str]) -> Vec<usize> {
        let words: Vec<&str> = norms.iter().copied().filter(|t| *t != "-").collect();
        let mut out = Vec::new();
        for i in 0..words.len() {
            let Some(cands) = self.by_first.get(words[i]) else { continue };
            for (c, toks) in cands {
                let fits = toks
                    .iter()
                    .enumerate()
                    .all(|(k, f)| words.get(i + k).is_some_and(|w| f.binary_search(&w.to_string()).is_ok()));
                if fits && !out.contains(c) {
                    out.push(*c);
                }
            }
        }
        out.sort();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(sentence: &str, expect: &[&str]) {
        let ix = ContextIndex::parse(
            "contexts.txt",
            crate::knowledge::BUILTIN_TABLES
                .iter()
                .find(|(n, _)| *n == "contexts.txt")
                .map(|(_, t)| *t)
                .unwrap_or(""),
        )
        .expect("contexts parse");
        let norms: Vec<String> = tokenize(sentence)
            .into_iter()
            .map(|(s, _)| normalize_token(s.text(sentence)))
            .collect();
        let refs: Vec<&str> = norms.iter().map(String::as_str).collect();
        let got: Vec<&str> = ix.find(&refs).into_iter().map(|c| ix.names[c].as_str()).collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn words_give_contexts() {
        check(
            "Turkish pilots shot down a Russian warplane near the border.",
            &["military", "territory"],
        );
        check(
            "The EU imposed sanctions on refugees' smugglers.",
            &["economic", "migration", "trafficking"],
        );
        check("The weather was mild.", &[]);
    }
}
