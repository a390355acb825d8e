//! The validation-suite readers (PETRARCH XML, TABARI text, PLOVER gold) and the dictionary
//! coder over what they read never panic.
#![no_main]
use dyad_core::dict::coder::DictCoder;
use dyad_core::dict::{read, suite, Flavor, Kind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (mut d, _) = read(Kind::Verbs, Flavor::Petrarch, "--- ATTACK [190] ---\nATTACK\n- * $ (WITH +) [191]\n");
    d.merge(read(Kind::Actors, Flavor::Petrarch, "ARNOR [ARN]\nGONDOR [GON]\n").0);
    let coder = DictCoder::new(&d, Flavor::Petrarch);
    for (s, _) in [suite::parse_petrarch_xml(text), suite::parse_tabari_text(text), suite::parse_plover_gold(text)] {
        let _ = suite::score(&s, &coder);
    }
});
