//! Part-of-speech tagger: a greedy left-to-right averaged perceptron that
//! predicts a combined UPOS+XPOS label per word, plus the [`Lemmatizer`].
//!
//! Features: the word, lowercased word, prefixes and suffixes, word shape,
//! the two previous predicted tags, neighbouring words, and each nearby word's
//! *ambiguity class* (the set of tags it had in training), which gives the
//! greedy tagger a look at the right context.

use crate::conllu::Sentence;
use crate::error::{Error, ModelKind, Result};
use crate::hash::{feat, str_hash, FxMap, Rng};
use crate::lemma::Lemmatizer;
use crate::model::{Reader, Writer};
use crate::perceptron::{Trainer, Weights};
use crate::tags::{Upos, Xpos};
use crate::TrainOptions;

const MAGIC: &[u8; 8] = b"DYADTAG\0";
const VERSION: u32 = 6;

/// Tags and lemma of one word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagResult {
    /// Universal POS tag.
    pub upos: Upos,
    /// Penn Treebank tag.
    pub xpos: Xpos,
    /// Lemma.
    pub lemma: String,
}

/// A trained tagger and lemmatizer.
#[derive(Clone, Debug, PartialEq)]
pub struct Tagger {
    classes: Vec<(Upos, Xpos)>,
    /// First pass: left context only.
    weights: Weights,
    /// Optional second pass that also sees the first pass's tags to the right.
    second: Option<Weights>,
    /// Lowercased word hash → ambiguity class id (0 = unknown word).
    lexicon: FxMap<u64, u32>,
    /// Exact word hash → class, for frequent words that (almost) always have
    /// one tag: these skip scoring.
    sure: FxMap<u64, u16>,
    lemmatizer: Lemmatizer,
}

/// Per-word values that features combine.
#[derive(Clone, Copy, Default)]
struct WordInfo {
    form: u64,
    lower: u64,
    pre: [u64; 3],
    suf: [u64; 5],
    shape: u64,
    flags: u64,
    amb: u64,
}

const PAD: u64 = 0x5bd1_e995;

fn word_info(form: &str, lexicon: &FxMap<u64, u32>) -> WordInfo {
    let lower = form.to_lowercase();
    let lower_h = str_hash(&lower);
    let idx: Vec<usize> = lower
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(lower.len()))
        .collect();
    let n = idx.len() - 1;
    let mut pre = [PAD; 3];
    let mut suf = [PAD; 5];
    for k in 1..=3 {
        if n >= k {
            pre[k - 1] = str_hash(&lower[..idx[k]]);
        }
    }
    for k in 1..=5 {
        if n >= k {
            suf[k - 1] = str_hash(&lower[idx[n - k]..]);
        }
    }
    let mut shape = String::new();
    let (mut digit, mut hyphen, mut upper, mut lowerc) = (false, false, false, false);
    let mut run = 0;
    let mut last = '\0';
    for c in form.chars() {
        let m = if c.is_uppercase() {
            upper = true;
            'X'
        } else if c.is_lowercase() {
            lowerc = true;
            'x'
        } else if c.is_numeric() {
            digit = true;
            'd'
        } else {
            if c == '-' {
                hyphen = true;
            }
            c
        };
        if m == last {
            run += 1;
        } else {
            run = 0;
            last = m;
        }
        if run < 2 {
            shape.push(m);
        }
    }
    let flags = u64::from(digit) | u64::from(hyphen) << 1 | u64::from(upper) << 2 | u64::from(lowerc) << 3;
    let amb = lexicon.get(&lower_h).copied().unwrap_or(0);
    WordInfo {
        form: str_hash(form),
        lower: lower_h,
        pre,
        suf,
        shape: str_hash(&shape),
        flags,
        amb: u64::from(amb),
    }
}

/// Features of word `i`, given the two previous tags (`u64::MAX - 1` = before the sentence).
fn features(w: &[WordInfo], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let none = WordInfo {
        form: PAD,
        lower: PAD,
        pre: [PAD; 3],
        suf: [PAD; 5],
        shape: PAD,
        flags: 99,
        amb: 999_999,
    };
    let at = |j: isize| -> WordInfo {
        if j < 0 || j as usize >= w.len() {
            none
        } else {
            w[j as usize]
        }
    };
    let ii = i as isize;
    let (c, l1, l2, r1, r2) = (w[i], at(ii - 1), at(ii - 2), at(ii + 1), at(ii + 2));
    let first = u64::from(i == 0);
    let f = &mut |t: u32, a: u64, b: u64| out.push(feat(t, a, b, 0));
    f(0, 0, 0);
    f(1, c.form, 0);
    f(2, c.lower, 0);
    for k in 0..3 {
        f(3 + k as u32, c.pre[k], 0);
    }
    for k in 0..5 {
        f(6 + k as u32, c.suf[k], 0);
    }
    f(11, c.shape, 0);
    f(12, c.flags, first);
    f(13, p1, 0);
    f(14, p2, 0);
    f(15, p1, p2);
    f(16, p1, c.lower);
    f(17, l1.lower, 0);
    f(18, l2.lower, 0);
    f(19, r1.lower, 0);
    f(20, r2.lower, 0);
    f(21, l1.suf[2], 0);
    f(22, r1.suf[2], 0);
    f(23, r1.shape, 0);
    f(24, l1.lower, c.lower);
    f(25, c.lower, r1.lower);
    f(26, c.amb, 0);
    f(27, r1.amb, 0);
    f(28, r2.amb, 0);
    f(29, p1, c.amb);
    f(30, c.amb, r1.amb);
    f(31, p1, c.suf[2]);
    f(32, first, c.shape);
    f(33, r1.lower, r2.lower);
    f(34, p2, c.lower);
    f(35, l1.amb, 0);
    f(36, c.lower, r1.amb);
    f(37, p1, r1.amb);
    f(38, c.shape, r1.amb);
    f(39, c.suf[1], r1.suf[1]);
    f(40, l1.suf[1], c.suf[1]);
}

const BOS: u64 = u64::MAX - 1;
const EOS: u64 = u64::MAX - 2;

/// Second-pass features: the first pass's tags around word `i`.
fn features2(w: &[WordInfo], i: usize, first: &[u64], p1: u64, out: &mut Vec<u64>) {
    let t = |j: usize| first.get(j).copied().unwrap_or(EOS);
    let (t0, r1, r2) = (t(i), t(i + 1), t(i + 2));
    let c = &w[i];
    let f = &mut |k: u32, a: u64, b: u64| out.push(feat(100 + k, a, b, 0));
    f(0, t0, 0);
    f(1, r1, 0);
    f(2, r2, 0);
    f(3, r1, r2);
    f(4, r1, c.lower);
    f(5, p1, r1);
    f(6, t0, c.lower);
    f(7, r1, c.suf[2]);
    f(8, p1, t0);
    f(9, t0, r1);
}

fn argmax(scores: &[i32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// Greedy left-to-right tagging with `weights`; `first` holds a first pass's
/// tags for the second pass.
fn run_pass(sure: &[Option<u16>], weights: &Weights, n_classes: usize, info: &[WordInfo], first: Option<&[u64]>) -> Vec<u64> {
    let mut feats = Vec::with_capacity(64);
    let mut scores = vec![0i32; n_classes];
    let (mut p1, mut p2) = (BOS, BOS);
    let mut out = Vec::with_capacity(info.len());
    for i in 0..info.len() {
        if let Some(&Some(c)) = sure.get(i) {
            out.push(u64::from(c));
            p2 = p1;
            p1 = u64::from(c);
            continue;
        }
        features(info, i, p1, p2, &mut feats);
        if let Some(first) = first {
            features2(info, i, first, p1, &mut feats);
        }
        scores.fill(0);
        weights.score(&feats, &mut scores);
        let c = argmax(&scores) as u64;
        out.push(c);
        p2 = p1;
        p1 = c;
    }
    out
}

impl Tagger {
    /// Tags and lemmatizes `words`.
    pub fn tag(&self, words: &[&str]) -> Vec<TagResult> {
        let tags = self.tag_only(words);
        tags.into_iter()
            .zip(words)
            .map(|((upos, xpos), w)| TagResult {
                upos,
                xpos,
                lemma: self.lemmatizer.lemma(w, xpos),
            })
            .collect()
    }

    /// Tags `words` without lemmatizing.
    pub fn tag_only(&self, words: &[&str]) -> Vec<(Upos, Xpos)> {
        let info: Vec<WordInfo> = words.iter().map(|w| word_info(w, &self.lexicon)).collect();
        let sure: Vec<Option<u16>> = info.iter().map(|i| self.sure.get(&i.form).copied()).collect();
        let mut tags = run_pass(&sure, &self.weights, self.classes.len(), &info, None);
        if let Some(second) = &self.second {
            tags = run_pass(&sure, second, self.classes.len(), &info, Some(&tags));
        }
        tags.iter()
            .map(|&c| self.classes.get(c as usize).copied().unwrap_or((Upos::X, Xpos::Xx)))
            .collect()
    }

    /// A smaller, faster copy without the weights whose magnitude is below
    /// `min`, in quantized units (the largest weight is 32000).
    pub fn pruned(&self, min: i16) -> Tagger {
        Tagger {
            weights: self.weights.pruned(min),
            second: self.second.as_ref().map(|w| w.pruned(min)),
            ..self.clone()
        }
    }

    /// Number of stored features and weights.
    pub fn size(&self) -> (usize, usize) {
        let (mut f, mut w) = (self.weights.n_features(), self.weights.n_weights());
        if let Some(s) = &self.second {
            f += s.n_features();
            w += s.n_weights();
        }
        (f, w)
    }

    /// The lemma of `word` with tag `xpos`.
    pub fn lemma(&self, word: &str, xpos: Xpos) -> String {
        self.lemmatizer.lemma(word, xpos)
    }

    /// Serializes the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.varint(self.classes.len() as u64);
        for (u, x) in &self.classes {
            w.str(u.as_str());
            w.str(x.as_str());
        }
        let mut lex: Vec<(&u64, &u32)> = self.lexicon.iter().collect();
        lex.sort_unstable();
        w.varint(lex.len() as u64);
        for (k, v) in lex {
            w.u64(*k);
            w.varint(u64::from(*v));
        }
        let mut sure: Vec<(&u64, &u16)> = self.sure.iter().collect();
        sure.sort_unstable();
        w.varint(sure.len() as u64);
        for (k, v) in sure {
            w.u64(*k);
            w.varint(u64::from(*v));
        }
        self.weights.write(&mut w);
        match &self.second {
            Some(second) => {
                w.u8(1);
                second.write(&mut w);
            }
            None => w.u8(0),
        }
        self.lemmatizer.write(&mut w);
        w.finish(MAGIC, VERSION)
    }

    /// Loads a model written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger> {
        let kind = ModelKind::Tagger;
        let mut r = Reader::open(bytes, kind, MAGIC, VERSION)?;
        let n = r.count(2)?;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let u = r.str()?;
            let u: Upos = u.parse().map_err(|_| Error::UnknownLabel {
                kind,
                label: u.to_string(),
            })?;
            let x = r.str()?;
            let x: Xpos = x.parse().map_err(|_| Error::UnknownLabel {
                kind,
                label: x.to_string(),
            })?;
            classes.push((u, x));
        }
        let n = r.count(9)?;
        let mut lexicon = FxMap::default();
        lexicon.reserve(n);
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.varint()?;
            lexicon.insert(k, u32::try_from(v).map_err(|_| r.malformed("ambiguity class out of range"))?);
        }
        let n = r.count(9)?;
        let mut sure = FxMap::default();
        sure.reserve(n);
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.varint()?;
            if v >= classes.len() as u64 {
                return Err(r.malformed("tag dictionary class out of range"));
            }
            sure.insert(k, v as u16);
        }
        let weights = Weights::read(&mut r)?;
        if weights.n_classes() != classes.len() {
            return Err(r.malformed("weights and label list disagree on the number of classes"));
        }
        let second = match r.u8()? {
            0 => None,
            1 => {
                let w = Weights::read(&mut r)?;
                if w.n_classes() != classes.len() {
                    return Err(r.malformed("second-pass weights disagree on the number of classes"));
                }
                Some(w)
            }
            _ => return Err(r.malformed("bad second-pass flag")),
        };
        let lemmatizer = Lemmatizer::read(&mut r)?;
        r.expect_end()?;
        Ok(Tagger {
            classes,
            weights,
            second,
            lexicon,
            sure,
            lemmatizer,
        })
    }
}

/// Gold tags of a CoNLL-U token; unknown labels become `X` / `XX`.
pub(crate) fn gold_tags(t: &crate::conllu::Token) -> (Upos, Xpos) {
    (t.upos.parse().unwrap_or(Upos::X), t.xpos.parse().unwrap_or(Xpos::Xx))
}

/// Trains a tagger and lemmatizer on `train`, reporting accuracy on `dev`
/// after each epoch through `progress`.
pub fn train_tagger(train: &[Sentence], dev: &[Sentence], opts: &TrainOptions, progress: &mut dyn FnMut(&str)) -> Tagger {
    // Label set and lexicon. Training sentences see ambiguity classes computed
    // without their own fold, so that words unseen elsewhere look unknown at the
    // rate they do in new text.
    const FOLDS: usize = 10;
    let mut class_ids: FxMap<(Upos, Xpos), usize> = FxMap::default();
    let mut classes = Vec::new();
    type Counts = FxMap<u64, FxMap<usize, u32>>;
    let mut full: Counts = FxMap::default();
    let mut folds: Vec<Counts> = vec![FxMap::default(); FOLDS];
    for (si, s) in train.iter().enumerate() {
        for t in &s.tokens {
            let tags = gold_tags(t);
            let next = classes.len();
            let c = *class_ids.entry(tags).or_insert(next);
            if c == next {
                classes.push(tags);
            }
            let w = str_hash(&t.form.to_lowercase());
            *full.entry(w).or_default().entry(c).or_default() += 1;
            *folds[si % FOLDS].entry(w).or_default().entry(c).or_default() += 1;
        }
    }
    let mut amb_ids: FxMap<Vec<usize>, u32> = FxMap::default();
    let min_count = opts.tagger_min_lexicon_count.max(1);
    // Ambiguity class of a word from `counts` minus `minus`.
    let mut amb = |w: u64, minus: Option<&Counts>| -> Option<u32> {
        let tags = full.get(&w)?;
        let held = minus.and_then(|m| m.get(&w));
        let count = |c: usize, n: u32| n - held.and_then(|h| h.get(&c)).copied().unwrap_or(0);
        let total: u32 = tags.iter().map(|(&c, &n)| count(c, n)).sum();
        if total < min_count {
            return None;
        }
        let mut set: Vec<usize> = tags
            .iter()
            .filter(|(&c, &n)| count(c, n) * 20 >= total && count(c, n) > 0)
            .map(|(&c, _)| c)
            .collect();
        set.sort_unstable();
        let next = amb_ids.len() as u32 + 1;
        Some(*amb_ids.entry(set).or_insert(next))
    };
    let mut lexicon = FxMap::default();
    let mut words: Vec<u64> = full.keys().copied().collect();
    words.sort_unstable();
    for &w in &words {
        if let Some(id) = amb(w, None) {
            lexicon.insert(w, id);
        }
    }
    let mut fold_lexicons: Vec<FxMap<u64, u32>> = Vec::with_capacity(FOLDS);
    for fold in &folds {
        let mut lex = FxMap::default();
        for &w in &words {
            if let Some(id) = amb(w, Some(fold)) {
                lex.insert(w, id);
            }
        }
        fold_lexicons.push(lex);
    }
    let n_amb = amb_ids.len();
    // Tag dictionary: frequent words seen with one tag at least 99.5% of the time.
    let mut form_tags: FxMap<u64, FxMap<usize, u32>> = FxMap::default();
    for s in train {
        for t in &s.tokens {
            let c = class_ids[&gold_tags(t)];
            *form_tags.entry(str_hash(&t.form)).or_default().entry(c).or_default() += 1;
        }
    }
    let mut sure: FxMap<u64, u16> = FxMap::default();
    for (w, tags) in &form_tags {
        let total: u32 = tags.values().sum();
        if let Some((&c, &top)) = tags.iter().max_by_key(|(&c, &n)| (n, std::cmp::Reverse(c))) {
            if opts.tagger_sure_min_count > 0 && total >= opts.tagger_sure_min_count && f64::from(top) >= 0.995 * f64::from(total)
            {
                sure.insert(*w, c as u16);
            }
        }
    }
    let lemmatizer = Lemmatizer::train(
        train
            .iter()
            .flat_map(|s| s.tokens.iter())
            .map(|t| (t.form.as_str(), gold_tags(t).1, t.lemma.as_str())),
        2,
    );
    progress(&format!(
        "tagger: {} labels, {} lexicon words, {n_amb} ambiguity classes",
        classes.len(),
        lexicon.len()
    ));

    let examples: Vec<Example> = train
        .iter()
        .enumerate()
        .map(|(si, s)| {
            let lex = if opts.tagger_jackknife_lexicon {
                &fold_lexicons[si % FOLDS]
            } else {
                &lexicon
            };
            Example {
                info: s.tokens.iter().map(|t| word_info(&t.form, lex)).collect(),
                gold: s.tokens.iter().map(|t| class_ids[&gold_tags(t)] as u64).collect(),
                first: Vec::new(),
            }
        })
        .collect();
    let dev_info: Vec<Vec<WordInfo>> = dev
        .iter()
        .map(|s| s.tokens.iter().map(|t| word_info(&t.form, &lexicon)).collect())
        .collect();
    let dev_gold: Vec<Vec<Upos>> = dev
        .iter()
        .map(|s| s.tokens.iter().map(|t| gold_tags(t).0).collect())
        .collect();
    let n_classes = classes.len();
    let dev_acc = |first: &Weights, second: Option<&Weights>| -> f64 {
        let (mut ok, mut total) = (0usize, 0usize);
        for (info, gold) in dev_info.iter().zip(&dev_gold) {
            let mut tags = run_pass(&[], first, n_classes, info, None);
            if let Some(s) = second {
                tags = run_pass(&[], s, n_classes, info, Some(&tags));
            }
            for (t, g) in tags.iter().zip(gold) {
                ok += usize::from(classes[*t as usize].0 == *g);
                total += 1;
            }
        }
        ok as f64 / total.max(1) as f64
    };

    let first = train_pass(
        &examples,
        n_classes,
        opts.tagger_epochs,
        opts,
        false,
        &mut |w, epoch, train_acc| {
            let acc = if dev.is_empty() { 0.0 } else { dev_acc(w, None) };
            progress(&format!(
                "tagger pass 1 epoch {epoch}: train {:.2}%, dev UPOS {:.2}%, {} features, {} weights",
                100.0 * train_acc,
                100.0 * acc,
                w.n_features(),
                w.n_weights()
            ));
            acc
        },
    );
    let second = if opts.tagger_two_pass {
        // Jackknifed first-pass tags for the second pass to learn from.
        let mut examples = examples;
        let k = 5;
        for fold in 0..k {
            let rest: Vec<Example> = examples
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != fold)
                .map(|(_, e)| e.clone())
                .collect();
            let w = train_pass(&rest, n_classes, opts.tagger_epochs, opts, false, &mut |_, _, _| 0.0);
            for (_, e) in examples.iter_mut().enumerate().filter(|(i, _)| i % k == fold) {
                e.first = run_pass(&[], &w, n_classes, &e.info, None);
            }
            progress(&format!("tagger: first-pass fold {}/{k} tagged", fold + 1));
        }
        Some(train_pass(
            &examples,
            n_classes,
            opts.tagger_epochs,
            opts,
            true,
            &mut |w, epoch, train_acc| {
                let acc = if dev.is_empty() { 0.0 } else { dev_acc(&first, Some(w)) };
                progress(&format!(
                    "tagger pass 2 epoch {epoch}: train {:.2}%, dev UPOS {:.2}%, {} features, {} weights",
                    100.0 * train_acc,
                    100.0 * acc,
                    w.n_features(),
                    w.n_weights()
                ));
                acc
            },
        ))
    } else {
        None
    };
    Tagger {
        classes,
        weights: first,
        second,
        lexicon,
        sure,
        lemmatizer,
    }
}

#[derive(Clone)]
struct Example {
    info: Vec<WordInfo>,
    gold: Vec<u64>,
    /// First-pass tags (second pass only).
    first: Vec<u64>,
}

/// Trains one pass; `report(weights, epoch, train accuracy)` returns a dev score
/// and the best-scoring epoch's weights are kept.
fn train_pass(
    examples: &[Example],
    n_classes: usize,
    epochs: usize,
    opts: &TrainOptions,
    second: bool,
    report: &mut dyn FnMut(&Weights, usize, f64) -> f64,
) -> Weights {
    let mut trainer = Trainer::new(n_classes);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng::new(opts.seed);
    let mut feats = Vec::with_capacity(64);
    let mut scores = vec![0f32; n_classes];
    let mut best: Option<(f64, Weights)> = None;
    for epoch in 1..=epochs.max(1) {
        rng.shuffle(&mut order);
        let (mut correct, mut total) = (0usize, 0usize);
        for &si in &order {
            let ex = &examples[si];
            let (mut p1, mut p2) = (BOS, BOS);
            for i in 0..ex.info.len() {
                features(&ex.info, i, p1, p2, &mut feats);
                if second {
                    features2(&ex.info, i, &ex.first, p1, &mut feats);
                }
                trainer.score(&feats, &mut scores);
                let mut pred = 0;
                for c in 1..scores.len() {
                    if scores[c] > scores[pred] {
                        pred = c;
                    }
                }
                let gold = ex.gold[i] as usize;
                trainer.update(&feats, gold, pred);
                trainer.tick();
                correct += usize::from(pred == gold);
                total += 1;
                p2 = p1;
                p1 = pred as u64;
            }
        }
        let weights = trainer.freeze(opts.min_weight);
        let score = report(&weights, epoch, correct as f64 / total.max(1) as f64);
        if best.as_ref().is_none_or(|(b, _)| score >= *b) {
            best = Some((score, weights));
        }
    }
    best.map(|(_, w)| w).unwrap_or_else(|| trainer.freeze(opts.min_weight))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::conllu;

    pub(crate) const SAMPLE: &str = "\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tpolice\tpolice\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_
4\tprotesters\tprotester\tNOUN\tNNS\t_\t3\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tshot\tshoot\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tsoldier\tsoldier\tNOUN\tNN\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";

    fn trained() -> Tagger {
        let sents = conllu::parse(SAMPLE).unwrap();
        let opts = TrainOptions {
            tagger_epochs: 5,
            tagger_min_lexicon_count: 1,
            ..TrainOptions::default()
        };
        train_tagger(&sents, &[], &opts, &mut |_| {})
    }

    #[track_caller]
    fn check(words: &[&str], expect: &str) {
        let tagger = trained();
        let back = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
        assert_eq!(back, tagger);
        let got: Vec<String> = back
            .tag(words)
            .iter()
            .map(|t| format!("{}/{}/{}", t.lemma, t.upos, t.xpos))
            .collect();
        assert_eq!(got.join(" "), expect);
    }

    #[test]
    fn tags_training_sentences() {
        check(
            &["The", "police", "arrested", "protesters", "."],
            "the/DET/DT police/NOUN/NN arrest/VERB/VBD protester/NOUN/NNS ./PUNCT/.",
        );
        check(
            &["Rebels", "shot", "the", "soldier", "."],
            "rebel/NOUN/NNS shoot/VERB/VBD the/DET/DT soldier/NOUN/NN ./PUNCT/.",
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        let tagger = trained();
        assert!(tagger.tag(&[]).is_empty());
        assert_eq!(tagger.tag(&["", "日本", "🙂", "a\tb"]).len(), 4);
    }

    #[test]
    fn word_features() {
        let lex = FxMap::default();
        let w = word_info("Hello-World99", &lex);
        assert_eq!(w.flags, 0b1111);
        assert_eq!(w.shape, str_hash("Xxx-Xxxdd"));
        assert_eq!(w.suf[1], str_hash("99"));
        assert_eq!(w.pre[2], str_hash("hel"));
        let short = word_info("a", &lex);
        assert_eq!(short.suf[1], PAD);
        let mut feats = Vec::new();
        features(&[w, short], 0, BOS, BOS, &mut feats);
        assert_eq!(feats.len(), 41);
        let mut sorted = feats.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), feats.len(), "feature templates collide");
    }

    #[test]
    fn corrupt_models_are_errors() {
        let bytes = trained().to_bytes();
        for i in [0, 9, 30, bytes.len() / 2, bytes.len() - 1] {
            let mut b = bytes.clone();
            b[i] ^= 0x10;
            assert!(Tagger::from_bytes(&b).is_err(), "flip at {i}");
        }
        assert!(Tagger::from_bytes(&bytes[..bytes.len() - 3]).is_err());
        assert!(matches!(Tagger::from_bytes(b"DYADPAR\0rest"), Err(Error::BadMagic { .. })));
    }
}
