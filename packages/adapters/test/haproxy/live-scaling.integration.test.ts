/**
 * The monitor reader and the actuator on a live haproxy: the view's load follows Little's law, a
 * strategy's scale-up becomes a new server, and the core's checks bound the scale-out.
 */
import { checkScalingActions } from '@nss/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HaproxyActuator, HaproxyMonitorReader, LiveScalingLoop } from '../../src/haproxy/index.js';
import { type Backend, HEALTH, type Pool, get, startBackend, startPool, until } from './support.js';

describe('live monitor view and actuator', () => {
  let a: Backend;
  let pool: Pool;
  const extra: Backend[] = [];

  beforeAll(async () => {
    a = await startBackend('a');
    pool = await startPool((socket, port) => ({
      statsSocket: { path: socket },
      frontends: [{ name: 'web', port, backend: 'app' }],
      backends: [{ name: 'app', healthCheck: HEALTH, servers: [{ name: 'a', address: '127.0.0.1', port: a.port, weight: 10 }] }],
    }));
    await until('a UP', async () => (await pool.runtime.serverStat('app', 'a')).status === 'UP');
  });

  afterAll(async () => {
    await pool?.close();
    await a?.close();
    for (const b of extra) await b.close();
  });

  /** `clients` closed-loop clients, each sending requests of `ms` ms one after the other, for `durationMs`. */
  async function load(clients: number, ms: number, durationMs: number): Promise<number> {
    const end = Date.now() + durationMs;
    let done = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < end) {
          const r = await get(pool.port, `/?ms=${ms}`);
          if (r.status === 200) done++;
        }
      }),
    );
    return done;
  }

  it('reports mean requests in service (Little\'s law, or sampled sessions): 3 closed-loop clients on one server give a load near 3', async () => {
    const reader = new HaproxyMonitorReader({ runtime: pool.runtime, backends: [{ name: 'app', maxServers: 2 }] });
    const sampling = new HaproxyMonitorReader({ runtime: pool.runtime, backends: ['app'], sampleIntervalMs: 100 });
    await sampling.read();
    sampling.start();
    const first = await reader.read();
    expect(first.vnfInstances.map((v) => [v.name, v.state, v.cpu, v.packetsArrived])).toEqual([['app/a', 'running', 100, 0]]);
    const done = await load(3, 100, 2000);
    const view = await reader.read();
    const sampled = (await sampling.read()).vnfInstances[0];
    await sampling.stop();
    // Sampled sessions: each client holds at most one session, so never above 3.
    expect(sampled.meanCpuLoad).toBeGreaterThan(2.4);
    expect(sampled.meanCpuLoad).toBeLessThanOrEqual(3);
    const v = view.vnfInstances[0];
    // In a closed loop each client always has one request in service (plus a little client time), so
    // L = λ·W is a bit under 3; never above.
    expect(v.meanCpuLoad).toBeGreaterThan(2.4);
    expect(v.meanCpuLoad).toBeLessThanOrEqual(3.05);
    expect(v.utilization).toBe(1);
    expect(v.packetsArrived).toBe(done);
    expect(v.packetsProcessed).toBe(done);
    expect(v.packetsDropped).toBe(0);
    expect(view.sfcInstances[0]).toMatchObject({ name: 'app', packetsEnded: done, slaViolations: 0, vnfInstances: ['app/a'] });
    expect(view.nodes[0]).toMatchObject({ allocatedCpu: 100, freeCpu: 100, vnfInstances: 1 });
    expect(Object.isFrozen(view.vnfInstances[0])).toBe(true);
    // The core accepts one more instance of app (room for 2) and refuses a third.
    const verdicts = checkScalingActions(
      [
        { kind: 'add-instance', vnf: 'app', node: 'haproxy' },
        { kind: 'add-instance', vnf: 'app', node: 'haproxy' },
      ],
      view,
      'test',
    );
    expect(verdicts.map((x) => x.status)).toEqual(['accepted', 'rejected']);
  });

  it('turns a strategy\'s scale-up into a new server (horizontal mode), which then serves', async () => {
    const reader = new HaproxyMonitorReader({ runtime: pool.runtime, backends: [{ name: 'app', maxServers: 2 }] });
    const actuator = new HaproxyActuator({
      runtime: pool.runtime,
      vertical: 'horizontal',
      check: HEALTH,
      provision: async (backend) => {
        const b = await startBackend(`${backend}-${extra.length + 2}`);
        extra.push(b);
        return { address: '127.0.0.1', port: b.port };
      },
    });
    // A threshold strategy: +10 % CPU above a load of 1 (the simulator's basic-cpu rule).
    const strategy = {
      name: 'threshold',
      monitorInterval: 500,
      monitor: (view: Awaited<ReturnType<HaproxyMonitorReader['read']>>) =>
        view.vnfInstances.filter((v) => v.meanCpuLoad > 1).map((v) => ({ kind: 'vertical' as const, instance: v.name, cpu: v.cpu * 1.1 })),
    };
    const loop = new LiveScalingLoop({ reader, strategy, actuator });
    await reader.read();
    await load(3, 100, 800);
    const cycle = await loop.cycle();
    expect(cycle.actions).toHaveLength(1);
    expect(cycle.results).toHaveLength(1);
    expect(cycle.results[0]).toMatchObject({ status: 'applied', server: 'app/nss1' });
    await until('app/nss1 UP', async () => (await pool.runtime.serverStat('app', 'nss1')).status === 'UP');
    await load(3, 100, 800);
    const second = await loop.cycle();
    // Both servers are loaded now, but the node has no room left: the core refuses, nothing changes.
    expect(second.view.vnfInstances.map((v) => v.name)).toEqual(['app/a', 'app/nss1']);
    expect(extra[0].served).toBeGreaterThan(0);
    for (const r of second.results) expect(r.status).toBe('refused');
    expect(second.results[0].detail).toMatch(/insufficient-cpu/);
  });
});
