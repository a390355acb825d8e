//! Property tests: the built-in tagger and parser never panic and always return
//! one well-formed tree, whatever the tokens; readers never panic on garbage.

use dyad_syntax::{conllu, Parser, Rel, Syntax, Tagger, Upos, Xpos};
use proptest::prelude::*;

/// Checks that `heads` (1-based, 0 = root) form a tree with exactly one root.
fn check_tree(heads: &[usize]) -> Result<(), TestCaseError> {
    let n = heads.len();
    if n == 0 {
        return Ok(());
    }
    prop_assert_eq!(heads.iter().filter(|&&h| h == 0).count(), 1, "exactly one root: {:?}", heads);
    for (i, &h) in heads.iter().enumerate() {
        prop_assert!(h <= n, "head {} out of range", h);
        prop_assert!(h != i + 1, "self loop at {}", i + 1);
    }
    for start in 1..=n {
        let (mut v, mut steps) = (start, 0);
        while v != 0 {
            v = heads[v - 1];
            steps += 1;
            prop_assert!(steps <= n, "cycle through word {}: {:?}", start, heads);
        }
    }
    Ok(())
}

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z]{1,10}",
        "[0-9.,:;!?'\"()-]{1,3}",
        "\\PC{0,8}",
        Just("the".to_string()),
        Just("said".to_string()),
        Just(".".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn analyze_gives_one_tree(tokens in prop::collection::vec(token(), 0..300)) {
        let syntax = Syntax::builtin().expect("built-in models load");
        let words: Vec<&str> = tokens.iter().map(String::as_str).collect();
        let analysis = syntax.analyze(&words);
        prop_assert_eq!(analysis.len(), words.len());
        let heads: Vec<usize> = analysis.iter().map(|w| w.head).collect();
        check_tree(&heads)?;
        for w in &analysis {
            prop_assert_eq!(w.head == 0, w.deprel.rel == Rel::Root, "root label iff head 0");
        }
        // Each model alone also gives a tree.
        let tags: Vec<(Upos, Xpos)> = analysis.iter().map(|w| (w.upos, w.xpos)).collect();
        let fast: Vec<usize> = syntax.parser.parse_fast(&words, &tags).iter().map(|a| a.head).collect();
        check_tree(&fast)?;
    }

    #[test]
    fn parser_tolerates_missing_tags(tokens in prop::collection::vec("[a-z]{1,6}", 1..40), keep in 0usize..40) {
        let syntax = Syntax::builtin().expect("built-in models load");
        let words: Vec<&str> = tokens.iter().map(String::as_str).collect();
        let tags = vec![(Upos::Noun, Xpos::Nn); keep.min(words.len())];
        let heads: Vec<usize> = syntax.parser.parse(&words, &tags).iter().map(|a| a.head).collect();
        prop_assert_eq!(heads.len(), words.len());
        check_tree(&heads)?;
    }

    #[test]
    fn conllu_reader_never_panics(text in "(\\PC{0,20}[\t\n]){0,40}") {
        let _ = conllu::parse(&text);
    }

    #[test]
    fn model_loaders_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200), prefix in 0usize..3) {
        let mut data = match prefix {
            0 => b"DYADTAG\0".to_vec(),
            1 => b"DYADPAR\0".to_vec(),
            _ => Vec::new(),
        };
        data.extend_from_slice(&bytes);
        prop_assert!(Tagger::from_bytes(&data).is_err());
        prop_assert!(Parser::from_bytes(&data).is_err());
    }
}

#[test]
fn builtin_models_survive_byte_flips() {
    let syntax = Syntax::builtin().expect("built-in models load");
    let bytes = syntax.parser.to_bytes();
    for i in [0, 5, 13, 27, 28, bytes.len() / 3, bytes.len() - 1] {
        let mut b = bytes.clone();
        b[i] ^= 0x01;
        assert!(Parser::from_bytes(&b).is_err(), "flip at {i} not detected");
    }
    assert!(Parser::from_bytes(&bytes[..bytes.len() - 100]).is_err());
    assert!(Tagger::from_bytes(&bytes).is_err(), "a parser is not a tagger");
}

#[test]
fn verbs_get_base_forms() {
    let syntax = Syntax::builtin().expect("built-in models load");
    let words = [
        "Police", "shot", "a", "man", "who", "met", "and", "held", "hostages", "and", "carried", "guns", "but", "denied", "it",
        ".",
    ];
    let lemmas: Vec<String> = syntax.analyze(&words).into_iter().map(|w| w.lemma).collect();
    for (i, want) in [(1, "shoot"), (5, "meet"), (7, "hold"), (10, "carry"), (13, "deny")] {
        assert_eq!(lemmas[i], want, "lemma of {}", words[i]);
    }
}
