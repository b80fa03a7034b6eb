/**
 * `nss ml` end to end with the built binary: data generation, training and evaluation of every model
 * kind, the leakage warning, bad input, and a served model under load with a hot reload.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STACK_LINE, assertBuilt, nss, startNss, tmp } from './helpers.js';

beforeAll(assertBuilt);

/** Compressed days (8,640 rows a day) keep the tests quick while keeping the daily shape. */
const DAY = ['--seconds-per-day', '8640'];

async function ok(args: string[], cwd: string): Promise<string> {
  const r = await nss(args, { cwd });
  expect(r.stderr).not.toContain(STACK_LINE);
  expect(r.code, `nss ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

describe('nss ml generate', () => {
  it('writes the seed schema; the same seed gives identical bytes, another seed other bytes', async () => {
    const dir = tmp('nss-ml-');
    await ok(['ml', 'generate', '--days', '1', ...DAY, '--seed', '7', '--out', 'a.csv'], dir);
    await ok(['ml', 'generate', '--days', '1', ...DAY, '--seed', '7', '--out', 'b.csv'], dir);
    await ok(['ml', 'generate', '--days', '1', ...DAY, '--seed', '8', '--out', 'c.csv'], dir);
    const a = readFileSync(join(dir, 'a.csv'), 'utf8');
    expect(a.split('\n')[0]).toBe('timestamp,rx_packets,tx_packets,packet_drops,latency,label');
    expect(a.trimEnd().split('\n')).toHaveLength(8641);
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe(a);
    expect(readFileSync(join(dir, 'c.csv'), 'utf8')).not.toBe(a);
  });

  it('rejects bad option values with exit 2', async () => {
    const r = await nss(['ml', 'generate', '--days', '0', '--out', 'x.csv'], { cwd: tmp('nss-ml-') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--days.*expected an integer >= 1/);
  });
});

describe('forecasting', () => {
  it('an honest forecaster beats persistence on held-out data; the upstream features are flagged as leaky', async () => {
    const dir = tmp('nss-ml-');
    await ok(['ml', 'generate', '--days', '3', ...DAY, '--out', 't.csv'], dir);
    await ok(['ml', 'train', '--input', 't.csv', '--holdout', '0.5', '--window', '60', '--trees', '60', '--out', 'f.json'], dir);
    const honest = JSON.parse(await ok(['ml', 'evaluate', '--input', 't.csv', '--holdout', '0.5', '--model', 'f.json', '--json', '--plot', 'p.svg'], dir));
    const persistence = honest.baselines.find((b: { name: string }) => b.name.startsWith('persistence'));
    expect(honest.model.mae).toBeLessThan(persistence.mae);
    expect(honest.leakageSuspected).toBe(false);
    expect(readFileSync(join(dir, 'p.svg'), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    // The seed README's setting, lags = window: y_t = W·mean_t − Σ lags exactly (seed-systems §2.4).
    const leaky = await nss(['ml', 'train', '--input', 't.csv', '--holdout', '0.5', '--lags', '30', '--window', '30', '--trees', '60', '--upstream', '--out', 'u.json'], { cwd: dir });
    expect(leaky.code).toBe(0);
    expect(leaky.stderr).toMatch(/warning/i);
    const upstream = JSON.parse(await ok(['ml', 'evaluate', '--input', 't.csv', '--holdout', '0.5', '--model', 'u.json', '--json'], dir));
    expect(upstream.leakageSuspected).toBe(true);
    expect(upstream.notes.join(' ')).toMatch(/LEAKAGE/);
  });

  it('refuses forecaster-only options for other kinds, and a learner that cannot train the kind', async () => {
    const dir = tmp('nss-ml-');
    const a = await nss(['ml', 'train', '--input', 'x.csv', '--kind', 'kmeans', '--lags', '3', '--out', 'm.json'], { cwd: dir });
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--lags only applies to --kind forecaster/);
    const b = await nss(['ml', 'train', '--input', 'x.csv', '--kind', 'classifier', '--target', 'y', '--model', 'ridge', '--out', 'm.json'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--model ridge cannot train a classifier/);
  });
});

/** Two well-separated groups: class A around (0, 0), class B around (10, 10); y = 2·a + b. */
function tabularCsv(path: string, rows: number): void {
  const lines = ['a,b,y,label'];
  for (let i = 0; i < rows; i++) {
    const group = i % 2;
    const a = group * 10 + ((i * 37) % 100) / 100;
    const b = group * 10 + ((i * 61) % 100) / 100;
    lines.push(`${a},${b},${2 * a + b},${group === 0 ? 'A' : 'B'}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

describe('classifier, regressor and clustering on an arbitrary CSV', () => {
  it('train and evaluate each kind on a holdout', async () => {
    const dir = tmp('nss-ml-');
    tabularCsv(join(dir, 'd.csv'), 400);
    await ok(['ml', 'train', '--input', 'd.csv', '--kind', 'classifier', '--target', 'label', '--features', 'a,b', '--holdout', '0.3', '--out', 'c.json'], dir);
    const c = JSON.parse(await ok(['ml', 'evaluate', '--input', 'd.csv', '--model', 'c.json', '--holdout', '0.3', '--json'], dir));
    expect(c.accuracy).toBeGreaterThan(0.95);
    expect(c.rows).toBe(120);
    expect(c.confusion.flat().reduce((s: number, v: number) => s + v, 0)).toBe(120);

    await ok(['ml', 'train', '--input', 'd.csv', '--kind', 'regressor', '--target', 'y', '--features', 'a,b', '--model', 'ridge', '--holdout', '0.3', '--out', 'r.json'], dir);
    const r = JSON.parse(await ok(['ml', 'evaluate', '--input', 'd.csv', '--model', 'r.json', '--holdout', '0.3', '--json'], dir));
    expect(r.r2).toBeGreaterThan(0.999); // y is exactly linear in a and b

    await ok(['ml', 'train', '--input', 'd.csv', '--kind', 'kmeans', '--k', '2', '--features', 'a,b', '--out', 'k.json'], dir);
    const k = JSON.parse(await ok(['ml', 'evaluate', '--input', 'd.csv', '--model', 'k.json', '--json'], dir));
    expect([...k.clusterSizes].sort()).toEqual([200, 200]);
    expect(k.silhouette).toBeGreaterThan(0.8);
  });
});

describe('bad input', () => {
  it('a malformed CSV row is reported with its line and column, exit 2, no stack trace', async () => {
    const dir = tmp('nss-ml-');
    writeFileSync(join(dir, 'bad.csv'), 'a,b,y\n1,2,3\n4,oops,6\n');
    const r = await nss(['ml', 'train', '--input', 'bad.csv', '--kind', 'regressor', '--target', 'y', '--out', 'm.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv:3:2/);
    expect(r.stderr).not.toContain(STACK_LINE);
  });

  it('metrics collected from DPDK testpmd (empty latency column) train; a model that needs latency names it', async () => {
    const dir = tmp('nss-ml-');
    // The telco schema as @nss/adapters/dpdk's StatsCsvWriter writes it: testpmd measures no latency.
    const lines = ['timestamp,rx_packets,tx_packets,packet_drops,latency,label'];
    for (let i = 0; i < 1500; i++) {
      const rx = Math.round(1e6 + 2e5 * Math.sin(i / 50) + ((i * 7919) % 2001) - 1000);
      lines.push(`${1_700_000_000 + i},${rx},${rx - 3},${i % 97 === 0 ? 5 : 0},,normal`);
    }
    writeFileSync(join(dir, 'collected.csv'), `${lines.join('\n')}\n`);
    await ok(['ml', 'train', '--input', 'collected.csv', '--window', '30', '--trees', '20', '--holdout', '0.3', '--out', 'f.json'], dir);
    const scored = JSON.parse(await ok(['ml', 'evaluate', '--input', 'collected.csv', '--holdout', '0.3', '--model', 'f.json', '--json'], dir));
    expect(scored.model.rows).toBeGreaterThan(0);
    const needsLatency = await nss(['ml', 'train', '--input', 'collected.csv', '--kind', 'failure', '--trees', '5', '--out', 'x.json'], { cwd: dir });
    expect(needsLatency.code).toBe(2);
    expect(needsLatency.stderr).toMatch(/latency.*NaN/);
    await ok(['ml', 'train', '--input', 'collected.csv', '--kind', 'failure', '--features', 'rx_packets,tx_packets,packet_drops', '--trees', '5', '--out', 'fail.json'], dir);
  });

  it('a failure label with a single class is refused with what to change', async () => {
    const dir = tmp('nss-ml-');
    const lines = ['timestamp,rx_packets,tx_packets,packet_drops,latency,label'];
    for (let i = 0; i < 500; i++) lines.push(`${1_700_000_000 + i},${1000 + i},${990 + i},0,0.1,normal`);
    writeFileSync(join(dir, 'calm.csv'), `${lines.join('\n')}\n`);
    const r = await nss(['ml', 'train', '--input', 'calm.csv', '--kind', 'failure', '--out', 'm.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/single class/);
  });

  it('a missing or foreign model file is an input error naming the file', async () => {
    const dir = tmp('nss-ml-');
    writeFileSync(join(dir, 'd.csv'), 'a,b\n1,2\n');
    writeFileSync(join(dir, 'other.json'), '{"format": "something-else"}');
    const missing = await nss(['ml', 'evaluate', '--input', 'd.csv', '--model', 'nope.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json/);
    const foreign = await nss(['ml', 'serve', '--classifier', 'other.json', '--port', '0'], { cwd: dir });
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/other\.json/);
    expect(foreign.stderr).not.toContain(STACK_LINE);
  });
});

describe('the modeler loop', () => {
  it('nss ml train --every retrains on the re-read input until Ctrl-C, each model written whole', async () => {
    const dir = tmp('nss-ml-');
    tabularCsv(join(dir, 'd.csv'), 200);
    const loop = startNss(['ml', 'train', '--input', 'd.csv', '--kind', 'regressor', '--target', 'y', '--features', 'a,b', '--model', 'ridge', '--every', '0.3', '--json', '--out', 'r.json'], { cwd: dir });
    let seen = '';
    await new Promise<void>((resolve, reject) => {
      loop.child.stdout!.on('data', (d: Buffer) => {
        seen += d.toString();
        const lines = seen.split('\n').filter((l) => l.startsWith('{'));
        // After the first training, the input grows: the next training must read the new rows.
        if (lines.length === 1 && !seen.includes('"rows":300')) tabularCsv(join(dir, 'd.csv'), 300);
        if (lines.some((l) => l.includes('"rows":300'))) resolve();
      });
      loop.done.then((r) => reject(new Error(`the loop ended: ${r.stderr}`)));
    });
    loop.child.kill('SIGINT');
    const ended = await loop.done;
    expect(ended.code).toBe(0);
    expect(ended.stderr).toMatch(/trained \d+ time\(s\); the last model is in r\.json/);
    const records = ended.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { rows: number; kind: string });
    expect(records.length).toBeGreaterThanOrEqual(2);
    expect(records[0].rows).toBe(200);
    expect(records.every((r) => r.kind === 'regressor')).toBe(true);
    // The file on disk is a complete model (written atomically), usable at once.
    const evaluated = JSON.parse(await ok(['ml', 'evaluate', '--input', 'd.csv', '--model', 'r.json', '--json'], dir));
    expect(evaluated.r2).toBeGreaterThan(0.999);
  });
});

describe('nss ml serve with nss ml loadtest', () => {
  it('serves the failure classifier and a classifier, survives a load test, and reloads a retrained model', async () => {
    const dir = tmp('nss-ml-');
    await ok(['ml', 'generate', '--days', '1', ...DAY, '--out', 't.csv'], dir);
    await ok(['ml', 'train', '--input', 't.csv', '--kind', 'failure', '--trees', '20', '--out', 'failure.json'], dir);
    tabularCsv(join(dir, 'd.csv'), 200);
    await ok(['ml', 'train', '--input', 'd.csv', '--kind', 'classifier', '--target', 'label', '--features', 'a,b', '--trees', '5', '--out', 'c.json'], dir);

    const server = startNss(['ml', 'serve', '--failure', 'failure.json', '--classifier', 'c.json', '--port', '0'], { cwd: dir });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let seen = '';
        server.child.stdout!.on('data', (d: Buffer) => {
          seen += d.toString();
          const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
          if (m) resolve(m[1]);
        });
        server.done.then((r) => reject(new Error(`server ended: ${r.stderr}`)));
      });

      const predict = await fetch(`${url}/predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rx_packets: 150000, tx_packets: 149800, packet_drops: 5, latency: 0.12 }),
      });
      expect(predict.status).toBe(200);
      const answer = (await predict.json()) as { prediction: number; meaning: string };
      expect(['normal', 'failure'][answer.prediction]).toBe(answer.meaning);
      const bad = await fetch(`${url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"rx_packets": 1}' });
      expect(bad.status).toBe(400);

      const load = await nss(['ml', 'loadtest', '--url', url, '--input', 'd.csv', '-n', '1', '-r', '6', '--concurrency', '3', '--plot', 'load.svg', '--json'], { cwd: dir });
      expect(load.code, load.stderr).toBe(0);
      const report = JSON.parse(load.stdout);
      expect(report.rowsPerRequest).toBe(126);
      expect(report.failed).toBe(0);
      expect(report.response.count).toBe(6);
      expect(readFileSync(join(dir, 'load.svg'), 'utf8')).toContain('Prediction/Response time for 126 elements');

      // A modeler replaces the classifier; the server reloads it without a restart.
      await ok(['ml', 'train', '--input', 'd.csv', '--kind', 'classifier', '--target', 'label', '--features', 'a,b', '--trees', '7', '--out', 'c.json'], dir);
      await expect
        .poll(async () => {
          const models = (await (await fetch(`${url}/models`)).json()) as { name: string; loads: number }[];
          return models.find((m) => m.name === 'classifier')?.loads;
        }, { timeout: 10_000 })
        .toBe(2);
    } finally {
      server.child.kill('SIGINT');
    }
    const ended = await server.done;
    expect(ended.code).toBe(0);
  });
});
