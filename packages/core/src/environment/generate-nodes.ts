import type { SpecsFile } from '../config/index.js';
import type { RandomStream } from '../engine/rng.js';
import type { Node, NodeType } from '../model/node.js';
import { checkCounts, pick, sampleDistinct, specsProblem, type GenerationContext } from './generate-util.js';

/** One row of the location CDF: a location key and its cumulative probability in hundredths. */
interface LocationBin {
  readonly key: string;
  /** Cumulative probability × 100 (integer, so that probabilities summing to 1 reach exactly 100). */
  readonly cumulative: number;
}

/**
 * The location CDF of model-spec §2.3: each `node_prob` rounded to 2 decimals, locations sorted by that
 * probability ascending (stable), accumulated. Kept in integer hundredths so that a catalogue summing
 * to 1 covers every draw u ∈ [0, 1) without floating-point drift.
 * @internal
 */
export function locationCdf(specs: SpecsFile): LocationBin[] {
  const rows = specs.node.location.map((l) => ({ key: String(l.key), hundredths: Math.round(l.node_prob * 100) }));
  rows.sort((a, b) => a.hundredths - b.hundredths); // Array.prototype.sort is stable.
  let cumulative = 0;
  return rows.map((r) => {
    cumulative += r.hundredths;
    return { key: r.key, cumulative };
  });
}

/**
 * The idle power rule of model-spec §2.3 step 2: 70 % of `energyMax` when the `energy_idle` list is
 * empty or has no candidate strictly below `energyMax`, else one pick among those candidates.
 */
function drawEnergyIdle(stream: RandomStream, energyMax: number, idle: readonly number[] | undefined): number {
  const below = (idle ?? []).filter((e) => e < energyMax);
  // (x·7)/10 is exact for integer powers, where 0.7·x may not be.
  return below.length === 0 ? (energyMax * 7) / 10 : stream.choice(below);
}

/**
 * Nodes `n_0 … n_{N−1}` (model-spec §2.3), drawn in the reference's order per node: energy_max,
 * energy_idle, type (node 0 forced RAN, the last node forced CORE), location, group, cpu, mem, hosted
 * VNF types (a sample of `choice(vnf_num)` distinct types), disk_delay; then the coverage post-pass
 * gives every VNF type nobody can host to a uniformly chosen node.
 * @internal
 */
export function generateNodes(
  specs: SpecsFile,
  vnfNames: readonly string[],
  stream: RandomStream,
  ctx: GenerationContext,
): Node[] {
  const n = specs.node;
  const count = specs.entities_number.nodes;
  checkCounts(n.vnf_num, 0, vnfNames.length, ctx, '/node/vnf_num', `entities_number.vnfs = ${vnfNames.length}`);
  const cdf = locationCdf(specs);
  const total = cdf.length === 0 ? 0 : cdf[cdf.length - 1].cumulative;
  const nodes: Node[] = [];
  for (let i = 0; i < count; i++) {
    const energyMax = pick(stream, n.energy_max, ctx, '/node/energy_max');
    const energyIdle = drawEnergyIdle(stream, energyMax, n.energy_idle);
    const u = stream.next();
    let type: NodeType = u <= n.ran_node_prob ? 'RAN' : u <= n.ran_node_prob + n.core_node_prob ? 'CORE' : 'DEFAULT';
    if (i === 0) type = 'RAN';
    if (i === count - 1) type = 'CORE';
    const ul = stream.next() * 100;
    const bin = cdf.find((b) => b.cumulative >= ul);
    if (bin === undefined) {
      specsProblem(
        ctx,
        '/node/location',
        'location node_prob values (rounded to 2 decimals) summing to 1',
        `a sum of ${total / 100}, so the draw ${(ul / 100).toFixed(4)} for node n_${i} found no location`,
      );
    }
    const group = pick(stream, n.group, ctx, '/node/group');
    const cpu = pick(stream, n.cpu, ctx, '/node/cpu');
    const mem = pick(stream, n.mem, ctx, '/node/mem');
    const vnfs = sampleDistinct(stream, vnfNames, n.vnf_num, ctx, '/node/vnf_num');
    const diskDelay = pick(stream, n.disk_delay, ctx, '/node/disk_delay');
    nodes.push({
      index: i,
      name: `n_${i}`,
      group,
      type,
      cpu,
      mem,
      energyMax,
      energyIdle,
      diskDelay,
      location: bin.key,
      vnfs,
    });
  }
  if (nodes.length > 0) coverVnfTypes(nodes, vnfNames, stream);
  return nodes;
}

/** Coverage post-pass (model-spec §2.3): a VNF type no node can host is appended to a random node. */
function coverVnfTypes(nodes: Node[], vnfNames: readonly string[], stream: RandomStream): void {
  const hosted = new Set(nodes.flatMap((node) => node.vnfs));
  for (const vnf of vnfNames) {
    if (hosted.has(vnf)) continue;
    const i = stream.integer(0, nodes.length - 1);
    nodes[i] = { ...nodes[i], vnfs: [...nodes[i].vnfs, vnf] };
  }
}
