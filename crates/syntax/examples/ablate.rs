//! Temporary: template ablation at inference.
use dyad_syntax::{conllu, evaluate, Syntax, SKIP};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let gold = conllu::parse(&std::fs::read_to_string(&args[1]).unwrap()).unwrap();
    let s = Syntax::from_bytes(&std::fs::read(&args[2]).unwrap(), &std::fs::read(&args[3]).unwrap()).unwrap();
    let base = evaluate(&gold, None, Some(&s.parser));
    let b = base.uas.unwrap().value();
    println!("base {:.2}", 100.0 * b);
    for t in 0..120 {
        SKIP.with(|c| c.set(Some(t)));
        let sc = evaluate(&gold, None, Some(&s.parser));
        println!("{t} {:.2}", 100.0 * (b - sc.uas.unwrap().value()));
    }
}
