//! Times [`Syntax::analyze`] over the sentences of a CoNLL-U file (gold
//! tokenization) and prints one JSON object with speed, load time, peak memory
//! and UPOS/XPOS/lemma/UAS/LAS scores. Used by `bench/syntax/run.sh`.
//!
//! ```text
//! cargo run --release -p dyad-syntax --example bench -- FILE.conllu [--tagger MODEL --parser MODEL] [--gold-tags] [--repeat N]
//! ```

use dyad_syntax::{conllu, evaluate, Parser, Syntax, Tagger, Upos, Xpos};
use std::time::Instant;

fn main() {
    if let Err(e) = run() {
        eprintln!("bench: {e}");
        std::process::exit(2);
    }
}

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .ok_or("usage: bench FILE.conllu [--tagger M --parser M] [--gold-tags] [--repeat N]")?;
    let opt = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let gold_tags = args.iter().any(|a| a == "--gold-tags");
    let repeat: usize = opt("--repeat").map_or(Ok(3), |r| r.parse().map_err(|_| "bad --repeat"))?;
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let gold = conllu::parse(&text).map_err(|e| e.to_string())?;
    let sentences: Vec<Vec<&str>> = gold.iter().map(|s| s.words()).collect();
    let tokens: usize = sentences.iter().map(Vec::len).sum();

    let t0 = Instant::now();
    let mut owned;
    let syntax: &Syntax = match (opt("--tagger"), opt("--parser")) {
        (Some(t), Some(p)) => {
            let tb = std::fs::read(&t).map_err(|e| format!("{t}: {e}"))?;
            let pb = std::fs::read(&p).map_err(|e| format!("{p}: {e}"))?;
            let t1 = Instant::now();
            owned = Syntax::from_bytes(&tb, &pb).map_err(|e| e.to_string())?;
            let mut owned2 = owned.clone();
            if let Some(q) = opt("--prune-tagger") {
                owned2.tagger = owned2.tagger.pruned(q.parse().map_err(|_| "bad --prune-tagger")?);
            }
            if let Some(b) = opt("--beam") {
                owned2.parser = owned2.parser.with_beam(b.parse().map_err(|_| "bad --beam")?);
            }
            if let Some(m) = opt("--models") {
                owned2.parser = owned2.parser.with_models(m.parse().map_err(|_| "bad --models")?);
            }
            if let Some(q) = opt("--prune-parser") {
                owned2.parser = owned2.parser.pruned(q.parse().map_err(|_| "bad --prune-parser")?);
            }
            eprintln!(
                "tagger {:?} parser {:?} (features, weights)",
                owned2.tagger.size(),
                owned2.parser.size()
            );
            if let Some(out) = opt("--write-pruned") {
                std::fs::write(format!("{out}.tagger.bin"), owned2.tagger.to_bytes()).map_err(|e| e.to_string())?;
                std::fs::write(format!("{out}.parser.bin"), owned2.parser.to_bytes()).map_err(|e| e.to_string())?;
            }
            owned = owned2;
            eprintln!("decode {:.1} ms", t1.elapsed().as_secs_f64() * 1e3);
            &owned
        }
        _ => Syntax::builtin().map_err(|e| e.to_string())?,
    };
    let load_ms = t0.elapsed().as_secs_f64() * 1e3;

    // Warm-up pass, then timed passes; the best pass counts.
    let mut checksum = 0usize;
    for s in &sentences {
        checksum += syntax.analyze(s).len();
    }
    assert_eq!(checksum, tokens);
    let mut best = f64::INFINITY;
    for _ in 0..repeat.max(1) {
        let t = Instant::now();
        let mut n = 0usize;
        for s in &sentences {
            let words = syntax.analyze(s);
            n += words.len();
        }
        assert_eq!(n, tokens, "one analysis per token");
        best = best.min(t.elapsed().as_secs_f64());
    }
    let tag_time = {
        let t = Instant::now();
        for s in &sentences {
            std::hint::black_box(syntax.tagger.tag(s));
        }
        t.elapsed().as_secs_f64()
    };

    let scores = evaluate(&gold, Some(&syntax.tagger), Some(&syntax.parser));
    let gold_scores = gold_tags.then(|| evaluate(&gold, None::<&Tagger>, Some::<&Parser>(&syntax.parser)));
    let pct = |m: Option<dyad_syntax::eval::Metric>| m.map_or("null".to_string(), |m| format!("{:.2}", 100.0 * m.value()));
    let _ = (Upos::X, Xpos::Xx);
    println!(
        "{{\"system\": \"dyad\", \"sentences\": {}, \"tokens\": {tokens}, \"seconds\": {best:.4}, \"tokens_per_s\": {:.0}, \"sentences_per_s\": {:.0}, \"tagger_tokens_per_s\": {:.0}, \"load_ms\": {load_ms:.1}, \"peak_rss_mb\": {:.1}, \"upos\": {}, \"xpos\": {}, \"lemma\": {}, \"uas\": {}, \"las\": {}, \"uas_gold_tags\": {}, \"las_gold_tags\": {}}}",
        sentences.len(),
        tokens as f64 / best,
        sentences.len() as f64 / best,
        tokens as f64 / tag_time,
        peak_rss_kb().unwrap_or(0) as f64 / 1024.0,
        pct(scores.upos),
        pct(scores.xpos),
        pct(scores.lemma),
        pct(scores.uas),
        pct(scores.las),
        pct(gold_scores.as_ref().and_then(|s| s.uas)),
        pct(gold_scores.as_ref().and_then(|s| s.las)),
    );
    eprint!("{scores}");
    Ok(())
}
