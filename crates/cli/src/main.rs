//! The `dyad` command.

mod commands;
mod inputs;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turn news reports into political event data: who did what to whom, where and when.
#[derive(Parser, Debug)]
#[command(name = "dyad", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Code articles into PLOVER/CAMEO event records.
    Code(commands::code::CodeArgs),
    /// Code articles into the embedded database (resumable; unchanged articles are skipped).
    Ingest(commands::ingest::IngestArgs),
    /// Read events from the database, filtered, as PLOVER JSONL, CSV or Parquet.
    Query(Box<commands::query::QueryArgs>),
    /// Serve the database over HTTP: a JSON API and a web page.
    Serve(commands::serve::ServeArgs),
    /// Train a part-of-speech tagger or dependency parser from CoNLL-U.
    Train(commands::train::TrainArgs),
    /// Peer dictionaries (PETRARCH2, TABARI).
    Dict {
        #[command(subcommand)]
        what: commands::dict::DictCommand,
    },
    /// Score against gold data.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
}

#[derive(Subcommand, Debug)]
enum EvalCommand {
    /// UPOS, XPOS, UAS and LAS of the tagger and parser on a gold CoNLL-U file (CoNLL 2018 scoring).
    Ud(commands::eval_ud::EvalUdArgs),
    /// Recall per PLOVER type and mode on a document-labelled corpus (CSV, zipped CSV or JSONL).
    Stories(commands::eval_stories::EvalStoriesArgs),
    /// PETRARCH validation records (XML) coded with their own dictionaries: exact matches and extra events.
    Petrarch(commands::eval_dict::EvalDictArgs),
    /// A TABARI project's validation text coded with the dictionaries it names.
    Tabari(commands::eval_dict::EvalDictArgs),
    /// Gold events in PLOVER JSONL coded with the given dictionaries (--dict).
    Plover(commands::eval_dict::EvalDictArgs),
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => commands::code::run(&args),
        Command::Dict { what } => commands::dict::run(&what),
        Command::Ingest(args) => commands::ingest::run(&args),
        Command::Query(args) => commands::query::run(&args).map(|()| ExitCode::SUCCESS),
        Command::Serve(args) => commands::serve::run(&args).map(|()| ExitCode::SUCCESS),
        Command::Train(args) => commands::train::run(&args).map(|()| ExitCode::SUCCESS),
        Command::Eval {
            what: EvalCommand::Ud(args),
        } => commands::eval_ud::run(&args).map(|()| ExitCode::SUCCESS),
        Command::Eval {
            what: EvalCommand::Stories(args),
        } => commands::eval_stories::run(&args),
        Command::Eval {
            what: EvalCommand::Petrarch(args),
        } => commands::eval_dict::run(commands::eval_dict::SuiteKind::Petrarch, &args),
        Command::Eval {
            what: EvalCommand::Tabari(args),
        } => commands::eval_dict::run(commands::eval_dict::SuiteKind::Tabari, &args),
        Command::Eval {
            what: EvalCommand::Plover(args),
        } => commands::eval_dict::run(commands::eval_dict::SuiteKind::Plover, &args),
    };
    match result {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dyad: {err:#}");
            ExitCode::from(2)
        }
    }
}
