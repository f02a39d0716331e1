/**
 * One-vs-rest scores from one-vs-one results (scikit-learn's `_ovr_decision_function`): each
 * class gets its number of pairwise wins plus its summed pairwise confidence squashed into
 * (−1/3, 1/3), so the votes decide and the confidences only break ties.
 */

/**
 * `winsSecond[i·P + m]` is 1 when pair m = (a, b) (in the order (0,1), (0,2), …, (1,2), …) voted
 * for b on sample i, `confidence[i·P + m]` how strongly (positive favours b). Returns n×k scores.
 *
 * @example
 * ```ts
 * // one sample, three classes, pairs (0,1) (0,2) (1,2): class 1 wins two votes
 * sk.ovrDecisionFunction(Uint8Array.of(1, 0, 0), Float64Array.of(0.5, -0.2, -1), 1, 3);
 * ```
 */
export function ovrDecisionFunction(
  winsSecond: Uint8Array,
  confidence: Float64Array,
  n: number,
  k: number,
): Float64Array {
  const P = (k * (k - 1)) / 2;
  const votes = new Float64Array(n * k);
  const sums = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let a = 0; a < k; a++) {
      for (let b = a + 1; b < k; b++, m++) {
        const c = confidence[i * P + m];
        sums[i * k + a] -= c;
        sums[i * k + b] += c;
        votes[i * k + (winsSecond[i * P + m] ? b : a)] += 1;
      }
    }
  }
  for (let j = 0; j < n * k; j++) votes[j] += sums[j] / (3 * (Math.abs(sums[j]) + 1));
  return votes;
}
