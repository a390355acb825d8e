//! Scratch: verbal triggers whose first word the tagger reads as a noun, with context.
use std::io::BufRead;
fn main() {
    let k = dyad_core::knowledge::Knowledge::builtin().expect("knowledge");
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("line");
        let v: serde_json::Value = serde_json::from_str(&line).expect("json");
        let text = v["text"].as_str().unwrap_or("");
        let (doc, _) = dyad_core::pipeline::Pipeline::new(&k).annotate(dyad_core::article::Article::new("t", None, text));
        let recs = dyad_core::record::build_records(&doc, &k);
        for e in &doc.events {
            let t = e.trigger_tokens[0];
            if e.nominal || doc.tokens[t].upos != "NOUN" {
                continue;
            }
            let kept = recs.iter().any(|r| r.trigger_span == e.trigger_span);
            let lo = t.saturating_sub(4);
            let ctx: Vec<String> = (lo..(t + 4).min(doc.tokens.len()))
                .map(|i| {
                    if i == t {
                        format!("[{}/{}]", doc.tokens[i].norm, doc.tokens[i].upos)
                    } else {
                        format!("{}/{}", doc.tokens[i].norm, doc.tokens[i].upos)
                    }
                })
                .collect();
            println!("{}\t{}\t{}", kept, k.lexicon.entries[e.entry].pattern, ctx.join(" "));
        }
    }
}
