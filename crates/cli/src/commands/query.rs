//! `dyad query`: read events back from the store, filtered, as PLOVER JSONL or CSV.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, ValueEnum};
use dyad_core::wire::{to_csv_row, to_json_line, CSV_HEADER};
use dyad_store::{EventFilter, Store};

/// Output formats of `dyad query`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// PLOVER JSON Lines, as `dyad code` writes them.
    Jsonl,
    /// The same fields flattened, as `dyad code --format csv`.
    Csv,
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
    /// Add each record's evidence (JSONL).
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
    let out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(File::create(p).with_context(|| format!("creating {}", p.display()))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    if args.format == QueryFormat::Csv {
        writeln!(out, "{}", CSV_HEADER.join(","))?;
    }
    let limit = args.limit.unwrap_or(u64::MAX);
    store.for_each_event(&filter, limit, args.offset, &mut |r| -> anyhow::Result<()> {
        match args.format {
            QueryFormat::Jsonl => writeln!(out, "{}", to_json_line(&r, args.explain))?,
            QueryFormat::Csv => writeln!(out, "{}", to_csv_row(&r))?,
        }
        Ok(())
    })?;
    out.flush().context("writing output")?;
    Ok(())
}
