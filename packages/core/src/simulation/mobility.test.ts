/**
 * User mobility (model-spec §5.8): the mobility file's times are rescaled onto the run
 * (t' = ceil(T·total_time/max T)); moves log USER_MOVED; a packet created while its user is away from the
 * request's ingress node waits 2·ceil(1000·s̄/bandwidth + propagation) first, s̄ being the data source's
 * mean packet size and the link one from the user's current node back to the ingress node.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputFileError } from '../errors.js';
import { FlowTable } from './flow-file.js';
import { MobilityPlan } from './mobility.js';
import { runSimulation } from './run-simulation.js';
import { allOn, chainEnvironment, fixedPlacement, flowCsv, readCsv, rowsOf, settingsFor, tempDir } from '../testing/index.js';

const USERS = new Set(['u_0', 'u_1']);
const NODES = new Set(['n_0', 'n_1', 'n_2']);

function parseError(text: string): InputFileError {
  try {
    MobilityPlan.parse(text, 'moves.csv', 1000, USERS, NODES);
  } catch (e) {
    expect(e).toBeInstanceOf(InputFileError);
    return e as InputFileError;
  }
  throw new Error('no error');
}

describe('MobilityPlan.parse', () => {
  it('rescales the times onto the run: ceil(T · total_time / max T), sorted by time', () => {
    const plan = MobilityPlan.parse('UID;NID;TransitionTime\nu_1;n_2;30\nu_0;n_1;7\nu_0;n_2;13\n', 'm.csv', 1000, USERS, NODES);
    expect(plan.moves).toEqual([
      { time: Math.ceil((7 * 1000) / 30), user: 'u_0', node: 'n_1' }, // 233.3 → 234
      { time: Math.ceil((13 * 1000) / 30), user: 'u_0', node: 'n_2' }, // 433.3 → 434
      { time: 1000, user: 'u_1', node: 'n_2' },
    ]);
    expect(plan.moves.map((m) => m.time)).toEqual([234, 434, 1000]);
  });

  it('finds the columns by name, in any order', () => {
    const plan = MobilityPlan.parse('TransitionTime;UID;NID\n2;u_0;n_1\n8;u_1;n_0\n', 'm.csv', 700, USERS, NODES);
    expect(plan.moves).toEqual([
      { time: Math.ceil((2 * 700) / 8), user: 'u_0', node: 'n_1' }, // 175
      { time: 700, user: 'u_1', node: 'n_0' },
    ]);
  });

  it('reports an unknown user with its line and column', () => {
    const e = parseError('UID;NID;TransitionTime\nu_0;n_1;1\nu_9;n_1;5\n');
    expect([e.line, e.column]).toEqual([3, 1]);
    expect(e.message).toContain('moves.csv:3:1');
    expect(e.message).toContain('u_9');
  });

  it('reports an unknown node with its line and column', () => {
    const e = parseError('UID;NID;TransitionTime\nu_0;n_7;1\n');
    expect([e.line, e.column]).toEqual([2, 2]);
    expect(e.message).toContain('n_7');
  });

  it('reports a bad time with its line and column (columns in file order)', () => {
    for (const bad of ['abc', '-1', '']) {
      const e = parseError(`NID;TransitionTime;UID\nn_0;3;u_0\n\nn_1;${bad};u_1\n`);
      expect([e.line, e.column], bad).toEqual([4, 2]);
    }
  });
});

// ---------------------------------------------------------------------------------- in a run

/**
 * r_0: ingress = egress = n_0, its VNF on n_0, loopbacks free (compute_loopback_time 0): a packet of size s
 * takes exactly s ms (cpu 1000, demand 1). The data source's mean packet size is 10; the packets are of
 * size 4 (so using the packet's own size instead of the mean would show).
 * Links back to n_0: l_1_0_0 bandwidth 2000, propagation 1.5 → 2·ceil(5 + 1.5) = 14;
 *                    l_2_0_0 bandwidth 4000, propagation 0.2 → 2·ceil(2.5 + 0.2) = 6.
 * Moves (file times 7, 13, 20, 30 of max 30, total 1000): u_0 → n_1 at 234, → n_2 at 434, → n_2 again at
 * 667 (no move), → n_0 at 1000 (the end: never happens).
 */
const MEAN_SIZE = 10;
const SIZE = 4;
const PENALTY_FROM = {
  n_1: 2 * Math.ceil((1000 * MEAN_SIZE) / 2000 + 1.5),
  n_2: 2 * Math.ceil((1000 * MEAN_SIZE) / 4000 + 0.2),
} as const;
const MOVES = 'UID;NID;TransitionTime\nu_0;n_1;7\nu_0;n_2;13\nu_0;n_2;20\nu_0;n_0;30\n';
/** Packet creation times (absolute; the flow starts at the placement instant 0) and where u_0 is then. */
const PACKETS = [
  { at: 100, node: 'n_0' },
  { at: 300, node: 'n_1' },
  { at: 500, node: 'n_2' },
  { at: 800, node: 'n_2' },
] as const;

const scratch = tempDir('nss-mobility-');
afterAll(() => scratch.remove());

async function runMoving(execute: 0 | 1, name: string) {
  const env = chainEnvironment({
    nodes: [{}, {}, {}],
    vnfs: [{ cpu: 1000 }],
    link: (i, j) => (i === 1 && j === 0 ? { bandwidth: 2000, propagation: 1.5 } : i === 2 && j === 0 ? { bandwidth: 4000, propagation: 0.2 } : {}),
    requests: [{ ingress: 'n_0', egress: 'n_0' }],
    dataSource: { packetSize: MEAN_SIZE },
  });
  const flows = FlowTable.parse(
    flowCsv(PACKETS.map((p, i) => ({ user: 'u_0', sfc: 's_0', time: p.at - (i === 0 ? 0 : PACKETS[i - 1].at), size: SIZE }))),
    'flow.csv',
  );
  const settings = settingsFor({
    total_time: 1000,
    compute_loopback_time: 0,
    execute_user_mobility: execute,
    ...(execute === 1 ? { user_mobility_file: 'moves.csv' } : {}),
  });
  const mobility = MobilityPlan.parse(MOVES, 'moves.csv', settings.totalTime, new Set(['u_0']), new Set(['n_0', 'n_1', 'n_2']));
  const dir = join(scratch.dir, name);
  const result = await runSimulation({
    environment: env,
    settings,
    plugins: { placement: { plugin: fixedPlacement(allOn('n_0')) } },
    flows,
    mobility,
    outDir: dir,
  });
  return { result, dir };
}

describe('a user moving during a run (execute_user_mobility 1)', () => {
  let dir: string;
  beforeAll(async () => {
    ({ dir } = await runMoving(1, 'on'));
  });
  it('logs USER_MOVED at the rescaled times, only for real moves', async () => {
    const moves = readCsv(join(dir, 'Round_0/user_mobility.csv'));
    const rows = rowsOf(moves, 'USER_MOVED').map((r) => [
      Number(r[moves.col('Time')]),
      r[moves.col('User')],
      r[moves.col('Origin_Node')],
      r[moves.col('Destiny_Node')],
    ]);
    expect(rows).toEqual([
      [234, 'u_0', 'n_0', 'n_1'],
      [434, 'u_0', 'n_1', 'n_2'],
    ]);
    const users = readCsv(join(dir, 'Entities/users.csv'));
    expect(users.rows[0][users.col('Node')]).toBe('n_2');
  });

  it('adds 2·ceil(1000·s̄/bw + prop) of the link back to the ingress to packets created after a move', () => {
    const entities = readCsv(join(dir, 'Round_0/packets_entities.csv'));
    expect(entities.rows).toHaveLength(PACKETS.length);
    PACKETS.forEach((p, i) => {
      const row = entities.rows.find((r) => r[entities.col('Packet_ID')] === String(i + 1))!;
      const penalty = p.node === 'n_0' ? 0 : PENALTY_FROM[p.node];
      expect(Number(row[entities.col('Created_At')]), `packet ${i + 1}`).toBeCloseTo(p.at, 6);
      expect(Number(row[entities.col('Mobility_Penalty')]), `packet ${i + 1} penalty`).toBe(penalty);
      expect(Number(row[entities.col('Delay')]), `packet ${i + 1} delay`).toBeCloseTo(penalty + SIZE, 6);
      expect(row[entities.col('Processed')]).toBe('True');
    });
    // The request's ingress node is not changed by a move.
    const requests = readCsv(join(dir, 'Entities/sfc_requests.csv'));
    expect(requests.rows[0][requests.col('Ingress_Node')]).toBe('n_0');
  });
});

describe('the same mobility file with execute_user_mobility 0', () => {
  it('moves nobody and adds no penalty', async () => {
    const { dir, result } = await runMoving(0, 'off');
    const moves = readCsv(join(dir, 'Round_0/user_mobility.csv'));
    expect(rowsOf(moves, 'USER_MOVED')).toEqual([]);
    const entities = readCsv(join(dir, 'Round_0/packets_entities.csv'));
    expect(entities.column('Mobility_Penalty').map(Number)).toEqual([0, 0, 0, 0]);
    for (const d of entities.column('Delay')) expect(Number(d)).toBeCloseTo(SIZE, 6);
    expect(result.rounds[0].delayMs.max!).toBeCloseTo(SIZE, 9);
  });
});
