//! Tags and parses whitespace-tokenized sentences from stdin (one per line) with the shipped
//! models and prints them as CoNLL-U, for reading what the coder's tree looks like:
//!
//! ```text
//! echo "The army attacked the rebels ." | cargo run --release -p dyad-syntax --example parse
//! ```

use dyad_syntax::Syntax;
use std::io::BufRead;

fn main() {
    let syntax = match Syntax::builtin() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("parse: {e}");
            std::process::exit(2);
        }
    };
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        for (i, (w, a)) in words.iter().zip(syntax.analyze(&words)).enumerate() {
            println!(
                "{}\t{w}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_",
                i + 1,
                a.lemma,
                a.upos.as_str(),
                a.xpos.as_str(),
                a.head,
                a.deprel
            );
        }
        println!();
    }
}
