//! `dyad dict check` end to end: findings as `file:line: what is wrong`, exit status 1 when
//! there are findings and 0 when there are none.

use std::path::Path;

mod common;
use common::dyad;

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write fixture");
    p.display().to_string()
}

#[test]
fn check_reports_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let verbs = write(
        dir.path(),
        "my.verbs.txt",
        "--- MEET [040] ---\nMEET\n- * TALKS [036]\n- * TALKS [036]\n- * (FOR [036]\n- * AID [999]\n",
    );
    let actors = write(
        dir.path(),
        "my.actors.txt",
        "ARNOR [ARN]\nGONDOR_KING\n\t[GONGOV 19500101-19700101]\n\t[GONELI 19600101-19800101]\n",
    );
    let o = dyad(&["dict", "check", &verbs, &actors]);
    let out = String::from_utf8(o.stdout).expect("utf-8");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        vec![
            format!("{verbs}:4: duplicate of the pattern on line 3"),
            format!("{verbs}:5: unbalanced parentheses"),
            format!("{verbs}:6: `[999]` is not a CAMEO event code"),
            format!("{actors}:4: date range [GONELI 1960-01-01..1980-01-01] overlaps [GONGOV 1950-01-01..1970-01-01] on line 3"),
        ]
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn clean_file_passes_and_tabari_files_are_recognised() {
    let dir = tempfile::tempdir().expect("temp dir");
    let verbs = write(
        dir.path(),
        "demo.verbs",
        "<SYNSETS>\n&TIES\n+MILITARY\n</SYNSETS>\nRESTORE [064]\n- * &TIES TIES [064]\n",
    );
    let o = dyad(&["dict", "check", &verbs]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "");
    assert_eq!(o.status.code(), Some(0));
    let unknown = write(dir.path(), "mystery.dat", "X [Y]\n");
    let o = dyad(&["dict", "check", &unknown]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--kind"));
    let o = dyad(&["dict", "check", "--kind", "actors", &unknown]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn eval_petrarch_scores_and_diffs() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "t.verbs.txt",
        "--- RESTORE [060] ---\nRESTORE\n- * TIES [064]\n--- ATTACK [190] ---\nATTACK\n",
    );
    write(dir.path(), "t.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\n");
    write(dir.path(), "t.agents.txt", "TROOP [~MIL]\n");
    let xml = write(
        dir.path(),
        "records.xml",
        "<Environment><Verbfile>t.verbs.txt</Verbfile><Actorfile>t.actors.txt</Actorfile><Agentfile>t.agents.txt</Agentfile></Environment>\n\
         <Sentence date=\"19950101\" id=\"A-1\" category=\"A\"><EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"/>\
         <Text>Arnor restored ties with Gondor.</Text></Sentence>\n\
         <Sentence date=\"19950101\" id=\"A-2\" category=\"A\"><EventCoding sourcecode=\"GONMIL\" targetcode=\"ARN\" eventcode=\"190\"/>\
         <Text>Gondor troops attacked Arnor.</Text></Sentence>\n\
         <Sentence date=\"19950101\" id=\"A-3\" category=\"A\"><EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"042\"/>\
         <Text>Arnor attacked Gondor.</Text></Sentence>\n",
    );
    let o = dyad(&["eval", "petrarch", &xml, "--diff", "--min-recall", "60"]);
    let out = String::from_utf8(o.stdout).expect("utf-8");
    assert!(
        out.contains("A-3: Arnor attacked Gondor.\n  MISS expected ARN GON 042\n  EXTRA produced ARN GON 190"),
        "{out}"
    );
    assert!(!out.contains("A-1:"), "{out}");
    assert!(
        out.contains("exact matches 2/3 = 66.7%; produced 3, extra 1 = 33.3% of expected"),
        "{out}"
    );
    assert!(
        out.contains("by CAMEO root (matched/expected): 04:0/1 06:1/1 19:1/1"),
        "{out}"
    );
    assert_eq!(o.status.code(), Some(0));
    let o = dyad(&["eval", "petrarch", &xml, "--min-recall", "70"]);
    assert_eq!(o.status.code(), Some(1));
    let o = dyad(&["eval", "petrarch", &xml, "--max-extra", "10"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn code_with_dictionaries() {
    let dir = tempfile::tempdir().expect("temp dir");
    let verbs = write(dir.path(), "t.verbs.txt", "--- RESTORE [060] ---\nRESTORE\n- * TIES [064]\n");
    let actors = write(dir.path(), "t.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\n");
    let article = write(
        dir.path(),
        "a.txt",
        "Date: 1995-01-01\n\nArnor is about to restore full diplomatic ties with Gondor. Turkish pilots shot down a Russian warplane.\n",
    );
    let o = dyad(&[
        "code",
        "--format",
        "table",
        "--dict-only",
        "--dict",
        &verbs,
        "--dict",
        &actors,
        &article,
    ]);
    let out = String::from_utf8(o.stdout).expect("utf-8");
    assert_eq!(
        out,
        "# a (1995-01-01): 1 events in 2 sentences\n1995-01-01  ARN -> GON  COOPERATE 064  @-  asserted  \"restore\"\n"
    );
    // With the built-in knowledge too: the dictionary's event and the built-in coder's.
    let o = dyad(&["code", "--format", "table", "--dict", &verbs, "--dict", &actors, &article]);
    let out = String::from_utf8(o.stdout).expect("utf-8");
    assert!(out.contains("ARN -> GON  COOPERATE 064"), "{out}");
    assert!(out.contains("TUR MIL -> RUS MIL"), "{out}");
    // --dict-only needs dictionaries.
    let o = dyad(&["code", "--dict-only", &article]);
    assert_eq!(o.status.code(), Some(2));
}
