import type { EnvironmentIndex } from '../environment/environment-index.js';
import type { RequestRuntime } from './runtime/request-runtime.js';

/**
 * Orders a placement batch (model-spec §3.4): by SFC-type similarity (`asc`: types most similar to the
 * rest of the batch first, requests of a type together in arrival order; `desc`: the exact reverse;
 * `none`: arrival order), then — unless `ignorePriority` ([Q-5]) — stably by request priority, highest first.
 */
export function orderBatch(
  batch: readonly RequestRuntime[],
  mode: 'asc' | 'desc' | 'none',
  index: EnvironmentIndex,
  ignorePriority: boolean,
): RequestRuntime[] {
  let ordered = [...batch];
  if (mode !== 'none' && ordered.length > 1) {
    const types: string[] = [];
    const byType = new Map<string, RequestRuntime[]>();
    for (const r of ordered) {
      const t = r.sfc.name;
      let list = byType.get(t);
      if (!list) {
        byType.set(t, (list = []));
        types.push(t);
      }
      list.push(r);
    }
    const score = new Map<string, number>();
    for (const t of types) {
      let best = 0;
      for (const u of types) if (u !== t) best = Math.max(best, index.similarity(t, u));
      score.set(t, best);
    }
    const sortedTypes = types
      .map((t, i) => ({ t, i }))
      .sort((a, b) => score.get(b.t)! - score.get(a.t)! || a.i - b.i)
      .map((x) => x.t);
    ordered = sortedTypes.flatMap((t) => byType.get(t)!);
    if (mode === 'desc') ordered.reverse();
  }
  if (!ignorePriority) {
    ordered = ordered
      .map((r, i) => ({ r, i }))
      .sort((a, b) => b.r.req.priority - a.r.req.priority || a.i - b.i)
      .map((x) => x.r);
  }
  return ordered;
}
