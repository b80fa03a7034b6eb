import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  DEFAULT_SPECS,
  REFERENCE,
  STACK_LINE,
  assertBuilt,
  nss,
  readJson,
  startNss,
  tmp,
  writeJson,
} from './helpers.js';

beforeAll(assertBuilt);

interface Summary {
  interrupted: boolean;
  packets: { created: { mean: number }; delivered: { mean: number } };
  sla: { violated: { mean: number } };
}

type Params = { simulation: Record<string, unknown>; placement: Record<string, unknown>; scaling?: unknown };

/** A copy of the default parameters with `changes` applied to its `simulation` section. */
function defaultParamsWith(dir: string, changes: Record<string, unknown>, name = 'params.json'): string {
  const params = readJson<Params>(DEFAULT_PARAMS);
  Object.assign(params.simulation, changes);
  return writeJson(dir, name, params);
}

describe('nss run', () => {
  it('runs the embedded default scenario with no arguments, into ./Results', async () => {
    const cwd = tmp();
    const r = await nss(['run'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const summary = readJson<Summary>(join(cwd, 'Results', 'summary.json'));
    expect(summary.interrupted).toBe(false);
    // Tens of thousands of packets, some but not all of them late.
    expect(summary.packets.created.mean).toBeGreaterThan(10_000);
    expect(summary.sla.violated.mean).toBeGreaterThan(0);
    expect(summary.sla.violated.mean).toBeLessThan(summary.packets.created.mean / 2);
    expect(existsSync(join(cwd, 'Results', 'Round_0', 'packets.csv'))).toBe(true);
    expect(r.stdout).toMatch(/packets\s+created \d+/);
    expect(r.stdout).toMatch(/^\s+s_0\s+\d+/m); // a row per SFC type
    expect(r.stdout).toContain(`Results written to ${join(cwd, 'Results')}`);
  });

  for (const size of ['S', 'M', 'L']) {
    it(`runs the reference ${size} scenario with --placement GreedyPlacement --scaling none`, async () => {
      const out = tmp();
      const r = await nss([
        'run',
        '--specs',
        join(REFERENCE, `${size}-specs.json`),
        '--params',
        join(REFERENCE, `${size}-params.json`),
        '--placement',
        'GreedyPlacement',
        '--scaling',
        'none',
        '--out',
        out,
        '--quiet',
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(readJson<Summary>(join(out, 'summary.json')).packets.created.mean).toBeGreaterThan(0);
    });
  }

  it('fails with exit 2 when the parameters name a placement that does not exist', async () => {
    const dir = tmp();
    const params = readJson<Params>(DEFAULT_PARAMS);
    params.placement.heuristic = 'NoSuchPlacement';
    const file = writeJson(dir, 'params.json', params);
    const r = await nss(['run', '--specs', DEFAULT_SPECS, '--params', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: /placement/heuristic: unknown placement "NoSuchPlacement"; available: greedy`);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('fails with exit 2 on an unknown --placement or --scaling, naming the option', async () => {
    const dir = tmp();
    const r = await nss(['run', '--placement', 'NoSuchPlacement', '--scaling', 'NoSuchScaling', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('command line: --placement: unknown placement "NoSuchPlacement"; available: greedy');
    expect(r.stderr).toMatch(/command line: --scaling: unknown scaling "NoSuchScaling"; available: .*basic-cpu/);
  });

  it('names the file, line and column of a bad --flow row (exit 2)', async () => {
    const dir = tmp();
    const flow = join(dir, 'flow.csv');
    writeFileSync(flow, 'user;sfc;time;packet_size\nu_0;s_0;5;100\nu_1;s_1;soon;100\n');
    const r = await nss(['run', '--flow', flow, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`nss: ${flow}:3:3: time must be a number`);
    expect(r.stderr).not.toContain(STACK_LINE);
  });

  it('reads the packet-flow file of the parameters relative to the parameters file', async () => {
    const dir = tmp();
    const rows = ['user;sfc;time;packet_size'];
    for (let u = 0; u < 30; u++) for (const sfc of ['s_0', 's_1', 's_2']) for (let k = 0; k < 5; k++) rows.push(`u_${u};${sfc};10;100`);
    writeFileSync(join(dir, 'flows.csv'), `${rows.join('\n')}\n`);
    const params = defaultParamsWith(dir, { packet_flow_file: 'flows.csv', total_time: 20000 });
    const r = await nss(['run', '--specs', DEFAULT_SPECS, '--params', params, '--out', join(dir, 'out'), '--quiet'], { cwd: tmp() });
    expect(r.code).toBe(0);
    const created = readJson<Summary>(join(dir, 'out', 'summary.json')).packets.created.mean;
    // Five packets per placed request (requests whose pair has rows), never more than the file holds.
    expect(created).toBeGreaterThan(0);
    expect(created % 5).toBe(0);
    expect(created).toBeLessThanOrEqual(rows.length - 1);
  });

  it('rejects a --mobility file naming an unknown user (exit 2, line and column)', async () => {
    const dir = tmp();
    const mobility = join(dir, 'moves.csv');
    writeFileSync(mobility, 'UID;NID;TransitionTime\nu_0;n_1;10\nu_99;n_2;20\n');
    const r = await nss(['run', '--mobility', mobility, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`nss: ${mobility}:3:1: unknown user "u_99"`);
    expect(r.stderr).not.toContain(STACK_LINE);
  });

  it('rejects --load of a JSON file that is no environment (exit 2, clear message)', async () => {
    const dir = tmp();
    const file = writeJson(dir, 'other.json', { hello: 'world' });
    const r = await nss(['run', '--load', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`nss: ${file}: not an environment file`);
    expect(r.stderr).toContain('nss generate --save');
    expect(r.stderr).not.toContain(STACK_LINE);
    const wrongVersion = writeJson(dir, 'v2.json', { format: 'nss-environment', version: 2 });
    const v2 = await nss(['run', '--load', wrongVersion, '--out', join(dir, 'out')]);
    expect(v2.code).toBe(2);
    expect(v2.stderr).toContain(`${wrongVersion}: /version: expected 1, found 2`);
  });

  it('runs on an environment saved by nss generate, and on the reference\'s saved entities', async () => {
    const dir = tmp();
    const env = join(dir, 'env.json');
    const params = defaultParamsWith(dir, { total_time: 10000 });
    expect((await nss(['generate', '--specs', DEFAULT_SPECS, '--params', params, '--seed', '5', '--save', env])).code).toBe(0);
    const ours = await nss(['run', '--params', params, '--load', env, '--out', join(dir, 'ours'), '--quiet']);
    expect(ours.code).toBe(0);
    expect(readJson<Summary>(join(dir, 'ours', 'summary.json')).packets.created.mean).toBeGreaterThan(0);
    const reference = new URL('./fixtures/reference-entities.json', import.meta.url).pathname;
    const theirs = await nss(['run', '--params', params, '--load', reference, '--out', join(dir, 'theirs'), '--quiet']);
    expect(theirs.code).toBe(0);
    expect(readJson<Summary>(join(dir, 'theirs', 'summary.json')).packets.created.mean).toBeGreaterThan(0);
  });

  it('reports a results folder that cannot be created without a stack trace (exit 1)', async () => {
    const dir = tmp();
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    const r = await nss(['run', '--out', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`nss: cannot write ${file}: EEXIST`);
    expect(r.stderr).not.toContain(STACK_LINE);
  });

  it('reports usage errors with exit 2', async () => {
    const alone = await nss(['run', '--specs', DEFAULT_SPECS]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--specs and --params go together');
    const rounds = await nss(['run', '--rounds', '0']);
    expect(rounds.code).toBe(2);
    expect(rounds.stderr).toContain("option '--rounds <n>' argument '0' is invalid. expected an integer >= 1");
    const quirks = await nss(['run', '--quirks', 'sometimes']);
    expect(quirks.code).toBe(2);
    expect(quirks.stderr).toContain('Allowed choices are reference, corrected');
  });

  it('stops on SIGINT, writes the partial results marked interrupted, and exits 130', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const params = defaultParamsWith(dir, { total_time: 50_000_000 });
    const run = startNss(['run', '--specs', DEFAULT_SPECS, '--params', params, '--out', out]);
    const started = Date.now();
    while (!existsSync(join(out, 'Round_0')) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    run.child.kill('SIGINT');
    const { code, stderr } = await run.done;
    expect(code).toBe(130);
    const summary = readJson<Summary>(join(out, 'summary.json'));
    expect(summary.interrupted).toBe(true);
    expect(existsSync(join(out, 'Round_0', 'packets.csv'))).toBe(true);
    expect(stderr).toContain(`nss: the run was interrupted; partial results`);
    expect(stderr).toContain(out);
    expect(stderr).not.toContain(STACK_LINE);
  });
});

describe('nss run: determinism', () => {
  /** Files compared byte for byte (process_time.txt and the wall-clock column of time_window.csv differ). */
  const SAME = ['packets.csv', 'sfc_request.csv', 'vnf_instance.csv', 'sfc_instance.csv', 'placement.csv'];

  function withoutColumn(csv: string, column: string): string {
    const lines = csv.trimEnd().split('\n');
    const header = lines[0].split(';');
    const drop = header.indexOf(column);
    expect(drop).toBeGreaterThanOrEqual(0);
    return lines.map((l) => l.split(';').filter((_, i) => i !== drop).join(';')).join('\n');
  }

  it('gives byte-identical results for the same seed and different packets for another seed', async () => {
    const dir = tmp();
    const params = defaultParamsWith(dir, { total_time: 20000, log_vnf_instance_events: 1 });
    const runTo = (out: string, seed: string) =>
      nss(['run', '--specs', DEFAULT_SPECS, '--params', params, '--seed', seed, '--out', join(dir, out), '--quiet']);
    const [a, b, c] = await Promise.all([runTo('a', '11'), runTo('b', '11'), runTo('c', '12')]);
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    const file = (out: string, name: string) => readFileSync(join(dir, out, 'Round_0', name), 'utf8');
    for (const name of SAME) expect(file('b', name), name).toBe(file('a', name));
    expect(withoutColumn(file('b', 'time_window.csv'), 'Total_Alg_Time')).toBe(
      withoutColumn(file('a', 'time_window.csv'), 'Total_Alg_Time'),
    );
    const summaryA = readJson<Summary>(join(dir, 'a', 'summary.json'));
    expect(readJson<Summary>(join(dir, 'b', 'summary.json')).packets).toEqual(summaryA.packets);
    expect(summaryA.packets.created.mean).toBeGreaterThan(0);
    expect(file('c', 'packets.csv')).not.toBe(file('a', 'packets.csv'));
  });

  it('--quirks reference changes the results of the same seed', async () => {
    const dir = tmp();
    const params = defaultParamsWith(dir, { total_time: 10000 });
    const runTo = (out: string, extra: string[]) =>
      nss(['run', '--specs', DEFAULT_SPECS, '--params', params, '--out', join(dir, out), '--quiet', ...extra]);
    const [corrected, reference] = await Promise.all([runTo('corrected', ['--quirks', 'corrected']), runTo('reference', ['--quirks', 'reference'])]);
    expect([corrected.code, reference.code]).toEqual([0, 0]);
    const packets = (out: string) => readFileSync(join(dir, out, 'Round_0', 'packets.csv'), 'utf8');
    expect(packets('reference')).not.toBe(packets('corrected'));
  });
});
