//! Property tests: the pipeline never panics, every span is valid, segmentation is lossless,
//! and an unrelated sentence in front changes no event.

mod common;

use dyad_core::{Article, Date, Pipeline};
use proptest::prelude::*;

/// Text that looks like news: words from the knowledge and the lexicon, punctuation, quotes,
/// odd Unicode and line breaks, mixed with arbitrary characters.
fn newsish() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "French",
        "warplanes",
        "carried",
        "out",
        "airstrikes",
        "targeting",
        "the",
        "Islamic",
        "State",
        "in",
        "Raqqa",
        ",",
        "Syria",
        "on",
        "Nov.",
        "23",
        ".",
        "Turkish",
        "pilots",
        "shot",
        "down",
        "a",
        "Russian",
        "warplane",
        "they",
        "said",
        "had",
        "entered",
        "Turkey",
        "’s",
        "airspace",
        "Russia",
        "denied",
        "charge",
        "President",
        "Obama",
        "met",
        "with",
        "Hollande",
        "he",
        "will",
        "not",
        "if",
        "U.S.",
        "-",
        "backed",
        "“",
        "”",
        "(",
        ")",
        "\n\n",
        "\n",
        "é",
        "🙂",
        "whose",
        "Lt.",
        "Gen.",
        "10",
        "days",
        "ago",
        "Tuesday",
        "talks",
        "Putin",
        "Moscow",
        "and",
        "Britain",
        "urged",
        "to",
    ]);
    prop_oneof![
        prop::collection::vec(words, 0..60).prop_map(|w| w.join(" ")),
        ".{0,200}",
        prop::collection::vec(
            prop_oneof![
                Just("\u{0}"),
                Just("\u{feff}"),
                Just("'"),
                Just("."),
                Just(" "),
                Just("A"),
                Just("ß")
            ],
            0..40
        )
        .prop_map(|w| w.concat()),
    ]
}

fn skippable(c: char) -> bool {
    c.is_whitespace() || c.is_control() || c == '\u{feff}'
}

fn code(text: &str) -> dyad_core::Coded {
    Pipeline::new(common::knowledge()).run(Article::new("p", Date::parse("2015-11-24"), text))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_spans_are_valid(text in newsish()) {
        let p = Pipeline::new(common::knowledge());
        let (doc, _) = p.annotate(Article::new("p", Date::parse("2015-11-24"), text.clone()));
        let ok = |s: dyad_core::Span| s.start <= s.end && s.end() <= text.len() && text.is_char_boundary(s.start()) && text.is_char_boundary(s.end());
        for t in &doc.tokens { prop_assert!(ok(t.span)); prop_assert!(!t.span.is_empty()); }
        for m in &doc.mentions { prop_assert!(ok(m.span)); }
        for e in &doc.events { prop_assert!(ok(e.trigger_span)); }
        // Sentences are in order, do not overlap, and only whitespace lies between them.
        let mut pos = 0;
        for s in &doc.sentences {
            prop_assert!(ok(s.span));
            prop_assert!(s.span.start() >= pos);
            prop_assert!(text[pos..s.span.start()].chars().all(skippable), "gap {:?}", &text[pos..s.span.start()]);
            pos = s.span.end();
        }
        prop_assert!(text[pos..].chars().all(skippable));
        // Records: character offsets inside the text, and the sentence text matches them.
        let n_chars = text.chars().count();
        for r in code(&text).records {
            prop_assert!(r.start <= r.end && r.end <= n_chars);
            let sentence: String = text.chars().skip(r.start).take(r.end - r.start).collect();
            prop_assert_eq!(sentence, r.text.clone());
            for a in r.actor.iter().chain(r.recipient.iter()) {
                prop_assert!(a.start <= a.end && a.end <= n_chars);
                let words: String = text.chars().skip(a.start).take(a.end - a.start).collect();
                prop_assert_eq!(words, a.entity_text.clone());
            }
        }
    }

    #[test]
    fn input_readers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), text in "[<>&;#a-zé“ \\n/!-]{0,300}") {
        let (decoded, _) = dyad_core::input::decode(&bytes);
        for t in [decoded.as_str(), text.as_str()] {
            let (body, _, _) = dyad_core::input::html_to_text(t);
            let _ = dyad_core::input::read_text("p", &body, None);
            let _ = dyad_core::input::read_text("p", t, None);
            #[cfg(feature = "serde")]
            for line in t.lines() {
                let _ = dyad_core::input::read_jsonl_line("p", line, None);
            }
            let _ = dyad_core::gazetteer::Gazetteer::from_geonames(t);
            let _ = dyad_core::knowledge::Lexicon::parse("p.txt", t);
        }
    }

    #[test]
    fn an_unrelated_sentence_in_front_changes_no_event(text in newsish()) {
        let key = |c: &dyad_core::Coded| {
            let mut v: Vec<String> = c.records.iter().map(|r| format!("{} {:?} {:?} {:?}", r.cameo, r.actor.iter().map(|a| &a.entity_text).collect::<Vec<_>>(), r.recipient.iter().map(|a| &a.entity_text).collect::<Vec<_>>(), r.date)).collect();
            v.sort();
            v
        };
        let plain = code(&text);
        let shifted = code(&format!("The weather was mild.\n\n{text}"));
        prop_assert_eq!(key(&plain), key(&shifted));
    }
}
