//! Stage 8: PLOVER contexts of each event, from the words of its sentence and its parties'
//! sectors (`knowledge/contexts.txt`).

use crate::diag::Diagnostics;
use crate::doc::{Doc, Evidence};
use crate::knowledge::Knowledge;
use crate::pipeline::Stage;

/// Tags events with PLOVER contexts.
pub struct ContextTagger<'k> {
    knowledge: &'k Knowledge,
}

impl<'k> ContextTagger<'k> {
    /// Stable stage name.
    pub const NAME: &'static str = "context-tagger";
    /// A tagger over this knowledge.
    pub fn new(knowledge: &'k Knowledge) -> Self {
        ContextTagger { knowledge }
    }
}

impl Stage for ContextTagger<'_> {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn run(&self, doc: &mut Doc, _diag: &mut Diagnostics) {
        let ix = &self.knowledge.contexts;
        let mut by_sentence: Vec<Option<Vec<usize>>> = vec![None; doc.sentences.len()];
        for e in 0..doc.events.len() {
            let s = doc.events[e].sentence as usize;
            let found = by_sentence[s]
                .get_or_insert_with(|| {
                    let norms: Vec<&str> = doc.sentences[s].tokens.clone().map(|t| doc.tokens[t].norm.as_str()).collect();
                    ix.find(&norms)
                })
                .clone();
            let mut names: Vec<String> = found.iter().map(|&c| ix.names[c].clone()).collect();
            let ev = &doc.events[e];
            for &m in ev.actors.iter().chain(ev.recipients.iter()) {
                let extra = match doc.mentions[m].actor.sector.as_deref() {
                    Some("MIL") => "military",
                    Some("SPY") => "intelligence",
                    Some("LEG") => "legislative",
                    Some("JUD") => "legal",
                    _ => continue,
                };
                if !names.iter().any(|n| n == extra) {
                    names.push(extra.to_string());
                }
            }
            names.sort_by_key(|n| ix.names.iter().position(|x| x == n));
            let evm = &mut doc.events[e];
            if !names.is_empty() {
                evm.evidence.push(Evidence {
                    field: "context",
                    span: None,
                    rule: format!("context words in the sentence or the parties' sectors: {}", names.join(", ")),
                });
            }
            evm.contexts = names;
        }
    }
}
