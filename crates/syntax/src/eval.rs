//! Scoring against gold CoNLL-U, as the CoNLL 2018 shared task does with gold
//! tokenization: UPOS, XPOS and lemma accuracy, UAS, and LAS on the universal
//! part of DEPREL (before any `:`), over all words including punctuation.

use crate::conllu::Sentence;
use crate::parser::Parser;
use crate::tagger::{gold_tags, Tagger};
use crate::tags::{Upos, Xpos};
use std::fmt;

/// Correct out of total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Metric {
    /// Words scored correct.
    pub correct: usize,
    /// Words scored.
    pub total: usize,
}

impl Metric {
    /// Accuracy in `[0, 1]` (0 when nothing was scored).
    pub fn value(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }

    fn add(&mut self, ok: bool) {
        self.correct += usize::from(ok);
        self.total += 1;
    }
}

/// Evaluation results; a metric is `None` when its component was not run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// Sentences scored.
    pub sentences: usize,
    /// Words scored.
    pub words: usize,
    /// Universal POS tag accuracy.
    pub upos: Option<Metric>,
    /// Penn tag accuracy.
    pub xpos: Option<Metric>,
    /// Exact-match lemma accuracy.
    pub lemma: Option<Metric>,
    /// Unlabelled attachment score.
    pub uas: Option<Metric>,
    /// Labelled attachment score (universal relation only).
    pub las: Option<Metric>,
    /// Whether the parser was given gold tags instead of the tagger's.
    pub gold_tags: bool,
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} sentences, {} words{}",
            self.sentences,
            self.words,
            if self.gold_tags { ", parsed with gold tags" } else { "" }
        )?;
        writeln!(f, "Metric  | Correct |   Total |  Score")?;
        writeln!(f, "--------+---------+---------+--------")?;
        for (name, m) in [
            ("UPOS", self.upos),
            ("XPOS", self.xpos),
            ("Lemmas", self.lemma),
            ("UAS", self.uas),
            ("LAS", self.las),
        ] {
            if let Some(m) = m {
                writeln!(
                    f,
                    "{name:<7} | {:>7} | {:>7} | {:>6.2}",
                    m.correct,
                    m.total,
                    100.0 * m.value()
                )?;
            }
        }
        Ok(())
    }
}

fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

/// Tags and/or parses `gold`'s words and scores the result. Without a tagger the
/// parser gets gold tags; without a parser no attachment scores are computed.
pub fn evaluate(gold: &[Sentence], tagger: Option<&Tagger>, parser: Option<&Parser>) -> Scores {
    let mut s = Scores {
        sentences: gold.len(),
        gold_tags: tagger.is_none() && parser.is_some(),
        ..Scores::default()
    };
    let (mut upos, mut xpos, mut lemma, mut uas, mut las) = Default::default();
    for sent in gold {
        let words = sent.words();
        s.words += words.len();
        let tags: Vec<(Upos, Xpos)> = match tagger {
            Some(t) => {
                let tagged = t.tag(&words);
                for (r, g) in tagged.iter().zip(&sent.tokens) {
                    Metric::add(&mut upos, r.upos.as_str() == g.upos);
                    Metric::add(&mut xpos, r.xpos.as_str() == g.xpos);
                    Metric::add(&mut lemma, r.lemma == g.lemma);
                }
                tagged.iter().map(|r| (r.upos, r.xpos)).collect()
            }
            None => sent.tokens.iter().map(gold_tags).collect(),
        };
        if let Some(p) = parser {
            for (a, g) in p.parse(&words, &tags).iter().zip(&sent.tokens) {
                let head_ok = g.head == Some(a.head);
                Metric::add(&mut uas, head_ok);
                Metric::add(&mut las, head_ok && a.deprel.rel.as_str() == universal(&g.deprel));
            }
        }
    }
    if tagger.is_some() {
        (s.upos, s.xpos, s.lemma) = (Some(upos), Some(xpos), Some(lemma));
    }
    if parser.is_some() {
        (s.uas, s.las) = (Some(uas), Some(las));
    }
    s
}

/// UAS and LAS of `parser` on `gold` with the given words and tags.
pub(crate) fn attachment(gold: &[Sentence], words: &[Vec<&str>], tags: &[Vec<(Upos, Xpos)>], parser: &Parser) -> (f64, f64) {
    let (mut uas, mut las) = (Metric::default(), Metric::default());
    for ((sent, w), t) in gold.iter().zip(words).zip(tags) {
        for (a, g) in parser.parse(w, t).iter().zip(&sent.tokens) {
            let ok = g.head == Some(a.head);
            uas.add(ok);
            las.add(ok && a.deprel.rel.as_str() == universal(&g.deprel));
        }
    }
    (uas.value(), las.value())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(s: &Scores, expect: &str) {
        assert_eq!(s.to_string(), expect);
    }

    #[test]
    fn table() {
        let s = Scores {
            sentences: 2,
            words: 10,
            uas: Some(Metric { correct: 9, total: 10 }),
            las: Some(Metric { correct: 8, total: 10 }),
            gold_tags: true,
            ..Scores::default()
        };
        check(
            &s,
            "2 sentences, 10 words, parsed with gold tags\n\
             Metric  | Correct |   Total |  Score\n\
             --------+---------+---------+--------\n\
             UAS     |       9 |      10 |  90.00\n\
             LAS     |       8 |      10 |  80.00\n",
        );
        assert_eq!(universal("nsubj:pass"), "nsubj");
        assert_eq!(Metric::default().value(), 0.0);
    }
}
