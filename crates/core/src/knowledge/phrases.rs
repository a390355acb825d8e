//! An index of every name, title and sector noun, matched token by token.

use std::collections::HashMap;

use super::inflect::s_form;
use super::{Country, Office, Organization, Person};
use crate::doc::Token;
use crate::stages::segment::{normalize_token, tokenize};

/// What a phrase names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhraseKind {
    /// A country's name (index into `Knowledge::countries`).
    CountryName(usize),
    /// A country adjective or demonym.
    CountryAdj(usize),
    /// A capital.
    Capital(usize),
    /// An organisation (index into `Knowledge::organizations`).
    Org(usize),
    /// A person (index into `Knowledge::people`).
    Person(usize),
    /// A title (index into `Knowledge::offices`).
    Title(usize),
    /// A sector noun with its sector.
    Sector(String),
}

/// How strictly the phrase's case must match the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseRule {
    /// Any case ("troops", "president").
    Any,
    /// The first word capitalised in the text ("France").
    Capitalized,
    /// Exactly as written, and not first in its sentence ("US", "=May").
    Exact,
}

/// One indexed phrase.
#[derive(Clone, Debug)]
pub struct Phrase {
    /// Normalised tokens (hyphens dropped).
    pub tokens: Vec<String>,
    /// Original-case tokens, for `CaseRule::Exact`.
    pub raw: Vec<String>,
    /// Case rule.
    pub case: CaseRule,
    /// What it names.
    pub kind: PhraseKind,
}

/// A one-word name that is a month written as one ("in May", "the May 29 bombing", "May 5"):
/// the month, not the person.
fn names_the_month(tokens: &[Token], i: usize, sentence_start: usize, phrase: &[String]) -> bool {
    let [word] = phrase else {
        return false;
    };
    if crate::stages::time::month_number(word).is_none() {
        return false;
    }
    let before = (i > sentence_start).then(|| tokens[i - 1].norm.as_str());
    let number_after = tokens.get(i + 1).is_some_and(|t| t.kind == crate::doc::TokenKind::Number);
    number_after
        || before.is_some_and(|b| {
            matches!(
                b,
                "in" | "on"
                    | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "last"
                    | "next"
                    | "early"
                    | "late"
                    | "mid"
                    | "of"
                    | "through"
                    | "from"
                    | "the"
                    | "this"
                    | "that"
                    | "before"
                    | "after"
                    | "during"
            )
        })
}

/// First normalised token → phrases starting with it.
#[derive(Clone, Debug, Default)]
pub struct PhraseIndex {
    by_first: HashMap<String, Vec<Phrase>>,
}

fn phrase_tokens(s: &str) -> (Vec<String>, Vec<String>) {
    let mut norm = Vec::new();
    let mut raw = Vec::new();
    for (span, _) in tokenize(s) {
        let t = span.text(s);
        let n = normalize_token(t);
        if n == "-" {
            continue;
        }
        norm.push(n);
        raw.push(t.to_string());
    }
    (norm, raw)
}

fn name_case(alias: &str) -> CaseRule {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    if !letters.is_empty() && letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase()) && !alias.contains('.') {
        CaseRule::Exact
    } else if alias.chars().next().is_some_and(char::is_lowercase) {
        CaseRule::Any
    } else {
        CaseRule::Capitalized
    }
}

impl PhraseIndex {
    /// Index all the tables.
    pub fn build(
        countries: &[Country],
        organizations: &[Organization],
        sector_nouns: &[(String, String)],
        offices: &[Office],
        people: &[Person],
    ) -> PhraseIndex {
        let mut ix = PhraseIndex::default();
        for (i, c) in countries.iter().enumerate() {
            for n in &c.names {
                ix.add(n, name_case(n), PhraseKind::CountryName(i));
            }
            for a in &c.adjectives {
                ix.add(a, name_case(a), PhraseKind::CountryAdj(i));
            }
            for cap in &c.capitals {
                ix.add(cap, CaseRule::Capitalized, PhraseKind::Capital(i));
            }
        }
        for (i, o) in organizations.iter().enumerate() {
            ix.add(&o.name, name_case(&o.name), PhraseKind::Org(i));
            for a in &o.aliases {
                ix.add(a, name_case(a), PhraseKind::Org(i));
            }
        }
        for (noun, sector) in sector_nouns {
            ix.add(noun, CaseRule::Any, PhraseKind::Sector(sector.clone()));
            let (toks, _) = phrase_tokens(noun);
            if let Some(last) = toks.last() {
                if last.chars().all(|c| c.is_alphabetic()) {
                    let plural = s_form(last);
                    if plural != *last {
                        let mut p = toks.clone();
                        *p.last_mut().expect("non-empty") = plural;
                        ix.add_tokens(p.clone(), p, CaseRule::Any, PhraseKind::Sector(sector.clone()));
                    }
                }
            }
        }
        for (i, o) in offices.iter().enumerate() {
            ix.add(&o.title, CaseRule::Any, PhraseKind::Title(i));
        }
        for (i, p) in people.iter().enumerate() {
            ix.add(&p.name, CaseRule::Capitalized, PhraseKind::Person(i));
            for (s, exact) in &p.short {
                // "al-Assad", "bin Laden": a lower-case particle first; the name itself is capitalised.
                ix.add(s, if *exact { CaseRule::Exact } else { name_case(s) }, PhraseKind::Person(i));
            }
        }
        ix
    }

    fn add(&mut self, phrase: &str, case: CaseRule, kind: PhraseKind) {
        let (tokens, raw) = phrase_tokens(phrase);
        self.add_tokens(tokens, raw, case, kind);
    }

    fn add_tokens(&mut self, tokens: Vec<String>, raw: Vec<String>, case: CaseRule, kind: PhraseKind) {
        if tokens.is_empty() {
            return;
        }
        // "the Kremlin": a leading article is optional in text.
        if tokens.len() > 1 && tokens[0] == "the" {
            self.add_tokens(
                tokens[1..].to_vec(),
                raw[1..].to_vec(),
                if case == CaseRule::Any { CaseRule::Capitalized } else { case },
                kind.clone(),
            );
        }
        let list = self.by_first.entry(tokens[0].clone()).or_default();
        if !list.iter().any(|p| p.tokens == tokens && p.kind == kind) {
            list.push(Phrase { tokens, raw, case, kind });
        }
    }

    /// All phrases matching at token `i` (hyphen tokens skipped), as (phrase, end token index).
    /// `sentence_start` is the first token of the sentence, for `CaseRule::Exact`.
    pub fn matches_at<'a>(
        &'a self,
        tokens: &[Token],
        text: &str,
        i: usize,
        limit: usize,
        sentence_start: usize,
    ) -> Vec<(&'a Phrase, usize)> {
        let mut out = Vec::new();
        let Some(first) = tokens.get(i) else {
            return out;
        };
        let Some(cands) = self.by_first.get(&first.norm) else {
            return out;
        };
        'outer: for p in cands {
            let mut j = i;
            let mut end = i;
            for (k, want) in p.tokens.iter().enumerate() {
                while j < limit && tokens[j].norm == "-" && k > 0 {
                    j += 1;
                }
                if j >= limit || tokens[j].norm != *want {
                    continue 'outer;
                }
                let ok = match p.case {
                    CaseRule::Any => true,
                    CaseRule::Capitalized => k > 0 || tokens[j].capitalized || !first_is_alpha(want),
                    CaseRule::Exact => {
                        tokens[j].span.text(text) == p.raw[k]
                            && (i != sentence_start || p.raw[k].len() > 1 && p.raw[k].chars().all(|c| !c.is_lowercase()))
                            && !names_the_month(tokens, i, sentence_start, &p.tokens)
                    }
                };
                if !ok {
                    continue 'outer;
                }
                j += 1;
                end = j;
            }
            out.push((p, end));
        }
        // Longest first; at equal length names beat titles, and titles beat sector nouns.
        let rank = |k: &PhraseKind| match k {
            PhraseKind::Person(_) | PhraseKind::Org(_) => 0,
            PhraseKind::CountryName(_) | PhraseKind::CountryAdj(_) | PhraseKind::Capital(_) => 1,
            PhraseKind::Title(_) => 2,
            PhraseKind::Sector(_) => 3,
        };
        out.sort_by_key(|(p, end)| (std::cmp::Reverse(*end), rank(&p.kind)));
        out
    }
}

fn first_is_alpha(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphabetic)
}
