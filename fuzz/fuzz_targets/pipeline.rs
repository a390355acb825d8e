//! The whole pipeline never panics and every record's offsets lie inside the text.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static KNOWLEDGE: OnceLock<dyad_core::Knowledge> = OnceLock::new();

fuzz_target!(|text: &str| {
    let k = KNOWLEDGE.get_or_init(|| dyad_core::Knowledge::builtin().expect("knowledge"));
    let p = dyad_core::Pipeline::new(k);
    let coded = p.run(dyad_core::Article::new("f", dyad_core::Date::parse("2015-11-24"), text));
    let n = text.chars().count();
    for r in coded.records {
        assert!(r.start <= r.end && r.end <= n);
    }
});
