//! Lemmatizer learned from a treebank: an exception table for irregular
//! `(word, XPOS)` pairs plus suffix rules keyed by XPOS, capitalisation and the
//! word's last letters (`carried`/VBD → strip 3, add `y`).

use crate::error::Result;
use crate::hash::{str_hash, FxMap};
use crate::model::{Reader, Writer};
use crate::tags::Xpos;

/// Longest suffix a rule looks at, in characters.
const MAX_SUFFIX: usize = 5;

/// How a word becomes its lemma.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Rule {
    /// Start from the lowercased word (else from the word as written).
    lower: bool,
    /// Characters to strip from the end.
    strip: u8,
    /// Text to append.
    append: String,
}

impl Rule {
    fn learn(form: &str, lemma: &str) -> Rule {
        let lower = form.to_lowercase();
        let (a, b) = (common_prefix(form, lemma), common_prefix(&lower, lemma));
        let (base, lower) = if b >= a { (lower.as_str(), true) } else { (form, false) };
        let lcp = common_prefix(base, lemma);
        let base_chars = base.chars().count();
        let strip = (base_chars - lcp).min(255) as u8;
        let append: String = lemma.chars().skip(lcp).collect();
        Rule { lower, strip, append }
    }

    fn apply(&self, form: &str) -> Option<String> {
        let base = if self.lower { form.to_lowercase() } else { form.to_string() };
        let n = base.chars().count();
        let keep = n.checked_sub(usize::from(self.strip))?;
        if keep == 0 && self.append.is_empty() {
            return None;
        }
        let mut out: String = base.chars().take(keep).collect();
        out.push_str(&self.append);
        Some(out)
    }
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Capitalisation class of a word: 0 lower/other, 1 Title, 2 UPPER.
fn case_class(form: &str) -> u8 {
    let mut chars = form.chars().filter(|c| c.is_alphabetic());
    match chars.next() {
        Some(c) if c.is_uppercase() => {
            if chars.all(|c| c.is_uppercase()) && form.chars().filter(|c| c.is_alphabetic()).count() > 1 {
                2
            } else {
                1
            }
        }
        _ => 0,
    }
}

fn rule_key(xpos: Xpos, case: u8, suffix: &str) -> u64 {
    str_hash(suffix) ^ ((xpos.index() as u64) << 8 | u64::from(case)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

fn exception_key(lower: &str, xpos: Xpos) -> u64 {
    str_hash(lower) ^ (xpos.index() as u64 + 1).wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
}

/// Suffixes of `lower` from the longest (up to [`MAX_SUFFIX`] chars) to the empty one.
fn suffixes(lower: &str) -> impl Iterator<Item = &str> {
    let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
    let n = starts.len();
    (0..=MAX_SUFFIX.min(n))
        .rev()
        .map(move |k| if k == 0 { "" } else { &lower[starts[n - k]..] })
}

/// A trained lemmatizer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lemmatizer {
    rules: Vec<Rule>,
    /// `rule_key` → index into `rules`.
    by_suffix: FxMap<u64, u32>,
    /// `exception_key` → lemma.
    exceptions: FxMap<u64, String>,
}

impl Lemmatizer {
    /// Learns from `(form, xpos, lemma)` triples; `min_count` is how often a
    /// suffix must be seen before its rule is trusted.
    pub fn train<'a>(items: impl Iterator<Item = (&'a str, Xpos, &'a str)> + Clone, min_count: u32) -> Lemmatizer {
        let mut counts: FxMap<u64, FxMap<Rule, u32>> = FxMap::default();
        for (form, xpos, lemma) in items.clone() {
            if lemma == "_" || form.is_empty() {
                continue;
            }
            let rule = Rule::learn(form, lemma);
            let lower = form.to_lowercase();
            let case = case_class(form);
            for suf in suffixes(&lower) {
                *counts
                    .entry(rule_key(xpos, case, suf))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
        }
        let mut lem = Lemmatizer::default();
        let mut rule_ids: FxMap<Rule, u32> = FxMap::default();
        let mut keys: Vec<_> = counts.into_iter().collect();
        keys.sort_unstable_by_key(|(k, _)| *k);
        for (key, rules) in keys {
            let total: u32 = rules.values().sum();
            if total < min_count {
                continue;
            }
            let mut best: Vec<(Rule, u32)> = rules.into_iter().collect();
            best.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let rule = best.swap_remove(0).0;
            let next = rule_ids.len() as u32;
            let id = *rule_ids.entry(rule.clone()).or_insert(next);
            if id == next {
                lem.rules.push(rule);
            }
            lem.by_suffix.insert(key, id);
        }
        // Exceptions: the most frequent lemma of each (word, XPOS) the rules get wrong.
        let mut seen: FxMap<u64, FxMap<String, u32>> = FxMap::default();
        let mut forms: FxMap<u64, (String, Xpos)> = FxMap::default();
        for (form, xpos, lemma) in items {
            if lemma == "_" || form.is_empty() {
                continue;
            }
            let lower = form.to_lowercase();
            let key = exception_key(&lower, xpos);
            *seen.entry(key).or_default().entry(lemma.to_string()).or_default() += 1;
            forms.entry(key).or_insert_with(|| (form.to_string(), xpos));
        }
        let mut keys: Vec<_> = seen.into_iter().collect();
        keys.sort_unstable_by_key(|(k, _)| *k);
        for (key, lemmas) in keys {
            let mut best: Vec<(String, u32)> = lemmas.into_iter().collect();
            best.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let lemma = best.swap_remove(0).0;
            let (form, xpos) = &forms[&key];
            // Past forms are always stored, so that the VBD/VBN fallback in
            // `lemma` finds irregular ones seen with the other tag.
            if matches!(xpos, Xpos::Vbd | Xpos::Vbn) || lem.by_rules(form, *xpos) != lemma {
                lem.exceptions.insert(key, lemma);
            }
        }
        lem
    }

    fn by_rules(&self, form: &str, xpos: Xpos) -> String {
        let lower = form.to_lowercase();
        let case = case_class(form);
        for suf in suffixes(&lower) {
            if let Some(&id) = self.by_suffix.get(&rule_key(xpos, case, suf)) {
                if let Some(out) = self.rules.get(id as usize).and_then(|r| r.apply(form)) {
                    return out;
                }
            }
        }
        if matches!(xpos, Xpos::Nnp | Xpos::Nnps) {
            form.to_string()
        } else {
            lower
        }
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemma(&self, form: &str, xpos: Xpos) -> String {
        let lower = form.to_lowercase();
        // Irregular past forms are shared by VBD and VBN: "shot" seen only as a
        // participle still lemmatizes as a past tense.
        let alt = match xpos {
            Xpos::Vbd => Some(Xpos::Vbn),
            Xpos::Vbn => Some(Xpos::Vbd),
            _ => None,
        };
        let found = self
            .exceptions
            .get(&exception_key(&lower, xpos))
            .or_else(|| alt.and_then(|a| self.exceptions.get(&exception_key(&lower, a))));
        if let Some(l) = found {
            // Proper nouns keep the case they are written in.
            if matches!(xpos, Xpos::Nnp | Xpos::Nnps) && l.to_lowercase() == lower {
                return form.to_string();
            }
            return l.clone();
        }
        self.by_rules(form, xpos)
    }

    /// Serializes into `w`.
    pub fn write(&self, w: &mut Writer) {
        w.varint(self.rules.len() as u64);
        for r in &self.rules {
            w.u8(u8::from(r.lower));
            w.u8(r.strip);
            w.str(&r.append);
        }
        let mut by: Vec<_> = self.by_suffix.iter().collect();
        by.sort_unstable();
        w.varint(by.len() as u64);
        for (k, v) in by {
            w.u64(*k);
            w.varint(u64::from(*v));
        }
        let mut ex: Vec<_> = self.exceptions.iter().collect();
        ex.sort_unstable();
        w.varint(ex.len() as u64);
        for (k, v) in ex {
            w.u64(*k);
            w.str(v);
        }
    }

    /// Deserializes what [`Lemmatizer::write`] wrote.
    pub fn read(r: &mut Reader<'_>) -> Result<Lemmatizer> {
        let mut lem = Lemmatizer::default();
        let n = r.count(3)?;
        for _ in 0..n {
            let lower = match r.u8()? {
                0 => false,
                1 => true,
                _ => return Err(r.malformed("bad lemma rule flag")),
            };
            let strip = r.u8()?;
            let append = r.str()?.to_string();
            lem.rules.push(Rule { lower, strip, append });
        }
        let n = r.count(9)?;
        lem.by_suffix.reserve(n);
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.varint()?;
            if v >= lem.rules.len() as u64 {
                return Err(r.malformed("lemma rule index out of range"));
            }
            lem.by_suffix.insert(k, v as u32);
        }
        let n = r.count(9)?;
        lem.exceptions.reserve(n);
        for _ in 0..n {
            let k = r.u64()?;
            lem.exceptions.insert(k, r.str()?.to_string());
        }
        Ok(lem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRAIN: &[(&str, Xpos, &str)] = &[
        ("carried", Xpos::Vbd, "carry"),
        ("married", Xpos::Vbd, "marry"),
        ("tried", Xpos::Vbd, "try"),
        ("worried", Xpos::Vbd, "worry"),
        ("walked", Xpos::Vbd, "walk"),
        ("talked", Xpos::Vbd, "talk"),
        ("jumped", Xpos::Vbd, "jump"),
        ("killed", Xpos::Vbd, "kill"),
        ("shot", Xpos::Vbd, "shoot"),
        ("met", Xpos::Vbd, "meet"),
        ("held", Xpos::Vbd, "hold"),
        ("thought", Xpos::Vbn, "think"),
        ("dogs", Xpos::Nns, "dog"),
        ("cats", Xpos::Nns, "cat"),
        ("Americans", Xpos::Nnps, "American"),
        ("The", Xpos::Dt, "the"),
        ("the", Xpos::Dt, "the"),
        ("I", Xpos::Prp, "I"),
    ];

    #[track_caller]
    fn check(words: &[(&str, Xpos)], expect: &str) {
        let lem = Lemmatizer::train(TRAIN.iter().map(|&(f, x, l)| (f, x, l)), 2);
        let mut w = Writer::new();
        lem.write(&mut w);
        let bytes = w.finish(b"DYADTST\0", 1);
        let mut r = Reader::open(&bytes, crate::ModelKind::Tagger, b"DYADTST\0", 1).unwrap();
        let back = Lemmatizer::read(&mut r).unwrap();
        assert_eq!(back, lem);
        let got: Vec<String> = words.iter().map(|&(f, x)| back.lemma(f, x)).collect();
        assert_eq!(got.join(" "), expect);
    }

    #[test]
    fn irregular_and_regular_verbs() {
        check(
            &[
                ("shot", Xpos::Vbd),
                ("met", Xpos::Vbd),
                ("held", Xpos::Vbd),
                ("carried", Xpos::Vbd),
                ("denied", Xpos::Vbd),
            ],
            "shoot meet hold carry deny",
        );
        check(&[("bombed", Xpos::Vbd), ("Shot", Xpos::Vbd)], "bomb shoot");
        // Seen only as a participle, used as a past tense.
        check(&[("thought", Xpos::Vbd), ("shot", Xpos::Vbn)], "think shoot");
    }

    #[test]
    fn nouns_case_and_unknowns() {
        check(
            &[
                ("horses", Xpos::Nns),
                ("The", Xpos::Dt),
                ("I", Xpos::Prp),
                ("Obama", Xpos::Nnp),
            ],
            "horse the I Obama",
        );
        check(&[("", Xpos::Nn), ("ß", Xpos::Nn), ("日本", Xpos::Nnp)], " ß 日本");
    }
}
