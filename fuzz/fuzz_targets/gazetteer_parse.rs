//! Gazetteer readers never panic and every issue names a line that exists.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let lines = text.lines().count().max(1);
    let (g, issues) = dyad_core::gazetteer::Gazetteer::from_geonames(text);
    assert!(issues.iter().all(|i| i.line >= 1 && i.line <= lines));
    let _ = g.lookup("Paris", None);
    let (_, issues) = dyad_core::gazetteer::Gazetteer::from_table(text);
    assert!(issues.iter().all(|i| i.line >= 1 && i.line <= lines));
});
