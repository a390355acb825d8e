//! Article readers never panic: bytes → decode → text header, HTML body, JSONL line.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, _) = dyad_core::input::decode(data);
    let (article, _) = dyad_core::input::read_text("f", &text, None);
    assert!(text.ends_with(&article.text) || article.text.is_empty() || text.contains(&article.text));
    let (body, _, _) = dyad_core::input::html_to_text(&text);
    let _ = dyad_core::input::read_text("f", &body, None);
    for line in text.lines() {
        let _ = dyad_core::input::read_jsonl_line("f", line, None);
    }
});
