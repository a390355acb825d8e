//! The lexicon reader returns entries or a `file:line` error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match dyad_core::knowledge::Lexicon::parse("fuzz.txt", text) {
        Ok(lex) => assert!(lex.entries.iter().all(|e| !e.elements.is_empty())),
        Err(e) => assert!(e.to_string().starts_with("fuzz.txt:")),
    }
});
