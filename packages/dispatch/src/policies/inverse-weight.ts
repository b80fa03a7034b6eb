/**
 * The seed's `random` rule on the first `count` weights: destination i with probability
 * (1/w_i) / Σ_j (1/w_j), using the uniform draw `u` ∈ [0, 1) (inverse transform over the cumulative
 * inverse weights, so one draw is one choice). `inverseSum` is Σ_j 1/w_j when the caller caches it,
 * otherwise it is computed. Allocates nothing.
 */
export function chooseInverseWeight(weights: ArrayLike<number>, count: number, u: number, inverseSum?: number): number {
  let total = inverseSum ?? 0;
  if (inverseSum === undefined) for (let i = 0; i < count; i++) total += 1 / weights[i];
  let target = u * total;
  for (let i = 0; i < count - 1; i++) {
    target -= 1 / weights[i];
    if (target < 0) return i;
  }
  return count - 1;
}

/** Position of the smallest of the first `count` values (the first one on ties); -1 when `count` is 0. */
export function argMin(values: ArrayLike<number>, count: number): number {
  let best = -1;
  let min = Infinity;
  for (let i = 0; i < count; i++) {
    if (values[i] < min) {
      min = values[i];
      best = i;
    }
  }
  return count > 0 && best < 0 ? 0 : best;
}
