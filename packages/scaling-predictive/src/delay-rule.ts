/**
 * The delay rule: the smallest CPU at which a single-slot instance fed by Poisson arrivals keeps the
 * probability of waiting longer than its delay budget under a target.
 *
 * With arrival rate λ (packets/s), work w per packet (instructions) and CPU C (instructions/s), the
 * service time is s = w / C and the load ρ = λ s. The mean wait is the M/D/1 (Pollaczek–Khinchine) value
 * E[W] = ρ s / (2 (1 − ρ)), and the tail is approximated by an exponential with the right mass and
 * mean: P(W > t) ≈ ρ · exp(−ρ t / E[W]) (P(W > 0) = ρ, ∫ P(W > t) dt = E[W]). A packet misses the
 * budget d when its wait exceeds d − s.
 */
export function waitTailProbability(ratePerSecond: number, workPerPacket: number, cpu: number, budgetMs: number): number {
  if (ratePerSecond <= 0 || workPerPacket <= 0) return 0;
  const s = (1000 * workPerPacket) / cpu; // ms
  const rho = (ratePerSecond * s) / 1000;
  if (rho >= 1) return 1;
  const t = budgetMs - s;
  if (t <= 0) return 1;
  const meanWait = (rho * s) / (2 * (1 - rho));
  return rho * Math.exp((-rho * t) / meanWait);
}

/**
 * The smallest CPU ≥ `floor` (to 0.1 % by bisection) whose {@link waitTailProbability} is at most
 * `missTarget`, or `Infinity` when even an unbounded CPU cannot meet it (a budget below zero). Returns
 * `floor` when the rule is off (`missTarget` ≥ 1) or already met there.
 */
export function delayRuleCpu(
  ratePerSecond: number,
  workPerPacket: number,
  budgetMs: number,
  missTarget: number,
  floor: number,
): number {
  const ok = (c: number): boolean => waitTailProbability(ratePerSecond, workPerPacket, c, budgetMs) <= missTarget;
  if (missTarget >= 1 || ok(floor)) return floor;
  if (budgetMs <= 0) return Number.POSITIVE_INFINITY;
  let lo = floor;
  let hi = Math.max(floor, 1) * 2;
  for (let i = 0; i < 60 && !ok(hi); i++) hi *= 2;
  if (!ok(hi)) return Number.POSITIVE_INFINITY;
  while (hi - lo > 0.001 * hi) {
    const mid = (lo + hi) / 2;
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
