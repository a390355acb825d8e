//! Labelled dependency parser: greedy arc-hybrid transitions
//! ([`crate::transition`]) scored by an averaged perceptron with Zhang & Nivre
//! (2011)-style features, trained with a dynamic oracle and exploration
//! (Goldberg & Nivre 2012).

use crate::conllu::Sentence;
use crate::error::{Error, ModelKind, Result};
use crate::hash::{feat, str_hash, FxMap, Rng};
use crate::model::{Reader, Writer};
use crate::perceptron::{Trainer, Weights};
use crate::tagger::{gold_tags, Tagger};
use crate::tags::{Deprel, Rel, Upos, Xpos};
use crate::transition::{projectivize, Action, State, NIL};
use crate::TrainOptions;

const MAGIC: &[u8; 8] = b"DYADPAR\0";
const VERSION: u32 = 6;

/// The head and relation of one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arc {
    /// Head word, 1-based like CoNLL-U; 0 is the root.
    pub head: usize,
    /// Relation to the head.
    pub deprel: Deprel,
}

/// A trained parser: one or more transition models whose arcs are combined
/// by voting and a maximum spanning tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Parser {
    labels: Vec<Deprel>,
    root_label: Option<u16>,
    models: Vec<Model>,
}

/// One transition model.
#[derive(Clone, Debug, PartialEq)]
struct Model {
    /// Parses the sentence right to left.
    reverse: bool,
    /// Beam width (1 = greedy).
    beam: u8,
    weights: Weights,
}

const NIL_W: u64 = 0x1111;
const ROOT_W: u64 = 0x2222;
const NIL_P: u64 = 200;
const ROOT_P: u64 = 201;

/// Per-sentence token values; index `n` is the root.
struct Ctx {
    w: Vec<u64>,
    p: Vec<u64>,
    u: Vec<u64>,
}

impl Ctx {
    fn new(words: &[&str], tags: &[(Upos, Xpos)]) -> Ctx {
        let n = words.len();
        let mut w = Vec::with_capacity(n + 1);
        let mut p = Vec::with_capacity(n + 1);
        let mut u = Vec::with_capacity(n + 1);
        for (i, word) in words.iter().enumerate() {
            let (up, xp) = tags.get(i).copied().unwrap_or((Upos::X, Xpos::Xx));
            w.push(word_hash(word));
            p.push(xp.index() as u64);
            u.push(up.index() as u64);
        }
        w.push(ROOT_W);
        p.push(ROOT_P);
        u.push(ROOT_P);
        Ctx { w, p, u }
    }
}

fn word_hash(word: &str) -> u64 {
    if word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii() {
        str_hash(&word.to_lowercase())
    } else {
        str_hash(word)
    }
}

fn dist_bucket(a: u32, b: u32, n: usize) -> u64 {
    if a == NIL || b == NIL {
        return 0;
    }
    if a as usize == n || b as usize == n {
        return 20;
    }
    let d = a.abs_diff(b);
    match d {
        0..=4 => u64::from(d),
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Extracts the features of a state into `out`.
fn features(st: &State, c: &Ctx, out: &mut Vec<u64>) {
    out.clear();
    let n = st.n;
    let w = |i: u32| if i == NIL { NIL_W } else { c.w[i as usize] };
    let p = |i: u32| if i == NIL { NIL_P } else { c.p[i as usize] };
    let u = |i: u32| if i == NIL { NIL_P } else { c.u[i as usize] };
    let l = |i: u32| {
        if i == NIL || st.head[i as usize] == NIL {
            0
        } else {
            u64::from(st.label[i as usize]) + 1
        }
    };
    let lc = |i: u32, k: usize| if i == NIL { NIL } else { st.lc[i as usize][k] };
    let rc = |i: u32, k: usize| if i == NIL { NIL } else { st.rc[i as usize][k] };
    let val = |i: u32, k: usize| {
        if i == NIL {
            99
        } else {
            u64::from(st.valency[i as usize][k])
        }
    };
    let set = |i: u32, k: usize| {
        if i == NIL {
            1 << 63
        } else {
            st.labelset[i as usize][k]
        }
    };

    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let (s0w, s0p, s1w, s1p, s2w, s2p) = (w(s0), p(s0), w(s1), p(s1), w(s2), p(s2));
    let (b0w, b0p, b1w, b1p, b2w, b2p) = (w(b0), p(b0), w(b1), p(b1), w(b2), p(b2));
    let (s0l1, s0l2, s0r1, s0r2) = (lc(s0, 0), lc(s0, 1), rc(s0, 0), rc(s0, 1));
    let (s1l1, s1r1, s1r2) = (lc(s1, 0), rc(s1, 0), rc(s1, 1));
    let (b0l1, b0l2) = (lc(b0, 0), lc(b0, 1));
    let d0 = dist_bucket(s0, b0, n);
    let d1 = dist_bucket(s1, s0, n);
    let depth = (st.stack.len() as u64).min(4);

    let mut t = 0u32;
    let mut f = |a: u64, b: u64, c: u64| {
        out.push(feat(t, a, b, c));
        t += 1;
    };
    // Unigrams.
    f(s0w, 0, 0);
    f(s0p, 0, 0);
    f(s0w, s0p, 0);
    f(s1w, 0, 0);
    f(s1p, 0, 0);
    f(s1w, s1p, 0);
    f(s2w, 0, 0);
    f(s2p, 0, 0);
    f(b0w, 0, 0);
    f(b0p, 0, 0);
    f(b0w, b0p, 0);
    f(b1w, 0, 0);
    f(b1p, 0, 0);
    f(b1w, b1p, 0);
    f(b2w, 0, 0);
    f(b2p, 0, 0);
    // Children.
    f(w(s0l1), 0, 0);
    f(p(s0l1), l(s0l1), 0);
    f(l(s0l1), 0, 0);
    f(w(s0r1), 0, 0);
    f(p(s0r1), l(s0r1), 0);
    f(l(s0r1), 0, 0);
    f(p(s0l2), l(s0l2), 0);
    f(p(s0r2), l(s0r2), 0);
    f(w(b0l1), 0, 0);
    f(p(b0l1), l(b0l1), 0);
    f(l(b0l1), 0, 0);
    f(p(b0l2), l(b0l2), 0);
    f(p(s1l1), l(s1l1), 0);
    f(w(s1r1), 0, 0);
    f(p(s1r1), l(s1r1), 0);
    f(p(s1r2), l(s1r2), 0);
    // Pairs (s0, b0) and (s1, s0).
    for (xw, xp, yw, yp) in [(s0w, s0p, b0w, b0p), (s1w, s1p, s0w, s0p)] {
        f(xw ^ xp.rotate_left(40), yw ^ yp.rotate_left(40), 0);
        f(xw ^ xp.rotate_left(40), yw, 0);
        f(xw, yw ^ yp.rotate_left(40), 0);
        f(xw ^ xp.rotate_left(40), yp, 0);
        f(xp, yw ^ yp.rotate_left(40), 0);
        f(xw, yw, 0);
        f(xp, yp, 0);
    }
    f(b0p, b1p, 0);
    f(s0p, b1p, 0);
    f(s0w, b1w, 0);
    f(u(s0), u(b0), 0);
    f(u(s1), u(s0), 0);
    // Trigrams of tags.
    f(b0p, b1p, b2p);
    f(s0p, b0p, b1p);
    f(s1p, s0p, b0p);
    f(s2p, s1p, s0p);
    f(s0p, p(s0l1), b0p);
    f(s0p, p(s0r1), b0p);
    f(s0p, b0p, p(b0l1));
    f(s1p, s0p, p(s0l1));
    f(s1p, s0p, p(s0r1));
    f(s1p, p(s1r1), s0p);
    f(s1p, p(s1l1), s0p);
    f(s0p, p(s0l1), p(s0l2));
    f(s0p, p(s0r1), p(s0r2));
    f(b0p, p(b0l1), p(b0l2));
    f(s1p, p(s1r1), p(s1r2));
    f(s2p, s1p, b0p);
    f(u(s1), u(s0), u(b0));
    // Distances.
    f(s0w, d0, 0);
    f(s0p, d0, 0);
    f(b0w, d0, 0);
    f(b0p, d0, 0);
    f(s0w ^ b0w.rotate_left(17), d0, 0);
    f(s0p, b0p, d0);
    f(s1w, d1, 0);
    f(s0w, d1, 0);
    f(s1p, s0p, d1);
    f(s1w ^ s0w.rotate_left(17), d1, 0);
    // Valency.
    f(s0w, val(s0, 0), 0);
    f(s0p, val(s0, 0), 0);
    f(s0w, val(s0, 1), 0);
    f(s0p, val(s0, 1), 0);
    f(b0w, val(b0, 0), 0);
    f(b0p, val(b0, 0), 0);
    f(s1w, val(s1, 1), 0);
    f(s1p, val(s1, 1), 0);
    f(s1p, val(s1, 0), 0);
    // Label sets.
    f(s0w, set(s0, 0), 0);
    f(s0p, set(s0, 0), 0);
    f(s0w, set(s0, 1), 0);
    f(s0p, set(s0, 1), 0);
    f(b0w, set(b0, 0), 0);
    f(b0p, set(b0, 0), 0);
    f(s1p, set(s1, 1), 0);
    f(s1w, set(s1, 1), 0);
    // Stack depth near the end of the sentence.
    f(depth, s0p, b0p);
}

/// Labelled actions valid in `st`, as a class mask.
fn valid_mask(st: &State, n_labels: usize, root: Option<u16>, mask: &mut [bool]) {
    let [shift, left, right] = st.valid();
    mask[0] = shift;
    let to_root = st.left_is_root();
    for l in 0..n_labels {
        let is_root = root == Some(l as u16);
        let lok = if root.is_none() {
            true
        } else if to_root {
            is_root
        } else {
            !is_root
        };
        mask[1 + 2 * l] = left && lok;
        mask[2 + 2 * l] = right && (root.is_none() || !is_root);
    }
}

fn best_valid<T: PartialOrd + Copy>(scores: &[T], mask: &[bool]) -> usize {
    let mut best = usize::MAX;
    for (i, &s) in scores.iter().enumerate() {
        if mask[i] && (best == usize::MAX || s > scores[best]) {
            best = i;
        }
    }
    best
}

/// Parses with one model; returns `(head, label)` per word in sentence order,
/// head `n` being the root.
fn run_model(
    model: &Model,
    labels: &[Deprel],
    root_label: Option<u16>,
    words: &[&str],
    tags: &[(Upos, Xpos)],
) -> Vec<(usize, u16)> {
    let n = words.len();
    let ctx = if model.reverse {
        let rw: Vec<&str> = words.iter().rev().copied().collect();
        let mut rt: Vec<(Upos, Xpos)> = (0..n).map(|i| tags.get(i).copied().unwrap_or((Upos::X, Xpos::Xx))).collect();
        rt.reverse();
        Ctx::new(&rw, &rt)
    } else {
        Ctx::new(words, tags)
    };
    let st = if model.beam > 1 {
        beam_search(&model.weights, usize::from(model.beam), labels.len(), root_label, &ctx, n)
    } else {
        greedy(&model.weights, labels.len(), root_label, &ctx, n)
    };
    let at = |j: usize| (st.head[j] as usize, st.label[j]);
    if model.reverse {
        (0..n)
            .map(|i| {
                let (h, l) = at(n - 1 - i);
                (if h >= n { n } else { n - 1 - h }, l)
            })
            .collect()
    } else {
        (0..n).map(at).collect()
    }
}

/// Greedy decoding: the best valid action at every step.
fn greedy(weights: &Weights, n_labels: usize, root_label: Option<u16>, ctx: &Ctx, n: usize) -> State {
    let mut st = State::new(n);
    let n_classes = 1 + 2 * n_labels;
    let mut scores = vec![0i32; n_classes];
    let mut mask = vec![false; n_classes];
    let mut feats = Vec::with_capacity(128);
    while !st.is_terminal() {
        let [shift, left, right] = st.valid();
        let action = if shift && !left && !right {
            Action::Shift // the only move: no need to score
        } else {
            features(&st, ctx, &mut feats);
            scores.fill(0);
            weights.score(&feats, &mut scores);
            valid_mask(&st, n_labels, root_label, &mut mask);
            let best = best_valid(&scores, &mask);
            if best == usize::MAX {
                fallback(&st, root_label) // unreachable by the transition-system invariant
            } else {
                Action::from_class(best)
            }
        };
        st.apply(action);
    }
    st
}

/// Some valid action, for a state where the mask allowed none.
fn fallback(st: &State, root_label: Option<u16>) -> Action {
    let [shift, left, _] = st.valid();
    if shift {
        Action::Shift
    } else if left {
        Action::Left(root_label.unwrap_or(0))
    } else {
        Action::Right(0)
    }
}

/// Orders beam candidates `(score, item, class)`: best first, ties broken stably.
fn cand_order<T: PartialOrd>(a: &(T, u32, u32), b: &(T, u32, u32)) -> std::cmp::Ordering {
    b.0.partial_cmp(&a.0)
        .unwrap_or(std::cmp::Ordering::Equal)
        .then(a.1.cmp(&b.1))
        .then(a.2.cmp(&b.2))
}

/// Keeps the best `beam` candidates, sorted best first.
fn top_candidates<T: PartialOrd + Copy>(cands: &mut Vec<(T, u32, u32)>, beam: usize) {
    if cands.len() > beam {
        cands.select_nth_unstable_by(beam - 1, cand_order);
        cands.truncate(beam);
    }
    cands.sort_unstable_by(cand_order);
}

/// Beam-search decoding: keeps the `beam` best action sequences by total score.
fn beam_search(weights: &Weights, beam: usize, n_labels: usize, root_label: Option<u16>, ctx: &Ctx, n: usize) -> State {
    let n_classes = 1 + 2 * n_labels;
    let mut scores = vec![0i32; n_classes];
    let mut mask = vec![false; n_classes];
    let mut feats = Vec::with_capacity(128);
    let mut cur: Vec<(State, i64)> = vec![(State::new(n), 0)];
    let mut next: Vec<(State, i64)> = Vec::with_capacity(beam);
    let mut pool: Vec<State> = Vec::new();
    let mut cands: Vec<(i64, u32, u32)> = Vec::new();
    while !cur[0].0.is_terminal() {
        cands.clear();
        for (k, (st, score)) in cur.iter().enumerate() {
            let [shift, left, right] = st.valid();
            if shift && !left && !right {
                cands.push((*score, k as u32, 0));
                continue;
            }
            features(st, ctx, &mut feats);
            scores.fill(0);
            weights.score(&feats, &mut scores);
            valid_mask(st, n_labels, root_label, &mut mask);
            for c in 0..n_classes {
                if mask[c] {
                    cands.push((score + i64::from(scores[c]), k as u32, c as u32));
                }
            }
        }
        if cands.is_empty() {
            // Unreachable by the transition-system invariant; stay total anyway.
            let a = fallback(&cur[0].0, root_label);
            cur[0].0.apply(a);
            cur.truncate(1);
            continue;
        }
        top_candidates(&mut cands, beam);
        for &(score, k, c) in &cands {
            let mut st = pool.pop().unwrap_or_else(|| State::new(n));
            st.copy_from(&cur[k as usize].0);
            st.apply(Action::from_class(c as usize));
            next.push((st, score));
        }
        pool.extend(cur.drain(..).map(|(st, _)| st));
        std::mem::swap(&mut cur, &mut next);
    }
    cur.swap_remove(0).0
}

/// Combines several models' arcs: each arc scores one vote (the first model's a
/// little more, to break ties), and the best single-rooted tree wins. Each word's
/// label is the most voted label among the models that chose its head.
fn combine(runs: &[Vec<(usize, u16)>], n: usize, root_label: Option<u16>) -> (Vec<usize>, Vec<u16>) {
    // Fast path: per-word majority heads that already form a single-rooted tree.
    let mut heads = Vec::with_capacity(n);
    for d in 0..n {
        let mut best = (0.0f64, runs[0][d].0);
        for r in runs {
            let h = r[d].0;
            let votes: f64 = runs
                .iter()
                .enumerate()
                .filter(|(_, o)| o[d].0 == h)
                .map(|(k, _)| if k == 0 { 1.01 } else { 1.0 })
                .sum();
            if votes > best.0 {
                best = (votes, h);
            }
        }
        heads.push(best.1);
    }
    let is_tree = heads.iter().filter(|&&h| h == n).count() == 1 && {
        let mut ok = true;
        for start in 0..n {
            let (mut v, mut steps) = (start, 0);
            while v != n && steps <= n {
                v = heads[v];
                steps += 1;
            }
            ok &= v == n;
        }
        ok
    };
    if !is_tree {
        // Node 0 is the root, word d is node d + 1.
        const ROOT_PENALTY: f64 = 1000.0;
        let mut score = vec![vec![0.0f64; n + 1]; n + 1];
        for (k, r) in runs.iter().enumerate() {
            let v = if k == 0 { 1.01 } else { 1.0 };
            for (d, &(h, _)) in r.iter().enumerate() {
                let hn = if h >= n { 0 } else { h + 1 };
                score[hn][d + 1] += v;
            }
        }
        for s in score[0].iter_mut().skip(1) {
            *s -= ROOT_PENALTY;
        }
        let tree = crate::mst::arborescence(&score);
        heads = (1..=n).map(|d| if tree[d] == 0 { n } else { tree[d] - 1 }).collect();
    }
    let labels = (0..n)
        .map(|d| {
            let h = heads[d];
            let mut best: Option<(usize, u16)> = None;
            for r in runs.iter().filter(|r| r[d].0 == h) {
                let l = r[d].1;
                let votes = runs.iter().filter(|o| o[d].0 == h && o[d].1 == l).count();
                if best.is_none_or(|(b, _)| votes > b) {
                    best = Some((votes, l));
                }
            }
            let l = best.map_or(runs[0][d].1, |(_, l)| l);
            // Keep the root label on the root arc only.
            match root_label {
                Some(root) if h == n => root,
                Some(root) if l == root => runs.iter().map(|r| r[d].1).find(|&x| x != root).unwrap_or(0),
                _ => l,
            }
        })
        .collect();
    (heads, labels)
}

impl Parser {
    /// Parses one sentence. `tags` gives each word's tags (missing ones count as
    /// `X`/`XX`). Returns exactly one arc per word; exactly one word has head 0,
    /// and the arcs form a tree.
    pub fn parse(&self, words: &[&str], tags: &[(Upos, Xpos)]) -> Vec<Arc> {
        self.parse_with(words, tags, self.models.len())
    }

    /// Like [`Parser::parse`] but with only the first model: faster, a little less accurate.
    pub fn parse_fast(&self, words: &[&str], tags: &[(Upos, Xpos)]) -> Vec<Arc> {
        self.parse_with(words, tags, 1)
    }

    /// Number of transition models combined.
    pub fn n_models(&self) -> usize {
        self.models.len()
    }

    fn parse_with(&self, words: &[&str], tags: &[(Upos, Xpos)], n_models: usize) -> Vec<Arc> {
        let n = words.len();
        if n == 0 {
            return Vec::new();
        }
        let runs: Vec<Vec<(usize, u16)>> = self
            .models
            .iter()
            .take(n_models.max(1))
            .map(|m| run_model(m, &self.labels, self.root_label, words, tags))
            .collect();
        let (heads, labels) = if runs.len() == 1 {
            runs[0].iter().copied().unzip()
        } else {
            combine(&runs, n, self.root_label)
        };
        heads
            .iter()
            .zip(&labels)
            .map(|(&h, &l)| {
                let deprel = self.labels.get(usize::from(l)).copied().unwrap_or(Deprel::new(Rel::Dep));
                Arc {
                    head: if h >= n { 0 } else { h + 1 },
                    deprel,
                }
            })
            .collect()
    }

    /// A smaller, faster copy without the weights whose magnitude is below
    /// `min`, in quantized units (the largest weight is 32000).
    pub fn pruned(&self, min: i16) -> Parser {
        let models = self
            .models
            .iter()
            .map(|m| Model {
                weights: m.weights.pruned(min),
                ..m.clone()
            })
            .collect();
        Parser { models, ..self.clone() }
    }

    /// A copy that decodes with beam width `beam` (1 = greedy) in every model.
    pub fn with_beam(&self, beam: u8) -> Parser {
        let models = self
            .models
            .iter()
            .map(|m| Model {
                beam: beam.max(1),
                ..m.clone()
            })
            .collect();
        Parser { models, ..self.clone() }
    }

    /// A copy with only the first `n` models (at least one).
    pub fn with_models(&self, n: usize) -> Parser {
        Parser {
            models: self.models[..n.clamp(1, self.models.len())].to_vec(),
            ..self.clone()
        }
    }

    /// Number of stored features and weights, over all models.
    pub fn size(&self) -> (usize, usize) {
        self.models
            .iter()
            .fold((0, 0), |(f, w), m| (f + m.weights.n_features(), w + m.weights.n_weights()))
    }

    /// The relation labels this parser predicts.
    pub fn labels(&self) -> &[Deprel] {
        &self.labels
    }

    /// Serializes the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.varint(self.labels.len() as u64);
        for l in &self.labels {
            w.str(&l.to_string());
        }
        w.varint(self.models.len() as u64);
        for m in &self.models {
            w.u8(u8::from(m.reverse));
            w.u8(m.beam);
            m.weights.write(&mut w);
        }
        w.finish(MAGIC, VERSION)
    }

    /// Loads a model written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser> {
        let kind = ModelKind::Parser;
        let mut r = Reader::open(bytes, kind, MAGIC, VERSION)?;
        let n = r.count(2)?;
        if n == 0 || n > 30_000 {
            return Err(r.malformed("bad number of labels"));
        }
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            let s = r.str()?;
            labels.push(s.parse::<Deprel>().map_err(|_| Error::UnknownLabel {
                kind,
                label: s.to_string(),
            })?);
        }
        let n_models = r.count(8)?;
        if n_models == 0 {
            return Err(r.malformed("no models"));
        }
        let mut models = Vec::with_capacity(n_models);
        for _ in 0..n_models {
            let reverse = match r.u8()? {
                0 => false,
                1 => true,
                _ => return Err(r.malformed("bad direction flag")),
            };
            let beam = r.u8()?;
            if beam == 0 {
                return Err(r.malformed("beam width 0"));
            }
            let weights = Weights::read(&mut r)?;
            if weights.n_classes() != 1 + 2 * labels.len() {
                return Err(r.malformed("weights and label list disagree on the number of classes"));
            }
            models.push(Model { reverse, beam, weights });
        }
        r.expect_end()?;
        Ok(Parser {
            root_label: root_label(&labels),
            labels,
            models,
        })
    }
}

fn root_label(labels: &[Deprel]) -> Option<u16> {
    labels.iter().position(|l| *l == Deprel::ROOT).map(|i| i as u16)
}

/// A training sentence: words, tags, projectivized gold heads (root = `n`) and labels.
#[derive(Clone)]
struct Example {
    words: Vec<String>,
    tags: Vec<(Upos, Xpos)>,
    heads: Vec<u32>,
    labels: Vec<u16>,
}

/// Trains a parser on `train`. Tags come from jackknifed taggers when
/// `opts.jackknife > 1` (else gold tags); `dev` is tagged with `dev_tagger` when
/// given (else gold tags) and parsed after each epoch to report scores and keep
/// the best epoch.
pub fn train_parser(
    train: &[Sentence],
    dev: &[Sentence],
    dev_tagger: Option<&Tagger>,
    opts: &TrainOptions,
    progress: &mut dyn FnMut(&str),
) -> Parser {
    let mut labels: Vec<Deprel> = train
        .iter()
        .flat_map(|s| s.tokens.iter())
        .map(|t| Deprel::parse_lenient(&t.deprel).unwrap_or(Deprel::new(Rel::Dep)))
        .collect();
    labels.sort_unstable();
    labels.dedup();
    let label_ids: FxMap<Deprel, u16> = labels.iter().enumerate().map(|(i, l)| (*l, i as u16)).collect();
    let root = root_label(&labels);

    let tags = jackknife_tags(train, opts, progress);
    let mut examples = Vec::with_capacity(train.len());
    let mut lifted = 0usize;
    for (s, tags) in train.iter().zip(tags) {
        let n = s.tokens.len();
        if s.tokens.iter().any(|t| t.head.is_none()) {
            continue;
        }
        let mut heads: Vec<u32> = s
            .tokens
            .iter()
            .map(|t| t.head.map_or(n as u32, |h| if h == 0 { n as u32 } else { h as u32 - 1 }))
            .collect();
        let orig = heads.clone();
        projectivize(&mut heads);
        lifted += heads.iter().zip(&orig).filter(|(a, b)| a != b).count();
        let labels = s
            .tokens
            .iter()
            .map(|t| label_ids[&Deprel::parse_lenient(&t.deprel).unwrap_or(Deprel::new(Rel::Dep))])
            .collect();
        examples.push(Example {
            words: s.tokens.iter().map(|t| t.form.clone()).collect(),
            tags,
            heads,
            labels,
        });
    }
    progress(&format!(
        "parser: {} sentences, {} labels, {lifted} arcs lifted to projectivize",
        examples.len(),
        labels.len()
    ));

    let dev_words: Vec<Vec<&str>> = dev.iter().map(|s| s.words()).collect();
    let dev_tags: Vec<Vec<(Upos, Xpos)>> = dev
        .iter()
        .zip(&dev_words)
        .map(|(s, w)| match dev_tagger {
            Some(t) => t.tag_only(w),
            None => s.tokens.iter().map(gold_tags).collect(),
        })
        .collect();

    let n_models = opts.parser_models.max(1);
    let mut models = Vec::with_capacity(n_models);
    for k in 0..n_models {
        let reverse = k % 2 == 1;
        let seed = opts.seed ^ (0x5eed + k as u64 / 2);
        let exs: Vec<Example> = if reverse {
            examples.iter().map(Example::reversed).collect()
        } else {
            examples.clone()
        };
        let tag = if reverse { "right-to-left" } else { "left-to-right" };
        let beam = opts.parser_beam.clamp(1, 255) as u8;
        let mut report = |weights: &Weights, epoch: usize, errors: f64| {
            let model = Model {
                reverse,
                beam,
                weights: weights.clone(),
            };
            let parser = Parser {
                labels: labels.clone(),
                root_label: root,
                models: vec![model],
            };
            let mut msg = format!(
                "parser {} ({tag}, beam {beam}) epoch {epoch}: train errors {:.2}%, {} features, {} weights",
                k + 1,
                100.0 * errors,
                weights.n_features(),
                weights.n_weights()
            );
            let mut score = 0.0;
            if !dev.is_empty() {
                let (uas, las) = crate::eval::attachment(dev, &dev_words, &dev_tags, &parser);
                msg += &format!(", dev UAS {:.2}% LAS {:.2}%", 100.0 * uas, 100.0 * las);
                score = las;
            }
            progress(&msg);
            score
        };
        let weights = if beam > 1 {
            train_model_beam(&exs, &labels, root, seed, usize::from(beam), opts, &mut report)
        } else {
            train_model(&exs, &labels, root, seed, opts, &mut report)
        };
        models.push(Model { reverse, beam, weights });
        if models.len() > 1 && !dev.is_empty() {
            let parser = Parser {
                labels: labels.clone(),
                root_label: root,
                models: models.clone(),
            };
            let (uas, las) = crate::eval::attachment(dev, &dev_words, &dev_tags, &parser);
            progress(&format!(
                "parser: {} models combined: dev UAS {:.2}% LAS {:.2}%",
                models.len(),
                100.0 * uas,
                100.0 * las
            ));
        }
    }
    Parser {
        labels,
        root_label: root,
        models,
    }
}

impl Example {
    fn reversed(&self) -> Example {
        let n = self.words.len() as u32;
        let mut ex = Example {
            words: self.words.iter().rev().cloned().collect(),
            tags: self.tags.iter().rev().copied().collect(),
            heads: self.heads.iter().rev().map(|&h| if h >= n { n } else { n - 1 - h }).collect(),
            labels: self.labels.iter().rev().copied().collect(),
        };
        ex.words.shrink_to_fit();
        ex
    }
}

/// Trains one transition model with the dynamic oracle. `report(weights,
/// epoch, train error rate)` returns a dev score; the best epoch is kept.
fn train_model(
    examples: &[Example],
    labels: &[Deprel],
    root: Option<u16>,
    seed: u64,
    opts: &TrainOptions,
    report: &mut dyn FnMut(&Weights, usize, f64) -> f64,
) -> Weights {
    let n_classes = 1 + 2 * labels.len();
    let mut trainer = Trainer::new(n_classes);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut scores = vec![0f32; n_classes];
    let mut mask = vec![false; n_classes];
    let mut feats = Vec::with_capacity(128);
    let mut best: Option<(f64, Weights)> = None;
    for epoch in 1..=opts.parser_epochs.max(1) {
        rng.shuffle(&mut order);
        let explore = epoch > opts.explore_after;
        let (mut errors, mut steps) = (0usize, 0usize);
        for &ei in &order {
            let ex = &examples[ei];
            let n = ex.words.len();
            let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
            let ctx = Ctx::new(&words, &ex.tags);
            let mut gh = ex.heads.clone();
            gh.push(NIL);
            let mut st = State::new(n);
            while !st.is_terminal() {
                features(&st, &ctx, &mut feats);
                trainer.score(&feats, &mut scores);
                valid_mask(&st, labels.len(), root, &mut mask);
                let pred = best_valid(&scores, &mask);
                let base = st.costs(&gh);
                let s0 = st.s(0);
                let cost = |c: usize| -> u32 {
                    match Action::from_class(c) {
                        Action::Shift => base[0],
                        Action::Left(l) => {
                            let wrong = st.b as u32 == gh[s0 as usize] && ex.labels[s0 as usize] != l;
                            base[1].saturating_add(u32::from(wrong))
                        }
                        Action::Right(l) => {
                            let wrong = st.s(1) == gh[s0 as usize] && ex.labels[s0 as usize] != l;
                            base[2].saturating_add(u32::from(wrong))
                        }
                    }
                };
                let min_cost = (0..n_classes).filter(|&c| mask[c]).map(cost).min().unwrap_or(0);
                let mut gold = usize::MAX;
                for c in 0..n_classes {
                    if mask[c] && cost(c) == min_cost && (gold == usize::MAX || scores[c] > scores[gold]) {
                        gold = c;
                    }
                }
                let pred_cost = cost(pred);
                if pred_cost > min_cost {
                    trainer.update(&feats, gold, pred);
                    errors += 1;
                }
                trainer.tick();
                steps += 1;
                let next = if pred_cost == min_cost || (explore && rng.next_f64() < opts.explore_prob) {
                    pred
                } else {
                    gold
                };
                st.apply(Action::from_class(next));
            }
        }
        let weights = trainer.freeze(opts.min_weight);
        let score = report(&weights, epoch, errors as f64 / steps.max(1) as f64);
        if best.as_ref().is_none_or(|(b, _)| score >= *b) {
            best = Some((score, weights));
        }
    }
    best.map(|(_, w)| w).unwrap_or_else(|| trainer.freeze(opts.min_weight))
}

/// The static oracle's action sequence for a (projective) training example.
fn oracle_sequence(ex: &Example, n_labels: usize, root: Option<u16>) -> Vec<usize> {
    let n = ex.words.len();
    let mut gh = ex.heads.clone();
    gh.push(NIL);
    let mut st = State::new(n);
    let mut seq = Vec::with_capacity(2 * n);
    let mut mask = vec![false; 1 + 2 * n_labels];
    while !st.is_terminal() {
        let costs = st.costs(&gh);
        valid_mask(&st, n_labels, root, &mut mask);
        let s0 = st.s(0);
        let label = |h: u32| -> u16 {
            if s0 != NIL && gh[s0 as usize] == h {
                ex.labels[s0 as usize]
            } else {
                0
            }
        };
        // Cheapest valid action, preferring arcs over shifts.
        let options = [
            Action::Left(if st.left_is_root() {
                root.unwrap_or(0)
            } else {
                label(st.b as u32)
            }),
            Action::Right(label(st.s(1))),
            Action::Shift,
        ];
        let mut best: Option<(u32, Action)> = None;
        for a in options {
            let (kind, c) = match a {
                Action::Shift => (0, 0),
                Action::Left(_) => (1, a.class()),
                Action::Right(_) => (2, a.class()),
            };
            let c = if kind == 0 { 0 } else { c };
            let valid = mask.get(c).copied().unwrap_or(false);
            if valid && best.is_none_or(|(b, _)| costs[kind] < b) {
                best = Some((costs[kind], a));
            }
        }
        let a = best.map_or_else(|| fallback(&st, root), |(_, a)| a);
        seq.push(a.class());
        st.apply(a);
    }
    seq
}

/// Trains one transition model with beam search and max-violation updates
/// (Huang et al. 2012) against the static oracle's sequence.
fn train_model_beam(
    examples: &[Example],
    labels: &[Deprel],
    root: Option<u16>,
    seed: u64,
    beam: usize,
    opts: &TrainOptions,
    report: &mut dyn FnMut(&Weights, usize, f64) -> f64,
) -> Weights {
    /// A search node: parent node, action class, offset of the parent state's
    /// features in the feature store (`u32::MAX` for a forced shift).
    #[derive(Clone, Copy)]
    struct Node {
        parent: u32,
        class: u32,
        feats: u32,
    }
    const NONE: u32 = u32::MAX;
    let n_labels = labels.len();
    let n_classes = 1 + 2 * n_labels;
    let gold_seqs: Vec<Vec<usize>> = examples.iter().map(|e| oracle_sequence(e, n_labels, root)).collect();
    let mut trainer = Trainer::new(n_classes);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut scores = vec![0f32; n_classes];
    let mut mask = vec![false; n_classes];
    let mut feats = Vec::with_capacity(128);
    let mut store: Vec<u64> = Vec::new();
    let mut nodes: Vec<Node> = Vec::new();
    let mut best: Option<(f64, Weights)> = None;
    let mut n_feats = 0usize;
    for epoch in 1..=opts.parser_epochs.max(1) {
        rng.shuffle(&mut order);
        let (mut updates, mut sentences) = (0usize, 0usize);
        for &ei in &order {
            let ex = &examples[ei];
            let gold_seq = &gold_seqs[ei];
            let n = ex.words.len();
            let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
            let ctx = Ctx::new(&words, &ex.tags);
            store.clear();
            nodes.clear();
            nodes.push(Node {
                parent: NONE,
                class: 0,
                feats: NONE,
            }); // the start
                // Beam items: (state, score, node, follows gold).
            let mut cur: Vec<(State, f64, u32, bool)> = vec![(State::new(n), 0.0, 0, true)];
            let mut gold_state = State::new(n);
            let (mut gold_score, mut gold_node) = (0.0f64, 0u32);
            let mut worst: Option<(f64, u32, u32)> = None; // (violation, pred node, gold node)
            let mut cands: Vec<(f64, u32, u32)> = Vec::new();
            let mut cand_feats: Vec<u32> = Vec::new();
            for &gold_action in gold_seq {
                cands.clear();
                cand_feats.clear();
                for (k, (st, score, _, _)) in cur.iter().enumerate() {
                    let [shift, left, right] = st.valid();
                    if shift && !left && !right {
                        cands.push((*score, k as u32, 0));
                        cand_feats.push(NONE);
                        continue;
                    }
                    features(st, &ctx, &mut feats);
                    n_feats = feats.len();
                    let off = store.len() as u32;
                    store.extend_from_slice(&feats);
                    trainer.score(&feats, &mut scores);
                    valid_mask(st, n_labels, root, &mut mask);
                    for c in 0..n_classes {
                        if mask[c] {
                            cands.push((score + f64::from(scores[c]), k as u32, c as u32));
                        }
                    }
                    cand_feats.push(off);
                }
                top_candidates(&mut cands, beam);
                let mut next = Vec::with_capacity(cands.len());
                for &(score, k, c) in &cands {
                    let (st, _, node, on_gold) = &cur[k as usize];
                    let mut st = st.clone();
                    st.apply(Action::from_class(c as usize));
                    nodes.push(Node {
                        parent: *node,
                        class: c,
                        feats: cand_feats[k as usize],
                    });
                    next.push((st, score, nodes.len() as u32 - 1, *on_gold && c as usize == gold_action));
                }
                cur = next;
                // Advance the gold path.
                let [shift, left, right] = gold_state.valid();
                let gfeats = if shift && !left && !right {
                    NONE
                } else {
                    features(&gold_state, &ctx, &mut feats);
                    trainer.score(&feats, &mut scores);
                    gold_score += f64::from(scores[gold_action]);
                    let off = store.len() as u32;
                    store.extend_from_slice(&feats);
                    off
                };
                nodes.push(Node {
                    parent: gold_node,
                    class: gold_action as u32,
                    feats: gfeats,
                });
                gold_node = nodes.len() as u32 - 1;
                gold_state.apply(Action::from_class(gold_action));
                if !cur[0].3 {
                    let v = cur[0].1 - gold_score;
                    if worst.is_none_or(|(w, _, _)| v >= w) {
                        worst = Some((v, cur[0].2, gold_node));
                    }
                }
            }
            sentences += 1;
            if let Some((_, pred, gold)) = worst {
                let path = |mut id: u32| {
                    let mut out = Vec::new();
                    while id != NONE && nodes[id as usize].parent != NONE {
                        out.push(nodes[id as usize]);
                        id = nodes[id as usize].parent;
                    }
                    out.reverse();
                    out
                };
                let (p, g) = (path(pred), path(gold));
                let same = p.iter().zip(&g).take_while(|(a, b)| a.class == b.class).count();
                for (node, delta) in p[same..].iter().map(|x| (x, -1.0)).chain(g[same..].iter().map(|x| (x, 1.0))) {
                    if node.feats != NONE {
                        let f = node.feats as usize;
                        trainer.add(&store[f..f + n_feats], node.class as usize, delta);
                    }
                }
                updates += 1;
            }
            trainer.tick();
        }
        let weights = trainer.freeze(opts.min_weight);
        let score = report(&weights, epoch, updates as f64 / sentences.max(1) as f64);
        if best.as_ref().is_none_or(|(b, _)| score >= *b) {
            best = Some((score, weights));
        }
    }
    best.map(|(_, w)| w).unwrap_or_else(|| trainer.freeze(opts.min_weight))
}

/// Tags for the training sentences: gold when `opts.jackknife < 2`, else each
/// fold tagged by a tagger trained on the other folds.
fn jackknife_tags(train: &[Sentence], opts: &TrainOptions, progress: &mut dyn FnMut(&str)) -> Vec<Vec<(Upos, Xpos)>> {
    let k = opts.jackknife;
    if k < 2 || train.len() < k {
        return train.iter().map(|s| s.tokens.iter().map(gold_tags).collect()).collect();
    }
    let mut out = vec![Vec::new(); train.len()];
    let (mut correct, mut total) = (0usize, 0usize);
    for fold in 0..k {
        let rest: Vec<Sentence> = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .map(|(_, s)| s.clone())
            .collect();
        let tagger = crate::tagger::train_tagger(
            &rest,
            &[],
            &TrainOptions {
                tagger_two_pass: false,
                ..opts.clone()
            },
            &mut |_| {},
        );
        for (i, s) in train.iter().enumerate().filter(|(i, _)| i % k == fold) {
            let tags = tagger.tag_only(&s.words());
            for (t, g) in tags.iter().zip(&s.tokens) {
                correct += usize::from(t.0 == gold_tags(g).0);
                total += 1;
            }
            out[i] = tags;
        }
        progress(&format!("jackknife fold {}/{k} tagged", fold + 1));
    }
    progress(&format!(
        "jackknifed UPOS accuracy on train: {:.2}%",
        100.0 * correct as f64 / total.max(1) as f64
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;

    fn trained() -> Parser {
        let sents = conllu::parse(crate::tagger::tests::SAMPLE).unwrap();
        let opts = TrainOptions {
            parser_epochs: 8,
            ..TrainOptions::default()
        };
        train_parser(&sents, &[], None, &opts, &mut |_| {})
    }

    #[track_caller]
    fn check(words: &[&str], tags: &[(Upos, Xpos)], expect: &str) {
        let parser = trained();
        let back = Parser::from_bytes(&parser.to_bytes()).unwrap();
        assert_eq!(back, parser);
        let got: Vec<String> = back
            .parse(words, tags)
            .iter()
            .map(|a| format!("{}:{}", a.head, a.deprel))
            .collect();
        assert_eq!(got.join(" "), expect);
    }

    #[test]
    fn parses_training_sentences() {
        use Upos::*;
        check(
            &["The", "police", "arrested", "protesters", "."],
            &[
                (Det, Xpos::Dt),
                (Noun, Xpos::Nn),
                (Verb, Xpos::Vbd),
                (Noun, Xpos::Nns),
                (Punct, Xpos::Period),
            ],
            "2:det 3:nsubj 0:root 3:obj 3:punct",
        );
    }

    #[test]
    fn feature_templates_are_distinct() {
        let ctx = Ctx::new(&["a", "b", "c"], &[]);
        let mut st = State::new(3);
        st.apply(Action::Shift);
        st.apply(Action::Shift);
        let mut feats = Vec::new();
        features(&st, &ctx, &mut feats);
        let mut sorted = feats.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), feats.len());
    }

    #[test]
    fn corrupt_models_are_errors() {
        let bytes = trained().to_bytes();
        for i in [0, 9, 30, bytes.len() / 2, bytes.len() - 1] {
            let mut b = bytes.clone();
            b[i] ^= 0x10;
            assert!(Parser::from_bytes(&b).is_err(), "flip at {i}");
        }
        assert!(Parser::from_bytes(&bytes[..bytes.len() / 2]).is_err());
        assert!(matches!(Parser::from_bytes(b"DYADTAG\0rest"), Err(Error::BadMagic { .. })));
    }
}
