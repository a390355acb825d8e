//! Golden files: the team's example articles (`examples/*.txt`) with their coded output, one
//! readable line per event, checked by a person. After a deliberate change, rewrite them with
//! `DYAD_BLESS=1 cargo test -p dyad-core --test golden` and review the diff before committing.

mod common;

use dyad_core::input::read_text;
use dyad_core::render::table_line;
use dyad_core::Pipeline;

fn render(name: &str, text: &str) -> String {
    let (article, issues) = read_text(name, text, None);
    assert!(issues.is_empty(), "{name}: {issues:?}");
    let coded = Pipeline::new(common::knowledge()).run(article);
    let mut out = String::new();
    for r in &coded.records {
        out.push_str(&table_line(r));
        out.push('\n');
    }
    for d in &coded.diagnostics {
        out.push_str(&format!("! {} {}: {}\n", d.severity.as_str(), d.stage, d.message));
    }
    out
}

#[test]
fn examples_match_their_golden_files() {
    let root = common::project_root();
    let files = common::txt_files(&root.join("examples"));
    assert!(files.len() >= 3, "expected the example articles in examples/");
    let bless = std::env::var("DYAD_BLESS").is_ok_and(|v| v == "1");
    let mut diffs = Vec::new();
    for f in files {
        let name = f.file_stem().expect("name").to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&f).expect("read example");
        let got = render(&name, &text);
        let golden = root.join("crates/core/tests/golden").join(format!("{name}.events"));
        if bless {
            std::fs::write(&golden, &got).expect("write golden");
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if want != got {
            let want_lines: Vec<&str> = want.lines().collect();
            let got_lines: Vec<&str> = got.lines().collect();
            let mut d = format!("--- {}\n", golden.display());
            for l in &want_lines {
                if !got_lines.contains(l) {
                    d.push_str(&format!("- {l}\n"));
                }
            }
            for l in &got_lines {
                if !want_lines.contains(l) {
                    d.push_str(&format!("+ {l}\n"));
                }
            }
            diffs.push(d);
        }
    }
    assert!(diffs.is_empty(), "coded output differs from the golden files:\n{}\nhelp: if the new output is better, run DYAD_BLESS=1 cargo test -p dyad-core --test golden and review the diff", diffs.join("\n"));
}
