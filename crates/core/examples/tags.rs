//! Scratch: print tokens with tags for each line of stdin.
fn main() {
    let k = dyad_core::knowledge::Knowledge::builtin().expect("knowledge");
    for line in std::io::stdin().lines() {
        let line = line.expect("line");
        let (doc, _) = dyad_core::pipeline::Pipeline::new(&k).annotate(dyad_core::article::Article::new("t", None, &line));
        let s: Vec<String> = doc
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                format!(
                    "{i}:{}/{}/{}{}",
                    t.norm,
                    t.upos,
                    t.deprel,
                    t.head.map(|h| format!(">{h}")).unwrap_or_default()
                )
            })
            .collect();
        println!("{}", s.join(" "));
        for m in &doc.mentions {
            println!(
                "  m {:?} {:?} {}/{} {:?} {}",
                m.tokens,
                doc.slice(m.span),
                m.actor.code,
                m.actor.sector.as_deref().unwrap_or(""),
                m.kind,
                m.rule
            );
        }
        for e in &doc.events {
            println!(
                "  ev {:?} entry {} {}",
                e.trigger_tokens, e.entry, k.lexicon.entries[e.entry].pattern
            );
        }
    }
}
