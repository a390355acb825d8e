//! `dyad ingest` and `dyad query` end to end: the stored record reads back as `dyad code`
//! writes it, re-ingest is idempotent, a changed article replaces its events, and an ingest
//! killed with SIGKILL mid-way finishes on a rerun with exactly the events of a clean run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use dyad_store::Store;

mod common;
use common::dyad;

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "dyad failed: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn sorted_lines(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s.lines().map(str::to_string).collect();
    v.sort();
    v
}

#[test]
fn query_reads_back_what_code_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let db = db.to_str().unwrap();
    let ex = examples();
    let ex = ex.to_str().unwrap();
    let o = dyad(&["ingest", "--db", db, ex]);
    ok(&o);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("4 articles (4 new, 0 replaced, 0 unchanged)"), "{err}");
    for (fmt, explain) in [("jsonl", false), ("jsonl", true), ("csv", false)] {
        let mut code = vec!["code", "--format", fmt, ex];
        let mut query = vec!["query", "--db", db, "--format", fmt];
        if explain {
            code.push("--explain");
            query.push("--explain");
        }
        let coded = ok(&dyad(&code));
        let queried = ok(&dyad(&query));
        assert!(coded.lines().count() > 40);
        assert_eq!(sorted_lines(&queried), sorted_lines(&coded), "{fmt} explain={explain}");
    }
    // Filters and paging on the command line.
    let all = ok(&dyad(&["query", "--db", db]));
    let assault = ok(&dyad(&["query", "--db", db, "--event", "assault"]));
    let n_assault = all.lines().filter(|l| l.contains(r#""event":["ASSAULT"]"#)).count();
    assert!(n_assault > 0);
    assert_eq!(assault.lines().count(), n_assault);
    let page = ok(&dyad(&["query", "--db", db, "--limit", "5", "--offset", "3"]));
    let want: Vec<&str> = all.lines().skip(3).take(5).collect();
    assert_eq!(page.lines().collect::<Vec<_>>(), want);
    // Parquet: the same events, with the contract's columns.
    let pq = dir.path().join("assault.parquet");
    ok(&dyad(&[
        "query",
        "--db",
        db,
        "--event",
        "ASSAULT",
        "--format",
        "parquet",
        "-o",
        pq.to_str().unwrap(),
    ]));
    let reader = parquet::file::reader::SerializedFileReader::new(std::fs::File::open(&pq).unwrap()).unwrap();
    use parquet::file::reader::FileReader;
    let meta = reader.metadata().file_metadata();
    assert_eq!(meta.num_rows() as usize, n_assault);
    let top: Vec<&str> = meta.schema().get_fields().iter().map(|f| f.name()).collect();
    for col in [
        "id",
        "doc_id",
        "date",
        "actor",
        "recipient",
        "event",
        "cameo",
        "event_loc",
        "text",
        "text_info",
        "modality",
    ] {
        assert!(top.contains(&col), "{col} in {top:?}");
    }
    let o = dyad(&["query", "--db", db, "--format", "parquet"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("-o FILE"));
    // Bad filters: a usage error naming the filter, nothing written.
    let bad = dyad(&["query", "--db", db, "--from", "2031-13-01"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("invalid filter `from`"));
    assert!(bad.stdout.is_empty());
    // A missing database is an error, and is not created.
    let missing = dir.path().join("none.db");
    let o = dyad(&["query", "--db", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!missing.exists());
}

#[test]
fn reingest_changes_nothing_and_changed_text_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let db = db.to_str().unwrap();
    let art = dir.path().join("a.txt");
    std::fs::write(
        &art,
        "Date: 2015-11-24\n\nTurkish pilots shot down a Russian warplane on Tuesday. Russia denied the charge.\n",
    )
    .unwrap();
    let art = art.to_str().unwrap();
    ok(&dyad(&["ingest", "--db", db, art]));
    let first = ok(&dyad(&["query", "--db", db]));
    assert_eq!(first.lines().count(), 2);
    let o = dyad(&["ingest", "--db", db, art]);
    ok(&o);
    assert!(String::from_utf8_lossy(&o.stderr).contains("(0 new, 0 replaced, 1 unchanged)"));
    assert_eq!(ok(&dyad(&["query", "--db", db])), first);
    std::fs::write(
        art,
        "Date: 2015-11-24\n\nFrench warplanes bombed Islamic State targets in Raqqa, Syria, on Sunday.\n",
    )
    .unwrap();
    let o = dyad(&["ingest", "--db", db, art]);
    ok(&o);
    assert!(String::from_utf8_lossy(&o.stderr).contains("(0 new, 1 replaced, 0 unchanged)"));
    let now = ok(&dyad(&["query", "--db", db]));
    assert!(now.lines().count() >= 1);
    assert!(now.lines().all(|l| l.contains("Raqqa")), "{now}");
    assert!(!now.contains("Russian warplane"));
}

/// Many articles: the examples repeated as JSONL lines with distinct ids.
fn corpus(path: &Path, copies: usize) -> usize {
    let mut out = String::new();
    let mut n = 0;
    let mut files: Vec<_> = std::fs::read_dir(examples())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for i in 0..copies {
        for f in &files {
            let text = std::fs::read_to_string(f).unwrap();
            let (article, _) = dyad_core::input::read_text("x", &text, None);
            let line = serde_json::json!({
                "id": format!("{}-{i}", f.file_stem().unwrap().to_string_lossy()),
                "date": article.report_date.map(|d| d.to_string()),
                "text": article.text,
            });
            out.push_str(&line.to_string());
            out.push('\n');
            n += 1;
        }
    }
    std::fs::write(path, out).unwrap();
    n
}

fn documents(db: &Path) -> u64 {
    Store::open_read_only(db)
        .and_then(|s| s.stats())
        .map(|s| s.documents)
        .unwrap_or(0)
}

#[test]
fn killed_ingest_resumes_to_exactly_a_clean_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("many.jsonl");
    let total = corpus(&input, 20) as u64;
    let input = input.to_str().unwrap();

    let clean = dir.path().join("clean.db");
    ok(&dyad(&["ingest", "--db", clean.to_str().unwrap(), input]));
    let want = Store::open_read_only(&clean).unwrap().event_ids().unwrap();
    assert_eq!(documents(&clean), total);
    assert!(want.len() > 200, "{}", want.len());

    let killed = dir.path().join("killed.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["ingest", "-j", "1", "--db", killed.to_str().unwrap(), input])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while documents(&killed) < 5 {
        assert!(start.elapsed() < Duration::from_secs(120), "ingest made no progress");
        assert!(child.try_wait().unwrap().is_none(), "ingest ended before it could be killed");
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let partial = documents(&killed);
    assert!(partial >= 5 && partial < total, "killed mid-way: {partial} of {total}");
    // Whatever is stored is whole: every stored article has all its events.
    let store = Store::open_read_only(&killed).unwrap();
    let have = store.event_ids().unwrap();
    for (doc, _) in &have {
        let n_have = have.iter().filter(|(d, _)| d == doc).count();
        let n_want = want.iter().filter(|(d, _)| d == doc).count();
        assert_eq!(n_have, n_want, "article {doc} is whole");
    }
    drop(store);

    let o = dyad(&["ingest", "--db", killed.to_str().unwrap(), input]);
    ok(&o);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("{partial} unchanged)")),
        "the rerun skips what was stored: {err}"
    );
    let got = Store::open_read_only(&killed).unwrap().event_ids().unwrap();
    assert_eq!(got, want, "the resumed database holds exactly the clean run's events");
}
