import { afterEach, describe, expect, it } from 'vitest';
import { InterruptHandler } from './interrupt.js';

describe('InterruptHandler', () => {
  let handler: InterruptHandler | undefined;
  afterEach(() => handler?.dispose());

  it('aborts the run on the first Ctrl-C and exits with 130 on the second', () => {
    const exits: number[] = [];
    let notices = 0;
    handler = new InterruptHandler({ onInterrupt: () => notices++, exit: (code) => exits.push(code) });
    expect(handler.signal.aborted).toBe(false);
    handler.interrupt();
    expect(handler.signal.aborted).toBe(true);
    expect(notices).toBe(1);
    expect(exits).toEqual([]);
    handler.interrupt();
    expect(exits).toEqual([130]);
    expect(notices).toBe(1);
  });

  it('listens to SIGINT only while installed', () => {
    const before = process.listenerCount('SIGINT');
    handler = new InterruptHandler({ exit: () => undefined }).install();
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    process.emit('SIGINT', 'SIGINT');
    expect(handler.signal.aborted).toBe(true);
    handler.dispose();
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});
