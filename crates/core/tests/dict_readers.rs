//! Property tests for the peer-dictionary readers: any text, however broken, gives entries and
//! problems whose line numbers lie inside the text, never a panic.

use dyad_core::dict::coder::{tokenize, DictCoder};
use dyad_core::dict::{lint, read, suite, tabari, Flavor, Kind};
use proptest::prelude::*;

/// Lines assembled from the pieces both formats use, mixed with arbitrary characters.
fn dictish() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "--- MEET [040] ---",
        "- * TALKS [031]",
        "- $ * (FOR {AID})",
        "&SYN",
        "+WORD",
        "+",
        "~ a (a b Q) SAY = a b Q",
        "VERB {VERBED}",
        "ARNOR [ARN]",
        "\t[ARNGOV 950101-990101]",
        "\t[X <9501]",
        "[",
        "]",
        "{",
        "}",
        "(",
        ")",
        "|",
        "_",
        "*",
        "$",
        "%",
        "^",
        "!P! = A, B",
        "CONGRESS!P! [~LEG]",
        "TROOP {} [~MIL]",
        "[NGO~]",
        "n:war v:fight [WAR]",
        "<SYNSETS>",
        "</SYNSETS>",
        "<!--",
        "-->",
        "# c",
        "; c",
        "<actorsfile> a",
        "SET: X = 1",
        "é",
        "\u{0}",
        " ",
        "\n",
        "\t",
        "-",
        "+&SYN_X",
    ]);
    let chunk = prop_oneof![4 => piece.prop_map(str::to_string), 1 => any::<String>()];
    prop::collection::vec(chunk, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn readers_never_panic(text in dictish()) {
        let lines = text.lines().count().max(1);
        for flavor in [Flavor::Petrarch, Flavor::Tabari] {
            for kind in [Kind::Verbs, Kind::Actors, Kind::Agents, Kind::Discards, Kind::Issues] {
                for p in lint::check(kind, flavor, &text) {
                    prop_assert!(p.line >= 1 && p.line <= lines, "{kind:?} {flavor:?}: line {} of {lines}: {}", p.line, p.message);
                }
            }
        }
        let (_, problems) = tabari::parse_options(&text);
        prop_assert!(problems.iter().all(|p| p.line >= 1 && p.line <= lines));
        let (_, problems) = tabari::parse_project(&text);
        prop_assert!(problems.iter().all(|p| p.line >= 1 && p.line <= lines));
    }

    #[test]
    fn suites_and_coder_never_panic(text in dictish(), sentence in any::<String>()) {
        // The text read as dictionaries of every kind, then used to code arbitrary text.
        for flavor in [Flavor::Petrarch, Flavor::Tabari] {
            let mut d = read(Kind::Verbs, flavor, &text).0;
            d.merge(read(Kind::Actors, flavor, &text).0);
            d.merge(read(Kind::Agents, flavor, &text).0);
            d.merge(read(Kind::Discards, flavor, &text).0);
            let coder = DictCoder::new(&d, flavor);
            let _ = coder.code(&tokenize(&sentence), None);
            let _ = coder.code(&tokenize(&text), None);
            for (s, _) in [suite::parse_petrarch_xml(&text), suite::parse_tabari_text(&text)] {
                let _ = suite::score(&s, &coder);
            }
        }
    }
}
