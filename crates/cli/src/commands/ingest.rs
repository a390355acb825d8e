//! `dyad ingest`: code articles into the embedded store. One transaction per article, so an
//! interrupted run (even `kill -9`) leaves whole articles only, and a rerun skips the articles
//! already stored with the same content.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;
use dyad_core::record::EventRecord;
use dyad_core::{Article, Date, Pipeline};
use dyad_store::{content_hash, Outcome, Store};

use crate::commands::code::{load_knowledge, parse_date};
use crate::inputs::{collect, read_source, Item};

/// Arguments of `dyad ingest`.
#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Articles: files (.txt, .html, .jsonl), folders (recursively), or `-` for stdin.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// The database file (created when missing).
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
    /// Report date (YYYY-MM-DD) for articles that do not carry one.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Date>,
    /// A GeoNames dump consulted before the built-in gazetteer.
    #[arg(long)]
    pub gazetteer: Option<PathBuf>,
    /// Coding threads (default: the machine's cores).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Print the pipeline's diagnostics for every article (by default only their number).
    #[arg(long)]
    pub verbose: bool,
}

/// What the reader hands the coders.
struct Work {
    article: Article,
}

/// What the coders hand the writer.
struct Done {
    article: Article,
    sentences: usize,
    records: Vec<EventRecord>,
    diagnostics: Vec<String>,
}

#[derive(Default)]
struct Progress {
    files_done: usize,
    files: usize,
    articles: usize,
    inserted: usize,
    replaced: usize,
    unchanged: usize,
    events: usize,
    problems: usize,
    diagnostics: usize,
}

impl Progress {
    fn line(&self, started: Instant) -> String {
        let secs = started.elapsed().as_secs_f64().max(1e-3);
        format!(
            "{}/{} files, {} articles ({} new, {} replaced, {} unchanged), {} events, {:.1} articles/s",
            self.files_done,
            self.files,
            self.articles,
            self.inserted,
            self.replaced,
            self.unchanged,
            self.events,
            (self.inserted + self.replaced) as f64 / secs
        )
    }
}

enum ReaderMsg {
    /// An article already stored with the same content.
    Unchanged,
    /// A file finished.
    FileDone,
    /// A problem with the input.
    Problem(String),
    /// A note (repair) on an article.
    Note(String),
}

/// Run `dyad ingest`.
pub fn run(args: &IngestArgs) -> anyhow::Result<ExitCode> {
    let knowledge = load_knowledge(args.gazetteer.as_deref())?;
    let mut store = Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let mut p = Progress::default();
    let mut early: Vec<String> = Vec::new();
    let sources = collect(&args.paths, &mut |msg| early.push(msg));
    for msg in early {
        p.problems += 1;
        eprintln!("dyad: error: {msg}");
    }
    p.files = sources.len();
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1))
        .max(1);
    let started = Instant::now();
    let mut last_report = Instant::now();
    let default_date = args.date;
    let db = args.db.clone();

    let (work_tx, work_rx) = mpsc::sync_channel::<Work>(jobs * 4);
    let work_rx = std::sync::Mutex::new(work_rx);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let (done_tx, done_rx) = mpsc::sync_channel::<Done>(jobs * 4);
        let (msg_tx, msg_rx) = mpsc::channel::<ReaderMsg>();
        // Reader: walks the inputs and skips articles already stored with the same content
        // (its own read connection; WAL lets it read while the writer writes).
        let reader = scope.spawn(move || -> anyhow::Result<()> {
            let check = Store::open(&db).with_context(|| format!("opening {}", db.display()))?;
            let mut seen: HashMap<String, String> = HashMap::new();
            for source in &sources {
                let mut failed: Option<anyhow::Error> = None;
                read_source(source, default_date, &mut |item| {
                    if failed.is_some() {
                        return;
                    }
                    match item {
                        Item::Problem(m) => {
                            let _ = msg_tx.send(ReaderMsg::Problem(m));
                        }
                        Item::Article(article, notes) => {
                            for n in notes {
                                let _ = msg_tx.send(ReaderMsg::Note(n));
                            }
                            let hash = content_hash(&article);
                            if let Some(prev) = seen.insert(article.id.clone(), hash.clone()) {
                                if prev != hash {
                                    let _ = msg_tx.send(ReaderMsg::Note(format!(
                                        "article id `{}` occurs twice with different content; the later one replaces the earlier",
                                        article.id
                                    )));
                                }
                            }
                            match check.is_current(&article.id, &hash) {
                                Ok(true) => {
                                    let _ = msg_tx.send(ReaderMsg::Unchanged);
                                }
                                Ok(false) => {
                                    if work_tx.send(Work { article }).is_err() {
                                        failed = Some(anyhow::anyhow!("the coders stopped"));
                                    }
                                }
                                Err(e) => failed = Some(anyhow::Error::new(e).context("reading the database")),
                            }
                        }
                    }
                });
                if let Some(e) = failed {
                    return Err(e);
                }
                let _ = msg_tx.send(ReaderMsg::FileDone);
            }
            Ok(())
        });
        // Coders.
        let mut coders = Vec::new();
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            let knowledge = &knowledge;
            coders.push(scope.spawn(move || {
                let pipeline = Pipeline::new(knowledge);
                loop {
                    let next = work_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok(Work { article })) = next else { break };
                    let coded = pipeline.run(article.clone());
                    let diagnostics = coded
                        .diagnostics
                        .iter()
                        .map(|d| format!("{}: {}: {}: {}", d.severity.as_str(), article.id, d.stage, d.message))
                        .collect();
                    let done = Done {
                        article,
                        sentences: coded.sentences,
                        records: coded.records,
                        diagnostics,
                    };
                    if done_tx.send(done).is_err() {
                        break;
                    }
                }
            }));
        }
        drop(done_tx);
        // Writer: this thread, one transaction per article.
        let handle_msgs = |p: &mut Progress| {
            while let Ok(m) = msg_rx.try_recv() {
                match m {
                    ReaderMsg::Unchanged => {
                        p.articles += 1;
                        p.unchanged += 1;
                    }
                    ReaderMsg::FileDone => p.files_done += 1,
                    ReaderMsg::Problem(m) => {
                        p.problems += 1;
                        eprintln!("dyad: error: {m}");
                    }
                    ReaderMsg::Note(m) => eprintln!("dyad: warning: {m}"),
                }
            }
        };
        loop {
            match done_rx.recv_timeout(Duration::from_millis(200)) {
                Ok(done) => {
                    p.diagnostics += done.diagnostics.len();
                    if args.verbose {
                        for d in &done.diagnostics {
                            eprintln!("dyad: {d}");
                        }
                    }
                    let outcome = store
                        .put_article(&done.article, done.sentences, &done.records)
                        .with_context(|| format!("storing article {}", done.article.id))?;
                    p.articles += 1;
                    match outcome {
                        Outcome::Inserted => p.inserted += 1,
                        Outcome::Replaced => p.replaced += 1,
                        Outcome::Unchanged => p.unchanged += 1,
                    }
                    if outcome != Outcome::Unchanged {
                        p.events += done.records.len();
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
            handle_msgs(&mut p);
            if last_report.elapsed() >= Duration::from_secs(1) {
                eprintln!("dyad: ingest: {}", p.line(started));
                last_report = Instant::now();
            }
        }
        for c in coders {
            c.join().map_err(|_| anyhow::anyhow!("a coding thread panicked"))?;
        }
        let read = reader.join().map_err(|_| anyhow::anyhow!("the reading thread panicked"))?;
        handle_msgs(&mut p);
        read
    })?;

    eprintln!("dyad: ingest: done: {}", p.line(started));
    if p.diagnostics > 0 && !args.verbose {
        eprintln!(
            "dyad: ingest: {} pipeline diagnostics (see them with --verbose or `dyad code`)",
            p.diagnostics
        );
    }
    let stats = store.stats()?;
    eprintln!(
        "dyad: {}: {} articles, {} events in the database",
        args.db.display(),
        stats.documents,
        stats.events
    );
    if p.articles == 0 {
        eprintln!("dyad: error: no article could be read");
        return Ok(ExitCode::from(1));
    }
    if p.problems > 0 {
        eprintln!("dyad: {} inputs could not be read", p.problems);
    }
    Ok(ExitCode::SUCCESS)
}
