//! Event filters from outside text (CLI flags, HTTP query strings) never panic, and a filter
//! that parses never makes SQLite fail: user text only ever reaches it as bound parameters.
#![no_main]
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "from", "to", "actor", "recipient", "event", "cameo", "modality", "country", "near", "radius", "text", "doc", "other",
];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut filter = dyad_store::EventFilter::default();
    for (i, value) in text.split('\n').enumerate().take(16) {
        let _ = filter.set(NAMES[i % NAMES.len()], value);
    }
    let store = dyad_store::Store::in_memory().expect("in-memory store");
    match store.events(&filter, 10, 0) {
        Ok(_) | Err(dyad_store::Error::Filter { .. }) => {}
        Err(e) => panic!("a parsed filter made the query fail: {e}"),
    }
});
