//! Reading the dependency tree that the dependency-parser stage leaves on the tokens: children
//! by relation, the preposition of an oblique, the verbs that govern a word. Every helper
//! answers "nothing" on a sentence without a tree, so the stages that ask keep their
//! token-sequence rules as the first word and use the tree where those find nothing.

use crate::doc::Doc;

/// The tokens that can share a tree with token `t`: its sentence, cut to the parser's window
/// around it (a head never lies further away), so that a reading stays cheap in a sentence
/// of a million tokens.
fn reach(doc: &Doc, t: usize) -> std::ops::Range<usize> {
    near(doc, doc.tokens[t].sentence as usize, t)
}

/// The tokens of sentence `s` within the parser's window of token `t` (which may lie in a
/// later sentence): what a per-event reading scans, so its cost never grows with the sentence.
pub fn near(doc: &Doc, s: usize, t: usize) -> std::ops::Range<usize> {
    let sent = &doc.sentences[s].tokens;
    let w = crate::stages::pos::WINDOW;
    let start = t.saturating_sub(w).max(sent.start).min(sent.end);
    start..(t + w + 1).min(sent.end).max(start)
}

/// Does the sentence of token `t` carry a parse?
pub fn parsed(doc: &Doc, t: usize) -> bool {
    doc.tokens[reach(doc, t)].iter().any(|x| !x.deprel.is_empty())
}

/// The dependents of token `t`, in text order.
pub fn children(doc: &Doc, t: usize) -> impl Iterator<Item = usize> + '_ {
    reach(doc, t).filter(move |&d| doc.tokens[d].head == Some(t as u32))
}

/// The first dependent of `t` whose relation is one of `rels`.
pub fn child_with(doc: &Doc, t: usize, rels: &[&str]) -> Option<usize> {
    children(doc, t).find(|&d| rels.contains(&doc.tokens[d].deprel))
}

/// The preposition (`case` dependent) that opens the phrase headed by `t`: "against" in
/// "against the rebels". Multi-word ones give their first word ("according" of "according to").
pub fn case_word(doc: &Doc, t: usize) -> Option<&str> {
    children(doc, t)
        .find(|&d| doc.tokens[d].deprel == "case" && d < t)
        .map(|d| doc.tokens[d].norm.as_str())
}

/// The actor mention a tree node stands for: the mention covering the node, unless it is only
/// a place ("in Syria").
pub fn mention_at_node(doc: &Doc, t: usize) -> Option<usize> {
    doc.mention_at[t].filter(|&m| !doc.mentions[m].locative)
}

/// The word that governs `t` and the relation between them.
pub fn head_of(doc: &Doc, t: usize) -> Option<(usize, &'static str)> {
    let h = doc.tokens[t].head? as usize;
    Some((h, doc.tokens[t].deprel))
}

/// The tree head of a token range: the token whose head lies outside the range (the first
/// one, if the parse splits the range).
pub fn range_head(doc: &Doc, range: std::ops::Range<usize>) -> Option<usize> {
    range
        .clone()
        .find(|&t| doc.tokens[t].head.is_none_or(|h| !range.contains(&(h as usize))) && !doc.tokens[t].deprel.is_empty())
}

/// The tree head among a trigger's tokens (its first to last token): the verb of "shot down",
/// the noun of "air strikes".
pub fn trigger_head(doc: &Doc, trigger: &[usize]) -> Option<usize> {
    let (&first, &last) = (trigger.first()?, trigger.last()?);
    range_head(doc, first..last + 1)
}

/// The chain of governors above `t`, nearest first, as (governor, relation of the step below
/// it), stopping at the root or after `max` steps; a cycle (which a valid tree never has)
/// ends it too.
pub fn governors(doc: &Doc, t: usize, max: usize) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    let mut cur = t;
    while out.len() < max {
        let Some((h, rel)) = head_of(doc, cur) else { break };
        if h == t || out.iter().any(|&(g, _)| g == h) {
            break;
        }
        out.push((h, rel));
        cur = h;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Pipeline;

    fn doc(text: &str) -> Doc {
        let k = crate::knowledge::Knowledge::builtin().expect("knowledge");
        let (doc, _) = Pipeline::new(&k).annotate(crate::article::Article::new("t", None, text));
        doc
    }

    #[test]
    fn reads_the_parse_of_a_sentence_with_an_event() {
        let d = doc("The army attacked the rebels in the north on Monday.");
        let attacked = d.tokens.iter().position(|t| t.norm == "attacked").expect("verb");
        assert!(parsed(&d, attacked));
        let subj = child_with(&d, attacked, &["nsubj"]).expect("subject");
        assert_eq!(d.tokens[subj].norm, "army");
        let obj = child_with(&d, attacked, &["obj"]).expect("object");
        assert_eq!(d.tokens[obj].norm, "rebels");
        let north = d.tokens.iter().position(|t| t.norm == "north").expect("north");
        assert_eq!(case_word(&d, north), Some("in"));
        let the = north - 1;
        assert_eq!(range_head(&d, the..north + 1), Some(north));
        assert_eq!(governors(&d, north, 5).first(), Some(&(attacked, "obl")));
    }

    #[test]
    fn a_sentence_without_an_event_has_no_tree() {
        let d = doc("The weather was mild.");
        assert!(!parsed(&d, 0));
        assert_eq!(governors(&d, 0, 5), Vec::new());
        assert_eq!(range_head(&d, 0..2), None);
    }
}
