//! `dyad dict check FILE...`: read peer dictionaries (PETRARCH2 and TABARI formats) and lint
//! them; every finding is printed as `file:line: what is wrong`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::{Args, Subcommand, ValueEnum};
use dyad_core::dict::{self, Dictionaries, Flavor, Kind};

/// `dyad dict` subcommands.
#[derive(Subcommand, Debug)]
pub enum DictCommand {
    /// Lint dictionaries: malformed lines, duplicate or shadowed patterns, codes that are not
    /// CAMEO, actors listed twice or with overlapping date ranges.
    Check(CheckArgs),
}

/// Dictionary kinds, when the file name does not tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Verbs and patterns.
    Verbs,
    /// Actors.
    Actors,
    /// Agents.
    Agents,
    /// Discards.
    Discards,
    /// Issues.
    Issues,
}

/// Dictionary formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// PETRARCH2 (`.txt` files).
    Petrarch,
    /// TABARI (`.verbs`, `.actors`, `.agents`).
    Tabari,
}

/// Arguments of `dyad dict check`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Dictionary files (the kind and format come from the name: `*.verbs`, `*actors*.txt`, ...).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The kind of every file, when the names do not tell.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// The format of every file, when the names do not tell.
    #[arg(long = "dict-format", value_enum)]
    pub format: Option<FormatArg>,
}

/// Kind and flavor of a file, from the overrides or the name.
pub fn kind_of(path: &Path, kind: Option<KindArg>, format: Option<FormatArg>) -> anyhow::Result<(Kind, Flavor)> {
    let guessed = Kind::from_name(&path.to_string_lossy());
    let kind = match (kind, guessed) {
        (Some(k), _) => match k {
            KindArg::Verbs => Kind::Verbs,
            KindArg::Actors => Kind::Actors,
            KindArg::Agents => Kind::Agents,
            KindArg::Discards => Kind::Discards,
            KindArg::Issues => Kind::Issues,
        },
        (None, Some((k, _))) => k,
        (None, None) => bail!(
            "{}: cannot tell what kind of dictionary this is from its name (use --kind)",
            path.display()
        ),
    };
    let flavor = match (format, guessed) {
        (Some(FormatArg::Petrarch), _) => Flavor::Petrarch,
        (Some(FormatArg::Tabari), _) => Flavor::Tabari,
        (None, Some((_, f))) => f,
        (None, None) => Flavor::Petrarch,
    };
    Ok((kind, flavor))
}

pub fn read_text(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Load dictionary files into one set; malformed lines are reported on stderr as
/// `file:line: what is wrong` (at most `max_report` per file) and skipped.
pub fn load(files: &[(PathBuf, Kind, Flavor)], max_report: usize) -> anyhow::Result<Dictionaries> {
    let mut all = Dictionaries::default();
    for (path, kind, flavor) in files {
        let text = read_text(path)?;
        let (d, problems) = dict::read(*kind, *flavor, &text);
        for p in problems.iter().take(max_report) {
            eprintln!("dyad: warning: {}:{}: {}", path.display(), p.line, p.message);
        }
        if problems.len() > max_report {
            eprintln!(
                "dyad: warning: {}: {} more malformed lines skipped",
                path.display(),
                problems.len() - max_report
            );
        }
        all.merge(d);
    }
    Ok(all)
}

/// Run `dyad dict ...`.
pub fn run(cmd: &DictCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        DictCommand::Check(args) => {
            let mut findings = 0usize;
            for path in &args.files {
                let (kind, flavor) = kind_of(path, args.kind, args.format)?;
                let text = read_text(path)?;
                let found = dict::lint::check(kind, flavor, &text);
                for p in &found {
                    println!("{}:{}: {}", path.display(), p.line, p.message);
                }
                findings += found.len();
            }
            eprintln!("dyad: {findings} findings in {} files", args.files.len());
            Ok(if findings == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
    }
}
