//! Part-of-speech tagging, lemmas and dependency parsing for dyad: pure Rust, IO-free.
//!
//! * [`Tagger`]: averaged-perceptron tagger predicting [`Upos`] and Penn [`Xpos`]
//!   tags, with a lemmatizer learned from the treebank.
//! * [`Parser`]: greedy arc-hybrid dependency parser with Universal Dependencies
//!   relations ([`Deprel`]), trained with a dynamic oracle.
//! * [`Syntax`]: both together; [`Syntax::builtin`] loads the models trained on
//!   UD English EWT that are compiled into the crate.
//! * [`conllu`]: CoNLL-U reading and writing; [`eval`]: CoNLL 2018-style scores;
//!   [`train_tagger`] and [`train_parser`]: training.
//!
//! Nothing here reads files: models load from `&[u8]` and CoNLL-U from `&str`.
//!
//! ```
//! let syntax = dyad_syntax::Syntax::builtin().unwrap();
//! let words = syntax.analyze(&["Rebels", "shot", "two", "soldiers", "."]);
//! assert_eq!(words[1].lemma, "shoot");
//! assert_eq!(words.iter().filter(|w| w.head == 0).count(), 1);
//! ```
#![warn(missing_docs)]

pub mod conllu;
mod error;
pub mod eval;
mod hash;
mod lemma;
mod model;
mod mst;
mod parser;
mod perceptron;
mod tagger;
mod tags;
mod transition;

pub use error::{ConlluProblem, Error, ModelKind, Result};
pub use eval::{evaluate, Scores};
pub use parser::{train_parser, Arc, Parser};
pub use tagger::{train_tagger, TagResult, Tagger};
pub use tags::{Deprel, Rel, Subtype, UnknownTag, Upos, Xpos};

use std::sync::OnceLock;

/// Training settings for [`train_tagger`] and [`train_parser`].
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the training data for the tagger.
    pub tagger_epochs: usize,
    /// Passes over the training data for the parser.
    pub parser_epochs: usize,
    /// Seed for shuffling and exploration.
    pub seed: u64,
    /// Averaged weights smaller than this are dropped from the model.
    pub min_weight: f32,
    /// Words seen fewer times than this get no ambiguity class in the tagger.
    pub tagger_min_lexicon_count: u32,
    /// Whether the tagger's training sentences see word ambiguity classes
    /// computed without their own tenth of the data (jackknifing).
    pub tagger_jackknife_lexicon: bool,
    /// Words seen at least this often with one tag (99.5% of the time) skip
    /// the tagger's scoring (0 turns the tag dictionary off).
    pub tagger_sure_min_count: u32,
    /// Whether the tagger gets a second pass that sees first-pass tags to the right.
    pub tagger_two_pass: bool,
    /// The parser follows its own (possibly wrong) predictions from this epoch on.
    pub explore_after: usize,
    /// Probability of following a wrong prediction while exploring.
    pub explore_prob: f64,
    /// Number of parser models to train and combine: the first parses left to
    /// right, the second right to left, and so on, alternating.
    pub parser_models: usize,
    /// Parser beam width (1 = greedy, trained with the dynamic oracle; more =
    /// beam search, trained with max-violation updates).
    pub parser_beam: usize,
    /// Folds for jackknifed training tags for the parser (below 2: gold tags).
    pub jackknife: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            tagger_epochs: 8,
            parser_epochs: 12,
            seed: 1,
            min_weight: 0.0,
            tagger_min_lexicon_count: 2,
            tagger_jackknife_lexicon: true,
            tagger_two_pass: true,
            tagger_sure_min_count: 20,
            explore_after: 1,
            explore_prob: 0.9,
            jackknife: 5,
            parser_models: 1,
            parser_beam: 1,
        }
    }
}

/// One analysed word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Universal POS tag.
    pub upos: Upos,
    /// Penn Treebank tag.
    pub xpos: Xpos,
    /// Lemma.
    pub lemma: String,
    /// Head word, 1-based; 0 is the root.
    pub head: usize,
    /// Relation to the head.
    pub deprel: Deprel,
}

/// A tagger and a parser.
#[derive(Clone, Debug, PartialEq)]
pub struct Syntax {
    /// The tagger and lemmatizer.
    pub tagger: Tagger,
    /// The parser.
    pub parser: Parser,
}

static TAGGER_BIN: &[u8] = include_bytes!("../models/tagger.bin");
static PARSER_BIN: &[u8] = include_bytes!("../models/parser.bin");

impl Tagger {
    /// The tagger trained on UD English EWT that ships with the crate, loaded once (without the
    /// parser, for callers that only need tags).
    pub fn builtin() -> Result<&'static Tagger> {
        static BUILTIN: OnceLock<Result<Tagger>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Tagger::from_bytes(TAGGER_BIN))
            .as_ref()
            .map_err(Clone::clone)
    }
}

impl Syntax {
    /// Loads both models from bytes.
    pub fn from_bytes(tagger: &[u8], parser: &[u8]) -> Result<Syntax> {
        Ok(Syntax {
            tagger: Tagger::from_bytes(tagger)?,
            parser: Parser::from_bytes(parser)?,
        })
    }

    /// The models trained on UD English EWT that ship with the crate, loaded once.
    pub fn builtin() -> Result<&'static Syntax> {
        static BUILTIN: OnceLock<Result<Syntax>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Syntax::from_bytes(TAGGER_BIN, PARSER_BIN))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Tags, lemmatizes and parses one pre-tokenized sentence.
    pub fn analyze(&self, words: &[&str]) -> Vec<Word> {
        let tagged = self.tagger.tag(words);
        let tags: Vec<(Upos, Xpos)> = tagged.iter().map(|t| (t.upos, t.xpos)).collect();
        let arcs = self.parser.parse(words, &tags);
        tagged
            .into_iter()
            .zip(arcs)
            .map(|(t, a)| Word {
                upos: t.upos,
                xpos: t.xpos,
                lemma: t.lemma,
                head: a.head,
                deprel: a.deprel,
            })
            .collect()
    }
}
