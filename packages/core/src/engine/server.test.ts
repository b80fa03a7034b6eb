import { describe, expect, it } from 'vitest';
import { Rng } from './rng';
import { Scheduler } from './scheduler';
import { Server, type ServerOptions } from './server';

function make(options: ServerOptions): { server: Server<string>; started: string[] } {
  const started: string[] = [];
  const server = new Server<string>(options, (item) => started.push(item));
  return { server, started };
}

describe('Server', () => {
  it('serves up to capacity at once and queues the rest FIFO', () => {
    const { server, started } = make({ capacity: 2 });
    for (const x of ['a', 'b', 'c', 'd']) expect(server.offer(x)).toBe(true);
    expect(started).toEqual(['a', 'b']);
    expect(server.busy).toBe(2);
    expect(server.queueLength).toBe(2);
    server.release();
    expect(started).toEqual(['a', 'b', 'c']);
    expect(server.busy).toBe(2);
    expect(server.queueLength).toBe(1);
    server.release();
    server.release();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(server.busy).toBe(1);
    server.release();
    expect(server.busy).toBe(0);
    expect(() => server.release()).toThrow(/no item is in service/);
  });

  it('calls onStart synchronously, before offer() returns', () => {
    const order: string[] = [];
    const server = new Server<string>({ capacity: 1 }, (x) => order.push(`start ${x}`));
    server.offer('a');
    order.push('after offer');
    expect(order).toEqual(['start a', 'after offer']);
  });

  it('keeps FIFO order through ring-buffer growth and wrap-around', () => {
    const { server, started } = make({ capacity: 1 });
    const offered: string[] = [];
    let n = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 7 + (round % 13); i++) {
        const x = `x${n++}`;
        offered.push(x);
        server.offer(x);
      }
      for (let i = 0; i < 5 && server.busy > 0; i++) server.release();
    }
    while (server.busy > 0) server.release();
    expect(started).toEqual(offered);
    expect(server.queueLength).toBe(0);
  });

  it('VNF semantics: maxQueue bounds the waiting items only', () => {
    const { server, started } = make({ capacity: 1, maxQueue: 2 });
    expect([server.offer('a'), server.offer('b'), server.offer('c'), server.offer('d')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(started).toEqual(['a']);
    expect(server.queueLength).toBe(2);
    server.release(); // b starts, one waiting place frees
    expect(server.offer('e')).toBe(true);
    expect(server.offer('f')).toBe(false);
  });

  it('VNF semantics with maxQueue 0: an item that can start at once is accepted, none may wait', () => {
    const { server } = make({ capacity: 2, maxQueue: 0 });
    expect(server.offer('a')).toBe(true);
    expect(server.offer('b')).toBe(true);
    expect(server.offer('c')).toBe(false);
    expect(server.queueLength).toBe(0);
  });

  it('link semantics: maxQueue bounds waiting + in-service items', () => {
    const { server, started } = make({ capacity: 1, maxQueue: 2, countInService: true });
    expect([server.offer('a'), server.offer('b'), server.offer('c')]).toEqual([true, true, false]);
    expect(started).toEqual(['a']);
    server.release();
    expect(started).toEqual(['a', 'b']);
    expect(server.offer('d')).toBe(true);
    expect(server.offer('e')).toBe(false);
    expect(server.countInService).toBe(true);
  });

  it('link semantics with maxQueue 0 rejects everything; a free slot does not bypass the bound', () => {
    const { server, started } = make({ capacity: 3, maxQueue: 0, countInService: true });
    expect(server.offer('a')).toBe(false);
    expect(started).toEqual([]);
  });

  it('unlimited when maxQueue is -1 or absent', () => {
    for (const maxQueue of [-1, undefined]) {
      const { server } = make({ capacity: 1, maxQueue });
      let accepted = 0;
      for (let i = 0; i < 10_000; i++) if (server.offer(`i${i}`)) accepted++;
      expect(accepted).toBe(10_000);
      expect(server.queueLength).toBe(9_999);
      expect(server.maxQueue).toBe(-1);
    }
  });

  it('setCapacity grows by starting waiting items in order, and shrinks by letting service finish', () => {
    const { server, started } = make({ capacity: 1 });
    for (const x of ['a', 'b', 'c', 'd', 'e']) server.offer(x);
    server.setCapacity(3);
    expect(started).toEqual(['a', 'b', 'c']);
    expect(server.busy).toBe(3);
    server.setCapacity(1);
    expect(server.capacity).toBe(1);
    expect(server.busy).toBe(3);
    server.release();
    server.release();
    expect(started).toEqual(['a', 'b', 'c']); // busy 1 = capacity: nothing new starts
    server.release();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(server.busy).toBe(1);
  });

  it('drain() removes and returns the waiting items in order, leaving those in service', () => {
    const { server } = make({ capacity: 1 });
    for (const x of ['a', 'b', 'c']) server.offer(x);
    expect(server.drain()).toEqual(['b', 'c']);
    expect(server.queueLength).toBe(0);
    expect(server.busy).toBe(1);
  });

  it('validates its options with messages that say what was wrong', () => {
    const start = (): void => {};
    expect(() => new Server({ capacity: 0 }, start)).toThrow(/capacity must be an integer >= 1, got 0/);
    expect(() => new Server({ capacity: 1.5 }, start)).toThrow(RangeError);
    expect(() => new Server({ capacity: Number.NaN }, start)).toThrow(RangeError);
    expect(() => new Server({ capacity: 1, maxQueue: -2 }, start)).toThrow(/maxQueue .* got -2/);
    expect(() => new Server({ capacity: 1, maxQueue: 2.5 }, start)).toThrow(RangeError);
    const ok = new Server({ capacity: 1 }, start);
    expect(() => ok.setCapacity(0)).toThrow(RangeError);
    expect(ok.capacity).toBe(1);
  });
});

describe('Server with Scheduler and Rng (M/M/c)', () => {
  it('matches the M/M/1 mean sojourn time 1/(mu - lambda) within 5%', () => {
    const lambda = 0.5;
    const mu = 1;
    const rng = new Rng(2024);
    const arrivals = rng.stream('arrivals');
    const service = rng.stream('service');
    const s = new Scheduler();
    interface Job {
      arrivedAt: number;
    }
    let total = 0;
    let done = 0;
    const N = 200_000;
    const finish = (job: Job, sch: Scheduler): void => {
      total += sch.now - job.arrivedAt;
      done++;
      server.release();
    };
    const server: Server<Job> = new Server<Job>({ capacity: 1 }, (job) => {
      s.after(service.exponential(1 / mu), finish, job);
    });
    let made = 0;
    const arrive = (_: null, sch: Scheduler): void => {
      server.offer({ arrivedAt: sch.now });
      if (++made < N) sch.after(arrivals.exponential(1 / lambda), arrive, null);
    };
    s.at(0, arrive, null);
    s.run();
    expect(done).toBe(N);
    expect(total / N).toBeGreaterThan(2 * 0.95);
    expect(total / N).toBeLessThan(2 * 1.05);
  });
});
