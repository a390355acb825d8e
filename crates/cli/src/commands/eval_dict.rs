//! `dyad eval petrarch|tabari|plover`: code the peers' validation suites with their own
//! dictionaries and report exact matches (source, target, event code), per CAMEO root, and
//! extra events; `--diff` lists, per record, what was expected and what came out.
//!
//! ```text
//! dyad eval petrarch ../shared/data/petrarch2/text/PETR.UnitTest.records.xml
//! dyad eval tabari ../shared/data/tabari/Validate.project --diff
//! dyad eval plover gold.jsonl --dict my.verbs.txt --dict my.actors.txt
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;
use clap::Args;
use dyad_core::dict::coder::DictCoder;
use dyad_core::dict::suite::{self, Score, Suite};
use dyad_core::dict::{petrarch, tabari, Dictionaries, Flavor, Kind};

use super::dict::{kind_of, load, read_text};

/// Arguments shared by the three suites.
#[derive(Args, Debug)]
pub struct EvalDictArgs {
    /// The suite: PETRARCH XML records, a TABARI .project file, or gold PLOVER JSONL.
    pub file: PathBuf,
    /// Dictionaries to use instead of (petrarch, tabari) or for (plover) the suite's own.
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
    /// List, per record, what was expected and what came out (records with a difference).
    #[arg(long)]
    pub diff: bool,
    /// Fail (exit 1) when exact-match recall (percent) is below this floor.
    #[arg(long, value_name = "PERCENT")]
    pub min_recall: Option<f64>,
    /// Fail (exit 1) when extra events exceed this percentage of the expected ones.
    #[arg(long, value_name = "PERCENT")]
    pub max_extra: Option<f64>,
}

/// Which suite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuiteKind {
    /// PETRARCH XML.
    Petrarch,
    /// TABARI project.
    Tabari,
    /// PLOVER JSONL.
    Plover,
}

fn find_beside(base: &Path, name: &str) -> Option<PathBuf> {
    let dir = base.parent().unwrap_or(Path::new("."));
    [dir.join(name), dir.join("../dictionaries").join(name)]
        .into_iter()
        .find(|p| p.is_file())
}

fn user_dicts(args: &EvalDictArgs) -> anyhow::Result<Dictionaries> {
    let files = args
        .dicts
        .iter()
        .map(|p| kind_of(p, None, None).map(|(k, f)| (p.clone(), k, f)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    load(&files, 10)
}

fn report_problems(path: &Path, problems: &[dyad_core::dict::Problem]) {
    for p in problems.iter().take(20) {
        eprintln!("dyad: warning: {}:{}: {}", path.display(), p.line, p.message);
    }
    if problems.len() > 20 {
        eprintln!("dyad: warning: {}: {} more problems", path.display(), problems.len() - 20);
    }
}

/// Run one suite.
pub fn run(kind: SuiteKind, args: &EvalDictArgs) -> anyhow::Result<ExitCode> {
    let text = read_text(&args.file)?;
    let (suite, dicts, flavor): (Suite, Dictionaries, Flavor) = match kind {
        SuiteKind::Petrarch => {
            let (suite, problems) = suite::parse_petrarch_xml(&text);
            report_problems(&args.file, &problems);
            let dicts = if args.dicts.is_empty() {
                let mut files = Vec::new();
                for (key, k) in [
                    ("Verbfile", Kind::Verbs),
                    ("Actorfile", Kind::Actors),
                    ("Agentfile", Kind::Agents),
                    ("Discardfile", Kind::Discards),
                ] {
                    let Some(name) = suite.environment.get(key) else { continue };
                    match find_beside(&args.file, name) {
                        Some(p) => files.push((p, k, Flavor::Petrarch)),
                        None => bail!(
                            "{}: <{key}> names {name}, which is neither beside it nor in ../dictionaries",
                            args.file.display()
                        ),
                    }
                }
                load(&files, 10)?
            } else {
                user_dicts(args)?
            };
            (suite, dicts, Flavor::Petrarch)
        }
        SuiteKind::Tabari => {
            let (project, problems) = tabari::parse_project(&text);
            report_problems(&args.file, &problems);
            let dir = args.file.parent().unwrap_or(Path::new("."));
            let Some(textfile) = project.get("textfile").first() else {
                bail!("{}: no <textfile>", args.file.display());
            };
            let text_path = dir.join(textfile);
            let (suite, problems) = suite::parse_tabari_text(&read_text(&text_path)?);
            report_problems(&text_path, &problems);
            let dicts = if args.dicts.is_empty() {
                let mut files = Vec::new();
                for (key, k) in [
                    ("verbsfile", Kind::Verbs),
                    ("actorsfile", Kind::Actors),
                    ("agentsfile", Kind::Agents),
                ] {
                    for name in project.get(key) {
                        files.push((dir.join(name), k, Flavor::Tabari));
                    }
                }
                load(&files, 10)?
            } else {
                user_dicts(args)?
            };
            (suite, dicts, Flavor::Tabari)
        }
        SuiteKind::Plover => {
            let (suite, problems) = suite::parse_plover_gold(&text);
            report_problems(&args.file, &problems);
            if args.dicts.is_empty() {
                bail!("dyad eval plover needs the dictionaries to code with (--dict FILE ...)");
            }
            let flavor = args
                .dicts
                .iter()
                .find_map(|p| kind_of(p, None, None).ok())
                .map(|(_, f)| f)
                .unwrap_or(Flavor::Petrarch);
            (suite, user_dicts(args)?, flavor)
        }
    };
    // UniversalPETRARCH (its suites name a PICO file) keeps `A/B/C` actor codes whole.
    let universal = suite.environment.contains_key("PICOfile");
    // PETRARCH2 swaps a passive's roles only with a "by" agent; UniversalPETRARCH does without.
    let mut coder = DictCoder::new(&dicts, flavor)
        .keep_slash_codes(universal)
        .passive_needs_by(flavor == Flavor::Petrarch && !universal);
    // Its PICO file says what a negated verb codes as.
    if let Some(path) = suite
        .environment
        .get("PICOfile")
        .and_then(|name| find_beside(&args.file, name))
    {
        let (pico, problems) = petrarch::parse_pico(&read_text(&path)?);
        report_problems(&path, &problems);
        coder = coder.with_negations(petrarch::pico_negations(&pico));
    }
    let score = suite::score(&suite, &coder);
    let name = match kind {
        SuiteKind::Petrarch => "petrarch",
        SuiteKind::Tabari => "tabari",
        SuiteKind::Plover => "plover",
    };
    if args.diff {
        print_diff(&score);
    }
    print_score(name, &args.file, &suite, &score);
    let mut ok = true;
    if let Some(floor) = args.min_recall {
        if score.recall() + 1e-9 < floor {
            eprintln!(
                "dyad: {name}: exact-match recall {:.1}% is below the floor {floor:.1}%",
                score.recall()
            );
            ok = false;
        }
    }
    if let Some(ceiling) = args.max_extra {
        if score.extra_rate() > ceiling + 1e-9 {
            eprintln!(
                "dyad: {name}: extra events {:.1}% of expected exceed the ceiling {ceiling:.1}%",
                score.extra_rate()
            );
            ok = false;
        }
    }
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn print_diff(score: &Score) {
    for r in &score.results {
        let produced: Vec<_> = r.produced.iter().map(|c| &c.coding).collect();
        let all_found = r.matched == r.expected.len();
        if all_found && produced.len() == r.expected.len() {
            continue;
        }
        println!("{}: {}", r.id, r.text);
        for e in &r.expected {
            let mark = if produced.contains(&e) { "ok  " } else { "MISS" };
            println!("  {mark} expected {} {} {}", e.source, e.target, e.code);
        }
        let label = if r.extras_checked {
            "EXTRA"
        } else {
            "extra (unchecked, -{...})"
        };
        for c in &r.produced {
            if !r.expected.contains(&c.coding) {
                println!(
                    "  {label} produced {} {} {}  (verb {}, line {})",
                    c.coding.source, c.coding.target, c.coding.code, c.verb, c.line
                );
            }
        }
    }
}

fn print_score(name: &str, file: &Path, suite: &Suite, s: &Score) {
    println!(
        "{name} {}: {} records coded ({} skipped), {} expected codings",
        file.display(),
        s.records,
        suite.skipped.len(),
        s.expected
    );
    println!(
        "  exact matches {}/{} = {:.1}%; produced {}, extra {} = {:.1}% of expected",
        s.matched,
        s.expected,
        s.recall(),
        s.produced,
        s.extra,
        s.extra_rate()
    );
    let roots: Vec<String> = s.by_root.iter().map(|(r, (e, m))| format!("{r}:{m}/{e}")).collect();
    println!("  by CAMEO root (matched/expected): {}", roots.join(" "));
}
