import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@nss/core';
import { describe, expect, it } from 'vitest';
import {
  computerConfigFromConf,
  computerConfigToJson,
  intelServerConfig,
  loadComputerConfig,
  parseComputerConfig,
  raspberryConfig,
  type EdgeComputerConfig,
} from './computer-config.js';
import { EdgeComputer, type LambdaAnswer } from './edge-computer.js';

function runAll(computer: EdgeComputer, invocations: { lambda: string; size?: number; at?: number; input?: string }[]): LambdaAnswer[] {
  const answers: LambdaAnswer[] = new Array(invocations.length);
  invocations.forEach((inv, i) => {
    computer.scheduler.at(inv.at ?? 0, () => computer.submit(inv, (a) => (answers[i] = a)), undefined);
  });
  computer.scheduler.run();
  return answers;
}

const singleCore: EdgeComputerConfig = {
  processors: [{ name: 'p', type: 'GenericCpu', speed: 1e9, cores: 1, memory: 1e6 }],
  containers: [{ name: 'c', processor: 'p', numWorkers: 8, lambda: { name: 'f', outputType: 'fixed', outputValue: 'done', opCoeff: 0, opOffset: 1e9, memCoeff: 0, memOffset: 1000 } }],
};

describe('EdgeComputer (seed §3.3)', () => {
  it('runs clambda0 on a 10,000-byte input alone in (1e6·1e4 + 4e6) / 1e11 = 0.10004 s', () => {
    const computer = new EdgeComputer(raspberryConfig(), { name: 'rpi' });
    const [a] = runAll(computer, [{ lambda: 'clambda0', size: 10_000 }]);
    expect(a.retcode).toBe('OK');
    expect(a.finishedAt).toBeCloseTo(0.10004, 12);
    expect(a.ptime).toBe(100);
    expect(a.responder).toBe('rpi');
    expect(computer.requirements('clambda0', 100)).toEqual({ ops: 1.04e8, mem: 10_000 });
  });

  it('runs four copies on arm (4 cores, 4 workers) each in 0.10004 s', () => {
    const answers = runAll(new EdgeComputer(raspberryConfig()), Array.from({ length: 4 }, () => ({ lambda: 'clambda0', size: 10_000 })));
    for (const a of answers) expect(a.finishedAt).toBeCloseTo(0.10004, 12);
  });

  it('runs eight at once on four workers: four finish at 0.10004 s, the four queued at 0.20008 s', () => {
    const answers = runAll(new EdgeComputer(raspberryConfig()), Array.from({ length: 8 }, () => ({ lambda: 'clambda0', size: 10_000 })));
    const finish = answers.map((a) => a.finishedAt);
    for (const t of finish.slice(0, 4)) expect(t).toBeCloseTo(0.10004, 12);
    for (const t of finish.slice(4)) expect(t).toBeCloseTo(0.20008, 12);
    for (const a of answers.slice(4)) expect(a.startedAt).toBeCloseTo(0.10004, 12); // FIFO: waited for a worker
    expect(answers.slice(4).map((a) => a.ptime)).toEqual([200, 200, 200, 200]);
  });

  it('shares a single core: two tasks at once each take twice as long (processor sharing)', () => {
    const answers = runAll(new EdgeComputer(singleCore), [{ lambda: 'f', size: 0 }, { lambda: 'f', size: 0 }]);
    expect(answers[0].finishedAt).toBeCloseTo(2, 12);
    expect(answers[1].finishedAt).toBeCloseTo(2, 12);
    expect(answers[0].output).toBe('done');
  });

  it('shares by remaining work: a task arriving half-way finishes after 1 + 2·0.5 s of the first', () => {
    // First alone for 0.5 s (0.5e9 ops left), then both at half speed: first ends at 0.5 + 1 = 1.5,
    // second has 0.5e9 left at 1.5, alone again: ends at 2.0.
    const answers = runAll(new EdgeComputer(singleCore), [{ lambda: 'f', size: 0 }, { lambda: 'f', size: 0, at: 0.5 }]);
    expect(answers[0].finishedAt).toBeCloseTo(1.5, 12);
    expect(answers[1].finishedAt).toBeCloseTo(2, 12);
  });

  it('admits a task only when its memory fits, FIFO', () => {
    const config: EdgeComputerConfig = { ...singleCore, processors: [{ ...singleCore.processors[0], memory: 1500 }] };
    const answers = runAll(new EdgeComputer(config), [{ lambda: 'f', size: 0 }, { lambda: 'f', size: 0 }]);
    expect(answers[0].finishedAt).toBeCloseTo(1, 12);
    expect(answers[1].startedAt).toBeCloseTo(1, 12);
    expect(answers[1].finishedAt).toBeCloseTo(2, 12);
  });

  it('answers an unknown lambda and an oversized task with an error retcode', () => {
    const computer = new EdgeComputer(raspberryConfig());
    const [unknown, huge] = runAll(computer, [{ lambda: 'nope', size: 1 }, { lambda: 'clambda0', size: 1e8 }]);
    expect(unknown.retcode).toMatch(/unknown lambda/);
    expect(huge.retcode).toMatch(/needs 10000000000 bytes/);
  });

  it('copies the input for copy-input lambdas and sizes text input in UTF-8 bytes', () => {
    const computer = new EdgeComputer(raspberryConfig());
    const [a] = runAll(computer, [{ lambda: 'glambda0', input: 'é'.repeat(500) }]);
    expect(a.output).toBe('é'.repeat(500));
    expect(a.finishedAt).toBeCloseTo((1e6 * 1000 + 1e6) / 1e11, 12);
  });

  it('reports utilisation per second: 4 busy cores of 4 → load1 100; half the cores for half a second → 25', () => {
    const computer = new EdgeComputer(raspberryConfig({ numCpuWorkers: 8 }));
    // 4 tasks of 1 s each on arm (4 cores): busy 4 core-seconds in [0, 1].
    const size = (1e11 - 4e6) / 1e6;
    runAll(computer, Array.from({ length: 4 }, () => ({ lambda: 'clambda0', size })));
    computer.scheduler.run({ until: 1.5 });
    expect(computer.load('arm')).toEqual({ load1: 100, load10: 100, load30: 100 });
    // 2 tasks of 0.5 s starting at 2.0: period [2,3] has 1 core-second of 4 → 25 %; period [1,2] idle.
    const half = (0.5e11 - 4e6) / 1e6;
    runAll(computer, [{ lambda: 'clambda0', size: half, at: 2 }, { lambda: 'clambda0', size: half, at: 2 }]);
    computer.scheduler.run({ until: 3.5 });
    expect(computer.load('arm')).toEqual({ load1: 25, load10: Math.round(((1 + 0 + 0.25) / 3) * 100), load30: Math.round(((1 + 0 + 0.25) / 3) * 100) });
  });

  it('estimates a dry run: alone ops/speed; with all workers busy adds the nearest residual time', () => {
    const computer = new EdgeComputer(raspberryConfig({ numCpuWorkers: 1 }));
    expect(computer.estimate('clambda0', 10_000)).toBeCloseTo(0.10004, 12);
    computer.submit({ lambda: 'clambda0', size: 10_000 }, () => {});
    // One running (1 worker, busy): residual 0.10004 + new task at speed·min(4,2)/2 = full speed → 0.10004.
    expect(computer.estimate('clambda0', 10_000)).toBeCloseTo(0.20008, 12);
    expect(computer.estimate('nope', 1)).toBeUndefined();
  });
});

describe('edge computer configurations', () => {
  it('builds the raspberry and intel-server set-ups of the seed', () => {
    const rpi = raspberryConfig({ numCpuContainers: 2 });
    expect(rpi.containers.map((c) => c.lambda.name)).toEqual(['clambda0', 'clambda1', 'glambda0']);
    expect(rpi.processors.find((p) => p.name === 'arm')).toMatchObject({ speed: 1e11, cores: 4, memory: 536870912 });
    const xeon = intelServerConfig();
    expect(xeon.processors[0]).toMatchObject({ name: 'xeon', speed: 4e9, cores: 20 });
    expect(new EdgeComputer(xeon).estimate('clambda0', 10_000)).toBeCloseTo(1.0004e10 / 4e9, 12);
  });

  it('parses --conf strings and rejects unknown keys', () => {
    expect(computerConfigFromConf('type=raspberry,num-cpu-workers=2').containers[0].numWorkers).toBe(2);
    expect(computerConfigFromConf('type=intel-server,num-containers=3').containers).toHaveLength(3);
    expect(() => computerConfigFromConf('type=raspberry,num-workers=2')).toThrow(/unknown key\(s\) num-workers/);
    expect(() => computerConfigFromConf('type=cloud')).toThrow(/unknown type "cloud"/);
  });

  it('round-trips the JSON file format and loads it from a file', () => {
    const config = raspberryConfig();
    const dir = mkdtempSync(join(tmpdir(), 'nss-ec-'));
    const file = join(dir, 'computer.json');
    writeFileSync(file, JSON.stringify(computerConfigToJson(config)));
    expect(loadComputerConfig(file)).toEqual(config);
    expect(computerConfigFromConf(`type=file,path=${file}`)).toEqual(config);
  });

  it('lists every problem of a bad file with its JSON path', () => {
    const bad = { version: '2', processors: [{ name: 'p', type: 'Tpu', speed: -1, cores: 1.5, memory: 0 }], containers: [{ name: 'c', processor: 'q', 'num-workers': 0, lambda: { name: 'l', 'output-type': 'copy-input', requirements: 'proportional', 'op-coeff': 1, 'op-offset': 1, 'mem-coeff': 0 } }] };
    const error = (() => {
      try {
        parseComputerConfig(bad, 'bad.json');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const paths = (error as ConfigError).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/version', '/processors/0/type', '/processors/0/speed', '/processors/0/cores', '/containers/0/processor', '/containers/0/num-workers', '/containers/0/lambda/mem-offset']));
    expect((error as Error).message).toContain('bad.json: /processors/0/speed');
  });
});
