//! `dyad code` end to end: formats, inputs, bad input, exit codes, stable ids.

use std::path::Path;
use std::process::Output;

const ARTICLE: &str = "Turkish pilots shot down a Russian warplane on Tuesday. Russia denied the charge.";

mod common;
use common::dyad_with_input as dyad;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p.display().to_string()
}

#[test]
fn jsonl_follows_the_contract() {
    let o = dyad(&["code", "--date", "2015-11-24"], Some(ARTICLE.as_bytes()));
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    let first = &lines[0];
    for field in [
        "id",
        "doc_id",
        "date",
        "date_text",
        "report_date",
        "actor",
        "recipient",
        "event",
        "mode",
        "context",
        "cameo",
        "event_text",
        "event_loc",
        "text",
        "text_info",
        "modality",
        "attribution",
        "coder",
        "rule",
    ] {
        assert!(first.get(field).is_some(), "missing field {field} in {first}");
    }
    assert_eq!(first["actor"][0]["code"], "TUR");
    assert_eq!(first["recipient"][0]["code"], "RUS");
    assert_eq!(first["event"][0], "ASSAULT");
    assert_eq!(first["date"], "2015-11-24");
    assert_eq!(first["text_info"]["start"], 0);
    assert_eq!(lines[1]["event"][0], "REJECT");
    assert_eq!(lines[1]["actor"][0]["code"], "RUS");
    assert_eq!(lines[1]["recipient"], serde_json::json!([]));
}

#[test]
fn ids_are_stable_and_explain_adds_evidence() {
    let a = dyad(&["code", "--date", "2015-11-24"], Some(ARTICLE.as_bytes()));
    let b = dyad(&["code", "--date", "2015-11-24", "--explain"], Some(ARTICLE.as_bytes()));
    let ids = |o: &Output| {
        stdout(o)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json")["id"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b));
    let first: serde_json::Value = serde_json::from_str(stdout(&b).lines().next().expect("a line")).expect("json");
    let fields: Vec<&str> = first["evidence"]
        .as_array()
        .expect("evidence list")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert!(
        fields.contains(&"event") && fields.contains(&"actor") && fields.contains(&"date"),
        "{fields:?}"
    );
}

#[test]
fn csv_and_table_formats() {
    let o = dyad(&["code", "--date", "2015-11-24", "--format", "csv"], Some(ARTICLE.as_bytes()));
    let out = stdout(&o);
    let mut lines = out.lines();
    assert!(lines.next().expect("header").starts_with("id,doc_id,date,"));
    assert!(lines.next().expect("row").contains(",TUR,MIL,Turkish pilots,"));
    let o = dyad(
        &["code", "--date", "2015-11-24", "--format", "table", "--explain"],
        Some(ARTICLE.as_bytes()),
    );
    let out = stdout(&o);
    assert!(out.contains("2015-11-24  TUR MIL -> RUS MIL  ASSAULT/aerial 190"), "{out}");
    assert!(out.contains("lexicon events.txt:"), "{out}");
}

#[test]
fn folders_html_jsonl_and_bad_input_in_one_batch() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::create_dir(d.join("sub")).expect("mkdir");
    write(d, "a.txt", b"Date: 2015-11-24\n\nRussia denied the charge.");
    write(d, "sub/b.html", b"<html><script>Russia denied it.</script><nav>France met with Russia</nav><article><p>Turkish pilots shot down a Russian warplane.</p></article>");
    write(d, "c.jsonl", b"{\"id\":\"j1\",\"date\":\"2015-11-23\",\"text\":\"France met with Russia on Monday.\"}\nnot json\n{\"id\":\"j3\"}\n\n{\"id\":\"j4\",\"text\":\"\"}\n");
    write(d, "empty.txt", b"");
    write(
        d,
        "latin1.txt",
        b"Turkish pilots shot down a Russian warplane near Kilis \xe9.",
    );
    let o = dyad(
        &[
            "code",
            "--date",
            "2015-11-24",
            "--format",
            "table",
            d.to_str().expect("utf-8 path"),
        ],
        None,
    );
    let out = stdout(&o);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("# a (2015-11-24)"), "{out}");
    assert!(out.contains("# b (2015-11-24)"), "{out}");
    assert!(!out.contains("France met"), "navigation and scripts are not coded: {out}");
    assert!(
        out.contains("# j1 (2015-11-23)") && out.contains("2015-11-23  FRA -> RUS  CONSULT"),
        "{out}"
    );
    assert!(out.contains("# latin1"), "{out}");
    assert!(err.contains("c.jsonl:2: not valid JSON"), "{err}");
    assert!(err.contains("c.jsonl:3: no string field `text`"), "{err}");
    assert!(err.contains("c.jsonl:5: empty `text`"), "{err}");
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("latin1.txt:1: invalid UTF-8"), "{err}");
}

#[test]
fn exit_status_is_nonzero_only_when_nothing_was_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = write(dir.path(), "empty.txt", b"");
    let o = dyad(&["code", &empty], None);
    assert_eq!(o.status.code(), Some(1));
    let o = dyad(&["code", "/no/such/file.txt"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/no/such/file.txt: no such file"));
    let o = dyad(&["code", "--date", "2015-13-45"], Some(b"x"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a date"));
}

#[test]
fn a_ten_megabyte_article_is_coded() {
    let mut big = String::new();
    while big.len() < 10_000_000 {
        big.push_str("Turkish pilots shot down a Russian warplane near the border on Tuesday. ");
        big.push_str("Officials met in a building with no name, and nothing else happened there at all.\n");
    }
    let o = dyad(&["code", "--date", "2015-11-24", "--explain"], Some(big.as_bytes()));
    assert!(o.status.success(), "{}", stderr(&o));
    // The act told 60,000 times is one record, whose list of retellings stays bounded.
    let out = stdout(&o);
    let records: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(records.len(), 1, "{out:.2000}");
    assert_eq!(records[0]["actor"][0]["code"], "TUR");
    let retold = records[0]["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .filter(|e| e["field"] == "retold")
        .count();
    assert_eq!(retold, 8);
}

#[test]
fn user_gazetteer_is_consulted_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let row = "9999999\tZorvath\tZorvath\t\t12.5\t44.25\tP\tPPL\tYE\t\t01\t\t\t\t50000\t\t\tAsia/Aden\t2020-01-01\n";
    let g = write(dir.path(), "cities.txt", format!("{row}broken line\n").as_bytes());
    let o = dyad(
        &["code", "--date", "2015-11-24", "--gazetteer", &g],
        Some(b"Turkish pilots shot down a Russian warplane in Zorvath."),
    );
    let out = stdout(&o);
    assert!(out.contains("\"geonameid\":9999999"), "{out}");
    assert!(stderr(&o).contains("cities.txt:2:"), "{}", stderr(&o));
}

#[test]
fn eval_stories_scores_a_labelled_corpus_and_checks_floors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = "text,label,mode\n\
               \"Kenyan police arrested 20 protesters in Nairobi on Monday.\",COERCE,ARREST\n\
               \"The weather in Nairobi was mild all week.\",AID,\n\
               \"A broken row with no label\",,\n";
    let path = write(dir.path(), "stories.csv", csv.as_bytes());
    let o = dyad(&["eval", "stories", &path, "--misses", "--min-recall", "0.5"], None);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}\n{}", stderr(&o));
    assert!(out.contains("2 stories"), "{out}");
    assert!(out.lines().any(|l| l.starts_with("overall") && l.contains("50.0%")), "{out}");
    assert!(out.contains("missed AID: 1") && out.contains("row 2:"), "{out}");
    assert!(stderr(&o).contains("row 3: no label"), "{}", stderr(&o));
    let o = dyad(&["eval", "stories", &path, "--min-recall", "0.9"], None);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("below the floor"), "{}", stderr(&o));
    let o = dyad(&["eval", "stories", &write(dir.path(), "empty.csv", b"text,label\n")], None);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}
