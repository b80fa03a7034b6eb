import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runLoadTest, timeStats } from './load-test.js';
import { type MlServer, createMlServer } from './ml-server.js';
import type { ServableModel } from './model-slot.js';

/**
 * The server's contract is independent of the learning algorithm, so these tests serve a transparent
 * model read from a small JSON file: a linear score `Σ w·x + b`, thresholded at 0 for classifiers.
 * (The round trip with models trained by @nss/ml is tested with the CLI.)
 */
interface LinearFile {
  kind: string;
  featureNames: string[];
  weights: number[];
  bias: number;
}

function linearLoader(path: string): ServableModel {
  const file = JSON.parse(readFileSync(path, 'utf8')) as LinearFile;
  if (!Array.isArray(file.weights)) throw new Error(`${path}: not a linear model file`);
  const score = (row: number[]): number => row.reduce((s, v, i) => s + v * file.weights[i], file.bias);
  return {
    kind: file.kind,
    featureNames: file.featureNames,
    predict: (rows) => rows.map((row) => (file.kind === 'regressor' ? score(row) : score(row) > 0 ? 1 : 0)),
  };
}

const dirs: string[] = [];
const servers: MlServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nss-ml-serve-'));
  dirs.push(dir);
  return dir;
}

/** Writes `file` atomically (temporary file, then rename), as a modeler does. */
function writeModel(path: string, file: LinearFile): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(file));
  renameSync(`${path}.tmp`, path);
}

const metrics = ['rx_packets', 'tx_packets', 'packet_drops', 'latency'];
/** "failure" when more than 10 drops: score = drops − 10. */
const failureModel: LinearFile = { kind: 'failure-classifier', featureNames: metrics, weights: [0, 0, 1, 0], bias: -10 };
const wide = (n: number, kind: string, w = 1): LinearFile => ({
  kind,
  featureNames: Array.from({ length: n }, (_, i) => `f${i}`),
  weights: Array.from({ length: n }, () => w),
  bias: 0,
});

async function serve(models: Record<string, LinearFile>): Promise<{ server: MlServer; paths: Record<string, string> }> {
  const dir = workspace();
  const paths: Record<string, string> = {};
  for (const [role, file] of Object.entries(models)) {
    paths[role] = join(dir, `${role}.json`);
    writeModel(paths[role], file);
  }
  const server = await createMlServer({ models: paths, loadModel: linearLoader });
  servers.push(server);
  return { server, paths };
}

describe('POST /predict (the telco seed failure classifier)', () => {
  it('answers prediction and meaning by the model', async () => {
    const { server } = await serve({ failure: failureModel });
    const ask = (drops: number) =>
      server.app.inject({ method: 'POST', url: '/predict', payload: { rx_packets: 150000, tx_packets: 149800, packet_drops: drops, latency: 0.12 } });
    const normal = await ask(5);
    expect(normal.statusCode).toBe(200);
    expect(normal.json()).toEqual({ prediction: 0, meaning: 'normal' });
    expect((await ask(50)).json()).toEqual({ prediction: 1, meaning: 'failure' });
  });

  it('rejects bodies of the wrong shape with 400 and the reason', async () => {
    const { server } = await serve({ failure: failureModel });
    const post = (payload: unknown) => server.app.inject({ method: 'POST', url: '/predict', payload: payload as object });
    const missing = await post({ rx_packets: 1, tx_packets: 1, latency: 0.1 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/packet_drops/);
    const typed = await post({ rx_packets: 'many', tx_packets: 1, packet_drops: 0, latency: 0.1 });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().message).toMatch(/rx_packets/);
    const extra = await post({ rx_packets: 1, tx_packets: 1, packet_drops: 0, latency: 0.1, cpu: 3 });
    expect(extra.statusCode).toBe(400);
    const negative = await post({ rx_packets: -1, tx_packets: 1, packet_drops: 0, latency: 0.1 });
    expect(negative.statusCode).toBe(400);
    const notJson = await server.app.inject({ method: 'POST', url: '/predict', headers: { 'content-type': 'application/json' }, payload: '{"rx' });
    expect(notJson.statusCode).toBe(400);
  });

  it('answers 503 naming the flag when no failure model is loaded', async () => {
    const { server } = await serve({ classifier: wide(3, 'classifier') });
    const answer = await server.app.inject({ method: 'POST', url: '/predict', payload: { rx_packets: 1, tx_packets: 1, packet_drops: 0, latency: 0 } });
    expect(answer.statusCode).toBe(503);
    expect(answer.json().message).toMatch(/--failure/);
  });

  it('answers 409 when the model needs a feature the payload does not carry', async () => {
    const { server } = await serve({ failure: { ...failureModel, featureNames: [...metrics.slice(0, 3), 'jitter'] } });
    const answer = await server.app.inject({ method: 'POST', url: '/predict', payload: { rx_packets: 1, tx_packets: 1, packet_drops: 0, latency: 0 } });
    expect(answer.statusCode).toBe(409);
    expect(answer.json().message).toMatch(/jitter/);
  });
});

describe('POST /api/ml_predict_data (the ML-for-NFV seed endpoint)', () => {
  it('predicts every row with the model of typ and returns the prediction time', async () => {
    const { server } = await serve({ classifier: wide(3, 'classifier'), regressor: wide(2, 'regressor', 2) });
    const cls = await server.app.inject({ method: 'POST', url: '/api/ml_predict_data?N=2&typ=0', payload: { rows: [[1, 1, 1], [-1, -1, -1]] } });
    expect(cls.statusCode).toBe(200);
    const body = cls.json();
    expect(body.predictions).toEqual([1, 0]);
    expect(body.elements).toBe(2);
    expect(body.prediction_time_ms).toBeGreaterThanOrEqual(0);
    const reg = await server.app.inject({ method: 'POST', url: '/api/ml_predict_data?N=1&typ=1', payload: { rows: [[1.5, 2]] } });
    expect(reg.json().predictions).toEqual([7]);
  });

  it('accepts the seed client\'s flat upfile list, JSON or form-encoded, reshaped row-major', async () => {
    const { server } = await serve({ regressor: wide(2, 'regressor') });
    const json = await server.app.inject({ method: 'POST', url: '/api/ml_predict_data?N=2&typ=1', payload: { upfile: [1, 2, 3, 4] } });
    expect(json.json().predictions).toEqual([3, 7]);
    const form = await server.app.inject({
      method: 'POST',
      url: '/api/ml_predict_data?N=2&typ=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'upfile=1&upfile=2&upfile=3&upfile=4.5',
    });
    expect(form.statusCode).toBe(200);
    expect(form.json().predictions).toEqual([3, 7.5]);
    const bad = await server.app.inject({
      method: 'POST',
      url: '/api/ml_predict_data?N=1&typ=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'upfile=1&upfile=x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/upfile value #2/);
  });

  it('validates N, typ and the feature count with 400 and the reason', async () => {
    const { server } = await serve({ classifier: wide(3, 'classifier') });
    const post = (url: string, payload: object) => server.app.inject({ method: 'POST', url, payload });
    const mismatch = await post('/api/ml_predict_data?N=3&typ=0', { rows: [[1, 2, 3]] });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().message).toMatch(/N=3 but the body has 1 rows/);
    const width = await post('/api/ml_predict_data?N=1&typ=0', { rows: [[1, 2]] });
    expect(width.statusCode).toBe(400);
    expect(width.json().message).toMatch(/expects 3 features/);
    const flat = await post('/api/ml_predict_data?N=2&typ=0', { upfile: [1, 2, 3, 4] });
    expect(flat.statusCode).toBe(400);
    expect(flat.json().message).toMatch(/need 6/);
    expect((await post('/api/ml_predict_data?N=1&typ=7', { rows: [[1, 2, 3]] })).statusCode).toBe(400);
    expect((await post('/api/ml_predict_data?typ=0', { rows: [[1, 2, 3]] })).statusCode).toBe(400);
    expect((await post('/api/ml_predict_data?N=1&typ=0', { rows: [[1, 'a', 3]] })).statusCode).toBe(400);
    const none = await post('/api/ml_predict_data?N=1&typ=2', { rows: [[1, 2, 3]] });
    expect(none.statusCode).toBe(503);
    expect(none.json().message).toMatch(/--kmeans/);
  });
});

describe('model files', () => {
  it('refuses to start when a model file cannot be loaded', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'bad.json'), '{"kind": "classifier"}');
    await expect(createMlServer({ models: { classifier: join(dir, 'bad.json') }, loadModel: linearLoader })).rejects.toThrow(/not a linear model file/);
  });

  it('reloads a model replaced atomically, without restart; keeps the old one when the new file is corrupt', async () => {
    const { server, paths } = await serve({ regressor: wide(2, 'regressor', 1) });
    const slot = server.slots.get('regressor')!;
    const predict = async () =>
      (await server.app.inject({ method: 'POST', url: '/api/ml_predict_data?N=1&typ=1', payload: { rows: [[1, 1]] } })).json().predictions[0];
    expect(await predict()).toBe(2);

    const reloaded = new Promise<void>((done) => {
      const off = slot.onReload(() => {
        off();
        done();
      });
    });
    writeModel(paths.regressor, wide(2, 'regressor', 10));
    await reloaded;
    expect(await predict()).toBe(20);
    expect(slot.status().loads).toBe(2);

    writeFileSync(`${paths.regressor}.tmp`, '{ not json');
    renameSync(`${paths.regressor}.tmp`, paths.regressor);
    await expect.poll(() => slot.status().lastError, { timeout: 5000 }).not.toBeNull();
    await slot.settled();
    expect(await predict()).toBe(20);
    const listed = (await server.app.inject({ method: 'GET', url: '/models' })).json();
    expect(listed[0]).toMatchObject({ name: 'regressor', kind: 'regressor', features: 2, loads: 2 });
    expect(listed[0].lastError).toMatch(/JSON/);
  });
});

describe('load test over a real socket', () => {
  it('sends 63·2^n rows per request, r requests, and reports consistent percentiles', async () => {
    const { server } = await serve({ classifier: wide(4, 'classifier') });
    const url = await server.listen();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const rows = Array.from({ length: 63 }, (_, i) => [i, -i, i % 3, 1]);
    const report = await runLoadTest({ url, typ: 0, rows, doublings: 2, requests: 12, concurrency: 4 });
    expect(report.rowsPerRequest).toBe(252);
    expect(report.failed).toBe(0);
    expect(report.responseMs).toHaveLength(12);
    expect(report.predictionMs).toHaveLength(12);
    // The server's prediction time is part of the client's response time.
    report.responseMs.forEach((r, i) => expect(r).toBeGreaterThanOrEqual(report.predictionMs[i]));
    const s = report.response;
    expect(s.p50).toBeLessThanOrEqual(s.p90);
    expect(s.p90).toBeLessThanOrEqual(s.p99);
    expect(s.p99).toBeLessThanOrEqual(s.max);
  });

  it('counts failed requests instead of throwing', async () => {
    const { server } = await serve({ classifier: wide(4, 'classifier') });
    const url = await server.listen();
    const report = await runLoadTest({ url, typ: 1, rows: [[1, 2, 3, 4]], doublings: 0, requests: 3 });
    expect(report.failed).toBe(3);
    expect(report.failures[0]).toMatch(/HTTP 503/);
    expect(report.response.count).toBe(0);
  });
});

describe('timeStats', () => {
  it('computes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 1..100 shuffled order
    const s = timeStats(values);
    expect(s).toMatchObject({ count: 100, mean: 50.5, p50: 50, p90: 90, p99: 99, max: 100 });
    expect(timeStats([7])).toMatchObject({ p50: 7, p99: 7, max: 7 });
    expect(Number.isNaN(timeStats([]).mean)).toBe(true);
  });
});
