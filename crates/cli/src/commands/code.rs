//! `dyad code`: articles in, event records out.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use dyad_core::dict::coder::DictCoder;
use dyad_core::dict::records::{code_article, CameoToPlover};
use dyad_core::dict::{tabari, Dictionaries, Flavor, Kind};
use dyad_core::gazetteer::Gazetteer;
use dyad_core::render::{explain, table_line};
use dyad_core::wire::{to_csv_row, to_json_line, CSV_HEADER};
use dyad_core::{Coded, Date, Knowledge, Pipeline};

use crate::inputs::{collect, read_source, Item};

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// PLOVER JSON Lines, one record per line (the output contract).
    Jsonl,
    /// The same fields flattened, one row per record.
    Csv,
    /// One readable line per event, for a person at a terminal.
    Table,
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

/// Run `dyad code`.
pub fn run(args: &CodeArgs) -> anyhow::Result<ExitCode> {
    let knowledge = load_knowledge(args.gazetteer.as_deref())?;
    let pipeline = Pipeline::new(&knowledge);
    let dicts = load_dicts(args)?;
    let flavor = if args.project.is_some() || args.dicts.iter().any(|p| !p.to_string_lossy().ends_with(".txt")) {
        Flavor::Tabari
    } else {
        Flavor::Petrarch
    };
    let dict_coder = dicts.as_ref().map(|d| DictCoder::new(d, flavor));
    let plover = CameoToPlover::new(&knowledge);
    let out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(File::create(p).with_context(|| format!("creating {}", p.display()))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    if args.format == OutputFormat::Csv {
        writeln!(out, "{}", CSV_HEADER.join(","))?;
    }
    let mut problems = 0usize;
    let sources = collect(&args.paths, &mut |msg| {
        problems += 1;
        eprintln!("dyad: error: {msg}");
    });
    let mut articles = 0usize;
    let mut events = 0usize;
    let mut write_err: Option<std::io::Error> = None;
    for source in &sources {
        read_source(source, args.date, &mut |item| {
            if write_err.is_some() {
                return;
            }
            match item {
                Item::Problem(msg) => {
                    problems += 1;
                    eprintln!("dyad: error: {msg}");
                }
                Item::Article(article, notes) => {
                    for n in notes {
                        eprintln!("dyad: warning: {n}");
                    }
                    articles += 1;
                    let id = article.id.clone();
                    let report = article.report_date;
                    let coded = match (&dict_coder, args.dict_only) {
                        (Some(dc), true) => Coded {
                            records: code_article(dc, &plover, &article),
                            diagnostics: Vec::new(),
                            sentences: dyad_core::stages::segment::segment(&article.text).1.len(),
                        },
                        (Some(dc), false) => {
                            let extra = code_article(dc, &plover, &article);
                            let mut c = pipeline.run(article);
                            c.records.extend(extra);
                            c.records.sort_by_key(|r| r.sequence);
                            c
                        }
                        (None, _) => pipeline.run(article),
                    };

                    for d in &coded.diagnostics {
                        eprintln!("dyad: {}: {id}: {}: {}", d.severity.as_str(), d.stage, d.message);
                    }
                    events += coded.records.len();
                    let res: std::io::Result<()> = (|| {
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
                        }
                        Ok(())
                    })();
                    if let Err(e) = res {
                        write_err = Some(e);
                    }
                }
            }
        });
    }
    if let Some(e) = write_err {
        return Err(anyhow::Error::new(e).context("writing output"));
    }
    out.flush().context("writing output")?;
    if articles == 0 {
        eprintln!("dyad: error: no article could be read");
        return Ok(ExitCode::from(1));
    }
    if problems > 0 {
        eprintln!("dyad: coded {articles} articles ({events} events); {problems} inputs could not be read");
    }
    Ok(ExitCode::SUCCESS)
}
