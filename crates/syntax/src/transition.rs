//! The arc-hybrid transition system with the root at the end of the buffer,
//! its dynamic oracle, and projectivization of training trees.
//!
//! Words are `0..n`; the artificial root is word `n`, the last item of the
//! buffer. Actions: `SHIFT` (push the buffer front), `LEFT(l)` (the buffer front
//! becomes the head of the stack top, which is popped) and `RIGHT(l)` (the item
//! under the stack top becomes its head; the top is popped). `LEFT` onto the
//! root is allowed only when the stack holds one item, so every complete parse
//! is a tree with exactly one word attached to the root, and some action is
//! always valid until the parse is complete (at most `2n` steps).
//!
//! **Invariant:** [`State::valid`] is never empty for a non-terminal state.

/// No word.
pub const NIL: u32 = u32::MAX;

/// An action, encoded as a class number: 0 = shift, `1 + 2l` = left with label
/// `l`, `2 + 2l` = right with label `l`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Push the buffer front.
    Shift,
    /// Buffer front → stack top, pop.
    Left(u16),
    /// Second stack item → stack top, pop.
    Right(u16),
}

impl Action {
    /// Class number of this action.
    pub fn class(self) -> usize {
        match self {
            Action::Shift => 0,
            Action::Left(l) => 1 + 2 * usize::from(l),
            Action::Right(l) => 2 + 2 * usize::from(l),
        }
    }

    /// The action with class number `c`.
    pub fn from_class(c: usize) -> Action {
        if c == 0 {
            Action::Shift
        } else if c % 2 == 1 {
            Action::Left(((c - 1) / 2) as u16)
        } else {
            Action::Right(((c - 2) / 2) as u16)
        }
    }
}

/// A parser configuration plus the bookkeeping features need.
#[derive(Clone, Debug)]
pub struct State {
    /// Number of words; the root is word `n`.
    pub n: usize,
    /// The stack, top last.
    pub stack: Vec<u32>,
    /// Buffer front; the buffer is `b..=n`.
    pub b: usize,
    /// Head of each word (and the root), `NIL` while unattached.
    pub head: Vec<u32>,
    /// Label of each attached word.
    pub label: Vec<u16>,
    /// Leftmost and second-leftmost child.
    pub lc: Vec<[u32; 2]>,
    /// Rightmost and second-rightmost child.
    pub rc: Vec<[u32; 2]>,
    /// Number of left and right children.
    pub valency: Vec<[u8; 2]>,
    /// Bit sets of left and right children's labels (label mod 64).
    pub labelset: Vec<[u64; 2]>,
}

impl State {
    /// The initial configuration for `n` words.
    pub fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            b: 0,
            head: vec![NIL; n + 1],
            label: vec![0; n + 1],
            lc: vec![[NIL; 2]; n + 1],
            rc: vec![[NIL; 2]; n + 1],
            valency: vec![[0; 2]; n + 1],
            labelset: vec![[0; 2]; n + 1],
        }
    }

    /// Makes `self` a copy of `other`, reusing allocations.
    pub fn copy_from(&mut self, other: &State) {
        self.n = other.n;
        self.stack.clone_from(&other.stack);
        self.b = other.b;
        self.head.clone_from(&other.head);
        self.label.clone_from(&other.label);
        self.lc.clone_from(&other.lc);
        self.rc.clone_from(&other.rc);
        self.valency.clone_from(&other.valency);
        self.labelset.clone_from(&other.labelset);
    }

    /// True when the parse is complete.
    pub fn is_terminal(&self) -> bool {
        self.b >= self.n && self.stack.is_empty()
    }

    /// The `k`-th stack item from the top, or `NIL`.
    #[inline]
    pub fn s(&self, k: usize) -> u32 {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            NIL
        }
    }

    /// The `k`-th buffer item (the root is the last), or `NIL`.
    #[inline]
    pub fn buf(&self, k: usize) -> u32 {
        let i = self.b + k;
        if i <= self.n {
            i as u32
        } else {
            NIL
        }
    }

    /// Whether shift, left and right are allowed (labels aside).
    pub fn valid(&self) -> [bool; 3] {
        let shift = self.b < self.n;
        let left = !self.stack.is_empty() && (self.b < self.n || self.stack.len() == 1);
        let right = self.stack.len() >= 2;
        [shift, left, right]
    }

    /// Whether `LEFT` now attaches to the root.
    pub fn left_is_root(&self) -> bool {
        self.b >= self.n
    }

    fn attach(&mut self, h: u32, d: u32, l: u16) {
        let (hu, du) = (h as usize, d as usize);
        self.head[du] = h;
        self.label[du] = l;
        let bit = 1u64 << (l % 64);
        if d < h {
            let lc = &mut self.lc[hu];
            if lc[0] == NIL || d < lc[0] {
                lc[1] = lc[0];
                lc[0] = d;
            } else if lc[1] == NIL || d < lc[1] {
                lc[1] = d;
            }
            self.valency[hu][0] = self.valency[hu][0].saturating_add(1);
            self.labelset[hu][0] |= bit;
        } else {
            let rc = &mut self.rc[hu];
            if rc[0] == NIL || d > rc[0] {
                rc[1] = rc[0];
                rc[0] = d;
            } else if rc[1] == NIL || d > rc[1] {
                rc[1] = d;
            }
            self.valency[hu][1] = self.valency[hu][1].saturating_add(1);
            self.labelset[hu][1] |= bit;
        }
    }

    /// Applies an action, which must be valid.
    pub fn apply(&mut self, a: Action) {
        match a {
            Action::Shift => {
                self.stack.push(self.b as u32);
                self.b += 1;
            }
            Action::Left(l) => {
                let d = self.stack.pop().expect("left on an empty stack");
                self.attach(self.b as u32, d, l);
            }
            Action::Right(l) => {
                let d = self.stack.pop().expect("right on a short stack");
                let h = *self.stack.last().expect("right on a short stack");
                self.attach(h, d, l);
            }
        }
    }

    /// Unlabelled costs of shift, left and right against gold heads `gh`
    /// (word `n` is the root): how many gold arcs each would make unreachable.
    /// The gold tree must be projective for the costs to be exact.
    pub fn costs(&self, gh: &[u32]) -> [u32; 3] {
        let n = self.n;
        let b = self.b;
        let mut out = [u32::MAX; 3];
        let [shift, left, right] = self.valid();
        if shift {
            let b0 = b as u32;
            let mut c = self.stack.iter().filter(|&&d| gh[d as usize] == b0).count() as u32;
            let h = gh[b];
            let s0 = self.s(0);
            if h != s0 && self.stack.contains(&h) {
                c += 1;
            }
            out[0] = c;
        }
        if left || right {
            let s0 = self.s(0);
            let deps = (b..n).filter(|&d| gh[d] == s0).count() as u32;
            let h = gh[s0 as usize] as usize;
            if left {
                let s1 = self.s(1);
                let lost = h != b && ((s1 != NIL && h == s1 as usize) || (h > b && h <= n));
                out[1] = deps + u32::from(lost);
            }
            if right {
                let s1 = self.s(1) as usize;
                let lost = h != s1 && h >= b && h <= n;
                out[2] = deps + u32::from(lost);
            }
        }
        out
    }
}

/// Lifts non-projective arcs until the tree is projective. `heads[i]` is the head
/// of word `i`, with `n = heads.len()` meaning the root (placed after the last word).
pub fn projectivize(heads: &mut [u32]) {
    let n = heads.len();
    // Each lift moves a word to its grandparent, so this terminates; bound it anyway.
    for _ in 0..n * n + 1 {
        let mut worst: Option<(usize, usize)> = None; // (span, word)
        for d in 0..n {
            let h = heads[d] as usize;
            let (lo, hi) = if h < d { (h, d) } else { (d, h) };
            let nonproj = (lo + 1..hi).any(|k| !dominates(heads, h, k));
            if nonproj {
                let span = hi - lo;
                if worst.is_none_or(|(s, _)| span < s) {
                    worst = Some((span, d));
                }
            }
        }
        match worst {
            Some((_, d)) => {
                let h = heads[d] as usize;
                if h >= n {
                    return; // cannot lift above the root
                }
                heads[d] = heads[h];
            }
            None => return,
        }
    }
}

/// Whether `h` is an ancestor of (or equal to) `k`.
fn dominates(heads: &[u32], h: usize, mut k: usize) -> bool {
    let n = heads.len();
    for _ in 0..=n {
        if k == h {
            return true;
        }
        if k >= n {
            return false;
        }
        k = heads[k] as usize;
    }
    false
}

/// Whether a tree (same encoding as [`projectivize`]) is projective.
#[cfg(test)]
pub fn is_projective(heads: &[u32]) -> bool {
    let n = heads.len();
    (0..n).all(|d| {
        let h = heads[d] as usize;
        let (lo, hi) = if h < d { (h, d) } else { (d, h) };
        (lo + 1..hi).all(|k| dominates(heads, h, k))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the oracle (cheapest action, preferring shift < left < right, label
    /// taken from gold) on a CoNLL-style head list (1-based, 0 = root) and renders
    /// the resulting heads the same way, or the projectivized gold when it differs.
    #[track_caller]
    fn check(conll_heads: &[usize], expect: &str) {
        let n = conll_heads.len();
        let mut gh: Vec<u32> = conll_heads
            .iter()
            .map(|&h| if h == 0 { n as u32 } else { h as u32 - 1 })
            .collect();
        projectivize(&mut gh);
        assert!(is_projective(&gh));
        let mut gh_root = gh.clone();
        gh_root.push(NIL);
        let mut st = State::new(n);
        let mut steps = 0;
        while !st.is_terminal() {
            let costs = st.costs(&gh_root);
            let valid = st.valid();
            let best = (0..3)
                .filter(|&a| valid[a])
                .min_by_key(|&a| costs[a])
                .expect("no valid action");
            assert_eq!(costs[best], 0, "no zero-cost action at step {steps}");
            st.apply(match best {
                0 => Action::Shift,
                1 => Action::Left(0),
                _ => Action::Right(0),
            });
            steps += 1;
        }
        assert_eq!(steps, 2 * n);
        let got: Vec<String> = st.head[..n]
            .iter()
            .map(|&h| {
                if h as usize == n {
                    "0".to_string()
                } else {
                    (h + 1).to_string()
                }
            })
            .collect();
        assert_eq!(got.join(" "), expect);
        let want: Vec<u32> = gh.clone();
        assert_eq!(&st.head[..n], &want[..]);
    }

    #[test]
    fn oracle_reproduces_projective_trees() {
        check(&[0], "0");
        check(&[2, 0], "2 0");
        check(&[0, 1], "0 1");
        // "The police arrested protesters ."
        check(&[2, 3, 0, 3, 3], "2 3 0 3 3");
        // Root in the middle with dependents on both sides, nested.
        check(&[3, 3, 0, 5, 3, 7, 5, 3], "3 3 0 5 3 7 5 3");
        check(&[0, 1, 2, 3, 4, 5], "0 1 2 3 4 5");
        check(&[6, 6, 6, 6, 6, 0], "6 6 6 6 6 0");
    }

    #[test]
    fn non_projective_trees_are_lifted() {
        // 3→1 spans the root word 2: word 1 is lifted to 3's head, 2.
        check(&[3, 0, 2, 2], "2 0 2 2");
        check(&[0, 4, 1, 1], "0 1 1 1");
        check(&[3, 4, 0, 3, 2], "3 3 0 3 3");
    }

    #[test]
    fn actions_round_trip_through_classes() {
        for a in [
            Action::Shift,
            Action::Left(0),
            Action::Right(0),
            Action::Left(7),
            Action::Right(50),
        ] {
            assert_eq!(Action::from_class(a.class()), a);
        }
    }
}
