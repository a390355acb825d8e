//! Prints the most frequent UPOS confusions of a tagger on a CoNLL-U file
//! (a development aid): `confusion MODEL FILE.conllu`.

use dyad_syntax::{conllu, Tagger};
use std::collections::HashMap;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(model), Some(file)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: confusion MODEL FILE.conllu");
        std::process::exit(2);
    };
    let tagger = Tagger::from_bytes(&std::fs::read(model).expect("read model")).expect("load model");
    let gold = conllu::parse(&std::fs::read_to_string(file).expect("read file")).expect("parse file");
    let train_vocab: Option<std::collections::HashSet<String>> = args.get(3).map(|t| {
        conllu::parse(&std::fs::read_to_string(t).expect("read train"))
            .expect("parse train")
            .iter()
            .flat_map(|s| s.tokens.iter().map(|t| t.form.to_lowercase()))
            .collect()
    });
    let mut conf: HashMap<(String, String), usize> = HashMap::new();
    let (mut known, mut known_ok, mut unk, mut unk_ok) = (0, 0, 0, 0);
    for s in &gold {
        for (t, g) in tagger.tag_only(&s.words()).iter().zip(&s.tokens) {
            let ok = t.0.as_str() == g.upos;
            if let Some(v) = &train_vocab {
                if v.contains(&g.form.to_lowercase()) {
                    known += 1;
                    known_ok += usize::from(ok);
                } else {
                    unk += 1;
                    unk_ok += usize::from(ok);
                }
            }
            if !ok {
                *conf.entry((g.upos.clone(), t.0.as_str().to_string())).or_default() += 1;
            }
        }
    }
    let mut v: Vec<_> = conf.into_iter().collect();
    v.sort_by_key(|b| std::cmp::Reverse(b.1));
    for ((g, p), n) in v.iter().take(25) {
        println!("{n:5} gold {g:6} predicted {p}");
    }
    if train_vocab.is_some() {
        println!(
            "known {known_ok}/{known} = {:.2}%, unknown {unk_ok}/{unk} = {:.2}%",
            100.0 * known_ok as f64 / known as f64,
            100.0 * unk_ok as f64 / unk as f64
        );
    }
}
