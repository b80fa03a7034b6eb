import type { SpecsFile } from '../config/index.js';
import type { RandomStream } from '../engine/rng.js';
import type { Sfc, SfcPriority } from '../model/sfc.js';
import { ConfigError, type ConfigIssue } from '../errors.js';
import { checkCounts, pick, sampleDistinct, specsProblem, type GenerationContext } from './generate-util.js';

/**
 * The three criteria orders selected by `sfc.priorities_order` (model-spec §2.4):
 * 1 ⇒ latency, capacity, energy; 2 ⇒ capacity, latency, energy; 3 ⇒ energy, latency, capacity.
 */
export const PRIORITY_ORDERS: Readonly<Record<1 | 2 | 3, readonly SfcPriority[]>> = Object.freeze({
  1: Object.freeze(['latency', 'capacity', 'energy'] as const),
  2: Object.freeze(['capacity', 'latency', 'energy'] as const),
  3: Object.freeze(['energy', 'latency', 'capacity'] as const),
});

/** The criteria in `SfcPriority` enumeration order (latency = 1, capacity = 2, energy = 3). */
const CRITERIA: readonly SfcPriority[] = ['latency', 'capacity', 'energy'];

/**
 * SFC types `s_0 … s_{S−1}` (model-spec §2.4), per SFC in the reference's order: priorities order
 * (a pick of `priorities_order` mapped by {@link PRIORITY_ORDERS}, or a random permutation when the key
 * is absent), the VNF chain (distinct types, random order, length from `vnf_num`), `max_latency`,
 * `timeout`. The `slice` field is left empty; {@link assignSlices} fills it.
 * @internal
 */
export function generateSfcs(
  specs: SpecsFile,
  vnfNames: readonly string[],
  stream: RandomStream,
  ctx: GenerationContext,
): Sfc[] {
  const s = specs.sfc;
  checkCounts(s.vnf_num, 1, vnfNames.length, ctx, '/sfc/vnf_num', `entities_number.vnfs = ${vnfNames.length}`);
  const orders = s.priorities_order;
  if (orders !== undefined) {
    const bad: ConfigIssue[] = orders.flatMap((c, i) =>
      c === 1 || c === 2 || c === 3
        ? []
        : [{ file: ctx.file, path: `/sfc/priorities_order/${i}`, expected: '1, 2 or 3', found: JSON.stringify(c), severity: 'error' as const }],
    );
    if (bad.length > 0) throw new ConfigError(bad);
  }
  const sfcs: Sfc[] = [];
  for (let i = 0; i < specs.entities_number.sfcs; i++) {
    const prioritiesOrder =
      orders === undefined
        ? stream.shuffle([...CRITERIA])
        : [...PRIORITY_ORDERS[pick(stream, orders, ctx, '/sfc/priorities_order') as 1 | 2 | 3]];
    const vnfs = sampleDistinct(stream, vnfNames, s.vnf_num, ctx, '/sfc/vnf_num');
    const maxLatency = pick(stream, s.max_latency, ctx, '/sfc/max_latency');
    const timeout = pick(stream, s.timeout, ctx, '/sfc/timeout');
    sfcs.push({ index: i, name: `s_${i}`, vnfs, maxLatency, timeout, prioritiesOrder, slice: '' });
  }
  return sfcs;
}

/** An explicit slice definition of the specs (\@nss extension `slices`). */
interface SliceSpec {
  readonly name: string;
  readonly sfcs: readonly string[];
}

/**
 * Slices and each SFC's `slice` field. With a `slices` list in the specs, those slices come first in
 * the given order and every SFC type not listed gets its own slice `sl_{i}` (suffixed `_1`, `_2`, … if
 * that name is taken); without it, one slice `sl_{i}` per SFC type `s_{i}`. An unknown SFC name, an SFC
 * listed in two slices or a duplicate slice name is a {@link ConfigError} (all problems at once).
 * @internal
 */
export function assignSlices(
  sfcs: readonly Sfc[],
  sliceSpecs: readonly SliceSpec[] | undefined,
  ctx: GenerationContext,
): { sfcs: Sfc[]; slices: { index: number; name: string; sfcs: string[] }[] } {
  const sliceOf = new Map<string, string>();
  const names = new Set<string>();
  const slices: { index: number; name: string; sfcs: string[] }[] = [];
  const issues: ConfigIssue[] = [];
  const sfcNames = new Set(sfcs.map((s) => s.name));
  (sliceSpecs ?? []).forEach((spec, i) => {
    if (names.has(spec.name)) {
      issues.push(issue(ctx, `/slices/${i}/name`, 'a slice name not used by another slice', JSON.stringify(spec.name)));
    }
    names.add(spec.name);
    spec.sfcs.forEach((sfc, j) => {
      const path = `/slices/${i}/sfcs/${j}`;
      if (!sfcNames.has(sfc)) {
        issues.push(issue(ctx, path, `an SFC type name (s_0 … s_${sfcs.length - 1})`, JSON.stringify(sfc)));
      } else if (sliceOf.has(sfc)) {
        issues.push(issue(ctx, path, 'each SFC type in at most one slice', `${sfc} already in slice ${sliceOf.get(sfc)}`));
      } else {
        sliceOf.set(sfc, spec.name);
      }
    });
    slices.push({ index: slices.length, name: spec.name, sfcs: [...new Set(spec.sfcs)] });
  });
  if (issues.length > 0) throw new ConfigError(issues);
  for (const sfc of sfcs) {
    if (sliceOf.has(sfc.name)) continue;
    let name = `sl_${sfc.index}`;
    for (let k = 1; names.has(name); k++) name = `sl_${sfc.index}_${k}`;
    names.add(name);
    sliceOf.set(sfc.name, name);
    slices.push({ index: slices.length, name, sfcs: [sfc.name] });
  }
  const named = sfcs.map((sfc) => ({ ...sfc, slice: sliceOf.get(sfc.name) ?? specsProblem(ctx, '/slices', 'a slice for every SFC type', sfc.name) }));
  return { sfcs: named, slices };
}

function issue(ctx: GenerationContext, path: string, expected: string, found: string): ConfigIssue {
  return { file: ctx.file, path, expected, found, severity: 'error' };
}
