//! Stage 1b: parts of speech for every token, from dyad-syntax's tagger (trained on UD English
//! EWT). The trigger finder reads them to tell a verb from a noun ("attacks") and an adjectival
//! participle from a verb ("the captured soldiers").

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
        let tagger = match dyad_syntax::Tagger::builtin() {
            Ok(t) => t,
            Err(e) => {
                diag.error(
                    Self::NAME,
                    None,
                    format!("tagger model unusable ({e}); parts of speech left empty"),
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
                let tags = tagger.tag_only(&words);
                for (i, (upos, _)) in tags.into_iter().enumerate() {
                    doc.tokens[start + i].upos = upos.as_str();
                }
                start = end;
            }
        }
    }
}
