//! Stage 1b: parts of speech and a dependency tree for every sentence, from dyad-syntax's tagger
//! and parser (trained on UD English EWT). The trigger finder reads the tags to tell a verb from
//! a noun ("attacks"); the role finder falls back on the tree's subject and agent when its clause
//! rules find none.

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

/// Sentences longer than this are tagged in windows of this many tokens.
const WINDOW: usize = 200;

impl Stage for PosTagger {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn run(&self, doc: &mut Doc, diag: &mut Diagnostics) {
        let syntax = match dyad_syntax::Syntax::builtin() {
            Ok(t) => t,
            Err(e) => {
                diag.error(
                    Self::NAME,
                    None,
                    format!("syntax models unusable ({e}); parts of speech left empty"),
                );
                return;
            }
        };
        for s in 0..doc.sentences.len() {
            let range = doc.sentences[s].tokens.clone();
            let mut start = range.start;
            while start < range.end {
                let end = (start + WINDOW).min(range.end);
                let words: Vec<&str> = doc.tokens[start..end]
                    .iter()
                    .map(|t| t.span.text(&doc.article.text))
                    .collect();
                let tags = syntax.tagger.tag_only(&words);
                let arcs = syntax.parser.parse(&words, &tags);
                for (i, ((upos, _), arc)) in tags.into_iter().zip(arcs).enumerate() {
                    let tok = &mut doc.tokens[start + i];
                    tok.upos = upos.as_str();
                    tok.head = (arc.head > 0).then(|| (start + arc.head - 1) as u32);
                    tok.deprel = deprel_str(arc.deprel);
                }
                start = end;
            }
        }
    }
}

/// "nsubj", "nsubj:pass", "obl:agent": the relation as one static string.
fn deprel_str(d: dyad_syntax::Deprel) -> &'static str {
    match (d.rel.as_str(), d.subtype.map(|s| s.as_str())) {
        ("nsubj", Some("pass")) => "nsubj:pass",
        ("obl", Some("agent")) => "obl:agent",
        (rel, _) => rel,
    }
}
