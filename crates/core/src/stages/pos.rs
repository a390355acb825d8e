//! Syntax from dyad-syntax's tagger and parser (trained on UD English EWT), in two stages:
//! * `PosTagger` (stage 1b) tags every sentence: the trigger finder reads the tags to tell a
//!   verb from a noun ("attacks");
//! * `DependencyParser` (stage 3b) parses only the sentences that have a trigger: the role,
//!   modality, time and place stages read the tree (see `tree.rs`) where their clause rules
//!   over the token sequence find nothing.

use crate::diag::Diagnostics;
use crate::doc::Doc;
use crate::pipeline::Stage;

/// Tags tokens with universal parts of speech.
#[derive(Debug, Default)]
pub struct PosTagger;

impl PosTagger {
    /// Stable stage name.
    pub const NAME: &'static str = "pos-tagger";
}

/// Parses the sentences that have an event trigger.
#[derive(Debug, Default)]
pub struct DependencyParser;

impl DependencyParser {
    /// Stable stage name.
    pub const NAME: &'static str = "dependency-parser";
}

/// Sentences longer than this are analysed in windows of this many tokens (so no head lies
/// further than this from its dependent).
pub const WINDOW: usize = 200;

/// Run the models over the chosen sentences, window by window.
fn analyse(doc: &mut Doc, diag: &mut Diagnostics, stage: &'static str, parse: bool, sentences: &[usize]) {
    let syntax = match dyad_syntax::Syntax::builtin() {
        Ok(t) => t,
        Err(e) => {
            diag.error(stage, None, format!("syntax models unusable ({e}); syntax left empty"));
            return;
        }
    };
    for &s in sentences {
        let range = doc.sentences[s].tokens.clone();
        let mut start = range.start;
        while start < range.end {
            let end = (start + WINDOW).min(range.end);
            let words: Vec<&str> = doc.tokens[start..end]
                .iter()
                .map(|t| t.span.text(&doc.article.text))
                .collect();
            // Tags from the tagging stage when it ran, else tag now.
            let known: Option<Vec<(dyad_syntax::Upos, dyad_syntax::Xpos)>> = doc.tokens[start..end]
                .iter()
                .map(|t| Some((t.upos.parse().ok()?, t.xpos.parse().ok()?)))
                .collect();
            let tags = known.unwrap_or_else(|| syntax.tagger.tag_only(&words));
            let arcs = if parse {
                syntax.parser.parse(&words, &tags)
            } else {
                Vec::new()
            };
            for (i, (upos, xpos)) in tags.iter().enumerate() {
                let tok = &mut doc.tokens[start + i];
                tok.upos = upos.as_str();
                tok.xpos = xpos.as_str();
                if let Some(arc) = arcs.get(i) {
                    tok.head = (arc.head > 0).then(|| (start + arc.head - 1) as u32);
                    tok.deprel = deprel_str(arc.deprel);
                }
            }
            start = end;
        }
    }
}

impl Stage for PosTagger {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn run(&self, doc: &mut Doc, diag: &mut Diagnostics) {
        let all: Vec<usize> = (0..doc.sentences.len()).collect();
        analyse(doc, diag, Self::NAME, false, &all);
    }
}

impl Stage for DependencyParser {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn run(&self, doc: &mut Doc, diag: &mut Diagnostics) {
        let mut with_events: Vec<usize> = doc.events.iter().map(|e| e.sentence as usize).collect();
        with_events.dedup();
        analyse(doc, diag, Self::NAME, true, &with_events);
    }
}

/// "nsubj", "nsubj:pass", "obl:agent": the relation as one static string.
fn deprel_str(d: dyad_syntax::Deprel) -> &'static str {
    match (d.rel.as_str(), d.subtype.map(|s| s.as_str())) {
        ("nsubj", Some("pass")) => "nsubj:pass",
        ("obl", Some("agent")) => "obl:agent",
        ("nmod", Some("poss")) => "nmod:poss",
        (rel, _) => rel,
    }
}
