import { describe, expect, it } from 'vitest';
import { EventIds, Events } from './catalogue.js';
import { EventBus } from './event-bus.js';
import type { PacketEvent } from './payloads.js';

const packet: PacketEvent = {
  time: 1.5, packetId: 7, request: 'r_0', sfcInstance: 'si_1', user: 'u_0', sfc: 's_0', dataSource: 'src_0',
};

function listening(bus: EventBus, event: typeof Events.PACKET_CREATED): [boolean, boolean, number] {
  return [bus.has(event), bus.hasId(EventIds[event]), bus.listenerCount(event)];
}

describe('EventBus', () => {
  it('has() is false without listeners and follows on/off', () => {
    const bus = new EventBus();
    const a = (): void => {};
    const b = (): void => {};
    expect(listening(bus, Events.PACKET_CREATED)).toEqual([false, false, 0]);
    bus.on(Events.PACKET_CREATED, a);
    expect(listening(bus, Events.PACKET_CREATED)).toEqual([true, true, 1]);
    expect(bus.has(Events.PACKET_PROCESSED)).toBe(false);
    bus.on(Events.PACKET_CREATED, b);
    bus.off(Events.PACKET_CREATED, a);
    expect(listening(bus, Events.PACKET_CREATED)).toEqual([true, true, 1]);
    bus.off(Events.PACKET_CREATED, b);
    expect(listening(bus, Events.PACKET_CREATED)).toEqual([false, false, 0]);
  });

  it('delivers the payload to every listener in registration order', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    bus.on(Events.PACKET_CREATED, (p) => seen.push(`a${p.packetId}`));
    bus.on(Events.PACKET_CREATED, (p) => seen.push(`b${p.request}`));
    expect(bus.emit(Events.PACKET_CREATED, packet)).toBe(true);
    expect(seen).toEqual(['a7', 'br_0']);
    expect(bus.emit(Events.PACKET_ORPHAN, packet)).toBe(false);
  });

  it('once() counts until it fires, fires once, then has() turns false', () => {
    const bus = new EventBus();
    let calls = 0;
    bus.once(Events.PACKET_CREATED, () => {
      calls++;
      // Already deregistered while running: a listener that checks sees the truth.
      expect(bus.has(Events.PACKET_CREATED)).toBe(false);
    });
    expect(listening(bus, Events.PACKET_CREATED)).toEqual([true, true, 1]);
    bus.emit(Events.PACKET_CREATED, packet);
    bus.emit(Events.PACKET_CREATED, packet);
    expect(calls).toBe(1);
    expect(listening(bus, Events.PACKET_CREATED)).toEqual([false, false, 0]);
  });

  it('once() next to on() leaves the on() listener counted', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    bus.on(Events.PACKET_CREATED, () => seen.push('on'));
    bus.once(Events.PACKET_CREATED, () => seen.push('once'));
    expect(bus.listenerCount(Events.PACKET_CREATED)).toBe(2);
    bus.emit(Events.PACKET_CREATED, packet);
    bus.emit(Events.PACKET_CREATED, packet);
    expect(seen).toEqual(['on', 'once', 'on']);
    expect(listening(bus, Events.PACKET_CREATED)).toEqual([true, true, 1]);
  });

  it('off() with the original function removes a pending once() listener', () => {
    const bus = new EventBus();
    let calls = 0;
    const fn = (): void => {
      calls++;
    };
    bus.once(Events.PACKET_CREATED, fn);
    bus.off(Events.PACKET_CREATED, fn);
    expect(listening(bus, Events.PACKET_CREATED)).toEqual([false, false, 0]);
    bus.emit(Events.PACKET_CREATED, packet);
    expect(calls).toBe(0);
  });

  it('a once() listener registered while its event is being emitted waits for the next emission', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    bus.once(Events.PACKET_CREATED, () => {
      seen.push('first');
      bus.once(Events.PACKET_CREATED, () => seen.push('second'));
    });
    bus.emit(Events.PACKET_CREATED, packet);
    expect(seen).toEqual(['first']);
    expect(bus.has(Events.PACKET_CREATED)).toBe(true);
    bus.emit(Events.PACKET_CREATED, packet);
    expect(seen).toEqual(['first', 'second']);
    expect(bus.has(Events.PACKET_CREATED)).toBe(false);
  });

  it('off(event) and removeAllListeners() clear the counts', () => {
    const bus = new EventBus();
    bus.on(Events.PACKET_CREATED, () => {});
    bus.once(Events.PACKET_CREATED, () => {});
    bus.on(Events.LINK_PACKET_SENT, () => {});
    bus.off(Events.PACKET_CREATED);
    expect(listening(bus, Events.PACKET_CREATED)).toEqual([false, false, 0]);
    expect(bus.hasId(EventIds.LINK_PACKET_SENT)).toBe(true);
    bus.removeAllListeners();
    expect(bus.has(Events.LINK_PACKET_SENT)).toBe(false);
    expect(bus.hasId(EventIds.LINK_PACKET_SENT)).toBe(false);
  });

  it('hasId() is false for ids outside the catalogue', () => {
    const bus = new EventBus();
    expect(bus.hasId(-1)).toBe(false);
    expect(bus.hasId(1e6)).toBe(false);
  });
});
