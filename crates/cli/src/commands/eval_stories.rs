//! `dyad eval stories`: codes every story of a document-labelled corpus and reports, per
//! PLOVER type and overall, how often dyad coded an event of the story's labelled type (and
//! mode), with figures that show what that recall costs: events per story, stories with no
//! event, events whose actor or recipient has no code.
//!
//! ```text
//! dyad eval stories corpus.csv.zip                     # CSV (zipped or not): text, label, mode
//! dyad eval stories corpus.jsonl --misses              # JSONL: {"text", "label", "mode"?}
//! dyad eval stories corpus.csv --min-recall 0.9        # exits 1 below a floor
//! ```
//!
//! A story counts as found for its type when any of its records carries the labelled PLOVER
//! type, and as found for its mode when such a record also carries the labelled mode. Labels
//! are compared case-insensitively; two misspelt corpus modes are read as the PLOVER modes they
//! mean (`siege`/`sieze` as `seize`, `primative` as `primitive`), `assassinate` as `targeted`
//! (the PLOVER mode for assassinations), and modes PLOVER does not define (`massacre`,
//! `cleansing`) count for the type only.
//!
//! A story the pipeline could not code (an internal error: a bug) is listed by its place in the
//! corpus and makes the run exit with status 1, floors or not: such a story would otherwise
//! count as a plain miss.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use dyad_core::record::EventRecord;
use dyad_core::{Article, Knowledge, Pipeline};

/// Arguments of `dyad eval stories`.
#[derive(Debug, clap::Args)]
pub struct EvalStoriesArgs {
    /// The corpus: CSV with a header (columns `text`, `label`, optional `mode`, `id`), a zip
    /// holding one such CSV or JSONL file, or JSONL with the same keys.
    pub file: PathBuf,
    /// List, per type, the stories in which no event of the labelled type was coded.
    #[arg(long)]
    pub misses: bool,
    /// Like --misses, for stories whose type was found but whose labelled mode was not.
    #[arg(long)]
    pub mode_misses: bool,
    /// Only the stories of this PLOVER type (repeatable).
    #[arg(long = "type", value_name = "TYPE")]
    pub types: Vec<String>,
    /// Code only the first N stories.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Exit with status 1 when overall type recall is below this share (0-1).
    #[arg(long, value_name = "SHARE")]
    pub min_recall: Option<f64>,
    /// Exit with status 1 when any type's recall is below this share.
    #[arg(long, value_name = "SHARE")]
    pub min_type_recall: Option<f64>,
    /// Exit with status 1 when mode recall is below this share.
    #[arg(long, value_name = "SHARE")]
    pub min_mode_recall: Option<f64>,
    /// Exit with status 1 when the share of events with a missing or uncoded actor is above this.
    #[arg(long, value_name = "SHARE")]
    pub max_uncoded_actor: Option<f64>,
    /// Exit with status 1 when events per story exceed this number.
    #[arg(long, value_name = "N")]
    pub max_events_per_story: Option<f64>,
}

/// One labelled story.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// Where it is: "row N" (CSV record N after the header) or "line N" (JSONL).
    pub place: String,
    /// Its id column, when the corpus has one.
    pub id: Option<String>,
    /// The text.
    pub text: String,
    /// PLOVER event type, upper case.
    pub label: String,
    /// PLOVER mode (lower case) when labelled and defined by PLOVER.
    pub mode: Option<String>,
    /// A labelled mode PLOVER does not define (counts for the type only).
    pub odd_mode: Option<String>,
}

/// Reads the corpus from bytes; `name` picks the format (`.zip`, `.csv`, `.jsonl`). Rows that
/// cannot be read are reported as `place: problem` and skipped.
pub fn read_stories(name: &str, bytes: &[u8]) -> anyhow::Result<(Vec<Story>, Vec<String>)> {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".zip") {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).context("not a readable zip archive")?;
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).with_context(|| format!("zip entry {i}"))?;
            let inner = entry.name().to_string();
            let l = inner.to_ascii_lowercase();
            if entry.is_dir() || l.starts_with("__macosx/") || !(l.ends_with(".csv") || l.ends_with(".jsonl")) {
                continue;
            }
            let mut data = Vec::new();
            entry
                .read_to_end(&mut data)
                .with_context(|| format!("reading {inner} from the zip"))?;
            return read_stories(&inner, &data).with_context(|| format!("in {inner}"));
        }
        bail!("the zip archive holds no .csv or .jsonl file");
    }
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") || lower.ends_with(".json") {
        return Ok(read_jsonl(bytes));
    }
    read_csv(bytes)
}

fn read_csv(bytes: &[u8]) -> anyhow::Result<(Vec<Story>, Vec<String>)> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = rdr.headers().context("no CSV header")?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (Some(text), Some(label)) = (col("text"), col("label")) else {
        bail!(
            "the CSV header needs `text` and `label` columns (found: {})",
            headers.iter().collect::<Vec<_>>().join(", ")
        );
    };
    let (mode, id) = (col("mode"), col("id"));
    let mut stories = Vec::new();
    let mut problems = Vec::new();
    for (i, rec) in rdr.byte_records().enumerate() {
        let place = format!("row {}", i + 1);
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("{place}: {e}"));
                continue;
            }
        };
        let field = |c: Option<usize>| c.and_then(|c| rec.get(c)).map(|b| String::from_utf8_lossy(b).into_owned());
        match story(place.clone(), field(Some(text)), field(Some(label)), field(mode), field(id)) {
            Ok(s) => stories.push(s),
            Err(p) => problems.push(format!("{place}: {p}")),
        }
    }
    Ok((stories, problems))
}

fn read_jsonl(bytes: &[u8]) -> (Vec<Story>, Vec<String>) {
    let text = String::from_utf8_lossy(bytes);
    let mut stories = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let place = format!("line {}", i + 1);
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("{place}: not JSON: {e}"));
                continue;
            }
        };
        let get = |k: &str| match v.get(k) {
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        match story(place.clone(), get("text"), get("label"), get("mode"), get("id")) {
            Ok(s) => stories.push(s),
            Err(p) => problems.push(format!("{place}: {p}")),
        }
    }
    (stories, problems)
}

fn story(
    place: String,
    text: Option<String>,
    label: Option<String>,
    mode: Option<String>,
    id: Option<String>,
) -> Result<Story, String> {
    let text = text.filter(|t| !t.trim().is_empty()).ok_or("no text")?;
    let label = label
        .map(|l| l.trim().to_ascii_uppercase())
        .filter(|l| !l.is_empty())
        .ok_or("no label")?;
    if !dyad_core::knowledge::lexicon::PLOVER_EVENTS.contains(&label.as_str()) {
        return Err(format!("`{label}` is not a PLOVER event type"));
    }
    let (mode, odd_mode) = match mode.map(|m| m.trim().to_ascii_lowercase()).filter(|m| !m.is_empty()) {
        None => (None, None),
        Some(m) => {
            let m = match m.as_str() {
                "sieze" | "siege" => "seize".to_string(),
                "primative" => "primitive".to_string(),
                "assassinate" => "targeted".to_string(),
                _ => m,
            };
            if dyad_core::knowledge::lexicon::is_plover_mode(&label, &m) {
                (Some(m), None)
            } else {
                (None, Some(m))
            }
        }
    };
    Ok(Story {
        place,
        id: id.filter(|i| !i.trim().is_empty()),
        text,
        label,
        mode,
        odd_mode,
    })
}

/// Tallies for one type (or all).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Tally {
    /// Stories.
    pub stories: usize,
    /// Stories with an event of the labelled type.
    pub found: usize,
    /// Stories with a PLOVER mode labelled.
    pub mode_stories: usize,
    /// Of those, stories with an event of the labelled type and mode.
    pub mode_found: usize,
    /// Events coded in these stories.
    pub events: usize,
}

/// The whole score.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Score {
    /// Per PLOVER type.
    pub types: BTreeMap<String, Tally>,
    /// All stories.
    pub all: Tally,
    /// Stories with no event at all.
    pub empty: usize,
    /// Events whose actor is missing or uncoded, or whose recipient is uncoded.
    pub uncoded: usize,
    /// Events whose actor is missing or uncoded.
    pub uncoded_actor: usize,
    /// Stories whose mode label PLOVER does not define.
    pub odd_modes: usize,
}

/// What coding one story gave, for the score and the list of misses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    /// An event of the labelled type.
    pub type_hit: bool,
    /// An event of the labelled type and mode (false when no mode is labelled).
    pub mode_hit: bool,
}

fn uncoded_actor(r: &EventRecord) -> bool {
    r.actor.is_empty() || r.actor.iter().any(|e| e.code.is_empty())
}

fn uncoded(r: &EventRecord) -> bool {
    r.actor.is_empty() || r.actor.iter().chain(&r.recipient).any(|e| e.code.is_empty())
}

impl Score {
    /// Adds one coded story.
    pub fn add(&mut self, story: &Story, records: &[EventRecord]) -> Outcome {
        let type_hit = records.iter().any(|r| r.event.contains(&story.label));
        let mode_hit = story.mode.as_ref().is_some_and(|m| {
            records
                .iter()
                .any(|r| r.event.contains(&story.label) && r.mode.iter().any(|x| x.eq_ignore_ascii_case(m)))
        });
        let t = self.types.entry(story.label.clone()).or_default();
        for t in [t, &mut self.all] {
            t.stories += 1;
            t.found += usize::from(type_hit);
            t.events += records.len();
            if story.mode.is_some() {
                t.mode_stories += 1;
                t.mode_found += usize::from(mode_hit);
            }
        }
        self.empty += usize::from(records.is_empty());
        self.uncoded += records.iter().filter(|r| uncoded(r)).count();
        self.uncoded_actor += records.iter().filter(|r| uncoded_actor(r)).count();
        self.odd_modes += usize::from(story.odd_mode.is_some());
        Outcome { type_hit, mode_hit }
    }

    /// Overall type recall.
    pub fn recall(&self) -> f64 {
        share(self.all.found, self.all.stories)
    }

    /// Mode recall over stories with a PLOVER mode.
    pub fn mode_recall(&self) -> f64 {
        share(self.all.mode_found, self.all.mode_stories)
    }

    /// Events per story.
    pub fn events_per_story(&self) -> f64 {
        self.all.events as f64 / self.all.stories.max(1) as f64
    }

    /// Share of events with a missing or uncoded actor.
    pub fn uncoded_actor_share(&self) -> f64 {
        share(self.uncoded_actor, self.all.events)
    }
}

fn share(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        "-".into()
    } else {
        format!("{:.1}%", 100.0 * n as f64 / d as f64)
    }
}

/// The report table.
pub fn render(score: &Score) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "{:<10} {:>7} {:>8} {:>11} {:>8} {:>13}\n",
        "type", "stories", "recall", "mode-labels", "mode", "events/story"
    ));
    let row = |name: &str, t: &Tally| {
        format!(
            "{:<10} {:>7} {:>8} {:>11} {:>8} {:>13.2}\n",
            name,
            t.stories,
            pct(t.found, t.stories),
            t.mode_stories,
            pct(t.mode_found, t.mode_stories),
            t.events as f64 / t.stories.max(1) as f64
        )
    };
    for (k, t) in &score.types {
        s.push_str(&row(k, t));
    }
    s.push_str(&row("overall", &score.all));
    s.push_str(&format!(
        "stories with no event: {} ({}); of {} events, {} with an uncoded actor, {} with an uncoded actor or recipient\n",
        score.empty,
        pct(score.empty, score.all.stories),
        score.all.events,
        pct(score.uncoded_actor, score.all.events),
        pct(score.uncoded, score.all.events)
    ));
    if score.odd_modes > 0 {
        s.push_str(&format!(
            "{} stories carry a mode PLOVER does not define; they count for their type only\n",
            score.odd_modes
        ));
    }
    s
}

/// The first sentence of a story, roughly (for the list of misses), at most 200 characters.
fn first_sentence(text: &str) -> String {
    let t = text.trim();
    let end = t
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && t[i + 1..].starts_with(char::is_whitespace) && i > 20)
        .map_or(t.len(), |(i, _)| i + 1);
    let s: String = t[..end].split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > 200 {
        format!("{}…", s.chars().take(200).collect::<String>())
    } else {
        s
    }
}

/// Runs `dyad eval stories`.
pub fn run(args: &EvalStoriesArgs) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let name = args.file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let (mut stories, problems) =
        read_stories(name, &bytes).with_context(|| format!("cannot read stories from {}", args.file.display()))?;
    for p in problems.iter().take(20) {
        eprintln!("dyad: warning: {}: {p}", display(&args.file));
    }
    if problems.len() > 20 {
        eprintln!(
            "dyad: warning: {}: {} more unreadable rows skipped",
            display(&args.file),
            problems.len() - 20
        );
    }
    if !args.types.is_empty() {
        let want: Vec<String> = args.types.iter().map(|t| t.to_ascii_uppercase()).collect();
        stories.retain(|s| want.contains(&s.label));
    }
    if let Some(n) = args.limit {
        stories.truncate(n);
    }
    if stories.is_empty() {
        bail!("{}: no stories to score", display(&args.file));
    }
    let knowledge = Knowledge::builtin().context("loading the built-in knowledge")?;
    let pipeline = Pipeline::new(&knowledge);
    let mut score = Score::default();
    let mut misses: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut not_coded: Vec<String> = Vec::new();
    for story in &stories {
        let coded = pipeline.run(Article::new(story.place.clone(), None, story.text.clone()));
        if let Some(why) = coded.internal_error() {
            not_coded.push(format!("  {}: {why}", story.place));
        }
        let out = score.add(story, &coded.records);
        let missed = !out.type_hit && args.misses || out.type_hit && story.mode.is_some() && !out.mode_hit && args.mode_misses;
        if missed {
            let mut got: Vec<String> = coded
                .records
                .iter()
                .map(|r| {
                    let mut e = r.event.join("+");
                    if e.is_empty() {
                        e = format!("cameo {}", r.cameo);
                    }
                    if !r.mode.is_empty() {
                        e = format!("{e}/{}", r.mode.join("+"));
                    }
                    e
                })
                .collect();
            got.sort();
            got.dedup();
            let label = match &story.mode {
                Some(m) => format!("{}/{m}", story.label),
                None => story.label.clone(),
            };
            let id = story.id.as_ref().map(|i| format!(" ({i})")).unwrap_or_default();
            let label = if out.type_hit {
                format!("mode {label} (type found)")
            } else {
                label
            };
            misses.entry(label).or_default().push(format!(
                "  {}{id}: {}\n      coded: {}",
                story.place,
                first_sentence(&story.text),
                if got.is_empty() {
                    "nothing".to_string()
                } else {
                    got.join(", ")
                }
            ));
        }
    }
    println!("{} stories from {}", stories.len(), display(&args.file));
    print!("{}", render(&score));
    for (label, list) in &misses {
        println!("\nmissed {label}: {}", list.len());
        for m in list {
            println!("{m}");
        }
    }
    let mut failed = Vec::new();
    if !not_coded.is_empty() {
        println!("\nnot coded (internal error, a bug): {}", not_coded.len());
        for n in &not_coded {
            println!("{n}");
        }
        failed.push(format!("{} stories could not be coded (internal error)", not_coded.len()));
    }
    if let Some(f) = args.min_recall {
        if score.recall() < f {
            failed.push(format!("type recall {:.3} is below the floor {f}", score.recall()));
        }
    }
    if let Some(f) = args.min_type_recall {
        for (k, t) in &score.types {
            if share(t.found, t.stories) < f {
                failed.push(format!("{k} recall {:.3} is below the floor {f}", share(t.found, t.stories)));
            }
        }
    }
    if let Some(f) = args.min_mode_recall {
        if score.mode_recall() < f {
            failed.push(format!("mode recall {:.3} is below the floor {f}", score.mode_recall()));
        }
    }
    if let Some(c) = args.max_uncoded_actor {
        if score.uncoded_actor_share() > c {
            failed.push(format!(
                "uncoded-actor share {:.3} is above the ceiling {c}",
                score.uncoded_actor_share()
            ));
        }
    }
    if let Some(c) = args.max_events_per_story {
        if score.events_per_story() > c {
            failed.push(format!(
                "{:.2} events per story is above the ceiling {c}",
                score.events_per_story()
            ));
        }
    }
    for f in &failed {
        eprintln!("dyad: {f}");
    }
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_quoted_newlines_labels_and_bad_rows() {
        let csv = "id,text,label,mode\n\
                   a,\"Line one.\nLine two, with a comma.\",protest,DEMO\n\
                   b,Some text.,NOT_A_TYPE,\n\
                   c,,ASSAULT,\n\
                   d,Troops fired.,ASSAULT,MASSACRE\n\
                   e,They took the port.,COERCE,SIEZE\n";
        let (stories, problems) = read_stories("x.csv", csv.as_bytes()).unwrap();
        assert_eq!(stories.len(), 3, "{stories:?}");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("row 2:") && problems[0].contains("NOT_A_TYPE"));
        assert!(problems[1].starts_with("row 3:") && problems[1].contains("no text"));
        assert_eq!(stories[0].text, "Line one.\nLine two, with a comma.");
        assert_eq!(
            (stories[0].label.as_str(), stories[0].mode.as_deref()),
            ("PROTEST", Some("demo"))
        );
        assert_eq!(stories[0].id.as_deref(), Some("a"));
        assert_eq!(
            (stories[1].mode.as_deref(), stories[1].odd_mode.as_deref()),
            (None, Some("massacre"))
        );
        assert_eq!(stories[2].mode.as_deref(), Some("seize"));
    }

    #[test]
    fn missing_columns_are_an_error() {
        let err = read_stories("x.csv", b"body,label\nhello,AID\n").unwrap_err();
        assert!(format!("{err:#}").contains("`text`"), "{err:#}");
    }

    #[test]
    fn jsonl_and_zip() {
        let jsonl =
            "{\"text\":\"A.\",\"label\":\"AID\"}\nnot json\n\n{\"text\":\"B.\",\"label\":\"RETREAT\",\"mode\":\"resign\"}\n";
        let (stories, problems) = read_stories("x.jsonl", jsonl.as_bytes()).unwrap();
        assert_eq!(stories.len(), 2);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("line 2:"));
        assert_eq!(stories[1].mode.as_deref(), Some("resign"));

        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
            w.start_file("notes.txt", opts).unwrap();
            std::io::Write::write_all(&mut w, b"ignored").unwrap();
            w.start_file("stories.jsonl", opts).unwrap();
            std::io::Write::write_all(&mut w, jsonl.as_bytes()).unwrap();
            w.finish().unwrap();
        }
        let (zipped, _) = read_stories("x.zip", buf.get_ref()).unwrap();
        assert_eq!(zipped, stories);
        assert!(read_stories("x.zip", b"PK not really").is_err());
    }

    #[test]
    fn score_counts_type_mode_empty_and_uncoded() {
        let k = Knowledge::builtin().unwrap();
        let p = Pipeline::new(&k);
        let story = |text: &str, label: &str, mode: Option<&str>| Story {
            place: "row 1".into(),
            id: None,
            text: text.into(),
            label: label.into(),
            mode: mode.map(str::to_string),
            odd_mode: None,
        };
        let stories = [
            story("Israeli jets bombed Gaza on Monday.", "ASSAULT", Some("aerial")),
            story("Israeli jets bombed Gaza on Monday.", "ASSAULT", Some("drone")),
            story("The weather was mild.", "AID", None),
        ];
        let mut score = Score::default();
        let mut outs = Vec::new();
        for s in &stories {
            let coded = p.run(Article::new("s", None, s.text.clone()));
            outs.push(score.add(s, &coded.records));
        }
        assert_eq!(
            outs[0],
            Outcome {
                type_hit: true,
                mode_hit: true
            }
        );
        assert_eq!(
            outs[1],
            Outcome {
                type_hit: true,
                mode_hit: false
            }
        );
        assert_eq!(
            outs[2],
            Outcome {
                type_hit: false,
                mode_hit: false
            }
        );
        assert_eq!(score.all.stories, 3);
        assert_eq!((score.all.found, score.all.mode_stories, score.all.mode_found), (2, 2, 1));
        assert_eq!(score.empty, 1);
        assert_eq!(score.types["ASSAULT"].found, 2);
        assert_eq!(score.types["AID"].found, 0);
        assert!((score.recall() - 2.0 / 3.0).abs() < 1e-9);
        assert!(score.uncoded_actor <= score.uncoded && score.uncoded <= score.all.events);
        let table = render(&score);
        assert!(table.contains("overall") && table.contains("66.7%"), "{table}");
    }

    #[test]
    fn an_article_the_pipeline_could_not_code_is_an_internal_error() {
        struct Panics;
        impl dyad_core::Stage for Panics {
            fn name(&self) -> &'static str {
                "panics"
            }
            fn run(&self, doc: &mut dyad_core::Doc, _diag: &mut dyad_core::Diagnostics) {
                if doc.text().contains("boom") {
                    panic!("a test bug");
                }
            }
        }
        let k = Knowledge::builtin().unwrap();
        let mut p = Pipeline::new(&k);
        p.push_stage(Box::new(Panics));
        let bad = p.run(Article::new("s", None, "boom. Israeli jets bombed Gaza."));
        assert!(
            bad.internal_error().is_some_and(|m| m.contains("a test bug")),
            "{:?}",
            bad.diagnostics
        );
        let good = p.run(Article::new("s", None, "Israeli jets bombed Gaza."));
        assert_eq!(good.internal_error(), None);
        assert!(!good.records.is_empty());
    }

    #[test]
    fn first_sentence_is_short_and_whole() {
        assert_eq!(
            first_sentence("  U.S. officials met on Monday. Then more.  "),
            "U.S. officials met on Monday."
        );
        assert!(first_sentence(&"word ".repeat(100)).ends_with('…'));
    }
}
