//! Every TABARI dictionary reader (and the lint over what it read) returns entries and
//! line-numbered problems for any text, never a panic.
#![no_main]
use dyad_core::dict::{lint, Flavor, Kind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let lines = text.lines().count().max(1);
    for kind in [Kind::Verbs, Kind::Actors, Kind::Agents, Kind::Discards, Kind::Issues] {
        for p in lint::check(kind, Flavor::Tabari, text) {
            assert!(p.line >= 1 && p.line <= lines, "line {} of {lines}", p.line);
        }
    }
    let _ = dyad_core::dict::tabari::parse_options(text);
    let _ = dyad_core::dict::tabari::parse_project(text);
});
