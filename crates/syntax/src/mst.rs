//! Maximum spanning arborescence (Chu–Liu/Edmonds), used to combine the arcs
//! that several parsers vote for into one well-formed tree.

/// Finds the highest-scoring tree over nodes `0..n` rooted at node 0, where
/// `score[h][d]` is the score of head `h` for dependent `d` (`score[d][d]` and
/// `score[h][0]` are ignored). Returns `head[d]` for every node (`head[0] = 0`).
/// Scores must be finite.
pub fn arborescence(score: &[Vec<f64>]) -> Vec<usize> {
    let n = score.len();
    if n <= 1 {
        return vec![0; n];
    }
    let nodes: Vec<usize> = (0..n).collect();
    let mut head = vec![0usize; n];
    solve(score, &nodes, &mut head);
    head[0] = 0;
    head
}

/// Recursive contraction. `score` is over `m` local nodes (0 = root); writes
/// local heads into `head`. `_ids` keeps the node count for the recursion.
fn solve(score: &[Vec<f64>], _ids: &[usize], head: &mut [usize]) {
    let m = score.len();
    // Greedy choice of the best head for every non-root node.
    for d in 1..m {
        let mut best = usize::MAX;
        for h in 0..m {
            if h != d && (best == usize::MAX || score[h][d] > score[best][d]) {
                best = h;
            }
        }
        head[d] = best;
    }
    let Some(cycle) = find_cycle(head) else {
        return;
    };
    let in_cycle: Vec<bool> = (0..m).map(|v| cycle.contains(&v)).collect();
    // Map the nodes outside the cycle to 0..k and the cycle to k.
    let mut local = vec![usize::MAX; m];
    let mut outside = Vec::new();
    for v in 0..m {
        if !in_cycle[v] {
            local[v] = outside.len();
            outside.push(v);
        }
    }
    let c = outside.len();
    let k = c + 1;
    let mut sub = vec![vec![f64::NEG_INFINITY; k]; k];
    // Which cycle node an arc into / out of the contracted node really uses.
    let mut enter = vec![usize::MAX; k];
    let mut leave = vec![usize::MAX; k];
    for (lu, &u) in outside.iter().enumerate() {
        for (lv, &v) in outside.iter().enumerate() {
            if u != v {
                sub[lu][lv] = score[u][v];
            }
        }
        let mut best_in = f64::NEG_INFINITY;
        let mut best_out = f64::NEG_INFINITY;
        for &v in &cycle {
            let gain = score[u][v] - score[head[v]][v];
            if enter[lu] == usize::MAX || gain > best_in {
                best_in = gain;
                enter[lu] = v;
            }
            if leave[lu] == usize::MAX || score[v][u] > best_out {
                best_out = score[v][u];
                leave[lu] = v;
            }
        }
        sub[lu][c] = best_in;
        sub[c][lu] = best_out;
    }
    let mut sub_head = vec![0usize; k];
    solve(&sub, &outside, &mut sub_head);
    let cycle_heads: Vec<(usize, usize)> = cycle.iter().map(|&v| (v, head[v])).collect();
    for (lv, &v) in outside.iter().enumerate() {
        if lv == 0 && v == 0 {
            continue;
        }
        let h = sub_head[lv];
        head[v] = if h == c { leave[lv] } else { outside[h] };
    }
    for (v, h) in cycle_heads {
        head[v] = h;
    }
    // The arc entering the cycle replaces one cycle arc.
    let h = sub_head[c];
    let entry = enter[h];
    head[entry] = outside[h];
}

/// A cycle among `head` pointers (node 0 is the root and never in one).
fn find_cycle(head: &[usize]) -> Option<Vec<usize>> {
    let m = head.len();
    let mut color = vec![0u8; m]; // 0 new, 1 on the current path, 2 done
    color[0] = 2;
    for start in 1..m {
        let mut path = Vec::new();
        let mut v = start;
        while color[v] == 0 {
            color[v] = 1;
            path.push(v);
            v = head[v];
        }
        if color[v] == 1 {
            let pos = path.iter().position(|&p| p == v).unwrap_or(0);
            return Some(path[pos..].to_vec());
        }
        for p in path {
            color[p] = 2;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `arcs` lists `(head, dependent, score)`; other arcs score 0.
    #[track_caller]
    fn check(n: usize, arcs: &[(usize, usize, f64)], expect: &[usize]) {
        let mut score = vec![vec![0.0; n]; n];
        for &(h, d, s) in arcs {
            score[h][d] = s;
        }
        assert_eq!(arborescence(&score), expect);
    }

    #[test]
    fn greedy_tree_is_kept() {
        check(4, &[(0, 2, 5.0), (2, 1, 5.0), (2, 3, 5.0)], &[0, 2, 0, 2]);
    }

    #[test]
    fn cycles_are_broken() {
        // 1 and 2 prefer each other; the root arc into 2 is the cheapest fix.
        check(3, &[(2, 1, 10.0), (1, 2, 10.0), (0, 2, 9.0), (0, 1, 1.0)], &[0, 2, 0]);
        // A three-cycle with an entry from outside.
        check(
            5,
            &[
                (2, 1, 10.0),
                (3, 2, 10.0),
                (1, 3, 10.0),
                (4, 1, 8.0),
                (0, 4, 5.0),
                (1, 4, 1.0),
            ],
            &[0, 4, 3, 1, 0],
        );
    }

    #[test]
    fn always_a_tree() {
        // Pseudo-random dense scores: the result has no cycles.
        let n = 30;
        let mut x: u64 = 12345;
        let score: Vec<Vec<f64>> = (0..n)
            .map(|_| {
                (0..n)
                    .map(|_| {
                        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        (x >> 40) as f64
                    })
                    .collect()
            })
            .collect();
        let head = arborescence(&score);
        assert!(find_cycle(&head).is_none());
    }
}
