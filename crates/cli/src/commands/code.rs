//! `dyad code`: articles in, event records out.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use dyad_core::dict::coder::DictCoder;
use dyad_core::dict::records::{code_article, CameoToPlover};
use dyad_core::dict::{tabari, Dictionaries, Flavor, Kind};
use dyad_core::gazetteer::Gazetteer;
use dyad_core::record::EventRecord;
use dyad_core::render::{explain, table_line};
use dyad_core::wire::{to_csv_row, to_json_line, EventJson, CSV_HEADER};
use dyad_core::{Article, Coded, Date, Knowledge, Pipeline};

use dyad_columnar::ParquetEventWriter;

use crate::inputs::{collect, read_source_streaming, Item, Source};

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// PLOVER JSON Lines, one record per line (the output contract).
    Jsonl,
    /// The same fields flattened, one row per record.
    Csv,
    /// One readable line per event, for a person at a terminal.
    Table,
    /// The contract's columns as a Parquet file (Snappy), written in row groups as it goes.
    Parquet,
}

/// Arguments of `dyad code`.
#[derive(Args, Debug)]
#[command(group(clap::ArgGroup::new("dict_files").args(["dicts", "project"]).multiple(true)))]
pub struct CodeArgs {
    /// Articles: files (.txt, .html, .jsonl), folders (recursively), or `-` for stdin (the default).
    pub paths: Vec<String>,
    /// Report date (YYYY-MM-DD) for articles that do not carry one.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Date>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: OutputFormat,
    /// Write to this file instead of stdout.
    #[arg(short, long)]
    pub output: Option<std::path::PathBuf>,
    /// Articles coded at once (default: every core). Output is the same whatever the number.
    #[arg(short, long)]
    pub jobs: Option<NonZeroUsize>,
    /// Show, per event, which words gave each field and which rule fired.
    #[arg(long)]
    pub explain: bool,
    /// A GeoNames dump (cities500.txt, allCountries.txt format) consulted before the built-in gazetteer.
    #[arg(long)]
    pub gazetteer: Option<std::path::PathBuf>,
    /// Peer dictionaries (PETRARCH2 `.txt`, TABARI `.verbs`/`.actors`/`.agents`; the kind comes
    /// from the name): their events are added to the built-in coder's.
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<std::path::PathBuf>,
    /// A TABARI `.project` file whose actors, verbs and agents files are used as with `--dict`.
    #[arg(long, value_name = "FILE.project")]
    pub project: Option<std::path::PathBuf>,
    /// Code with the dictionaries only, not the built-in knowledge.
    #[arg(long, requires = "dict_files")]
    pub dict_only: bool,
}

pub fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("`{s}` is not a date in YYYY-MM-DD form"))
}

/// The built-in knowledge, with a user's GeoNames dump consulted first when given.
pub fn load_knowledge(gazetteer: Option<&std::path::Path>) -> anyhow::Result<Knowledge> {
    let mut knowledge = Knowledge::builtin().context("loading the built-in knowledge")?;
    if let Some(path) = gazetteer {
        let bytes = std::fs::read(path).with_context(|| format!("reading gazetteer {}", path.display()))?;
        let text = String::from_utf8_lossy(&bytes);
        let (g, issues) = Gazetteer::from_geonames(&text);
        for i in issues.iter().take(20) {
            eprintln!("dyad: warning: {}:{}: {}", path.display(), i.line, i.message);
        }
        if issues.len() > 20 {
            eprintln!(
                "dyad: warning: {}: {} more malformed lines skipped",
                path.display(),
                issues.len() - 20
            );
        }
        if g.is_empty() {
            bail!("gazetteer {} has no usable places", path.display());
        }
        knowledge.user_gazetteer = Some(g);
    }
    Ok(knowledge)
}

/// The dictionaries named by `--dict` and `--project`, if any.
fn load_dicts(args: &CodeArgs) -> anyhow::Result<Option<Dictionaries>> {
    let mut files = Vec::new();
    for p in &args.dicts {
        let (k, f) = super::dict::kind_of(p, None, None)?;
        files.push((p.clone(), k, f));
    }
    if let Some(project) = &args.project {
        let text = super::dict::read_text(project)?;
        let (pr, problems) = tabari::parse_project(&text);
        for p in &problems {
            eprintln!("dyad: warning: {}:{}: {}", project.display(), p.line, p.message);
        }
        let dir = project.parent().unwrap_or(std::path::Path::new("."));
        for (key, kind) in [
            ("verbsfile", Kind::Verbs),
            ("actorsfile", Kind::Actors),
            ("agentsfile", Kind::Agents),
        ] {
            for name in pr.get(key) {
                files.push((dir.join(name), kind, Flavor::Tabari));
            }
        }
    }
    if files.is_empty() {
        return Ok(None);
    }
    super::dict::load(&files, 20).map(Some)
}

/// The default source and target of the `.options` file a `--project` names (TABARI
/// `DEFAULT:`), if any.
fn project_defaults(args: &CodeArgs) -> anyhow::Result<tabari::Defaults> {
    let Some(project) = &args.project else {
        return Ok(tabari::Defaults::default());
    };
    let (pr, _) = tabari::parse_project(&super::dict::read_text(project)?);
    let dir = project.parent().unwrap_or(std::path::Path::new("."));
    let mut defaults = tabari::Defaults::default();
    for name in pr.get("optionsfile") {
        let path = dir.join(name);
        let (lines, _) = tabari::parse_options(&super::dict::read_text(&path)?);
        let (d, problems) = tabari::defaults_from_options(&lines);
        for p in &problems {
            eprintln!("dyad: warning: {}:{}: {}", path.display(), p.line, p.message);
        }
        if d != tabari::Defaults::default() {
            defaults = d;
        }
    }
    Ok(defaults)
}

/// Records held before they go to the Parquet writer as one record batch.
const PARQUET_BATCH: usize = 4096;

/// What the reader hands to the coders: an article with its input notes, or a problem.
enum Job {
    Article(Article, Vec<String>),
    Problem(String),
}

/// What a coder hands back, in the input's order once sorted by sequence number.
struct Done {
    /// Lines for stderr, in order (without the `dyad: ` prefix).
    messages: Vec<String>,
    /// `None` for a problem; otherwise the article's output.
    coded: Option<ArticleOut>,
}

struct ArticleOut {
    events: usize,
    out: Output,
}

enum Output {
    /// Text (JSONL, CSV, table), ready to write.
    Bytes(Vec<u8>),
    /// Records for the Parquet writer.
    Records(Vec<EventRecord>),
}

/// Where the output goes.
enum Sink {
    Text(BufWriter<Box<dyn Write + Send>>),
    Parquet(Box<ParquetEventWriter<BufWriter<Box<dyn Write + Send>>>>, Vec<EventRecord>),
}

impl Sink {
    fn write(&mut self, out: Output) -> anyhow::Result<()> {
        match (self, out) {
            (Sink::Text(w), Output::Bytes(b)) => w.write_all(&b).context("writing output"),
            (Sink::Parquet(w, pending), Output::Records(r)) => {
                pending.extend(r);
                if pending.len() >= PARQUET_BATCH {
                    flush_parquet(w, pending)?;
                }
                Ok(())
            }
            _ => unreachable!("the coders produce the sink's kind of output"),
        }
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Text(mut w) => w.flush().context("writing output"),
            Sink::Parquet(mut w, mut pending) => {
                flush_parquet(&mut w, &mut pending)?;
                w.finish().context("writing Parquet")?;
                Ok(())
            }
        }
    }
}

fn flush_parquet(
    w: &mut ParquetEventWriter<BufWriter<Box<dyn Write + Send>>>,
    pending: &mut Vec<EventRecord>,
) -> anyhow::Result<()> {
    let rows: Vec<EventJson<'_>> = pending.iter().map(|r| EventJson::from_record(r, false)).collect();
    w.write(&rows).context("writing Parquet")?;
    pending.clear();
    Ok(())
}

/// What codes an article: the built-in pipeline, and peer dictionaries when given.
struct Coders<'a> {
    pipeline: Pipeline<'a>,
    dict_coder: Option<DictCoder<'a>>,
    plover: CameoToPlover,
    dict_only: bool,
}

impl Coders<'_> {
    fn run(&self, article: Article) -> Coded {
        match (&self.dict_coder, self.dict_only) {
            (Some(dc), true) => Coded {
                records: code_article(dc, &self.plover, &article),
                diagnostics: Vec::new(),
                sentences: dyad_core::stages::segment::segment(&article.text).1.len(),
            },
            (Some(dc), false) => {
                let extra = code_article(dc, &self.plover, &article);
                let mut c = self.pipeline.run(article);
                c.records.extend(extra);
                c.records.sort_by_key(|r| r.sequence);
                c
            }
            (None, _) => self.pipeline.run(article),
        }
    }
}

/// Code one article into its output and stderr lines (runs on a coder thread).
fn code_one(coders: &Coders<'_>, args: &CodeArgs, article: Article, notes: Vec<String>) -> Done {
    let mut messages: Vec<String> = notes.into_iter().map(|n| format!("warning: {n}")).collect();
    let id = article.id.clone();
    let report = article.report_date;
    let coded = coders.run(article);
    for d in &coded.diagnostics {
        messages.push(format!("{}: {id}: {}: {}", d.severity.as_str(), d.stage, d.message));
    }
    let events = coded.records.len();
    let out = match args.format {
        OutputFormat::Parquet => Output::Records(coded.records),
        OutputFormat::Jsonl | OutputFormat::Csv | OutputFormat::Table => {
            let mut b = Vec::new();
            // Writing into a Vec cannot fail.
            let _ = write_text(&mut b, args, &id, report, &coded);
            Output::Bytes(b)
        }
    };
    Done {
        messages,
        coded: Some(ArticleOut { events, out }),
    }
}

fn write_text(
    out: &mut Vec<u8>,
    args: &CodeArgs,
    id: &str,
    report: Option<Date>,
    coded: &dyad_core::Coded,
) -> std::io::Result<()> {
    match args.format {
        OutputFormat::Jsonl => {
            for r in &coded.records {
                writeln!(out, "{}", to_json_line(r, args.explain))?;
            }
        }
        OutputFormat::Csv => {
            for r in &coded.records {
                writeln!(out, "{}", to_csv_row(r))?;
            }
        }
        OutputFormat::Table => {
            let rd = report.map(|d| d.to_string()).unwrap_or_else(|| "no report date".into());
            writeln!(
                out,
                "# {id} ({rd}): {} events in {} sentences",
                coded.records.len(),
                coded.sentences
            )?;
            for r in &coded.records {
                writeln!(out, "{}", table_line(r))?;
                if args.explain {
                    write!(out, "{}", explain(r))?;
                }
            }
        }
        OutputFormat::Parquet => {}
    }
    Ok(())
}

/// A one-line progress display on stderr: articles, articles/s, share of the input done (by
/// bytes), ETA.
struct Progress {
    enabled: bool,
    start: Instant,
    last: Instant,
    total_bytes: Option<u64>,
    drawn: bool,
}

impl Progress {
    fn new(enabled: bool, sources: &[Source]) -> Progress {
        let total_bytes = if enabled {
            sources
                .iter()
                .map(|s| match s {
                    Source::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
                    Source::Stdin => None,
                })
                .sum::<Option<u64>>()
        } else {
            None
        };
        let now = Instant::now();
        Progress {
            enabled,
            start: now,
            last: now,
            total_bytes,
            drawn: false,
        }
    }

    /// Erase the line before something else is printed to stderr.
    fn clear(&mut self) {
        if self.drawn {
            eprint!("\r\x1b[K");
            self.drawn = false;
        }
    }

    fn tick(&mut self, articles: usize, bytes_done: u64) {
        if !self.enabled || self.last.elapsed() < Duration::from_millis(200) {
            return;
        }
        self.last = Instant::now();
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        let rate = articles as f64 / secs;
        let mut line = format!("dyad: {articles} articles, {rate:.1} articles/s");
        if let Some(total) = self.total_bytes.filter(|&t| t > 0) {
            let done = (bytes_done as f64 / total as f64).min(1.0);
            line.push_str(&format!(", {:.0}%", done * 100.0));
            if done > 0.0 {
                let eta = (secs * (1.0 - done) / done).round() as u64;
                line.push_str(&format!(", ETA {}:{:02}:{:02}", eta / 3600, eta / 60 % 60, eta % 60));
            }
        }
        eprint!("\r\x1b[K{line}");
        self.drawn = true;
    }
}

/// Run `dyad code`: a reader thread feeds articles to `--jobs` coder threads through bounded
/// queues; this thread writes their output back in input order, so the output is the same
/// whatever the number of coders, and memory holds at most a bounded window of articles.
pub fn run(args: &CodeArgs) -> anyhow::Result<ExitCode> {
    let knowledge = load_knowledge(args.gazetteer.as_deref())?;
    let dicts = load_dicts(args)?;
    let flavor = if args.project.is_some() || args.dicts.iter().any(|p| !p.to_string_lossy().ends_with(".txt")) {
        Flavor::Tabari
    } else {
        Flavor::Petrarch
    };
    let defaults = project_defaults(args)?;
    let coders = Coders {
        pipeline: Pipeline::new(&knowledge),
        dict_coder: dicts.as_ref().map(|d| DictCoder::new(d, flavor).with_defaults(defaults)),
        plover: CameoToPlover::new(&knowledge),
        dict_only: args.dict_only,
    };
    let jobs = args
        .jobs
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    if args.format == OutputFormat::Parquet && args.output.is_none() && std::io::stdout().is_terminal() {
        bail!("Parquet is binary: name a file with -o FILE, or redirect stdout");
    }
    let out: Box<dyn Write + Send> = match &args.output {
        Some(p) => Box::new(File::create(p).with_context(|| format!("creating {}", p.display()))?),
        None => Box::new(std::io::stdout()),
    };
    let mut sink = if args.format == OutputFormat::Parquet {
        Sink::Parquet(
            Box::new(ParquetEventWriter::new(BufWriter::new(out)).context("starting Parquet")?),
            Vec::new(),
        )
    } else {
        let mut w = BufWriter::with_capacity(1 << 16, out);
        if args.format == OutputFormat::Csv {
            writeln!(w, "{}", CSV_HEADER.join(","))?;
        }
        Sink::Text(w)
    };
    let mut problems = 0usize;
    let sources = collect(&args.paths, &mut |msg| {
        problems += 1;
        eprintln!("dyad: error: {msg}");
    });
    let mut progress = Progress::new(std::io::stderr().is_terminal(), &sources);
    let bytes_read = AtomicU64::new(0);
    let mut articles = 0usize;
    let mut events = 0usize;
    // At most this many articles are between the reader and the writer at any time.
    let window = jobs * 8 + 16;

    let (job_tx, job_rx) = mpsc::sync_channel::<(u64, u64, Job)>(jobs * 2);
    let job_rx = Mutex::new(job_rx);
    let result = std::thread::scope(|scope| -> anyhow::Result<()> {
        let (done_tx, done_rx) = mpsc::sync_channel::<(u64, u64, Done)>(jobs * 2);
        let (token_tx, token_rx) = mpsc::sync_channel::<()>(window);
        for _ in 0..window {
            token_tx.send(()).expect("the channel holds the window");
        }
        let (sources, bytes_read) = (&sources, &bytes_read);
        scope.spawn(move || {
            let mut seq = 0u64;
            for source in sources {
                let mut stopped = false;
                read_source_streaming(source, args.date, Some(bytes_read), &mut |item| {
                    let job = match item {
                        Item::Article(a, notes) => Job::Article(a, notes),
                        Item::Problem(m) => Job::Problem(m),
                    };
                    // A slot in the window, then a place in the queue; both fail only when the
                    // writer has stopped.
                    // With each article goes how far into the input it ends, for the progress line.
                    let pos = bytes_read.load(Ordering::Relaxed);
                    stopped = token_rx.recv().is_err() || job_tx.send((seq, pos, job)).is_err();
                    seq += 1;
                    !stopped
                });
                if stopped {
                    return;
                }
            }
        });
        for _ in 0..jobs {
            let (job_rx, done_tx, coders) = (&job_rx, done_tx.clone(), &coders);
            scope.spawn(move || {
                // After the writer has stopped, jobs are drained unread so the reader is never
                // left blocked on a full queue.
                let mut writer_gone = false;
                loop {
                    let next = job_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok((seq, pos, job))) = next else { return };
                    if writer_gone {
                        continue;
                    }
                    let done = match job {
                        Job::Article(article, notes) => code_one(coders, args, article, notes),
                        Job::Problem(m) => Done {
                            messages: vec![format!("error: {m}")],
                            coded: None,
                        },
                    };
                    writer_gone = done_tx.send((seq, pos, done)).is_err();
                }
            });
        }
        drop(done_tx);
        let mut waiting: BTreeMap<u64, (u64, Done)> = BTreeMap::new();
        let mut next = 0u64;
        for (seq, pos, done) in done_rx {
            waiting.insert(seq, (pos, done));
            while let Some((pos, done)) = waiting.remove(&next) {
                next += 1;
                if !done.messages.is_empty() {
                    progress.clear();
                    for m in &done.messages {
                        eprintln!("dyad: {m}");
                    }
                }
                match done.coded {
                    None => problems += 1,
                    Some(coded) => {
                        articles += 1;
                        events += coded.events;
                        // On a write error, returning drops the queues: the reader and the
                        // coders see closed channels and stop.
                        sink.write(coded.out)?;
                    }
                }
                let _ = token_tx.send(());
                progress.tick(articles, pos);
            }
        }
        Ok(())
    });
    progress.clear();
    result?;
    sink.finish()?;
    if articles == 0 {
        eprintln!("dyad: error: no article could be read");
        return Ok(ExitCode::from(1));
    }
    if problems > 0 {
        eprintln!("dyad: coded {articles} articles ({events} events); {problems} inputs could not be read");
    }
    Ok(ExitCode::SUCCESS)
}
