//! Scratch: per story, the labelled type, record types, and trigger types that made no record.
use std::io::BufRead;
fn main() {
    let k = dyad_core::knowledge::Knowledge::builtin().expect("knowledge");
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("line");
        let v: serde_json::Value = serde_json::from_str(&line).expect("json");
        let text = v["text"].as_str().unwrap_or("");
        let label = v["label"].as_str().unwrap_or("");
        let (doc, _) = dyad_core::pipeline::Pipeline::new(&k).annotate(dyad_core::article::Article::new("t", None, text));
        let recs = dyad_core::record::build_records(&doc, &k);
        let coded: std::collections::BTreeSet<String> = recs.iter().flat_map(|r| r.event.iter().map(|e| e.to_string())).collect();
        if coded.contains(label) {
            continue;
        }
        if !doc
            .events
            .iter()
            .any(|e| k.lexicon.entries[e.entry].event.as_deref() == Some(label))
        {
            let first: Vec<&str> = doc.sentences.iter().take(2).map(|s| doc.slice(s.span)).collect();
            println!(
                "{}\t{}\tnotrigger\t-\t-\t{}",
                v["id"].as_str().unwrap_or(""),
                label,
                first.join(" ").replace('\n', " ")
            );
        }
        for e in &doc.events {
            let entry = &k.lexicon.entries[e.entry];
            if entry.event.as_deref() != Some(label) {
                continue;
            }
            let why = if e.actors.is_empty() && e.recipients.is_empty() {
                "noparty"
            } else if !e
                .actors
                .iter()
                .chain(&e.recipients)
                .any(|&m| !doc.mentions[m].actor.code.is_empty())
            {
                "uncoded"
            } else {
                "recast/filtered"
            };
            let s = &doc.sentences[e.sentence as usize];
            let parties: Vec<String> = e
                .actors
                .iter()
                .chain(&e.recipients)
                .map(|&m| {
                    format!(
                        "{}[{}/{}]",
                        doc.slice(doc.mentions[m].span),
                        doc.mentions[m].actor.code,
                        doc.mentions[m].actor.sector.as_deref().unwrap_or("")
                    )
                })
                .collect();
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}",
                v["id"].as_str().unwrap_or(""),
                label,
                why,
                entry.pattern,
                parties.join("; "),
                doc.slice(s.span).replace('\n', " ")
            );
        }
    }
}
