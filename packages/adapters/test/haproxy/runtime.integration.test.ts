/**
 * A real haproxy (started here on 127.0.0.1 from a rendered config, stopped by PID) in front of
 * node:http backends. Fails with the install hint when haproxy is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HaproxyActuator, HaproxyError, HaproxyRuntime, checkHaproxyConfig, renderHaproxyConfig } from '../../src/haproxy/index.js';
import { type Backend, HEALTH, type Pool, freePort, get, requireHaproxy, sequential, startBackend, startPool, until } from './support.js';

describe('haproxy -c', () => {
  it('accepts a rendered configuration and rejects a bad one with haproxy\'s own message', async () => {
    requireHaproxy();
    const good = renderHaproxyConfig({
      frontends: [{ name: 'web', port: 18080, backend: 'app' }],
      backends: [{ name: 'app', healthCheck: HEALTH, servers: [{ name: 'a', address: '127.0.0.1', port: 18081 }], slots: { count: 2 } }],
    });
    await expect(checkHaproxyConfig({ text: good })).resolves.toMatchObject({ warnings: expect.any(Array) });
    const bad = renderHaproxyConfig({
      frontends: [{ name: 'web', port: 18080, backend: 'app' }],
      backends: [{ name: 'app', servers: [{ name: 'a', address: '127.0.0.1', port: 18081 }], extra: ['frobnicate on'] }],
    });
    const error = await checkHaproxyConfig({ text: bad }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HaproxyError);
    expect((error as HaproxyError).kind).toBe('config-invalid');
    expect((error as HaproxyError).haproxyMessage).toMatch(/\[ALERT\].*frobnicate/);
  });
});

describe('runtime API against a live pool', () => {
  let a: Backend;
  let b: Backend;
  let pool: Pool;
  let tcpPort: number;

  beforeAll(async () => {
    tcpPort = await freePort();
    a = await startBackend('a');
    b = await startBackend('b');
    pool = await startPool((socket, port, dir) => ({
      statsSocket: { path: socket },
      globalExtra: [`stats socket ${dir}/user.sock mode 600 level user`, `stats socket ipv4@127.0.0.1:${tcpPort} level admin`],
      frontends: [{ name: 'web', port, backend: 'app' }],
      backends: [
        {
          name: 'app',
          healthCheck: HEALTH,
          servers: [
            { name: 'a', address: '127.0.0.1', port: a.port, weight: 10 },
            { name: 'b', address: '127.0.0.1', port: b.port, weight: 10 },
          ],
          slots: { count: 2 },
        },
      ],
    }));
    await until('both servers UP (health checks run)', async () => {
      const rows = await pool.runtime.showStat();
      return rows.filter((r) => r.pxname === 'app' && (r.svname === 'a' || r.svname === 'b') && r.status === 'UP').length === 2;
    });
  });

  afterAll(async () => {
    await pool?.close();
    await a?.close();
    await b?.close();
  });

  it('round-robin splits sequential requests evenly', async () => {
    const counts = await sequential(pool.port, 40);
    expect(Object.fromEntries(counts)).toEqual({ a: 20, b: 20 });
  });

  it('weights shift traffic in proportion (30:10 → a gets 3/4)', async () => {
    await pool.runtime.setWeight('app', 'a', 30);
    try {
      // HAProxy repositions a server in its round-robin tree when its weight changes, so the first cycle
      // after the change may be uneven; over 200 requests a gets 150 give or take one cycle (40).
      const counts = await sequential(pool.port, 200);
      expect(counts.get('a')! + counts.get('b')!).toBe(200);
      expect(Math.abs(counts.get('a')! - 150)).toBeLessThanOrEqual(20);
    } finally {
      await pool.runtime.setWeight('app', 'a', 10);
    }
  });

  it('applies dispatch weights scaled so the largest is 256', async () => {
    const actuator = new HaproxyActuator({ runtime: pool.runtime });
    const applied = await actuator.applyWeights('app', { a: 0.106, b: 0.109 });
    expect(applied).toEqual({ a: Math.round((0.106 / 0.109) * 256), b: 256 });
    const state = await pool.runtime.showServersState('app');
    expect(state.find((s) => s.server === 'a')?.weight).toBe(249);
    expect(state.find((s) => s.server === 'b')?.weight).toBe(256);
    await pool.runtime.setWeight('app', 'a', 10);
    await pool.runtime.setWeight('app', 'b', 10);
  });

  it('a server whose health check fails is marked DOWN and gets no traffic', async () => {
    const dead = await startBackend('dead');
    const deadPort = dead.port;
    await dead.close();
    await pool.runtime.addServer('app', 'gone', { address: '127.0.0.1', port: deadPort, weight: 10, check: HEALTH });
    await until('gone DOWN', async () => (await pool.runtime.serverStat('app', 'gone')).status.startsWith('DOWN'));
    const counts = await sequential(pool.port, 10);
    await pool.runtime.deleteServer('app', 'gone');
    expect([...counts.keys()].every((k) => k === 'a' || k === 'b')).toBe(true);
    expect([...counts.values()].reduce((x, y) => x + y, 0)).toBe(10);
  });

  it('adds a server that takes traffic, deletes it, and types the errors', async () => {
    const c = await startBackend('c');
    try {
      await pool.runtime.addServer('app', 'c', { address: '127.0.0.1', port: c.port, weight: 10, check: HEALTH });
      await until('c UP', async () => (await pool.runtime.serverStat('app', 'c')).status === 'UP');
      const counts = await sequential(pool.port, 90);
      await pool.runtime.deleteServer('app', 'c');
      expect(counts.get('a')! + counts.get('b')! + counts.get('c')!).toBe(90);
      expect(Math.abs(counts.get('c')! - 30)).toBeLessThanOrEqual(10); // a third, give or take a cycle
      expect((await pool.runtime.showServersState('app')).map((s) => s.server)).not.toContain('c');
      const again = await pool.runtime.deleteServer('app', 'c').catch((e: unknown) => e);
      expect(again).toMatchObject({ kind: 'no-such-server', code: 'NSS_HAPROXY_NO_SUCH_SERVER' });
      expect((again as Error).message).toContain('No such server.');
      const noBackend = await pool.runtime.addServer('nope', 'x', { address: '127.0.0.1', port: 1 }).catch((e: unknown) => e);
      expect(noBackend).toMatchObject({ kind: 'no-such-backend' });
      await expect(pool.runtime.setWeight('app', 'a', 257)).rejects.toThrow(/0\.\.256/);
    } finally {
      await pool.runtime.deleteServer('app', 'c').catch(() => undefined);
      await c.close();
    }
  });

  it('a server-template slot takes an address and a port, and serves once enabled', async () => {
    const d = await startBackend('d');
    try {
      await pool.runtime.setAddress('app', 'slot1', '127.0.0.1', d.port);
      await pool.runtime.setWeight('app', 'slot1', 10);
      await pool.runtime.enableServer('app', 'slot1');
      await until('slot1 UP', async () => (await pool.runtime.serverStat('app', 'slot1')).status === 'UP');
      const counts = await sequential(pool.port, 90);
      expect(counts.get('a')! + counts.get('b')! + counts.get('d')!).toBe(90);
      expect(Math.abs(counts.get('d')! - 30)).toBeLessThanOrEqual(10);
      const slot = (await pool.runtime.showServersState('app')).find((s) => s.server === 'slot1');
      expect(slot).toMatchObject({ port: d.port, maintenance: false, operationalState: 'running' });
      await pool.runtime.disableServer('app', 'slot1');
      expect([...(await sequential(pool.port, 6)).keys()].sort()).toEqual(['a', 'b']);
    } finally {
      await pool.runtime.disableServer('app', 'slot1');
      await d.close();
    }
  });

  it('drain, wait, delete loses no in-flight request (actuator remove-instance)', async () => {
    const slow = await startBackend('slow');
    try {
      await pool.runtime.addServer('app', 'slow', { address: '127.0.0.1', port: slow.port, weight: 10, check: HEALTH });
      await until('slow UP', async () => (await pool.runtime.serverStat('app', 'slow')).status === 'UP');
      const inFlight = Array.from({ length: 9 }, () => get(pool.port, '/?ms=800'));
      await until('all 9 requests in service', () => a.inFlight + b.inFlight + slow.inFlight === 9);
      expect(slow.inFlight).toBeGreaterThan(0);
      const onSlow = slow.inFlight;
      const actuator = new HaproxyActuator({ runtime: pool.runtime });
      const [result] = await actuator.apply([{ kind: 'remove-instance', instance: 'app/slow' }]);
      expect(result.status).toBe('applied');
      expect(result.detail).toMatch(/deleted/);
      const answers = await Promise.all(inFlight);
      expect(answers.every((r) => r.status === 200)).toBe(true);
      expect(answers.filter((r) => r.body === 'slow').length).toBe(onSlow);
      expect(slow.served).toBe(onSlow);
      expect((await pool.runtime.showServersState('app')).map((s) => s.server)).not.toContain('slow');
    } finally {
      await slow.close();
    }
  });

  it('speaks the same API over TCP', async () => {
    const tcp = new HaproxyRuntime({ port: tcpPort });
    const state = await tcp.showServersState('app');
    expect(state.map((x) => x.server)).toEqual(expect.arrayContaining(['a', 'b']));
    await tcp.setWeight('app', 'b', 12);
    expect((await pool.runtime.serverStat('app', 'b')).weight).toBe(12);
    await tcp.setWeight('app', 'b', 10);
  });

  it('says permission denied on a socket without admin level', async () => {
    const user = new HaproxyRuntime({ socket: `${pool.dir}/user.sock` });
    expect((await user.showStat()).length).toBeGreaterThan(0); // reading is allowed
    const error = await user.setWeight('app', 'a', 5).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'permission-denied' });
    expect((error as Error).message).toContain('level admin');
  });

  it('says unreachable, with the socket, when nothing listens', async () => {
    const lost = new HaproxyRuntime({ socket: `${pool.dir}/missing.sock` }, { reconnectTimeoutMs: 0 });
    const error = await lost.showStat().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unreachable' });
    expect((error as Error).message).toContain(`${pool.dir}/missing.sock`);
    expect((error as Error).message).toContain('does not exist');
  });

  it('survives an haproxy restart: the same client reconnects to the new process', async () => {
    const before = pool.process.pid;
    await pool.process.stop();
    const before0 = pool.runtime.reconnectAttempts;
    const pending = pool.runtime.showServersState('app'); // issued while haproxy is down
    const { startHaproxy } = await import('../../src/haproxy/index.js');
    await new Promise((r) => setTimeout(r, 300));
    pool.process = await startHaproxy({ configFile: pool.configFile, runtime: { socket: pool.socket } });
    expect(pool.process.pid).not.toBe(before);
    const state = await pending;
    expect(state.map((s) => s.server)).toEqual(expect.arrayContaining(['a', 'b']));
    expect(pool.runtime.reconnectAttempts).toBeGreaterThan(before0);
    await until('a and b UP again', async () => {
      const rows = await pool.runtime.showStat();
      return rows.filter((r) => r.pxname === 'app' && (r.svname === 'a' || r.svname === 'b') && r.status === 'UP').length === 2;
    });
    expect(Object.fromEntries(await sequential(pool.port, 4))).toEqual({ a: 2, b: 2 }); // fresh process: exact
  });
});
