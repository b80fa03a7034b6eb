/**
 * Infrastructure views for placement tests: a view of any environment with given running instances and
 * booked links, and seeded random instances (tight generated environments with some capacity taken).
 */
import type { EdgeEnvironment } from '../environment/edge-environment.js';
import { generateEnvironment } from '../environment/generate.js';
import { Rng } from '../engine/rng.js';
import type { InfrastructureView, LinkResources, NodeResources, VnfInstanceView } from '../plugins/infrastructure-view.js';
import type { PlacementPlan } from '../plugins/placement.js';
import { checkPlacementPlan } from '../plugins/plan-validation.js';
import { tightSpecs } from './specs.js';

/** Options of {@link viewOf}. */
export interface ViewOfOptions {
  readonly share?: boolean;
  readonly bandwidthLimit?: boolean;
  /** Live VNF instances already running (their CPU and memory are taken from their nodes). */
  readonly instances?: readonly VnfInstanceView[];
  /** Bandwidth already booked per link name. */
  readonly booked?: Readonly<Record<string, number>>;
}

/**
 * An infrastructure view of `env` as the core would hand it to a placement at time 0: free resources
 * are the capacities minus what `instances` and `booked` take; no SFC instances; sharing and the
 * bandwidth limit off unless told otherwise.
 */
export function viewOf(env: EdgeEnvironment, o: ViewOfOptions = {}): InfrastructureView {
  const instances = o.instances ?? [];
  const nodes: NodeResources[] = env.nodes.map((n) => {
    const on = instances.filter((v) => v.node === n.name);
    const cpu = on.reduce((s, v) => s + v.cpu, 0);
    const mem = on.reduce((s, v) => s + v.mem, 0);
    return { node: n.name, index: n.index, freeCpu: n.cpu - cpu, freeMem: n.mem - mem, allocatedCpu: cpu, allocatedMem: mem, vnfInstances: on.length };
  });
  const links: LinkResources[] = env.links.map((l) => {
    const booked = o.booked?.[l.name] ?? 0;
    return { link: l.name, index: l.index, freeBandwidth: l.bandwidth - booked, bookedBandwidth: booked };
  });
  return {
    time: 0,
    environment: env,
    nodes,
    links,
    vnfInstances: instances,
    sfcInstances: [],
    shareSfcInstances: o.share ?? false,
    computeLinkBandwidthLimit: o.bandwidthLimit ?? false,
    linksBetween: (a, b) => env.links.filter((l) => l.source === a && l.target === b),
    linkLatency: (l, size) => (1000 * size) / l.bandwidth + l.propagation,
    canHost: (node, vnf) => env.nodes.find((n) => n.name === node)?.vnfs.includes(vnf) ?? false,
  };
}

/**
 * A seeded random instance: a generated tight environment, some running instances (random share slots
 * left, some not accepting) and some links partly or fully booked; bandwidth accounting on or off.
 * `scale` multiplies node capacities (large values make capacity conflicts impossible).
 */
export function randomInstance(seed: number, nodes = 6, users = 12, scale = 1): { env: EdgeEnvironment; view: InfrastructureView } {
  const generated = generateEnvironment(tightSpecs(nodes, users), seed);
  const env = { ...generated, nodes: generated.nodes.map((n) => ({ ...n, cpu: n.cpu * scale, mem: n.mem * scale })) };
  const rng = new Rng(seed).stream('test-instance');
  const instances: VnfInstanceView[] = [];
  const used = new Map<string, number>();
  for (const n of env.nodes) {
    for (const vName of n.vnfs) {
      const vnf = env.vnfs.find((v) => v.name === vName)!;
      if (!rng.bernoulli(0.3) || (used.get(n.name) ?? 0) + vnf.cpu > n.cpu) continue;
      used.set(n.name, (used.get(n.name) ?? 0) + vnf.cpu);
      const mapped = rng.integer(0, vnf.maxShare);
      const accepting = rng.bernoulli(0.8);
      instances.push({
        name: `${n.name}_${vName}_${instances.length}`,
        vnf: vName,
        node: n.name,
        cpu: vnf.cpu,
        mem: Math.min(vnf.mem, n.mem / 4),
        state: 'running',
        acceptSfcInstances: accepting,
        sfcInstances: Array.from({ length: mapped }, (_, i) => `si_x${i}`),
        freeShareSlots: accepting ? vnf.maxShare - mapped : 0,
      });
    }
  }
  const booked: Record<string, number> = {};
  for (const l of env.links) if (rng.bernoulli(0.2)) booked[l.name] = rng.bernoulli(0.5) ? l.bandwidth : l.bandwidth / 2;
  return { env, view: viewOf(env, { instances, booked, bandwidthLimit: rng.bernoulli(0.7), share: false }) };
}

/** What {@link checkPlansOnRandomInstances} found. */
export interface RandomPlansCheck {
  /** Chains (and shares) the core accepted. */
  readonly chains: number;
  /** Requests the plugin itself rejected. */
  readonly rejects: number;
  /** Every decision the core refused, as `constraint: reason` — a plugin whose plans are feasible has none. */
  readonly refused: readonly string[];
}

/**
 * Places the requests of the seeded random instances 1..`seeds` ({@link randomInstance} with its default
 * sizes) with `place` and checks every plan with `checkPlacementPlan`, as a whole: counts the accepted
 * chains and the plugin's own rejections, and lists what the core refused.
 *
 * @example
 * ```ts
 * const r = checkPlansOnRandomInstances('my-placement', (view, env) => strategy.place(env.sfcRequests, view));
 * expect(r.refused).toEqual([]);
 * expect(r.chains).toBeGreaterThan(50); // the instances are tight: both outcomes occur
 * ```
 */
export function checkPlansOnRandomInstances(
  strategy: string,
  place: (view: InfrastructureView, env: EdgeEnvironment, seed: number) => PlacementPlan,
  seeds = 40,
): RandomPlansCheck {
  let chains = 0;
  let rejects = 0;
  const refused: string[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const { env, view } = randomInstance(seed);
    for (const c of checkPlacementPlan(place(view, env, seed), env.sfcRequests, view, strategy)) {
      if (c.status === 'accepted') chains++;
      else if (c.constraint === 'plugin-rejected') rejects++;
      else refused.push(`seed ${seed}: ${c.constraint}: ${c.reason}`);
    }
  }
  return { chains, rejects, refused };
}
