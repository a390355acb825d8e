//! `dyad code` on a corpus: the output (every format) and the messages are the same whatever
//! `--jobs`, Parquet holds the same records as JSONL, and JSONL is read line by line.

use std::path::Path;

use arrow_array::{Array, StringArray};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

mod common;
use common::dyad;

/// A folder with the example articles as text files, a JSONL file of many articles with bad
/// lines among them (one with bytes that are not UTF-8), and an empty file.
fn corpus(dir: &Path) -> String {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(&examples).expect("examples") {
        let p = entry.expect("entry").path();
        if p.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&p).expect("example");
            std::fs::write(dir.join(p.file_name().unwrap()), &text).expect("copy");
            texts.push(text);
        }
    }
    texts.sort();
    let mut jsonl = Vec::new();
    for i in 0..30 {
        let text = &texts[i % texts.len()];
        let line = serde_json::json!({"id": format!("n{i}"), "text": text, "date": "2031-03-04"});
        jsonl.extend_from_slice(line.to_string().as_bytes());
        jsonl.push(b'\n');
        if i == 7 {
            jsonl.extend_from_slice(b"not json\n");
        }
        if i == 20 {
            jsonl.extend_from_slice(b"{\"id\":\"bad-bytes\",\"text\":\"Turkish pilots shot down a Russian jet \xff.\"}\n");
        }
    }
    std::fs::write(dir.join("many.jsonl"), jsonl).expect("jsonl");
    std::fs::write(dir.join("empty.txt"), b"").expect("empty");
    dir.display().to_string()
}

#[test]
fn output_and_messages_do_not_depend_on_jobs() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = corpus(tmp.path());
    for format in ["jsonl", "table"] {
        let one = dyad(&["code", "--jobs", "1", "--format", format, "--date", "2031-03-04", &dir]);
        let four = dyad(&["code", "--jobs", "4", "--format", format, "--date", "2031-03-04", &dir]);
        assert!(one.status.success(), "{}", String::from_utf8_lossy(&one.stderr));
        assert!(one.stdout.len() > 10_000, "{format}: events were coded");
        assert!(one.stdout == four.stdout, "{format}: --jobs 1 and --jobs 4 differ");
        assert_eq!(
            String::from_utf8_lossy(&one.stderr),
            String::from_utf8_lossy(&four.stderr),
            "{format}: messages differ"
        );
    }
    let a = tmp.path().join("one.parquet");
    let b = tmp.path().join("four.parquet");
    for (jobs, out) in [("1", &a), ("4", &b)] {
        let o = dyad(&["code", "-j", jobs, "--format", "parquet", "-o", out.to_str().unwrap(), &dir]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    assert!(
        std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(),
        "Parquet differs with --jobs"
    );
}

#[test]
fn bad_lines_are_reported_with_their_line_and_the_rest_is_coded() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = corpus(tmp.path());
    let o = dyad(&["code", "--format", "table", &dir]);
    let err = String::from_utf8_lossy(&o.stderr);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("many.jsonl:9: not valid JSON"), "{err}");
    assert!(err.contains("many.jsonl:23: invalid UTF-8"), "{err}");
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("2 inputs could not be read"), "{err}");
    assert_eq!(
        out.matches("\n# n").count() + usize::from(out.starts_with("# n")),
        30,
        "{out}"
    );
    assert!(out.contains("# bad-bytes"), "{out}");
}

#[test]
fn parquet_holds_the_jsonl_records() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = corpus(tmp.path());
    let jsonl = dyad(&["code", "--date", "2031-03-04", &dir]);
    let ids: Vec<String> = String::from_utf8(jsonl.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let out = tmp.path().join("events.parquet");
    let o = dyad(&[
        "code",
        "--date",
        "2031-03-04",
        "--format",
        "parquet",
        "-o",
        out.to_str().unwrap(),
        &dir,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let reader = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(std::fs::read(&out).unwrap()))
        .unwrap()
        .build()
        .unwrap();
    let mut got = Vec::new();
    for batch in reader {
        let batch = batch.unwrap();
        let col = batch.column_by_name("id").unwrap();
        let col = col.as_any().downcast_ref::<StringArray>().expect("id is a string column");
        got.extend(col.iter().map(|v| v.unwrap().to_string()));
    }
    assert!(ids.len() > 50, "events were coded ({})", ids.len());
    assert_eq!(got, ids, "Parquet rows are the JSONL records, in order");
}
