//! `dyad eval ud`: scores the tagger and parser on a gold CoNLL-U file (gold
//! tokenization), CoNLL 2018 style: UPOS, XPOS, lemmas, UAS and LAS (universal
//! relation only), over all words including punctuation.
//!
//! ```text
//! dyad eval ud --gold en_ewt-ud-test.conllu                       # built-in models
//! dyad eval ud --gold test.conllu --tagger tagger.bin --parser parser.bin
//! dyad eval ud --gold test.conllu --gold-tags                     # parser only, gold tags
//! ```
//!

use anyhow::Context as _;
use dyad_syntax::{conllu, evaluate, Parser, Syntax, Tagger};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Arguments of `dyad eval ud`.
#[derive(Debug, clap::Args)]
pub struct EvalUdArgs {
    /// Gold-standard CoNLL-U file.
    #[arg(long, value_name = "FILE.conllu")]
    pub gold: PathBuf,
    /// Tagger model (default: the built-in one).
    #[arg(long, value_name = "MODEL")]
    pub tagger: Option<PathBuf>,
    /// Parser model (default: the built-in one).
    #[arg(long, value_name = "MODEL")]
    pub parser: Option<PathBuf>,
    /// Parse with gold tags instead of the tagger's (scores the parser alone).
    #[arg(long)]
    pub gold_tags: bool,
}

fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Runs `dyad eval ud`.
pub fn run(args: &EvalUdArgs) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&args.gold).with_context(|| format!("cannot read {}", args.gold.display()))?;
    let gold = conllu::parse(&text).with_context(|| format!("cannot parse {}", args.gold.display()))?;
    let builtin = || Syntax::builtin().context("cannot load the built-in models");
    let tagger = match &args.tagger {
        Some(p) => Tagger::from_bytes(&read(p)?).with_context(|| format!("cannot load {}", p.display()))?,
        None => builtin()?.tagger.clone(),
    };
    let parser = match &args.parser {
        Some(p) => Parser::from_bytes(&read(p)?).with_context(|| format!("cannot load {}", p.display()))?,
        None => builtin()?.parser.clone(),
    };
    let start = Instant::now();
    let scores = evaluate(&gold, (!args.gold_tags).then_some(&tagger), Some(&parser));
    let secs = start.elapsed().as_secs_f64();
    print!("{scores}");
    println!(
        "{:.0} words/s (tagging, lemmatizing, parsing and scoring)",
        scores.words as f64 / secs.max(1e-9)
    );
    Ok(())
}
