/**
 * Placement batches (model-spec §3.3–3.4): which requests a placement round receives, and in what order.
 *
 * SFC types (similarity |A∩B| / min(|A|, |B|)):
 *   s_0 = [v_0, v_1, v_2]; s_1 = [v_2, v_3]; s_2 = [v_4]; s_3 = [v_0, v_1, v_3, v_5]
 *   sim(s_0, s_1) = 1/2, sim(s_0, s_3) = 2/3, sim(s_1, s_3) = 1/2, s_2 shares nothing.
 *   score = best similarity to another type of the batch: s_0 2/3, s_1 1/2, s_2 0, s_3 2/3.
 * Requests r_0 … r_6 of types s_2, s_1, s_3, s_0, s_2, s_1, s_3: types appear in the order s_2, s_1, s_3, s_0;
 * by score (ties in appearance order): s_3, s_0, s_1, s_2 ⇒ "asc" = r_2 r_6 r_3 r_1 r_5 r_0 r_4 and "desc" its
 * exact reverse. Priorities (r_0 … r_6) 0 2 0 1 2 0 1 then sort stably, highest first.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSimulation } from './run-simulation.js';
import { chainEnvironment, readCsv, recordingPlacement, rowsOf, settingsFor, tempDir, withRequestPriorities } from '../testing/index.js';

const TYPES = ['s_2', 's_1', 's_3', 's_0', 's_2', 's_1', 's_3'];
const PRIORITIES = [0, 2, 0, 1, 2, 0, 1];
const ASC = ['r_2', 'r_6', 'r_3', 'r_1', 'r_5', 'r_0', 'r_4'];
const NAMES = TYPES.map((_, i) => `r_${i}`);

/** A stable sort by priority, highest first (what the expected orders are derived with). */
function byPriority(order: readonly string[]): string[] {
  return order
    .map((r, i) => ({ r, i, p: PRIORITIES[Number(r.slice(2))] }))
    .sort((a, b) => b.p - a.p || a.i - b.i)
    .map((x) => x.r);
}

const scratch = tempDir('nss-ordering-');
afterAll(() => scratch.remove());

function environment(arrivals: readonly number[] = TYPES.map(() => 0), priorities = true) {
  const env = chainEnvironment({
    nodes: [{}],
    vnfs: [{}, {}, {}, {}, {}, {}],
    sfcs: [{ vnfs: ['v_0', 'v_1', 'v_2'] }, { vnfs: ['v_2', 'v_3'] }, { vnfs: ['v_4'] }, { vnfs: ['v_0', 'v_1', 'v_3', 'v_5'] }],
    requests: TYPES.map((sfc, i) => ({ sfc, ingress: 'n_0', egress: 'n_0', arrivalTime: arrivals[i] })),
  });
  return priorities ? withRequestPriorities(env, PRIORITIES) : env;
}

async function orderOf(mode: 'asc' | 'desc' | 'none', options: { priorities?: boolean; ignorePriority?: boolean } = {}) {
  const calls: { time: number; requests: string[] }[] = [];
  const name = `${mode}-${options.priorities === false ? 'flat' : 'prio'}-${options.ignorePriority ? 'ignored' : 'used'}`;
  const dir = join(scratch.dir, name);
  await runSimulation({
    environment: environment(undefined, options.priorities !== false),
    settings: settingsFor({
      total_time: 100,
      order_sfc_request_by_similarity: mode,
      packet_generation: 0,
      ...(options.ignorePriority ? { quirks: { ignoreRequestPriority: 1 } } : {}),
    }),
    plugins: { placement: { plugin: recordingPlacement(calls) } },
    outDir: dir,
  });
  expect(calls).toHaveLength(1);
  // sfc_request.csv gives each request its position in the batch as its placement order.
  const requests = readCsv(join(dir, 'Round_0/sfc_request.csv'));
  const logged = rowsOf(requests, 'SFC_REQUEST_NOT_PLACED').map((r) => [r[requests.col('SFC_Request')], Number(r[requests.col('Placement_Order')])]);
  expect(logged).toEqual(calls[0].requests.map((r, i) => [r, i + 1]));
  return calls[0].requests;
}

describe('order of a placement batch', () => {
  it('groups by SFC type, most similar first ("asc"), without priorities', async () => {
    expect(await orderOf('asc', { priorities: false })).toEqual(ASC);
  });

  it('is the exact reverse with "desc", and the arrival order with "none" (no priorities)', async () => {
    expect(await orderOf('desc', { priorities: false })).toEqual([...ASC].reverse());
    expect(await orderOf('none', { priorities: false })).toEqual(NAMES);
  });

  it('then sorts stably by priority, highest first', async () => {
    const asc = await orderOf('asc');
    expect(asc).toEqual(byPriority(ASC));
    expect(asc).toEqual(['r_1', 'r_4', 'r_6', 'r_3', 'r_2', 'r_5', 'r_0']);
    const desc = await orderOf('desc');
    expect(desc).toEqual(byPriority([...ASC].reverse()));
    expect(desc).toEqual(['r_4', 'r_1', 'r_3', 'r_6', 'r_0', 'r_5', 'r_2']);
    const none = await orderOf('none');
    expect(none).toEqual(['r_1', 'r_4', 'r_3', 'r_6', 'r_0', 'r_2', 'r_5']);
  });

  it('keeps the similarity (or arrival) order with the ignoreRequestPriority quirk', async () => {
    expect(await orderOf('asc', { ignorePriority: true })).toEqual(ASC);
    expect(await orderOf('desc', { ignorePriority: true })).toEqual([...ASC].reverse());
    expect(await orderOf('none', { ignorePriority: true })).toEqual(NAMES);
  });
});

describe('placement rounds', () => {
  const arrivals = [0, 99, 100, 150, 250, 420, 999];

  it('time_window 0: one round at t = 0 with every request, whatever its arrival', async () => {
    const calls: { time: number; requests: string[] }[] = [];
    const dir = join(scratch.dir, 'no-window');
    await runSimulation({
      environment: environment(arrivals, false),
      settings: settingsFor({ total_time: 1000, time_window: 0, packet_generation: 0 }),
      plugins: { placement: { plugin: recordingPlacement(calls) } },
      outDir: dir,
    });
    expect(calls).toEqual([{ time: 0, requests: NAMES }]);
    const windows = readCsv(join(dir, 'Round_0/time_window.csv'));
    const started = rowsOf(windows, 'TIME_WINDOW_STARTED');
    expect(started).toHaveLength(1);
    expect(Number(started[0][windows.col('Time')])).toBe(0);
    expect(Number(started[0][windows.col('Count_SFC_Requests')])).toBe(NAMES.length);
    // Every request's arrival is reported as 0.
    const requests = readCsv(join(dir, 'Entities/sfc_requests.csv'));
    expect(requests.column('Arrival_Time').map(Number)).toEqual(NAMES.map(() => 0));
  });

  it('time_window 100: each round at t takes the requests that arrived in [t − 100, t)', async () => {
    const calls: { time: number; requests: string[] }[] = [];
    await runSimulation({
      environment: environment(arrivals, false),
      settings: settingsFor({ total_time: 1000, time_window: 100, packet_generation: 0 }),
      plugins: { placement: { plugin: recordingPlacement(calls) } },
    });
    // Empty batches do not reach the plugin; r_6 (arrival 999) has no round before total_time.
    expect(calls).toEqual([
      { time: 100, requests: ['r_0', 'r_1'] },
      { time: 200, requests: ['r_2', 'r_3'] },
      { time: 300, requests: ['r_4'] },
      { time: 500, requests: ['r_5'] },
    ]);
  });
});
