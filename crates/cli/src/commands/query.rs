//! `dyad query`: read events back from the store, filtered, as PLOVER JSONL, CSV or Parquet.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use dyad_core::record::EventRecord;
use dyad_core::wire::{to_csv_row, to_json_line, EventJson, CSV_HEADER};
use dyad_store::{EventFilter, Store};

/// Output formats of `dyad query`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// PLOVER JSON Lines, as `dyad code` writes them.
    Jsonl,
    /// The same fields flattened, as `dyad code --format csv`.
    Csv,
    /// Apache Parquet with the contract's columns and nesting (dyad-columnar); needs `-o`.
    Parquet,
}

/// Arguments of `dyad query`.
#[derive(Args, Debug)]
pub struct QueryArgs {
    /// The database file.
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
    /// Event date on or after this day (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Event date on or before this day (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// Actor: a code (TUR, IGO: capitals, exact) or words of its name or mention.
    #[arg(long)]
    pub actor: Option<String>,
    /// Recipient: a code or words of its name, as for --actor.
    #[arg(long)]
    pub recipient: Option<String>,
    /// PLOVER event type (ASSAULT, CONSULT, ...).
    #[arg(long)]
    pub event: Option<String>,
    /// CAMEO code or root (a prefix of 2 to 4 digits: 19 = all of root 19).
    #[arg(long)]
    pub cameo: Option<String>,
    /// Modality (asserted, negated, intended, requested, conditional, hypothetical, reported_claim).
    #[arg(long)]
    pub modality: Option<String>,
    /// Country (ISO alpha-3): events placed there or with a party of it.
    #[arg(long)]
    pub country: Option<String>,
    /// LAT,LON: events placed within --radius km of this point.
    #[arg(long, allow_hyphen_values = true)]
    pub near: Option<String>,
    /// Kilometres around --near (default 50).
    #[arg(long)]
    pub radius: Option<String>,
    /// Words that must all occur in the event's sentence (full-text search).
    #[arg(long)]
    pub text: Option<String>,
    /// Article id.
    #[arg(long)]
    pub doc: Option<String>,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<u64>,
    /// Skip this many events first.
    #[arg(long, default_value_t = 0)]
    pub offset: u64,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: QueryFormat,
    /// Add each record's evidence (JSONL; Parquet has no evidence column).
    #[arg(long)]
    pub explain: bool,
    /// Write to this file instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

impl QueryArgs {
    /// The filter these flags ask for.
    pub fn filter(&self) -> anyhow::Result<EventFilter> {
        let mut f = EventFilter::default();
        let pairs = [
            ("from", &self.from),
            ("to", &self.to),
            ("actor", &self.actor),
            ("recipient", &self.recipient),
            ("event", &self.event),
            ("cameo", &self.cameo),
            ("modality", &self.modality),
            ("country", &self.country),
            ("near", &self.near),
            ("radius", &self.radius),
            ("text", &self.text),
            ("doc", &self.doc),
        ];
        for (name, value) in pairs {
            if let Some(v) = value {
                f.set(name, v)?;
            }
        }
        Ok(f)
    }
}

/// Run `dyad query`.
pub fn run(args: &QueryArgs) -> anyhow::Result<()> {
    let filter = args.filter()?;
    let store = Store::open_read_only(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let limit = args.limit.unwrap_or(u64::MAX);
    if args.format == QueryFormat::Parquet {
        let Some(path) = &args.output else {
            bail!("--format parquet writes a file: give it with -o FILE");
        };
        return write_parquet(&store, &filter, limit, args.offset, path);
    }
    let out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(File::create(p).with_context(|| format!("creating {}", p.display()))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    if args.format == QueryFormat::Csv {
        writeln!(out, "{}", CSV_HEADER.join(","))?;
    }
    store.for_each_event(&filter, limit, args.offset, &mut |r| -> anyhow::Result<()> {
        match args.format {
            QueryFormat::Jsonl => writeln!(out, "{}", to_json_line(&r, args.explain))?,
            QueryFormat::Csv => writeln!(out, "{}", to_csv_row(&r))?,
            QueryFormat::Parquet => unreachable!("parquet is written above"),
        }
        Ok(())
    })?;
    out.flush().context("writing output")?;
    Ok(())
}

/// Records per batch handed to the Parquet writer.
const PARQUET_BATCH: usize = 8192;

/// Stream the matching events into a Parquet file, a batch at a time. The file is written
/// beside the target and renamed into place, so a failed query leaves no half file.
fn write_parquet(store: &Store, filter: &EventFilter, limit: u64, offset: u64, path: &std::path::Path) -> anyhow::Result<()> {
    let tmp = path.with_extension("parquet.partial");
    let file = File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let mut writer = dyad_columnar::ParquetEventWriter::new(BufWriter::new(file)).context("starting the Parquet file")?;
    let mut batch: Vec<EventRecord> = Vec::with_capacity(PARQUET_BATCH);
    let flush =
        |writer: &mut dyad_columnar::ParquetEventWriter<BufWriter<File>>, batch: &mut Vec<EventRecord>| -> anyhow::Result<()> {
            let wire: Vec<EventJson<'_>> = batch.iter().map(|r| EventJson::from_record(r, false)).collect();
            writer.write(&wire).context("writing Parquet")?;
            batch.clear();
            Ok(())
        };
    let result = store.for_each_event(filter, limit, offset, &mut |r| -> anyhow::Result<()> {
        batch.push(r);
        if batch.len() >= PARQUET_BATCH {
            flush(&mut writer, &mut batch)?;
        }
        Ok(())
    });
    let result = result.and_then(|()| flush(&mut writer, &mut batch)).and_then(|()| {
        writer.finish().context("finishing the Parquet file")?;
        Ok(())
    });
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
