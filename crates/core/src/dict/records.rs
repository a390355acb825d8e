//! Dictionary coding of whole articles into [`EventRecord`]s, so `dyad code --dict` writes
//! the same formats as the built-in coder: the article is split into sentences by the
//! pipeline's segmenter, each sentence is coded by a [`DictCoder`], and the CAMEO code is
//! mapped to a PLOVER event type through the built-in lexicon (the PLOVER type most entries
//! with that code, else that CAMEO root, carry).

use std::collections::HashMap;

use super::coder::{tabari_tokens, tokenize, DictCoder};
use super::Flavor;
use crate::article::Article;
use crate::doc::Modality;
use crate::knowledge::Knowledge;
use crate::record::{fnv1a, Entity, EventRecord, EvidenceItem};
use crate::span::{CharIndex, Span};
use crate::stages::segment::segment;

/// CAMEO code → PLOVER event type, from the lexicon's entries.
pub struct CameoToPlover {
    by_code: HashMap<String, String>,
    by_root: HashMap<String, String>,
}

fn majority(counts: HashMap<String, HashMap<String, usize>>) -> HashMap<String, String> {
    counts
        .into_iter()
        .filter_map(|(k, v)| {
            let best = v.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
            Some((k, best.0))
        })
        .collect()
}

impl CameoToPlover {
    /// Build the map from the knowledge's lexicon.
    pub fn new(k: &Knowledge) -> CameoToPlover {
        let mut code: HashMap<String, HashMap<String, usize>> = HashMap::new();
        let mut root: HashMap<String, HashMap<String, usize>> = HashMap::new();
        for e in &k.lexicon.entries {
            let Some(ev) = &e.event else { continue };
            *code.entry(e.cameo.clone()).or_default().entry(ev.clone()).or_default() += 1;
            let r: String = e.cameo.chars().take(2).collect();
            *root.entry(r).or_default().entry(ev.clone()).or_default() += 1;
        }
        CameoToPlover {
            by_code: majority(code),
            by_root: majority(root),
        }
    }

    /// The PLOVER event type for a CAMEO code, if the lexicon knows it or its root.
    pub fn event(&self, cameo: &str) -> Option<&str> {
        let root: String = cameo.chars().take(2).collect();
        self.by_code
            .get(cameo)
            .or_else(|| self.by_root.get(&root))
            .map(String::as_str)
    }
}

fn entity(code: &str, sentence: &str, span: Span, chars: &CharIndex) -> Entity {
    Entity {
        code: code.to_string(),
        sector: None,
        entity_text: sentence.to_string(),
        identifier_text: None,
        office: None,
        start: chars.char_offset(span.start()),
        end: chars.char_offset(span.end()),
        span,
    }
}

/// Code an article with the dictionaries, one record per coding.
pub fn code_article(coder: &DictCoder<'_>, plover: &CameoToPlover, article: &Article) -> Vec<EventRecord> {
    let text = article.text.as_str();
    let chars = CharIndex::new(text);
    let (_, sentences) = segment(text);
    let mut out = Vec::new();
    for (seq, s) in sentences.iter().enumerate() {
        let sentence = &text[s.span.start()..s.span.end()];
        let toks = match coder.flavor() {
            Flavor::Tabari => tabari_tokens(sentence),
            Flavor::Petrarch => tokenize(sentence),
        };
        for c in coder.code(&toks, article.report_date) {
            let k = &c.coding;
            let id = format!(
                "{:016x}",
                fnv1a(&[&article.id, &seq.to_string(), &k.source, &k.target, &k.code, "dict"])
            );
            let rule = format!("dict:{}@{}", c.verb.to_lowercase().replace(' ', "_"), c.line);
            let start = chars.char_offset(s.span.start());
            let end = chars.char_offset(s.span.end());
            out.push(EventRecord {
                id,
                doc_id: article.id.clone(),
                date: article.report_date,
                date_text: None,
                report_date: article.report_date,
                actor: vec![entity(&k.source, sentence, s.span, &chars)],
                recipient: vec![entity(&k.target, sentence, s.span, &chars)],
                event: plover.event(&k.code).map(str::to_string).into_iter().collect(),
                mode: Vec::new(),
                context: Vec::new(),
                cameo: k.code.clone(),
                event_text: vec![c.verb.to_lowercase()],
                event_loc: None,
                text: sentence.to_string(),
                sequence: seq,
                start,
                end,
                modality: Modality::Asserted,
                attribution: None,
                rule: rule.clone(),
                rule_source: format!("dictionary line {}", c.line),
                evidence: vec![EvidenceItem {
                    field: "event".into(),
                    text: c.verb.to_lowercase(),
                    start: Some(start),
                    end: Some(end),
                    span: Some(s.span),
                    rule: format!("dictionary verb `{}`, line {}", c.verb, c.line),
                }],
                trigger_span: s.span,
                sentence_span: s.span,
            });
        }
    }
    out
}
