//! Stable hashing: feature keys, word hashes and a fast hasher for training maps.
//!
//! Everything here is platform-independent, because feature hashes are stored in
//! model files.

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// Final avalanche of a 64-bit value (the murmur3 / splitmix finaliser).
#[inline]
pub fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Hash of a string's UTF-8 bytes (FNV-1a folded through [`fmix`]).
pub fn str_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fmix(h)
}

/// Combines a feature template number with up to three values into a key.
#[inline]
pub fn feat(template: u32, a: u64, b: u64, c: u64) -> u64 {
    let mut h = u64::from(template).wrapping_mul(K);
    h = (h.rotate_left(5) ^ a).wrapping_mul(K);
    h = (h.rotate_left(5) ^ b).wrapping_mul(K);
    h = (h.rotate_left(5) ^ c).wrapping_mul(K);
    fmix(h)
}

/// The model files' checksum: FNV-1a-style multiply–xor over little-endian
/// 64-bit words in four independent lanes (so it runs at memory speed), the
/// tail bytes in lane 0, and the lanes folded through [`fmix`].
pub fn checksum(bytes: &[u8]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut lanes = [
        0xcbf2_9ce4_8422_2325u64,
        0x8422_2325_cbf2_9ce4,
        0x9e37_79b9_7f4a_7c15,
        0xc2b2_ae3d_27d4_eb4f,
    ];
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (lane, word) in lanes.iter_mut().zip(block.chunks_exact(8)) {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            *lane = (*lane ^ u64::from_le_bytes(w)).wrapping_mul(PRIME);
        }
    }
    for &b in blocks.remainder() {
        lanes[0] = (lanes[0] ^ u64::from(b)).wrapping_mul(PRIME);
    }
    let mut h = bytes.len() as u64;
    for lane in lanes {
        h = fmix(h ^ lane);
    }
    h
}

/// A multiply-rotate hasher for keys that are already well-mixed `u64`s.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(K);
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
}

/// `HashMap` with [`FxHasher`].
pub type FxMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A small deterministic random number generator (splitmix64) for shuffling
/// and exploration during training.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(K);
        fmix(self.0)
    }

    /// A float in `[0, 1)`.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expect: u64) {
        assert_eq!(str_hash(input), expect, "hash of {input:?} changed: models depend on it");
    }

    #[test]
    fn hashes_are_stable() {
        // Pinned values: a change here invalidates every trained model.
        check("", fmix(0xcbf2_9ce4_8422_2325));
        // Every byte position matters, in every lane and in the tail.
        let data: Vec<u8> = (0..100u8).collect();
        let base = checksum(&data);
        for i in 0..data.len() {
            let mut d = data.clone();
            d[i] ^= 1;
            assert_ne!(checksum(&d), base, "byte {i}");
        }
        assert_ne!(checksum(&data[..99]), base);
        assert_ne!(feat(1, 2, 3, 4), feat(1, 2, 4, 3));
        assert_ne!(feat(1, 0, 0, 0), feat(2, 0, 0, 0));
    }

    #[test]
    fn shuffle_is_a_permutation() {
        let mut v: Vec<u32> = (0..100).collect();
        Rng::new(7).shuffle(&mut v);
        let mut s = v.clone();
        s.sort_unstable();
        assert_eq!(s, (0..100).collect::<Vec<_>>());
        assert_ne!(v, s);
    }
}
