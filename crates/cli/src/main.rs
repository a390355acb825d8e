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
