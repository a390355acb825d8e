//! The event lexicon: trigger patterns mapped to CAMEO codes and PLOVER event types and modes.
//!
//! Pattern language (see `knowledge/events.txt`): space-separated elements; `word` matches
//! every inflection of a base form, `=word` only that form, `a/b` either, `*` a gap of up to
//! four words (`stages::triggers::GAP_WORDS`), `_` the recipient slot of one to six tokens. Hyphens in text are skipped.

use std::collections::HashMap;

use super::inflect::forms;
use super::parse_rows;
use crate::error::{Error, Result};

/// The PLOVER event types.
pub const PLOVER_EVENTS: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// The modes PLOVER defines for each event type (PLOVER ontology; types without modes are absent).
pub const PLOVER_MODES: &[(&str, &[&str])] = &[
    ("CONSULT", &["visit", "third-party", "multilateral", "phone"]),
    ("RETREAT", &["withdraw", "release", "disarm", "ceasefire", "access", "resign"]),
    ("REQUEST", &["assist", "change", "yield", "meet"]),
    ("ACCUSE", &["disapprove", "investigate", "allege"]),
    ("REJECT", &["assist", "change", "yield", "meet"]),
    (
        "THREATEN",
        &["restrict", "arrest", "relations", "expel", "territory", "violence"],
    ),
    (
        "PROTEST",
        &["demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"],
    ),
    ("SANCTION", &["convict", "expel", "withdraw", "discontinue"]),
    ("MOBILIZE", &["troops", "weapons", "police", "militia"]),
    (
        "COERCE",
        &[
            "seize",
            "restrict",
            "censor",
            "curfew",
            "martial-law",
            "arrest",
            "deport",
            "withhold",
            "misinformation",
            "cyber",
        ],
    ),
    (
        "ASSAULT",
        &[
            "abduct",
            "beat",
            "torture",
            "sexual",
            "targeted",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "aerial",
            "drone",
            "heavy-weapons",
            "crowd-control",
            "unconventional",
        ],
    ),
];

/// Whether PLOVER defines `mode` (lower case) for the event type `event` (upper case).
pub fn is_plover_mode(event: &str, mode: &str) -> bool {
    PLOVER_MODES.iter().any(|(e, modes)| *e == event && modes.contains(&mode))
}

/// One element of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Element {
    /// A word in any of these forms.
    Word(Vec<String>),
    /// Up to four words of anything inside the clause (`stages::triggers::GAP_WORDS`).
    Gap,
    /// The recipient: one to six tokens.
    Slot,
}

/// One lexicon entry.
#[derive(Clone, Debug)]
pub struct LexEntry {
    /// CAMEO code ("195").
    pub cameo: String,
    /// PLOVER event type, `None` for CAMEO root 01 (statements PLOVER dropped).
    pub event: Option<String>,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Nominal trigger ("air strikes on X") rather than verbal.
    pub nominal: bool,
    /// The pattern as written.
    pub pattern: String,
    /// Compiled pattern.
    pub elements: Vec<Element>,
    /// An example sentence that codes to this entry.
    pub example: String,
    /// Source file name.
    pub file: String,
    /// 1-based line in the source file.
    pub line: usize,
}

impl LexEntry {
    /// The rule id written into records (`verb:carry_out_*_airstrike`).
    pub fn rule_id(&self) -> String {
        format!(
            "{}:{}",
            if self.nominal { "noun" } else { "verb" },
            self.pattern.replace(' ', "_")
        )
    }
    /// CAMEO root ("19" for "195").
    pub fn root(&self) -> &str {
        self.cameo.get(..2).unwrap_or(&self.cameo)
    }
    /// Number of word elements (specificity).
    pub fn words(&self) -> usize {
        self.elements.iter().filter(|e| matches!(e, Element::Word(_))).count()
    }
}

/// The whole lexicon with an index from first-word forms to entries.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Entries in file order.
    pub entries: Vec<LexEntry>,
    /// Form of the first word → entry indices.
    pub by_first: HashMap<String, Vec<usize>>,
}

/// Compile one pattern.
pub fn compile_pattern(pattern: &str) -> std::result::Result<Vec<Element>, String> {
    let mut out = Vec::new();
    for raw in pattern.split_whitespace() {
        match raw {
            "*" => out.push(Element::Gap),
            "_" => out.push(Element::Slot),
            _ => {
                let exact = raw.starts_with('=');
                let body = raw.trim_start_matches('=');
                // Hyphenated pattern words are matched part by part, like the text.
                let alternatives: Vec<&str> = body.split('/').collect();
                let parts_per_alt: Vec<Vec<&str>> = alternatives
                    .iter()
                    .map(|a| a.split('-').filter(|p| !p.is_empty()).collect())
                    .collect();
                if parts_per_alt.iter().any(|p| p.is_empty()) {
                    return Err(format!("empty word in `{raw}`"));
                }
                if parts_per_alt.len() > 1 && parts_per_alt.iter().any(|p| p.len() > 1) {
                    return Err(format!("`{raw}`: alternatives cannot contain hyphens"));
                }
                if parts_per_alt.len() == 1 && parts_per_alt[0].len() > 1 {
                    for part in &parts_per_alt[0] {
                        out.push(Element::Word(word_forms(part, exact)));
                    }
                } else {
                    let mut all: Vec<String> = alternatives.iter().flat_map(|a| word_forms(a, exact)).collect();
                    all.sort();
                    all.dedup();
                    out.push(Element::Word(all));
                }
            }
        }
    }
    match (out.first(), out.last()) {
        (None, _) => Err("empty pattern".into()),
        (Some(Element::Word(_)), _) => Ok(out),
        _ => Err("a pattern must start with a word".into()),
    }
}

fn word_forms(w: &str, exact: bool) -> Vec<String> {
    let w = w.to_lowercase();
    if exact {
        vec![w]
    } else {
        forms(&w)
    }
}

impl Lexicon {
    /// Parse a lexicon table (`CAMEO | EVENT | mode | kind | pattern | example`).
    pub fn parse(file: &str, text: &str) -> Result<Lexicon> {
        let mut lex = Lexicon::default();
        for r in parse_rows(file, text, 6)? {
            let err = |m: String| Error::Knowledge {
                file: file.to_string(),
                line: r.line,
                message: m,
            };
            let f = &r.fields;
            if !(2..=4).contains(&f[0].len()) || !f[0].chars().all(|c| c.is_ascii_digit()) {
                return Err(err(format!("`{}` is not a CAMEO code", f[0])));
            }
            let event = match f[1].as_str() {
                "-" | "" => None,
                e if PLOVER_EVENTS.contains(&e) => Some(e.to_string()),
                e => return Err(err(format!("`{e}` is not a PLOVER event type"))),
            };
            let nominal = match f[3].as_str() {
                "v" => false,
                "n" => true,
                k => return Err(err(format!("kind must be `v` or `n`, found `{k}`"))),
            };
            let elements = compile_pattern(&f[4]).map_err(err)?;
            let mode = (!f[2].is_empty() && f[2] != "-").then(|| f[2].clone());
            if let (Some(e), Some(m)) = (&event, &mode) {
                if !is_plover_mode(e, m) {
                    return Err(err(format!("`{m}` is not a PLOVER mode of {e}")));
                }
            }
            lex.push(LexEntry {
                cameo: f[0].clone(),
                event,
                mode,
                nominal,
                pattern: f[4].clone(),
                elements,
                example: f[5].clone(),
                file: file.to_string(),
                line: r.line,
            });
        }
        Ok(lex)
    }

    /// Add an entry and index it.
    pub fn push(&mut self, entry: LexEntry) {
        let idx = self.entries.len();
        if let Some(Element::Word(first)) = entry.elements.first() {
            for f in first {
                self.by_first.entry(f.clone()).or_default().push(idx);
            }
        }
        self.entries.push(entry);
    }

    /// Entries whose first word can be this token form.
    pub fn candidates(&self, form: &str) -> &[usize] {
        self.by_first.get(form).map(Vec::as_slice).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(pattern: &str, expect: &str) {
        let got = match compile_pattern(pattern) {
            Ok(els) => els
                .iter()
                .map(|e| match e {
                    Element::Word(f) => f.join(","),
                    Element::Gap => "*".into(),
                    Element::Slot => "_".into(),
                })
                .collect::<Vec<_>>()
                .join(" "),
            Err(e) => format!("error: {e}"),
        };
        assert_eq!(got, expect);
    }

    #[test]
    fn patterns() {
        check("=talks", "talks");
        check("urge _ =to", "urge,urged,urges,urging _ to");
        check("cease-fire", "cease,ceased,ceases,ceasing fire,fired,fires,firing");
        check("* x", "error: a pattern must start with a word");
        check("", "error: empty pattern");
    }

    #[test]
    fn bad_lines_are_errors() {
        let e = Lexicon::parse(
            "x.txt",
            "195 | ASSAULT | aerial | v | bomb | ok\n19x | ASSAULT | | v | bomb | ok\n",
        );
        assert_eq!(
            e.err().map(|e| e.to_string()).as_deref(),
            Some("x.txt:2: `19x` is not a CAMEO code")
        );
        let e = Lexicon::parse("x.txt", "195 | FIGHT | | v | bomb | ok\n");
        assert_eq!(
            e.err().map(|e| e.to_string()).as_deref(),
            Some("x.txt:1: `FIGHT` is not a PLOVER event type")
        );
    }
}
