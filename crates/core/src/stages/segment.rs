//! Stage 1: sentences and tokens with exact byte offsets into the original text.
//!
//! The text is never changed: tokens and sentences are spans. Abbreviations ("U.S.", "Nov.",
//! "Lt. Gen."), initials ("J."), clitics ("Turkey's" → "Turkey" + "'s", "don't" → "do" +
//! "n't"), quotes, brackets, dashes and hyphens are handled here; a blank line always ends a
//! sentence, and a short line without final punctuation is a headline of its own.

use crate::diag::Diagnostics;
use crate::doc::{Doc, Sentence, Token, TokenKind};
use crate::pipeline::Stage;
use crate::span::Span;

/// Abbreviations that keep their period (lower case, without the final period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "brig", "sen",
    "rep", "gov", "pres", "amb", "rev", "fr", "st", "jr", "sr", "mt", "ft", "no", "nos", "vs", "etc", "inc", "corp", "co", "ltd",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "sun", "approx", "dept", "est", "fig", "gov't", "govt", "hon", "insp", "supt", "lieut",
    "messrs",
];

/// Abbreviations that may also end a sentence ("... in the U.S. The ...").
const SENTENCE_FINAL_ABBREVIATIONS: &[&str] = &["etc", "inc", "corp", "co", "ltd", "jr", "sr"];

/// Words that, capitalised after an abbreviation, very likely start a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "in",
    "on",
    "this",
    "that",
    "there",
    "his",
    "her",
    "its",
    "their",
    "however",
    "meanwhile",
    "earlier",
    "later",
    "after",
    "before",
    "when",
    "while",
    "as",
    "at",
    "if",
    "some",
    "many",
    "most",
    "officials",
    "both",
    "also",
    "and",
];

/// Splits text into sentences and tokens.
#[derive(Debug, Default)]
pub struct Segmenter;

impl Segmenter {
    /// Stable stage name.
    pub const NAME: &'static str = "segmenter";
}

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        Self::NAME
    }
    fn run(&self, doc: &mut Doc, diag: &mut Diagnostics) {
        let (tokens, sentences) = segment(doc.text());
        if tokens.is_empty() && !doc.text().trim().is_empty() {
            diag.warn(Self::NAME, None, "no tokens found in non-empty text");
        }
        let cut = sentences.iter().filter(|s| s.tokens.len() >= SOFT_SENTENCE_TOKENS).count();
        if cut > 0 {
            diag.warn(
                Self::NAME,
                None,
                format!(
                    "{cut} sentence piece(s) of {SOFT_SENTENCE_TOKENS} tokens or more: run-on sentences are cut at a comma past {SOFT_SENTENCE_TOKENS} tokens, anywhere at {MAX_SENTENCE_TOKENS}"
                ),
            );
        }
        doc.tokens = tokens;
        doc.sentences = sentences;
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36f}')
}

/// Folds typographic quotes and dashes and lower-cases.
pub fn normalize_token(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '’' | 'ʼ' | '‘' | '`' | '´' => out.push('\''),
            '“' | '”' | '„' | '«' | '»' => out.push('"'),
            '–' | '—' | '−' => out.push('-'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Tokenizes `text`; token spans are byte offsets into it.
pub fn tokenize(text: &str) -> Vec<(Span, TokenKind)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| if i < n { Some(chars[i].1) } else { None };
    let off = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() || c.is_control() || c == '\u{feff}' {
            i += 1;
            continue;
        }
        if is_word_char(c) {
            let start = i;
            let numeric = c.is_ascii_digit();
            let mut j = i;
            loop {
                while j < n && is_word_char(chars[j].1) {
                    j += 1;
                }
                let next = at(j);
                let after = at(j + 1);
                match (next, after) {
                    // Inner dots: "U.S", "e.g", "2.5".
                    (Some('.'), Some(a)) if is_word_char(a) => {
                        let seg_len = j - segment_start(&chars, start, j);
                        if numeric && a.is_ascii_digit() || seg_len == 1 {
                            j += 1;
                            continue;
                        }
                        break;
                    }
                    // Thousands separators and times: "8,000", "10:30".
                    (Some(',' | ':'), Some(a)) if numeric && a.is_ascii_digit() => {
                        j += 1;
                        continue;
                    }
                    // Apostrophes inside names ("O'Brien", "Mar'a") but not clitics.
                    (Some(q), Some(a)) if is_apostrophe(q) && a.is_alphabetic() => {
                        if clitic_len(&chars, j).is_some() {
                            break;
                        }
                        if j > start && chars[j - 1].1 == 'n' && matches!(a, 't' | 'T') && !is_word_char_at(&chars, j + 2) {
                            // "don't": the "n" belongs to the clitic.
                            break;
                        }
                        j += 1;
                        continue;
                    }
                    _ => break,
                }
            }
            // "don't" → "do" + "n't".
            let mut end = j;
            if end >= start + 2
                && chars[end - 1].1 == 'n'
                && at(end).is_some_and(is_apostrophe)
                && matches!(at(end + 1), Some('t' | 'T'))
                && !is_word_char_at(&chars, end + 2)
            {
                end -= 1;
            }
            // A trailing period that belongs to the token.
            let word = &text[off(start)..off(end)];
            if end == j && at(end) == Some('.') && keeps_period(word) {
                end += 1;
            }
            out.push((
                Span::new(off(start), off(end)),
                if numeric { TokenKind::Number } else { TokenKind::Word },
            ));
            i = end;
            continue;
        }
        if is_apostrophe(c) {
            if let Some(len) = clitic_len(&chars, i) {
                out.push((Span::new(off(i), off(i + len)), TokenKind::Word));
                i += len;
                continue;
            }
        }
        let kind = if c.is_ascii_punctuation() || is_unicode_punct(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        out.push((Span::new(off(i), off(i + 1)), kind));
        i += 1;
    }
    // Re-attach "n't" that the word branch left: "do" followed by "n't".
    let mut fixed: Vec<(Span, TokenKind)> = Vec::with_capacity(out.len());
    let mut k = 0;
    while k < out.len() {
        let (sp, kind) = out[k];
        let s = &text[sp.start()..sp.end()];
        if (s == "n" || s == "N") && k + 2 < out.len() + 1 {
            // "n" + "'" + "t" → one token "n't"
            if k + 2 < out.len() {
                let a = &text[out[k + 1].0.start()..out[k + 1].0.end()];
                let b = &text[out[k + 2].0.start()..out[k + 2].0.end()];
                if a.chars().all(is_apostrophe)
                    && (b == "t" || b == "T")
                    && out[k + 1].0.start == sp.end
                    && out[k + 2].0.start == out[k + 1].0.end
                {
                    fixed.push((
                        Span {
                            start: sp.start,
                            end: out[k + 2].0.end,
                        },
                        TokenKind::Word,
                    ));
                    k += 3;
                    continue;
                }
            }
        }
        fixed.push((sp, kind));
        k += 1;
    }
    fixed
}

fn is_word_char_at(chars: &[(usize, char)], i: usize) -> bool {
    chars.get(i).is_some_and(|&(_, c)| is_word_char(c))
}

/// Start of the current dot-separated segment of a word being scanned.
fn segment_start(chars: &[(usize, char)], start: usize, j: usize) -> usize {
    let mut s = j;
    while s > start && chars[s - 1].1 != '.' {
        s -= 1;
    }
    s
}

/// Length in chars of a clitic ("'s", "'re", "'ll", "'ve", "'d", "'m") starting at an apostrophe.
fn clitic_len(chars: &[(usize, char)], i: usize) -> Option<usize> {
    if !chars.get(i).is_some_and(|&(_, c)| is_apostrophe(c)) || i == 0 || !is_word_char(chars[i - 1].1) {
        return None;
    }
    for clitic in ["s", "re", "ll", "ve", "d", "m"] {
        let len = clitic.len();
        let ok = clitic
            .chars()
            .enumerate()
            .all(|(k, cc)| chars.get(i + 1 + k).is_some_and(|&(_, c)| c.to_ascii_lowercase() == cc));
        if ok && !is_word_char_at(chars, i + 1 + len) {
            return Some(1 + len);
        }
    }
    None
}

fn keeps_period(word: &str) -> bool {
    let lower = word.to_lowercase();
    // Initials and dotted acronyms: "J", "U.S", "e.g".
    let single_upper = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
    let dotted = word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
    single_upper || dotted || ABBREVIATIONS.contains(&lower.as_str())
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '‘' | '’' | '„' | '«' | '»' | '–' | '—' | '…' | '·' | '•' | '−' | '‐' | '‑' | '¿' | '¡'
    )
}

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "'" | ")" | "]" | "}" | "”" | "’" | "»")
}

fn is_opening_quote_or_bracket(s: &str) -> bool {
    matches!(s, "\"" | "'" | "(" | "[" | "“" | "‘" | "«")
}

/// Tokens past which a sentence is cut at its next comma or semicolon.
pub const SOFT_SENTENCE_TOKENS: usize = 200;
/// Tokens at which a sentence is cut wherever it is (news sentences run to 60 or so).
pub const MAX_SENTENCE_TOKENS: usize = 300;

/// Tokens and sentences of a text.
pub fn segment(text: &str) -> (Vec<Token>, Vec<Sentence>) {
    let raw = tokenize(text);
    let mut tokens: Vec<Token> = raw
        .iter()
        .map(|&(span, kind)| {
            let s = span.text(text);
            Token {
                span,
                kind,
                norm: normalize_token(s),
                capitalized: s.chars().next().is_some_and(char::is_uppercase),
                sentence: 0,
                upos: "",
                xpos: "",
                head: None,
                deprel: "",
            }
        })
        .collect();
    let mut sentences = Vec::new();
    let mut first = 0;
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        let mut end_here = false;
        let mut headline = false;
        let tok = &tokens[i];
        let next = tokens.get(i + 1);
        // Blank line (or end of a short unpunctuated line) between this token and the next.
        if let Some(nx) = next {
            let gap = &text[tok.span.end()..nx.span.start()];
            let newlines = gap.matches('\n').count();
            if newlines >= 2 {
                end_here = true;
            } else if newlines == 1 {
                let line_start = text[..tokens[first].span.start()].rfind('\n').map_or(0, |p| p + 1);
                let line_len = tok.span.end() - line_start.max(tokens[first].span.start());
                let terminal = matches!(tok.norm.as_str(), "." | "!" | "?" | ":" | "\"" | "'") || tok.norm.ends_with('.');
                if !terminal && line_len < 90 && nx.capitalized && first == sentence_line_first(text, &tokens, first) {
                    end_here = true;
                    headline = true;
                }
            }
        }
        if !end_here && matches!(tok.norm.as_str(), "." | "!" | "?" | "…") {
            // Swallow following periods of an ellipsis and closing quotes/brackets.
            let mut j = i + 1;
            while j < n
                && (is_closing(&tokens[j].norm) && tokens[j].span.start == tokens[j - 1].span.end
                    || matches!(tokens[j].norm.as_str(), "." | "!" | "?"))
            {
                if tokens[j].span.start > tokens[j - 1].span.end + 1 && tokens[j].norm == "." {
                    break;
                }
                j += 1;
            }
            let nx = tokens.get(j);
            let starts_new = nx.is_none_or(|t| {
                t.capitalized
                    || t.kind == TokenKind::Number
                    || is_opening_quote_or_bracket(&t.norm) && tokens.get(j + 1).is_none_or(|u| u.capitalized)
            });
            // ". . ." inside a quote followed by lower case is an ellipsis, not an end.
            if starts_new {
                i = j - 1;
                end_here = true;
            }
        } else if !end_here && tok.norm.ends_with('.') && tok.kind == TokenKind::Word {
            let base = tok.norm.trim_end_matches('.');
            let final_ok = SENTENCE_FINAL_ABBREVIATIONS.contains(&base) || base.contains('.');
            if final_ok {
                if let Some(nx) = next {
                    let gap = &text[tok.span.end()..nx.span.start()];
                    if !gap.is_empty() && nx.capitalized && SENTENCE_STARTERS.contains(&nx.norm.as_str()) {
                        end_here = true;
                    }
                }
            }
        }
        // A run-on "sentence" (a list of thousands, a table flattened into one line) is cut:
        // at a comma or semicolon past `SOFT_SENTENCE_TOKENS`, anywhere at
        // `MAX_SENTENCE_TOKENS`, so that no per-sentence reading grows with the article.
        let length = i + 1 - first;
        if !end_here
            && (length >= MAX_SENTENCE_TOKENS || length >= SOFT_SENTENCE_TOKENS && matches!(tok.norm.as_str(), "," | ";"))
        {
            end_here = true;
        }
        if end_here || i + 1 == n {
            let last = i + 1;
            let span = tokens[first].span.cover(tokens[last - 1].span);
            let sentence_no = sentences.len() as u32;
            for t in &mut tokens[first..last] {
                t.sentence = sentence_no;
            }
            let headline = headline
                || (last - first <= 12
                    && !matches!(tokens[last - 1].norm.as_str(), "." | "!" | "?" | "\"")
                    && ends_line(text, span));
            let dateline = find_dateline(text, &tokens, first, last);
            sentences.push(Sentence {
                span,
                tokens: first..last,
                headline,
                dateline,
            });
            first = last;
        }
        i += 1;
    }
    (tokens, sentences)
}

/// A wire dateline at the start of a sentence: upper-case place words, optionally ", Country"
/// and "(Agency)", then a dash: "JAMMU, India (dyad) —", "GENEVA (Reuters) -".
fn find_dateline(text: &str, tokens: &[Token], first: usize, last: usize) -> Option<std::ops::Range<usize>> {
    let upper = |t: &Token| {
        let s = t.span.text(text);
        t.kind == TokenKind::Word && s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
    };
    let mut i = first;
    while i < last && i - first < 4 && upper(&tokens[i]) {
        i += 1;
    }
    if i == first || (i - first == 1 && tokens[first].span.len() < 3) {
        return None;
    }
    let limit = last.min(first + 14);
    let mut in_paren = false;
    while i < limit {
        let n = tokens[i].norm.as_str();
        if matches!(n, "-" | "--") {
            // "U.S.-led forces": a dash joined to the words on both sides is a hyphen.
            let joined = tokens[i].span.start() == tokens[i - 1].span.end()
                && tokens.get(i + 1).is_some_and(|t| t.span.start() == tokens[i].span.end());
            if joined {
                return None;
            }
            // "WASHINGTON --": the whole dash.
            let mut end = i + 1;
            while end < last && tokens[end].norm == "-" && tokens[end].span.start() == tokens[end - 1].span.end() {
                end += 1;
            }
            return Some(first..end);
        }
        if n == "(" {
            in_paren = true;
        } else if n == ")" {
            in_paren = false;
        } else if !(matches!(n, "," | ".") || tokens[i].kind == TokenKind::Word && (in_paren || tokens[i].capitalized)) {
            return None;
        }
        i += 1;
    }
    None
}

/// The first token of the line that `first` is on, if that token also starts the sentence.
fn sentence_line_first(text: &str, tokens: &[Token], first: usize) -> usize {
    let before = &text[..tokens[first].span.start()];
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    if before[line_start..].trim().is_empty() {
        first
    } else {
        usize::MAX
    }
}

fn ends_line(text: &str, span: Span) -> bool {
    let after = &text[span.end()..];
    let before = &text[..span.start()];
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    before[line_start..].trim().is_empty() && (after.starts_with('\n') || after.starts_with("\r\n") || after.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_tokens(text: &str, expect: &str) {
        let got: Vec<&str> = tokenize(text).iter().map(|(s, _)| s.text(text)).collect();
        assert_eq!(got.join("|"), expect);
    }

    #[test]
    fn a_run_on_sentence_is_cut_at_a_comma_or_at_the_cap() {
        // 1,000 list items in one sentence: pieces end at the first comma past the soft limit.
        let text = format!("{}and Peru met.", "France, ".repeat(1000));
        let (tokens, sentences) = segment(&text);
        assert!(sentences.len() > 1);
        for s in &sentences {
            assert!(s.tokens.len() <= MAX_SENTENCE_TOKENS);
        }
        assert_eq!(tokens[sentences[0].tokens.end - 1].norm, ",");
        assert_eq!(sentences[0].tokens.len(), SOFT_SENTENCE_TOKENS);
        // With no comma at all, at the hard cap; every token stays in one sentence.
        let text = "word ".repeat(1000);
        let (tokens, sentences) = segment(&text);
        assert_eq!(sentences[0].tokens.len(), MAX_SENTENCE_TOKENS);
        assert_eq!(sentences.iter().map(|s| s.tokens.len()).sum::<usize>(), tokens.len());
        // An ordinary long sentence is left whole.
        check_sentences(
            "Russia, Iran, Turkey and Syria met in Astana on Monday.",
            &["Russia, Iran, Turkey and Syria met in Astana on Monday."],
        );
    }

    #[track_caller]
    fn check_sentences(text: &str, expect: &[&str]) {
        let (_, sentences) = segment(text);
        let got: Vec<&str> = sentences.iter().map(|s| s.span.text(text)).collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn abbreviations_and_clitics() {
        check_tokens("The U.S.-backed rebels", "The|U.S.|-|backed|rebels");
        check_tokens(
            "Lt. Gen. J. Smith met Mr. Putin on Nov. 13.",
            "Lt.|Gen.|J.|Smith|met|Mr.|Putin|on|Nov.|13|.",
        );
        check_tokens("Turkey’s airspace", "Turkey|’s|airspace");
        check_tokens("don't can't", "do|n't|ca|n't");
        check_tokens("O'Brien's 8,000 strikes, 2.5%", "O'Brien|'s|8,000|strikes|,|2.5|%");
        check_tokens("“It’s a work,” he said . . .", "“|It|’s|a|work|,|”|he|said|.|.|.");
    }

    #[test]
    fn sentence_boundaries() {
        check_sentences(
            "Mr. Smith met Lt. Gen. Jones in the U.S. on Nov. 13. They agreed. “Go,” he said.",
            &[
                "Mr. Smith met Lt. Gen. Jones in the U.S. on Nov. 13.",
                "They agreed.",
                "“Go,” he said.",
            ],
        );
        check_sentences(
            "He left for the U.S. The talks ended.",
            &["He left for the U.S.", "The talks ended."],
        );
        check_sentences(
            "Heading here\n\nThe body starts\nand goes on.",
            &["Heading here", "The body starts\nand goes on."],
        );
        check_sentences(
            "on the ground . . . to have awareness. Next.",
            &["on the ground . . . to have awareness.", "Next."],
        );
    }

    #[track_caller]
    fn check_dateline(text: &str, expect: Option<&str>) {
        let (tokens, sentences) = segment(text);
        let got = sentences[0]
            .dateline
            .clone()
            .map(|r| tokens[r.start].span.cover(tokens[r.end - 1].span).text(text));
        assert_eq!(got, expect);
    }

    #[test]
    fn datelines() {
        check_dateline("JAMMU, India (dyad) — Indian troops fired.", Some("JAMMU, India (dyad) —"));
        check_dateline("GENEVA (Reuters) - Talks began.", Some("GENEVA (Reuters) -"));
        check_dateline("NATO said on Monday - in a statement - that it agreed.", None);
        check_dateline("Indian troops fired.", None);
        check_dateline("U.S.-led forces attacked the town.", None);
        check_dateline("WASHINGTON -- The talks began.", Some("WASHINGTON --"));
    }
}
