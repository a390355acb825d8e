//! Averaged perceptron over hashed features: a [`Trainer`] with lazy averaging,
//! frozen into compact, quantized [`Weights`] for prediction.
//!
//! Each feature owns a short sparse row of `(class, weight)` pairs, since a
//! perceptron only ever touches the gold and the predicted class of an
//! example. The frozen table keys features by 32 bits of their 64-bit hash
//! (rare collisions just add weights) in an open-addressing table, and stores
//! weights as `i16` with one scale per model: prediction only needs the argmax,
//! so scoring adds integers.

use crate::error::Result;
use crate::hash::FxMap;
use crate::model::{Reader, Writer};

#[derive(Clone, Copy)]
struct Entry {
    total: f64,
    w: f32,
    stamp: u32,
    class: u16,
}

/// Trainable weights with lazy averaging.
pub struct Trainer {
    n_classes: usize,
    index: FxMap<u64, u32>,
    rows: Vec<Vec<Entry>>,
    step: u32,
}

impl Trainer {
    /// Weights for `n_classes` classes (at most 65,536).
    pub fn new(n_classes: usize) -> Trainer {
        assert!(n_classes <= usize::from(u16::MAX), "too many classes");
        Trainer {
            n_classes,
            index: FxMap::default(),
            rows: Vec::new(),
            step: 0,
        }
    }

    /// Writes the current (not averaged) scores of every class into `scores`.
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for e in &self.rows[r as usize] {
                    scores[usize::from(e.class)] += e.w;
                }
            }
        }
    }

    /// Advances the averaging clock by one example.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Moves weights of `feats` towards `gold` and away from `pred`.
    pub fn update(&mut self, feats: &[u64], gold: usize, pred: usize) {
        if gold == pred {
            return;
        }
        let step = self.step;
        for &f in feats {
            let next = self.rows.len() as u32;
            let r = *self.index.entry(f).or_insert(next);
            if r == next {
                self.rows.push(Vec::new());
            }
            let row = &mut self.rows[r as usize];
            bump(row, gold as u16, 1.0, step);
            bump(row, pred as u16, -1.0, step);
        }
    }

    /// Adds `delta` to the weights of `feats` for `class`.
    pub fn add(&mut self, feats: &[u64], class: usize, delta: f32) {
        let step = self.step;
        for &f in feats {
            let next = self.rows.len() as u32;
            let r = *self.index.entry(f).or_insert(next);
            if r == next {
                self.rows.push(Vec::new());
            }
            bump(&mut self.rows[r as usize], class as u16, delta, step);
        }
    }

    /// Averages the weights, drops those with `|w| < min_weight`, and quantizes.
    pub fn freeze(&self, min_weight: f32) -> Weights {
        let step = f64::from(self.step.max(1));
        let mut feats: Vec<(u32, Vec<(u16, f32)>)> = Vec::with_capacity(self.rows.len());
        let mut max = 0f32;
        for (&key, &r) in &self.index {
            let mut row: Vec<(u16, f32)> = Vec::new();
            for e in &self.rows[r as usize] {
                let total = e.total + f64::from(e.w) * (f64::from(self.step) - f64::from(e.stamp));
                let avg = (total / step) as f32;
                if avg.abs() >= min_weight && avg != 0.0 {
                    row.push((e.class, avg));
                    max = max.max(avg.abs());
                }
            }
            if !row.is_empty() {
                feats.push((key32(key), row));
            }
        }
        let scale = if max > 0.0 { max / 32000.0 } else { 1.0 };
        feats.sort_unstable_by_key(|(k, _)| *k);
        // Merge 32-bit key collisions by adding their rows.
        let mut merged: Vec<(u32, Vec<(u16, f32)>)> = Vec::with_capacity(feats.len());
        for (k, row) in feats {
            match merged.last_mut() {
                Some((lk, lrow)) if *lk == k => {
                    for (c, w) in row {
                        match lrow.iter_mut().find(|(lc, _)| *lc == c) {
                            Some(e) => e.1 += w,
                            None => lrow.push((c, w)),
                        }
                    }
                }
                _ => merged.push((k, row)),
            }
        }
        let mut rows: Vec<(u32, Vec<Slotted>)> = Vec::with_capacity(merged.len());
        for (k, mut row) in merged {
            row.sort_unstable_by_key(|(c, _)| *c);
            let q: Vec<Slotted> = row
                .into_iter()
                .map(|(c, w)| Slotted {
                    class: c,
                    w: (w / scale).round().clamp(-32767.0, 32767.0) as i16,
                })
                .filter(|e| e.w != 0)
                .collect();
            if !q.is_empty() {
                rows.push((k, q));
            }
        }
        Weights::build(self.n_classes, scale, &rows)
    }
}

fn bump(row: &mut Vec<Entry>, class: u16, delta: f32, step: u32) {
    let e = match row.iter_mut().position(|e| e.class == class) {
        Some(i) => &mut row[i],
        None => {
            row.push(Entry {
                total: 0.0,
                w: 0.0,
                stamp: step,
                class,
            });
            row.last_mut().expect("just pushed")
        }
    };
    e.total += f64::from(e.w) * f64::from(step - e.stamp);
    e.stamp = step;
    e.w += delta;
}

/// Adds a dense row to the scores (auto-vectorized).
#[inline]
fn add_dense(scores: &mut [i32], row: &[i16]) {
    for (s, &w) in scores.iter_mut().zip(row) {
        *s += i32::from(w);
    }
}

/// The 32-bit key a 64-bit feature hash is stored under (never 0, the empty slot).
#[inline]
fn key32(h: u64) -> u32 {
    ((h ^ (h >> 32)) as u32).max(1)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Slotted {
    class: u16,
    w: i16,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Slot {
    key: u32,
    /// Where the row's weights after the first start in `entries`; for a dense
    /// row, where it starts in `dense`.
    start: u32,
    /// Row length, the inline first weight included; 0 marks a dense row.
    len: u16,
    /// The first weight, kept in the slot so that most lookups touch one cache line.
    first: Slotted,
}

/// Rows at least this long are stored densely (one `i16` per class): adding
/// them is a vectorizable loop instead of scattered single adds.
const DENSE_MIN: usize = 16;

/// An open-addressing table of feature rows.
#[derive(Clone, Debug, PartialEq)]
struct Table {
    n_classes: usize,
    /// Number of slots; key `k`'s home slot is `k * size / 2^32`.
    size: usize,
    slots: Vec<Slot>,
    /// Each sparse row's weights after its first.
    entries: Vec<Slotted>,
    /// Dense rows, `n_classes` weights each.
    dense: Vec<i16>,
}

impl Table {
    /// An empty table sized for `n` features with `n_weights` weights in all.
    fn with_capacity(n_classes: usize, n: usize, n_weights: usize) -> Table {
        let size = (n * 10 / 7 + 1).max(16);
        Table {
            n_classes,
            size,
            slots: vec![Slot::default(); size],
            entries: Vec::with_capacity(n_weights.saturating_sub(n)),
            dense: Vec::new(),
        }
    }

    #[inline]
    fn home(&self, k: u32) -> usize {
        ((u64::from(k) * self.size as u64) >> 32) as usize
    }

    /// Adds feature `k` (new, non-zero) with a non-empty row.
    fn insert(&mut self, k: u32, row: &[Slotted]) {
        let Some((&first, rest)) = row.split_first() else {
            return;
        };
        let mut j = self.home(k);
        while self.slots[j].key != 0 {
            j += 1;
            if j == self.size {
                j = 0;
            }
        }
        if row.len() >= DENSE_MIN {
            let start = self.dense.len();
            self.dense.resize(start + self.n_classes, 0);
            for e in row {
                if let Some(w) = self.dense.get_mut(start + usize::from(e.class)) {
                    *w = e.w;
                }
            }
            self.slots[j] = Slot {
                key: k,
                start: (start / self.n_classes.max(1)) as u32,
                len: 0,
                first,
            };
            return;
        }
        let rest = &rest[..rest.len().min(usize::from(u16::MAX) - 1)];
        self.slots[j] = Slot {
            key: k,
            start: self.entries.len() as u32,
            len: rest.len() as u16 + 1,
            first,
        };
        self.entries.extend_from_slice(rest);
    }

    /// A dense row's weights.
    fn dense_row(&self, s: &Slot) -> &[i16] {
        let start = s.start as usize * self.n_classes;
        self.dense.get(start..start + self.n_classes).unwrap_or(&[])
    }

    #[inline]
    fn find(&self, k: u32) -> Option<&Slot> {
        let mut j = self.home(k);
        loop {
            let s = &self.slots[j];
            if s.key == k {
                return Some(s);
            }
            if s.key == 0 {
                return None;
            }
            j += 1;
            if j == self.size {
                j = 0;
            }
        }
    }

    /// The weights after the first of a slot's row.
    fn rest(&self, s: &Slot) -> &[Slotted] {
        let start = s.start as usize;
        self.entries
            .get(start..start + usize::from(s.len).saturating_sub(1))
            .unwrap_or(&[])
    }

    /// Features with their rows, sorted by key.
    fn rows(&self) -> Vec<(u32, Vec<Slotted>)> {
        let mut feats: Vec<&Slot> = self.slots.iter().filter(|s| s.key != 0).collect();
        feats.sort_unstable_by_key(|s| s.key);
        feats
            .into_iter()
            .map(|s| {
                let row = if s.len == 0 {
                    self.dense_row(s)
                        .iter()
                        .enumerate()
                        .filter(|(_, &w)| w != 0)
                        .map(|(c, &w)| Slotted { class: c as u16, w })
                        .collect()
                } else {
                    std::iter::once(s.first).chain(self.rest(s).iter().copied()).collect()
                };
                (s.key, row)
            })
            .collect()
    }

    fn n_features(&self) -> usize {
        self.slots.iter().filter(|s| s.key != 0).count()
    }

    fn from_rows(n_classes: usize, rows: &[(u32, Vec<Slotted>)]) -> Table {
        let total = rows.iter().map(|(_, r)| r.len()).sum();
        let mut t = Table::with_capacity(n_classes, rows.len(), total);
        for (k, row) in rows {
            t.insert(*k, row);
        }
        t
    }

    fn write(&self, w: &mut Writer) {
        let rows = self.rows();
        w.varint(rows.len() as u64);
        let mut prev = 0u32;
        for (k, row) in &rows {
            w.varint(u64::from(k - prev));
            prev = *k;
            w.varint(row.len() as u64);
        }
        for (_, row) in &rows {
            for e in row {
                w.varint(u64::from(e.class));
                w.i16(e.w);
            }
        }
    }

    fn read(r: &mut Reader<'_>, n_classes: usize) -> Result<Table> {
        let n = r.count(2)?;
        let mut keys: Vec<(u32, u16)> = Vec::with_capacity(n);
        let mut key = 0u32;
        let mut total = 0u64;
        for i in 0..n {
            let delta = r.varint()?;
            let next = u64::from(key) + delta;
            if (delta == 0 && i > 0) || next == 0 || next > u64::from(u32::MAX) {
                return Err(r.malformed("feature keys not strictly increasing"));
            }
            key = next as u32;
            let len = r.varint()?;
            if len == 0 || len > n_classes.min(usize::from(u16::MAX)) as u64 {
                return Err(r.malformed("bad feature row length"));
            }
            keys.push((key, len as u16));
            total += len;
            if total > u64::from(u32::MAX) || total as usize * 3 > r.remaining() {
                return Err(r.malformed("more weights than data"));
            }
        }
        let mut table = Table::with_capacity(n_classes, n, total as usize);
        let mut row = Vec::with_capacity(n_classes);
        for (k, len) in keys {
            row.clear();
            for _ in 0..len {
                let class = r.varint()?;
                if class >= n_classes as u64 {
                    return Err(r.malformed("weight for a class out of range"));
                }
                row.push(Slotted {
                    class: class as u16,
                    w: r.i16()?,
                });
            }
            table.insert(k, &row);
        }
        Ok(table)
    }
}

/// Frozen, quantized weights.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    n_classes: usize,
    scale: f32,
    table: Table,
}

impl Weights {
    /// Builds from rows sorted by key.
    fn build(n_classes: usize, scale: f32, rows: &[(u32, Vec<Slotted>)]) -> Weights {
        Weights {
            n_classes,
            scale,
            table: Table::from_rows(n_classes, rows),
        }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of stored features.
    pub fn n_features(&self) -> usize {
        self.table.n_features()
    }

    /// Number of stored `(feature, class)` weights.
    pub fn n_weights(&self) -> usize {
        self.table.rows().iter().map(|(_, r)| r.len()).sum()
    }

    /// Adds the weights of `feats` to `scores` (one per class), in quantized units.
    ///
    /// Works in three passes so that the memory loads of different features are
    /// independent and overlap: first touch every feature's home slot, then find
    /// the slots (adding their inline first weight) and touch the rest of the
    /// longer rows, then add those. (Safe Rust has no prefetch instruction;
    /// independent loads get the same effect.)
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        const CHUNK: usize = 32;
        let t = &self.table;
        let mut rows: [(u32, u16); CHUNK] = [(0, 0); CHUNK];
        let add = |scores: &mut [i32], e: Slotted| {
            if let Some(s) = scores.get_mut(usize::from(e.class)) {
                *s += i32::from(e.w);
            }
        };
        for chunk in feats.chunks(CHUNK) {
            let mut touch = 0u32;
            for &f in chunk {
                touch ^= t.slots[t.home(key32(f))].key;
            }
            let mut m = 0;
            for &f in chunk {
                if let Some(s) = t.find(key32(f)) {
                    if s.len == 0 {
                        touch ^= t.dense_row(s).first().map_or(0, |&w| w as u32);
                        rows[m] = (s.start, 0);
                        m += 1;
                        continue;
                    }
                    add(scores, s.first);
                    if s.len > 1 {
                        touch ^= t.entries.get(s.start as usize).map_or(0, |e| e.w as u32);
                        rows[m] = (s.start, s.len - 1);
                        m += 1;
                    }
                }
            }
            std::hint::black_box(touch);
            for &(start, len) in &rows[..m] {
                let start = start as usize;
                if len == 0 {
                    let d = start * t.n_classes;
                    if let Some(row) = t.dense.get(d..d + t.n_classes) {
                        add_dense(scores, row);
                    }
                } else if let Some(row) = t.entries.get(start..start + usize::from(len)) {
                    for &e in row {
                        add(scores, e);
                    }
                }
            }
        }
    }

    /// A copy without the weights whose magnitude is below `min` (in quantized
    /// units; the largest weight is 32000).
    pub fn pruned(&self, min: i16) -> Weights {
        let rows: Vec<(u32, Vec<Slotted>)> = self
            .table
            .rows()
            .into_iter()
            .map(|(k, r)| {
                let kept = r.into_iter().filter(|e| e.w.unsigned_abs() >= min.unsigned_abs());
                (k, kept.collect::<Vec<_>>())
            })
            .filter(|(_, r)| !r.is_empty())
            .collect();
        Weights::build(self.n_classes, self.scale, &rows)
    }

    /// Serializes into `w`.
    pub fn write(&self, w: &mut Writer) {
        w.varint(self.n_classes as u64);
        w.f32(self.scale);
        self.table.write(w);
    }

    /// Deserializes what [`Weights::write`] wrote.
    pub fn read(r: &mut Reader<'_>) -> Result<Weights> {
        let n_classes = r.varint()? as usize;
        if n_classes == 0 || n_classes > usize::from(u16::MAX) {
            return Err(r.malformed("bad number of classes"));
        }
        let scale = r.f32()?;
        if !scale.is_finite() || scale <= 0.0 {
            return Err(r.malformed("bad weight scale"));
        }
        let table = Table::read(r, n_classes)?;
        Ok(Weights { n_classes, scale, table })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ModelKind;

    /// Trains on `data` (features, class) for a few epochs and checks the
    /// frozen predictions, rendered as one class per example.
    #[track_caller]
    fn check(data: &[(&[u64], usize)], n_classes: usize, expect: &str) {
        let mut t = Trainer::new(n_classes);
        let mut scores = vec![0f32; n_classes];
        for _ in 0..5 {
            for (feats, gold) in data {
                t.score(feats, &mut scores);
                let pred = argmax(&scores);
                t.update(feats, *gold, pred);
                t.tick();
            }
        }
        let w = t.freeze(0.0);
        let mut out = Writer::new();
        w.write(&mut out);
        let bytes = out.finish(b"DYADTST\0", 1);
        let mut r = Reader::open(&bytes, ModelKind::Tagger, b"DYADTST\0", 1).unwrap();
        let back = Weights::read(&mut r).unwrap();
        r.expect_end().unwrap();
        assert_eq!(back, w);
        let got: Vec<String> = data
            .iter()
            .map(|(feats, _)| {
                let mut s = vec![0i32; n_classes];
                back.score(feats, &mut s);
                argmax(&s).to_string()
            })
            .collect();
        assert_eq!(got.join(" "), expect);
    }

    fn argmax<T: PartialOrd + Copy>(s: &[T]) -> usize {
        let mut best = 0;
        for i in 1..s.len() {
            if s[i] > s[best] {
                best = i;
            }
        }
        best
    }

    #[test]
    fn learns_separable_data() {
        check(&[(&[1, 10], 0), (&[2, 10], 1), (&[3, 10], 2), (&[1, 11], 0)], 3, "0 1 2 0");
    }

    #[test]
    fn learns_conjunctions_given_as_features() {
        // XOR is learnable once the conjunction is a feature of its own.
        check(
            &[(&[1, 3, 13], 0), (&[1, 4, 14], 1), (&[2, 3, 23], 1), (&[2, 4, 24], 0)],
            2,
            "0 1 1 0",
        );
    }
}
