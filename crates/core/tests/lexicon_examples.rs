//! Every lexicon entry carries an example sentence; coding it must produce the entry's CAMEO
//! code through that entry (or one at least as specific that starts at the same word).

mod common;

use dyad_core::{Article, Date, Pipeline};

#[test]
fn every_lexicon_example_codes_to_its_entry() {
    let k = common::knowledge();
    let p = Pipeline::new(k);
    let mut failures = Vec::new();
    for e in &k.lexicon.entries {
        if e.example.trim().is_empty() {
            failures.push(format!("{}:{} `{}`: no example", e.file, e.line, e.pattern));
            continue;
        }
        let coded = p.run(Article::new("ex", Date::parse("2020-06-10"), e.example.clone()));
        let hit = coded.records.iter().any(|r| r.cameo == e.cameo && r.rule == e.rule_id());
        if !hit {
            let got: Vec<String> = coded
                .records
                .iter()
                .map(|r| format!("{} {} [{}]", r.cameo, r.rule, dyad_core::render::table_line(r)))
                .collect();
            failures.push(format!(
                "{}:{} {} `{}` example {:?} gave {:?}",
                e.file, e.line, e.cameo, e.pattern, e.example, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} lexicon examples failed:\n{}",
        failures.len(),
        k.lexicon.entries.len(),
        failures.join("\n")
    );
}

#[test]
fn lexicon_covers_every_cameo_root_and_plover_type() {
    let k = common::knowledge();
    for root in 1..=20 {
        let r = format!("{root:02}");
        assert!(k.lexicon.entries.iter().any(|e| e.root() == r), "no entry for CAMEO root {r}");
    }
    for t in dyad_core::knowledge::lexicon::PLOVER_EVENTS {
        assert!(
            k.lexicon.entries.iter().any(|e| e.event.as_deref() == Some(*t)),
            "no entry for PLOVER type {t}"
        );
    }
}
