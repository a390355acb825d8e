//! Throughput of the whole coder on a few thousand sentences, beside a baseline measured in
//! the same run: segmentation alone (sentences and tokens), the floor any coder pays.
//!
//! `cargo bench -p dyad-core --bench pipeline` prints sentences per second, articles per second
//! and peak memory (VmHWM). The corpus is the team's example articles, repeated; with
//! `DYAD_BENCH_SEED=1` the seed report from `../shared/seeds` joins it when present.

use std::time::Instant;

#[path = "../tests/common.rs"]
mod common;

use dyad_core::input::read_text;
use dyad_core::stages::segment::segment;
use dyad_core::{Article, Knowledge, Pipeline};

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut base: Vec<Article> = Vec::new();
    let files = common::txt_files(&root.join("examples"));
    for f in &files {
        let text = std::fs::read_to_string(f).expect("example");
        base.push(read_text(&f.file_stem().expect("stem").to_string_lossy(), &text, None).0);
    }
    if std::env::var("DYAD_BENCH_SEED").is_ok_and(|v| v == "1") {
        if let Ok(entries) = std::fs::read_dir(root.join("../shared/seeds")) {
            for e in entries.flatten() {
                let text = std::fs::read_to_string(e.path()).expect("seed");
                base.push(Article::new("seed", dyad_core::Date::parse("2015-11-24"), text));
            }
        }
    }
    let per_round: usize = base.iter().map(|a| segment(&a.text).1.len()).sum();
    let rounds = (3000 / per_round.max(1)).max(1);
    let corpus: Vec<Article> = (0..rounds)
        .flat_map(|i| {
            base.iter().map(move |a| Article {
                id: format!("{}-{i}", a.id),
                ..a.clone()
            })
        })
        .collect();
    let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();

    let t = Instant::now();
    let knowledge = Knowledge::builtin().expect("knowledge");
    let _ = dyad_core::gazetteer::Gazetteer::builtin();
    let load = t.elapsed();

    // Baseline: segmentation only.
    let t = Instant::now();
    let mut sentences = 0;
    for a in &corpus {
        sentences += segment(&a.text).1.len();
    }
    let seg = t.elapsed();

    let pipeline = Pipeline::new(&knowledge);
    let t = Instant::now();
    let mut events = 0;
    let mut coded_sentences = 0;
    for a in &corpus {
        let c = pipeline.run(a.clone());
        events += c.records.len();
        coded_sentences += c.sentences;
    }
    let full = t.elapsed();
    assert_eq!(coded_sentences, sentences, "both passes see the same sentences");
    assert!(events > 0, "the corpus codes to events");

    let rate = |n: usize, d: std::time::Duration| n as f64 / d.as_secs_f64();
    println!(
        "corpus: {} articles, {sentences} sentences, {:.1} MB; knowledge load {:.0} ms",
        corpus.len(),
        bytes as f64 / 1e6,
        load.as_secs_f64() * 1e3
    );
    println!(
        "{:<34} {:>14} {:>14} {:>10}",
        "pass (one core)", "sentences/s", "articles/s", "MB/s"
    );
    println!(
        "{:<34} {:>14.0} {:>14.0} {:>10.2}",
        "baseline: segmentation only",
        rate(sentences, seg),
        rate(corpus.len(), seg),
        bytes as f64 / 1e6 / seg.as_secs_f64()
    );
    println!(
        "{:<34} {:>14.0} {:>14.0} {:>10.2}",
        "dyad: full coder",
        rate(sentences, full),
        rate(corpus.len(), full),
        bytes as f64 / 1e6 / full.as_secs_f64()
    );
    println!("events coded: {events}; peak memory (VmHWM): {:.1} MiB", peak_rss_mib());
}
