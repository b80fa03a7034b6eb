/**
 * The placement contract end to end: the core checks every decision of a plugin's plan against the
 * state and records an infeasible one as SFC_REQUEST_NOT_PLACED with the violated constraint; an async
 * plugin (a Promise resolved later) pauses the clock and gives exactly the result of its sync twin.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidScenario, resolveSettings } from '../config/index.js';
import { generateEnvironment } from '../environment/generate.js';
import type { PlacementPlugin } from '../plugins/define-plugin.js';
import { FlowTable } from './flow-file.js';
import { type RunResult, runSimulation } from './run-simulation.js';
import {
  type Csv,
  type Route,
  asAsync,
  chainEnvironment,
  differingFiles,
  firstFit,
  fixedPlacement,
  flowCsv,
  listFiles,
  parametersFile,
  readCsv,
  rowsOf,
  settingsFor,
  stressedSpecs,
  tempDir,
} from '../testing/index.js';

const scratch = tempDir('nss-placement-');
afterAll(() => scratch.remove());

describe('placement decisions the core refuses', () => {
  // n_0: ingress; n_1: 500 CPU free (< 1000 needed); n_2: 50 memory (< 100 needed); n_3: cannot host v_0;
  // n_4: room for exactly one instance (r_4 and r_5 both go there: the second is refused); n_5: egress.
  const routes: Record<string, string | null> = { r_0: 'n_1', r_1: 'n_2', r_2: 'n_3', r_3: 'n_5', r_4: 'n_4', r_5: 'n_4', r_6: null };
  const route: Route = (request) => (routes[request.name] === null ? null : [routes[request.name]!]);
  let result: RunResult;
  let requests: Csv;
  let dir: string;

  beforeAll(async () => {
    const env = chainEnvironment({
      nodes: [{ type: 'RAN' }, { cpu: 500 }, { mem: 50 }, { vnfs: [] }, { cpu: 1500 }, { type: 'CORE' }],
      vnfs: [{ cpu: 1000, mem: 100 }],
      requests: Object.keys(routes).map(() => ({ ingress: 'n_0', egress: 'n_5' })),
    });
    const flows = FlowTable.parse(
      flowCsv(Object.keys(routes).flatMap((_, i) => [1, 2, 3].map((t) => ({ user: `u_${i}`, sfc: 's_0', time: t, size: 1 })))),
      'flows.csv',
    );
    dir = join(scratch.dir, 'refused');
    result = await runSimulation({
      environment: env,
      settings: settingsFor({ total_time: 100 }),
      plugins: { placement: { plugin: fixedPlacement(route, { name: 'pinned' }) } },
      flows,
      outDir: dir,
    });
    requests = readCsv(join(dir, 'Round_0/sfc_request.csv'));
  });

  const reasonOf = (request: string): string => {
    const row = rowsOf(requests, 'SFC_REQUEST_NOT_PLACED').find((r) => r[requests.col('SFC_Request')] === request);
    if (row === undefined) throw new Error(`${request} was not refused`);
    return row[requests.col('Reason')];
  };

  it('refuses a node without enough CPU, naming the plugin and the numbers', () => {
    expect(reasonOf('r_0')).toBe('pinned placed v_0 of r_0 on n_1 with 500 CPU free; it needs 1000');
  });

  it('refuses a node without enough memory', () => {
    expect(reasonOf('r_1')).toBe('pinned placed v_0 of r_1 on n_2 with 50 memory free; it needs 100');
  });

  it('refuses a node that cannot host the VNF type', () => {
    expect(reasonOf('r_2')).toMatch(/^pinned placed v_0 of r_2 on n_3, which cannot host v_0/);
  });

  it('counts what earlier decisions of the same plan took', () => {
    expect(reasonOf('r_5')).toBe('pinned placed v_0 of r_5 on n_4 with 500 CPU free (earlier decisions of this plan took 1000); it needs 1000');
    expect(reasonOf('r_6')).toBe('pinned did not place r_6: route gave no nodes');
  });

  it('places the feasible requests and counts the refused ones', () => {
    const placed = rowsOf(requests, 'SFC_REQUEST_PLACED').map((r) => r[requests.col('SFC_Request')]);
    expect(placed).toEqual(['r_3', 'r_4']);
    for (const r of rowsOf(requests, 'SFC_REQUEST_PLACED')) expect(r[requests.col('Reason')]).toBe('');
    expect(result.rounds[0].requests).toEqual({ total: 7, placed: 2, rejected: 5 });
    // Only placed requests generate traffic: 3 packets each, all delivered.
    expect(result.rounds[0].packets).toEqual({ created: 6, delivered: 6, dropped: 0, orphaned: 0, inFlight: 0 });
    const started = rowsOf(requests, 'SFC_REQUEST_PACKET_GENERATION_STARTED').map((r) => r[requests.col('SFC_Request')]);
    expect(started).toEqual(['r_3', 'r_4']);
    // The refused plan changed nothing: one instance on each of n_4 and n_5, nothing on n_1, n_2 or n_3.
    expect(readCsv(join(dir, 'Round_0/vnf_instances_entities.csv')).column('Node').sort()).toEqual(['n_4', 'n_5']);
    const entities = readCsv(join(dir, 'Entities/sfc_requests.csv'));
    const unplaced = entities.rows.filter((r) => r[entities.col('Placed')] === 'False').map((r) => r[entities.col('Name')]);
    expect(unplaced.sort()).toEqual(['r_0', 'r_1', 'r_2', 'r_5', 'r_6']);
  });
});

describe('new instances shared through plan keys', () => {
  async function run(name: string, maxShare: number): Promise<{ dir: string; result: RunResult }> {
    const env = chainEnvironment({
      nodes: [{}, {}, {}],
      vnfs: [{ cpu: 1000, maxShare }],
      requests: [
        { ingress: 'n_0', egress: 'n_2' },
        { ingress: 'n_0', egress: 'n_2' },
      ],
    });
    const flows = FlowTable.parse(
      flowCsv([0, 1].flatMap((u) => [1, 30, 30].map((t) => ({ user: `u_${u}`, sfc: 's_0', time: t + u, size: 5 })))),
      'shared.csv',
    );
    const dir = join(scratch.dir, name);
    const result = await runSimulation({
      environment: env,
      settings: settingsFor({ total_time: 200, log_vnf_instance_events: 1 }),
      plugins: { placement: { plugin: fixedPlacement(() => ['n_1'], { share: true }) } },
      flows,
      outDir: dir,
    });
    return { dir, result };
  }

  it('serve several requests with one instance when max_share allows it', async () => {
    const { dir, result } = await run('shared', 2);
    expect(result.rounds[0].requests).toEqual({ total: 2, placed: 2, rejected: 0 });
    expect(rowsOf(readCsv(join(dir, 'Round_0/vnf_instance.csv')), 'INSTANCE_CREATED')).toHaveLength(1);
    const vnfPackets = readCsv(join(dir, 'Round_0/vnf_instance_packets.csv'));
    const served = rowsOf(vnfPackets, 'VNF_INSTANCE_PACKET_PROCESSED');
    expect(new Set(served.map((r) => r[vnfPackets.col('VNF_Instance')]))).toEqual(new Set(['n_1_v_0_1']));
    expect(new Set(served.map((r) => r[vnfPackets.col('SFC_Request')]))).toEqual(new Set(['r_0', 'r_1']));
    expect(result.rounds[0].packets.delivered).toBe(6);
  });

  it('are refused beyond max_share', async () => {
    const { dir, result } = await run('full', 1);
    expect(result.rounds[0].requests).toEqual({ total: 2, placed: 1, rejected: 1 });
    const requests = readCsv(join(dir, 'Round_0/sfc_request.csv'));
    const refused = rowsOf(requests, 'SFC_REQUEST_NOT_PLACED');
    expect(refused.map((r) => r[requests.col('SFC_Request')])).toEqual(['r_1']);
    expect(refused[0][requests.col('Reason')]).toMatch(/no free share slot \(max_share 1/);
  });
});

describe('an async placement', () => {
  async function run(name: string, plugin: PlacementPlugin): Promise<{ dir: string; result: RunResult }> {
    const valid = assertValidScenario(
      stressedSpecs(2_000_000),
      parametersFile({ total_time: 1500, time_window: 100, random_seed: 5, log_link_events: 1, log_vnf_instance_events: 1 }),
    );
    const settings = resolveSettings(valid.specs, valid.params);
    const env = generateEnvironment(valid.specs, settings.seed, settings);
    const dir = join(scratch.dir, name);
    const result = await runSimulation({ environment: env, settings, plugins: { placement: { plugin } }, outDir: dir });
    return { dir, result };
  }

  it('answering through a Promise after a timer, gives the same results as its sync twin', async () => {
    const sync = await run('sync', firstFit());
    const timerFired: number[] = [];
    const plugin = asAsync(firstFit(), 3);
    const promised = await run('async', {
      ...plugin,
      create: (params, context) => {
        const s = plugin.create(params, context);
        return { name: s.name, place: (rq, view) => (timerFired.push(view.time), s.place(rq, view)) };
      },
    });
    // Several rounds of placement, each awaited.
    expect(timerFired.length).toBeGreaterThan(5);
    expect(sync.result.rounds[0].requests.placed).toBeGreaterThan(5);
    expect(sync.result.rounds[0].packets.created).toBeGreaterThan(500);
    const { wallTimeMs: _a, ...a } = sync.result.rounds[0];
    const { wallTimeMs: _b, ...b } = promised.result.rounds[0];
    expect(b).toEqual(a);
    expect(listFiles(promised.dir).length).toBeGreaterThan(20);
    expect(differingFiles(sync.dir, promised.dir)).toEqual([]);
  });

  it('pauses the clock while the promise is pending', async () => {
    // The view a late plan is built from is the state at the placement instant, and the plan is applied
    // at that instant: the placement rows and the placement instants coincide.
    const env = chainEnvironment({ nodes: [{}, {}, {}], vnfs: [{}], requests: [{ ingress: 'n_0', egress: 'n_2' }] });
    const flows = FlowTable.parse(flowCsv([{ user: 'u_0', sfc: 's_0', time: 0, size: 1 }]), 'f.csv');
    const dir = join(scratch.dir, 'pause');
    const result = await runSimulation({
      environment: env,
      settings: settingsFor({ total_time: 50 }),
      plugins: { placement: { plugin: asAsync(fixedPlacement(() => ['n_1']), 20) } },
      flows,
      outDir: dir,
    });
    expect(result.rounds[0].packets.delivered).toBe(1);
    const placement = readCsv(join(dir, 'Round_0/placement.csv'));
    expect(placement.column('Time')).toEqual(['0.00', '0.00']);
    const packets = readCsv(join(dir, 'Round_0/packets.csv'));
    expect(rowsOf(packets, 'PACKET_CREATED')[0][packets.col('Time')]).toBe('0.00');
  });
});
