//! `dyad train tagger|parser`: trains a tagger or parser model from CoNLL-U files.
//!
//! ```text
//! dyad train tagger --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu -o tagger.bin
//! dyad train parser --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu -o parser.bin --tagger tagger.bin
//! ```
//!

use anyhow::Context as _;
use dyad_syntax::{conllu, train_parser, train_tagger, Tagger, TrainOptions};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Which model to train.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ModelKind {
    /// Part-of-speech tagger and lemmatizer.
    Tagger,
    /// Dependency parser.
    Parser,
}

/// Arguments of `dyad train`.
#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// Which model to train.
    #[arg(value_enum)]
    pub model: ModelKind,
    /// Training data (CoNLL-U); repeat to train on several files.
    #[arg(long, value_name = "FILE.conllu", required = true)]
    pub train: Vec<PathBuf>,
    /// Development data (CoNLL-U), scored after every epoch; the best epoch is kept.
    #[arg(long, value_name = "FILE.conllu")]
    pub dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(short, long, value_name = "MODEL")]
    pub output: PathBuf,
    /// Passes over the training data (default: the library's).
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Parser: tag the dev data with this tagger model (default: gold tags).
    #[arg(long, value_name = "MODEL")]
    pub tagger: Option<PathBuf>,
    /// Parser: folds for jackknifed training tags (0: gold tags).
    #[arg(long, default_value_t = 5)]
    pub jackknife: usize,
    /// Parser: number of transition models to combine by voting (alternating
    /// left-to-right and right-to-left; 1 is best for speed and, on EWT, accuracy).
    #[arg(long, default_value_t = 1)]
    pub models: usize,
    /// Parser: beam width (1 = greedy with the dynamic oracle).
    #[arg(long, default_value_t = 1)]
    pub beam: usize,
    /// Random seed for shuffling and exploration.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

fn read_conllu(path: &Path) -> anyhow::Result<Vec<conllu::Sentence>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    conllu::parse(&text).with_context(|| format!("cannot parse {}", path.display()))
}

/// Runs `dyad train`.
pub fn run(args: &TrainArgs) -> anyhow::Result<()> {
    let mut train = Vec::new();
    for path in &args.train {
        train.extend(read_conllu(path)?);
    }
    let dev = match &args.dev {
        Some(p) => read_conllu(p)?,
        None => Vec::new(),
    };
    let mut opts = TrainOptions {
        seed: args.seed,
        jackknife: args.jackknife,
        parser_models: args.models,
        parser_beam: args.beam,
        ..TrainOptions::default()
    };
    if let Some(e) = args.epochs {
        opts.tagger_epochs = e;
        opts.parser_epochs = e;
    }
    let start = Instant::now();
    let mut progress = |msg: &str| eprintln!("[{:7.1}s] {msg}", start.elapsed().as_secs_f64());
    let bytes = match args.model {
        ModelKind::Tagger => train_tagger(&train, &dev, &opts, &mut progress).to_bytes(),
        ModelKind::Parser => {
            let tagger = match &args.tagger {
                Some(p) => {
                    let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
                    Some(Tagger::from_bytes(&bytes).with_context(|| format!("cannot load {}", p.display()))?)
                }
                None => None,
            };
            train_parser(&train, &dev, tagger.as_ref(), &opts, &mut progress).to_bytes()
        }
    };
    std::fs::write(&args.output, &bytes).with_context(|| format!("cannot write {}", args.output.display()))?;
    eprintln!(
        "wrote {} ({} bytes) in {:.1}s",
        args.output.display(),
        bytes.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
