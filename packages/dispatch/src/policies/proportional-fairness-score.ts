/**
 * The proportional-fairness score of the seed (seed-systems §3.1):
 * (1 / latency)^α / (served / elapsed)^β, where `elapsed` = now − t_ref. α = 0 or β = 0 drop their
 * factor entirely (so an infinite or zero base cannot produce NaN). `elapsed` ≤ 0 (just served) gives
 * an infinite rate, hence a score of 0 when β > 0.
 */
export function proportionalFairnessScore(latency: number, served: number, elapsed: number, alpha: number, beta: number): number {
  const speed = alpha === 0 ? 1 : (1 / latency) ** alpha;
  if (beta === 0) return speed;
  if (elapsed <= 0) return 0;
  return speed / (served / elapsed) ** beta;
}
