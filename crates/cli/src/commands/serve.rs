//! `dyad serve`: the HTTP JSON API and web page over a database (see `dyad-server`).

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use clap::Args;

use crate::commands::code::load_knowledge;

/// Arguments of `dyad serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Articles to ingest into the database first (as `dyad ingest PATH...`), then serve.
    pub paths: Vec<String>,
    /// The database file (made by `dyad ingest`; created empty with --allow-ingest).
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// Accept articles over HTTP (POST /api/ingest) and store them; read-only without it.
    #[arg(long)]
    pub allow_ingest: bool,
    /// Largest request body, in kilobytes.
    #[arg(long, default_value_t = 2048)]
    pub max_body_kb: usize,
    /// Deadline for one request, in seconds.
    #[arg(long, default_value_t = 30)]
    pub timeout_s: u64,
    /// A GeoNames dump consulted before the built-in gazetteer (for coding pasted text).
    #[arg(long)]
    pub gazetteer: Option<PathBuf>,
}

/// Run `dyad serve` until Ctrl-C.
pub fn run(args: &ServeArgs) -> anyhow::Result<()> {
    if !args.paths.is_empty() {
        let ingest = crate::commands::ingest::IngestArgs {
            paths: args.paths.clone(),
            db: args.db.clone(),
            date: None,
            gazetteer: args.gazetteer.clone(),
            jobs: None,
            verbose: false,
        };
        if crate::commands::ingest::run(&ingest)? != std::process::ExitCode::SUCCESS {
            anyhow::bail!("nothing to serve: no article could be read");
        }
    }
    let knowledge = load_knowledge(args.gazetteer.as_deref())?;
    let config = dyad_server::Config {
        db: args.db.clone(),
        addr: args.addr.clone(),
        allow_ingest: args.allow_ingest,
        max_body_bytes: args.max_body_kb.saturating_mul(1024),
        timeout: Duration::from_secs(args.timeout_s.max(1)),
    };
    let mode = if args.allow_ingest { "read-write" } else { "read-only" };
    dyad_server::serve(&config, knowledge, |addr| {
        eprintln!("dyad: serving {} ({mode}) on http://{addr}/", args.db.display());
    })
    .with_context(|| format!("serving {}", args.db.display()))
}
