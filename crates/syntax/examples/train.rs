//! Trains a model from CoNLL-U files, like `dyad train`:
//!
//! ```text
//! cargo run --release -p dyad-syntax --example train -- tagger --train TRAIN.conllu --dev DEV.conllu -o models/tagger.bin
//! cargo run --release -p dyad-syntax --example train -- parser --train TRAIN.conllu --dev DEV.conllu -o models/parser.bin [--tagger models/tagger.bin]
//! ```
//!
//! Options: `--epochs N`, `--jackknife K` (parser: jackknifed training tags),
//! `--seed N`, `--min-weight W`, `--tagger MODEL` (parser: tag dev with it).

use dyad_syntax::{conllu, train_parser, train_tagger, Tagger, TrainOptions};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train: {e}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &str) -> Result<Vec<conllu::Sentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    conllu::parse(&text).map_err(|e| format!("{path}: {e}"))
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args
        .first()
        .cloned()
        .ok_or("usage: train tagger|parser --train FILE --dev FILE -o MODEL")?;
    let (mut train, mut dev, mut out, mut tagger) = (Vec::new(), None, None, None);
    let mut opts = TrainOptions::default();
    let mut i = 1;
    while i < args.len() {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        let num = |v: &str| v.parse::<f64>().map_err(|_| format!("bad number `{v}`"));
        match args[i].as_str() {
            "--train" => train.push(value),
            "--dev" => dev = Some(value),
            "-o" | "--output" => out = Some(value),
            "--tagger" => tagger = Some(value),
            "--epochs" => {
                opts.tagger_epochs = num(&value)? as usize;
                opts.parser_epochs = opts.tagger_epochs;
            }
            "--beam" => opts.parser_beam = num(&value)? as usize,
            "--models" => opts.parser_models = num(&value)? as usize,
            "--jackknife" => opts.jackknife = num(&value)? as usize,
            "--lex-min" => opts.tagger_min_lexicon_count = num(&value)? as u32,
            "--explore-after" => opts.explore_after = num(&value)? as usize,
            "--explore-prob" => opts.explore_prob = num(&value)?,
            "--one-pass" => {
                opts.tagger_two_pass = false;
                i -= 1;
            }
            "--no-jackknife-lexicon" => {
                opts.tagger_jackknife_lexicon = false;
                i -= 1;
            }
            "--seed" => opts.seed = num(&value)? as u64,
            "--min-weight" => opts.min_weight = num(&value)? as f32,
            other => return Err(format!("unknown option `{other}`")),
        }
        i += 2;
    }
    if train.is_empty() {
        return Err("--train is required (repeat it to train on several files)".into());
    }
    let train: Vec<conllu::Sentence> = train.iter().map(|p| read(p)).collect::<Result<Vec<_>, _>>()?.concat();
    let dev = match dev {
        Some(d) => read(&d)?,
        None => Vec::new(),
    };
    let out = out.ok_or("-o is required")?;
    let start = Instant::now();
    let mut progress = |msg: &str| eprintln!("[{:6.1}s] {msg}", start.elapsed().as_secs_f64());
    let bytes = match what.as_str() {
        "tagger" => train_tagger(&train, &dev, &opts, &mut progress).to_bytes(),
        "parser" => {
            let tagger = match tagger {
                Some(p) => {
                    let b = std::fs::read(&p).map_err(|e| format!("{p}: {e}"))?;
                    Some(Tagger::from_bytes(&b).map_err(|e| format!("{p}: {e}"))?)
                }
                None => None,
            };
            train_parser(&train, &dev, tagger.as_ref(), &opts, &mut progress).to_bytes()
        }
        other => return Err(format!("unknown model `{other}` (tagger or parser)")),
    };
    std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("wrote {out}: {} bytes in {:.1}s", bytes.len(), start.elapsed().as_secs_f64());
    Ok(())
}
