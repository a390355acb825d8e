//! CAMEO and PLOVER codes in the event lexicon agree through the CAMEO→PLOVER crosswalk in
//! `../shared/data/plover/CAMEO2PLOVER-2021.txt`, and every mode is one PLOVER defines for the
//! event type (`plover_ontology.DERIVED.json`). Read from `../shared`, never copied.
//!
//! Documented departures (the PLOVER manual drops CAMEO 01 and 02): root 01 has no PLOVER
//! type; 016 "deny responsibility" is REJECT, as the manual suggests; root 02 (appeals) is REQUEST.
//! More where PLOVER's own definitions or modes place a thing elsewhere than the crosswalk
//! (`knowledge/README.md`, "Departures from the crosswalk"): `DEPARTURES` below. Each must be
//! used by the lexicon, so the list cannot outlive the decision.

mod common;

use std::collections::HashMap;

/// CAMEO code, the PLOVER type and mode ("" for none) the lexicon may give it instead of the
/// crosswalk's.
const DEPARTURES: &[(&str, &str, &str)] = &[
    ("0831", "RETREAT", "resign"),
    ("116", "SANCTION", "convict"),
    ("163", "SANCTION", "discontinue"),
    ("035", "CONCEDE", ""),
    ("0351", "CONCEDE", ""),
    ("0353", "CONCEDE", ""),
    ("0354", "CONCEDE", ""),
    ("0355", "CONCEDE", ""),
    ("0356", "CONCEDE", ""),
    ("0813", "CONCEDE", ""),
    ("0841", "CONCEDE", ""),
    ("0814", "CONCEDE", ""),
    ("0871", "CONCEDE", ""),
    ("0874", "CONCEDE", ""),
];

fn crosswalk(text: &str) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for line in text.lines() {
        let Some((code, rest)) = line.split_once(':') else {
            continue;
        };
        let code = code.trim();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) || code.len() < 3 {
            continue;
        }
        let event = rest.split([',', '#']).next().unwrap_or("").trim().to_string();
        if !event.is_empty() {
            map.entry(code.to_string()).or_insert(event);
        }
    }
    map
}

#[test]
fn lexicon_agrees_with_the_crosswalk_and_ontology() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let cw = crosswalk(&std::fs::read_to_string(shared.join("data/plover/CAMEO2PLOVER-2021.txt")).expect("crosswalk"));
    let ontology: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(shared.join("data/plover/plover_ontology.DERIVED.json")).expect("ontology"),
    )
    .expect("json");
    let mut modes: HashMap<String, Vec<String>> = HashMap::new();
    for e in ontology["events"].as_array().expect("events") {
        let name = e["event"].as_str().expect("name").to_string();
        let list = e["modes"]
            .as_array()
            .expect("modes")
            .iter()
            .filter_map(|m| m["mode"].as_str().map(str::to_string))
            .collect();
        modes.insert(name, list);
    }
    let k = common::knowledge();
    let mut problems = Vec::new();
    let mut used = std::collections::HashSet::new();
    for e in &k.lexicon.entries {
        let expected: Option<String> = match e.root() {
            "01" if e.cameo == "016" => Some("REJECT".into()),
            "01" => None,
            "02" => Some("REQUEST".into()),
            _ => {
                // The code itself, else its nearest listed parent.
                let mut c = e.cameo.clone();
                loop {
                    if let Some(t) = cw.get(&c) {
                        break Some(t.clone());
                    }
                    if c.len() <= 3 {
                        break cw.get(&format!("{}0", &c[..2])).cloned();
                    }
                    c.pop();
                }
            }
        };
        let departure = DEPARTURES
            .iter()
            .find(|(c, ev, m)| *c == e.cameo && e.event.as_deref() == Some(*ev) && e.mode.as_deref().unwrap_or("") == *m);
        if let Some(d) = departure {
            used.insert(d.0);
            // A departure replaces the crosswalk's type, never agrees with it by accident.
            assert_ne!(Some(d.1.to_string()), expected, "departure {d:?} is no departure");
        } else if e.event != expected {
            problems.push(format!(
                "{}:{} CAMEO {} `{}`: PLOVER {:?}, crosswalk says {:?}",
                e.file, e.line, e.cameo, e.pattern, e.event, expected
            ));
        }
        if let (Some(ev), Some(m)) = (&e.event, &e.mode) {
            if !modes.get(ev).is_some_and(|list| list.contains(m)) {
                problems.push(format!("{}:{} mode `{m}` is not a PLOVER mode of {ev}", e.file, e.line));
            }
        }
    }
    for d in DEPARTURES {
        if !used.contains(d.0) {
            problems.push(format!("departure {d:?} is used by no lexicon entry"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} disagreements:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
