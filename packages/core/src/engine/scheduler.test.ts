import { describe, expect, it } from 'vitest';
import { Scheduler, type EventCallback, type EventId } from './scheduler';

/** Small independent PRNG for the randomized tests (keeps them independent of rng.ts). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const record: EventCallback<{ log: string[]; name: string }> = (arg, s) => {
  arg.log.push(`${arg.name}@${s.now}`);
};

describe('Scheduler ordering', () => {
  it('runs events by time, and FIFO among equal times', () => {
    const s = new Scheduler();
    const log: string[] = [];
    s.at(5, record, { log, name: 'a' });
    s.at(1, record, { log, name: 'b' });
    s.at(5, record, { log, name: 'c' });
    s.at(3, record, { log, name: 'd' });
    s.at(5, record, { log, name: 'e' });
    s.at(1, record, { log, name: 'f' });
    expect(s.run()).toBe(6);
    expect(log).toEqual(['b@1', 'f@1', 'd@3', 'a@5', 'c@5', 'e@5']);
    expect(s.now).toBe(5);
    expect(s.executed).toBe(6);
    expect(s.pending).toBe(0);
  });

  it('keeps FIFO order for many events at one time (through heap reshuffles)', () => {
    const s = new Scheduler();
    const order: number[] = [];
    const cb: EventCallback<number> = (i) => order.push(i);
    const rand = mulberry32(7);
    const expected: number[] = [];
    for (let i = 0; i < 500; i++) {
      if (rand() < 0.5) s.at(rand() * 10, () => {}, 0);
      s.at(10, cb, i);
      expected.push(i);
    }
    s.run();
    expect(order).toEqual(expected);
  });

  it('at() is absolute and after() is relative to now; an event scheduled at now from a callback runs after those already due', () => {
    const s = new Scheduler(100);
    const log: string[] = [];
    s.at(110, (_: null, sch) => {
      log.push(`first@${sch.now}`);
      sch.after(0, record, { log, name: 'zero-delay' });
      sch.after(5, record, { log, name: 'later' });
    }, null);
    s.after(10, record, { log, name: 'second' });
    s.run();
    expect(log).toEqual(['first@110', 'second@110', 'zero-delay@110', 'later@115']);
  });

  it('rejects times in the past, non-finite times and negative delays', () => {
    const s = new Scheduler();
    s.at(10, () => {}, null);
    s.run();
    expect(() => s.at(9.999, () => {}, null)).toThrow(RangeError);
    expect(() => s.at(Number.NaN, () => {}, null)).toThrow(RangeError);
    expect(() => s.at(Infinity, () => {}, null)).toThrow(RangeError);
    expect(() => s.after(-1, () => {}, null)).toThrow(/delay -1/);
    expect(() => s.after(Number.NaN, () => {}, null)).toThrow(RangeError);
    expect(() => new Scheduler(Number.NaN)).toThrow(RangeError);
    expect(s.pending).toBe(0);
    s.at(10, () => {}, null); // exactly now is allowed
    expect(s.pending).toBe(1);
  });

  it('step() runs one event at a time and returns false when empty', () => {
    const s = new Scheduler();
    const log: string[] = [];
    s.at(2, record, { log, name: 'x' });
    s.at(4, record, { log, name: 'y' });
    expect(s.peekTime()).toBe(2);
    expect(s.step()).toBe(true);
    expect(s.now).toBe(2);
    expect(s.peekTime()).toBe(4);
    expect(s.step()).toBe(true);
    expect(s.step()).toBe(false);
    expect(s.peekTime()).toBe(Infinity);
    expect(log).toEqual(['x@2', 'y@4']);
  });
});

describe('Scheduler cancel', () => {
  it('cancels a pending event once; it does not run and pending drops', () => {
    const s = new Scheduler();
    const log: string[] = [];
    const a = s.at(1, record, { log, name: 'a' });
    s.at(2, record, { log, name: 'b' });
    expect(s.pending).toBe(2);
    expect(s.cancel(a)).toBe(true);
    expect(s.pending).toBe(1);
    expect(s.cancel(a)).toBe(false);
    expect(s.pending).toBe(1);
    expect(s.peekTime()).toBe(2);
    expect(s.run()).toBe(1);
    expect(log).toEqual(['b@2']);
  });

  it('a stale id never cancels a later event that reuses its slot', () => {
    const s = new Scheduler();
    const log: string[] = [];
    const ids = new Set<EventId>();
    let last = -1;
    for (let i = 0; i < 1000; i++) {
      const id = s.at(1, record, { log, name: `e${i}` });
      expect(ids.has(id)).toBe(false);
      ids.add(id);
      if (last >= 0) expect(s.cancel(last)).toBe(false);
      expect(s.cancel(id)).toBe(true);
      last = id;
    }
    const live = s.at(1, record, { log, name: 'live' });
    for (const id of ids) expect(s.cancel(id)).toBe(false);
    expect(s.pending).toBe(1);
    s.run();
    expect(log).toEqual(['live@1']);
    expect(s.cancel(live)).toBe(false); // already run
    const next = s.at(2, record, { log, name: 'next' }); // reuses the slot of `live`
    expect(s.cancel(live)).toBe(false);
    expect(s.pending).toBe(1);
    expect(s.cancel(next)).toBe(true);
  });

  it("cancelling the running event's own id is a no-op returning false", () => {
    const s = new Scheduler();
    let own: EventId = -1;
    let result: boolean | undefined;
    let pendingInside = -1;
    own = s.at(1, (_: null, sch) => {
      result = sch.cancel(own);
      pendingInside = sch.pending;
    }, null);
    s.at(2, () => {}, null);
    s.run();
    expect(result).toBe(false);
    expect(pendingInside).toBe(1);
    expect(s.executed).toBe(2);
  });

  it('ignores ids it never issued', () => {
    const s = new Scheduler();
    s.at(1, () => {}, null);
    expect(s.cancel(-1)).toBe(false);
    expect(s.cancel(0.5)).toBe(false);
    expect(s.cancel(12345)).toBe(false);
    expect(s.cancel(Number.NaN)).toBe(false);
    expect(s.pending).toBe(1);
  });

  it('peekTime() skips cancelled events', () => {
    const s = new Scheduler();
    const a = s.at(1, () => {}, null);
    s.at(3, () => {}, null);
    s.cancel(a);
    expect(s.peekTime()).toBe(3);
  });

  it('keeps memory bounded when 1e6 events are scheduled and cancelled', () => {
    const s = new Scheduler();
    const rand = mulberry32(3);
    const noop = (): void => {};
    // A standing population of 1000 live events, plus 1e6 deadlines cancelled soon after.
    for (let i = 0; i < 1000; i++) s.at(1e9 + i, noop, null);
    const window: EventId[] = [];
    let cancelled = 0;
    for (let i = 0; i < 1_000_000; i++) {
      window.push(s.at(rand() * 1e6, noop, null));
      if (window.length > 50 && s.cancel(window.shift() as EventId)) cancelled++;
    }
    for (const id of window) if (s.cancel(id)) cancelled++;
    expect(cancelled).toBe(1_000_000);
    expect(s.pending).toBe(1000);
    const cap = s.internalCapacity;
    expect(cap.slots).toBeLessThanOrEqual(2048);
    expect(cap.buckets).toBeLessThanOrEqual(4096);
    expect(s.run()).toBe(1000);
  });
});

describe('Scheduler run', () => {
  function setup(): { s: Scheduler; log: string[] } {
    const s = new Scheduler();
    const log: string[] = [];
    for (const t of [1, 2, 2, 3]) s.at(t, record, { log, name: `t${t}` });
    return { s, log };
  }

  it('until is exclusive by default: events at exactly until do not run, and the clock lands on until', () => {
    const { s, log } = setup();
    expect(s.run({ until: 2 })).toBe(1);
    expect(log).toEqual(['t1@1']);
    expect(s.now).toBe(2);
    expect(s.pending).toBe(3);
    expect(s.run({ until: 2.5 })).toBe(2);
    expect(s.now).toBe(2.5);
  });

  it('inclusive runs the events at exactly until', () => {
    const { s, log } = setup();
    expect(s.run({ until: 2, inclusive: true })).toBe(3);
    expect(log).toEqual(['t1@1', 't2@2', 't2@2']);
    expect(s.now).toBe(2);
  });

  it('moves the clock to until past the last event, and never backward', () => {
    const { s } = setup();
    expect(s.run({ until: 100 })).toBe(4);
    expect(s.now).toBe(100);
    expect(s.run({ until: 50 })).toBe(0);
    expect(s.now).toBe(100);
    expect(() => s.run({ until: Number.NaN })).toThrow(RangeError);
  });

  it('without until, the clock stays at the last event time', () => {
    const { s } = setup();
    s.run();
    expect(s.now).toBe(3);
  });

  it('stop() returns after the current event, leaving the rest pending and the clock at that event', () => {
    const s = new Scheduler();
    let count = 0;
    const cb = (_: null, sch: Scheduler): void => {
      if (++count === 3) sch.stop();
    };
    for (let i = 1; i <= 10; i++) s.at(i, cb, null);
    expect(s.run({ until: 100 })).toBe(3);
    expect(s.now).toBe(3);
    expect(s.pending).toBe(7);
    s.stop(); // outside a run: no effect on the next run
    expect(s.run()).toBe(7);
  });

  it('forbids re-entrant run()/step() and recovers after a callback throws', () => {
    const s = new Scheduler();
    let inner: unknown;
    s.at(1, (_: null, sch) => {
      try {
        sch.run();
      } catch (e) {
        inner = e;
      }
    }, null);
    s.at(2, () => {
      throw new Error('boom');
    }, null);
    s.at(3, () => {}, null);
    expect(() => s.run()).toThrow('boom');
    expect(inner).toBeInstanceOf(Error);
    expect(s.now).toBe(2);
    expect(s.executed).toBe(2);
    expect(s.run()).toBe(1);
  });
});

describe('Scheduler randomized against a reference', () => {
  interface Rec {
    id: EventId;
    time: number;
    seq: number;
    state: 'pending' | 'ran' | 'cancelled';
  }

  /**
   * Random inserts and cancels (before and during the run, some from callbacks, many at equal
   * times), driven by a mix of run(), run({ until }) and step(); the execution order must equal the
   * sorted (time, insertion) order of the events that were not cancelled.
   */
  function check(seed: number, delay: (rand: () => number) => number, startTime = 0): void {
    const rand = mulberry32(seed);
    const s = new Scheduler(startTime);
    const recs: Rec[] = [];
    const ran: number[] = [];
    const problems: string[] = [];
    let livePending = 0;
    let seq = 0;

    const schedule = (time: number): void => {
      const rec: Rec = { id: -1, time, seq: seq++, state: 'pending' };
      rec.id = s.at(time, fire, rec);
      recs.push(rec);
      livePending++;
    };
    const tryCancel = (recent: boolean): void => {
      const pick = recent
        ? recs.length - 1 - Math.floor(rand() * Math.min(recs.length, 8))
        : Math.floor(rand() * recs.length);
      const rec = recs[pick];
      const expected = rec.state === 'pending';
      if (s.cancel(rec.id) !== expected) problems.push(`cancel(${rec.seq}) did not return ${expected}`);
      if (expected) {
        rec.state = 'cancelled';
        livePending--;
      }
    };
    const fire: EventCallback<Rec> = (rec, sch) => {
      if (rec.state !== 'pending') problems.push(`event ${rec.seq} ran while ${rec.state}`);
      if (sch.now !== rec.time) problems.push(`event ${rec.seq} ran at ${sch.now}, not ${rec.time}`);
      rec.state = 'ran';
      livePending--;
      ran.push(rec.seq);
      if (recs.length < 60_000) {
        const n = Math.floor(rand() * 3);
        for (let i = 0; i < n; i++) schedule(sch.now + delay(rand));
      }
      if (rand() < 0.6) tryCancel(rand() < 0.5);
      if (sch.pending !== livePending) problems.push(`pending ${sch.pending} != ${livePending}`);
    };

    for (let i = 0; i < 20_000; i++) {
      schedule(startTime + delay(rand) * 20);
      if (rand() < 0.8) tryCancel(true);
    }
    expect(s.pending).toBe(livePending);
    // Nothing ran yet: a slot store smaller than the events scheduled means cancelled slots were reused.
    expect(s.internalCapacity.slots).toBeLessThan(recs.length);
    let lastNow = s.now;
    while (s.pending > 0) {
      const r = rand();
      if (r < 0.3) s.step();
      else if (r < 0.6) s.run({ until: s.now + delay(rand) * 3, inclusive: rand() < 0.5 });
      else s.run({ until: s.peekTime() + delay(rand) * 50 });
      if (s.now < lastNow) problems.push(`clock moved back from ${lastNow} to ${s.now}`);
      lastNow = s.now;
      // Schedule now and then between runs, possibly before where the last run looked ahead to.
      if (rand() < 0.2 && recs.length < 60_000) schedule(s.now + delay(rand));
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(livePending).toBe(0);
    const expected = recs
      .filter((r) => r.state !== 'cancelled')
      .sort((a, b) => a.time - b.time || a.seq - b.seq)
      .map((r) => r.seq);
    expect(ran).toEqual(expected);
    expect(recs.length).toBeGreaterThan(40_000);
    expect(recs.filter((r) => r.state === 'cancelled').length).toBeGreaterThan(5_000);
  }

  it('integer delays 0-19 (many ties)', () => check(12345, (r) => Math.floor(r() * 20)));
  it('bimodal: exponential mean 1 and uniform 100-10000', () =>
    check(2, (r) => (r() < 0.1 ? 100 + r() * 9900 : -Math.log(1 - r()))));
  it('a lattice of 0.1 steps (not exact in binary)', () => check(3, (r) => Math.floor(r() * 30) * 0.1));
  it('delays spread over 18 orders of magnitude', () => check(4, (r) => 10 ** (r() * 18 - 9)));
  it('mostly zero delays (everything piles up at few times)', () => check(5, (r) => (r() < 0.95 ? 0 : r())));
  it('negative and large start times', () => {
    check(6, (r) => r() * 5, -1e6);
    check(7, (r) => r() * 5, 1e12);
  });
});

describe('Scheduler storage', () => {
  it('grows and shrinks its calendar as the number of pending events changes', () => {
    const s = new Scheduler();
    const rand = mulberry32(9);
    const noop = (): void => {};
    for (let i = 0; i < 100_000; i++) s.at(rand() * 1000, noop, null);
    const big = s.internalCapacity.buckets;
    expect(big).toBeGreaterThanOrEqual(100_000 / 2);
    expect(s.run({ until: 999 })).toBeGreaterThan(99_000);
    expect(s.internalCapacity.buckets).toBeLessThan(big / 8);
    let last = -Infinity;
    let ordered = true;
    s.at(999.5, noop, null);
    while (s.pending > 0) {
      const t = s.peekTime();
      if (t < last) ordered = false;
      last = t;
      s.step();
    }
    expect(ordered).toBe(true);
  });
});
